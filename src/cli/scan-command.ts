// `alicloud-audit scan`: flags and the config file in, one scan, outputs out. Everything is validated before the
// first API call. With a store (`--store`), the scan is recorded in the history and reports its delta.
import { Command } from 'commander';
import { Redactor } from '../cloud/redact.js';
import { addConfigFlags, endpointSourceOf, parseMaxResources, type ConfigFlagName, type ConfigFlags } from '../config/flags.js';
import { loadConfig } from '../config/load.js';
import type { AuditConfig } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { exitCodeFor } from '../findings/exit-status.js';
import { withFindings } from '../findings/report.js';
import type { ReportHead, StreamedReport } from '../findings/types.js';
import { createLogger } from '../log.js';
import type { FormatName } from '../outputs/formats.js';
import { openStore } from '../store/open-store.js';
import { fileTargets, publishReport, stdoutTargets, writesFiles, type OutputTarget } from '../scan/deliver.js';
import { runAudit } from '../scan/job.js';
import { prepareAudit, type AuditPlan, type InventorySource } from '../scan/plan.js';
import { statusLine, TerminalProgress } from './progress.js';
import { checkOrgFlagsWithoutOrg, checkOrgPlan, runOrgScan } from './scan-org.js';
import { printSummary, summaryLine } from './summary.js';

export interface ScanFlags extends ConfigFlags {
  demo?: boolean;
  snapshotOut?: string;
  fromSnapshot?: string;
  maxResources?: string;
  detail?: boolean;
  /** no progress and no summary on stderr: errors and warnings only */
  quiet?: boolean;
  /** false with --no-color */
  color?: boolean;
}

const SCAN_CONFIG_FLAGS: readonly ConfigFlagName[] = [
  'config', 'regions', 'format', 'output', 'outputDir', 'endpointUrl', 'profile', 'roleArn', 'roleSessionName', 'roleDuration',
  'rulesDir', 'mutelist', 'sink', 'sinkChangesOnly', 'spoolDir', 'store', 'failOn', 'failOnUndelivered', 'logLevel',
  'maxAttempts', 'maxRetryTime', 'concurrency', 'requestsPerSecond', 'maxApiShare', 'readTimeout',
  'services', 'rules', 'excludeRules', 'severity', 'duties', 'cisControls', 'status',
  'org', 'orgRole', 'accounts', 'excludeAccounts', 'folders',
];

export function scanCommand(): Command {
  // described in src/cli/commands.ts
  const command = new Command('scan');
  addConfigFlags(command, SCAN_CONFIG_FLAGS)
    .option('--demo', 'scan the bundled demo account through a local API emulator (no credentials needed)')
    .option('--snapshot-out <file>', 'also save the collected inventory to this file')
    .option('--from-snapshot <file>', 'evaluate a saved inventory instead of calling any API')
    .option('--max-resources <n>', 'table: resources listed per rule before "and N more" (default 10)')
    .option('--detail', 'table: one line per finding, grouped by duty, instead of one block per rule')
    .option('--quiet', 'print nothing on stderr but errors and warnings: no progress, no summary')
    .option('--no-color', 'no colours in the table on a terminal (NO_COLOR does the same)')
    .action(async (flags: ScanFlags, self: Command) => {
      process.exitCode = await runScanCommand(flags, { interactive: process.stdout.isTTY === true, endpointSource: endpointSourceOf(self) });
    });
  return command;
}

/** Flags that describe different scans; settings from the config file that do not apply are ignored instead. */
function checkCombinations(flags: ScanFlags): void {
  const conflicts: Array<[keyof ScanFlags, keyof ScanFlags]> = [
    ['demo', 'fromSnapshot'],
    ['demo', 'endpointUrl'],
    ['demo', 'profile'],
    ['fromSnapshot', 'endpointUrl'],
    ['fromSnapshot', 'profile'],
    ['fromSnapshot', 'regions'],
    ['fromSnapshot', 'snapshotOut'],
    ['fromSnapshot', 'roleArn'],
    ['demo', 'roleArn'],
  ];
  const flag = (name: string) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  for (const [a, b] of conflicts) {
    if (flags[a] === undefined || flags[b] === undefined) continue;
    // the endpoint may come from the environment; only an explicit conflict is an error
    if (b === 'endpointUrl' && process.env.ALIBABA_CLOUD_ENDPOINT_URL === flags.endpointUrl) continue;
    throw new UsageError(`${flag(a)} cannot be combined with ${flag(b)}`);
  }
}

function sourceOf(flags: ScanFlags): InventorySource {
  if (flags.demo) return { kind: 'demo' };
  if (flags.fromSnapshot !== undefined) return { kind: 'snapshot', file: flags.fromSnapshot };
  return { kind: 'live' };
}

/** Where the report goes when the config names no file: stdout, a table on a terminal and JSON otherwise. */
function defaultTargets(config: AuditConfig, interactive: boolean): OutputTarget[] {
  const wanted: FormatName[] = config.formats ?? [interactive ? 'table' : 'json'];
  return stdoutTargets(wanted);
}

function deltaLine(report: ReportHead): string {
  const { delta } = report;
  if (!delta) return '';
  const { counts } = delta;
  return delta.baseScanId === null
    ? 'alicloud-audit: first scan in the history: later scans report what changed\n'
    : `alicloud-audit: since scan ${delta.baseScanId}: ${counts.new} new, ${counts.reopened} reopened, ${counts.resolved} resolved\n`;
}

export async function runScanCommand(flags: ScanFlags, options: { interactive: boolean; endpointSource: string }): Promise<number> {
  const redactor = new Redactor();
  checkCombinations(flags);
  const tableOptions = {
    ...(flags.maxResources !== undefined ? { maxResources: parseMaxResources(flags.maxResources) } : {}),
    ...(flags.detail ? { detail: true } : {}),
  };
  const showsProgress = process.stderr.isTTY === true && !flags.quiet;
  // loading the rules and checking every output target come first: say so, so a terminal never sits blank
  const preparing = showsProgress ? statusLine(process.stderr, 'preparing: config, rules, output targets ...') : undefined;
  let plan: AuditPlan;
  let config: AuditConfig;
  try {
    config = await loadConfig(flags);
    plan = await prepareAudit(config, sourceOf(flags), {
      redactor,
      logger: createLogger(config.logLevel, redactor),
      ...(showsProgress ? { progress: () => new TerminalProgress(process.stderr) } : {}),
      ...(flags.snapshotOut !== undefined ? { snapshotOut: flags.snapshotOut } : {}),
      endpointSource: options.endpointSource,
    });
  } finally {
    preparing?.clear();
  }
  checkOrgFlagsWithoutOrg(config);
  if (config.org.enabled) {
    checkOrgPlan(plan);
    const orgStore = config.store ? await openStore(config.store.path) : undefined;
    try {
      return await runOrgScan(plan, orgStore, { quiet: flags.quiet === true });
    } finally {
      await orgStore?.close();
    }
  }
  const targets = writesFiles(config) ? undefined : defaultTargets(config, options.interactive);
  const store = config.store ? await openStore(config.store.path) : undefined;
  let report: StreamedReport;
  try {
    ({ report } = await runAudit(plan, store));
  } finally {
    await store?.close();
  }
  const color = options.interactive && !process.env.NO_COLOR && flags.color !== false;
  // --status narrows the outputs only; it holds the findings it keeps (the summary is recounted over them)
  const shown = config.statuses
    ? withFindings(report, [...report.findings].filter((finding) => config.statuses?.includes(finding.status)))
    : report;
  const { files: written, spooled } = await publishReport(plan, shown, targets ?? fileTargets(config, shown), { color, ...tableOptions });
  if (!flags.quiet) {
    const destinations = written.length > 0 ? written : ['stdout'];
    if (process.stderr.isTTY) printSummary(report, destinations, process.stderr);
    else process.stderr.write(summaryLine(report, destinations));
    process.stderr.write(deltaLine(report));
  }
  return exitCodeFor(report, config.failOn, config.failOnUndelivered === true && spooled.length > 0);
}
