// Classic Load Balancer 2014-05-15: balancers, listeners, server certificates and custom TLS policies of a
// region. Envelopes: aliyun/alibaba-cloud-sdk-go services/slb describe_load_balancers.go (LoadBalancers.LoadBalancer,
// PageNumber, PageSize, TotalCount), describe_load_balancer_listeners.go (Listeners, NextToken, MaxResults,
// TotalCount), describe_server_certificates.go (ServerCertificates.ServerCertificate), list_tls_cipher_policies.go
// (TLSCipherPolicies, NextToken, IsTruncated, TotalCount).
import { invalidParameter } from '../../api-error.js';
import { listPage, regional, type ActionTable } from '../../rpc/action.js';
import { paginate, tokenPage } from '../../paging.js';

export const slbActions: ActionTable = {
  // PageSize maximum 100 (slb_2014-05-15.api-docs.json); default 10 (the API reference)
  DescribeLoadBalancers: regional(({ params }, region) =>
    listPage(region.slbLoadBalancers, params, { style: 'page-number', max: 100, default: 10 }, 'LoadBalancers', 'LoadBalancer'),
  ),

  // MaxResults 1~100, default 20 (the API reference, help.aliyun.com api-slb-2014-05-15-describeloadbalancerlisteners)
  DescribeLoadBalancerListeners: regional(({ params }, region) => {
    const wanted = params.repeatList('LoadBalancerId');
    const protocol = params.get('ListenerProtocol');
    const listeners = region.slbListeners.filter(
      (listener) => (wanted.length === 0 || wanted.includes(listener.LoadBalancerId as string)) && (protocol === undefined || listener.ListenerProtocol === protocol),
    );
    const page = paginate(listeners, params, { style: 'next-token', max: 100, default: 20 });
    return { Listeners: page.items, NextToken: page.fields.NextToken, MaxResults: Math.min(params.int('MaxResults') ?? 20, 100), TotalCount: listeners.length };
  }),

  DescribeServerCertificates: regional(({ params }, region) => {
    const id = params.get('ServerCertificateId');
    const certificates = id === undefined ? region.slbServerCertificates : region.slbServerCertificates.filter((certificate) => certificate.ServerCertificateId === id);
    return { ServerCertificates: { ServerCertificate: certificates } };
  }),

  // MaxItems: neither the metadata nor the Go SDK states a maximum or a default; 20 and 100 are assumed (the
  // collector asks 20)
  ListTLSCipherPolicies: regional(({ params }, region) => {
    const size = params.int('MaxItems') ?? 20;
    if (size < 1) throw invalidParameter('MaxItems', String(size));
    const page = tokenPage(region.slbTlsCipherPolicies, params.get('NextToken'), Math.min(size, 100));
    return { TLSCipherPolicies: page.items, NextToken: page.next ?? '', IsTruncated: page.next !== undefined, TotalCount: region.slbTlsCipherPolicies.length };
  }),
};
