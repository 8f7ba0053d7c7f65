// Templates for Classic Load Balancer (slb 2014-05-15) response items. The reference has request schemas only
// for SLB, and there is no SDK package on openapi-core: the fields are those of the official Go SDK's models
// (aliyun/alibaba-cloud-sdk-go, services/slb/...go, named per template). Defaults describe a running
// pay-as-you-go internet balancer in a VPC.
import type { ApiObject, ShapeContext } from '../../fill.js';

/** Fields: struct_load_balancer.go LoadBalancer (DescribeLoadBalancers LoadBalancers.LoadBalancer[]). */
export function loadBalancerTemplate({ regionId }: ShapeContext): ApiObject {
  return {
    LoadBalancerId: '',
    LoadBalancerName: '',
    LoadBalancerStatus: 'active',
    Address: '',
    AddressType: 'internet',
    AddressIPVersion: 'ipv4',
    NetworkType: 'vpc',
    VpcId: '',
    VSwitchId: '',
    RegionId: regionId,
    RegionIdAlias: regionId,
    MasterZoneId: `${regionId}-a`,
    SlaveZoneId: `${regionId}-b`,
    PayType: 'PayOnDemand',
    InternetChargeType: 'paybytraffic',
    InternetChargeTypeAlias: 'paybytraffic',
    InstanceChargeType: 'PayBySpec',
    LoadBalancerSpec: 'slb.s1.small',
    SpecType: '',
    SpecBpsFlag: false,
    Bandwidth: 5120,
    CreateTime: '2026-01-05T08:00Z',
    CreateTimeStamp: 1767600000000,
    ResourceGroupId: '',
    ServiceManagedMode: 'Unmanaged',
    ServiceManagedReason: '',
    ModificationProtectionStatus: 'NonProtection',
    ModificationProtectionReason: '',
    DeleteProtection: 'off',
    BusinessStatus: 'Normal',
    Tags: { Tag: [] },
  };
}

/**
 * Fields: struct_listener_in_describe_load_balancer_listeners.go (DescribeLoadBalancerListeners Listeners[]);
 * the protocol's configuration is struct_http_listener_config.go HTTPListenerConfig or
 * struct_https_listener_config.go HTTPSListenerConfig (the fields a listener of that protocol answers).
 */
export function listenerTemplate(): ApiObject {
  return {
    LoadBalancerId: '',
    ListenerProtocol: 'http',
    ListenerPort: 80,
    BackendServerPort: 80,
    BackendProtocol: '',
    Status: 'running',
    Bandwidth: -1,
    Scheduler: 'wrr',
    VServerGroupId: '',
    Description: '',
    AclStatus: 'off',
    AclType: '',
    AclId: '',
    AclIds: [],
    ServiceManagedMode: 'Unmanaged',
    Tags: [],
  };
}

/** The fields HTTPListenerConfig and HTTPSListenerConfig share (struct_http(s)_listener_config.go). */
function listenerConfigFields(): ApiObject {
  return {
    XForwardedFor: 'on',
    XForwardedFor_SLBIP: 'off',
    XForwardedFor_SLBID: 'off',
    XForwardedFor_proto: 'off',
    XForwardedFor_SLBPORT: 'off',
    XForwardedFor_ClientSrcPort: 'off',
    Gzip: 'on',
    StickySession: 'off',
    StickySessionType: '',
    Cookie: '',
    CookieTimeout: 0,
    HealthCheck: 'on',
    HealthCheckType: 'http',
    HealthCheckMethod: 'head',
    HealthCheckHttpVersion: 'http1.0',
    HealthCheckDomain: '',
    HealthCheckURI: '/',
    HealthCheckConnectPort: 0,
    HealthCheckHttpCode: 'http_2xx',
    HealthCheckInterval: 2,
    HealthCheckTimeout: 5,
    HealthyThreshold: 3,
    UnhealthyThreshold: 3,
    IdleTimeout: 15,
    RequestTimeout: 60,
    MaxConnection: 0,
  };
}

/** struct_http_listener_config.go HTTPListenerConfig; ListenerForward on with ForwardPort: redirected to HTTPS. */
export function httpListenerConfigTemplate(): ApiObject {
  return {
    ListenerForward: 'off',
    ForwardPort: 0,
    ForwardCode: 0,
    ...listenerConfigFields(),
  };
}

/** struct_https_listener_config.go HTTPSListenerConfig (the certificate and TLS fields, and the common ones). */
export function httpsListenerConfigTemplate(): ApiObject {
  return {
    ServerCertificateId: '',
    CACertificateId: '',
    TLSCipherPolicy: 'tls_cipher_policy_1_0',
    EnableHttp2: 'on',
    ServerCertificates: [],
    ...listenerConfigFields(),
    XForwardedFor_ClientCertClientVerify: 'off',
    XForwardedFor_ClientCertFingerprint: 'off',
    XForwardedFor_ClientCertIssuerDN: 'off',
    XForwardedFor_ClientCertSubjectDN: 'off',
  };
}

/** Fields: struct_server_certificate.go ServerCertificate (DescribeServerCertificates ServerCertificates.ServerCertificate[]). */
export function serverCertificateTemplate({ regionId }: ShapeContext): ApiObject {
  return {
    ServerCertificateId: '',
    ServerCertificateName: '',
    CertificateId: '',
    Fingerprint: '',
    CommonName: '',
    SubjectAlternativeNames: { SubjectAlternativeName: [] },
    ExpireTime: '',
    ExpireTimeStamp: 0,
    CreateTime: '2026-01-05T08:00:00Z',
    CreateTimeStamp: 1767600000000,
    EncryptionAlgorithm: 'RSA',
    EncryptionKeyLength: 2048,
    StandardType: 'International',
    IsAliCloudCertificate: 0,
    AliCloudCertificateId: '',
    AliCloudCertificateName: '',
    BindingType: '',
    RegionId: regionId,
    RegionIdAlias: regionId,
    ResourceGroupId: '',
    Tags: { Tag: [] },
  };
}

/** Fields: struct_tls_cipher_policy.go TLSCipherPolicy (ListTLSCipherPolicies TLSCipherPolicies[]). */
export function tlsCipherPolicyTemplate(): ApiObject {
  return {
    InstanceId: '',
    Name: '',
    Status: 'Available',
    TLSVersions: ['TLSv1.2'],
    Ciphers: ['ECDHE-RSA-AES128-GCM-SHA256'],
    CreateTime: 1767600000000,
    ServiceManagedMode: 'Unmanaged',
    RelateListeners: [],
  };
}
