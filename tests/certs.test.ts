// The certificates duty's collectors against the emulator, through the official SDKs (CAS, ALB) and
// openapi-core's generic call (CLB): paging over more than one page at each API's cap, "not activated" as the
// fact that there is nothing (no gap), and a RAM denial as a gap whose findings are errors, never passes.
import { afterEach, describe, expect, it } from 'vitest';
import { $OpenApi } from '../src/cloud/sdk.js';
import { defineAccount, loadAccountModel, startEmulator, type AccountModelInput, type RunningEmulator } from '../src/emulator/index.js';
import { BUNDLED_RULES_DIR, evaluate, loadRules } from '../src/engine/index.js';
import { inventorySchema } from '../src/inventory/schema.js';
import type { Inventory } from '../src/inventory/types.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import * as albShapes from '../src/emulator/services/alb/shapes.js';
import * as casShapes from '../src/emulator/services/cas/shapes.js';
import { collectAlb } from '../src/services/alb/collector.js';
import { $Alb } from '../src/services/alb/sdk.js';
import { casSiteOf, collectCas } from '../src/services/cas/collector.js';
import { $Cas } from '../src/services/cas/sdk.js';
import type { Collect } from '../src/services/service.js';
import { collectSlb } from '../src/services/slb/collector.js';
import { ENDPOINT_REGION_HEADER, withEndpointRegion } from '../src/services/endpoint-region.js';
import { callRpc } from './emulator-helpers.js';
import { collectorContext, TEST_KEY } from './helpers/context.js';

const NOW = new Date();
const DAY = 24 * 3600 * 1000;
const iso = (offsetDays: number) => new Date(Math.floor(NOW.getTime() / DAY) * DAY + offsetDays * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
const n = (count: number) => Array.from({ length: count }, (_, i) => String(i).padStart(4, '0'));

let running: RunningEmulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function collect(account: AccountModelInput, regions: string[], collector: Collect): Promise<{ inventory: Inventory; calls: string[] }> {
  running = await startEmulator({ account: defineAccount(account), credentials: [TEST_KEY] });
  const ctx = collectorContext(running.url, regions);
  await collector(ctx);
  const inventory = ctx.inventory.build({ accountId: ctx.accountId, collectedAt: NOW.toISOString(), regions });
  expect(inventorySchema.safeParse(inventory).error).toBeUndefined();
  return { inventory, calls: running.calls.map((call) => `${call.action} ${call.region} ${call.status}`) };
}

async function statuses(inventory: Inventory, service: string): Promise<Map<string, string[]>> {
  const rules = (await loadRules([BUNDLED_RULES_DIR])).filter((rule) => rule.service === service);
  const byRule = new Map<string, string[]>(rules.map((rule) => [rule.id, []]));
  for (const finding of evaluate(inventory, rules, { now: NOW })) byRule.get(finding.ruleId)!.push(finding.status);
  return byRule;
}

const count = (calls: string[], action: string) => calls.filter((call) => call.startsWith(`${action} `)).length;

describe('Certificate Management Service collector', () => {
  const certificates = (valid: number, expired: number) => [
    ...n(valid).map((i) => ({ CertificateId: 1000 + Number(i), Name: `site-${i}.example.com`, NotBefore: iso(-300), NotAfter: iso(65) })),
    ...n(expired).map((i) => ({ CertificateId: 5000 + Number(i), Name: `old-${i}.example.com`, Upload: true, NotBefore: iso(-800), NotAfter: iso(-10) })),
  ];

  it('lists the valid and the expired certificates of each site, 50 a page (ShowSize)', async () => {
    const { inventory, calls } = await collect(
      { accountId: '1234567890123456', regions: { 'cn-hangzhou': { casCertificates: certificates(120, 60) }, 'cn-shanghai': {} } },
      ['cn-hangzhou', 'cn-shanghai'],
      collectCas,
    );
    expect(inventory.gaps).toEqual([]);
    const records = inventory.resources['cas.certificate'];
    expect(records).toHaveLength(180);
    expect(records.filter((record) => record.expired)).toHaveLength(60);
    // cn-shanghai has no CAS endpoint of its own: the cn-hangzhou site (cas.aliyuncs.com) answers for it, once
    expect(calls).toEqual(Array(5).fill('ListUserCertificateOrder cn-hangzhou 200'));
    expect(records.find((record) => record.id === '5003')).toMatchObject({ uploaded: true, expiresAt: `${iso(-10).slice(0, 10)}T00:00:00.000Z` });
    const byRule = await statuses(inventory, 'cas');
    expect(byRule.get('cas-certificate-expired')!.filter((status) => status === 'fail')).toHaveLength(60);
    expect(byRule.get('cas-certificate-expiring')).toEqual(Array(120).fill('pass'));
  });

  it.each([
    ['cn-hangzhou', 'cn-hangzhou'],
    ['cn-beijing', 'cn-hangzhou'],
    ['ap-southeast-1', 'ap-southeast-1'],
    ['eu-central-1', 'eu-central-1'],
  ])('asks the CAS site of %s: %s', (region, site) => {
    expect(casSiteOf(region)).toBe(site);
  });

  it('records no certificate and no gap when the service is not activated', async () => {
    const { inventory, calls } = await collect(
      { accountId: '1234567890123456', regions: { 'cn-hangzhou': {} }, casActivated: false },
      ['cn-hangzhou'],
      collectCas,
    );
    expect(calls).toEqual(Array(2).fill('ListUserCertificateOrder cn-hangzhou 403'));
    expect(inventory.resources['cas.certificate']).toEqual([]);
    expect(inventory.gaps).toEqual([]);
  });

  it('records a denied gap whose findings are errors, never passes', async () => {
    const { inventory } = await collect(
      { accountId: '1234567890123456', regions: { 'cn-hangzhou': { casCertificates: certificates(3, 1) } }, deniedActions: ['yundun-cert:ListUserCertificateOrder'] },
      ['cn-hangzhou'],
      collectCas,
    );
    expect(inventory.resources['cas.certificate']).toEqual([]);
    expect(inventory.gaps.map((gap) => [gap.action, gap.kind, gap.ramAction])).toEqual([
      ['ListUserCertificateOrder', 'denied', 'yundun-cert:ListUserCertificateOrder'],
      ['ListUserCertificateOrder', 'denied', 'yundun-cert:ListUserCertificateOrder'],
    ]);
    for (const found of (await statuses(inventory, 'cas')).values()) expect(found).toEqual(['error']);
  });
});

describe('Classic Load Balancer collector', () => {
  const balancers = (count: number) =>
    n(count).map((i) => ({
      LoadBalancerId: `lb-bp1x${i}`,
      AddressType: Number(i) % 2 === 0 ? ('internet' as const) : ('intranet' as const),
      Listeners: [{ ListenerProtocol: 'http' as const, ListenerPort: 80, HTTPListenerConfig: { ListenerForward: Number(i) % 4 === 0 ? 'on' : 'off' } }],
    }));

  it('pages the balancers by PageNumber (100) and the listeners by NextToken (100)', async () => {
    const { inventory, calls } = await collect(
      { accountId: '1234567890123456', regions: { 'cn-hangzhou': { slbLoadBalancers: balancers(150) } } },
      ['cn-hangzhou'],
      collectSlb,
    );
    expect(inventory.gaps).toEqual([]);
    expect(inventory.resources['slb.load-balancer']).toHaveLength(150);
    expect(inventory.resources['slb.listener']).toHaveLength(150);
    expect([count(calls, 'DescribeLoadBalancers'), count(calls, 'DescribeLoadBalancerListeners'), count(calls, 'DescribeServerCertificates')]).toEqual([2, 2, 1]);
    // no custom TLS policy is used: not asked
    expect(count(calls, 'ListTLSCipherPolicies')).toBe(0);
    expect(inventory.resources['slb.listener'].find((listener) => listener.id === 'lb-bp1x0004:http:80')).toMatchObject({
      loadBalancerId: 'lb-bp1x0004',
      addressType: 'internet',
      protocol: 'http',
      port: 80,
      redirectsToHttps: true,
    });
    const redirect = (await statuses(inventory, 'slb')).get('slb-listener-http-redirect')!;
    // 75 internet listeners, one in two of them forwarded
    expect([redirect.filter((status) => status === 'pass').length, redirect.filter((status) => status === 'fail').length]).toEqual([38, 37]);
  });

  it('records a denied listing as a gap: the listener and certificate findings are errors, never passes', async () => {
    const { inventory } = await collect(
      {
        accountId: '1234567890123456',
        regions: {
          'cn-hangzhou': {
            slbLoadBalancers: [{ LoadBalancerId: 'lb-bp1web', Listeners: [{ ListenerProtocol: 'https', ListenerPort: 443, HTTPSListenerConfig: { ServerCertificateId: 'sc-1' } }] }],
            slbServerCertificates: [{ ServerCertificateId: 'sc-1', ExpireTime: iso(-3) }],
          },
        },
        deniedActions: ['slb:DescribeLoadBalancerListeners'],
      },
      ['cn-hangzhou'],
      collectSlb,
    );
    expect(inventory.gaps.map((gap) => [gap.action, gap.kind, gap.resourceTypes])).toEqual([['DescribeLoadBalancerListeners', 'denied', ['slb.listener']]]);
    expect(inventory.resources['slb.server-certificate']).toEqual([expect.not.objectContaining({ listenerIds: expect.anything() })]);
    const byRule = await statuses(inventory, 'slb');
    for (const id of ['slb-listener-tls-legacy', 'slb-listener-http-redirect', 'slb-server-certificate-expired']) {
      expect(byRule.get(id), id).toEqual(['error']);
    }
    // an expired certificate is not the expiring rule's, whoever serves it
    expect(byRule.get('slb-server-certificate-expiring')).toEqual([]);
  });

  it('reads the TLS versions of a custom policy, and leaves them unknown when it cannot', async () => {
    const account = (denied: string[]): AccountModelInput => ({
      accountId: '1234567890123456',
      regions: {
        'cn-hangzhou': {
          slbLoadBalancers: [
            { LoadBalancerId: 'lb-bp1web', Listeners: [{ ListenerProtocol: 'https', ListenerPort: 443, HTTPSListenerConfig: { TLSCipherPolicy: 'tls-bp1old' } }] },
          ],
          slbTlsCipherPolicies: [{ InstanceId: 'tls-bp1old', TLSVersions: ['TLSv1.1', 'TLSv1.2'] }],
        },
      },
      deniedActions: denied,
    });
    const read = await collect(account([]), ['cn-hangzhou'], collectSlb);
    expect(read.inventory.resources['slb.listener'][0]).toMatchObject({ tlsCipherPolicy: 'tls-bp1old', tlsVersions: ['TLSv1.1', 'TLSv1.2'] });
    expect((await statuses(read.inventory, 'slb')).get('slb-listener-tls-legacy')).toEqual(['fail']);
    await running?.close();
    const denied = await collect(account(['slb:ListTLSCipherPolicies']), ['cn-hangzhou'], collectSlb);
    expect(denied.inventory.resources['slb.listener'][0]).not.toHaveProperty('tlsVersions');
    expect((await statuses(denied.inventory, 'slb')).get('slb-listener-tls-legacy')).toEqual(['error']);
  });
});

describe('Application Load Balancer collector', () => {
  const balancers = (count: number) =>
    n(count).map((i) => ({
      LoadBalancerId: `alb-bp1x${i}`,
      // one Internet balancer: only its HTTP listener's rules are asked
      AddressType: i === '0000' ? ('Internet' as const) : ('Intranet' as const),
      Listeners: [{ ListenerId: `lsn-bp1x${i}`, ListenerProtocol: 'HTTP' as const, ListenerPort: 80 }],
    }));

  it('pages the balancers and the listeners by NextToken (100), without RegionId, each region by its endpoint', async () => {
    const { inventory, calls } = await collect(
      { accountId: '1234567890123456', regions: { 'cn-hangzhou': { albLoadBalancers: balancers(120) }, 'cn-shanghai': {} } },
      ['cn-hangzhou', 'cn-shanghai'],
      collectAlb,
    );
    expect(inventory.gaps).toEqual([]);
    expect(inventory.resources['alb.load-balancer']).toHaveLength(120);
    expect(inventory.resources['alb.load-balancer'].every((balancer) => balancer.region === 'cn-hangzhou')).toBe(true);
    expect(inventory.resources['alb.listener']).toHaveLength(120);
    expect(calls.filter((call) => call.startsWith('ListLoadBalancers ')).sort()).toEqual([
      'ListLoadBalancers cn-hangzhou 200',
      'ListLoadBalancers cn-hangzhou 200',
      'ListLoadBalancers cn-shanghai 200',
    ]);
    expect([count(calls, 'ListListeners'), count(calls, 'ListRules'), count(calls, 'ListListenerCertificates')]).toEqual([2, 1, 0]);
    expect(inventory.resources['alb.listener'].find((listener) => listener.id === 'lsn-bp1x0000')).toMatchObject({
      addressType: 'Internet',
      protocol: 'HTTP',
      redirectsToHttps: false,
    });
    expect((await statuses(inventory, 'alb')).get('alb-listener-http-redirect')).toEqual(['fail']);
  });

  it('records no balancer and no gap when ALB is not activated, and asks nothing more', async () => {
    const { inventory, calls } = await collect({ accountId: '1234567890123456', regions: { 'cn-hangzhou': {} }, albActivated: false }, ['cn-hangzhou'], collectAlb);
    expect(calls).toEqual(['ListLoadBalancers cn-hangzhou 403']);
    expect(inventory.resources['alb.load-balancer']).toEqual([]);
    expect(inventory.gaps).toEqual([]);
  });

  it('records a denied listing as a gap whose findings are errors, never passes', async () => {
    const { inventory } = await collect(
      { accountId: '1234567890123456', regions: { 'cn-hangzhou': { albLoadBalancers: balancers(2) } }, deniedActions: ['alb:ListLoadBalancers'] },
      ['cn-hangzhou'],
      collectAlb,
    );
    expect(inventory.gaps.map((gap) => [gap.action, gap.kind, gap.resourceTypes])).toEqual([['ListLoadBalancers', 'denied', ['alb.load-balancer', 'alb.listener']]]);
    for (const found of (await statuses(inventory, 'alb')).values()) expect(found).toEqual(['error']);
  });

  it('counts only a redirect of every request', async () => {
    const redirect = (conditions: unknown[]) => [
      { RuleId: 'rule-bp1x', RuleActions: [{ Order: 1, Type: 'Redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443' } }], RuleConditions: conditions },
    ];
    const listener = (id: string, conditions: unknown[]) => ({ ListenerId: id, ListenerProtocol: 'HTTP' as const, ListenerPort: 80, Rules: redirect(conditions) });
    const { inventory } = await collect(
      {
        accountId: '1234567890123456',
        regions: {
          'cn-hangzhou': {
            albLoadBalancers: [
              { LoadBalancerId: 'alb-bp1all', AddressType: 'Internet', Listeners: [listener('lsn-bp1all', [{ Type: 'Path', PathConfig: { Values: ['/*'] } }])] },
              { LoadBalancerId: 'alb-bp1host', AddressType: 'Internet', Listeners: [listener('lsn-bp1host', [{ Type: 'Host', HostConfig: { Values: ['www.example.com'] } }])] },
              { LoadBalancerId: 'alb-bp1api', AddressType: 'Internet', Listeners: [listener('lsn-bp1api', [{ Type: 'Path', PathConfig: { Values: ['/api/*'] } }])] },
            ],
          },
        },
      },
      ['cn-hangzhou'],
      collectAlb,
    );
    expect(Object.fromEntries(inventory.resources['alb.listener'].map((record) => [record.id, record.redirectsToHttps]))).toEqual({
      'lsn-bp1all': true,
      'lsn-bp1host': false,
      'lsn-bp1api': false,
    });
  });

  it('leaves the redirect unknown when the rules are denied', async () => {
    const { inventory } = await collect(
      { accountId: '1234567890123456', regions: { 'cn-hangzhou': { albLoadBalancers: balancers(1) } }, deniedActions: ['alb:ListRules'] },
      ['cn-hangzhou'],
      collectAlb,
    );
    expect(inventory.resources['alb.listener'][0]).not.toHaveProperty('redirectsToHttps');
    expect((await statuses(inventory, 'alb')).get('alb-listener-http-redirect')).toEqual(['error']);
  });
});

describe('the endpoint region', () => {
  it('is a header only behind an endpoint override', () => {
    const live = withEndpointRegion(new $OpenApi.$OpenApiUtil.Config({ regionId: 'cn-hangzhou' }), 'cn-hangzhou');
    expect(live.globalParameters).toBeUndefined();
    const overridden = withEndpointRegion(new $OpenApi.$OpenApiUtil.Config({ regionId: 'cn-hangzhou', endpoint: '127.0.0.1:1' }), 'cn-shanghai');
    expect(overridden.globalParameters?.headers).toEqual({ [ENDPOINT_REGION_HEADER]: 'cn-shanghai' });
  });
});

describe('the demo account', () => {
  it('makes each certificates rule pass and fail', async () => {
    const model = await loadAccountModel(DEMO_ACCOUNT_FILE, { asOf: NOW });
    running = await startEmulator({ account: model, credentials: [TEST_KEY] });
    const ctx = collectorContext(running.url, Object.keys(model.regions));
    await Promise.all([collectCas(ctx), collectSlb(ctx), collectAlb(ctx)]);
    const inventory = ctx.inventory.build({ accountId: ctx.accountId, collectedAt: NOW.toISOString(), regions: ctx.regions });
    expect(inventory.gaps).toEqual([]);
    for (const service of ['cas', 'slb', 'alb']) {
      for (const [id, found] of await statuses(inventory, service)) {
        expect(found, id).toContain('pass');
        expect(found, id).toContain('fail');
        expect(found, id).not.toContain('error');
      }
    }
  });
});

describe('the emulator shapes', () => {
  // every field the emulator answers is one the official SDK model reads: none is dropped on the way in
  const wireNames = (model: { names(): Record<string, string> }) => new Set(Object.values(model.names()));
  const context = { accountId: '1234567890123456', regionId: 'cn-hangzhou' };

  it.each([
    ['ListLoadBalancers', albShapes.loadBalancerTemplate(context), $Alb.ListLoadBalancersResponseBodyLoadBalancers],
    ['ListListeners', albShapes.listenerTemplate(), $Alb.ListListenersResponseBodyListeners],
    ['ListListenerCertificates', albShapes.listenerCertificateTemplate(), $Alb.ListListenerCertificatesResponseBodyCertificates],
    ['ListRules', albShapes.ruleTemplate(), $Alb.ListRulesResponseBodyRules],
    ['ListSecurityPolicies', albShapes.securityPolicyTemplate(), $Alb.ListSecurityPoliciesResponseBodySecurityPolicies],
    ['ListSystemSecurityPolicies', albShapes.SYSTEM_SECURITY_POLICIES[0]!, $Alb.ListSystemSecurityPoliciesResponseBodySecurityPolicies],
    ['ListUserCertificateOrder', casShapes.certificateTemplate(), $Cas.ListUserCertificateOrderResponseBodyCertificateOrderList],
  ])('%s items carry only fields of the SDK model', (_action, template, model) => {
    const known = wireNames(model as { names(): Record<string, string> });
    expect(Object.keys(template).filter((field) => !known.has(field))).toEqual([]);
  });
});

describe('the emulator page caps', () => {
  it('caps ALB MaxResults and CLB PageSize at 100, and ShowSize pages CAS by CurrentPage', async () => {
    running = await startEmulator({
      account: defineAccount({
        accountId: '1234567890123456',
        regions: {
          'cn-hangzhou': {
            albLoadBalancers: n(130).map((i) => ({ LoadBalancerId: `alb-bp1x${i}` })),
            slbLoadBalancers: n(130).map((i) => ({ LoadBalancerId: `lb-bp1x${i}` })),
            casCertificates: n(70).map((i) => ({ CertificateId: 100 + Number(i), Name: `c${i}.example.com`, NotBefore: iso(-10), NotAfter: iso(100) })),
          },
        },
      }),
      credentials: [TEST_KEY],
    });
    const alb = await callRpc(running, TEST_KEY, '2020-06-16', 'ListLoadBalancers', { RegionId: 'cn-hangzhou', MaxResults: '500' });
    expect([(alb.LoadBalancers as unknown[]).length, alb.MaxResults, alb.TotalCount, typeof alb.NextToken]).toEqual([100, 100, 130, 'string']);
    const slb = await callRpc(running, TEST_KEY, '2014-05-15', 'DescribeLoadBalancers', { RegionId: 'cn-hangzhou', PageSize: '500', PageNumber: '2' });
    expect([(slb.LoadBalancers as { LoadBalancer: unknown[] }).LoadBalancer.length, slb.PageSize, slb.TotalCount]).toEqual([30, 100, 130]);
    const cas = await callRpc(running, TEST_KEY, '2020-04-07', 'ListUserCertificateOrder', { OrderType: 'CERT', CurrentPage: '2' });
    expect([(cas.CertificateOrderList as unknown[]).length, cas.ShowSize, cas.TotalCount]).toEqual([20, 50, 70]);
    const orders = await callRpc(running, TEST_KEY, '2020-04-07', 'ListUserCertificateOrder', { OrderType: 'CERT', Status: 'PAYED' });
    expect(orders.TotalCount).toBe(0);
  });
});
