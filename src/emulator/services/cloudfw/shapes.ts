// Templates for Cloud Firewall (cloudfw 2017-12-07) responses. The reference has no response schema for
// cloudfw: the fields are those of the official SDK models (aliyun/alibabacloud-typescript-sdk,
// cloudfw-20171207 src/models/DescribeUserBuyVersionResponseBody.ts, DescribeAssetListResponseBody.ts
// DescribeAssetListResponseBodyAssets, DescribeControlPolicyResponseBody.ts DescribeControlPolicyResponseBodyPolicys,
// DescribeVpcFirewallListResponseBody.ts and DescribeVpcFirewallCenListResponseBody.ts VpcFirewalls)
// and the public API reference. Defaults describe a subscription Premium edition with log delivery on,
// an ECS public IP whose firewall switch is on, and an inbound accept of HTTPS from the internet.
import type { ApiObject, ShapeContext } from '../../fill.js';

/**
 * DescribeUserBuyVersion (DescribeUserBuyVersionResponseBody.ts): Version 2 Premium, 3 Enterprise, 4 Ultimate,
 * 10 pay-as-you-go; InstanceStatus normal | init | deleting | abnormal | free; UserStatus and LogStatus booleans;
 * StartTime and Expire in milliseconds.
 */
export function buyVersionTemplate({ accountId }: ShapeContext): ApiObject {
  return {
    AliUid: Number(accountId),
    InstanceId: 'vipcloudfw-cn-emu0001',
    InstanceStatus: 'normal',
    UserStatus: true,
    Version: 2,
    StartTime: 1767600000000,
    Expire: 1830672000000,
    LogStatus: true,
    LogStorage: 3000,
    IpNumber: 50,
    VpcNumber: 2,
    InternetBandwidth: 3000,
    VpcBandwidth: 3000,
    NatBandwidth: 3000,
    MaxOverflow: 0,
    MajorVersion: 1,
    DefaultBandwidth: 1000,
    ExtensionBandwidth: 0,
    TemporaryBandwidth: 0,
    GeneralInstance: 0,
    AckClusterConnectorQuota: 0,
    PrivateDnsConnectorQuota: 0,
    Sdl: 0,
    ThreatIntelligence: 0,
  };
}

/**
 * What an account without Cloud Firewall answers: UserStatus false ("invalid") and InstanceStatus `free`
 * ("no valid instance", https://help.aliyun.com/zh/cloud-firewall/cloudfirewall/developer-reference/api-cloudfw-2017-12-07-describeuserbuyversion),
 * no instance, nothing bought.
 */
export function notBoughtTemplate(context: ShapeContext): ApiObject {
  const { InstanceId: _id, Version: _version, StartTime: _start, Expire: _expire, ...rest } = buyVersionTemplate(context);
  return { ...rest, InstanceStatus: 'free', UserStatus: false, LogStatus: false, LogStorage: 0, IpNumber: 0, VpcNumber: 0 };
}

/**
 * DescribeAssetList item (DescribeAssetListResponseBodyAssets): ProtectStatus open | opening | closed | closing;
 * ResourceType EcsEIP | EcsPublicIP | EIP | EniEIP | NatEIP | SlbEIP | SlbPublicIP | NatPublicIP | HAVIP |
 * BastionHostEgressIP | BastionHostIngressIP; RegionStatus and SyncStatus enable | disable; SgStatus pass | block | unsupport.
 */
export function assetTemplate({ accountId, regionId }: ShapeContext): ApiObject {
  return {
    AliUid: Number(accountId),
    MemberUid: Number(accountId),
    InternetAddress: '',
    IntranetAddress: '',
    IpVersion: 4,
    Name: '',
    RegionID: regionId,
    RegionStatus: 'enable',
    ResourceInstanceId: '',
    BindInstanceId: '',
    BindInstanceName: '',
    ResourceType: 'EcsPublicIP',
    ProtectStatus: 'open',
    SyncStatus: 'enable',
    SgStatus: 'pass',
    SgStatusTime: 1794697800,
    Note: '',
    NewResourceTag: '',
    RiskLevel: 'low',
    SensitiveDataStatus: 'close',
    Last7DayOutTrafficBytes: 0,
    CreateTimeStamp: '2026-01-05 10:00:00',
    Type: '',
  };
}

/**
 * DescribeControlPolicy item (DescribeControlPolicyResponseBodyPolicys): AclAction accept | drop | log; Direction
 * in | out; Proto ANY | TCP | UDP | ICMP; Release "true" | "false" (a string); SourceType net | group | location;
 * DestinationType net | group | domain | location; DestPortType port | group; RepeatType Permanent | None |
 * Daily | Weekly | Monthly; times in seconds.
 */
export function controlPolicyTemplate(): ApiObject {
  return {
    AclUuid: '',
    AclAction: 'accept',
    Direction: 'in',
    Order: 1,
    Proto: 'TCP',
    Release: 'true',
    Source: '0.0.0.0/0',
    SourceType: 'net',
    SourceGroupCidrs: [],
    SourceGroupType: '',
    Destination: '0.0.0.0/0',
    DestinationType: 'net',
    DestinationGroupCidrs: [],
    DestinationGroupType: '',
    DestPortType: 'port',
    DestPort: '443',
    DestPortGroup: '',
    DestPortGroupPorts: [],
    ApplicationId: '',
    ApplicationName: 'ANY',
    ApplicationNameList: ['ANY'],
    Description: '',
    DnsResult: '',
    DnsResultTime: 0,
    DomainResolveType: '',
    HitTimes: 0,
    HitLastTime: 0,
    IpVersion: 4,
    RepeatType: 'Permanent',
    RepeatDays: [],
    RepeatStartTime: '',
    RepeatEndTime: '',
    StartTime: 0,
    EndTime: 0,
    CreateTime: 1767600000,
    ModifyTime: 1767600000,
    SpreadCnt: 1,
  };
}

/** a VPC firewall's IPS and ACL engine settings (VpcFirewallsIpsConfig, VpcFirewallsAclConfig of both listings) */
const vpcFirewallEngines = () => ({
  IpsConfig: { BasicRules: 1, EnableAllPatch: 1, RuleClass: 1, RunMode: 0 },
  AclConfig: { StrictMode: 0 },
});

/**
 * DescribeVpcFirewallList item (DescribeVpcFirewallListResponseBodyVpcFirewalls): ConnectType expressconnect,
 * ConnectSubType vpc2vpc | vpcpeer; FirewallSwitchStatus opened | closed | notconfigured; RegionStatus enable |
 * disable; ResultCode Unauthorized | RegionDisable | "".
 */
export function vpcFirewallTemplate({ accountId, regionId }: ShapeContext): ApiObject {
  const vpc = () => ({ VpcId: '', VpcName: '', RegionNo: regionId, OwnerId: Number(accountId), AuthorizationStatus: 'authorized', VpcCidrTableList: [] });
  return {
    VpcFirewallId: '',
    VpcFirewallName: '',
    ConnectType: 'expressconnect',
    ConnectSubType: 'vpcpeer',
    FirewallSwitchStatus: 'opened',
    RegionStatus: 'enable',
    ResultCode: '',
    Bandwidth: 2,
    MemberUid: accountId,
    LocalVpc: vpc(),
    PeerVpc: vpc(),
    ...vpcFirewallEngines(),
  };
}

/**
 * DescribeVpcFirewallCenList item (DescribeVpcFirewallCenListResponseBodyVpcFirewalls): ConnectType cen;
 * FirewallSwitchStatus opened | closed | notconfigured; PrecheckStatus passed | failed | unknown; LocalVpc
 * NetworkInstanceType VPC | VBR | CCN, RouteMode auto | manual, TransitRouterType Basic | Enterprise.
 */
export function cenVpcFirewallTemplate({ accountId, regionId }: ShapeContext): ApiObject {
  return {
    VpcFirewallId: '',
    VpcFirewallName: '',
    ConnectType: 'cen',
    CenId: '',
    CenName: '',
    FirewallSwitchStatus: 'opened',
    PrecheckStatus: 'passed',
    RegionStatus: 'enable',
    ResultCode: '',
    MemberUid: accountId,
    LocalVpc: {
      VpcId: '',
      VpcName: '',
      NetworkInstanceId: '',
      NetworkInstanceName: '',
      NetworkInstanceType: 'VPC',
      RegionNo: regionId,
      OwnerId: Number(accountId),
      AuthorizationStatus: 'authorized',
      DefendCidrList: [],
      ManualVSwitchId: '',
      RouteMode: 'auto',
      SupportManualMode: '0',
      TransitRouterType: 'Enterprise',
      VpcCidrTableList: [],
    },
    ...vpcFirewallEngines(),
  };
}
