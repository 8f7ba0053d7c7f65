// `alicloud-audit serve`: the scan job of `scan` on a cron schedule, every run recorded in the history store and
// written to the configured files and sinks, with /healthz and /metrics, until SIGTERM or SIGINT.
import { Command } from 'commander';
import type { CallStats } from '../cloud/api-caller.js';
import { Redactor } from '../cloud/redact.js';
import { addConfigFlags, endpointSourceOf, type ConfigFlagName, type ConfigFlags } from '../config/flags.js';
import { loadConfig } from '../config/load.js';
import { UsageError } from '../errors.js';
import { createLogger } from '../log.js';
import { defaultStorePath } from '../paths.js';
import { fileTargets, publishReport } from '../scan/deliver.js';
import { runAudit } from '../scan/job.js';
import { prepareAudit } from '../scan/plan.js';
import { cronTicks } from '../serve/cron.js';
import { startServiceHttp } from '../serve/http.js';
import { ApiCallTotals } from '../serve/metrics.js';
import { startService } from '../serve/service.js';
import { printableLocation } from '../store/location.js';
import { openStore } from '../store/open-store.js';

export interface ServeFlags extends ConfigFlags {
  demo?: boolean;
}

const SERVE_CONFIG_FLAGS: readonly ConfigFlagName[] = [
  'config', 'schedule', 'timezone', 'runNow', 'metricsAddress', 'gracePeriod', 'store', 'regions', 'format', 'output', 'outputDir',
  'endpointUrl', 'profile', 'roleArn', 'roleSessionName', 'roleDuration', 'rulesDir', 'mutelist', 'sink', 'sinkChangesOnly',
  'spoolDir', 'logLevel', 'maxAttempts', 'maxRetryTime', 'concurrency', 'requestsPerSecond', 'maxApiShare', 'readTimeout',
  'services', 'rules', 'excludeRules', 'severity', 'duties', 'cisControls',
];

export function serveCommand(): Command {
  // described in src/cli/commands.ts
  const command = new Command('serve');
  addConfigFlags(command, SERVE_CONFIG_FLAGS)
    .option('--demo', 'scan the bundled demo account through a local API emulator, to try the service out')
    .action(async (flags: ServeFlags, self: Command) => {
      await runServeCommand(flags, { endpointSource: endpointSourceOf(self) });
    });
  return command;
}

/** `CallStats.byAction` is keyed `product:Action`; the metrics count per product. */
function addCallStats(totals: ApiCallTotals, stats: CallStats): void {
  for (const [key, counts] of Object.entries(stats.byAction)) {
    totals.add(key.slice(0, key.indexOf(':')), { calls: counts.calls, errors: counts.failures });
  }
}

/** Starts the service; the process exits from the shutdown handlers. */
export async function runServeCommand(flags: ServeFlags, options: { endpointSource: string }): Promise<void> {
  const redactor = new Redactor();
  if (flags.demo && (flags.endpointUrl !== undefined && process.env.ALIBABA_CLOUD_ENDPOINT_URL !== flags.endpointUrl)) {
    throw new UsageError('--demo cannot be combined with --endpoint-url');
  }
  const config = await loadConfig(flags);
  const { schedule, timezone, runNow, gracePeriodSeconds, metricsAddress, healthMaxAgeSeconds } = config.serve;
  if (schedule === undefined) throw new UsageError('serve needs a schedule: --schedule "0 */6 * * *" or serve.schedule in the config');
  if (config.formats && config.outputDir === undefined) {
    throw new UsageError('serve writes its reports to files: give --output-dir (or outputDir in the config) with --format');
  }
  const logger = createLogger(config.logLevel, redactor);
  const plan = await prepareAudit(config, flags.demo ? { kind: 'demo' } : { kind: 'live' }, {
    redactor,
    logger,
    endpointSource: options.endpointSource,
  });
  // everything that can refuse to start is tried before the database exists, so a typo leaves nothing behind
  cronTicks(schedule, timezone);
  const probe = () => {
    throw new Error('the address probe answers no request');
  };
  await (await startServiceHttp({ health: probe, metrics: probe }, metricsAddress)).close();
  const storePath = config.store?.path ?? defaultStorePath();
  const store = await openStore(storePath);
  const api = new ApiCallTotals();
  logger.info({ store: printableLocation(storePath) }, 'history store opened');
  await startService({
    job: async (signal) => {
      const { report, stats } = await runAudit(plan, store, signal);
      if (stats) addCallStats(api, stats);
      await publishReport(plan, report, fileTargets(config, report));
      // the service keeps the last report for /metrics
      return { ...report, findings: [...report.findings] };
    },
    schedule,
    ...(timezone ? { timezone } : {}),
    runNow,
    graceMs: gracePeriodSeconds * 1000,
    http: metricsAddress,
    ...(healthMaxAgeSeconds ? { healthMaxAgeMs: healthMaxAgeSeconds * 1000 } : {}),
    api,
    logger,
    exit: (code) => void store.close().finally(() => process.exit(code)),
  });
}
