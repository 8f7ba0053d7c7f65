// WAF 3.0 through the emulator with the real signed requests: the demo account's sites, domains and
// cloud-native resources, paging past one page, an account without WAF (a fact, not a gap), and denied or
// malformed answers (errors, never a pass).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineAccount, loadAccountModel, type AccountModelInput } from '../src/emulator/index.js';
import { BUNDLED_RULES_DIR, evaluate, loadRules, type Rule } from '../src/engine/index.js';
import type { Finding } from '../src/findings/types.js';
import type { Inventory } from '../src/inventory/types.js';
import { wafSite } from '../src/services/waf/collector.js';
import { scanThroughEmulator } from './helpers/scan-emulator.js';

const NOW = new Date('2026-11-15T00:00:00Z');
const SITE = 'cn-hangzhou' as const;
const INSTANCE = 'waf_v3prepaid_public_cn-test01';

let rules: Rule[];
beforeAll(async () => {
  rules = (await loadRules([BUNDLED_RULES_DIR])).filter((rule) => rule.service === 'waf');
});

const findingsOf = (inventory: Inventory): Finding[] => evaluate(inventory, rules, { now: NOW });
const statusBy = (findings: Finding[]) =>
  Object.fromEntries(findings.map((finding) => [`${finding.ruleId} ${finding.resource.id}`, finding.status]));

/**
 * One region with a running web server on a public IP, TCP 443 open to the internet, and an internet CLB
 * and ALB with HTTP listeners on 80 and 8080.
 */
function account(overrides: Partial<AccountModelInput> = {}): AccountModelInput {
  const ports = [80, 8080];
  return {
    accountId: '1234567890123456',
    regions: {
      'cn-hangzhou': {
        securityGroups: [{ SecurityGroupId: 'sg-web', Permissions: [{ IpProtocol: 'TCP', PortRange: '443/443', SourceCidrIp: '0.0.0.0/0' }] }],
        instances: [{ InstanceId: 'i-web', OSName: 'Ubuntu 24.04', OSType: 'linux', SecurityGroupIds: ['sg-web'], PublicIpAddress: ['47.96.0.10'] }],
        slbLoadBalancers: [
          { LoadBalancerId: 'lb-bp1site', AddressType: 'internet', Address: '47.96.0.20', Listeners: ports.map((port) => ({ ListenerProtocol: 'http' as const, ListenerPort: port })) },
        ],
        albLoadBalancers: [
          {
            LoadBalancerId: 'alb-bp1site',
            AddressType: 'Internet',
            Listeners: ports.map((port) => ({ ListenerId: `lsn-bp1site${port}`, ListenerProtocol: 'HTTP' as const, ListenerPort: port })),
          },
        ],
      },
    },
    ...overrides,
  };
}

/** The listeners of account()'s balancers, as the listener rules name them */
const LISTENER_FINDINGS = [
  'waf-clb-listener-protected lb-bp1site:http:80',
  'waf-clb-listener-protected lb-bp1site:http:8080',
  'waf-alb-listener-protected lsn-bp1site80',
  'waf-alb-listener-protected lsn-bp1site8080',
];

describe('WAF 3.0 collector', () => {
  it('reads the demo account: the instance per site, domains with their mode and logs, cloud-native resources with ports', async () => {
    const model = await loadAccountModel(path.resolve(import.meta.dirname, '../fixtures/demo/account.json'));
    const { inventory } = await scanThroughEmulator(model, { now: NOW });
    expect(inventory.gaps.filter((gap) => gap.service === 'waf')).toEqual([]);
    expect(inventory.resources['waf.instance']).toEqual([
      { id: 'ap-southeast-1', regions: ['ap-southeast-1'], instanceId: null, edition: null, status: null, payType: null, inDebt: false, expiresAt: null },
      {
        id: 'cn-hangzhou',
        regions: ['cn-hangzhou', 'cn-shanghai'],
        instanceId: 'waf_v3prepaid_public_cn-acme01',
        edition: 'version_pro',
        status: 1,
        payType: 'PREPAY',
        inDebt: false,
        expiresAt: '2028-01-01T00:00:00.000Z',
      },
    ]);
    expect(inventory.resources['waf.domain'].map((domain) => [domain.id, domain.backends, domain.forceHttps, domain.basicProtection, domain.logEnabled])).toEqual([
      ['api.acme-demo.com', ['origin-api.acme-demo.com'], false, 'monitor', false],
      ['shop.acme-demo.com', ['47.96.181.23'], true, 'block', true],
    ]);
    const resource = { site: 'cn-hangzhou', instanceId: 'waf_v3prepaid_public_cn-acme01', httpPorts: [], httpsPorts: [443] };
    expect(inventory.resources['waf.protected-resource']).toEqual([
      // from the default listing (ALB, MSE, FC, SAE) and from those naming their product (ecs, clb7)
      { ...resource, id: 'alb-bp1shop', region: 'cn-hangzhou', product: 'alb', name: 'shop-public', ip: null },
      { ...resource, id: 'lb-bp1web', region: 'cn-hangzhou', product: 'clb7', name: 'web-public', ip: '47.98.10.20' },
      {
        id: 'i-uf6app02f5h9k',
        region: 'cn-shanghai',
        product: 'ecs',
        site: 'cn-hangzhou',
        instanceId: 'waf_v3prepaid_public_cn-acme01',
        name: 'app-02',
        ip: '139.224.18.66',
        httpPorts: [80],
        httpsPorts: [443],
      },
    ]);
    // every WAF rule passes and fails somewhere in the demo
    const byRule = new Map<string, Set<string>>();
    for (const finding of findingsOf(inventory)) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? new Set()).add(finding.status));
    expect([...byRule.keys()].sort()).toEqual(rules.map((rule) => rule.id).sort());
    for (const statuses of byRule.values()) expect([...statuses].sort()).toEqual(['fail', 'pass']);
    expect(statusBy(findingsOf(inventory))).toMatchObject({
      'waf-web-instance-protected i-bp1web01a7k3m9': 'pass',
      'waf-web-instance-protected i-uf6app02f5h9k': 'pass',
      'waf-web-instance-protected i-bp1web02b4n8p2': 'fail',
      'waf-web-instance-protected i-t4nedge01k3n6': 'fail',
      'waf-site-instance cn-hangzhou': 'pass',
      'waf-site-instance ap-southeast-1': 'fail',
      // the balancers are added to WAF on HTTPS 443 only; the intranet CLB is not assessed
      'waf-alb-listener-protected lsn-bp1https443': 'pass',
      'waf-alb-listener-protected lsn-bp1https8443': 'fail',
      'waf-alb-listener-protected lsn-bp1http80': 'fail',
      'waf-clb-listener-protected lb-bp1web:https:443': 'pass',
      'waf-clb-listener-protected lb-bp1web:http:80': 'fail',
    });
    expect(Object.keys(statusBy(findingsOf(inventory))).filter((key) => key.includes('lb-bp1intra'))).toEqual([]);
  });

  it('pages DescribeDomains at 50, DescribeCloudResources at 100 and the rules of a template at 10', async () => {
    const n = (count: number) => Array.from({ length: count }, (_, i) => String(i).padStart(3, '0'));
    const domains = n(60).map((i) => ({ Domain: `d${i}.example.com`, Redirect: { BackendList: [`47.96.1.${Number(i) % 250}`] }, LogEnabled: true }));
    const model = defineAccount(
      account({
        waf: [
          {
            RegionId: SITE,
            InstanceId: INSTANCE,
            Domains: domains,
            CloudResources: n(110).map((i) => ({ ResourceInstanceId: `i-bp1many${i}`, ResourceRegionId: 'cn-hangzhou', HttpPorts: [80] })),
            DefenseTemplates: [
              // 24 observing rules and one that blocks, on the third page
              { TemplateId: 7, Resources: domains.map((domain) => `${domain.Domain}-waf`), Rules: [...n(24).map(() => ({ Action: 'monitor' as const })), { Action: 'block' as const }] },
            ],
          },
        ],
      }),
    );
    const { inventory, calls } = await scanThroughEmulator(model, { now: NOW });
    expect(inventory.gaps).toEqual([]);
    expect(inventory.resources['waf.domain']).toHaveLength(60);
    expect(inventory.resources['waf.domain'].every((domain) => domain.basicProtection === 'block' && domain.logEnabled === true)).toBe(true);
    expect(inventory.resources['waf.protected-resource']).toHaveLength(110);
    expect(inventory.resources['waf.protected-resource'].every((resource) => resource.httpPorts?.[0] === 80)).toBe(true);
    const count = (action: string) => calls.filter((call) => call.version === '2021-10-01' && call.action === action).length;
    expect(count('DescribeDomains')).toBe(2);
    // the 110 ECS resources on two pages; the default listing, clb4 and clb7 on one each
    expect(count('DescribeCloudResources')).toBe(5);
    // listed once for all 60 domains it applies to
    expect(count('DescribeDefenseRules')).toBe(3);
    expect(count('DescribeDomainDetail')).toBe(60);
  });

  it('records an account without WAF 3.0 as a fact: the sites without an instance, no gap, the web server unprotected', async () => {
    const { inventory, calls } = await scanThroughEmulator(defineAccount(account()), { now: NOW });
    expect(inventory.gaps).toEqual([]);
    expect(inventory.resources['waf.instance']).toEqual([
      { id: 'cn-hangzhou', regions: ['cn-hangzhou'], instanceId: null, edition: null, status: null, payType: null, inDebt: false, expiresAt: null },
    ]);
    expect(inventory.resources['waf.domain']).toEqual([]);
    expect(inventory.resources['waf.protected-resource']).toEqual([]);
    expect(calls.filter((call) => call.version === '2021-10-01').map((call) => [call.action, call.region])).toEqual([['DescribeInstance', 'cn-hangzhou']]);
    expect(statusBy(findingsOf(inventory))).toEqual({
      'waf-site-instance cn-hangzhou': 'fail',
      'waf-web-instance-protected i-web': 'fail',
      ...Object.fromEntries(LISTENER_FINDINGS.map((key) => [key, 'fail'])),
    });
  });

  it('turns a RAM-denied DescribeInstance into error findings, never a pass', async () => {
    const model = defineAccount(
      account({ deniedActions: ['yundun-waf:DescribeInstance'], waf: [{ RegionId: SITE, InstanceId: INSTANCE, Domains: [{ Domain: 'www.example.com', LogEnabled: true }] }] }),
    );
    const { inventory } = await scanThroughEmulator(model, { now: NOW });
    expect(inventory.gaps.map((gap) => [gap.action, gap.ramAction, gap.kind, gap.resourceTypes])).toEqual([
      ['DescribeInstance', 'yundun-waf:DescribeInstance', 'denied', ['waf.instance', 'waf.domain', 'waf.protected-resource']],
    ]);
    const findings = findingsOf(inventory);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((finding) => finding.status !== 'error')).toEqual([]);
    expect(new Set(findings.map((finding) => finding.ruleId))).toEqual(new Set(rules.map((rule) => rule.id)));
  });

  it('finds a CLB or ALB listener behind WAF by its balancer, product and port; a denied DescribeCloudResources leaves every listener unknown', async () => {
    const site = {
      RegionId: SITE,
      InstanceId: INSTANCE,
      CloudResources: [
        { ResourceInstanceId: 'lb-bp1site', ResourceProduct: 'clb7' as const, ResourceRegionId: 'cn-hangzhou', HttpPorts: [80] },
        { ResourceInstanceId: 'alb-bp1site', ResourceProduct: 'alb' as const, ResourceRegionId: 'cn-hangzhou', HttpPorts: [80] },
      ],
    };
    const protectedOn80 = await scanThroughEmulator(defineAccount(account({ waf: [site] })), { now: NOW });
    expect(protectedOn80.inventory.gaps).toEqual([]);
    const listenerStatuses = (inventory: Inventory) => {
      const statuses = statusBy(findingsOf(inventory));
      return LISTENER_FINDINGS.map((key) => [key, statuses[key]]);
    };
    expect(listenerStatuses(protectedOn80.inventory)).toEqual(LISTENER_FINDINGS.map((key) => [key, key.endsWith('80') && !key.endsWith('8080') ? 'pass' : 'fail']));

    const denied = await scanThroughEmulator(defineAccount(account({ deniedActions: ['yundun-waf:DescribeCloudResources'], waf: [site] })), { now: NOW });
    expect(new Set(denied.inventory.gaps.map((gap) => [gap.action, gap.kind, gap.resourceTypes].join(' ')))).toEqual(
      new Set(['DescribeCloudResources denied waf.protected-resource']),
    );
    expect(listenerStatuses(denied.inventory)).toEqual(LISTENER_FINDINGS.map((key) => [key, 'error']));
    const listenerFindings = findingsOf(denied.inventory).filter((finding) => finding.ruleId.endsWith('-listener-protected'));
    expect(listenerFindings.every((finding) => finding.evidence.includes('yundun-waf:DescribeCloudResources'))).toBe(true);
  });

  it('leaves the mode of a domain unknown (error) when its templates are denied or a rule has an action WAF does not document', async () => {
    const site = (action: 'block' | 'monitor') => ({
      RegionId: SITE,
      InstanceId: INSTANCE,
      Domains: [{ Domain: 'www.example.com', Redirect: { BackendList: ['47.96.0.10'] }, LogEnabled: true }],
      DefenseTemplates: [{ TemplateId: 9, Resources: ['www.example.com-waf'], Rules: [{ Action: action }] }],
    });
    const denied = await scanThroughEmulator(defineAccount(account({ deniedActions: ['yundun-waf:DescribeDefenseResourceTemplates'], waf: [site('block')] })), { now: NOW });
    expect(denied.inventory.gaps.map((gap) => [gap.action, gap.resourceId, gap.fields, gap.kind])).toEqual([
      ['DescribeDefenseResourceTemplates', 'www.example.com', ['basicProtection'], 'denied'],
    ]);
    const [domain] = denied.inventory.resources['waf.domain'];
    expect(domain?.logEnabled).toBe(true);
    expect(domain && 'basicProtection' in domain).toBe(false);
    expect(statusBy(findingsOf(denied.inventory))).toMatchObject({
      'waf-domain-blocking-mode www.example.com': 'error',
      'waf-domain-log-service www.example.com': 'pass',
      // the domain forwards to the web server's public IP
      'waf-web-instance-protected i-web': 'pass',
    });

    const malformed = await scanThroughEmulator(defineAccount(account({ waf: [site('block')] })), {
      now: NOW,
      hooks: {
        rewrite: (call, reply) => {
          if (call.action !== 'DescribeDefenseRules' || typeof reply.body === 'string') return reply;
          const rules = reply.body.Rules as Array<Record<string, unknown>>;
          return { ...reply, body: { ...reply.body, Rules: rules.map((rule) => ({ ...rule, Config: '{"policyId":1012,"action":"captcha"}' })) } };
        },
      },
    });
    expect(malformed.inventory.gaps.map((gap) => [gap.action, gap.kind, gap.fields])).toEqual([['DescribeDefenseRules', 'malformed', ['basicProtection']]]);
    expect(statusBy(findingsOf(malformed.inventory))['waf-domain-blocking-mode www.example.com']).toBe('error');
  });

  it('maps each region to its WAF site: the Chinese mainland to cn-hangzhou, Hong Kong and the rest to ap-southeast-1', () => {
    expect(['cn-beijing', 'cn-shanghai-finance-1', 'cn-hongkong', 'ap-southeast-1', 'eu-central-1'].map(wafSite)).toEqual([
      'cn-hangzhou',
      'cn-hangzhou',
      'ap-southeast-1',
      'ap-southeast-1',
      'ap-southeast-1',
    ]);
  });
});
