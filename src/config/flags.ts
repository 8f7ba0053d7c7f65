// The command-line face of the config: one table of flags, each naming the config field it sets. Commands pick
// the flags they take from it, and `flagLayer` turns what was given into the config file's shape, to be laid over
// the file and validated with it (src/config/load.ts). A flag given replaces the file's value, lists included.
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { SEVERITIES, STATUSES } from '../findings/types.js';
import { LOG_LEVELS } from '../log.js';
import { FORMAT_NAMES } from '../outputs/formats.js';
import { isPostgresUrl } from '../store/location.js';
import { DEFAULT_GRACE_PERIOD_SECONDS, DEFAULT_ORG_ROLE, DEFAULT_ROLE_DURATION_SECONDS, DEFAULT_ROLE_SESSION_NAME } from './schema.js';

interface FlagSpec {
  flags: string;
  description: string;
  /** value: the last one wins; list: repeatable; switch: no value */
  kind: 'value' | 'list' | 'switch';
  /** the config field it sets; absent for the flags `flagLayer` handles itself */
  field?: readonly string[];
  /** a path, resolved against the working directory */
  isPath?: boolean;
  /** a path or a postgres:// connection string, kept as given */
  orDatabaseUrl?: boolean;
  toConfig?: (value: string) => unknown;
  choices?: readonly string[];
  env?: string;
}

const commaList = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);
const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

export const CONFIG_FLAGS = {
  config: { flags: '--config <file>', description: 'read settings from this YAML file; flags override it', kind: 'value' },
  regions: {
    flags: '--regions <list>',
    description: 'comma-separated region ids (default: every region ECS DescribeRegions returns)',
    kind: 'value',
    field: ['regions'],
    toConfig: commaList,
  },
  format: {
    flags: '--format <name>',
    description: `output format, repeatable: ${FORMAT_NAMES.join(', ')}`,
    kind: 'list',
  },
  output: { flags: '--output <file>', description: 'write a format to this file instead of stdout; repeat once per --format, in order', kind: 'list' },
  outputDir: { flags: '--output-dir <dir>', description: 'write every --format into this directory under a generated name', kind: 'value' },
  endpointUrl: {
    flags: '--endpoint-url <url>',
    description: 'send every API call to this URL (http or https)',
    kind: 'value',
    field: ['endpointUrl'],
    env: 'ALIBABA_CLOUD_ENDPOINT_URL',
  },
  profile: { flags: '--profile <name>', description: 'use this profile from ~/.aliyun/config.json', kind: 'value', field: ['profile'] },
  roleArn: {
    flags: '--role-arn <arn>',
    description: 'assume this RAM role (acs:ram::ACCOUNT:role/NAME) with the credentials found, and scan as the role',
    kind: 'value',
    field: ['role', 'arn'],
  },
  roleSessionName: {
    flags: '--role-session-name <name>',
    description: `session name for --role-arn (default ${DEFAULT_ROLE_SESSION_NAME})`,
    kind: 'value',
    field: ['role', 'sessionName'],
  },
  roleDuration: {
    flags: '--role-duration <seconds>',
    description: `session length for --role-arn, 900 to the role maximum (default ${DEFAULT_ROLE_DURATION_SECONDS}); refreshed before expiry`,
    kind: 'value',
    field: ['role', 'durationSeconds'],
    toConfig: number,
  },
  org: {
    flags: '--org',
    description: 'scan every member account of the resource directory these credentials manage (one report per account)',
    kind: 'switch',
    field: ['org', 'enabled'],
  },
  orgRole: {
    flags: '--org-role <name>',
    description: `with --org: the role assumed in each member (default ${DEFAULT_ORG_ROLE})`,
    kind: 'value',
    field: ['org', 'role'],
  },
  accounts: { flags: '--accounts <list>', description: 'with --org: only these member account ids, comma-separated', kind: 'value', field: ['org', 'accounts'], toConfig: commaList },
  excludeAccounts: {
    flags: '--exclude-accounts <list>',
    description: 'with --org: not these member account ids, comma-separated',
    kind: 'value',
    field: ['org', 'excludeAccounts'],
    toConfig: commaList,
  },
  folders: {
    flags: '--folders <list>',
    description: 'with --org: only members in these folders (fd-...) or below them, comma-separated',
    kind: 'value',
    field: ['org', 'folders'],
    toConfig: commaList,
  },
  maxAttempts: {
    flags: '--max-attempts <n>',
    description: 'attempts per API call; throttling, 5xx, timeouts and resets are retried with backoff (default 6)',
    kind: 'value',
    field: ['collection', 'maxAttempts'],
    toConfig: number,
  },
  maxRetryTime: {
    flags: '--max-retry-time <seconds>',
    description: 'no retry of a call starts after this long (default 90)',
    kind: 'value',
    field: ['collection', 'maxRetrySeconds'],
    toConfig: number,
  },
  concurrency: {
    flags: '--concurrency <n>',
    description: 'the most calls in flight per budget (per product, action and region; default 100, fewer as the learned rate needs)',
    kind: 'value',
    field: ['collection', 'concurrency'],
    toConfig: number,
  },
  requestsPerSecond: {
    flags: '--requests-per-second <n>',
    description: 'the most requests per second per budget (default: the rate each budget is learned to allow)',
    kind: 'value',
    field: ['collection', 'requestsPerSecond'],
    toConfig: number,
  },
  maxApiShare: {
    flags: '--max-api-share <fraction>',
    description: 'use at most this share (0 to 1) of each API budget learned, leaving the rest to other callers (default 1)',
    kind: 'value',
    field: ['collection', 'maxApiShare'],
    toConfig: number,
  },
  readTimeout: {
    flags: '--read-timeout <seconds>',
    description: 'how long to wait for one API answer before retrying (default 30)',
    kind: 'value',
    field: ['collection', 'readTimeoutSeconds'],
    toConfig: number,
  },
  rulesDir: { flags: '--rules-dir <dir>', description: 'add a directory of custom rules, repeatable', kind: 'list', field: ['rulesDirs'], isPath: true },
  mutelist: { flags: '--mutelist <file>', description: 'YAML mutelist of findings to mute', kind: 'value', field: ['mutelist'], isPath: true },
  sink: {
    flags: '--sink <name=url>',
    description: 'also send findings to a SIEM: splunk-hec=URL or webhook=URL, repeatable',
    kind: 'list',
    field: ['sinks'],
  },
  sinkChangesOnly: {
    flags: '--sink-changes-only',
    description: 'sinks get only new, reopened and resolved findings (needs the store)',
    kind: 'switch',
  },
  spoolDir: { flags: '--spool-dir <dir>', description: 'where findings a sink could not deliver wait for the next run', kind: 'value', field: ['spoolDir'], isPath: true },
  failOn: {
    flags: '--fail-on <severity>',
    description: 'exit 1 when an unmuted fail at or above this severity exists',
    kind: 'value',
    field: ['failOn'],
    choices: SEVERITIES,
  },
  failOnUndelivered: {
    flags: '--fail-on-undelivered',
    description: 'exit 5 when a sink spooled findings instead of delivering them',
    kind: 'switch',
    field: ['failOnUndelivered'],
  },
  services: { flags: '--services <list>', description: 'scan only these services, comma-separated (ram, ecs, vpc, sls, waf, ...: the service column of `rules list`)', kind: 'value', field: ['scope', 'services'], toConfig: commaList },
  rules: { flags: '--rules <list>', description: 'run only these rules: ids or globs (ram-*), comma-separated', kind: 'value', field: ['scope', 'rules'], toConfig: commaList },
  excludeRules: { flags: '--exclude-rules <list>', description: 'skip these rules: ids or globs, comma-separated', kind: 'value', field: ['scope', 'excludeRules'], toConfig: commaList },
  severity: {
    flags: '--severity <severity>',
    description: 'run only the rules whose failures can be at or above this severity',
    kind: 'value',
    field: ['scope', 'severity'],
    choices: SEVERITIES,
  },
  duties: { flags: '--duties <list>', description: 'run only the rules of these duties (`alicloud-audit duties` lists them)', kind: 'value', field: ['scope', 'duties'], toConfig: commaList },
  cisControls: { flags: '--cis-controls <list>', description: 'run only the rules mapped to these CIS 2.0.0 controls, e.g. 1.4,4.3', kind: 'value', field: ['scope', 'cisControls'], toConfig: commaList },
  status: {
    flags: '--status <list>',
    description: `outputs and sinks carry only findings with these statuses, e.g. fail,error (${STATUSES.join(', ')})`,
    kind: 'value',
    field: ['statuses'],
    toConfig: commaList,
  },
  logLevel: { flags: '--log-level <level>', description: 'log level of the JSON logs on stderr (default warn)', kind: 'value', field: ['logLevel'], choices: LOG_LEVELS },
  store: {
    flags: '--store <file|url>',
    description: 'the history: a SQLite file, or a postgres:// connection string for a shared PostgreSQL history',
    kind: 'value',
    field: ['store', 'path'],
    isPath: true,
    orDatabaseUrl: true,
  },
  schedule: { flags: '--schedule <cron>', description: 'cron schedule, e.g. "0 */6 * * *" (a sixth leading field: seconds)', kind: 'value', field: ['serve', 'schedule'] },
  timezone: { flags: '--timezone <tz>', description: "IANA time zone of the schedule (default the host's)", kind: 'value', field: ['serve', 'timezone'] },
  runNow: { flags: '--run-now', description: 'also scan once at start', kind: 'switch', field: ['serve', 'runNow'] },
  metricsAddress: {
    flags: '--metrics-address <host:port>',
    description: 'where /healthz and /metrics listen (default 127.0.0.1:9464)',
    kind: 'value',
    field: ['serve', 'metricsAddress'],
  },
  gracePeriod: {
    flags: '--grace-period <seconds>',
    description: `on SIGTERM/SIGINT, how long the running scan may take to finish (default ${DEFAULT_GRACE_PERIOD_SECONDS})`,
    kind: 'value',
    field: ['serve', 'gracePeriodSeconds'],
    toConfig: number,
  },
} as const satisfies Record<string, FlagSpec>;

export type ConfigFlagName = keyof typeof CONFIG_FLAGS;
type FlagValue<S> = S extends { kind: 'list' } ? string[] : S extends { kind: 'switch' } ? boolean : string;

/** `--max-resources N` (scan's table): a whole number of 0 or more. */
export function parseMaxResources(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new UsageError(`--max-resources expects a whole number of 0 or more, got "${value}"`);
  return n;
}

/** What commander hands a command's action for the config flags it took. */
export type ConfigFlags = { -readonly [K in ConfigFlagName]?: FlagValue<(typeof CONFIG_FLAGS)[K]> };

const collect = (value: string, previous: string[] = []) => [...previous, value];

function flagName(name: ConfigFlagName): string {
  return CONFIG_FLAGS[name].flags.split(' ')[0] as string;
}

/** Adds these config flags to a command. No defaults here: a default would hide the file's value. */
export function addConfigFlags(command: Command, names: readonly ConfigFlagName[]): Command {
  for (const name of names) {
    const spec: FlagSpec = CONFIG_FLAGS[name];
    const option = new Option(spec.flags, spec.description);
    if (spec.kind === 'list') option.argParser(collect).default([]);
    if (spec.choices) option.choices(spec.choices);
    if (spec.env) option.env(spec.env);
    command.addOption(option);
  }
  return command;
}

/** A value given by a flag, and where it landed in the config. */
export interface FlagOrigin {
  field: readonly PropertyKey[];
  flag: string;
}

export interface FlagLayer {
  /** the flags' values in the config file's shape */
  data: Record<string, unknown>;
  origins: FlagOrigin[];
  /** output flags replace the file's formats, outputs and outputDir as a whole */
  replacesOutputs: boolean;
  sinkChangesOnly: boolean;
}

function setIn(target: Record<string, unknown>, field: readonly string[], value: unknown): void {
  let node = target;
  for (const key of field.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[field.at(-1) as string] = value;
}

function sinkFromFlag(spec: string): { type: string; url: string } {
  const separator = spec.indexOf('=');
  if (separator <= 0) throw new UsageError('--sink expects NAME=URL, e.g. --sink splunk-hec=https://splunk.example.com:8088');
  return { type: spec.slice(0, separator).trim(), url: spec.slice(separator + 1).trim() };
}

/** Whether any of `--format`, `--output`, `--output-dir` was given. */
export function givesOutputs(flags: ConfigFlags): boolean {
  return (flags.format?.length ?? 0) > 0 || (flags.output?.length ?? 0) > 0 || flags.outputDir !== undefined;
}

/** `--format`, `--output`, `--output-dir` as the file's `formats` / `outputs` / `outputDir`. */
function outputFields(flags: ConfigFlags, cwd: string): Record<string, unknown> {
  const formatsGiven = flags.format ?? [];
  const files = (flags.output ?? []).map((file) => resolve(cwd, file));
  const outputDir = flags.outputDir === undefined ? undefined : resolve(cwd, flags.outputDir);
  if (outputDir !== undefined && files.length > 0) throw new UsageError('--output and --output-dir cannot be combined');
  if (files.length === 0) {
    return { ...(formatsGiven.length > 0 ? { formats: formatsGiven } : {}), ...(outputDir !== undefined ? { outputDir } : {}) };
  }
  const wanted = formatsGiven.length > 0 ? formatsGiven : ['json'];
  if (files.length !== wanted.length) {
    throw new UsageError(`--output: ${files.length} file(s) given for ${wanted.length} format(s); give one --output per --format`);
  }
  const outputs: Record<string, string> = {};
  wanted.forEach((format, index) => {
    if (Object.hasOwn(outputs, format)) throw new UsageError(`--format: ${format} is given twice`);
    outputs[format] = files[index] as string;
  });
  return { outputs };
}

export function flagLayer(flags: ConfigFlags, cwd: string): FlagLayer {
  const data: Record<string, unknown> = {};
  const origins: FlagOrigin[] = [];
  for (const name of Object.keys(CONFIG_FLAGS) as ConfigFlagName[]) {
    const spec: FlagSpec = CONFIG_FLAGS[name];
    const raw = flags[name];
    if (!spec.field || raw === undefined || raw === false || (Array.isArray(raw) && raw.length === 0)) continue;
    const convert = (value: string): unknown =>
      name === 'sink' ? sinkFromFlag(value) : spec.isPath && !(spec.orDatabaseUrl && isPostgresUrl(value)) ? resolve(cwd, value) : (spec.toConfig?.(value) ?? value);
    setIn(data, spec.field, Array.isArray(raw) ? raw.map(convert) : typeof raw === 'string' ? convert(raw) : raw);
    origins.push({ field: spec.field, flag: flagName(name) });
  }
  const replacesOutputs = givesOutputs(flags);
  if (replacesOutputs) {
    const outputs = outputFields(flags, cwd);
    Object.assign(data, outputs);
    // an `outputs` key is a format name: a bad one is a --format problem
    for (const field of Object.keys(outputs)) origins.push({ field: [field], flag: flagName(field === 'outputDir' ? 'outputDir' : 'format') });
  }
  return { data, origins, replacesOutputs, sinkChangesOnly: flags.sinkChangesOnly === true };
}

/** Where `--endpoint-url`'s value came from, as its error messages name it. */
export function endpointSourceOf(command: Command): string {
  const origin = command.getOptionValueSource('endpointUrl');
  return origin === 'env' ? 'ALIBABA_CLOUD_ENDPOINT_URL' : origin === 'cli' ? '--endpoint-url' : 'endpointUrl (config)';
}
