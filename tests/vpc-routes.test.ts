// VPC route tables and their route entries (CIS 3.4) and fine grained security group rules (CIS 3.5),
// scanned through the emulator like a live account: both listings page (route tables by PageNumber at 50,
// route entries by NextToken with MaxResult at 100), and a denied listing is an error finding, never a pass.
import { beforeAll, describe, expect, it } from 'vitest';
import { defineAccount, loadAccountModel, type AccountModelInput } from '../src/emulator/index.js';
import { BUNDLED_RULES_DIR, evaluate, loadRules, type Rule } from '../src/engine/index.js';
import type { Finding } from '../src/findings/types.js';
import type { Inventory } from '../src/inventory/types.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { coarseIngressRules } from '../src/services/ecs/fine-grained.js';
import { SecurityGroupRuleError } from '../src/services/ecs/security-group-exposure.js';
import { securityGroupRule } from './helpers/records.js';
import { scanThroughEmulator } from './helpers/scan-emulator.js';

const NOW = new Date('2026-11-15T00:00:00Z');
const ROUTE_RULE = 'vpc-route-table-peering-least-access';
const SHANGHAI_VPC = 'vpc-uf6main2k8m4q';

let rules: Rule[];
let demo: AccountModelInput;

beforeAll(async () => {
  rules = (await loadRules([BUNDLED_RULES_DIR])).filter((rule) => rule.id === ROUTE_RULE || rule.id === 'ecs-sg-fine-grained');
  demo = (await loadAccountModel(DEMO_ACCOUNT_FILE)) as AccountModelInput;
});

const findingsOf = (inventory: Inventory, ruleId: string): Finding[] => evaluate(inventory, rules, { now: NOW }).filter((f) => f.ruleId === ruleId);
const peerRoute = (destination: string) => ({
  DestinationCidrBlock: destination,
  NextHops: [{ NextHopType: 'VpcPeer', NextHopId: 'pcc-uf6peer0001' }],
});

/** The demo with 51 route tables in cn-shanghai, the first with 150 peering routes: the last one /8. */
function withManyRouteTables(): AccountModelInput {
  const model = structuredClone(demo) as AccountModelInput & { regions: Record<string, Record<string, unknown>> };
  const entries = [...Array.from({ length: 149 }, (_, i) => peerRoute(`10.${Math.floor(i / 200)}.${i % 200}.0/24`)), peerRoute('10.0.0.0/8')];
  model.regions['cn-shanghai']!.routeTables = Array.from({ length: 51 }, (_, i) => ({
    RouteTableId: `vtb-uf6many${String(i).padStart(3, '0')}`,
    VpcId: SHANGHAI_VPC,
    RouteTableName: `table-${i}`,
    RouteEntries: i === 0 ? entries : [peerRoute('10.1.0.0/24')],
  }));
  return model;
}

describe('route tables through the emulator', () => {
  it('reads the demo: the least-access table passes, the one routing everything to the peer fails', async () => {
    const { inventory } = await scanThroughEmulator(defineAccount(demo), { now: NOW });
    expect(inventory.gaps).toEqual([]);
    const tables = inventory.resources['vpc.route-table'];
    expect(tables.map((table) => [table.id, table.vpcId, table.entries?.length]).sort()).toEqual([
      ['vtb-bp1devall9m4', 'vpc-bp1dev5n7r2w9z', 2],
      ['vtb-bp1prodweb6k2', 'vpc-bp1prod8k2m4x7q', 2],
    ]);
    expect(tables.find((table) => table.id === 'vtb-bp1devall9m4')?.entries?.[1]).toEqual({
      id: 'rte-bp1devall9m41',
      name: 'everything-to-prod',
      destination: '0.0.0.0/0',
      prefixLength: 0,
      ipVersion: 'ipv4',
      type: 'Custom',
      status: 'Available',
      nextHops: [{ type: 'VpcPeer', id: 'pcc-bp1proddev7q3', relatedInstanceId: 'vpc-bp1prod8k2m4x7q', relatedInstanceType: 'VPC' }],
    });
    const findings = findingsOf(inventory, ROUTE_RULE);
    expect(findings.map((finding) => [finding.resource.id, finding.status])).toEqual([
      ['vtb-bp1devall9m4', 'fail'],
      ['vtb-bp1prodweb6k2', 'pass'],
    ]);
    // the hop names the peer VPC (prod, 10.0.0.0/16): the default route leaves it
    expect(findings[0]?.evidence).toContain('(outside the peer: 0.0.0.0/0 (rte-bp1devall9m41))');
  });

  it('pages route tables at 50 and route entries at 100, and judges the route on the last page', async () => {
    const { inventory, calls } = await scanThroughEmulator(defineAccount(withManyRouteTables()), { now: NOW });
    expect(inventory.gaps).toEqual([]);
    const tables = inventory.resources['vpc.route-table'].filter((table) => table.region === 'cn-shanghai');
    expect(tables).toHaveLength(51);
    expect(tables.find((table) => table.id === 'vtb-uf6many000')?.entries).toHaveLength(150);
    const shanghai = calls.filter((call) => call.region === 'cn-shanghai');
    expect(shanghai.filter((call) => call.action === 'DescribeRouteTableList')).toHaveLength(2);
    // 51 tables, the first on two pages
    expect(shanghai.filter((call) => call.action === 'DescribeRouteEntryList')).toHaveLength(52);
    const failing = findingsOf(inventory, ROUTE_RULE).filter((finding) => finding.status === 'fail');
    expect(failing.map((finding) => finding.resource.id)).toEqual(['vtb-bp1devall9m4', 'vtb-uf6many000']);
  });

  it('makes each table whose routes are denied an error, never a pass', async () => {
    const { inventory } = await scanThroughEmulator(defineAccount({ ...demo, deniedActions: ['vpc:DescribeRouteEntryList'] }), { now: NOW });
    expect(inventory.gaps.map((gap) => [gap.action, gap.kind, gap.resourceId, gap.fields]).sort()).toEqual([
      ['DescribeRouteEntryList', 'denied', 'vtb-bp1devall9m4', ['entries']],
      ['DescribeRouteEntryList', 'denied', 'vtb-bp1prodweb6k2', ['entries']],
    ]);
    expect(inventory.resources['vpc.route-table'].map((table) => table.entries)).toEqual([undefined, undefined]);
    expect(findingsOf(inventory, ROUTE_RULE).map((finding) => [finding.resource.id, finding.status])).toEqual([
      ['vtb-bp1devall9m4', 'error'],
      ['vtb-bp1prodweb6k2', 'error'],
    ]);
  });

  it('makes a region whose route tables are denied an error', async () => {
    const { inventory } = await scanThroughEmulator(
      defineAccount({ ...demo, deniedActions: [{ action: 'vpc:DescribeRouteTableList', regions: ['cn-hangzhou'] }] }),
      { now: NOW },
    );
    expect(inventory.gaps.map((gap) => [gap.action, gap.region, gap.resourceTypes])).toEqual([['DescribeRouteTableList', 'cn-hangzhou', ['vpc.route-table']]]);
    const findings = findingsOf(inventory, ROUTE_RULE);
    expect(findings.map((finding) => finding.status)).toEqual(['error']);
    expect(findings[0]?.resource.region).toBe('cn-hangzhou');
  });
});

describe('coarse security group rules', () => {
  const rule = securityGroupRule;
  const limits = { maxPorts: 10, minPrefixLength: { ipv4: 24, ipv6: 64 } };

  it('finds a wide range to a broad source, and no other', () => {
    const rules = [
      rule({ id: 'sgr-wide', portRange: '1/1024' }),
      rule({ id: 'sgr-narrow-source', portRange: '1/1024', sourceCidrIp: '10.0.1.0/24' }),
      rule({ id: 'sgr-few-ports', portRange: '8080/8089' }),
      rule({ id: 'sgr-egress', direction: 'egress', portRange: '1/65535' }),
      rule({ id: 'sgr-host', ipProtocol: 'ALL', portRange: '-1/-1', sourceCidrIp: '10.0.0.5' }),
      rule({ id: 'sgr-v6', ipProtocol: 'UDP', portRange: '1/100', sourceCidrIp: null, ipv6SourceCidrIp: '2408:4000::/32' }),
    ];
    expect(coarseIngressRules(rules, limits).map((coarse) => [coarse.id, coarse.ports])).toEqual([
      ['sgr-wide', 1024],
      ['sgr-v6', 100],
    ]);
  });

  it('refuses a source it cannot read rather than calling it narrow', () => {
    expect(() => coarseIngressRules([rule({ sourceCidrIp: '10.0.0.0/99' })], limits)).toThrow(SecurityGroupRuleError);
  });

  it('fails and passes security groups of the demo', async () => {
    const { inventory } = await scanThroughEmulator(defineAccount(demo), { now: NOW });
    const statuses = new Set(findingsOf(inventory, 'ecs-sg-fine-grained').map((finding) => finding.status));
    expect(statuses).toEqual(new Set(['pass', 'fail']));
  });
});
