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
import { listOrganisation, type OrgMember } from './org-members.js';
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

export async function runOrgAudit(plan: AuditPlan, store: AuditStore | undefined, hooks: OrgRunHooks): Promise<OrgReport> {
  const startedAt = new Date().toISOString();
  const organisation = await listOrganisation(plan);
  const tally = new OrgTally();
  const limit = pLimit(ORG_ACCOUNT_CONCURRENCY);
  await Promise.all(
    organisation.members.map((member) =>
      limit(async () => {
        const scanPlan = memberPlan(plan, member, organisation.callerAccountId);
        let report: StreamedReport;
        try {
          ({ report } = await runAudit(scanPlan, store));
        } catch (error) {
          const reason = accountFailure(error);
          if (reason === undefined) throw error;
          plan.logger.warn({ accountId: member.accountId }, `account ${member.accountId} not scanned: ${reason}`);
          tally.failed(member, reason);
          hooks.onAccount?.(member, { error: reason });
          return;
        }
        tally.scanned(member, report, await hooks.deliver(scanPlan, report));
        hooks.onAccount?.(member, { report });
      }),
    ),
  );
  return tally.report(
    {
      organisation: {
        resourceDirectoryId: organisation.resourceDirectoryId,
        managementAccountId: organisation.managementAccountId,
        scannedBy: organisation.callerAccountId,
      },
      startedAt,
      finishedAt: new Date().toISOString(),
      toolVersion: TOOL_VERSION,
    },
    organisation.members.map((member) => member.accountId),
  );
}
