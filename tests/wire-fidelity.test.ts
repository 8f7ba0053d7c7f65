// Wire fidelity (issue 9): the collectors read Alibaba's real answers, as the official metadata under
// ../shared/reference/openapi-meta describes them, not the ones our emulator used to give.
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { ApiCaller } from '../src/cloud/api-caller.js';
import { CloudClients, parseEndpointUrl, runtimeOptions } from '../src/cloud/clients.js';
import { createCredential } from '../src/cloud/credentials.js';
import { collectSas } from '../src/services/sas/collector.js';
import { InventoryBuilder } from '../src/inventory/builder.js';
import { Redactor } from '../src/cloud/redact.js';
import { collectEcs } from '../src/services/ecs/collector.js';
import { collectRam } from '../src/services/ram/collector.js';
import { defineAccount, startEmulator, type AccountModelInput } from '../src/emulator/index.js';
import { collectLive } from '../src/scan/collect.js';
import { collectorContext } from './helpers/context.js';
import { alibabaError, EMPTY_ECS, mockAlibaba, NOCK_ENDPOINT, type Handler } from './helpers/nock-alibaba.js';
import { scanThroughEmulator } from './helpers/scan-emulator.js';

const build = (ctx: ReturnType<typeof collectorContext>) =>
  ctx.inventory.build({ accountId: ctx.accountId, collectedAt: '2026-11-29T00:00:00Z', regions: ctx.regions });

beforeAll(() => {
  nock.disableNetConnect();
  // the emulator's loopback port
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => {
  nock.cleanAll();
});

const REPORT = Buffer.from(
  'user,user_creation_time,user_last_logon,mfa_active,access_key_1_exist,access_key_1_active\n' +
    '<root>,2020-01-01T00:00:00Z,2026-11-28T00:00:00Z,true,false,false\n',
).toString('base64');

describe('IMS credential report', () => {
  it('waits through STARTED and INPROGRESS for COMPLETED, and asks for 3501 rows a page', async () => {
    const states = ['STARTED', 'INPROGRESS', 'COMPLETED'];
    const calls = mockAlibaba({
      GenerateCredentialReport: () => [200, { RequestId: 'r', State: states.shift() ?? 'COMPLETED' }],
      GetCredentialReport: () => [200, { RequestId: 'r', IsTruncated: 'false', GeneratedTime: '2026-11-29T00:00:00Z', Content: REPORT }],
    });
    const ctx = collectorContext(NOCK_ENDPOINT, ['cn-hangzhou']);
    await collectRam(ctx);
    const inventory = build(ctx);
    expect(inventory.resources.account[0]).toMatchObject({ root: { mfaActive: true, lastLoginAt: '2026-11-28T00:00:00Z', accessKeys: [] } });
    expect(inventory.gaps.filter((gap) => gap.fields?.includes('root'))).toEqual([]);
    expect(calls.filter((call) => call.action === 'GenerateCredentialReport')).toHaveLength(3);
    expect(calls.filter((call) => call.action === 'GetCredentialReport').map((call) => call.query.MaxItems)).toEqual(['3501']);
  });
});

const account = (regions: AccountModelInput['regions']): AccountModelInput => ({ accountId: '1234567890123456', regions });

describe('ECS regions', () => {
  const model = defineAccount(
    account({
      'cn-hangzhou': {},
      // DescribeRegions Status soldOut: the region sells nothing new, and still holds this instance
      'cn-wulanchabu': {
        status: 'soldOut',
        securityGroups: [{ SecurityGroupId: 'sg-wlcb1' }],
        instances: [{ InstanceId: 'i-wlcb1', OSName: 'Ubuntu 22.04', OSType: 'linux', SecurityGroupIds: ['sg-wlcb1'] }],
      },
    }),
  );

  it('scans a sold-out region: Status is about stock, not access', async () => {
    const { inventory } = await scanThroughEmulator(model);
    expect(inventory.regions).toEqual(['cn-hangzhou', 'cn-wulanchabu']);
    expect(inventory.resources['ecs.instance'].map((instance) => instance.id)).toEqual(['i-wlcb1']);
  });

  it('accepts a sold-out region in --regions', async () => {
    const key = { accessKeyId: 'LTAIsoldout0000001', accessKeySecret: 'sold-out-secret-00000001' };
    const emulator = await startEmulator({ account: model, credentials: [key] });
    try {
      const { inventory } = await collectLive({
        credentials: { kind: 'static', ...key },
        endpoint: parseEndpointUrl(emulator.url),
        regions: ['cn-wulanchabu'],
        redactor: new Redactor(),
        logger: pino({ level: 'silent' }),
      });
      expect(inventory.regions).toEqual(['cn-wulanchabu']);
    } finally {
      await emulator.close();
    }
  });
});

describe('ECS classic-network security groups', () => {
  const rule = (NicType: 'internet' | 'intranet', PortRange: string) => ({ NicType, PortRange, IpProtocol: 'TCP', SourceCidrIp: '0.0.0.0/0' });
  const model = defineAccount(
    account({
      'cn-hangzhou': {
        vpcs: [{ VpcId: 'vpc-bp1a' }],
        securityGroups: [
          { SecurityGroupId: 'sg-classic1', VpcId: '', Permissions: [rule('internet', '22/22'), rule('intranet', '3306/3306')] },
          { SecurityGroupId: 'sg-vpc1', VpcId: 'vpc-bp1a', Permissions: [rule('intranet', '443/443')] },
        ],
      },
    }),
  );

  it('reads the internet and the intranet rules of a classic group (one call each), a VPC group in one call', async () => {
    const nicTypes: Record<string, (string | undefined)[]> = {};
    const { inventory } = await scanThroughEmulator(model, {
      hooks: {
        intercept: (call) => {
          if (call.action === 'DescribeSecurityGroupAttribute') {
            (nicTypes[call.params.get('SecurityGroupId')!] ??= []).push(call.params.get('NicType'));
          }
          return undefined;
        },
      },
    });
    const groups = Object.fromEntries(inventory.resources['ecs.security-group'].map((group) => [group.id, group.rules?.map((r) => `${r.nicType}:${r.portRange}`)]));
    expect(groups).toEqual({ 'sg-classic1': ['internet:22/22', 'intranet:3306/3306'], 'sg-vpc1': ['intranet:443/443'] });
    expect(nicTypes['sg-classic1']?.sort()).toEqual(['internet', 'intranet']);
    expect(nicTypes['sg-vpc1']).toEqual([undefined]);
  });
});

describe('403 answers', () => {
  const ecs = (behaviour: Handler): Record<string, Handler> => ({ ...EMPTY_ECS, DescribeUserBusinessBehavior: behaviour });
  const gapOf = async (behaviour: Handler) => {
    mockAlibaba(ecs(behaviour));
    const ctx = collectorContext(NOCK_ENDPOINT, ['cn-hangzhou']);
    await collectEcs(ctx);
    return build(ctx).gaps;
  };

  it('a 403 InvalidParams is an invalid request, not a missing permission', async () => {
    const gaps = await gapOf(() => alibabaError(403, 'InvalidParams', 'The specified statusKey is not valid.'));
    expect(gaps).toEqual([expect.objectContaining({ action: 'DescribeUserBusinessBehavior', kind: 'invalid', code: 'InvalidParams', statusCode: 403 })]);
    expect(gaps[0]?.message).toMatch(/refused as invalid: not a missing permission/);
  });

  it('a 403 with an access-denied code is a missing permission', async () => {
    for (const code of ['Forbidden.RAM', 'NoPermission', 'Forbidden']) {
      const gaps = await gapOf(() => alibabaError(403, code));
      expect(gaps).toEqual([expect.objectContaining({ kind: 'denied', code })]);
      nock.cleanAll();
    }
  });
});

describe('Security Center sites', () => {
  it('calls tds.cn-shanghai.aliyuncs.com for every cn-* region (cn-hongkong included) and tds.ap-southeast-1 for the rest, with no RegionId', async () => {
    const hosts: string[] = [];
    const regionIds: (string | null)[] = [];
    for (const host of ['https://tds.cn-shanghai.aliyuncs.com', 'https://tds.ap-southeast-1.aliyuncs.com']) {
      nock(host)
        .persist()
        .post('/')
        .query(true)
        .reply(function reply(uri) {
          hosts.push(host);
          regionIds.push(new URL(uri, host).searchParams.get('RegionId'));
          const action = String(this.req.headers['x-acs-action']);
          const body =
            action === 'DescribeVersionConfig'
              ? { RequestId: 'r', Version: 5 }
              : action === 'DescribeCloudCenterInstances'
                ? { RequestId: 'r', Instances: [], PageInfo: { NextToken: '' } }
                : { RequestId: 'r', VulRecords: [], NextToken: '' };
          return [200, body, { 'content-type': 'application/json' }];
        });
    }
    const key = { accessKeyId: 'LTAIsitetest000001', accessKeySecret: 'site-test-secret-000001' };
    const logger = pino({ level: 'silent' });
    const redactor = new Redactor();
    const ctx = {
      clients: new CloudClients({ credential: createCredential({ kind: 'static', ...key }) }),
      caller: new ApiCaller({ redactor, logger, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxElapsedMs: 1_000 } }),
      runtime: runtimeOptions(),
      logger,
      accountId: '1234567890123456',
      regions: ['cn-hongkong'],
      inventory: new InventoryBuilder(),
    };
    await collectSas(ctx);
    expect(new Set(hosts)).toEqual(new Set(['https://tds.cn-shanghai.aliyuncs.com']));
    hosts.length = 0;
    await collectSas({ ...ctx, regions: ['eu-central-1'], inventory: new InventoryBuilder() });
    expect(new Set(hosts)).toEqual(new Set(['https://tds.ap-southeast-1.aliyuncs.com']));
    expect(regionIds.every((regionId) => regionId === null)).toBe(true);
  });
});
