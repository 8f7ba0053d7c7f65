// ECS's slice of the account index: each region's compute resources as the full API items they are served as.
import { fill, type ApiObject, type ShapeContext } from '../../fill.js';
import type { VpcRegionModel } from '../vpc/model.js';
import type { EcsRegionModel } from './model.js';
import {
  autoSnapshotPolicyTemplate,
  cloudAssistantTemplate,
  diskTemplate,
  instanceTemplate,
  keyPairTemplate,
  permissionTemplate,
  primaryNetworkInterface,
  SECURITY_GROUP_ATTRIBUTE_FIELDS,
  SECURITY_GROUP_LIST_FIELDS,
  securityGroupTemplate,
  snapshotTemplate,
} from './shapes.js';

/** A security group as both list APIs see it. */
export interface IndexedSecurityGroup {
  listItem: ApiObject;
  attribute: ApiObject;
  permissions: ApiObject[];
}

export interface EcsRegionIndex {
  instances: ApiObject[];
  /** one DescribeCloudAssistantStatus entry per instance, in instance order */
  cloudAssistant: ApiObject[];
  cloudAssistantById: Map<string, ApiObject>;
  securityGroups: IndexedSecurityGroup[];
  /** the DescribeSecurityGroups items, in group order */
  securityGroupItems: ApiObject[];
  securityGroupById: Map<string, IndexedSecurityGroup>;
  disks: ApiObject[];
  snapshots: ApiObject[];
  autoSnapshotPolicies: ApiObject[];
  keyPairs: ApiObject[];
  sessionManagerStatus: 'enabled' | 'disabled';
}

function pick(source: ApiObject, fields: readonly string[]): ApiObject {
  return Object.fromEntries(fields.map((field) => [field, source[field]]));
}

export function indexEcsRegion(region: EcsRegionModel & VpcRegionModel, context: ShapeContext): EcsRegionIndex {
  const eipByInstance = new Map(region.eips.filter((e) => e.InstanceId).map((e) => [e.InstanceId!, e]));
  const instanceCountByGroup = new Map<string, number>();
  for (const instance of region.instances) {
    for (const groupId of instance.SecurityGroupIds) instanceCountByGroup.set(groupId, (instanceCountByGroup.get(groupId) ?? 0) + 1);
  }

  const instances = region.instances.map(({ CloudAssistant: _cloudAssistantEntry, SecurityCenter: _securityCenterAsset, ...authored }) => {
    const eip = eipByInstance.get(authored.InstanceId);
    const privateIp = authored.VpcAttributes?.PrivateIpAddress?.[0] ?? authored.InnerIpAddress?.[0];
    const derived: ApiObject = {
      NetworkInterfaces: privateIp ? [primaryNetworkInterface(authored.InstanceId, privateIp)] : [],
      HostName: authored.InstanceId,
      InstanceName: authored.InstanceId,
    };
    if (eip) derived.EipAddress = { IpAddress: eip.IpAddress, AllocationId: eip.AllocationId, InternetChargeType: 'PayByTraffic', Bandwidth: 5 };
    return fill(fill(instanceTemplate(context), derived), authored);
  });

  const cloudAssistant = region.instances.map((instance) => {
    const installed = instance.CloudAssistant
      ? { CloudAssistantStatus: 'true', CloudAssistantVersion: '2.4.3.760', LastHeartbeatTime: '2026-11-01T00:00:00Z', SupportSessionManager: true }
      : {};
    return fill(cloudAssistantTemplate(), {
      InstanceId: instance.InstanceId,
      OSType: instance.OSType === 'windows' ? 'Windows' : 'Linux',
      ...installed,
      ...(instance.CloudAssistant ?? {}),
    });
  });

  const securityGroups = region.securityGroups.map(({ Permissions, ...authored }) => {
    const full = fill(fill(securityGroupTemplate(context), { EcsCount: instanceCountByGroup.get(authored.SecurityGroupId) ?? 0 }), authored);
    const permissions = Permissions.map((rule, index) =>
      fill(permissionTemplate(), {
        SecurityGroupRuleId: `sgr-${authored.SecurityGroupId.slice(3)}${index}`,
        ...rule,
        ...(rule.Priority === undefined ? {} : { Priority: String(rule.Priority) }),
      }),
    );
    return {
      listItem: pick(full, SECURITY_GROUP_LIST_FIELDS),
      attribute: pick(full, SECURITY_GROUP_ATTRIBUTE_FIELDS),
      permissions,
    };
  });

  const diskCountByPolicy = new Map<string, number>();
  for (const disk of region.disks) {
    if (disk.AutoSnapshotPolicyId) diskCountByPolicy.set(disk.AutoSnapshotPolicyId, (diskCountByPolicy.get(disk.AutoSnapshotPolicyId) ?? 0) + 1);
  }
  const disks = region.disks.map((authored) => {
    const attachment = { InstanceId: authored.InstanceId, Device: authored.Type === 'system' ? '/dev/xvda' : '/dev/xvdb', AttachedTime: '2026-01-05T08:01:00Z' };
    const attached: ApiObject = authored.InstanceId
      ? { Status: 'In_use', MountInstanceNum: 1, AttachedTime: attachment.AttachedTime, Device: attachment.Device, Attachments: [attachment] }
      : {};
    const policy: ApiObject = authored.AutoSnapshotPolicyId ? { EnableAutoSnapshot: true, EnableAutomatedSnapshotPolicy: true } : {};
    return fill(fill(diskTemplate(context), { ...attached, ...policy }), authored);
  });

  return {
    instances,
    cloudAssistant,
    cloudAssistantById: new Map(cloudAssistant.map((entry) => [entry.InstanceId as string, entry])),
    securityGroups,
    securityGroupItems: securityGroups.map((group) => group.listItem),
    securityGroupById: new Map(securityGroups.map((group) => [group.listItem.SecurityGroupId as string, group])),
    disks,
    snapshots: region.snapshots.map((authored) => fill(snapshotTemplate(context), authored)),
    autoSnapshotPolicies: region.autoSnapshotPolicies.map((authored) =>
      fill(fill(autoSnapshotPolicyTemplate(context), { DiskNums: diskCountByPolicy.get(authored.AutoSnapshotPolicyId) ?? 0 }), authored),
    ),
    keyPairs: region.keyPairs.map((authored) => fill(keyPairTemplate(), authored)),
    sessionManagerStatus: region.sessionManagerStatus,
  };
}
