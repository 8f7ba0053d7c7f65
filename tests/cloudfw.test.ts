// Cloud Firewall through the emulator with real signed requests: its answers (page cap, required paging,
// Direction), the collector paging over more than one page of assets and of policies on each direction,
// the VPC firewalls, the two sites, an account that bought none (a fact: the coverage rule fails, it is not an error) and
// denied answers (error findings, never a pass).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_RULES_DIR, evaluate, loadRules, type Rule } from '../src/engine/index.js';
import { defineAccount, startEmulator, type AccountModelInput, type EmulatorCredential, type RunningEmulator } from '../src/emulator/index.js';
import type { Finding } from '../src/findings/types.js';
import { inventorySchema } from '../src/inventory/schema.js';
import { collectCloudfw } from '../src/services/cloudfw/collector.js';
import { callRpc, failure } from './emulator-helpers.js';
import { collectorContext } from './helpers/context.js';
import { scanThroughEmulator } from './helpers/scan-emulator.js';

const ROOT: EmulatorCredential = { accessKeyId: 'LTAI5tRootCloudfw001', accessKeySecret: 'root-secret-cloudfw-1' };
const CLOUDFW = '2017-12-07';
const SCANNED_AT = new Date('2026-11-15T00:00:00Z');
const n = (count: number) => Array.from({ length: count }, (_, i) => String(i).padStart(3, '0'));

/** An ECS instance with a public IP in each of two regions (two Cloud Firewall sites). */
const regions = {
  'cn-hangzhou': {
    securityGroups: [{ SecurityGroupId: 'sg-bp1web' }],
    instances: [{ InstanceId: 'i-bp1web', OSName: 'Ubuntu 24.04', OSType: 'linux' as const, SecurityGroupIds: ['sg-bp1web'], PublicIpAddress: ['47.96.0.10'] }],
  },
  'ap-southeast-1': {
    securityGroups: [{ SecurityGroupId: 'sg-t4nweb' }],
    instances: [{ InstanceId: 'i-t4nweb', OSName: 'Ubuntu 24.04', OSType: 'linux' as const, SecurityGroupIds: ['sg-t4nweb'], PublicIpAddress: ['8.219.0.10'] }],
  },
};

/** 121 assets (the two instances' IPs, one of them in ap-southeast-1, and one IPv6), 60 IPv4 policies each way and an IPv6 one. */
function largeAccount(over: Partial<AccountModelInput> = {}): AccountModelInput {
  return {
    accountId: '1234567890123456',
    regions,
    cloudFirewall: {
      instance: { InstanceId: 'vipcloudfw-cn-big', LogStatus: true },
      assets: [
        { InternetAddress: '47.96.0.10', RegionID: 'cn-hangzhou', ResourceInstanceId: 'i-bp1web' },
        { InternetAddress: '8.219.0.10', RegionID: 'ap-southeast-1', ResourceInstanceId: 'i-t4nweb', ProtectStatus: 'closed' },
        ...n(118).map((i) => ({ InternetAddress: `47.97.0.${Number(i) + 1}`, RegionID: 'cn-hangzhou', ResourceType: 'EIP', ResourceInstanceId: `eip-bp1${i}` })),
        { InternetAddress: '2408:4000::10', RegionID: 'cn-hangzhou', IpVersion: 6, ResourceInstanceId: 'i-bp1web' },
      ],
      controlPolicies: [
        ...(['in', 'out'] as const).flatMap((direction) =>
          n(60).map((i) => ({ AclUuid: `acl-${direction}-${i}`, Direction: direction, Order: Number(i) + 1, DestPort: i === '007' ? '22' : '443' })),
        ),
        { AclUuid: 'acl-in6-ssh', Direction: 'in' as const, Order: 61, DestPort: '22', Source: '::/0', Destination: '::/0', IpVersion: 6 },
      ],
      vpcFirewalls: [{ VpcFirewallId: 'vfw-peer01', ConnectSubType: 'vpcpeer', LocalVpc: { RegionNo: 'cn-hangzhou', VpcId: 'vpc-bp1a' }, PeerVpc: { VpcId: 'vpc-bp1b' } }],
      cenVpcFirewalls: [
        { VpcFirewallId: 'vfw-tr-01', CenId: 'cen-01', FirewallSwitchStatus: 'notconfigured', ResultCode: 'Unauthorized', LocalVpc: { RegionNo: 'cn-hangzhou', VpcId: 'vpc-bp1c' } },
      ],
    },
    ...over,
  };
}

const build = (ctx: ReturnType<typeof collectorContext>) => {
  const inventory = ctx.inventory.build({ accountId: ctx.accountId, collectedAt: SCANNED_AT.toISOString(), regions: ctx.regions });
  expect(inventorySchema.safeParse(inventory).error).toBeUndefined();
  return inventory;
};

let rules: Rule[];
const cloudfwFindings = async (account: AccountModelInput): Promise<Finding[]> => {
  const { inventory } = await scanThroughEmulator(defineAccount(account), { now: SCANNED_AT });
  return evaluate(inventory, rules, { now: SCANNED_AT }).filter((finding) => finding.service === 'cloudfw');
};
const byRule = (findings: Finding[], ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.status);

describe('Cloud Firewall', () => {
  let large: RunningEmulator;

  beforeAll(async () => {
    rules = await loadRules([BUNDLED_RULES_DIR]);
    large = await startEmulator({ account: defineAccount(largeAccount()), credentials: [ROOT] });
  });
  afterAll(() => large.close());

  describe('emulator', () => {
    it('caps PageSize at 50 and gives DescribeControlPolicy its totals as strings', async () => {
      const body = await callRpc(large, ROOT, CLOUDFW, 'DescribeControlPolicy', { Direction: 'in', CurrentPage: '2', PageSize: '100' });
      expect(body).toMatchObject({ PageNo: '2', PageSize: '50', TotalCount: '60' });
      expect(body.Policys).toHaveLength(10);
      const assets = await callRpc(large, ROOT, CLOUDFW, 'DescribeAssetList', { CurrentPage: '1', PageSize: '500' });
      expect(assets).toMatchObject({ TotalCount: 120 });
      // IPv4 unless IpVersion says 6
      expect(await callRpc(large, ROOT, CLOUDFW, 'DescribeAssetList', { CurrentPage: '1', PageSize: '50', IpVersion: '6' })).toMatchObject({ TotalCount: 1 });
      expect(assets.Assets).toHaveLength(50);
    });

    it('requires CurrentPage and PageSize and checks Direction', async () => {
      expect((await failure(callRpc(large, ROOT, CLOUDFW, 'DescribeAssetList', { PageSize: '10' }))).code).toBe('MissingParameter');
      expect((await failure(callRpc(large, ROOT, CLOUDFW, 'DescribeControlPolicy', { Direction: 'both', CurrentPage: '1', PageSize: '10' }))).code).toBe(
        'InvalidParameter',
      );
    });

    it('answers an account without Cloud Firewall with UserStatus false and InstanceStatus free', async () => {
      const none = await startEmulator({ account: defineAccount({ ...largeAccount(), cloudFirewall: null }), credentials: [ROOT] });
      try {
        const body = await callRpc(none, ROOT, CLOUDFW, 'DescribeUserBuyVersion', {});
        expect(body).toMatchObject({ UserStatus: false, InstanceStatus: 'free' });
        expect(body).not.toHaveProperty('InstanceId');
      } finally {
        await none.close();
      }
    });
  });

  describe('collector', () => {
    it('pages through more than one page of assets and of policies each way, at the cap of 50, both IP versions', async () => {
      const before = large.calls.length;
      const ctx = collectorContext(large.url, ['cn-hangzhou'], ROOT);
      await collectCloudfw(ctx);
      const inventory = build(ctx);
      expect(inventory.gaps).toEqual([]);
      // the site of cn-hangzhou keeps the assets of its scanned region only
      expect(inventory.resources['cloudfw.asset']).toHaveLength(120);
      expect(inventory.resources['cloudfw.control-policy'].filter((policy) => policy.direction === 'in')).toHaveLength(61);
      expect(inventory.resources['cloudfw.control-policy'].filter((policy) => policy.direction === 'out')).toHaveLength(60);
      const calls = large.calls.slice(before).map((call) => call.action);
      // IPv4: 50 + 50 + 19 assets, IPv6: 1; policies IPv4: 50 + 10 each way, IPv6: one inbound page and one empty outbound
      expect(calls.filter((action) => action === 'DescribeAssetList')).toHaveLength(4);
      expect(calls.filter((action) => action === 'DescribeControlPolicy')).toHaveLength(6);
      expect(inventory.resources['cloudfw.asset'].find((asset) => asset.id === '2408:4000::10')).toMatchObject({ ipVersion: 6 });
      expect(inventory.resources['cloudfw.vpc-firewall']).toEqual([
        { id: 'vfw-peer01', name: '', connectType: 'expressconnect', region: 'cn-hangzhou', vpcId: 'vpc-bp1a', peerVpcId: 'vpc-bp1b', cenId: null, switchStatus: 'opened', resultCode: null },
        { id: 'vfw-tr-01', name: '', connectType: 'cen', region: 'cn-hangzhou', vpcId: 'vpc-bp1c', peerVpcId: null, cenId: 'cen-01', switchStatus: 'notconfigured', resultCode: 'Unauthorized' },
      ]);
      expect(inventory.resources['cloudfw.instance']).toEqual([
        expect.objectContaining({ id: ctx.accountId, sites: ['cn-hangzhou'], bought: true, instanceId: 'vipcloudfw-cn-big', instanceStatus: 'normal', logDelivery: true }),
      ]);
      expect(inventory.resources['cloudfw.control-policy'].find((policy) => policy.id === 'acl-in-007')).toMatchObject({
        direction: 'in',
        order: 8,
        action: 'accept',
        enabled: true,
        proto: 'TCP',
        source: '0.0.0.0/0',
        destPort: '22',
      });
    });

    it('reads both sites: each region on its own site, each asset and policy once', async () => {
      const ctx = collectorContext(large.url, ['cn-hangzhou', 'ap-southeast-1'], ROOT);
      await collectCloudfw(ctx);
      const inventory = build(ctx);
      expect(inventory.resources['cloudfw.instance'][0]).toMatchObject({ sites: ['ap-southeast-1', 'cn-hangzhou'], regions: ['ap-southeast-1', 'cn-hangzhou'] });
      expect(inventory.resources['cloudfw.asset']).toHaveLength(121);
      expect(inventory.resources['cloudfw.asset'].find((asset) => asset.id === '8.219.0.10')).toMatchObject({ region: 'ap-southeast-1', protectStatus: 'closed' });
      expect(inventory.resources['cloudfw.control-policy']).toHaveLength(121);
    });
  });

  describe('findings', () => {
    it('finds the switched-off asset and the policies that open SSH to the IPv4 and the IPv6 internet', async () => {
      const findings = await cloudfwFindings(largeAccount());
      expect(findings.filter((finding) => finding.status === 'fail').map((finding) => `${finding.ruleId} ${finding.resource.id}`).sort()).toEqual([
        'cloudfw-acl-admin-ports acl-in-007',
        'cloudfw-acl-admin-ports acl-in6-ssh',
        'cloudfw-asset-protected 8.219.0.10',
        'cloudfw-vpc-firewall-enabled vfw-tr-01',
      ]);
      expect(findings.filter((finding) => finding.status === 'error')).toEqual([]);
    });

    it('takes "not bought" as a fact: the coverage rule fails on an account with public IPs, not an error', async () => {
      const { inventory, calls } = await scanThroughEmulator(defineAccount({ ...largeAccount(), cloudFirewall: null }), { now: SCANNED_AT });
      expect(inventory.gaps.filter((gap) => gap.service === 'cloudfw')).toEqual([]);
      expect(inventory.resources['cloudfw.instance']).toEqual([expect.objectContaining({ bought: false, instanceId: null, instanceStatus: 'free', logDelivery: null })]);
      expect(inventory.resources['cloudfw.asset']).toEqual([]);
      expect(calls.filter((call) => call.action === 'DescribeAssetList' || call.action === 'DescribeControlPolicy')).toEqual([]);
      const findings = evaluate(inventory, rules, { now: SCANNED_AT }).filter((finding) => finding.service === 'cloudfw');
      const coverage = findings.filter((finding) => finding.ruleId === 'cloudfw-public-ips-covered');
      expect(coverage.map((finding) => finding.status)).toEqual(['fail']);
      expect(coverage[0]!.evidence).toContain('47.96.0.10, 8.219.0.10');
      // log analysis does not apply without Cloud Firewall
      expect(byRule(findings, 'cloudfw-log-analysis')).toEqual([]);
    });

    it('turns a denied asset listing into error findings, never a pass', async () => {
      const findings = await cloudfwFindings(largeAccount({ deniedActions: ['yundun-cloudfirewall:DescribeAssetList'] }));
      expect(byRule(findings, 'cloudfw-asset-protected')).toEqual(['error']);
      expect(byRule(findings, 'cloudfw-public-ips-covered')).toEqual(['error']);
      expect(findings.find((finding) => finding.ruleId === 'cloudfw-asset-protected')!.reason).toMatch(/yundun-cloudfirewall:DescribeAssetList/);
      // the policies were listed: they are still assessed
      expect(byRule(findings, 'cloudfw-acl-admin-ports')).toContain('fail');
    });

    it('reads an asset answered without its switch state as unknown: an error finding, not a switch taken for off', async () => {
      const { inventory } = await scanThroughEmulator(defineAccount(largeAccount()), {
        now: SCANNED_AT,
        hooks: {
          rewrite: (call, reply) => {
            if (call.action !== 'DescribeAssetList' || typeof reply.body === 'string') return reply;
            const assets = (reply.body.Assets as Array<Record<string, unknown>>).map(({ ProtectStatus: _status, ...asset }) => asset);
            return { ...reply, body: { ...reply.body, Assets: assets } };
          },
        },
      });
      const statuses = byRule(evaluate(inventory, rules, { now: SCANNED_AT }), 'cloudfw-asset-protected');
      expect(statuses.length).toBeGreaterThan(0);
      expect(new Set(statuses)).toEqual(new Set(['error']));
    });

    it('turns a denied DescribeUserBuyVersion into error findings for every Cloud Firewall rule', async () => {
      const findings = await cloudfwFindings(largeAccount({ deniedActions: ['yundun-cloudfirewall:DescribeUserBuyVersion'] }));
      expect(findings.length).toBeGreaterThan(0);
      expect(new Set(findings.map((finding) => finding.status))).toEqual(new Set(['error']));
      expect(new Set(findings.map((finding) => finding.ruleId))).toEqual(
        new Set(['cloudfw-acl-admin-ports', 'cloudfw-asset-protected', 'cloudfw-public-ips-covered', 'cloudfw-log-analysis', 'cloudfw-vpc-firewall-enabled']),
      );
    });
  });
});
