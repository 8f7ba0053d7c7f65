// `alicloud-audit scan`: flags in, one scan, outputs out. Everything is validated before the first API call.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import type { Logger } from 'pino';
import { parseEndpointUrl, type EndpointOverride } from '../cloud/clients.js';
import type { AssumeRoleSettings } from '../cloud/assume-role.js';
import type { CredentialSource } from '../cloud/credentials.js';
import { Redactor } from '../cloud/redact.js';
import { startEmulator, loadAccountModel } from '../emulator/index.js';
import { loadRules, type Rule } from '../engine/index.js';
import { UsageError } from '../errors.js';
import { exitCodeFor } from '../findings/exit-status.js';
import { applyMutelist, loadMutelist, type Mutelist } from '../findings/mutelist.js';
import { SEVERITIES, type Report, type Severity } from '../findings/types.js';
import { loadSnapshot, serializeSnapshot } from '../inventory/snapshot.js';
import { createLogger, LOG_LEVELS, type LogLevel } from '../log.js';
import { defaultFileName, FORMAT_NAMES, formats, isFormatName, type FormatName } from '../outputs/formats.js';
import { createSink, parseSinkSpec } from '../outputs/sinks/sinks.js';
import { deliverToSink } from '../outputs/sinks/deliver.js';
import { writeOutputAtomic } from '../outputs/write-atomic.js';
import { BUILTIN_RULES_DIR, DEMO_ACCOUNT_FILE } from '../paths.js';
import { collectLive } from '../scan/collect.js';
import { evaluateScan, type ScanInput } from '../scan/run-scan.js';
import { TerminalProgress } from './progress.js';
import { printSummary } from './summary.js';

export interface ScanFlags {
  regions?: string;
  format: string[];
  output: string[];
  outputDir?: string;
  endpointUrl?: string;
  profile?: string;
  demo?: boolean;
  snapshotOut?: string;
  fromSnapshot?: string;
  logLevel: LogLevel;
  rulesDir: string[];
  mutelist?: string;
  failOn?: Severity;
  sink: string[];
  spoolDir?: string;
  roleArn?: string;
  roleSessionName: string;
  roleDuration: number;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function scanCommand(): Command {
  return new Command('scan')
    .description('Scan an Alibaba Cloud account (or the bundled demo account, or a saved inventory) and report findings')
    .option('--regions <list>', 'comma-separated region ids (default: every region ECS DescribeRegions returns)')
    .option('--format <name>', `output format, repeatable: ${FORMAT_NAMES.join(', ')} (default: table on a terminal, json otherwise)`, collect, [])
    .option('--output <file>', 'write a format to this file instead of stdout; repeat once per --format, in order', collect, [])
    .option('--output-dir <dir>', 'write every --format into this directory under a generated name')
    .addOption(new Option('--endpoint-url <url>', 'send every API call to this URL (http or https)').env('ALIBABA_CLOUD_ENDPOINT_URL'))
    .option('--profile <name>', 'use this profile from ~/.aliyun/config.json')
    .option('--role-arn <arn>', 'assume this RAM role (acs:ram::ACCOUNT:role/NAME) with the credentials found, and scan as the role')
    .option('--role-session-name <name>', 'session name for --role-arn', 'alicloud-audit')
    .option('--role-duration <seconds>', 'session length for --role-arn (900 to the role maximum); refreshed before expiry', parseDuration, 3600)
    .option('--demo', 'scan the bundled demo account through a local API emulator (no credentials needed)')
    .option('--snapshot-out <file>', 'also save the collected inventory to this file')
    .option('--from-snapshot <file>', 'evaluate a saved inventory instead of calling any API')
    .option('--rules-dir <dir>', 'add a directory of custom rules, repeatable', collect, [])
    .option('--mutelist <file>', 'YAML mutelist of findings to mute')
    .option('--sink <name=url>', 'also send findings to a SIEM: splunk-hec=URL or webhook=URL, repeatable', collect, [])
    .option('--spool-dir <dir>', 'where findings a sink could not deliver wait for the next run')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when an unmuted fail at or above this severity exists').choices(SEVERITIES))
    .addOption(new Option('--log-level <level>', 'log level (JSON logs on stderr)').choices(LOG_LEVELS).default('warn'))
    .action(async (flags: ScanFlags) => {
      process.exitCode = await runScanCommand(flags, { interactive: process.stdout.isTTY === true });
    });
}

interface OutputPlan {
  format: FormatName;
  /** undefined: stdout */
  path?: string;
}

function planOutputs(flags: ScanFlags, interactive: boolean): OutputPlan[] {
  for (const name of flags.format) {
    if (!isFormatName(name)) throw new UsageError(`--format: unknown format "${name}" (expected one of ${FORMAT_NAMES.join(', ')})`);
  }
  const formatsWanted = (flags.format.length > 0 ? flags.format : [flags.output.length > 0 || flags.outputDir || !interactive ? 'json' : 'table']) as FormatName[];
  if (flags.outputDir !== undefined) {
    if (flags.output.length > 0) throw new UsageError('--output and --output-dir cannot be combined');
    return formatsWanted.map((format) => ({ format }));
  }
  if (flags.output.length === 0) {
    if (formatsWanted.length > 1) throw new UsageError('several --format values need one --output each, or --output-dir');
    return [{ format: formatsWanted[0] as FormatName }];
  }
  if (flags.output.length !== formatsWanted.length) {
    throw new UsageError(`--output: ${flags.output.length} file(s) given for ${formatsWanted.length} format(s); give one --output per --format`);
  }
  return formatsWanted.map((format, index) => ({ format, path: flags.output[index] as string }));
}

function parseDuration(value: string): number {
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 900 || seconds > 43_200) {
    throw new UsageError(`--role-duration: "${value}" is not a whole number of seconds from 900 to 43200`);
  }
  return seconds;
}

function parseRoleArn(value: string | undefined): string | undefined {
  if (value !== undefined && !/^acs:ram::\d+:role\/[\w.@+=,-]+$/i.test(value)) {
    throw new UsageError(`--role-arn: "${value}" is not a RAM role ARN (acs:ram::ACCOUNT_ID:role/ROLE_NAME)`);
  }
  return value;
}

function parseRegions(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const regions = value.split(',').map((region) => region.trim()).filter(Boolean);
  const malformed = regions.filter((region) => !/^[a-z]{2,}(-[a-z0-9]+)+$/.test(region));
  if (regions.length === 0 || malformed.length > 0) {
    throw new UsageError(`--regions: "${value}" is not a comma-separated list of region ids such as cn-hangzhou,ap-southeast-1`);
  }
  return regions;
}

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
    // the endpoint may come from the environment; only an explicit conflict is an error
    if (flags[a] !== undefined && flags[b] !== undefined) {
      if (b === 'endpointUrl' && process.env.ALIBABA_CLOUD_ENDPOINT_URL === flags.endpointUrl) continue;
      throw new UsageError(`${flag(a)} cannot be combined with ${flag(b)}`);
    }
  }
}

async function acquireInventory(
  flags: ScanFlags,
  context: {
    redactor: Redactor;
    logger: Logger;
    endpoint: EndpointOverride | undefined;
    regions: string[] | undefined;
    assumeRole: AssumeRoleSettings | undefined;
  },
): Promise<ScanInput> {
  const startedAt = new Date();
  if (flags.fromSnapshot !== undefined) {
    return { inventory: await loadSnapshot(flags.fromSnapshot), source: 'snapshot', startedAt, apiCalls: 0 };
  }
  const live = async (credentials: CredentialSource, endpoint: EndpointOverride | undefined) => {
    const progress = process.stderr.isTTY ? new TerminalProgress(process.stderr) : undefined;
    try {
      return await collectLive({
        credentials,
        ...(context.assumeRole ? { assumeRole: context.assumeRole } : {}),
        ...(endpoint ? { endpoint } : {}),
        ...(context.regions ? { regions: context.regions } : {}),
        redactor: context.redactor,
        logger: context.logger,
        ...(progress ? { progress } : {}),
      });
    } finally {
      progress?.stop();
    }
  };
  if (flags.demo) {
    // throwaway keys known only to this process and its emulator
    const key = { accessKeyId: `LTAIdemo${randomBytes(8).toString('hex')}`, accessKeySecret: randomBytes(24).toString('base64url') };
    const emulator = await startEmulator({ account: await loadAccountModel(DEMO_ACCOUNT_FILE), credentials: [key] });
    try {
      const { inventory, stats } = await live({ kind: 'static', ...key }, parseEndpointUrl(emulator.url));
      return { inventory, source: 'demo', startedAt, apiCalls: stats.calls };
    } finally {
      await emulator.close();
    }
  }
  const credentials: CredentialSource = flags.profile ? { kind: 'profile', profile: flags.profile } : { kind: 'default-chain' };
  const { inventory, stats } = await live(credentials, context.endpoint);
  return { inventory, source: 'live', startedAt, apiCalls: stats.calls };
}

export async function runScanCommand(flags: ScanFlags, options: { interactive: boolean }): Promise<number> {
  const redactor = new Redactor();
  const logger = createLogger(flags.logLevel, redactor);
  // everything the user gave us is checked before the first API call
  checkCombinations(flags);
  const outputs = planOutputs(flags, options.interactive);
  const regions = parseRegions(flags.regions);
  const endpoint = flags.endpointUrl && !flags.demo ? parseEndpointUrl(flags.endpointUrl) : undefined;
  const roleArn = parseRoleArn(flags.roleArn);
  const assumeRole = roleArn ? { roleArn, sessionName: flags.roleSessionName, durationSeconds: flags.roleDuration } : undefined;
  const rules: Rule[] = await loadRules([BUILTIN_RULES_DIR, ...flags.rulesDir]);
  const mutelist: Mutelist | undefined = flags.mutelist ? await loadMutelist(flags.mutelist) : undefined;
  const sinks = flags.sink.map((spec) => createSink(parseSinkSpec(spec), flags.spoolDir ? { spoolDir: flags.spoolDir } : {}));

  const input = await acquireInventory(flags, { redactor, logger, endpoint, regions, assumeRole });
  if (flags.snapshotOut !== undefined) await writeOutputAtomic(flags.snapshotOut, serializeSnapshot(input.inventory));
  let report: Report = evaluateScan(input, { rules });
  if (mutelist) {
    const muted = applyMutelist(report, mutelist, new Date());
    for (const warning of muted.warnings) logger.warn(warning);
    report = muted.report;
  }

  if (flags.outputDir !== undefined) await mkdir(flags.outputDir, { recursive: true, mode: 0o700 });
  const demoDefault = flags.demo && outputs.every((output) => output.path === undefined) && flags.outputDir === undefined;
  const written: string[] = [];
  for (const output of outputs) {
    const rendered = formats[output.format].render(report, { color: options.interactive && !process.env.NO_COLOR });
    const path =
      output.path ??
      (flags.outputDir !== undefined
        ? join(flags.outputDir, defaultFileName(output.format, report.scan.accountId, report.scan.finishedAt))
        : demoDefault
          ? `alicloud-audit-demo.${formats[output.format].extension}`
          : undefined);
    if (path === undefined) {
      process.stdout.write(rendered);
    } else {
      await writeOutputAtomic(path, rendered);
      written.push(path);
    }
  }
  for (const sink of sinks) {
    const summary = await deliverToSink(sink, report);
    if (summary.errors.length > 0) {
      logger.warn({ sink: summary.sink, delivered: summary.delivered, spooled: summary.spooled, spoolDir: summary.spoolDir }, summary.errors.join('; '));
    }
  }
  if (written.length > 0 && (flags.demo || process.stderr.isTTY)) printSummary(report, written, process.stderr);
  return exitCodeFor(report, flags.failOn);
}
