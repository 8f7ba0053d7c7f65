// Classic Load Balancer (slb 2014-05-15), per region: the balancers, their listeners (protocol, port, server
// certificate, TLS policy, HTTP-to-HTTPS forwarding) and the server certificates with the listeners using them.
// No SDK package on openapi-core: callRpc. Shapes: aliyun/alibaba-cloud-sdk-go services/slb
// (describe_load_balancers.go, struct_load_balancer.go, describe_load_balancer_listeners.go,
// struct_listener_in_describe_load_balancer_listeners.go, struct_https_listener_config.go,
// struct_http_listener_config.go, describe_server_certificates.go, struct_server_certificate.go,
// list_tls_cipher_policies.go, struct_tls_cipher_policy.go).
import type { PageRequest } from '../../cloud/paginate.js';
import { forEachRegion, listOrGap, optional, siteOf, type CollectorContext } from '../context.js';
import { callRpc } from '../rpc-call.js';
import type { SlbListener, SlbLoadBalancer, SlbServerCertificate } from './records.js';

const VERSION = '2014-05-15';
// slb_2014-05-15.api-docs.json `endpoints`: slb.<region>.aliyuncs.com, but these regions share slb.aliyuncs.com,
// where RegionId decides
const CENTRAL_ENDPOINT_REGIONS = new Set(['cn-hangzhou', 'cn-hangzhou-finance', 'cn-shanghai-finance-1', 'cn-shenzhen-finance-1']);
const site = siteOf('slb');

/**
 * What each system TLS policy allows: the TLSCipherPolicy parameter of CreateLoadBalancerHTTPSListener
 * (https://www.alibabacloud.com/help/en/slb/classic-load-balancer/developer-reference/api-slb-2014-05-15-createloadbalancerhttpslistener),
 * whose default is tls_cipher_policy_1_0. Custom policies (tls-...) are read with ListTLSCipherPolicies.
 */
const SYSTEM_TLS_POLICIES: Readonly<Record<string, readonly string[]>> = {
  tls_cipher_policy_1_0: ['TLSv1.0', 'TLSv1.1', 'TLSv1.2'],
  tls_cipher_policy_1_1: ['TLSv1.1', 'TLSv1.2'],
  tls_cipher_policy_1_2: ['TLSv1.2'],
  tls_cipher_policy_1_2_strict: ['TLSv1.2'],
  tls_cipher_policy_1_2_strict_with_1_3: ['TLSv1.2', 'TLSv1.3'],
};
const DEFAULT_TLS_POLICY = 'tls_cipher_policy_1_0';

interface RawLoadBalancer {
  LoadBalancerId?: string;
  LoadBalancerName?: string;
  AddressType?: string;
  Address?: string;
  LoadBalancerStatus?: string;
  NetworkType?: string;
  VpcId?: string;
}

interface RawListener {
  LoadBalancerId?: string;
  ListenerProtocol?: string;
  ListenerPort?: number;
  Status?: string;
  HTTPListenerConfig?: { ListenerForward?: string };
  HTTPSListenerConfig?: { ServerCertificateId?: string; TLSCipherPolicy?: string };
}

interface RawServerCertificate {
  ServerCertificateId?: string;
  ServerCertificateName?: string;
  CommonName?: string;
  SubjectAlternativeNames?: { SubjectAlternativeName?: string[] };
  ExpireTime?: string;
  IsAliCloudCertificate?: number;
  AliCloudCertificateId?: string;
}

interface RawTlsPolicy {
  InstanceId?: string;
  TLSVersions?: string[];
}

export async function collectSlb(ctx: CollectorContext): Promise<void> {
  await forEachRegion(ctx, 'slb', async (region) => {
    const host = CENTRAL_ENDPOINT_REGIONS.has(region) ? 'slb.aliyuncs.com' : `slb.${region}.aliyuncs.com`;
    const call = <T>(action: string, query: Record<string, string | undefined> = {}) =>
      callRpc<T>(ctx, { host, version: VERSION, region, regionId: region, action, query });

    const [balancers, listeners, certificates] = await Promise.all([
      listOrGap(ctx, {
        site: site(region, 'DescribeLoadBalancers'),
        affects: ['slb.load-balancer'],
        // PageSize maximum 100 (slb_2014-05-15.api-docs.json DescribeLoadBalancers)
        paging: { style: 'pageNumber', cap: 100 },
        fetch: async ({ pageNumber, size }: PageRequest) => {
          const body = await call<{ LoadBalancers?: { LoadBalancer?: RawLoadBalancer[] }; TotalCount?: number }>('DescribeLoadBalancers', {
            PageNumber: String(pageNumber),
            PageSize: String(size),
          });
          return { items: body.LoadBalancers?.LoadBalancer ?? [], totalCount: Number(body.TotalCount) };
        },
      }),
      listOrGap(ctx, {
        site: site(region, 'DescribeLoadBalancerListeners'),
        affects: ['slb.listener'],
        // MaxResults "1~100, default 20" (https://help.aliyun.com/zh/slb/classic-load-balancer/developer-reference/api-slb-2014-05-15-describeloadbalancerlisteners)
        paging: { style: 'nextToken', cap: 100 },
        fetch: async ({ token, size }: PageRequest) => {
          const body = await call<{ Listeners?: RawListener[]; NextToken?: string }>('DescribeLoadBalancerListeners', {
            MaxResults: String(size),
            NextToken: token,
          });
          return { items: body.Listeners ?? [], next: optional(body.NextToken) };
        },
      }),
      listOrGap(ctx, {
        site: site(region, 'DescribeServerCertificates'),
        affects: ['slb.server-certificate'],
        // not paged: every certificate of the region in one answer
        paging: { style: 'none' },
        fetch: async () => {
          const body = await call<{ ServerCertificates?: { ServerCertificate?: RawServerCertificate[] } }>('DescribeServerCertificates');
          return { items: body.ServerCertificates?.ServerCertificate ?? [] };
        },
      }),
    ]);

    const customPolicies = new Set(
      (listeners ?? []).map((listener) => listener.HTTPSListenerConfig?.TLSCipherPolicy).filter((id): id is string => !!id && !(id in SYSTEM_TLS_POLICIES)),
    );
    const policies =
      customPolicies.size === 0
        ? []
        : await listOrGap(ctx, {
            site: site(region, 'ListTLSCipherPolicies'),
            affects: ['slb.listener'],
            fields: ['tlsVersions'],
            // MaxItems: no maximum or default in the metadata; 20, small enough for any cap the API may have
            paging: { style: 'nextToken', cap: 20 },
            fetch: async ({ token, size }: PageRequest) => {
              const body = await call<{ TLSCipherPolicies?: RawTlsPolicy[]; NextToken?: string }>('ListTLSCipherPolicies', {
                MaxItems: String(size),
                NextToken: token,
              });
              return { items: body.TLSCipherPolicies ?? [], next: optional(body.NextToken) };
            },
          });
    const tlsVersionsOf = new Map<string, readonly string[]>([
      ...Object.entries(SYSTEM_TLS_POLICIES),
      ...(policies ?? []).map((policy) => [policy.InstanceId ?? '', policy.TLSVersions ?? []] as const),
    ]);

    const addressTypes = balancers && new Map(balancers.map((balancer) => [balancer.LoadBalancerId ?? '', balancer.AddressType ?? '']));
    if (balancers) ctx.inventory.add('slb.load-balancer', balancers.map((balancer) => normalizeBalancer(balancer, region)));
    const listenerRecords = listeners?.map((listener) => normalizeListener(listener, region, addressTypes, tlsVersionsOf));
    if (listenerRecords) ctx.inventory.add('slb.listener', listenerRecords);
    if (certificates) ctx.inventory.add('slb.server-certificate', certificates.map((certificate) => normalizeCertificate(certificate, region, listenerRecords)));
  });
}

function normalizeBalancer(balancer: RawLoadBalancer, region: string): SlbLoadBalancer {
  return {
    id: balancer.LoadBalancerId ?? '',
    region,
    name: balancer.LoadBalancerName ?? '',
    addressType: balancer.AddressType ?? '',
    address: balancer.Address ?? '',
    status: balancer.LoadBalancerStatus ?? '',
    networkType: balancer.NetworkType ?? '',
    vpcId: optional(balancer.VpcId),
  };
}

function normalizeListener(
  listener: RawListener,
  region: string,
  addressTypes: ReadonlyMap<string, string> | undefined,
  tlsVersionsOf: ReadonlyMap<string, readonly string[]>,
): SlbListener {
  const loadBalancerId = listener.LoadBalancerId ?? '';
  const protocol = listener.ListenerProtocol ?? '';
  const port = listener.ListenerPort ?? 0;
  const https = protocol === 'https';
  const policy = https ? (optional(listener.HTTPSListenerConfig?.TLSCipherPolicy) ?? DEFAULT_TLS_POLICY) : null;
  const tlsVersions = policy === null ? [] : tlsVersionsOf.get(policy);
  return {
    id: `${loadBalancerId}:${protocol}:${port}`,
    region,
    loadBalancerId,
    ...(addressTypes === undefined ? {} : { addressType: addressTypes.get(loadBalancerId) ?? null }),
    protocol,
    port,
    status: listener.Status ?? '',
    serverCertificateId: https ? optional(listener.HTTPSListenerConfig?.ServerCertificateId) : null,
    tlsCipherPolicy: policy,
    ...(tlsVersions === undefined ? {} : { tlsVersions: [...tlsVersions] }),
    // ListenerForward: on | off (HTTPListenerConfig)
    redirectsToHttps: protocol === 'http' ? listener.HTTPListenerConfig?.ListenerForward === 'on' : null,
  };
}

function normalizeCertificate(certificate: RawServerCertificate, region: string, listeners: SlbListener[] | undefined): SlbServerCertificate {
  const id = certificate.ServerCertificateId ?? '';
  return {
    id,
    region,
    name: certificate.ServerCertificateName ?? '',
    commonName: certificate.CommonName ?? '',
    domains: certificate.SubjectAlternativeNames?.SubjectAlternativeName ?? [],
    expiresAt: optional(certificate.ExpireTime),
    casCertificateId: certificate.IsAliCloudCertificate === 1 ? optional(certificate.AliCloudCertificateId) : null,
    ...(listeners === undefined ? {} : { listenerIds: listeners.filter((listener) => listener.serverCertificateId === id).map((listener) => listener.id) }),
  };
}
