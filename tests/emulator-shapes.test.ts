// For every official response example of an action the emulator serves, the emulator's answer has the
// same keys, with values of the same JSON type: at the top level, in nested objects, and in the first item
// of every list.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAccountModel, startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { PRODUCTS } from '../src/emulator/products.js';
import type { RpcProduct } from '../src/emulator/rpc/protocol.js';
import { callRpc } from './emulator-helpers.js';
import { referencePath } from './helpers/reference.js';

const examplesDir = referencePath('response-examples');
const ROOT = { accessKeyId: 'LTAI5tShapeTest0001', accessKeySecret: 'shape-secret' };
const ACCOUNT = '5012884630217745';
const UPN = `alice@${ACCOUNT}.onaliyun.com`;
const ALICE_KEY = 'LTAI5tAliceKey8fQm2Wz';
const R = { RegionId: 'cn-hangzhou' };

/** Request parameters that make each action answer with a non-empty, truncated-where-possible body. */
const REQUESTS: Record<string, Record<string, string>> = {
  'ecs/DescribeRegions': {},
  'ecs/DescribeInstances': R,
  'ecs/DescribeSecurityGroups': R,
  'ecs/DescribeSecurityGroupAttribute': { ...R, SecurityGroupId: 'sg-bp1sshworld4k7' },
  'ecs/DescribeDisks': R,
  'ecs/DescribeSnapshots': R,
  'ecs/DescribeAutoSnapshotPolicyEx': R,
  'ecs/DescribeKeyPairs': { ...R, IncludePublicKey: 'true' },
  'ecs/DescribeCloudAssistantStatus': R,
  'vpc/DescribeVpcs': R,
  'vpc/DescribeVSwitches': R,
  'vpc/DescribeNetworkAcls': R,
  'vpc/DescribeFlowLogs': R,
  'vpc/DescribeEipAddresses': R,
  'vpc/DescribeRouteTableList': R,
  'ram/ListUsers': { MaxItems: '1' },
  'ram/GetUser': { UserName: 'alice' },
  'ram/ListGroups': { MaxItems: '1' },
  'ram/ListRoles': { MaxItems: '1' },
  'ram/GetRole': { RoleName: 'ops-break-glass' },
  'ram/ListPolicies': { MaxItems: '1' },
  'ram/GetPolicy': { PolicyName: 'FullAdmin', PolicyType: 'Custom' },
  'ram/GetPolicyVersion': { PolicyName: 'FullAdmin', PolicyType: 'Custom', VersionId: 'v1' },
  'ram/ListEntitiesForPolicy': { PolicyName: 'AliyunECSFullAccess', PolicyType: 'System' },
  'ram/ListPoliciesForUser': { UserName: 'ci-deployer' },
  'ram/ListPoliciesForGroup': { GroupName: 'admins' },
  'ram/ListPoliciesForRole': { RoleName: 'ops-break-glass' },
  'ram/ListGroupsForUser': { UserName: 'alice' },
  'ram/ListUsersForGroup': { GroupName: 'developers', MaxItems: '1' },
  'ram/ListAccessKeys': { UserName: 'alice' },
  'ram/GetAccessKeyLastUsed': { UserName: 'alice', UserAccessKeyId: ALICE_KEY },
  'ram/GetLoginProfile': { UserName: 'alice' },
  'ram/GetUserMFAInfo': { UserName: 'alice' },
  'ram/ListVirtualMFADevices': {},
  'ram/GetPasswordPolicy': {},
  'ram/GetSecurityPreference': {},
  'ims/GenerateCredentialReport': {},
  'ims/GetCredentialReport': { MaxItems: '1' },
  'ims/ListUsers': { MaxItems: '1' },
  'ims/GetUser': { UserPrincipalName: UPN },
  'ims/GetLoginProfile': { UserPrincipalName: UPN },
  'ims/GetUserMFAInfo': { UserPrincipalName: UPN },
  'ims/ListAccessKeys': { UserPrincipalName: UPN },
  'ims/GetAccessKeyLastUsed': { UserPrincipalName: UPN, UserAccessKeyId: ALICE_KEY },
  'ims/ListVirtualMFADevices': { MaxItems: '1' },
  'ims/GetPasswordPolicy': {},
  'ims/GetSecurityPreference': {},
  'ims/GetUserSsoSettings': {},
  'ims/ListSAMLProviders': { MaxItems: '1' },
  'ims/ListOIDCProviders': { MaxItems: '1' },
  'sts/GetCallerIdentity': {},
  'sts/AssumeRole': { RoleArn: `acs:ram::${ACCOUNT}:role/ops-break-glass`, RoleSessionName: 'shape' },
  'resourcemanager/GetResourceDirectory': {},
  'resourcemanager/ListAccounts': {},
  'actiontrail/DescribeRegions': {},
  'actiontrail/DescribeTrails': {},
  'actiontrail/GetTrailStatus': { Name: 'hz-write-trail' },
};

type Json = unknown;

/** Differences in key sets between an example and an answer, with the path where they occur. */
function keyDifferences(example: Json, actual: Json, at = '$'): string[] {
  if (Array.isArray(example) && Array.isArray(actual)) {
    return example.length > 0 && actual.length > 0 ? keyDifferences(example[0], actual[0], `${at}[0]`) : [];
  }
  if (!isObject(example) || !isObject(actual)) {
    // the example's quirks are kept: a number sent as a string stays a string, and the other way round
    const kind = (value: Json) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
    return kind(example) === kind(actual) || example === null || actual === null ? [] : [`${at} is ${kind(actual)}, the example has ${kind(example)}`];
  }
  const missing = Object.keys(example).filter((k) => !(k in actual)).map((k) => `${at}.${k} missing`);
  const extra = Object.keys(actual).filter((k) => !(k in example)).map((k) => `${at}.${k} not in the example`);
  const nested = Object.keys(example).filter((k) => k in actual).flatMap((k) => keyDifferences(example[k], actual[k], `${at}.${k}`));
  return [...missing, ...extra, ...nested];
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Served actions with an official example, in REQUESTS order (GenerateCredentialReport before Get). */
const rpcProducts = new Map(PRODUCTS.filter((p): p is RpcProduct => 'version' in p).map((p) => [p.version, p]));

function servedExamples() {
  if (!existsSync(examplesDir)) return [];
  const byKey = new Map<string, { version: string; action: string; file: string }>();
  for (const folder of readdirSync(examplesDir)) {
    const version = folder.slice(folder.indexOf('_') + 1);
    const product = rpcProducts.get(version);
    if (!product) continue;
    for (const file of readdirSync(path.join(examplesDir, folder))) {
      const action = file.replace(/\.json$/, '');
      if (Object.hasOwn(product.actions, action)) byKey.set(`${product.name}/${action}`, { version, action, file: path.join(examplesDir, folder, file) });
    }
  }
  return [...byKey.entries()].sort(([a], [b]) => order(a) - order(b)).map(([key, value]) => ({ key, ...value }));
}

const order = (key: string) => (key in REQUESTS ? Object.keys(REQUESTS).indexOf(key) : Number.MAX_SAFE_INTEGER);

const examples = servedExamples();

describe.skipIf(examples.length === 0)('response shapes match the official examples', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    const model = await loadAccountModel(path.resolve(import.meta.dirname, '../fixtures/demo/account.json'));
    emulator = await startEmulator({ account: model, credentials: [ROOT] });
  });
  afterAll(() => emulator.close());

  it.each(examples)('$key', async ({ key, version, action, file }) => {
    const request = REQUESTS[key];
    expect(request, `add request parameters for ${key} to REQUESTS`).toBeDefined();
    const example: Json = JSON.parse(readFileSync(file, 'utf8'));
    const actual = await callRpc(emulator, ROOT, version, action, request!);
    expect(keyDifferences(example, actual)).toEqual([]);
  });
});

describe.skipIf(examples.length === 0)('the templates cite the official examples they carry', () => {
  const shapesDir = path.resolve(import.meta.dirname, '../src/emulator/services');
  // products whose examples the reference holds; Security Center and KMS cite the SDK models instead
  const files = ['ecs/shapes.ts', 'vpc/shapes.ts', 'ram/shapes.ts', 'ims/shapes.ts', 'actiontrail/shapes.ts', 'resourcemanager/shapes.ts'];

  it.each(files)('%s: every template names an example, and every example it names exists', (file) => {
    const lines = readFileSync(path.join(shapesDir, file), 'utf8').split('\n');
    const uncited = lines
      .map((line, index) => ({ name: /^export function (\w+Template)\(/.exec(line)?.[1], comment: lines[index - 1] ?? '' }))
      // an action without an official example cites the metadata's response schema instead
      .filter(({ name, comment }) => name !== undefined && !/Fields: (response-examples|openapi-meta)\//.test(comment))
      .map(({ name }) => name);
    expect(uncited).toEqual([]);
    const cited = [...lines.join('\n').matchAll(/(\w+_\d{4}-\d{2}-\d{2})\/(\w+)\.json/g)].map(([, folder, action]) => `${folder}/${action}.json`);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((example) => !existsSync(path.join(examplesDir, example)))).toEqual([]);
  });
});
