// Anti-DDoS through the emulator, the real signed requests of a live scan: Basic, Origin and Pro paged past
// their caps, an account that bought neither Origin nor Pro (a fact: rules say "Basic only", never error),
// and denied answers that leave the findings in error, never pass.
import { beforeAll, describe, expect, it } from 'vitest';
import { defineAccount, type AccountModelInput, type StartEmulatorOptions } from '../src/emulator/index.js';
import { BUNDLED_RULES_DIR, evaluate, loadRules, type Rule } from '../src/engine/index.js';
import type { Finding } from '../src/findings/types.js';
import type { Inventory } from '../src/inventory/types.js';
import { REQUIRED_RAM_ACTIONS } from '../src/services/index.js';
import { scanThroughEmulator, type EmulatorScan } from './helpers/scan-emulator.js';

const NOW = new Date('2026-11-15T00:00:00Z');
const ipOf = (i: number) => `47.96.${Math.floor(i / 200)}.${(i % 200) + 1}`;

/** `instances` ECS instances with a public IP each in cn-hangzhou; Origin protecting the first `protectedCount`. */
function account(options: { instances: number; protectedCount?: number; websites?: number; deniedActions?: string[] }): AccountModelInput {
  const n = Array.from({ length: options.instances }, (_, i) => i);
  return {
    accountId: '1234567890123456',
    regions: {
      'cn-hangzhou': {
        securityGroups: [{ SecurityGroupId: 'sg-bp1web' }],
        instances: n.map((i) => ({
          InstanceId: `i-bp1web${String(i).padStart(4, '0')}`,
          OSName: 'Ubuntu 24.04',
          OSType: 'linux' as const,
          SecurityGroupIds: ['sg-bp1web'],
          PublicIpAddress: [ipOf(i)],
        })),
        antiDdosBasic: [{ InstanceIp: ipOf(0), InstanceStatus: 'blackholed' as const, BlackholeThreshold: 1500 }],
        ...(options.protectedCount === undefined
          ? {}
          : { antiDdosOrigin: [{ InstanceId: 'ddosbgp-cn-web01', ProtectedIps: n.slice(0, options.protectedCount).map(ipOf) }] }),
      },
    },
    ...(options.websites === undefined
      ? {}
      : {
          antiDdosPro: {
            instances: [{ InstanceId: 'ddoscoo-cn-shop01', Ip: '203.107.45.10' }],
            websites: Array.from({ length: options.websites }, (_, i) => ({ Domain: `site${i}.example.com`, Enable: i % 2 === 0 })),
          },
        }),
    deniedActions: options.deniedActions ?? [],
  };
}

let rules: Rule[];
beforeAll(async () => {
  rules = await loadRules([BUNDLED_RULES_DIR]);
});

const scan = (input: AccountModelInput, hooks?: Pick<StartEmulatorOptions, 'rewrite'>) =>
  scanThroughEmulator(defineAccount(input), { now: NOW, ...(hooks ? { hooks } : {}) });
const antiDdosFindings = (inventory: Inventory): Finding[] => evaluate(inventory, rules.filter((rule) => rule.service === 'antiddos'), { now: NOW });
const byRule = (findings: Finding[], ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId);
/** the answered calls of one product's action (ECS has a DescribeInstances too) */
const pages = (result: EmulatorScan, product: string, action: string) =>
  result.calls.filter((call) => call.product === product && call.action === action && call.status === 200).length;

describe('Anti-DDoS collector', () => {
  it('pages Basic, Origin and Pro past their caps (50, 50 and 10) and reads every item', async () => {
    const result = await scan(account({ instances: 120, protectedCount: 110, websites: 23 }));
    const { inventory } = result;
    expect(inventory.gaps).toEqual([]);
    const ips = inventory.resources['antiddos.basic-ip'];
    expect(ips).toHaveLength(120);
    expect(ips.find((ip) => ip.id === ipOf(0))).toMatchObject({ status: 'blackholed', blackholeThresholdMbps: 1500, assetType: 'ecs', inOriginInstance: true });
    expect(ips.find((ip) => ip.id === ipOf(119))).toMatchObject({ status: 'normal', blackholeThresholdMbps: 5200, inOriginInstance: false });
    const [origin] = inventory.resources['antiddos.origin-instance'];
    expect(origin?.protectedIps.map((ip) => ip.ip)).toEqual(Array.from({ length: 110 }, (_, i) => ipOf(i)));
    expect(origin?.protectedIps[0]).toEqual({ ip: ipOf(0), region: 'cn-hangzhou', product: 'ECS', status: 'hole_begin' });
    expect(inventory.resources['antiddos.pro-website']).toHaveLength(23);
    expect(inventory.resources['antiddos.pro-instance']).toMatchObject([{ id: 'ddoscoo-cn-shop01', region: 'cn-hangzhou', forwarding: true, expired: false }]);
    // 120 ECS IPs at 50 a page, plus one empty page each for slb and eip; 110 IPs at 50; 23 websites at 10
    expect(pages(result, 'yundun-ddos', 'DescribeInstance')).toBe(3 + 2);
    expect(pages(result, 'yundun-antiddosbag', 'DescribePackIpList')).toBe(3);
    expect(pages(result, 'yundun-ddoscoo', 'DescribeWebAccessLogDispatchStatus')).toBe(3);

    const findings = antiDdosFindings(inventory);
    expect(byRule(findings, 'antiddos-ip-not-blackholed').filter((finding) => finding.status === 'fail').map((finding) => finding.resource.id)).toEqual([ipOf(0)]);
    expect(byRule(findings, 'antiddos-origin-ecs-protected').filter((finding) => finding.status === 'fail')).toHaveLength(10);
    expect(byRule(findings, 'antiddos-pro-website-access-log').filter((finding) => finding.status === 'fail')).toHaveLength(11);
  });

  it('reads an account that bought neither Origin nor Pro as a fact: Basic only, no gap, no error', async () => {
    const { inventory } = await scan(account({ instances: 2 }));
    expect(inventory.gaps).toEqual([]);
    expect(inventory.resources['antiddos.origin-instance']).toEqual([]);
    expect(inventory.resources['antiddos.pro-instance']).toEqual([]);
    expect(inventory.resources['antiddos.pro-website']).toEqual([]);
    const findings = antiDdosFindings(inventory);
    expect(findings.filter((finding) => finding.status === 'error')).toEqual([]);
    const basicOnly = byRule(findings, 'antiddos-ip-basic-protection-only');
    expect(basicOnly.map((finding) => [finding.status, finding.severity])).toEqual([
      ['fail', 'info'],
      ['fail', 'info'],
    ]);
    expect(basicOnly.find((finding) => finding.resource.id === ipOf(0))?.evidence).toContain('blackholed above 1500 Mbit/s');
    // no Origin instance: the coverage rules do not apply
    expect(byRule(findings, 'antiddos-origin-ecs-protected')).toEqual([]);
  });

  it('turns denied answers into gaps under each product RAM code, and their findings into errors, never passes', async () => {
    const denied = ['yundun-ddos:DescribeInstance', 'yundun-antiddosbag:DescribePackIpList', 'yundun-ddoscoo:DescribeWebAccessLogDispatchStatus'];
    const { inventory } = await scan(account({ instances: 3, protectedCount: 3, websites: 2, deniedActions: denied }));
    expect([...new Set(inventory.gaps.map((gap) => `${gap.ramAction} ${gap.kind} ${gap.code}`))].sort()).toEqual(denied.map((action) => `${action} denied NoPermission`).sort());
    const findings = antiDdosFindings(inventory);
    expect(findings.filter((finding) => finding.status === 'pass')).toEqual([]);
    for (const ruleId of ['antiddos-ip-not-blackholed', 'antiddos-ip-basic-protection-only', 'antiddos-origin-ecs-protected', 'antiddos-pro-website-access-log']) {
      expect(byRule(findings, ruleId).map((finding) => finding.status), ruleId).toContain('error');
    }
    expect(byRule(findings, 'antiddos-origin-ecs-protected').every((finding) => finding.status === 'error')).toBe(true);
  });

  it('asks both Pro sites when the scan spans the mainland and beyond, and keeps each instance once', async () => {
    const input = account({ instances: 1, websites: 2 });
    input.regions['ap-southeast-1'] = {};
    const result = await scan(input);
    expect(result.inventory.gaps).toEqual([]);
    expect(pages(result, 'yundun-ddoscoo', 'DescribeInstances')).toBe(2);
    expect(result.inventory.resources['antiddos.pro-instance'].map((instance) => [instance.id, instance.region])).toEqual([['ddoscoo-cn-shop01', 'cn-hangzhou']]);
    expect(result.inventory.resources['antiddos.pro-website']).toHaveLength(2);
    // Origin is sold in both regions (ddosbgp endpoints): each is asked
    expect(result.calls.filter((call) => call.action === 'DescribeInstanceList').map((call) => call.region).sort()).toEqual(['ap-southeast-1', 'cn-hangzhou']);
  });

  it('reads an Origin answer without its total as malformed: the coverage findings are errors', async () => {
    const { inventory } = await scan(account({ instances: 2, protectedCount: 1 }), {
      rewrite: (call, reply) => {
        if (call.action !== 'DescribePackIpList' || typeof reply.body === 'string') return reply;
        const { Total: _total, ...body } = reply.body;
        return { ...reply, body };
      },
    });
    expect(inventory.gaps.map((gap) => [gap.action, gap.kind, gap.resourceTypes])).toEqual([['DescribePackIpList', 'malformed', ['antiddos.origin-instance']]]);
    const findings = antiDdosFindings(inventory);
    expect(byRule(findings, 'antiddos-origin-ecs-protected').map((finding) => finding.status)).toEqual(['error', 'error']);
    // Basic's own IsBgppack still says which IP is in an Origin instance
    expect(byRule(findings, 'antiddos-ip-basic-protection-only').map((finding) => [finding.resource.id, finding.status])).toEqual([
      [ipOf(0), 'pass'],
      [ipOf(1), 'error'],
    ]);
  });

  it('asks the least-privilege policy for every action under its product RAM code', () => {
    expect(REQUIRED_RAM_ACTIONS.filter((action) => /^yundun-(ddos|antiddosbag|ddoscoo):/.test(action))).toEqual([
      'yundun-antiddosbag:DescribeInstanceList',
      'yundun-antiddosbag:DescribePackIpList',
      'yundun-ddos:DescribeInstance',
      'yundun-ddoscoo:DescribeInstances',
      'yundun-ddoscoo:DescribeWebAccessLogDispatchStatus',
    ]);
  });
});
