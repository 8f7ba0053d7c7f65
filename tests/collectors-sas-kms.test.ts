// Security Center, KMS and the Session Manager switch against nock: paging, the two Security Center sites,
// not-activated and denied answers turned into gaps for exactly the collections (or fields) they leave unknown.
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectEcs } from '../src/services/ecs/collector.js';
import { collectKms } from '../src/services/kms/collector.js';
import { securityCenterSite as siteOf } from '../src/services/sas/collector.js';
import { collectSas } from '../src/services/sas/collector.js';
import { inventorySchema } from '../src/inventory/schema.js';
import { collectorContext } from './helpers/context.js';
import { alibabaError, mockAlibaba, NOCK_ENDPOINT, type Answer, type Handler } from './helpers/nock-alibaba.js';

const build = (ctx: ReturnType<typeof collectorContext>) => {
  const inventory = ctx.inventory.build({ accountId: ctx.accountId, collectedAt: '2026-11-29T00:00:00Z', regions: ctx.regions });
  // whatever the collectors produce must fit the inventory schema
  expect(inventorySchema.safeParse(inventory).error).toBeUndefined();
  return inventory;
};

const ok = (body: Record<string, unknown>): Answer => [200, { RequestId: 'r', ...body }];
const SETTINGS_ACTIONS = [
  'DescribeSuspiciousOverallConfig',
  'DescribeNoticeConfig',
  'DescribeUserBaselineAuthorization',
  'DescribeVulConfig',
  'DescribePropertyScheduleConfig',
  'DescribeLogMeta',
];

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});

describe('Security Center collector', () => {
  const asset = (index: number, overrides: Record<string, unknown> = {}) => ({
    Uuid: `uuid-${index}`,
    InstanceId: `i-${index}`,
    InstanceName: `web-${index}`,
    RegionId: 'cn-hangzhou',
    ClientStatus: 'online',
    ClientSubStatus: 'online',
    LastLoginTimestamp: 1795996800000,
    AuthVersion: 3,
    Bind: true,
    ...overrides,
  });
  const vulnerability = (uuid: string, type: string, name: string) => ({
    Uuid: uuid,
    Type: type,
    Name: name,
    AliasName: `${name} update`,
    Necessity: 'asap',
    Status: 1,
    Related: 'CVE-2026-0001, CVE-2026-0002',
  });
  const activated = (vulnerabilities: Record<string, unknown[]> = {}): Record<string, Handler> => ({
    DescribeVersionConfig: () => ok({ Version: 8, HighestVersion: 3, IsTrialVersion: 0, IsPostpay: false, InstanceId: 'sas-1', ReleaseTime: 1830672000000 }),
    DescribeCloudCenterInstances: (query) =>
      query.NextToken === undefined
        ? ok({ Success: true, Instances: Array.from({ length: 100 }, (_, i) => asset(i)), PageInfo: { NextToken: 'page-2', PageSize: 100 } })
        : ok({
            Success: true,
            Instances: [asset(100, { ClientStatus: 'Offline', ClientSubStatus: 'uninstalled', LastLoginTimestamp: 0 }), asset(101, { RegionId: 'cn-beijing' })],
            PageInfo: { NextToken: '', PageSize: 100 },
          }),
    DescribeVulList: (query) => ok({ VulRecords: vulnerabilities[query.Type ?? ''] ?? [], NextToken: '' }),
    // the settings (tests/sas-depth.test.ts reads them): answered, so that they leave no gap here
    DescribeCommonTargetResultList: () => ok({ TargetConfig: { Type: 'webshell_timescan', Flag: 'del', TargetType: 'uuid', TargetList: [] } }),
    DescribeSuspiciousOverallConfig: () => ok({ OverallConfig: { Type: 'auto_breaking', Config: 'on' } }),
    DescribeNoticeConfig: () => ok({ NoticeConfigList: [] }),
    DescribeUserBaselineAuthorization: () => ok({ UserBaselineAuthorization: { Status: 1 } }),
    DescribeVulConfig: () => ok({ TargetConfigs: [], TotalCount: 0 }),
    DescribePropertyScheduleConfig: () => ok({ Config: '24' }),
    DescribeLogMeta: () => ok({ LogMetaList: [], TotalCount: 0 }),
  });

  it('reads the edition, every ECS asset across NextToken pages and their unfixed vulnerabilities by type', async () => {
    const calls = mockAlibaba(
      activated({ cve: [vulnerability('uuid-1', 'cve', 'RHSA-1')], sys: [vulnerability('uuid-1', 'sys', 'KB-2'), vulnerability('uuid-7', 'sys', 'KB-3')] }),
    );
    const ctx = collectorContext(NOCK_ENDPOINT, ['cn-hangzhou']);
    await collectSas(ctx);
    const inventory = build(ctx);
    expect(inventory.gaps).toEqual([]);
    expect(inventory.resources['sas.config']).toEqual([
      {
        id: ctx.accountId,
        sites: ['cn-shanghai'],
        regions: ['cn-hangzhou'],
        edition: 'enterprise',
        version: 8,
        highestVersion: 3,
        mergedVersion: null,
        postPayHostVersion: null,
        isTrial: false,
        isPostpay: false,
        postPayStatus: null,
        instanceId: 'sas-1',
        postPayInstanceId: null,
        expiresAt: '2028-01-05T08:00:00.000Z',
      },
    ]);
    const assets = inventory.resources['sas.asset'];
    // cn-beijing is not scanned
    expect(assets).toHaveLength(101);
    expect(assets.find((a) => a.id === 'i-1')).toEqual({
      id: 'i-1',
      region: 'cn-hangzhou',
      uuid: 'uuid-1',
      name: 'web-1',
      clientStatus: 'online',
      clientSubStatus: 'online',
      lastOnlineAt: '2026-11-30T00:00:00.000Z',
      authVersion: 3,
      bound: true,
      unfixedVulnerabilities: [
        { name: 'RHSA-1', aliasName: 'RHSA-1 update', type: 'cve', necessity: 'asap', status: 1, cves: ['CVE-2026-0001', 'CVE-2026-0002'] },
        { name: 'KB-2', aliasName: 'KB-2 update', type: 'sys', necessity: 'asap', status: 1, cves: ['CVE-2026-0001', 'CVE-2026-0002'] },
      ],
      webshellScan: 'on',
    });
    expect(assets.find((a) => a.id === 'i-100')).toMatchObject({ clientStatus: 'offline', clientSubStatus: 'uninstalled', lastOnlineAt: null, unfixedVulnerabilities: [] });

    const listing = calls.filter((call) => call.action === 'DescribeCloudCenterInstances');
    // RegionId is deprecated for DescribeCloudCenterInstances and absent from the other two: never sent
    expect(listing.map((call) => [call.query.MachineTypes, call.query.UseNextToken, call.query.PageSize, call.query.NextToken])).toEqual([
      ['ecs', 'true', '100', undefined],
      ['ecs', 'true', '100', 'page-2'],
    ]);
    expect(calls.filter((call) => 'RegionId' in call.query)).toEqual([]);
    const vulCalls = calls.filter((call) => call.action === 'DescribeVulList');
    expect(vulCalls.map((call) => [call.query.Type, call.query.Dealed]).sort()).toEqual([
      ['cve', 'n'],
      ['emg', 'n'],
      ['sys', 'n'],
    ]);
  });

  it.each([
    { region: 'cn-hangzhou', site: 'cn-shanghai' },
    { region: 'cn-beijing', site: 'cn-shanghai' },
    // sas_2018-12-03.api-docs.json endpoints: cn-hongkong and the finance regions are on the cn-shanghai site
    { region: 'cn-hongkong', site: 'cn-shanghai' },
    { region: 'cn-shanghai-finance-1', site: 'cn-shanghai' },
    { region: 'ap-southeast-3', site: 'ap-southeast-1' },
    { region: 'eu-central-1', site: 'ap-southeast-1' },
  ])('asks the $site site about $region', ({ region, site }) => {
    expect(siteOf(region)).toBe(site);
  });

  it('asks each site that serves a scanned region once, and records the edition once, for the account', async () => {
    const calls = mockAlibaba(activated());
    const ctx = collectorContext(NOCK_ENDPOINT, ['cn-hangzhou', 'cn-shanghai', 'ap-southeast-1']);
    await collectSas(ctx);
    const inventory = build(ctx);
    expect(inventory.resources['sas.config'].map((config) => [config.id, config.sites, config.regions])).toEqual([
      [ctx.accountId, ['ap-southeast-1', 'cn-shanghai'], ['ap-southeast-1', 'cn-hangzhou', 'cn-shanghai']],
    ]);
    expect(calls.filter((call) => call.action === 'DescribeVersionConfig')).toHaveLength(2);
    // the same assets answered by both sites are kept once, and only in their own region
    expect(inventory.resources['sas.asset'].filter((a) => a.id === 'i-1')).toHaveLength(1);
  });

  it('records a gap for the edition and the assets when both are denied, and asks nothing more', async () => {
    const denied = () => alibabaError(403, 'NoPermission', 'You are not authorized to do this action.');
    const calls = mockAlibaba({ DescribeVersionConfig: denied, DescribeCloudCenterInstances: denied, DescribeVulList: denied });
    const ctx = collectorContext(NOCK_ENDPOINT, ['cn-hangzhou']);
    await collectSas(ctx);
    const inventory = build(ctx);
    expect(inventory.resources['sas.config']).toEqual([]);
    expect(inventory.resources['sas.asset']).toEqual([]);
    // the settings and the webshell scan scope are other calls (tests/sas-depth.test.ts)
    const settingsCalls = new Set(['DescribeCommonTargetResultList', ...SETTINGS_ACTIONS]);
    expect(
      inventory.gaps.filter((gap) => !settingsCalls.has(gap.action)).map((gap) => [gap.action, gap.kind, gap.resourceTypes, gap.ramAction, gap.fields]),
    ).toEqual([
      ['DescribeCloudCenterInstances', 'denied', ['sas.asset'], 'yundun-sas:DescribeCloudCenterInstances', undefined],
      ['DescribeVersionConfig', 'denied', ['sas.config'], 'yundun-sas:DescribeVersionConfig', undefined],
    ]);
    expect(calls.some((call) => call.action === 'DescribeVulList')).toBe(false);
    // not retried: the answer will not change
    expect(calls.filter((call) => !settingsCalls.has(call.action))).toHaveLength(2);
  });

  it('leaves only the vulnerabilities unknown when DescribeVulList is denied or not in the edition', async () => {
    mockAlibaba({
      ...activated(),
      DescribeVulList: (query) =>
        query.Type === 'emg' ? alibabaError(400, 'FreeVersionNotPermit', 'free edition') : alibabaError(403, 'NoPermission', 'denied'),
    });
    const ctx = collectorContext(NOCK_ENDPOINT, ['cn-hangzhou']);
    await collectSas(ctx);
    const inventory = build(ctx);
    expect(inventory.resources['sas.asset']).toHaveLength(101);
    expect(inventory.resources['sas.asset'].every((a) => a.unfixedVulnerabilities === undefined)).toBe(true);
    expect(inventory.gaps.map((gap) => [gap.kind, gap.resourceTypes, gap.fields]).sort()).toEqual([
      ['denied', ['sas.asset'], ['unfixedVulnerabilities']],
      ['denied', ['sas.asset'], ['unfixedVulnerabilities']],
      ['not-activated', ['sas.asset'], ['unfixedVulnerabilities']],
    ]);
  });

  // DescribeVersionConfigResponseBody (aliyun/alibabacloud-typescript-sdk sas-20181203): Version is the
  // subscription, MergedVersion the higher of subscription and pay-as-you-go host protection,
  // PostPayHostVersion the highest edition bound under pay-as-you-go, PostPayStatus 2 a suspended one.
  it.each([
    { name: 'pay-as-you-go only (Ultimate)', answer: { Version: 1, IsPostpay: true, PostPayStatus: 1, PostPayHostVersion: 7 }, edition: 'ultimate' },
    { name: 'subscription Advanced merged with pay-as-you-go Enterprise', answer: { Version: 5, MergedVersion: 3, IsPostpay: true, PostPayHostVersion: 3 }, edition: 'enterprise' },
    { name: 'pay-as-you-go suspended for an overdue payment', answer: { Version: 1, IsPostpay: true, PostPayStatus: 2, PostPayHostVersion: 7 }, edition: 'free' },
    { name: 'pay-as-you-go off', answer: { Version: 1, IsPostpay: false, PostPayHostVersion: 7 }, edition: 'free' },
    { name: 'a plain Free account', answer: { Version: 1, HighestVersion: 1, InstanceId: '' }, edition: 'free' },
    { name: 'the undocumented code 2', answer: { Version: 2 }, edition: 'unknown' },
  ])('reads the edition of $name', async ({ answer, edition }) => {
    mockAlibaba({ ...activated(), DescribeVersionConfig: () => ok(answer) });
    const ctx = collectorContext(NOCK_ENDPOINT, ['cn-hangzhou']);
    await collectSas(ctx);
    expect(build(ctx).resources['sas.config'].map((config) => [config.id, config.edition])).toEqual([[ctx.accountId, edition]]);
  });

  it('treats a DescribeVersionConfig answer without a Version as malformed, not as an edition', async () => {
    mockAlibaba({ ...activated(), DescribeVersionConfig: () => ok({ IsPostpay: false }) });
    const ctx = collectorContext(NOCK_ENDPOINT, ['cn-hangzhou']);
    await collectSas(ctx);
    const inventory = build(ctx);
    expect(inventory.resources['sas.config']).toEqual([]);
    expect(inventory.gaps).toEqual([expect.objectContaining({ action: 'DescribeVersionConfig', kind: 'malformed', resourceTypes: ['sas.config'] })]);
  });
});

describe('KMS collector', () => {
  const REGION = 'cn-hangzhou';
  const keyIds = Array.from({ length: 101 }, (_, i) => `key-${String(i).padStart(3, '0')}`);
  const kms = (overrides: Record<string, Handler> = {}): Record<string, Handler> => ({
    ListKeys: (query) => {
      const size = Number(query.PageSize);
      const start = (Number(query.PageNumber) - 1) * size;
      const page = keyIds.slice(start, start + size).map((id) => ({ KeyId: id, KeyArn: `acs:kms:${REGION}:1:key/${id}` }));
      return ok({ Keys: { Key: page }, PageNumber: Number(query.PageNumber), PageSize: size, TotalCount: keyIds.length });
    },
    ListAliases: () =>
      ok({
        Aliases: { Alias: [{ AliasName: 'alias/acs/ecs', KeyId: 'key-000' }, { AliasName: 'alias/app', KeyId: 'key-001' }] },
        PageNumber: 1,
        PageSize: 100,
        TotalCount: 2,
      }),
    DescribeKey: (query) =>
      ok({
        KeyMetadata: {
          KeyId: query.KeyId,
          KeyState: 'Enabled',
          KeySpec: 'Aliyun_AES_256',
          KeyUsage: 'ENCRYPT/DECRYPT',
          Origin: 'Aliyun_KMS',
          ProtectionLevel: 'SOFTWARE',
          AutomaticRotation: query.KeyId === 'key-001' ? 'Enabled' : 'Disabled',
          ...(query.KeyId === 'key-001' ? { RotationInterval: '31536000s', NextRotationDate: '2027-01-05T08:00:00Z' } : {}),
          Creator: '1234567890123456',
          CreationDate: '2026-01-05T08:00:00Z',
          DeletionProtection: 'Disabled',
          Description: '',
        },
      }),
    ...overrides,
  });

  it('pages ListKeys at the 100 cap, and marks service keys by their alias/acs/ alias', async () => {
    const calls = mockAlibaba(kms());
    const ctx = collectorContext(NOCK_ENDPOINT, [REGION]);
    await collectKms(ctx);
    const inventory = build(ctx);
    expect(inventory.gaps).toEqual([]);
    const keys = inventory.resources['kms.key'];
    expect(keys).toHaveLength(101);
    expect(calls.filter((call) => call.action === 'ListKeys').map((call) => [call.query.PageNumber, call.query.PageSize, call.query.RegionId])).toEqual([
      ['1', '100', REGION],
      ['2', '100', REGION],
    ]);
    expect(keys[0]).toMatchObject({ id: 'key-000', aliases: ['alias/acs/ecs'], isServiceKey: true, metadata: { automaticRotation: 'Disabled', rotationIntervalSeconds: null } });
    expect(keys[1]).toEqual({
      id: 'key-001',
      region: REGION,
      arn: `acs:kms:${REGION}:1:key/key-001`,
      aliases: ['alias/app'],
      isServiceKey: false,
      metadata: {
        state: 'Enabled',
        spec: 'Aliyun_AES_256',
        usage: 'ENCRYPT/DECRYPT',
        origin: 'Aliyun_KMS',
        protectionLevel: 'SOFTWARE',
        automaticRotation: 'Enabled',
        rotationIntervalSeconds: 31536000,
        lastRotatedAt: null,
        nextRotationAt: '2027-01-05T08:00:00Z',
        creator: '1234567890123456',
        createdAt: '2026-01-05T08:00:00Z',
        deletionProtection: 'Disabled',
        description: '',
        kmsInstanceId: null,
      },
    });
    expect(keys[2]).toMatchObject({ aliases: [], isServiceKey: false });
  });

  it('keeps a key whose DescribeKey is denied, with its metadata unknown', async () => {
    mockAlibaba(kms({ DescribeKey: (query) => (query.KeyId === 'key-005' ? alibabaError(403, 'Forbidden.RAM', 'denied') : kms().DescribeKey!(query)) }));
    const ctx = collectorContext(NOCK_ENDPOINT, [REGION]);
    await collectKms(ctx);
    const inventory = build(ctx);
    const key = inventory.resources['kms.key'].find((k) => k.id === 'key-005');
    expect(key).toBeDefined();
    expect(key?.metadata).toBeUndefined();
    expect(inventory.gaps).toEqual([
      expect.objectContaining({ action: 'DescribeKey', kind: 'denied', resourceTypes: ['kms.key'], resourceId: 'key-005', fields: ['metadata'], ramAction: 'kms:DescribeKey' }),
    ]);
  });

  it('leaves aliases and isServiceKey unknown when ListAliases fails', async () => {
    mockAlibaba(kms({ ListAliases: () => alibabaError(403, 'Forbidden.RAM', 'denied') }));
    const ctx = collectorContext(NOCK_ENDPOINT, [REGION]);
    await collectKms(ctx);
    const inventory = build(ctx);
    expect(inventory.resources['kms.key'].every((k) => k.aliases === undefined && k.isServiceKey === undefined && k.metadata !== undefined)).toBe(true);
    expect(inventory.gaps).toEqual([expect.objectContaining({ action: 'ListAliases', fields: ['aliases', 'isServiceKey'], region: REGION })]);
  });

  it('records the region as unknown when ListKeys is denied, and asks for no key', async () => {
    const calls = mockAlibaba(kms({ ListKeys: () => alibabaError(403, 'Forbidden.RAM', 'denied') }));
    const ctx = collectorContext(NOCK_ENDPOINT, [REGION]);
    await collectKms(ctx);
    const inventory = build(ctx);
    expect(inventory.resources['kms.key']).toEqual([]);
    expect(inventory.gaps).toEqual([expect.objectContaining({ action: 'ListKeys', kind: 'denied', resourceTypes: ['kms.key'], region: REGION })]);
    expect(inventory.gaps[0]).not.toHaveProperty('fields');
    expect(calls.some((call) => call.action === 'DescribeKey')).toBe(false);
  });

  it('refuses an empty page while TotalCount says there are more keys', async () => {
    mockAlibaba(kms({ ListKeys: () => ok({ Keys: { Key: [] }, PageNumber: 1, PageSize: 100, TotalCount: 3 }) }));
    const ctx = collectorContext(NOCK_ENDPOINT, [REGION]);
    await collectKms(ctx);
    expect(build(ctx).gaps).toEqual([expect.objectContaining({ action: 'ListKeys', kind: 'malformed', code: 'PagingInconsistent' })]);
  });
});

describe('ECS Session Manager switch', () => {
  const emptyEcs: Record<string, Handler> = Object.fromEntries(
    [
      ['DescribeInstances', { Instances: { Instance: [] }, NextToken: '' }],
      ['DescribeCloudAssistantStatus', { InstanceCloudAssistantStatusSet: { InstanceCloudAssistantStatus: [] } }],
      ['DescribeSecurityGroups', { SecurityGroups: { SecurityGroup: [] }, NextToken: '' }],
      ['DescribeDisks', { Disks: { Disk: [] }, NextToken: '' }],
      ['DescribeSnapshots', { Snapshots: { Snapshot: [] }, NextToken: '' }],
      ['DescribeAutoSnapshotPolicyEx', { AutoSnapshotPolicies: { AutoSnapshotPolicy: [] }, TotalCount: 0 }],
      ['DescribeKeyPairs', { KeyPairs: { KeyPair: [] }, TotalCount: 0 }],
    ].map(([action, body]) => [action as string, () => ok(body as Record<string, unknown>)]),
  );

  it.each([
    { value: 'enabled', enabled: true },
    { value: 'disabled', enabled: false },
    { value: '', enabled: false },
  ])('reads StatusValue "$value" as sessionManagerEnabled $enabled, per region', async ({ value, enabled }) => {
    const calls = mockAlibaba({ ...emptyEcs, DescribeUserBusinessBehavior: () => ok({ StatusValue: value }) });
    const ctx = collectorContext(NOCK_ENDPOINT, ['cn-hangzhou', 'cn-shanghai']);
    await collectEcs(ctx);
    const inventory = build(ctx);
    expect(inventory.resources['ecs.region-setting']).toEqual([
      { id: 'cn-hangzhou', region: 'cn-hangzhou', sessionManagerEnabled: enabled },
      { id: 'cn-shanghai', region: 'cn-shanghai', sessionManagerEnabled: enabled },
    ]);
    const asked = calls.filter((call) => call.action === 'DescribeUserBusinessBehavior');
    expect(asked.map((call) => [call.query.RegionId, call.query.statusKey]).sort()).toEqual([
      ['cn-hangzhou', 'sessionManagerStatus'],
      ['cn-shanghai', 'sessionManagerStatus'],
    ]);
  });

  it('records a gap for the region whose switch cannot be read', async () => {
    mockAlibaba({
      ...emptyEcs,
      DescribeUserBusinessBehavior: (query) => (query.RegionId === 'cn-shanghai' ? alibabaError(403, 'Forbidden.RAM', 'denied') : ok({ StatusValue: 'enabled' })),
    });
    const ctx = collectorContext(NOCK_ENDPOINT, ['cn-hangzhou', 'cn-shanghai']);
    await collectEcs(ctx);
    const inventory = build(ctx);
    expect(inventory.resources['ecs.region-setting'].map((setting) => setting.id)).toEqual(['cn-hangzhou']);
    expect(inventory.gaps).toEqual([
      expect.objectContaining({ action: 'DescribeUserBusinessBehavior', region: 'cn-shanghai', kind: 'denied', resourceTypes: ['ecs.region-setting'], ramAction: 'ecs:DescribeUserBusinessBehavior' }),
    ]);
  });
});
