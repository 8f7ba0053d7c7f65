// Application Load Balancer (alb 2020-06-16), per region: the balancers, their listeners with the TLS versions
// of their security policy, their certificates and, for the HTTP listeners of Internet balancers, whether a
// forwarding rule redirects to HTTPS. ALB's APIs take no RegionId (alb_2020-06-16.api-docs.json): the regional
// endpoint, alb.<region>.aliyuncs.com, is the region. Fields: the SDK models
// (node_modules/@alicloud/alb20200616/dist/models/List*ResponseBody.d.ts).
import type * as AlbSdk from '@alicloud/alb20200616';
import { callOrGap, forEachRegion, optional, sdkListing, sdkLists, type CollectorContext } from '../context.js';
import { withEndpointRegion } from '../endpoint-region.js';
import { listUnlessNotActivated } from '../not-activated.js';
import type { AlbListener, AlbLoadBalancer } from './records.js';
import { $Alb } from './sdk.js';

type Client = InstanceType<typeof $Alb.default>;
type RawListener = AlbSdk.ListListenersResponseBodyListeners;
type RawRule = AlbSdk.ListRulesResponseBodyRules;

const clientOf = (ctx: Pick<CollectorContext, 'clients'>, region: string): Client =>
  ctx.clients.sdk('alb', region, (config) => new $Alb.default(withEndpointRegion(config, region)));
const api = sdkLists('alb', (clients, region: string) => clientOf({ clients }, region));

// every listing's MaxResults: "Valid values: 1 to 100" (List*Request.d.ts)
const PAGING = { style: 'nextToken', cap: 100 } as const;
/** ListListeners ListenerProtocol: HTTP | HTTPS | QUIC; the last two terminate TLS */
const TLS_PROTOCOLS = new Set(['HTTPS', 'QUIC']);
/** CreateListenerRequest SecurityPolicyId: "Default value: tls_cipher_policy_1_0 (system security policy)" */
const DEFAULT_SECURITY_POLICY = 'tls_cipher_policy_1_0';
/** the Path condition value that matches every path (ALB's * wildcard) */
const EVERY_PATH = '/*';

export async function collectAlb(ctx: CollectorContext): Promise<void> {
  await forEachRegion(ctx, 'alb', async (region) => {
    const client = clientOf(ctx, region);
    const balancers = await listUnlessNotActivated(ctx, {
      site: { service: 'alb', region, action: 'ListLoadBalancers' },
      affects: ['alb.load-balancer', 'alb.listener'],
      ...sdkListing({
        paging: PAGING,
        page: (params) => client.listLoadBalancersWithOptions(new $Alb.ListLoadBalancersRequest(params), ctx.runtime),
        items: (body: AlbSdk.ListLoadBalancersResponseBody) => body.loadBalancers,
      }),
    });
    if (!balancers) return;
    ctx.inventory.add('alb.load-balancer', balancers.map((balancer) => normalizeBalancer(balancer, region)));
    // a listener belongs to a balancer: none without one (nor when ALB is not activated)
    if (balancers.length === 0) return;

    const listeners = await api.list(ctx, region, 'ListListeners', {
      affects: ['alb.listener'],
      paging: PAGING,
      page: (alb, request, runtime) => alb.listListenersWithOptions(new $Alb.ListListenersRequest(request), runtime),
      items: (body) => body.listeners,
    });
    if (!listeners) return;
    const addressTypes = new Map(balancers.map((balancer) => [balancer.loadBalancerId ?? '', balancer.addressType ?? '']));
    const tlsVersionsOf = await securityPolicies(ctx, region, client, listeners);
    const records = await Promise.all(
      listeners.map(async (listener): Promise<AlbListener> => {
        const id = listener.listenerId ?? '';
        const protocol = listener.listenerProtocol ?? '';
        const addressType = addressTypes.get(listener.loadBalancerId ?? '') ?? null;
        const tls = TLS_PROTOCOLS.has(protocol);
        const policy = tls ? (optional(listener.securityPolicyId) ?? DEFAULT_SECURITY_POLICY) : null;
        const tlsVersions = policy === null ? [] : tlsVersionsOf.get(policy);
        const certificateIds = tls ? await listenerCertificates(ctx, region, id) : [];
        // only the HTTP listeners of Internet balancers are asked: the redirect rule is about them
        const redirects = protocol === 'HTTP' && addressType === 'Internet' ? await redirectsToHttps(ctx, region, id) : null;
        return {
          id,
          region,
          loadBalancerId: listener.loadBalancerId ?? '',
          addressType,
          protocol,
          port: listener.listenerPort ?? 0,
          status: listener.listenerStatus ?? '',
          securityPolicyId: policy,
          ...(tlsVersions === undefined ? {} : { tlsVersions: [...tlsVersions] }),
          ...(certificateIds === undefined ? {} : { certificateIds }),
          ...(redirects === undefined ? {} : { redirectsToHttps: redirects }),
        };
      }),
    );
    ctx.inventory.add('alb.listener', records);
  });
}

function normalizeBalancer(balancer: AlbSdk.ListLoadBalancersResponseBodyLoadBalancers, region: string): AlbLoadBalancer {
  return {
    id: balancer.loadBalancerId ?? '',
    region,
    name: balancer.loadBalancerName ?? '',
    addressType: balancer.addressType ?? '',
    status: balancer.loadBalancerStatus ?? '',
    dnsName: balancer.DNSName ?? '',
    vpcId: optional(balancer.vpcId),
  };
}

/**
 * The TLS versions of every security policy the listeners use: the system ones (ListSystemSecurityPolicies,
 * tls_cipher_policy_1_0 ...) and, when a listener uses another, the custom ones (ListSecurityPolicies).
 */
async function securityPolicies(ctx: CollectorContext, region: string, client: Client, listeners: RawListener[]): Promise<Map<string, string[]>> {
  const used = new Set(
    listeners.filter((listener) => TLS_PROTOCOLS.has(listener.listenerProtocol ?? '')).map((listener) => optional(listener.securityPolicyId) ?? DEFAULT_SECURITY_POLICY),
  );
  const versions = new Map<string, string[]>();
  if (used.size === 0) return versions;
  const gap = { affects: ['alb.listener' as const], fields: ['tlsVersions'] };
  const system = await callOrGap(ctx, { site: { service: 'alb', region, action: 'ListSystemSecurityPolicies' }, ...gap }, async () =>
    (await client.listSystemSecurityPoliciesWithOptions(ctx.runtime)).body?.securityPolicies ?? [],
  );
  for (const policy of system ?? []) versions.set(policy.securityPolicyId ?? '', policy.TLSVersions ?? []);
  if ([...used].every((id) => versions.has(id))) return versions;
  const custom = await api.list(ctx, region, 'ListSecurityPolicies', {
    ...gap,
    paging: PAGING,
    page: (alb, request, runtime) => alb.listSecurityPoliciesWithOptions(new $Alb.ListSecurityPoliciesRequest(request), runtime),
    items: (body) => body.securityPolicies,
  });
  for (const policy of custom ?? []) versions.set(policy.securityPolicyId ?? '', policy.TLSVersions ?? []);
  return versions;
}

async function listenerCertificates(ctx: CollectorContext, region: string, listenerId: string): Promise<string[] | undefined> {
  const certificates = await api.list(ctx, region, 'ListListenerCertificates', {
    affects: ['alb.listener'],
    resourceId: listenerId,
    fields: ['certificateIds'],
    paging: PAGING,
    page: (alb, request, runtime) => alb.listListenerCertificatesWithOptions(new $Alb.ListListenerCertificatesRequest({ ...request, listenerId }), runtime),
    items: (body) => body.certificates,
  });
  return certificates?.map((certificate) => certificate.certificateId ?? '');
}

/**
 * A listener's default action only forwards (ListListeners DefaultActions Type: ForwardGroup); a redirect is a
 * forwarding rule whose action is Redirect with RedirectConfig Protocol HTTPS (ListRulesResponseBody.d.ts). Only
 * a rule that matches every request counts: its conditions, if any, are all Path conditions on /*; a redirect
 * of some hosts or paths leaves the others in clear text.
 */
async function redirectsToHttps(ctx: CollectorContext, region: string, listenerId: string): Promise<boolean | undefined> {
  const rules = await api.list(ctx, region, 'ListRules', {
    affects: ['alb.listener'],
    resourceId: listenerId,
    fields: ['redirectsToHttps'],
    paging: PAGING,
    page: (alb, request, runtime) => alb.listRulesWithOptions(new $Alb.ListRulesRequest({ ...request, listenerIds: [listenerId] }), runtime),
    items: (body) => body.rules,
  });
  return rules?.some(redirectsRequestsToHttps);
}

const redirectsRequestsToHttps = (rule: RawRule): boolean =>
  rule.direction !== 'Response' &&
  (rule.ruleConditions ?? []).every((condition) => condition.type === 'Path' && (condition.pathConfig?.values ?? []).includes(EVERY_PATH)) &&
  (rule.ruleActions ?? []).some((action) => action.type === 'Redirect' && action.redirectConfig?.protocol?.toUpperCase() === 'HTTPS');
