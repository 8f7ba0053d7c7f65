// Templates for ECS 2014-05-26 response items, with every field of the official response examples.
// Defaults describe a plain, running pay-as-you-go resource; the account model overrides the rest.
import type { ApiObject, ShapeContext } from '../../fill.js';

export const DEFAULT_CREATION_TIME = '2026-01-05T08:00:00Z';

const tags = (): ApiObject => ({ Tag: [] });

/** Alibaba names zones `cn-hangzhou-b` in mainland China and `ap-southeast-1a` elsewhere. */
export function defaultZone(regionId: string): string {
  return regionId.startsWith('cn-') ? `${regionId}-b` : `${regionId}a`;
}

/** Fields: response-examples/ecs_2014-05-26/DescribeInstances.json Instances.Instance[]. */
export function instanceTemplate({ regionId }: ShapeContext): ApiObject {
  return {
    CreationTime: '2026-01-05T08:00Z',
    SerialNumber: '',
    Status: 'Running',
    DeploymentSetId: '',
    KeyPairName: '',
    SaleCycle: '',
    SpotStrategy: 'NoSpot',
    DeviceAvailable: true,
    LocalStorageCapacity: 0,
    Description: '',
    SpotDuration: 0,
    InstanceNetworkType: 'vpc',
    InstanceName: '',
    OSNameEn: '',
    HpcClusterId: '',
    SpotPriceLimit: 0,
    Memory: 8192,
    OSName: '',
    DeploymentSetGroupNo: 0,
    ImageId: '',
    VlanId: '',
    ClusterId: '',
    GPUSpec: '',
    AutoReleaseTime: '',
    DeletionProtection: false,
    StoppedMode: 'Not-applicable',
    GPUAmount: 0,
    HostName: '',
    InstanceId: '',
    InternetMaxBandwidthOut: 0,
    InternetMaxBandwidthIn: -1,
    InstanceType: 'ecs.g7.large',
    InstanceChargeType: 'PostPaid',
    RegionId: regionId,
    IoOptimized: true,
    StartTime: '2026-01-05T08:01Z',
    Cpu: 2,
    LocalStorageAmount: 0,
    ExpiredTime: '2099-12-31T15:59Z',
    ResourceGroupId: '',
    InternetChargeType: 'PayByTraffic',
    ZoneId: defaultZone(regionId),
    Recyclable: false,
    ISP: '',
    CreditSpecification: '',
    InstanceTypeFamily: 'ecs.g7',
    OSType: 'linux',
    NetworkInterfaces: { NetworkInterface: [] },
    OperationLocks: { LockReason: [] },
    Tags: tags(),
    RdmaIpAddress: { IpAddress: [] },
    SecurityGroupIds: { SecurityGroupId: [] },
    PublicIpAddress: { IpAddress: [] },
    InnerIpAddress: { IpAddress: [] },
    VpcAttributes: { VpcId: '', NatIpAddress: '', VSwitchId: '', PrivateIpAddress: { IpAddress: [] } },
    EipAddress: { IsSupportUnassociate: true, InternetChargeType: '', IpAddress: '', Bandwidth: 0, AllocationId: '' },
    HibernationOptions: { Configured: false },
    DedicatedHostAttribute: { DedicatedHostId: '', DedicatedHostName: '', DedicatedHostClusterId: '' },
    EcsCapacityReservationAttr: { CapacityReservationPreference: '', CapacityReservationId: '' },
    DedicatedInstanceAttribute: { Affinity: '', Tenancy: '' },
    CpuOptions: { Numa: '', CoreCount: 1, ThreadsPerCore: 2, TopologyType: '' },
    MetadataOptions: { HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1, HttpTokens: 'optional' },
    ImageOptions: { LoginAsNonRoot: false },
    SpotInterruptionBehavior: 'Terminate',
  };
}

/** The primary NIC DescribeInstances reports, derived from the instance's private IP. */
export function primaryNetworkInterface(instanceId: string, privateIp: string): ApiObject {
  const suffix = instanceId.replace(/^i-/, '');
  return {
    Type: 'Primary',
    MacAddress: '00:16:3e:00:00:01',
    PrimaryIpAddress: privateIp,
    NetworkInterfaceId: `eni-${suffix}`,
    PrivateIpSets: { PrivateIpSet: [{ PrivateIpAddress: privateIp, Primary: true }] },
    Ipv6Sets: { Ipv6Set: [] },
    Ipv4PrefixSets: { Ipv4PrefixSet: [] },
    Ipv6PrefixSets: { Ipv6PrefixSet: [] },
  };
}

/** Fields: response-examples/ecs_2014-05-26/DescribeSecurityGroups.json SecurityGroups.SecurityGroup[] and DescribeSecurityGroupAttribute.json. */
export function securityGroupTemplate({ regionId }: ShapeContext): ApiObject {
  return {
    SecurityGroupId: '',
    SecurityGroupName: '',
    Description: '',
    SecurityGroupType: 'normal',
    VpcId: '',
    CreationTime: DEFAULT_CREATION_TIME,
    EcsCount: 0,
    AvailableInstanceAmount: 2000,
    ResourceGroupId: '',
    ServiceManaged: false,
    ServiceID: 0,
    InnerAccessPolicy: 'Accept',
    RegionId: regionId,
    Tags: tags(),
  };
}

/** Fields of a group that DescribeSecurityGroupAttribute repeats next to its rules. */
export const SECURITY_GROUP_ATTRIBUTE_FIELDS = [
  'VpcId',
  'InnerAccessPolicy',
  'Description',
  'SecurityGroupId',
  'SecurityGroupName',
  'RegionId',
] as const;

/** Fields of a group that DescribeSecurityGroups returns (InnerAccessPolicy and RegionId are attribute-only). */
export const SECURITY_GROUP_LIST_FIELDS = [
  'SecurityGroupId',
  'SecurityGroupName',
  'Description',
  'SecurityGroupType',
  'VpcId',
  'CreationTime',
  'EcsCount',
  'AvailableInstanceAmount',
  'ResourceGroupId',
  'ServiceManaged',
  'ServiceID',
  'Tags',
] as const;

/** Fields: response-examples/ecs_2014-05-26/DescribeSecurityGroupAttribute.json Permissions.Permission[]. */
export function permissionTemplate(): ApiObject {
  return {
    SecurityGroupRuleId: '',
    Direction: 'ingress',
    SourceGroupId: '',
    DestGroupOwnerAccount: '',
    DestPrefixListId: '',
    DestPrefixListName: '',
    SourceCidrIp: '',
    Ipv6DestCidrIp: '',
    CreateTime: DEFAULT_CREATION_TIME,
    Ipv6SourceCidrIp: '',
    DestGroupId: '',
    DestCidrIp: '',
    IpProtocol: 'TCP',
    // The API returns Priority as a string.
    Priority: '1',
    DestGroupName: '',
    NicType: 'intranet',
    Policy: 'Accept',
    Description: '',
    PortRange: '-1/-1',
    SourcePrefixListName: '',
    SourcePrefixListId: '',
    SourceGroupOwnerAccount: '',
    SourceGroupName: '',
    SourcePortRange: '',
  };
}

/** Fields: response-examples/ecs_2014-05-26/DescribeDisks.json Disks.Disk[]. */
export function diskTemplate({ regionId }: ShapeContext): ApiObject {
  return {
    SerialNumber: '',
    CreationTime: DEFAULT_CREATION_TIME,
    Status: 'Available',
    Type: 'data',
    PerformanceLevel: 'PL0',
    BdfId: '',
    EnableAutoSnapshot: false,
    StorageSetId: '',
    StorageSetPartitionNumber: 0,
    DiskId: '',
    DeleteAutoSnapshot: false,
    StorageClusterId: '',
    Encrypted: false,
    IOPSRead: 0,
    MountInstanceNum: 0,
    Description: '',
    Device: '',
    DiskName: '',
    Portable: true,
    ImageId: '',
    KMSKeyId: '',
    DeleteWithInstance: false,
    DetachedTime: '',
    SourceSnapshotId: '',
    AutoSnapshotPolicyId: '',
    EnableAutomatedSnapshotPolicy: false,
    IOPSWrite: 0,
    InstanceId: '',
    IOPS: 3000,
    RegionId: regionId,
    ExpiredTime: '2999-09-08T16:00Z',
    Size: 40,
    ResourceGroupId: '',
    DiskChargeType: 'PostPaid',
    ZoneId: defaultZone(regionId),
    AttachedTime: '',
    Category: 'cloud_essd',
    ProductCode: '',
    MultiAttach: 'Disabled',
    OperationLocks: { OperationLock: [] },
    MountInstances: { MountInstance: [] },
    Tags: tags(),
    Attachments: { Attachment: [] },
    ProvisionedIops: 0,
    BurstingEnabled: false,
    Throughput: 150,
    ThroughputRead: 0,
    ThroughputWrite: 0,
    Placement: { ZoneIds: '' },
  };
}

/** Fields: response-examples/ecs_2014-05-26/DescribeSnapshots.json Snapshots.Snapshot[]. */
export function snapshotTemplate({ regionId }: ShapeContext): ApiObject {
  return {
    Status: 'accomplished',
    CreationTime: DEFAULT_CREATION_TIME,
    Progress: '100%',
    InstantAccess: false,
    Available: true,
    RemainTime: 0,
    SourceDiskSize: '40',
    RetentionDays: 30,
    SourceDiskType: 'data',
    SourceStorageType: 'disk',
    Usage: 'none',
    LastModifiedTime: DEFAULT_CREATION_TIME,
    Encrypted: false,
    SnapshotType: 'auto',
    SourceDiskId: '',
    SnapshotName: '',
    InstantAccessRetentionDays: 0,
    Description: '',
    SnapshotId: '',
    RegionId: regionId,
    ResourceGroupId: '',
    Category: 'standard',
    KMSKeyId: '',
    SnapshotSN: '',
    ProductCode: '',
    SourceSnapshotId: '',
    SourceRegionId: '',
    SnapshotLinkId: '',
    Tags: tags(),
  };
}

/** Fields: response-examples/ecs_2014-05-26/DescribeAutoSnapshotPolicyEx.json AutoSnapshotPolicies.AutoSnapshotPolicy[]. */
export function autoSnapshotPolicyTemplate({ regionId }: ShapeContext): ApiObject {
  return {
    // TimePoints and RepeatWeekdays are JSON strings in the API.
    TimePoints: '["2"]',
    CreationTime: '2026-01-05T08:00Z',
    Status: 'Normal',
    AutoSnapshotPolicyName: '',
    TargetCopyRegions: '[]',
    CopiedSnapshotsRetentionDays: -1,
    AutoSnapshotPolicyId: '',
    RetentionDays: 7,
    RegionId: regionId,
    DiskNums: 0,
    EnableCrossRegionCopy: false,
    RepeatWeekdays: '["1","2","3","4","5","6","7"]',
    VolumeNums: 0,
    ResourceGroupId: '',
    Tags: tags(),
    CopyEncryptionConfiguration: { Encrypted: false, KMSKeyId: '' },
    Type: 'Custom',
  };
}

/** Fields: response-examples/ecs_2014-05-26/DescribeKeyPairs.json KeyPairs.KeyPair[]. */
export function keyPairTemplate(): ApiObject {
  return {
    CreationTime: '2026-01-05T08:00Z',
    KeyPairName: '',
    KeyPairFingerPrint: '',
    ResourceGroupId: '',
    PublicKey: '',
    Tags: tags(),
  };
}

/** Fields: response-examples/ecs_2014-05-26/DescribeCloudAssistantStatus.json InstanceCloudAssistantStatusSet.InstanceCloudAssistantStatus[]. */
export function cloudAssistantTemplate(): ApiObject {
  return {
    CloudAssistantStatus: 'false',
    LastInvokedTime: '',
    CloudAssistantVersion: '',
    ActiveTaskCount: 0,
    InvocationCount: 0,
    InstanceId: '',
    LastHeartbeatTime: '',
    OSType: 'Linux',
    SupportSessionManager: false,
  };
}

/** Fields: response-examples/ecs_2014-05-26/DescribeRegions.json Regions.Region[]. */
export function ecsRegionItem(regionId: string, localName: string, status: 'available' | 'soldOut'): ApiObject {
  const host = regionId === 'cn-hangzhou' ? 'ecs-cn-hangzhou.aliyuncs.com' : `ecs.${regionId}.aliyuncs.com`;
  return { Status: status, RegionEndpoint: host, LocalName: localName, RegionId: regionId };
}
