// Conformance with Alibaba's own OpenAPI metadata (../shared/reference/openapi-meta), not with our emulator:
// a full scan of the demo account runs the collectors through the emulator, recording every request and
// every answer. Each request parameter a collector sends must be a parameter of that action in the
// metadata; each answer of an action whose metadata has a response schema (ECS, VPC, RAM, IMS, STS,
// ActionTrail) must validate against it: field names (no field the schema lacks), nesting and types. Log
// Service (ROA) is told apart by its version like the RPC products; its query parameters are checked the same.
// Skips where the reference is absent (a user's fresh clone).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineAccount, loadAccountModel, type AccountModel } from '../src/emulator/index.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { meta, REFERENCE_DIR, type ApiMeta, type MetaSchema } from './helpers/reference.js';
import { scanThroughEmulator } from './helpers/scan-emulator.js';

/** API version -> metadata file; `schemas`: the metadata has response schemas for this product */
const PRODUCTS: Record<string, { file: string; schemas: boolean }> = {
  '2014-05-26': { file: 'ecs_2014-05-26', schemas: true },
  '2016-04-28': { file: 'vpc_2016-04-28', schemas: true },
  '2015-05-01': { file: 'ram_2015-05-01', schemas: true },
  '2019-08-15': { file: 'ims_2019-08-15', schemas: true },
  '2015-04-01': { file: 'sts_2015-04-01', schemas: true },
  '2020-07-06': { file: 'actiontrail_2020-07-06', schemas: true },
  '2018-12-03': { file: 'sas_2018-12-03', schemas: false },
  '2016-01-20': { file: 'kms_2016-01-20', schemas: false },
  '2021-10-01': { file: 'waf-openapi_2021-10-01', schemas: false },
  '2021-05-15': { file: 'cloudsso_2021-05-15', schemas: false },
  '2021-12-01': { file: 'eiam_2021-12-01', schemas: false },
  '2020-04-07': { file: 'cas_2020-04-07', schemas: false },
  '2014-05-15': { file: 'slb_2014-05-15', schemas: false },
  '2020-06-16': { file: 'alb_2020-06-16', schemas: false },
  '2017-12-07': { file: 'cloudfw_2017-12-07', schemas: false },
  '2017-05-18': { file: 'antiddos-public_2017-05-18', schemas: false },
  '2018-07-20': { file: 'ddosbgp_2018-07-20', schemas: false },
  '2020-01-01': { file: 'ddoscoo_2020-01-01', schemas: false },
  '2020-12-30': { file: 'sls_2020-12-30', schemas: false },
};

/**
 * Parameters sent beyond the metadata's, each with its reason. ActionTrail, KMS and EIAM are regional by
 * endpoint (actiontrail.<region>, kms.<region>, eiam.<region>) and their actions list no RegionId; the collectors still send it, as
 * the aliyun CLI does on every RPC call and the gateway ignores, because the loopback emulator cannot see
 * which regional endpoint was meant. Security Center is not regional and gets none.
 */
const TOLERATED: Record<string, readonly string[]> = {
  '2020-07-06': ['RegionId'],
  '2016-01-20': ['RegionId'],
  '2021-12-01': ['RegionId'],
};

interface Observed {
  version: string;
  action: string;
  /** every value sent, by wire parameter name */
  params: Map<string, Set<string>>;
  bodies: unknown[];
}

const JSON_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array']);

/**
 * The metadata's OpenAPI-style schema as a JSON Schema: types, properties (closed: a field the metadata does
 * not name is an error) and items; descriptions, examples and string-typed bounds are dropped.
 */
export function toJsonSchema(schema: MetaSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (schema.type && JSON_TYPES.has(schema.type)) out.type = schema.type;
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([name, child]) => [name, toJsonSchema(child)]));
    out.additionalProperties = false;
  } else if (typeof schema.additionalProperties === 'object') {
    out.additionalProperties = toJsonSchema(schema.additionalProperties);
  }
  if (schema.items) out.items = toJsonSchema(schema.items);
  return out;
}

/** `Tag.1.Key`, `InstanceId.3` -> the parameter they encode: `Tag`, `InstanceId` (repeatList / flat styles) */
const parameterName = (wire: string) => wire.split('.')[0]!;

const observed = new Map<string, Observed>();

/**
 * Every action the collector code names, found mechanically: SDK methods (`.describeDisksWithOptions(`) and
 * the action names given to call sites and generic calls (`site(region, 'ListKeys')`, `ims('ListUsers')`,
 * `action: 'DescribeRegions'`).
 */
function actionsInCollectors(): Set<string> {
  const root = path.resolve(import.meta.dirname, '..');
  const files = [
    ...readdirSync(path.join(root, 'src/services'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => path.join(root, 'src/services', file)),
    path.join(root, 'src/scan/collect.ts'),
  ];
  const actions = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [, method] of text.matchAll(/\.([a-z][A-Za-z]+)WithOptions\(/g)) actions.add(method![0]!.toUpperCase() + method!.slice(1));
    for (const [, action] of text.matchAll(/(?:site\([A-Za-z]+, |ims\(|ram\(|action: )'([A-Z][A-Za-z]+)'/g)) actions.add(action!);
  }
  return actions;
}

describe.skipIf(REFERENCE_DIR === undefined)('conformance with the official OpenAPI metadata', () => {
  beforeAll(async () => {
    const demo = await loadAccountModel(DEMO_ACCOUNT_FILE);
    // the demo, then the demo without a credential report: the collectors' per-user fallbacks
    for (const account of [demo, defineAccount({ ...demo, deniedActions: ['ims:GenerateCredentialReport'] })]) await scan(account);
  }, 120_000);

  const scan = (account: AccountModel) =>
    scanThroughEmulator(account, {
      hooks: {
        intercept: (call) => {
          const key = `${call.version}/${call.action}`;
          const entry = observed.get(key) ?? { version: call.version, action: call.action, params: new Map<string, Set<string>>(), bodies: [] };
          for (const [name, value] of call.params) entry.params.set(name, (entry.params.get(name) ?? new Set()).add(value));
          observed.set(key, entry);
          return undefined;
        },
        rewrite: (call, reply) => {
          if (reply.status === 200) observed.get(`${call.version}/${call.action}`)?.bodies.push(reply.body);
          return reply;
        },
      },
    });

  it('the scan called every product the collectors read', () => {
    expect(new Set([...observed.values()].map((entry) => entry.version))).toEqual(new Set(Object.keys(PRODUCTS)));
  });

  it('the scans called every action the collectors name', () => {
    const called = new Set([...observed.values()].map((entry) => entry.action));
    expect([...actionsInCollectors()].filter((action) => !called.has(action)).sort()).toEqual([]);
  });

  it('every action a collector calls exists in the metadata', () => {
    const missing = [...observed.values()].filter(({ version, action }) => !(action in apisOf(version))).map((entry) => `${entry.version}/${entry.action}`);
    expect(missing).toEqual([]);
  });

  it('every request parameter a collector sends is a parameter of that action', () => {
    const unknown: string[] = [];
    for (const { version, action, params } of observed.values()) {
      const declared = new Set([...(apisOf(version)[action]?.parameters ?? []).map((parameter) => parameter.name), ...(TOLERATED[version] ?? [])]);
      for (const wire of params.keys()) if (!declared.has(parameterName(wire))) unknown.push(`${action}: ${wire}`);
    }
    expect(unknown).toEqual([]);
  });

  it('every numeric parameter a collector sends is within the metadata minimum and maximum (page caps)', () => {
    const outside: string[] = [];
    let bounded = 0;
    for (const { version, action, params } of observed.values()) {
      for (const parameter of apisOf(version)[action]?.parameters ?? []) {
        const { minimum, maximum } = (parameter.schema ?? {}) as { minimum?: string | number; maximum?: string | number };
        if (minimum === undefined && maximum === undefined) continue;
        for (const value of params.get(parameter.name) ?? []) {
          bounded++;
          const number = Number(value);
          if ((minimum !== undefined && number < Number(minimum)) || (maximum !== undefined && number > Number(maximum))) {
            outside.push(`${action}: ${parameter.name}=${value} (${minimum ?? '-'}..${maximum ?? '-'})`);
          }
        }
      }
    }
    expect(outside).toEqual([]);
    expect(bounded).toBeGreaterThan(10);
  });

  it('every answer validates against the action response schema (names, nesting, types)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const failures: string[] = [];
    let validated = 0;
    for (const { version, action, bodies } of observed.values()) {
      if (!PRODUCTS[version]!.schemas) continue;
      const schema = apisOf(version)[action]?.responses?.['200']?.schema;
      if (!schema) {
        failures.push(`${action}: the metadata has no 200 response schema`);
        continue;
      }
      const validate: ValidateFunction = ajv.compile(toJsonSchema(schema));
      for (const body of bodies) {
        validated++;
        if (!validate(body)) {
          failures.push(...(validate.errors ?? []).map((error) => `${action}${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`));
        }
      }
    }
    expect([...new Set(failures)]).toEqual([]);
    expect(validated).toBeGreaterThan(50);
  });

  it('the schema conversion rejects a misnamed, a misnested and a mistyped field', () => {
    const ajv = new Ajv({ strict: false });
    const schema = meta('ims_2019-08-15').apis.GenerateCredentialReport!.responses!['200']!.schema!;
    const validate = ajv.compile(toJsonSchema(schema));
    expect(validate({ RequestId: 'r', State: 'COMPLETED' })).toBe(true);
    expect(validate({ RequestId: 'r', Status: 'COMPLETED' })).toBe(false);
    expect(validate({ RequestId: 'r', State: { Value: 'COMPLETED' } })).toBe(false);
    expect(validate({ RequestId: 1 })).toBe(false);
  });
});

function apisOf(version: string): ApiMeta['apis'] {
  return meta(PRODUCTS[version]!.file).apis;
}
