// The organisation report: one entry per member account (its scan's summary, or why it could not be scanned)
// and the totals over them, per finding status, per failing severity and per duty. Each account's findings are
// in that account's own report; this one says where to find them.
import { DUTIES, type DutyId } from './duties.js';
import { SEVERITIES, STATUSES, type FindingStatus, type ReportHead, type Severity } from './types.js';

export const ORG_REPORT_SCHEMA_VERSION = 1;

export interface OrgMemberRef {
  accountId: string;
  displayName: string;
  folderId: string;
  path: string;
}

export type OrgAccountEntry = OrgMemberRef &
  (
    | {
        status: 'scanned';
        scanId: string;
        /** part of the account could not be assessed (its report's coverage.gaps say what) */
        incomplete: boolean;
        summary: ReportHead['summary'];
        /** the account's reports */
        files: string[];
      }
    | {
        /** the account was not scanned: its role could not be assumed, its scan could not run */
        status: 'error';
        error: string;
      }
  );

export interface OrgReport {
  schemaVersion: typeof ORG_REPORT_SCHEMA_VERSION;
  organisation: { resourceDirectoryId: string; managementAccountId: string; scannedBy: string };
  startedAt: string;
  finishedAt: string;
  toolVersion: string;
  /** true when an account could not be scanned, or one was scanned incompletely: never a pass for the whole */
  incomplete: boolean;
  summary: {
    accounts: number;
    scanned: number;
    notScanned: number;
    incomplete: number;
    byStatus: Record<FindingStatus, number>;
    failBySeverity: Record<Severity, number>;
  };
  /** per duty: the findings of every scanned account, and the accounts where the duty has a failure */
  duties: Array<{ duty: DutyId; title: string; counts: Record<FindingStatus, number>; failingAccounts: string[] }>;
  accounts: OrgAccountEntry[];
}

/** What the organisation report reads of an account's report: a worker sends only this back. */
export interface MemberHead {
  scan: Pick<ReportHead['scan'], 'id' | 'incomplete'>;
  summary: ReportHead['summary'];
  coverage: { duties: Array<Pick<ReportHead['coverage']['duties'][number], 'duty' | 'counts'>> };
}

/** The parts of a report the organisation report keeps (a report head is larger: its rules, its inventory counts). */
export function memberHead(report: MemberHead): MemberHead {
  return {
    scan: { id: report.scan.id, incomplete: report.scan.incomplete },
    summary: report.summary,
    coverage: { duties: report.coverage.duties.map(({ duty, counts }) => ({ duty, counts })) },
  };
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** Counts the accounts' scans as they finish, so no account's report is held longer than its own delivery. */
export class OrgTally {
  readonly #accounts: OrgAccountEntry[] = [];
  readonly #duties = new Map(DUTIES.map((duty) => [duty.id, { duty: duty.id, title: duty.title, counts: zeros(STATUSES), failingAccounts: [] as string[] }]));

  scanned(member: OrgMemberRef, report: MemberHead, files: string[]): void {
    this.#accounts.push({ ...member, status: 'scanned', scanId: report.scan.id, incomplete: report.scan.incomplete, summary: report.summary, files });
    for (const coverage of report.coverage.duties) {
      const duty = this.#duties.get(coverage.duty);
      if (!duty) continue;
      for (const status of STATUSES) duty.counts[status] += coverage.counts[status];
      if (coverage.counts.fail > 0) duty.failingAccounts.push(member.accountId);
    }
  }

  failed(member: OrgMemberRef, error: string): void {
    this.#accounts.push({ ...member, status: 'error', error });
  }

  report(head: Pick<OrgReport, 'organisation' | 'startedAt' | 'finishedAt' | 'toolVersion'>, order: readonly string[]): OrgReport {
    const rank = new Map(order.map((id, index) => [id, index]));
    const accounts = [...this.#accounts].sort((a, b) => (rank.get(a.accountId) ?? 0) - (rank.get(b.accountId) ?? 0));
    const byStatus = zeros(STATUSES);
    const failBySeverity = zeros(SEVERITIES);
    let scanned = 0;
    let incomplete = 0;
    for (const account of accounts) {
      if (account.status !== 'scanned') continue;
      scanned++;
      if (account.incomplete) incomplete++;
      for (const status of STATUSES) byStatus[status] += account.summary.byStatus[status];
      for (const severity of SEVERITIES) failBySeverity[severity] += account.summary.failBySeverity[severity];
    }
    const notScanned = accounts.length - scanned;
    return {
      schemaVersion: ORG_REPORT_SCHEMA_VERSION,
      ...head,
      incomplete: notScanned > 0 || incomplete > 0,
      summary: { accounts: accounts.length, scanned, notScanned, incomplete, byStatus, failBySeverity },
      // accounts end in any order: the report lists them in the directory's
      duties: [...this.#duties.values()].map((duty) => ({ ...duty, failingAccounts: [...duty.failingAccounts].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)) })),
      accounts,
    };
  }
}
