// The one configuration of `scan`, `serve`, `history` and `diff`: a YAML file and flags over it, validated by this
// schema once at the edge (src/config/load.ts). Paths are resolved against the directory they were given in (the
// config file's, or the working directory for flags), so the rest of the code only sees absolute paths.
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { SEVERITIES, STATUSES } from '../findings/types.js';
import { LOG_LEVELS } from '../log.js';
import { FORMAT_NAMES, type FormatName } from '../outputs/formats.js';
import { sinks } from '../outputs/sinks/sinks.js';
import { isPostgresUrl } from '../store/location.js';
import { DEFAULT_RETRY } from '../cloud/api-caller.js';
import { DEFAULT_TIMEOUTS } from '../cloud/timeouts.js';
import { DEFAULT_RATE_LIMITS } from '../cloud/rate-limit.js';
import { DEFAULT_HTTP_HOST, DEFAULT_HTTP_PORT } from '../serve/http.js';

const SINK_NAMES = Object.keys(sinks) as Array<keyof typeof sinks>;

export const DEFAULT_ROLE_SESSION_NAME = 'alicloud-audit';
export const DEFAULT_ROLE_DURATION_SECONDS = 3600;
export const DEFAULT_GRACE_PERIOD_SECONDS = 300;
/** the role Resource Directory creates in every member it creates, trusting the management account */
export const DEFAULT_ORG_ROLE = 'ResourceDirectoryAccountAccessRole';

const quoted = (value: unknown) => JSON.stringify(value);
const oneOf = (names: readonly string[]) => `expected one of ${names.join(', ')}`;

const text = () => z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') }).trim().min(1, 'must not be empty');
const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.number({ error: 'must be a number' }).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

const region = z.string().regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, { error: (issue) => `${quoted(issue.input)} is not a region id such as cn-hangzhou or ap-southeast-1` });
const accountId = z.string().regex(/^\d{16}$/, { error: (issue) => `${quoted(issue.input)} is not a 16-digit account id` });
const format = z.enum(FORMAT_NAMES, { error: (issue) => `unknown format ${quoted(issue.input)} (${oneOf(FORMAT_NAMES)})` });

/** http(s), no credentials in it: tokens come from the environment and URLs end up in logs. */
const sinkUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
  // runs even when the URL check failed: an unparsable value is that check's error, not a TypeError here
  .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), {
    error: 'must not carry credentials: the token is read from the environment',
  })
  .transform((value) => new URL(value));

const sink = z.strictObject({
  type: z.enum(SINK_NAMES, { error: (issue) => `unknown sink ${quoted(issue.input)} (${oneOf(SINK_NAMES)})` }),
  url: sinkUrl,
  /** send only new, reopened and resolved findings (needs the store) */
  changesOnly: z.boolean({ error: 'must be true or false' }).default(false),
});

/** `host:port`, `[::1]:port` */
const address = z.string().transform((value, context) => {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value);
  const port = Number(match?.[3]);
  if (!match || port > 65_535) {
    context.addIssue({ code: 'custom', message: `${quoted(value)} is not HOST:PORT, e.g. 127.0.0.1:9464`, input: value });
    return z.NEVER;
  }
  return { host: (match[1] ?? match[2]) as string, port };
});

const roleArn = text().regex(/^acs:ram::\d+:role\/[\w.@+=,-]+$/i, {
  error: (issue) => `${quoted(issue.input)} is not a RAM role ARN (acs:ram::ACCOUNT_ID:role/ROLE_NAME)`,
});

function pathIn(baseDir: string) {
  return text().transform((value) => (isAbsolute(value) ? value : resolve(baseDir, value)));
}

/** The schema of the config for paths given relative to `baseDir`. */
export function configSchema(baseDir: string) {
  const path = pathIn(baseDir);
  /** the history: a SQLite file, or a postgres:// connection string */
  const storeLocation = text().transform((value) => (isPostgresUrl(value) ? value : resolve(baseDir, value)));
  return z
    .strictObject(
      {
      /** default: every region DescribeRegions returns */
      regions: z.array(region).min(1, 'must list at least one region').optional(),
      /** formats written to stdout (scan) or into outputDir */
      formats: z.array(format).min(1, 'must list at least one format').optional(),
      /** one file per format */
      outputs: z
        .record(z.string(), path)
        .superRefine((outputs, context) => {
          for (const name of Object.keys(outputs)) {
            const known = format.safeParse(name);
            if (!known.success) context.addIssue({ code: 'custom', path: [name], message: known.error.issues[0]?.message ?? 'unknown format' });
          }
        })
        .transform((outputs) => outputs as Partial<Record<FormatName, string>>)
        .optional(),
      outputDir: path.optional(),
      sinks: z.array(sink).default([]),
      /** where findings a sink could not deliver wait for the next run */
      spoolDir: path.optional(),
      mutelist: path.optional(),
      failOn: z.enum(SEVERITIES, { error: oneOf(SEVERITIES) }).optional(),
      /** exit 5 when a sink spooled findings instead of delivering them (a SIEM outage a CI job must notice) */
      failOnUndelivered: z.boolean({ error: 'must be true or false' }).optional(),
      /** directories of custom rules, besides the bundled ones */
      rulesDirs: z.array(path).default([]),
      /** rule id -> param -> value, checked against each rule's declared params before any API call */
      ruleParams: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
      store: z
        .strictObject({
          path: storeLocation,
          retention: z
            .strictObject({ keepScans: wholeNumber(1).optional(), keepDays: z.number().positive('must be more than 0').optional() })
            .optional(),
        })
        .optional(),
      serve: z
        .strictObject({
          schedule: text().optional(),
          /** IANA name; default the host's */
          timezone: text().optional(),
          runNow: z.boolean({ error: 'must be true or false' }).default(false),
          gracePeriodSeconds: wholeNumber(0).default(DEFAULT_GRACE_PERIOD_SECONDS),
          metricsAddress: address.default({ host: DEFAULT_HTTP_HOST, port: DEFAULT_HTTP_PORT }),
          healthMaxAgeSeconds: wholeNumber(1).optional(),
        })
        .prefault({}),
      logLevel: z.enum(LOG_LEVELS, { error: oneOf(LOG_LEVELS) }).default('warn'),
      /** assume this RAM role with the credentials found, and scan as the role */
      role: z
        .strictObject({
          arn: roleArn,
          sessionName: z.string().regex(/^[\w.@-]{2,64}$/, 'must be 2 to 64 letters, digits or . @ - _').default(DEFAULT_ROLE_SESSION_NAME),
          durationSeconds: wholeNumber(900, 43_200).default(DEFAULT_ROLE_DURATION_SECONDS),
        })
        .optional(),
      /**
       * scan every member of the resource directory the credentials manage, each as the role `role` of that
       * member (acs:ram::MEMBER:role/ROLE), narrowed to some accounts or folders
       */
      org: z
        .strictObject({
          enabled: z.boolean({ error: 'must be true or false' }).default(false),
          role: z.string().regex(/^[\w.@+=,-]{1,64}$/, 'must be a RAM role name (letters, digits and . @ + = , - _)').default(DEFAULT_ORG_ROLE),
          accounts: z.array(accountId).min(1, 'must list at least one account').optional(),
          excludeAccounts: z.array(accountId).optional(),
          /** folder ids (fd-...): members in them or in folders below them */
          folders: z.array(z.string().regex(/^fd-\w+$/, { error: (issue) => `${quoted(issue.input)} is not a folder id such as fd-QRzuim01` })).min(1, 'must list at least one folder').optional(),
        })
        .prefault({}),
      /** how hard the collectors lean on the APIs: one learned budget per product, action and region (no region for RAM, IMS) */
      collection: z
        .strictObject({
          /** attempts per call, the first included; throttling, 5xx, timeouts and resets are retried */
          maxAttempts: wholeNumber(1, 20).default(DEFAULT_RETRY.maxAttempts),
          /** no retry starts after this long on one call */
          maxRetrySeconds: wholeNumber(1, 3600).default(DEFAULT_RETRY.maxElapsedMs / 1000),
          /** the most calls in flight per budget; default 100 (the learned rate x latency needs fewer) */
          concurrency: wholeNumber(1, 100).optional(),
          /** the most requests per second per budget, whatever it allows; default: what each budget allows */
          requestsPerSecond: z.number({ error: 'must be a number' }).positive('must be more than 0').max(1000, 'must be at most 1000').optional(),
          /** the share of each learned budget the audit may use, for accounts whose own automation shares it */
          maxApiShare: z.number({ error: 'must be a number' }).positive('must be more than 0').max(1, 'must be at most 1').default(DEFAULT_RATE_LIMITS.maxShare),
          readTimeoutSeconds: wholeNumber(1, 600).default(DEFAULT_TIMEOUTS.readMs / 1000),
        })
        .prefault({}),
      /** send every API call to this URL (checked by the cloud layer's parser, like the flag) */
      endpointUrl: text().optional(),
      /** a profile of ~/.aliyun/config.json */
      profile: text().optional(),
      /** which rules run, and so which collectors (src/scan/scope.ts checks the names against the rules) */
      scope: z
        .strictObject({
          services: z.array(text()).min(1, 'must list at least one service').optional(),
          /** rule ids or globs (* and ?) */
          rules: z.array(text()).min(1, 'must list at least one rule').optional(),
          excludeRules: z.array(text()).optional(),
          /** rules whose failures can be at or above this severity */
          severity: z.enum(SEVERITIES, { error: oneOf(SEVERITIES) }).optional(),
          duties: z.array(text()).min(1, 'must list at least one duty').optional(),
          cisControls: z.array(text()).min(1, 'must list at least one control').optional(),
        })
        .optional(),
      /** the finding statuses the outputs and sinks carry (default all); the exit status still sees every finding */
      statuses: z.array(z.enum(STATUSES, { error: oneOf(STATUSES) })).min(1, 'must list at least one status').optional(),
      },
      { error: (issue) => (issue.code === 'invalid_type' ? 'expected a mapping of settings' : undefined) },
    )
    .superRefine((config, context) => {
      if (config.outputs && (config.formats || config.outputDir)) {
        context.addIssue({ code: 'custom', path: ['outputs'], message: 'give either outputs (one file per format) or formats with outputDir, not both' });
      }
    });
}

export type AuditConfig = z.output<ReturnType<typeof configSchema>>;
export type SinkConfig = AuditConfig['sinks'][number];
export type RetentionConfig = NonNullable<NonNullable<AuditConfig['store']>['retention']>;
