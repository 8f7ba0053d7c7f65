// Templates for VPC 2016-04-28 response items, with every field of the official response examples.
import type { ApiObject, ShapeContext } from '../../fill.js';
import { DEFAULT_CREATION_TIME, defaultZone } from '../ecs/shapes.js';

const tags = (): ApiObject => ({ Tag: [] });

/** Fields: response-examples/vpc_2016-04-28/DescribeVpcs.json Vpcs.Vpc[]. */
export function vpcTemplate({ regionId, accountId }: ShapeContext): ApiObject {
  return {
    CreationTime: DEFAULT_CREATION_TIME,
    Status: 'Available',
    VpcId: '',
    IsDefault: false,
    OwnerId: Number(accountId),
    RegionId: regionId,
    VpcName: '',
    VRouterId: '',
    DhcpOptionsSetStatus: '',
    CidrBlock: '172.16.0.0/12',
    Description: '',
    ResourceGroupId: '',
    DhcpOptionsSetId: '',
    Ipv6CidrBlock: '',
    CenStatus: '',
    Tags: tags(),
    Ipv6CidrBlocks: { Ipv6CidrBlock: [] },
    VSwitchIds: { VSwitchId: [] },
    SecondaryCidrBlocks: { SecondaryCidrBlock: [] },
    UserCidrs: { UserCidr: [] },
    NatGatewayIds: { NatGatewayIds: [] },
    RouterTableIds: { RouterTableIds: [] },
    EnabledIpv6: false,
  };
}

/** Fields: response-examples/vpc_2016-04-28/DescribeVSwitches.json VSwitches.VSwitch[]. */
export function vSwitchTemplate({ regionId, accountId }: ShapeContext): ApiObject {
  return {
    VpcId: '',
    Status: 'Available',
    CreationTime: DEFAULT_CREATION_TIME,
    IsDefault: false,
    AvailableIpAddressCount: 250,
    NetworkAclId: '',
    OwnerId: Number(accountId),
    VSwitchId: '',
    CidrBlock: '',
    Description: '',
    ResourceGroupId: '',
    ZoneId: defaultZone(regionId),
    Ipv6CidrBlock: '',
    VSwitchName: '',
    ShareType: 'Sharing',
    EnabledIpv6: false,
    Tags: tags(),
    RouteTable: { RouteTableId: '', RouteTableType: 'System' },
  };
}

/** Fields: response-examples/vpc_2016-04-28/DescribeNetworkAcls.json NetworkAcls.NetworkAcl[]. */
export function networkAclTemplate({ regionId, accountId }: ShapeContext): ApiObject {
  return {
    Status: 'Available',
    VpcId: '',
    // Network ACLs report times without the ISO "T", as in the official example.
    CreationTime: '2026-01-05 08:00:00',
    Description: '',
    NetworkAclName: '',
    NetworkAclId: '',
    OwnerId: Number(accountId),
    RegionId: regionId,
    IngressAclEntries: { IngressAclEntry: [] },
    EgressAclEntries: { EgressAclEntry: [] },
    Resources: { Resource: [] },
    Tags: tags(),
  };
}

/** Fields: response-examples/vpc_2016-04-28/DescribeNetworkAcls.json NetworkAcls.NetworkAcl[].IngressAclEntries.IngressAclEntry[]. */
export function ingressAclEntryTemplate(): ApiObject {
  return {
    NetworkAclEntryId: '',
    EntryType: 'custom',
    NetworkAclEntryName: '',
    Policy: 'accept',
    Description: '',
    SourceCidrIp: '',
    IpVersion: 'IPv4',
    Protocol: 'all',
    Port: '-1/-1',
  };
}

/** Fields: response-examples/vpc_2016-04-28/DescribeNetworkAcls.json NetworkAcls.NetworkAcl[].EgressAclEntries.EgressAclEntry[]. */
export function egressAclEntryTemplate(): ApiObject {
  return {
    NetworkAclEntryId: '',
    EntryType: 'custom',
    NetworkAclEntryName: '',
    Policy: 'accept',
    Description: '',
    Protocol: 'all',
    DestinationCidrIp: '',
    IpVersion: 'IPv4',
    Port: '-1/-1',
  };
}

/** Fields: response-examples/vpc_2016-04-28/DescribeNetworkAcls.json NetworkAcls.NetworkAcl[].Resources.Resource[]. */
export function aclResourceTemplate(): ApiObject {
  return { Status: 'BINDED', ResourceType: 'VSwitch', ResourceId: '' };
}

/** Fields: response-examples/vpc_2016-04-28/DescribeFlowLogs.json FlowLogs.FlowLog[]. */
export function flowLogTemplate({ regionId }: ShapeContext): ApiObject {
  return {
    Status: 'Active',
    CreationTime: DEFAULT_CREATION_TIME,
    FlowLogName: '',
    TrafficType: 'All',
    ResourceType: 'VPC',
    Description: '',
    ProjectName: '',
    LogStoreName: '',
    ResourceId: '',
    RegionId: regionId,
    FlowLogId: '',
    BusinessStatus: 'Normal',
    AggregationInterval: 10,
    TrafficPath: { TrafficPathList: ['all'] },
    ServiceType: 'sls',
    ResourceGroupId: '',
    Tags: tags(),
    FlowLogDeliverStatus: 'SUCCESS',
    FlowLogDeliverErrorMessage: '',
  };
}

/** Fields: response-examples/vpc_2016-04-28/DescribeEipAddresses.json EipAddresses.EipAddress[]. */
export function eipTemplate({ regionId }: ShapeContext): ApiObject {
  return {
    ReservationActiveTime: '',
    Status: 'Available',
    ReservationOrderType: '',
    AllocationTime: DEFAULT_CREATION_TIME,
    Netmode: 'public',
    ChargeType: 'PostPaid',
    Description: '',
    Mode: 'NAT',
    SegmentInstanceId: '',
    ReservationInternetChargeType: '',
    BandwidthPackageId: '',
    IpAddress: '',
    Bandwidth: '5',
    ReservationBandwidth: '',
    EipBandwidth: '5',
    Name: '',
    PrivateIpAddress: '',
    InstanceRegionId: '',
    DeletionProtection: false,
    InstanceId: '',
    SecondLimited: false,
    InstanceType: '',
    HDMonitorStatus: 'false',
    RegionId: regionId,
    BandwidthPackageBandwidth: '',
    ServiceManaged: 0,
    ExpiredTime: '',
    ResourceGroupId: '',
    AllocationId: '',
    InternetChargeType: 'PayByTraffic',
    BusinessStatus: 'Normal',
    BandwidthPackageType: '',
    HasReservationData: 'false',
    ISP: 'BGP',
    OperationLocks: { LockReason: [] },
    Tags: tags(),
    SecurityProtectionTypes: { SecurityProtectionType: [] },
    PublicIpAddressPoolId: '',
    VpcId: '',
    Zone: '',
    BizType: '',
  };
}

/** Fields: response-examples/vpc_2016-04-28/DescribeRouteTableList.json RouterTableList.RouterTableListType[]. */
export function routeTableTemplate({ accountId }: ShapeContext): ApiObject {
  return {
    VpcId: '',
    CreationTime: DEFAULT_CREATION_TIME,
    Status: 'Available',
    RouterId: '',
    AssociateType: 'VSwitch',
    RouteTableId: '',
    OwnerId: Number(accountId),
    Description: '',
    RouteTableType: 'Custom',
    ResourceGroupId: '',
    RouterType: 'VRouter',
    RouteTableName: '',
    Tags: tags(),
    VSwitchIds: { VSwitchId: [] },
    GatewayIds: { GatewayIds: [] },
    RoutePropagationEnable: false,
  };
}

// DescribeRouteEntryList has no response example; its defaults: an available custom IPv4 route.
/** Fields: openapi-meta/vpc_2016-04-28.api-docs.json DescribeRouteEntryList response schema, RouteEntrys.RouteEntry[]. */
export function routeEntryTemplate(): ApiObject {
  return {
    Status: 'Available',
    Type: 'Custom',
    IpVersion: 'ipv4',
    Description: '',
    RouteEntryName: '',
    DestinationCidrBlock: '',
    RouteEntryId: '',
    RouteTableId: '',
    GmtModified: DEFAULT_CREATION_TIME,
    NextHops: { NextHop: [] },
    ServiceType: '',
    Origin: 'CustomCreate',
  };
}

/** Fields: openapi-meta/vpc_2016-04-28.api-docs.json DescribeRouteEntryList response schema, RouteEntrys.RouteEntry[].NextHops.NextHop[]. */
export function nextHopTemplate(): ApiObject {
  return {
    NextHopRegionId: '',
    Weight: 0,
    NextHopId: '',
    Enabled: 1,
    NextHopType: 'Instance',
    NextHopRelatedInfo: { InstanceId: '', InstanceType: '', RegionId: '' },
  };
}
