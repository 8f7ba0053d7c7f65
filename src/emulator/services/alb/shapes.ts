// Templates for Application Load Balancer (alb 2020-06-16) response items. The reference has request schemas
// only for ALB: the fields are those of the official SDK models (node_modules/@alicloud/alb20200616/dist/models/,
// the same as aliyun/alibabacloud-typescript-sdk alb-20200616 src/models/), named per template. Defaults
// describe an active pay-as-you-go Standard edition Internet balancer.
import type { ApiObject, ShapeContext } from '../../fill.js';

/** Fields: ListLoadBalancersResponseBody.d.ts ListLoadBalancersResponseBodyLoadBalancers. */
export function loadBalancerTemplate({ regionId }: ShapeContext): ApiObject {
  return {
    LoadBalancerId: '',
    LoadBalancerName: '',
    LoadBalancerStatus: 'Active',
    LoadBalancerBussinessStatus: 'Normal',
    LoadBalancerEdition: 'Standard',
    AddressType: 'Internet',
    AddressAllocatedMode: 'Dynamic',
    AddressIpVersion: 'IPv4',
    Ipv6AddressType: '',
    DNSName: `alb-emu.${regionId}.alb.aliyuncs.com`,
    VpcId: '',
    BandwidthPackageId: '',
    ResourceGroupId: '',
    CreateTime: '2026-01-05T08:00:00Z',
    SecurityGroupIds: [],
    AccessLogConfig: { LogProject: '', LogStore: '' },
    DeletionProtectionConfig: { Enabled: false, EnabledTime: '' },
    LoadBalancerBillingConfig: { PayType: 'PostPay' },
    ModificationProtectionConfig: { Reason: '', Status: 'NonProtection' },
    LoadBalancerOperationLocks: [],
    Tags: [],
  };
}

/** Fields: ListListenersResponseBody.d.ts ListListenersResponseBodyListeners (DefaultActions: ForwardGroup only). */
export function listenerTemplate(): ApiObject {
  return {
    ListenerId: '',
    LoadBalancerId: '',
    ListenerProtocol: 'HTTP',
    ListenerPort: 80,
    ListenerStatus: 'Running',
    ListenerDescription: '',
    SecurityPolicyId: '',
    DefaultActions: [{ Type: 'ForwardGroup', ForwardGroupConfig: { ServerGroupTuples: [{ ServerGroupId: 'sgp-emu' }] } }],
    GzipEnabled: true,
    Http2Enabled: true,
    IdleTimeout: 15,
    RequestTimeout: 60,
    LogConfig: { AccessLogRecordCustomizedHeadersEnabled: false, AccessLogTracingConfig: { TracingEnabled: false, TracingSample: 0, TracingType: '' } },
    QuicConfig: { QuicListenerId: '', QuicUpgradeEnabled: false },
    XForwardedForConfig: { XForwardedForEnabled: true, XForwardedForProtoEnabled: false, XForwardedForSLBIdEnabled: false, XForwardedForSLBPortEnabled: false },
    Tags: [],
  };
}

/** Fields: ListListenerCertificatesResponseBody.d.ts ListListenerCertificatesResponseBodyCertificates. */
export function listenerCertificateTemplate(): ApiObject {
  return { CertificateId: '', CertificateType: 'Server', IsDefault: true, Status: 'Associated' };
}

/** Fields: ListRulesResponseBody.d.ts ListRulesResponseBodyRules (the actions and conditions as authored). */
export function ruleTemplate(): ApiObject {
  return {
    RuleId: '',
    RuleName: '',
    ListenerId: '',
    LoadBalancerId: '',
    Direction: 'Request',
    Priority: 1,
    RuleStatus: 'Available',
    RuleActions: [],
    RuleConditions: [],
    Tags: [],
  };
}

/** Fields: ListSecurityPoliciesResponseBody.d.ts ListSecurityPoliciesResponseBodySecurityPolicies (custom policies). */
export function securityPolicyTemplate(): ApiObject {
  return {
    SecurityPolicyId: '',
    SecurityPolicyName: '',
    SecurityPolicyStatus: 'Available',
    TLSVersions: ['TLSv1.2'],
    Ciphers: ['ECDHE-ECDSA-AES128-GCM-SHA256'],
    CreateTime: '2026-01-05T08:00:00Z',
    ResourceGroupId: '',
    Tags: [],
  };
}

/**
 * ListSystemSecurityPolicies SecurityPolicies (ListSystemSecurityPoliciesResponseBody.d.ts: SecurityPolicyId,
 * TLSVersions, Ciphers): the system policies and the TLS versions each allows, from ALB's TLS security policy
 * reference (https://www.alibabacloud.com/help/en/slb/application-load-balancer/user-guide/tls-security-policies).
 */
export const SYSTEM_SECURITY_POLICIES: readonly ApiObject[] = [
  { SecurityPolicyId: 'tls_cipher_policy_1_0', TLSVersions: ['TLSv1.0', 'TLSv1.1', 'TLSv1.2'], Ciphers: ['ECDHE-RSA-AES128-GCM-SHA256', 'AES128-SHA'] },
  { SecurityPolicyId: 'tls_cipher_policy_1_1', TLSVersions: ['TLSv1.1', 'TLSv1.2'], Ciphers: ['ECDHE-RSA-AES128-GCM-SHA256', 'AES128-SHA'] },
  { SecurityPolicyId: 'tls_cipher_policy_1_2', TLSVersions: ['TLSv1.2'], Ciphers: ['ECDHE-RSA-AES128-GCM-SHA256', 'AES128-SHA'] },
  { SecurityPolicyId: 'tls_cipher_policy_1_2_strict', TLSVersions: ['TLSv1.2'], Ciphers: ['ECDHE-RSA-AES128-GCM-SHA256'] },
  { SecurityPolicyId: 'tls_cipher_policy_1_2_strict_with_1_3', TLSVersions: ['TLSv1.2', 'TLSv1.3'], Ciphers: ['ECDHE-RSA-AES128-GCM-SHA256', 'TLS_AES_128_GCM_SHA256'] },
];
