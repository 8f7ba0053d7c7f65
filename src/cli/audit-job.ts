// The scan job `scan` and `serve` share: everything checked and loaded before the first API call (`prepareAudit`),
// then per run the inventory, the evaluation, the mutelist, the store with its delta and retention
// (`runAudit`), and the report written to files and sinks (`publishReport`).
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { DEFAULT_RETRY, type CallStats } from '../cloud/api-caller.js';
import { DEFAULT_RATE_LIMITS, type RateLimit } from '../cloud/rate-limit.js';
import { DEFAULT_TIMEOUTS, parseEndpointUrl, type EndpointOverride } from '../cloud/clients.js';
import type { AssumeRoleSettings } from '../cloud/assume-role.js';
import type { CredentialSource } from '../cloud/credentials.js';
import type { Redactor } from '../cloud/redact.js';
import type { AuditConfig } from '../config/schema.js';
import { loadAccountModel, startEmulator } from '../emulator/index.js';
import { BUNDLED_RULES_DIR, loadRules, type Rule } from '../engine/index.js';
import { UsageError } from '../errors.js';
import { complianceView } from '../findings/compliance.js';
import { applyMutelist, loadMutelist, unknownRuleWarnings, type Mutelist } from '../findings/mutelist.js';
import type { Report } from '../findings/types.js';
import { loadSnapshot, serializeSnapshot } from '../inventory/snapshot.js';
import { defaultFileName, formats, type FormatName } from '../outputs/formats.js';
import { deliverToSink } from '../outputs/sinks/deliver.js';
import type { Sink } from '../outputs/sinks/sink.js';
import { createSink } from '../outputs/sinks/sinks.js';
import { writeOutputAtomic } from '../outputs/write-atomic.js';
import { DEMO_ACCOUNT_FILE } from '../paths.js';
import { collectLive } from '../scan/collect.js';
import { evaluateScan, type ScanInput } from '../scan/run-scan.js';
import { recordScan } from '../store/record.js';
import { reportDelta } from '../store/report-delta.js';
import type { AuditStore } from '../store/store.js';
import { TerminalProgress } from './progress.js';
import { checkRuleParams, emptyRulesDirWarnings } from './rule-checks.js';
import { collectorsFor, selectRules } from './scope.js';

/** live: the account the credentials reach; demo: the bundled account through a loopback emulator */
export type InventorySource = { kind: 'live' } | { kind: 'demo' } | { kind: 'snapshot'; file: string };

export interface AuditPlan {
  config: AuditConfig;
  source: InventorySource;
  rules: Rule[];
  mutelist: Mutelist | undefined;
  endpoint: EndpointOverride | undefined;
  assumeRole: AssumeRoleSettings | undefined;
  sinks: Array<{ sink: Sink; changesOnly: boolean }>;
  redactor: Redactor;
  logger: Logger;
  /** show collection progress on stderr */
  progress: boolean;
  snapshotOut?: string;
  /** where `config.endpointUrl` came from, for its error messages */
  endpointSource: string;
}

export interface AuditRun {
  /** with `delta` when recorded in a store */
  report: Report;
  /** the API calls of a live or demo collection */
  stats: CallStats | undefined;
}

export async function prepareAudit(
  config: AuditConfig,
  source: InventorySource,
  context: Pick<AuditPlan, 'redactor' | 'logger' | 'progress' | 'snapshotOut' | 'endpointSource'>,
): Promise<AuditPlan> {
  const live = source.kind === 'live';
  const loaded = await loadRules([BUNDLED_RULES_DIR, ...config.rulesDirs]);
  checkRuleParams(loaded, config);
  for (const warning of emptyRulesDirWarnings(loaded, config.rulesDirs)) context.logger.warn(warning);
  const mutelist = config.mutelist ? await loadMutelist(config.mutelist) : undefined;
  if (mutelist) for (const warning of unknownRuleWarnings(mutelist, loaded.map((rule) => rule.id))) context.logger.warn(warning);
  const rules = selectRules(loaded, config.scope);
  if (config.sinks.some((sink) => sink.changesOnly) && !config.store) {
    throw new UsageError('a sink with changesOnly needs the history store: give --store PATH (or store.path in the config)');
  }
  return {
    ...context,
    config,
    source,
    rules,
    mutelist,
    endpoint: live && config.endpointUrl ? parseEndpointUrl(config.endpointUrl, context.endpointSource) : undefined,
    assumeRole: live && config.role ? { roleArn: config.role.arn, sessionName: config.role.sessionName, durationSeconds: config.role.durationSeconds } : undefined,
    sinks: config.sinks.map((sink) => ({
      sink: createSink({ name: sink.type, url: sink.url }, config.spoolDir ? { spoolDir: config.spoolDir } : {}),
      changesOnly: sink.changesOnly,
    })),
  };
}

/** Rejects as soon as `signal` aborts: a collection cannot be cut short, but the run must give up. */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  signal.throwIfAborted();
  return new Promise<T>((resolvePromise, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolvePromise, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The config's collection section as the cloud layer's retry, rate-limit and timeout policies. */
function collectionSettings(collection: AuditConfig['collection']) {
  const limit = (defaults: RateLimit): RateLimit => ({
    ...defaults,
    concurrency: collection.concurrency ?? defaults.concurrency,
    requestsPerSecond: collection.requestsPerSecond,
  });
  return {
    retry: { ...DEFAULT_RETRY, maxAttempts: collection.maxAttempts, maxElapsedMs: collection.maxRetrySeconds * 1000 },
    limits: { regional: limit(DEFAULT_RATE_LIMITS.regional), global: limit(DEFAULT_RATE_LIMITS.global) },
    timeouts: { ...DEFAULT_TIMEOUTS, readMs: collection.readTimeoutSeconds * 1000 },
  };
}

async function collect(plan: AuditPlan, credentials: CredentialSource, endpoint: EndpointOverride | undefined, signal: AbortSignal | undefined) {
  const progress = plan.progress ? new TerminalProgress(process.stderr) : undefined;
  try {
    return await collectLive({
      credentials,
      ...(plan.assumeRole ? { assumeRole: plan.assumeRole } : {}),
      ...(endpoint ? { endpoint } : {}),
      ...(plan.config.regions ? { regions: plan.config.regions } : {}),
      ...(plan.config.scope ? { services: collectorsFor(plan.rules) } : {}),
      redactor: plan.redactor,
      logger: plan.logger,
      ...(progress ? { progress } : {}),
      ...(signal ? { signal } : {}),
      ...collectionSettings(plan.config.collection),
    });
  } finally {
    progress?.stop();
  }
}

async function acquireInventory(plan: AuditPlan, signal: AbortSignal | undefined): Promise<{ input: ScanInput; stats: CallStats | undefined }> {
  const startedAt = new Date();
  const { source } = plan;
  if (source.kind === 'snapshot') {
    return { input: { inventory: await loadSnapshot(source.file), source: 'snapshot', startedAt, apiCalls: 0 }, stats: undefined };
  }
  if (source.kind === 'demo') {
    // throwaway keys known only to this process and its emulator
    const key = { accessKeyId: `LTAIdemo${randomBytes(8).toString('hex')}`, accessKeySecret: randomBytes(24).toString('base64url') };
    // the demo's dates move with the clock, so its findings are the same whenever it runs
    const account = await loadAccountModel(DEMO_ACCOUNT_FILE, { asOf: new Date() });
    const emulator = await startEmulator({ account, credentials: [key] });
    try {
      const { inventory, stats } = await collect(plan, { kind: 'static', ...key }, parseEndpointUrl(emulator.url), signal);
      return { input: { inventory, source: 'demo', startedAt, apiCalls: stats.calls }, stats };
    } finally {
      await emulator.close();
    }
  }
  const credentials: CredentialSource = plan.config.profile ? { kind: 'profile', profile: plan.config.profile } : { kind: 'default-chain' };
  const { inventory, stats } = await collect(plan, credentials, plan.endpoint, signal);
  return { input: { inventory, source: 'live', startedAt, apiCalls: stats.calls }, stats };
}

async function scanOnce(plan: AuditPlan, scanId: string | undefined, signal: AbortSignal | undefined): Promise<AuditRun> {
  const { input, stats } = await unlessAborted(acquireInventory(plan, signal), signal);
  if (plan.snapshotOut !== undefined) await writeOutputAtomic(plan.snapshotOut, serializeSnapshot(input.inventory));
  let report = evaluateScan(input, { rules: plan.rules, params: plan.config.ruleParams, ...(scanId ? { scanId } : {}) });
  if (plan.mutelist) {
    const muted = applyMutelist(report, plan.mutelist, new Date());
    for (const warning of muted.warnings) plan.logger.warn(warning);
    report = muted.report;
  }
  return { report: { ...report, compliance: complianceView(report, plan.rules) }, stats };
}

/** One run; with a store, recorded there (aborted when it fails), given its delta, and followed by retention. */
export async function runAudit(plan: AuditPlan, store: AuditStore | undefined, signal?: AbortSignal): Promise<AuditRun> {
  if (!store) return scanOnce(plan, undefined, signal);
  let stats: CallStats | undefined;
  const recorded = await recordScan(
    store,
    async (context) => {
      const run = await scanOnce(plan, context.scanId, context.signal);
      stats = run.stats;
      return run.report;
    },
    signal ?? new AbortController().signal,
  );
  const retention = plan.config.store?.retention;
  if (retention) {
    const { deleted } = await store.applyRetention(retention);
    if (deleted > 0) plan.logger.info({ deleted }, 'retention: old scans deleted');
  }
  return { report: { ...recorded.report, delta: reportDelta(recorded.diff) }, stats };
}

export interface OutputTarget {
  format: FormatName;
  /** undefined: stdout */
  path?: string;
}

/** The file outputs of the config: `outputs` one file per format, or `formats` into `outputDir`. */
export function fileTargets(config: AuditConfig, report: Report): OutputTarget[] {
  const { outputDir } = config;
  const named = Object.entries(config.outputs ?? {}).map(([format, path]) => ({ format: format as FormatName, path }));
  const inDir = outputDir === undefined ? [] : (config.formats ?? ['json']).map((format) => ({
    format,
    path: join(outputDir, defaultFileName(format, report.scan.accountId, report.scan.finishedAt)),
  }));
  return [...named, ...inDir];
}

/** Whether the config names output files (`outputs` or `outputDir`) rather than stdout. */
export function writesFiles(config: AuditConfig): boolean {
  return config.outputs !== undefined || config.outputDir !== undefined;
}

/** The report on stdout: one format only, since the formats would run together there. */
export function stdoutTargets(wanted: readonly FormatName[]): OutputTarget[] {
  if (wanted.length > 1) throw new UsageError('several --format values need one --output each, or --output-dir');
  return wanted.map((format) => ({ format }));
}

/** Renders every target to stdout or an atomic 0600 file; returns the files written. */
export async function writeOutputs(report: Report, targets: readonly OutputTarget[], color = false): Promise<string[]> {
  const written: string[] = [];
  for (const target of targets) {
    const rendered = formats[target.format].render(report, { color });
    if (target.path === undefined) {
      process.stdout.write(rendered);
    } else {
      await mkdir(dirname(target.path), { recursive: true, mode: 0o700 });
      await writeOutputAtomic(target.path, rendered);
      written.push(target.path);
    }
  }
  return written;
}

/** Writes the outputs and delivers to every sink (only the changes to a `changesOnly` one); returns the files written. */
export async function publishReport(plan: AuditPlan, report: Report, targets: readonly OutputTarget[], color = false): Promise<string[]> {
  const written = await writeOutputs(report, targets, color);
  for (const { sink, changesOnly } of plan.sinks) {
    const summary = await deliverToSink(sink, report, { changesOnly });
    if (summary.errors.length > 0) {
      plan.logger.warn({ sink: summary.sink, delivered: summary.delivered, spooled: summary.spooled, spoolDir: summary.spoolDir }, summary.errors.join('; '));
    }
  }
  return written;
}
