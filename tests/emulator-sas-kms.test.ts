// The emulator's Security Center, KMS and Session Manager answers: their real shapes and paging, the Free
// edition of an account that bought no Security Center, and the collectors reading the demo account.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectEcs } from '../src/services/ecs/collector.js';
import { collectKms } from '../src/services/kms/collector.js';
import { collectSas } from '../src/services/sas/collector.js';
import { defineAccount, loadAccountModel, startEmulator, type AccountModelInput, type EmulatorCredential, type RunningEmulator } from '../src/emulator/index.js';
import { inventorySchema } from '../src/inventory/schema.js';
import { callRpc, failure } from './emulator-helpers.js';
import { collectorContext } from './helpers/context.js';

const ROOT: EmulatorCredential = { accessKeyId: 'LTAI5tRootDemoKey0001', accessKeySecret: 'root-secret-1' };
const SAS = '2018-12-03';
const KMS = '2016-01-20';
const ECS = '2014-05-26';

/** 130 instances known to Security Center in two regions of two sites, each with a vulnerability; 130 KMS keys. */
function largeAccount(securityCenter: boolean): AccountModelInput {
  const n = (count: number) => Array.from({ length: count }, (_, i) => String(i).padStart(4, '0'));
  const region = (prefix: string) => ({
    securityGroups: [{ SecurityGroupId: `sg-${prefix}big` }],
    instances: n(65).map((i) => ({
      InstanceId: `i-${prefix}big${i}`,
      OSName: 'Ubuntu 24.04',
      OSType: 'linux' as const,
      SecurityGroupIds: [`sg-${prefix}big`],
      SecurityCenter: { ClientStatus: 'online' as const, Vulnerabilities: [{ Name: `USN-${i}`, Type: 'cve' as const }, { Name: `USN-fixed-${i}`, Type: 'cve' as const, Status: 7 }] },
    })),
    kmsKeys: n(65).map((i) => ({ KeyId: `key-${prefix}${i}`, Aliases: [`alias/k${i}`] })),
  });
  return {
    accountId: '1234567890123456',
    regions: { 'cn-hangzhou': region('bp1'), 'ap-southeast-1': { ...region('t4n'), sessionManagerStatus: 'enabled' } },
    securityCenter: securityCenter ? { Version: 5 } : null,
  };
}

describe('emulator: Security Center, KMS, Session Manager', () => {
  let demo: RunningEmulator;
  let large: RunningEmulator;
  let inactive: RunningEmulator;

  beforeAll(async () => {
    const model = await loadAccountModel(path.resolve(import.meta.dirname, '../fixtures/demo/account.json'));
    demo = await startEmulator({ account: model, credentials: [ROOT] });
    large = await startEmulator({ account: defineAccount(largeAccount(true)), credentials: [ROOT] });
    inactive = await startEmulator({ account: defineAccount(largeAccount(false)), credentials: [ROOT] });
  });
  afterAll(async () => {
    await Promise.all([demo.close(), large.close(), inactive.close()]);
  });

  describe('Security Center', () => {
    it('answers DescribeVersionConfig in its real shape', async () => {
      const body = await callRpc(demo, ROOT, SAS, 'DescribeVersionConfig', {});
      expect(body).toMatchObject({ Version: 6, HighestVersion: 6, IsTrialVersion: 0, IsPostpay: false, InstanceId: 'sas-acmeav01' });
      expect(typeof body.ReleaseTime).toBe('number');
    });

    // DescribeCloudCenterInstances' RegionId is deprecated (sas_2018-12-03.api-docs.json): it filters nothing
    it('lists the assets of the whole account, whatever RegionId says, by CurrentPage with TotalCount', async () => {
      const page = (query: Record<string, string>, CurrentPage: string) =>
        callRpc(large, ROOT, SAS, 'DescribeCloudCenterInstances', { ...query, CurrentPage, PageSize: '50', MachineTypes: 'ecs' });
      for (const query of [{}, { RegionId: 'cn-shanghai' }, { RegionId: 'ap-southeast-1' }] as Record<string, string>[]) {
        const first = await page(query, '1');
        expect(first.PageInfo).toEqual({ CurrentPage: 1, PageSize: 50, Count: 50, TotalCount: 130 });
        const third = await page(query, '3');
        expect(third.PageInfo).toMatchObject({ Count: 30, TotalCount: 130 });
        expect(new Set((third.Instances as Array<{ RegionId: string }>).map((asset) => asset.RegionId))).toEqual(new Set(['ap-southeast-1']));
      }
    });

    it('caps PageSize at 100 and pages by NextToken without a TotalCount when UseNextToken is set', async () => {
      const { PageInfo } = await callRpc(large, ROOT, SAS, 'DescribeCloudCenterInstances', { UseNextToken: 'true', PageSize: '500' });
      expect(PageInfo).toMatchObject({ PageSize: 100, Count: 100 });
      expect(PageInfo).toHaveProperty('NextToken');
      expect(PageInfo).not.toHaveProperty('TotalCount');
    });

    it('filters DescribeVulList by Type, Dealed and Uuids, and requires Type', async () => {
      const all = await callRpc(large, ROOT, SAS, 'DescribeVulList', { Type: 'cve', PageSize: '100' });
      expect(all.TotalCount).toBe(260);
      const unfixed = await callRpc(large, ROOT, SAS, 'DescribeVulList', { Type: 'cve', Dealed: 'n', PageSize: '100' });
      expect(unfixed.TotalCount).toBe(130);
      const [record] = unfixed.VulRecords as Array<Record<string, unknown>>;
      expect(record).toMatchObject({ Type: 'cve', Status: 1, RegionId: 'cn-hangzhou', InstanceId: 'i-bp1big0000', Name: 'USN-0000' });
      const one = await callRpc(large, ROOT, SAS, 'DescribeVulList', { Type: 'cve', Dealed: 'n', Uuids: record!.Uuid as string });
      expect(one.TotalCount).toBe(1);
      expect((await callRpc(large, ROOT, SAS, 'DescribeVulList', { Type: 'sys' })).TotalCount).toBe(0);
      expect(await failure(callRpc(large, ROOT, SAS, 'DescribeVulList', {}))).toMatchObject({ code: 'MissingParameter' });
    });

    // DescribeVersionConfig documents Version 1 as the Free edition; there is no "not activated" error of ours
    it('answers the documented Free edition for an account that bought nothing', async () => {
      expect(await callRpc(inactive, ROOT, SAS, 'DescribeVersionConfig', {})).toMatchObject({ Version: 1, HighestVersion: 1, InstanceId: '', IsPostpay: false });
    });
  });

  describe('KMS', () => {
    it('pages ListKeys and ListAliases by PageNumber, capped at 100', async () => {
      const keys = await callRpc(large, ROOT, KMS, 'ListKeys', { RegionId: 'cn-hangzhou', PageNumber: '1', PageSize: '1000' });
      expect(keys).toMatchObject({ PageNumber: 1, PageSize: 100, TotalCount: 65 });
      expect((keys.Keys as { Key: unknown[] }).Key[0]).toEqual({ KeyId: 'key-bp10000', KeyArn: 'acs:kms:cn-hangzhou:1234567890123456:key/key-bp10000' });
      const aliases = await callRpc(large, ROOT, KMS, 'ListAliases', { RegionId: 'ap-southeast-1', PageNumber: '2', PageSize: '50' });
      expect(aliases).toMatchObject({ PageNumber: 2, TotalCount: 65 });
      expect((aliases.Aliases as { Alias: unknown[] }).Alias[0]).toEqual({ AliasName: 'alias/k0050', AliasArn: 'acs:kms:ap-southeast-1:1234567890123456:alias/k0050', KeyId: 'key-t4n0050' });
    });

    it('describes a key by id, alias or ARN, and says KeyNotFound otherwise', async () => {
      const byAlias = await callRpc(demo, ROOT, KMS, 'DescribeKey', { RegionId: 'cn-hangzhou', KeyId: 'alias/acs/ecs' });
      expect(byAlias.KeyMetadata).toMatchObject({ KeyId: '0e478b7a-4262-4802-b8cb-00d3fb4081a2', KeyState: 'Enabled', AutomaticRotation: 'Disabled', ProtectionLevel: 'SOFTWARE' });
      const arn = (byAlias.KeyMetadata as { Arn: string }).Arn;
      expect((await callRpc(demo, ROOT, KMS, 'DescribeKey', { RegionId: 'cn-hangzhou', KeyId: arn })).KeyMetadata).toEqual(byAlias.KeyMetadata);
      expect(await failure(callRpc(demo, ROOT, KMS, 'DescribeKey', { RegionId: 'cn-shanghai', KeyId: 'key-hzz62f8c3e9a1b7d5' }))).toMatchObject({ code: 'Forbidden.KeyNotFound', statusCode: 404 });
    });
  });

  describe('Session Manager', () => {
    it.each([
      { region: 'cn-hangzhou', status: 'enabled' },
      { region: 'cn-shanghai', status: 'disabled' },
      { region: 'ap-southeast-1', status: 'disabled' },
    ])('answers sessionManagerStatus $status in $region', async ({ region, status }) => {
      expect(await callRpc(demo, ROOT, ECS, 'DescribeUserBusinessBehavior', { RegionId: region, statusKey: 'sessionManagerStatus' })).toMatchObject({ StatusValue: status });
    });

    it('refuses a statusKey it does not know', async () => {
      expect(await failure(callRpc(demo, ROOT, ECS, 'DescribeUserBusinessBehavior', { RegionId: 'cn-hangzhou', statusKey: 'nope' }))).toMatchObject({ code: 'InvalidParams', statusCode: 403 });
    });
  });

  describe('the collectors against the emulator', () => {
    it('read the demo account: agents, the instance Security Center does not know, vulnerabilities, keys, switches', async () => {
      const ctx = collectorContext(demo.url, ['ap-southeast-1', 'cn-hangzhou', 'cn-shanghai'], ROOT);
      await Promise.all([collectSas(ctx), collectKms(ctx), collectEcs(ctx)]);
      const inventory = ctx.inventory.build({ accountId: ctx.accountId, collectedAt: '2026-11-15T00:00:00Z', regions: ctx.regions });
      expect(inventorySchema.safeParse(inventory).error).toBeUndefined();
      expect(inventory.gaps).toEqual([]);
      // the edition is the account's: one record, whose id is the account id
      expect(inventory.resources['sas.config'].map((c) => [c.id, c.sites, c.edition])).toEqual([[ctx.accountId, ['ap-southeast-1', 'cn-shanghai'], 'anti-virus']]);
      const assets = new Map(inventory.resources['sas.asset'].map((a) => [a.id, a]));
      expect(assets.has('i-bp1legacy2e9f4')).toBe(false);
      expect(assets.get('i-bp1db01c6q1r5')).toMatchObject({ clientStatus: 'offline', clientSubStatus: 'uninstalled' });
      expect(assets.get('i-t4nedge01k3n6')).toMatchObject({ region: 'ap-southeast-1', clientStatus: 'online' });
      expect(assets.get('i-bp1web01a7k3m9')?.unfixedVulnerabilities?.map((v) => [v.type, v.cves])).toEqual([['cve', ['CVE-2024-6387']]]);
      const keys = inventory.resources['kms.key'].map((k) => [k.region, k.id, k.isServiceKey, k.metadata?.automaticRotation]);
      expect(keys).toContainEqual(['cn-hangzhou', '0e478b7a-4262-4802-b8cb-00d3fb4081a2', true, 'Disabled']);
      expect(keys).toContainEqual(['cn-hangzhou', 'key-hzz48d1e6b2c9a7f3', false, 'Disabled']);
      expect(keys).toContainEqual(['cn-hangzhou', 'key-hzz62f8c3e9a1b7d5', false, 'Enabled']);
      expect(inventory.resources['ecs.region-setting'].map((s) => [s.id, s.sessionManagerEnabled])).toEqual([
        ['ap-southeast-1', false],
        ['cn-hangzhou', true],
        ['cn-shanghai', false],
      ]);
    });

    it('read the Free edition of an account that bought no Security Center', async () => {
      const ctx = collectorContext(inactive.url, ['cn-hangzhou'], ROOT);
      await collectSas(ctx);
      const inventory = ctx.inventory.build({ accountId: ctx.accountId, collectedAt: '2026-11-15T00:00:00Z', regions: ctx.regions });
      expect(inventory.gaps).toEqual([]);
      expect(inventory.resources['sas.config'].map((c) => [c.id, c.edition, c.instanceId, c.expiresAt])).toEqual([[ctx.accountId, 'free', null, null]]);
    });

    it('read an account-wide asset list from one site: every scanned region, whichever site serves it', async () => {
      const ctx = collectorContext(large.url, ['ap-southeast-1'], ROOT);
      await collectSas(ctx);
      const inventory = ctx.inventory.build({ accountId: ctx.accountId, collectedAt: '2026-11-15T00:00:00Z', regions: ctx.regions });
      expect(new Set(inventory.resources['sas.asset'].map((a) => a.region))).toEqual(new Set(['ap-southeast-1']));
      expect(inventory.resources['sas.asset']).toHaveLength(65);
    });

    it('page through a site with more assets than one page', async () => {
      const ctx = collectorContext(large.url, ['cn-hangzhou', 'ap-southeast-1'], ROOT);
      await collectSas(ctx);
      const inventory = ctx.inventory.build({ accountId: ctx.accountId, collectedAt: '2026-11-15T00:00:00Z', regions: ctx.regions });
      expect(inventory.resources['sas.asset']).toHaveLength(130);
      expect(inventory.resources['sas.asset'].every((a) => a.unfixedVulnerabilities?.length === 1)).toBe(true);
    });
  });
});
