// `alicloud-audit org-scan --store postgres://...`: one organisation run on the workers. It lists the members,
// holds the organisation's lock for the whole run (a second run of the same organisation fails at once, exit
// 4), sends one unit per member to the queue, waits for every unit, and writes the organisation report into
// --output-dir with the exit code of `scan --org`.
import { Command } from 'commander';
import { Redactor } from '../cloud/redact.js';
import { addConfigFlags, endpointSourceOf, type ConfigFlagName, type ConfigFlags } from '../config/flags.js';
import { loadConfig } from '../config/load.js';
import { UsageError } from '../errors.js';
import type { ExitCode } from '../findings/exit-status.js';
import { OrgTally } from '../findings/org-report.js';
import { createLogger } from '../log.js';
import { listOrganisation } from '../scan/org-members.js';
import { orgReportHead } from '../scan/org.js';
import { DEFAULT_UNIT_RETRIES, DEFAULT_UNIT_TIMEOUT_SECONDS, openQueue, planRun, tallyJob, waitForJobs } from '../scan/org-queue.js';
import { prepareAudit, type AuditPlan } from '../scan/plan.js';
import { isPostgresUrl } from '../store/location.js';
import { openStore } from '../store/open-store.js';
import { locksScopes } from '../store/scope-lock.js';
import type { AuditStore } from '../store/store.js';
import { checkOrgPlan, finishOrgRun, notScannedLine } from './scan-org.js';

export interface QueueCommandFlags extends ConfigFlags {
  quiet?: boolean;
}

interface OrgScanFlags extends QueueCommandFlags {
  unitTimeout?: string;
  unitRetries?: string;
}

const ORG_SCAN_CONFIG_FLAGS: readonly ConfigFlagName[] = [
  'config', 'outputDir', 'endpointUrl', 'profile', 'store', 'failOn', 'failOnUndelivered', 'logLevel',
  'maxAttempts', 'maxRetryTime', 'readTimeout', 'orgRole', 'accounts', 'excludeAccounts', 'folders',
];

export function wholeNumber(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new UsageError(`${flag}: "${value}" is not a whole number of at least ${min}`);
  return number;
}

/** The plan of `org-scan` and `worker`: a live scan's, with a PostgreSQL store, the queue's database. */
export async function queuePlan(flags: QueueCommandFlags, endpointSource: string, command: string): Promise<{ plan: AuditPlan; location: string }> {
  const redactor = new Redactor();
  const config = await loadConfig(flags);
  const location = config.store?.path;
  if (location === undefined || !isPostgresUrl(location)) {
    throw new UsageError(`${command} needs --store postgres://...: the work queue lives in the history's PostgreSQL database`);
  }
  const plan = await prepareAudit(config, { kind: 'live' }, { redactor, logger: createLogger(config.logLevel, redactor), endpointSource });
  checkOrgPlan(plan);
  return { plan, location };
}

export function orgScanCommand(): Command {
  // described in src/cli/commands.ts
  const command = new Command('org-scan');
  addConfigFlags(command, ORG_SCAN_CONFIG_FLAGS)
    .option('--unit-timeout <seconds>', `a unit still running after this long is taken for dead and retried by another worker (default ${DEFAULT_UNIT_TIMEOUT_SECONDS})`)
    .option('--unit-retries <n>', `attempts of a unit after its first, before it is an error entry (default ${DEFAULT_UNIT_RETRIES})`)
    .option('--quiet', 'print nothing on stderr but errors and warnings')
    .action(async (flags: OrgScanFlags, self: Command) => {
      process.exitCode = await runOrgScanCommand(flags, endpointSourceOf(self));
    });
  return command;
}

async function runOrgScanCommand(flags: OrgScanFlags, endpointSource: string): Promise<number> {
  const settings = {
    unitTimeoutSeconds: wholeNumber('--unit-timeout', flags.unitTimeout, DEFAULT_UNIT_TIMEOUT_SECONDS, 1),
    unitRetries: wholeNumber('--unit-retries', flags.unitRetries, DEFAULT_UNIT_RETRIES, 0),
  };
  const { plan, location } = await queuePlan(flags, endpointSource, 'org-scan');
  const startedAt = new Date().toISOString();
  const organisation = await listOrganisation(plan);
  const store: AuditStore = await openStore(location);
  try {
    if (!locksScopes(store)) throw new UsageError('org-scan needs a store that can lock an organisation');
    const lock = await store.lockScope(`organisation:${organisation.resourceDirectoryId}`);
    try {
      const boss = await openQueue(location, plan.logger);
      try {
        const { jobs } = await planRun(boss, organisation, plan.config.org.role, settings);
        const tally = new OrgTally();
        const codes: ExitCode[] = [];
        await waitForJobs(boss, location, [...jobs.keys()], (job) => {
          const member = jobs.get(job.id)!;
          const { code, error } = tallyJob(tally, member, job, plan);
          if (code !== undefined) codes.push(code);
          if (flags.quiet) return;
          process.stderr.write(error === undefined ? `alicloud-audit: account ${member.accountId} (${member.displayName}): scanned\n` : notScannedLine(member, error));
        });
        const report = tally.report(orgReportHead(organisation, startedAt), organisation.members.map((member) => member.accountId));
        return await finishOrgRun(report, codes, plan.config, { quiet: flags.quiet === true });
      } finally {
        await boss.stop({ graceful: false });
      }
    } finally {
      await lock.release();
    }
  } finally {
    await store.close();
  }
}
