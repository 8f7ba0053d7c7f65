// The organisation run on many workers, over a pg-boss (10.x) queue in the history's PostgreSQL database.
// A unit is one member account: `org-scan` sends one job per member and waits for every job of its run;
// `worker` processes take the jobs, scan the member exactly as `scan --org` does (memberPlan, the store, the
// account lock) and complete the job with the part of the report the organisation report needs. A job carries
// no credentials: each worker resolves its own, as a scan does. A worker that dies mid-unit stops renewing
// nothing: its job simply expires (expireInSeconds) and pg-boss puts it back for another worker.
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { ScopeBusyError } from '../store/scope-lock.js';
import { openStore } from '../store/open-store.js';
import { exitCodeFor, type ExitCode } from '../findings/exit-status.js';
import { memberHead, OrgTally, type MemberHead } from '../findings/org-report.js';
import type { StreamedReport } from '../findings/types.js';
import type { Logger } from 'pino';
import { fileTargets, publishReport } from './deliver.js';
import type { Organisation, OrgMember } from './org-members.js';
import { scanMember } from './org.js';
import type { AuditPlan } from './plan.js';

export const UNIT_QUEUE = 'alicloud_audit_org_units';
/** a unit (one account's scan) still active after this long is taken to be dead and retried */
export const DEFAULT_UNIT_TIMEOUT_SECONDS = 3600;
/** attempts after the first; an expiry counts as one (pg-boss failJobsByTimeout) */
export const DEFAULT_UNIT_RETRIES = 2;
/** how often a supervising process moves expired jobs back to retry (pg-boss maintenance) */
const MAINTENANCE_SECONDS = 10;
const POLL_MS = 1000;

export interface UnitData {
  runId: string;
  member: OrgMember;
  callerAccountId: string;
  orgRole: string;
}

export type UnitOutput =
  | { status: 'scanned'; head: MemberHead; files: string[]; undelivered: boolean }
  | { status: 'error'; error: string };

export interface QueueSettings {
  unitTimeoutSeconds: number;
  unitRetries: number;
}

/**
 * pg-boss keeps its tables in a schema named in its constructor, not the connection's search_path: `pgboss`, or
 * `<schema>_pgboss` beside a history kept in a schema of its own (`options=-c search_path=<schema>`).
 */
export function queueSchema(location: string): string {
  const options = new URL(location).searchParams.get('options') ?? '';
  const schema = /search_path=([A-Za-z_][A-Za-z0-9_]*)/.exec(options)?.[1];
  return schema ? `${schema}_pgboss` : 'pgboss';
}

/** pg-boss started on the history's database (its tables created or migrated on first use), the unit queue made. */
export async function openQueue(location: string, logger: Logger): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: location,
    schema: queueSchema(location),
    max: 4,
    schedule: false,
    maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
  });
  boss.on('error', (error) => logger.warn({ error: error.message }, `queue: ${error.message}`));
  await boss.start();
  await boss.createQueue(UNIT_QUEUE);
  return boss;
}

/** One job per member, in one insert; their ids. */
export async function planRun(boss: PgBoss, organisation: Organisation, orgRole: string, settings: QueueSettings): Promise<{ runId: string; jobs: Map<string, OrgMember> }> {
  const runId = randomUUID();
  const jobs = new Map(organisation.members.map((member) => [randomUUID(), member]));
  await boss.insert(
    [...jobs].map(([id, member]) => ({
      id,
      name: UNIT_QUEUE,
      data: { runId, member, callerAccountId: organisation.callerAccountId, orgRole } satisfies UnitData,
      expireInSeconds: settings.unitTimeoutSeconds,
      retryLimit: settings.unitRetries,
      // a retried unit usually met a dead worker or another scan of its account still holding the account lock
      retryDelay: Math.min(60, Math.ceil(settings.unitTimeoutSeconds / 10)),
      retryBackoff: true,
    })),
  );
  return { runId, jobs };
}

interface EndedJob {
  id: string;
  state: 'completed' | 'failed' | 'cancelled';
  output: unknown;
  retry_count: number;
}

/** Waits until every job is completed, failed or cancelled (in the job table or already archived), telling each once. */
export async function waitForJobs(boss: PgBoss, location: string, ids: readonly string[], onEnd: (job: EndedJob) => void): Promise<void> {
  const schema = queueSchema(location);
  const pending = new Set(ids);
  const query = `SELECT id::text, state::text, output, retry_count FROM ${schema}.job WHERE name = $1 AND id = ANY($2::uuid[]) AND state IN ('completed', 'failed', 'cancelled')
    UNION ALL SELECT id::text, state::text, output, retry_count FROM ${schema}.archive WHERE name = $1 AND id = ANY($2::uuid[]) AND state IN ('completed', 'failed', 'cancelled')`;
  while (pending.size > 0) {
    const { rows } = await boss.getDb().executeSql(query, [UNIT_QUEUE, [...pending]]);
    for (const row of rows as EndedJob[]) {
      if (!pending.delete(row.id)) continue;
      onEnd(row);
    }
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Why a job ended without a scan: pg-boss keeps a thrown error serialised, an expiry as `{ value: { message } }`. */
function failureOf(job: EndedJob): string {
  const output = (job.output ?? {}) as { message?: string; value?: { message?: string } | string };
  const message = output.message ?? (typeof output.value === 'string' ? output.value : output.value?.message) ?? 'no reason recorded';
  return job.state === 'cancelled' ? `its unit was cancelled: ${message}` : `its unit failed after ${job.retry_count + 1} attempt(s): ${message}`;
}

/** Adds an ended job to the organisation report; the member's exit code when it was scanned. */
export function tallyJob(tally: OrgTally, member: OrgMember, job: EndedJob, plan: AuditPlan): { code?: ExitCode; error?: string } {
  const output = job.output as UnitOutput | null;
  if (job.state === 'completed' && output?.status === 'scanned') {
    tally.scanned(member, output.head, output.files);
    const { failOn, failOnUndelivered } = plan.config;
    return { code: exitCodeFor(output.head, failOn, failOnUndelivered === true && output.undelivered) };
  }
  const error = job.state === 'completed' && output?.status === 'error' ? output.error : failureOf(job);
  tally.failed(member, error);
  return { error };
}

/**
 * One unit, in a worker: the member scanned and recorded (its own store connection, so a running scan left by a
 * worker killed on this host is aborted first), its reports written. An account that cannot be scanned is the
 * job's answer; another scan holding the account's lock, or anything unexpected, throws so pg-boss retries.
 */
export async function workUnit(plan: AuditPlan, data: UnitData, storeLocation: string, onReport?: (report: StreamedReport, files: string[]) => void): Promise<UnitOutput> {
  const unitPlan = { ...plan, config: { ...plan.config, org: { ...plan.config.org, role: data.orgRole } } };
  const store = await openStore(storeLocation);
  let undelivered = false;
  try {
    const outcome = await scanMember(unitPlan, data.member, data.callerAccountId, store, async (memberPlan, report) => {
      const { files, spooled } = await publishReport(memberPlan, report, fileTargets(plan.config, report));
      undelivered = spooled.length > 0;
      onReport?.(report, files);
      return files;
    });
    if ('error' in outcome) {
      if (outcome.cause instanceof ScopeBusyError) throw outcome.cause;
      return { status: 'error', error: outcome.error };
    }
    return { status: 'scanned', head: memberHead(outcome.report), files: outcome.files, undelivered };
  } finally {
    await store.close();
  }
}
