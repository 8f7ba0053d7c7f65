// Templates for VPN Gateway's VPC 2016-04-28 response items. The reference has no response-examples file for
// them: every field is the response schema's of openapi-meta/vpc_2016-04-28.api-docs.json (and its
// responseDemo), at the path written above each template.
import type { ApiObject, ShapeContext } from '../../fill.js';

// 2026-01-05T08:00:00Z: the API gives VPN times as epoch milliseconds (CreateTime: integer)
const CREATED_MS = 1767600000000;

/**
 * Fields: DescribeVpnGateways VpnGateways.VpnGateway[], but those sent only in some cases: ReservationData (a
 * pending order), DisasterRecoveryInternetIp, DisasterRecoveryVSwitchId and SslVpnInternetIp (a gateway of
 * dual-tunnel connections).
 */
export function vpnGatewayTemplate(): ApiObject {
  return {
    VpnGatewayId: '',
    Name: '',
    Description: '',
    VpcId: '',
    VSwitchId: '',
    InternetIp: '',
    Status: 'active',
    BusinessStatus: 'Normal',
    VpnType: 'Normal',
    NetworkType: 'public',
    Spec: '10M',
    ChargeType: 'POSTPAY',
    CreateTime: CREATED_MS,
    EndTime: CREATED_MS,
    IpsecVpn: 'enable',
    SslVpn: 'disable',
    SslMaxConnections: 5,
    EnableBgp: false,
    AutoPropagate: false,
    // the system tag: a JSON text, as in the responseDemo
    Tag: '{"VpnEnableBgp":"true","VisuallySsl":"true"}',
    Tags: { Tag: [] },
    ResourceGroupId: '',
    EniInstanceIds: { EniInstanceId: [] },
  };
}

// A connection created without settings has CreateVpnConnection's defaults (its IkeConfig and IpsecConfig
// parameters): ikev1, main, aes, md5, group2, 86400 s; a key the system generates (16 characters).
const IKE_DEFAULTS = { IkeVersion: 'ikev1', IkeMode: 'main', IkeEncAlg: 'aes', IkeAuthAlg: 'md5', IkePfs: 'group2' };
const IPSEC_DEFAULTS = { IpsecEncAlg: 'aes', IpsecAuthAlg: 'md5', IpsecPfs: 'group2' };
const GENERATED_PSK = 'k3X9vQ2mT7pL4wZ8';

/** Fields: DescribeVpnConnections VpnConnections.VpnConnection[].IkeConfig (Psk: the key, a secret). */
export function ikeConfigTemplate(): ApiObject {
  return { ...IKE_DEFAULTS, IkeLifetime: 86400, LocalId: '', RemoteId: '', Psk: GENERATED_PSK };
}

/** Fields: DescribeVpnConnections VpnConnections.VpnConnection[].IpsecConfig. */
export function ipsecConfigTemplate(): ApiObject {
  return { ...IPSEC_DEFAULTS, IpsecLifetime: 86400 };
}

/**
 * Fields: DescribeVpnConnections VpnConnections.VpnConnection[] of a connection bound to a VPN gateway: the
 * transit router's (AttachInstanceId, TransitRouterId, TransitRouterName, InternetIp) and the national-standard
 * gateway's RemoteCaCertificate left out.
 */
export function vpnConnectionTemplate(): ApiObject {
  return {
    VpnConnectionId: '',
    Name: '',
    VpnGatewayId: '',
    CustomerGatewayId: '',
    LocalSubnet: '',
    RemoteSubnet: '',
    Status: 'ipsec_sa_established',
    State: 'active',
    AttachType: 'VPNGW',
    NetworkType: 'public',
    Spec: '1000M',
    CreateTime: CREATED_MS,
    EffectImmediately: false,
    EnableDpd: true,
    EnableNatTraversal: true,
    EnableTunnelsBgp: false,
    CrossAccountAuthorized: false,
    IkeConfig: ikeConfigTemplate(),
    IpsecConfig: ipsecConfigTemplate(),
    VcoHealthCheck: { Enable: 'false', Status: '', Dip: '', Sip: '', Interval: 3, Retry: 3, Policy: 'revoke_route' },
    VpnBgpConfig: { Status: '', PeerBgpIp: '', TunnelCidr: '', LocalBgpIp: '', PeerAsn: 0, LocalAsn: 45104, AuthKey: '' },
    Tag: { Tag: [] },
    TunnelOptionsSpecification: { TunnelOptions: [] },
    ResourceGroupId: '',
  };
}

/**
 * Fields: DescribeVpnConnections VpnConnections.VpnConnection[].TunnelOptionsSpecification.TunnelOptions[]
 * (its lifetimes and flags are strings, unlike the connection's; RemoteCaCertificate, national-standard only, left out).
 */
export function tunnelTemplate(): ApiObject {
  return {
    TunnelId: '',
    CustomerGatewayId: '',
    Role: 'master',
    State: 'active',
    Status: 'ipsec_sa_established',
    InternetIp: '',
    ZoneNo: '',
    EnableDpd: 'true',
    EnableNatTraversal: 'true',
    TunnelIkeConfig: { ...IKE_DEFAULTS, IkeLifetime: '86400', LocalId: '', RemoteId: '', Psk: GENERATED_PSK },
    TunnelIpsecConfig: { ...IPSEC_DEFAULTS, IpsecLifetime: '86400' },
    TunnelBgpConfig: { BgpStatus: '', LocalAsn: '45104', LocalBgpIp: '', PeerAsn: '', PeerBgpIp: '', TunnelCidr: '' },
  };
}

/** Fields: DescribeSslVpnServers SslVpnServers.SslVpnServer[] (no IDaaS binding: its four IDaaS fields left out). */
export function sslVpnServerTemplate({ regionId }: ShapeContext): ApiObject {
  return {
    SslVpnServerId: '',
    Name: '',
    VpnGatewayId: '',
    RegionId: regionId,
    InternetIp: '',
    LocalSubnet: '',
    ClientIpPool: '',
    // the CreateSslVpnServer defaults: Cipher AES-128-CBC, Compress false, Proto TCP, Port 1194
    Cipher: 'AES-128-CBC',
    Compress: false,
    Proto: 'TCP',
    Port: 1194,
    Connections: 0,
    MaxConnections: 5,
    EnableMultiFactorAuth: false,
    CreateTime: CREATED_MS,
    ResourceGroupId: '',
  };
}
