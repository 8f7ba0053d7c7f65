// What both stores do the same way with scan rows, whatever their SQL dialect: the canonical time form, the
// columns a completed scan gets from its report, which running scans are orphans, and which scans retention
// deletes. Each store only runs the SQL.
import { GLOBAL_REGION, type Finding, type ReportHead } from '../findings/types.js';
import { ownerGone, type ScanOwner } from './owner.js';
import { StoreError, coverageOf, type RetentionPolicy, type ScanCoverage, type ScanState } from './store.js';

export const DEFAULT_STALE_RUNNING_AFTER_MS = 24 * 60 * 60 * 1000;
export const KILLED_REASON = 'the process running the scan exited before the scan completed';
const DAY_MS = 24 * 60 * 60 * 1000;

/** ISO timestamps are compared and ordered, so they are stored in one canonical form. */
export function canonicalTime(iso: string, what: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new StoreError('AUDIT_INTERNAL', `${what} is not an ISO timestamp: ${JSON.stringify(iso)}`);
  return new Date(ms).toISOString();
}

/** The fields of the scan row that completing it sets. */
export interface CompletionFields {
  startedAt: string;
  finishedAt: string;
  accountId: string;
  source: ReportHead['scan']['source'];
  toolVersion: string;
  apiCalls: number;
  incomplete: boolean;
  summary: ReportHead['summary'];
  coverage: ScanCoverage;
}

/** Refuses the report of another scan (checked before any finding is stored). */
export function checkReportScan(scanId: string, report: ReportHead): void {
  if (report.scan.id !== scanId) {
    throw new StoreError(
      'AUDIT_INTERNAL',
      `the report of scan ${scanId} carries scan id ${report.scan.id}: run the scan with the id beginScan returned`,
    );
  }
}

/** The columns of a completed scan, once its findings (from the rules `findingRules`) are stored. */
export function completionFields(report: ReportHead, findingRules: Iterable<string>): CompletionFields {
  return {
    startedAt: canonicalTime(report.scan.startedAt, 'report.scan.startedAt'),
    finishedAt: canonicalTime(report.scan.finishedAt, 'report.scan.finishedAt'),
    accountId: report.scan.accountId,
    source: report.scan.source,
    toolVersion: report.scan.toolVersion,
    apiCalls: report.scan.apiCalls,
    incomplete: report.scan.incomplete,
    summary: report.summary,
    coverage: coverageOf(report, findingRules),
  };
}

/** Why a scan that is missing or not running cannot be completed. */
export function cannotComplete(scanId: string, state: ScanState | undefined): StoreError {
  return new StoreError(
    'AUDIT_INTERNAL',
    `cannot complete scan ${scanId}: ${state === undefined ? 'no such scan' : `it is ${state}, not running`}`,
  );
}

export interface RunningRow {
  id: string;
  owner: ScanOwner;
  startedAt: string;
}

/** Running scans whose process is gone: they will never complete, so they are aborted on open. */
export function orphans(running: readonly RunningRow[], now: Date, staleAfterMs: number): RunningRow[] {
  const nowMs = now.getTime();
  return running.filter((row) => ownerGone(row.owner, Date.parse(row.startedAt), nowMs, staleAfterMs));
}

export interface RetentionRow {
  seq: number;
  state: ScanState;
  startedAt: string;
  /** null for an aborted scan, which never learnt its account */
  accountId: string | null;
}

function isOlder(row: RetentionRow, than: RetentionRow): boolean {
  return row.startedAt < than.startedAt || (row.startedAt === than.startedAt && row.seq < than.seq);
}

/**
 * The scans the policy deletes, from the completed and aborted ones newest first (started_at DESC, seq DESC):
 * those older than their account's Nth newest completed scan (an aborted scan: the Nth newest of the whole
 * history), and those started before the day limit; never an account's newest completed scan, its next delta's
 * baseline. Per account, so that in a history shared by an organisation each account keeps its own N.
 */
export function beyondRetention<T extends RetentionRow>(rows: readonly T[], policy: RetentionPolicy, now: Date): T[] {
  const completed = rows.filter((row) => row.state === 'completed');
  const byAccount = new Map<string | null, T[]>();
  for (const row of completed) {
    const scans = byAccount.get(row.accountId) ?? [];
    scans.push(row);
    byAccount.set(row.accountId, scans);
  }
  const newest = new Set([...byAccount.values()].map((scans) => scans[0]));
  const countCutoff = (row: T) => {
    if (policy.keepScans === undefined) return undefined;
    return (row.state === 'completed' ? byAccount.get(row.accountId)! : completed)[policy.keepScans - 1];
  };
  const dayCutoff = policy.keepDays === undefined ? undefined : new Date(now.getTime() - policy.keepDays * DAY_MS).toISOString();
  return rows.filter((row) => {
    if (newest.has(row)) return false;
    const cutoff = countCutoff(row);
    if (policy.keepScans === 0 || (cutoff && isOlder(row, cutoff))) return true;
    return dayCutoff !== undefined && row.startedAt < dayCutoff;
  });
}

/** A stored finding's body; findings stored before `resource.region` was always a string have null for account-wide resources. */
export function storedFinding(body: string): Finding {
  const finding = JSON.parse(body) as Finding;
  if (finding.resource.region === null) finding.resource.region = GLOBAL_REGION;
  return finding;
}
