// The account model: one JSON document describing an Alibaba Cloud account for the emulator.
// Resources are written in the API's own PascalCase fields, only the ones that matter; each service's
// templates (./services/<service>/shapes.ts) fill in the rest of the real response shape. Wrapper objects
// (`{ Tag: [...] }`) are written as bare arrays. Fields that the template does not know are rejected, so a
// typo cannot silently vanish. The fields of a region and of the account are merged from the services'
// slices (./services/<service>/model.ts).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { isoSeconds } from './fill.js';
import { isoTime, type Expect, type ModelPath } from './model-fields.js';
import type { EmulatedService } from './service.js';
import {
  SERVICES,
  type AccountReads,
  type RegionReads,
  type ServiceAccountFields,
  type ServiceRegionFields,
} from './services/index.js';

export class AccountModelError extends Error {
  readonly code = 'EMULATOR_ACCOUNT_MODEL_INVALID';
  readonly issues: string[];
  constructor(source: string, issues: string[], options?: { cause?: unknown }) {
    super(`${source}: invalid account model:\n  ${issues.join('\n  ')}`, options);
    this.name = 'AccountModelError';
    this.issues = issues;
  }
}

const services: readonly EmulatedService[] = SERVICES;

/** The services' fields of one kind, in the order of the service list. */
function merged<T>(fields: (service: EmulatedService) => z.ZodRawShape | undefined): T {
  return Object.assign({}, ...services.map(fields)) as T;
}

const regionSchema = z.strictObject({
  localName: z.string().optional(),
  /**
   * DescribeRegions Status: whether the region is sold out, "available" or "soldOut"
   * (ecs_2014-05-26.api-docs.json, DescribeRegions Regions.Region[].Status "集群是否售罄"). A sold-out region
   * still holds the account's resources.
   */
  status: z.enum(['available', 'soldOut']).default('available'),
  ...merged<ServiceRegionFields>((service) => service.regionFields),
});

const ramAction = z.string().regex(/^[a-z-]+:[A-Z][A-Za-z]+$/, 'expected "service:Action", e.g. "ecs:DescribeDisks"');

const deniedActionSchema = z.union([
  ramAction,
  z.strictObject({ action: ramAction, regions: z.array(z.string()).min(1) }),
]);

const regionIdPattern = /^[a-z]+(-[a-z0-9]+)+$/;

const accountShape = z.strictObject({
  $comment: z.string().optional(),
  /** the time the model's dates were written for: `loadAccountModel(file, { asOf })` moves them to another time */
  referenceTime: isoTime.optional(),
  accountId: z.string().regex(/^\d{16}$/, 'expected a 16-digit Alibaba Cloud account id'),
  accountAlias: z.string().optional(),
  regions: z
    .record(z.string().regex(regionIdPattern, 'expected a region id like cn-hangzhou'), regionSchema)
    .refine((regions) => Object.keys(regions).length > 0, 'an account needs at least one region'),
  ...merged<ServiceAccountFields>((service) => service.accountFields),
  /** RAM actions every caller is denied (403), optionally only in some regions */
  deniedActions: z.array(deniedActionSchema).default([]),
});

const accountModelSchema = accountShape.superRefine((model, context) => {
  for (const { path, message } of referenceProblems(model)) context.addIssue({ code: 'custom', path, message });
});

export type AccountModelInput = z.input<typeof accountModelSchema>;
export type AccountModel = z.output<typeof accountModelSchema>;
export type RegionModel = AccountModel['regions'][string];

interface Problem {
  path: ModelPath;
  message: string;
}

/** Cross-references a JSON schema cannot express, as each service states them: every id a resource points at must exist. */
function referenceProblems(model: z.output<typeof accountShape>): Problem[] {
  const problems: Problem[] = [];
  const expectAt =
    (...prefix: ModelPath): Expect =>
    (ok, path, message) => {
      if (!ok) problems.push({ path: [...prefix, ...path], message });
    };
  for (const [regionId, region] of Object.entries(model.regions)) {
    // the region gives every service what it declares it reads
    const read: RegionReads = region;
    for (const service of services) service.checkRegion?.(read as never, regionId, expectAt('regions', regionId));
  }
  const read: AccountReads = model;
  for (const service of services) service.checkAccount?.(read as never, expectAt());
  return problems;
}

function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

/** Validates an account model built in code (the benchmark builds large accounts this way). */
export function defineAccount(input: AccountModelInput, source = '<code>'): AccountModel {
  const parsed = accountModelSchema.safeParse(input);
  if (!parsed.success) throw new AccountModelError(source, formatIssues(parsed.error));
  return parsed.data;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** Every ISO time in a JSON value moved by `ms`, in the same spelling (seconds kept, milliseconds dropped as written). */
function shiftTimes(value: unknown, ms: number): unknown {
  if (typeof value === 'string' && ISO_TIME.test(value)) {
    const shifted = new Date(Date.parse(value) + ms);
    return value.includes('.') ? shifted.toISOString() : isoSeconds(shifted);
  }
  if (Array.isArray(value)) return value.map((item) => shiftTimes(item, ms));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === '$comment' ? item : shiftTimes(item, ms)]));
  }
  return value;
}

/**
 * Load a model from a file. With `asOf`, a model that states its `referenceTime` has every date moved by
 * `asOf - referenceTime`, so that ages (a key 120 days old, a logon last week) read the same whenever it is
 * scanned: the bundled demo stays the same demo next year.
 */
export async function loadAccountModel(file: string, options: { asOf?: Date } = {}): Promise<AccountModel> {
  let raw: { referenceTime?: unknown };
  try {
    raw = JSON.parse(await readFile(file, 'utf8')) as { referenceTime?: unknown };
  } catch (cause) {
    throw new AccountModelError(file, [`cannot read JSON: ${(cause as Error).message}`], { cause });
  }
  const reference = typeof raw.referenceTime === 'string' ? Date.parse(raw.referenceTime) : Number.NaN;
  const input = options.asOf && Number.isFinite(reference) ? shiftTimes(raw, options.asOf.getTime() - reference) : raw;
  return defineAccount(input as AccountModelInput, file);
}
