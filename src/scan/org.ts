// The organisation run: every selected member of the resource directory scanned as the role the directory
// keeps in it (acs:ram::MEMBER:role/NAME through STS AssumeRole, the --role-arn path), a few accounts at a time
// since Alibaba meters every API per account. Each account's report is delivered as its scan ends and only its
// head is kept; an account that cannot be scanned is an `error` entry of the organisation report, and the
// others go on.
import pLimit from 'p-limit';
import { ApiError } from '../cloud/api-error.js';
import { DEFAULT_ROLE_DURATION_SECONDS, DEFAULT_ROLE_SESSION_NAME } from '../config/schema.js';
import { AuditError, OutputError } from '../errors.js';
import { OrgTally, type OrgReport } from '../findings/org-report.js';
import type { StreamedReport } from '../findings/types.js';
import type { AuditStore } from '../store/store.js';
import { TOOL_VERSION } from '../version.js';
import { runAudit } from './job.js';
import { listOrganisation, type Organisation, type OrgMember } from './org-members.js';
import type { AuditPlan } from './plan.js';

/** member accounts scanned at once: each has budgets of its own, and each scan runs its own concurrency */
export const ORG_ACCOUNT_CONCURRENCY = 4;

export interface OrgRunHooks {
  /** delivers one account's report (files, sinks); returns the files written */
  deliver(plan: AuditPlan, report: StreamedReport): Promise<string[]>;
  /** told as each account ends */
  onAccount?(member: OrgMember, outcome: { report: StreamedReport } | { error: string }): void;
}

/** The plan of one member: the org role assumed in it, unless it is the account the credentials are in. */
export function memberPlan(plan: AuditPlan, member: OrgMember, callerAccountId: string): AuditPlan {
  const { org, role } = plan.config;
  return {
    ...plan,
    assumeRole:
      member.accountId === callerAccountId
        ? undefined
        : {
            roleArn: `acs:ram::${member.accountId}:role/${org.role}`,
            sessionName: role?.sessionName ?? DEFAULT_ROLE_SESSION_NAME,
            durationSeconds: role?.durationSeconds ?? DEFAULT_ROLE_DURATION_SECONDS,
          },
    // one progress line cannot follow several accounts
    progress: undefined,
  };
}

/** Why an account's scan ended without a report, when the reason is the account's and not the whole run's. */
function accountFailure(error: unknown): string | undefined {
  if (error instanceof OutputError) return undefined;
  if (error instanceof AuditError || error instanceof ApiError) return error.message;
  return undefined;
}

export type MemberOutcome = { report: StreamedReport; files: string[] } | { error: string; cause: unknown };

/**
 * One member's scan as the org role, delivered; `{ error }` when the account could not be scanned (its role not
 * assumable, its scan refused): a fact about the account, not a crash of the run, which throws.
 */
export async function scanMember(
  plan: AuditPlan,
  member: OrgMember,
  callerAccountId: string,
  store: AuditStore | undefined,
  deliver: OrgRunHooks['deliver'],
): Promise<MemberOutcome> {
  const scanPlan = memberPlan(plan, member, callerAccountId);
  let report: StreamedReport;
  try {
    ({ report } = await runAudit(scanPlan, store));
  } catch (error) {
    const reason = accountFailure(error);
    if (reason === undefined) throw error;
    plan.logger.warn({ accountId: member.accountId }, `account ${member.accountId} not scanned: ${reason}`);
    return { error: reason, cause: error };
  }
  return { report, files: await deliver(scanPlan, report) };
}

/** The organisation report's head: who was scanned, by whom, when. */
export function orgReportHead(organisation: Organisation, startedAt: string): Pick<OrgReport, 'organisation' | 'startedAt' | 'finishedAt' | 'toolVersion'> {
  return {
    organisation: {
      resourceDirectoryId: organisation.resourceDirectoryId,
      managementAccountId: organisation.managementAccountId,
      scannedBy: organisation.callerAccountId,
    },
    startedAt,
    finishedAt: new Date().toISOString(),
    toolVersion: TOOL_VERSION,
  };
}

export async function runOrgAudit(plan: AuditPlan, store: AuditStore | undefined, hooks: OrgRunHooks): Promise<OrgReport> {
  const startedAt = new Date().toISOString();
  const organisation = await listOrganisation(plan);
  const tally = new OrgTally();
  const limit = pLimit(ORG_ACCOUNT_CONCURRENCY);
  await Promise.all(
    organisation.members.map((member) =>
      limit(async () => {
        const outcome = await scanMember(plan, member, organisation.callerAccountId, store, hooks.deliver);
        if ('error' in outcome) tally.failed(member, outcome.error);
        else tally.scanned(member, outcome.report, outcome.files);
        hooks.onAccount?.(member, outcome);
      }),
    ),
  );
  return tally.report(
    orgReportHead(organisation, startedAt),
    organisation.members.map((member) => member.accountId),
  );
}
