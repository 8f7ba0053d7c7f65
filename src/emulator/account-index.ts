// The account model turned, once at start, into the full API items each region and service serves,
// with lookups by id. Requests then only filter and slice these arrays, so a 10,000-instance account
// costs one build, not one per page.
import type { AccountModel, RamGroupModel, RamPolicyModel, RamRoleModel, RamUserModel, RegionModel, TrailModel } from './account-model.js';
import { fill, type ApiObject, type ShapeContext } from './shapes/fill.js';
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
} from './shapes/ecs.js';
import {
  aclResourceTemplate,
  egressAclEntryTemplate,
  eipTemplate,
  flowLogTemplate,
  ingressAclEntryTemplate,
  networkAclTemplate,
  vSwitchTemplate,
  vpcTemplate,
} from './shapes/vpc.js';
import { createHash } from 'node:crypto';
import { trailStatusTemplate, trailTemplate } from './shapes/actiontrail.js';
import { aliasArn, keyArn, keyMetadataTemplate } from './shapes/kms.js';
import { cloudCenterInstanceTemplate, freeVersionConfig, versionConfigTemplate, vulRecordTemplate } from './shapes/sas.js';
import { imsSecurityPreferenceTemplate } from './shapes/ram.js';

/** A security group as both list APIs see it. */
export interface IndexedSecurityGroup {
  listItem: ApiObject;
  attribute: ApiObject;
  permissions: ApiObject[];
}

export interface RegionIndex {
  id: string;
  localName: string;
  /** DescribeRegions Status: available or soldOut */
  status: 'available' | 'soldOut';
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
  vpcs: ApiObject[];
  vSwitches: ApiObject[];
  networkAcls: ApiObject[];
  flowLogs: ApiObject[];
  eips: ApiObject[];
  /** DescribeKey KeyMetadata of every key */
  kmsKeys: ApiObject[];
  /** by KeyId, alias name and ARN: what DescribeKey accepts */
  kmsKeyByReference: Map<string, ApiObject>;
  /** ListAliases items */
  kmsAliases: ApiObject[];
  sessionManagerStatus: 'enabled' | 'disabled';
}

/** An activated Security Center: what its APIs answer, for every region of the account. */
export interface SecurityCenterIndex {
  versionConfig: ApiObject;
  /** DescribeCloudCenterInstances items (each with its RegionId) */
  assets: ApiObject[];
  /** DescribeVulList records, fixed and unfixed */
  vulnerabilities: ApiObject[];
}

export interface PolicyAttachments {
  users: { user: RamUserModel; index: number }[];
  groups: RamGroupModel[];
  roles: RamRoleModel[];
}

export interface RamIndex {
  users: RamUserModel[];
  userByName: Map<string, RamUserModel>;
  groups: RamGroupModel[];
  groupByName: Map<string, RamGroupModel>;
  membersOfGroup: Map<string, RamUserModel[]>;
  roles: RamRoleModel[];
  /** role names are case-insensitive in ARNs */
  roleByLowerName: Map<string, RamRoleModel>;
  policies: RamPolicyModel[];
  policyByName: Map<string, RamPolicyModel>;
  attachmentsOfPolicy: Map<string, PolicyAttachments>;
  securityPreference: ApiObject;
}

export interface IndexedTrail {
  item: ApiObject;
  status: ApiObject;
}

export interface AccountIndex {
  model: AccountModel;
  accountId: string;
  regions: Map<string, RegionIndex>;
  ram: RamIndex;
  trails: IndexedTrail[];
  trailByName: Map<string, IndexedTrail>;
  /** null: Security Center is not activated */
  securityCenter: SecurityCenterIndex;
  /** is `service:Action` denied to every caller in this region (null: a global API)? */
  isDenied(ramAction: string, region: string | null): boolean;
}

export function indexAccount(model: AccountModel): AccountIndex {
  const regions = new Map(
    Object.entries(model.regions).map(([id, region]) => [id, indexRegion(id, region, model.accountId)]),
  );
  const trails = model.trails.map((trail) => indexTrail(trail, model.accountId));
  return {
    model,
    accountId: model.accountId,
    regions,
    ram: indexRam(model),
    trails,
    trailByName: new Map(trails.map((trail) => [trail.item.Name as string, trail])),
    securityCenter: indexSecurityCenter(model),
    isDenied: denialsOf(model.deniedActions),
  };
}

function byKey<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function indexRegion(id: string, region: RegionModel, accountId: string): RegionIndex {
  const context: ShapeContext = { accountId, regionId: id };
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

  const vSwitchesByVpc = byKey(region.vSwitches, (v) => v.VpcId);
  const aclByVSwitch = new Map(
    region.networkAcls.flatMap((acl) => acl.Resources.map((bound) => [bound.ResourceId, acl.NetworkAclId] as const)),
  );

  const kmsKeys = region.kmsKeys.map(({ Aliases: _aliases, ...authored }) =>
    fill(fill(keyMetadataTemplate(), { Arn: keyArn(context, authored.KeyId), Creator: accountId }), authored),
  );
  const kmsAliases = region.kmsKeys.flatMap((key) =>
    key.Aliases.map((name) => ({ AliasName: name, AliasArn: aliasArn(context, name), KeyId: key.KeyId })),
  );

  return {
    id,
    localName: region.localName ?? id,
    status: region.status,
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
    vpcs: region.vpcs.map((authored) =>
      fill(fill(vpcTemplate(context), { VSwitchIds: (vSwitchesByVpc.get(authored.VpcId) ?? []).map((v) => v.VSwitchId) }), authored),
    ),
    vSwitches: region.vSwitches.map((authored) =>
      fill(fill(vSwitchTemplate(context), { NetworkAclId: aclByVSwitch.get(authored.VSwitchId) ?? '' }), authored),
    ),
    networkAcls: region.networkAcls.map(({ IngressAclEntries, EgressAclEntries, Resources, ...authored }) =>
      fill(networkAclTemplate(context), {
        ...authored,
        IngressAclEntries: IngressAclEntries.map((entry, i) => fill(ingressAclEntryTemplate(), { NetworkAclEntryId: `nae-${authored.NetworkAclId.slice(5)}i${i}`, ...entry })),
        EgressAclEntries: EgressAclEntries.map((entry, i) => fill(egressAclEntryTemplate(), { NetworkAclEntryId: `nae-${authored.NetworkAclId.slice(5)}e${i}`, ...entry })),
        Resources: Resources.map((bound) => fill(aclResourceTemplate(), bound)),
      }),
    ),
    flowLogs: region.flowLogs.map((authored) => fill(flowLogTemplate(context), authored)),
    eips: region.eips.map((authored) => {
      const bound: ApiObject = authored.InstanceId ? { Status: 'InUse', InstanceType: 'EcsInstance', InstanceRegionId: id } : {};
      return fill(fill(eipTemplate(context), bound), authored);
    }),
    kmsKeys,
    kmsKeyByReference: new Map([
      ...kmsKeys.flatMap((key) => [[key.KeyId as string, key] as const, [key.Arn as string, key] as const]),
      ...kmsAliases.map((alias) => [alias.AliasName, kmsKeys.find((key) => key.KeyId === alias.KeyId)!] as const),
    ]),
    kmsAliases,
    sessionManagerStatus: region.sessionManagerStatus,
  };
}

/** A stable, UUID-shaped agent id per instance, as Security Center gives each asset. */
function agentUuid(instanceId: string): string {
  const hex = createHash('sha256').update(instanceId).digest('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join('-');
}

function indexSecurityCenter(model: AccountModel): SecurityCenterIndex {
  const assets: ApiObject[] = [];
  const vulnerabilities: ApiObject[] = [];
  for (const [regionId, region] of Object.entries(model.regions)) {
    for (const instance of region.instances) {
      if (!instance.SecurityCenter) continue;
      const { Vulnerabilities, ...authored } = instance.SecurityCenter;
      const asset = fill(
        fill(cloudCenterInstanceTemplate({ accountId: model.accountId, regionId }), {
          Uuid: agentUuid(instance.InstanceId),
          InstanceId: instance.InstanceId,
          InstanceName: instance.InstanceId,
          Os: instance.OSType,
          OsName: instance.OSName,
          IntranetIp: instance.VpcAttributes?.PrivateIpAddress?.[0] ?? '',
          VpcInstanceId: instance.VpcAttributes?.VpcId ?? '',
          VulCount: Vulnerabilities.length,
          VulStatus: Vulnerabilities.length > 0 ? 'YES' : 'NO',
        }),
        authored,
      );
      assets.push(asset);
      for (const vulnerability of Vulnerabilities) {
        vulnerabilities.push(
          fill(
            fill(vulRecordTemplate(), {
              Uuid: asset.Uuid,
              InstanceId: instance.InstanceId,
              InstanceName: asset.InstanceName,
              RegionId: regionId,
              OsName: instance.OSName,
              Online: asset.ClientStatus === 'online',
            }),
            vulnerability,
          ),
        );
      }
    }
  }
  const versionConfig = model.securityCenter === null ? freeVersionConfig() : fill(versionConfigTemplate(), model.securityCenter);
  return { versionConfig, assets, vulnerabilities };
}

function pick(source: ApiObject, fields: readonly string[]): ApiObject {
  return Object.fromEntries(fields.map((field) => [field, source[field]]));
}

function indexRam(model: AccountModel): RamIndex {
  const { users, groups, roles, policies } = model.ram;
  const attachmentsOfPolicy = new Map<string, PolicyAttachments>(
    policies.map((policy) => [policy.PolicyName, { users: [], groups: [], roles: [] }]),
  );
  users.forEach((user, index) => user.Policies.forEach((name) => attachmentsOfPolicy.get(name)!.users.push({ user, index })));
  groups.forEach((group) => group.Policies.forEach((name) => attachmentsOfPolicy.get(name)!.groups.push(group)));
  roles.forEach((role) => role.Policies.forEach((name) => attachmentsOfPolicy.get(name)!.roles.push(role)));
  const membersOfGroup = new Map<string, RamUserModel[]>(groups.map((group) => [group.GroupName, []]));
  for (const user of users) for (const name of user.Groups) membersOfGroup.get(name)!.push(user);
  return {
    users,
    userByName: new Map(users.map((user) => [user.UserName, user])),
    groups,
    groupByName: new Map(groups.map((group) => [group.GroupName, group])),
    membersOfGroup,
    roles,
    roleByLowerName: new Map(roles.map((role) => [role.RoleName.toLowerCase(), role])),
    policies,
    policyByName: new Map(policies.map((policy) => [policy.PolicyName, policy])),
    attachmentsOfPolicy,
    securityPreference: fill(imsSecurityPreferenceTemplate(), model.ram.securityPreference),
  };
}

function indexTrail({ TrailStatus, ...authored }: TrailModel, accountId: string): IndexedTrail {
  const item = fill(
    fill(trailTemplate(), {
      Region: authored.HomeRegion,
      TrailArn: `acs:actiontrail:${authored.HomeRegion}:${accountId}:trail/${authored.Name}`,
    }),
    authored,
  );
  const status = fill(fill(trailStatusTemplate(), { IsLogging: item.Status === 'Enable' }), TrailStatus ?? {});
  return { item, status };
}

function denialsOf(denied: AccountModel['deniedActions']): AccountIndex['isDenied'] {
  const everywhere = new Set<string>();
  const inRegions = new Map<string, Set<string>>();
  for (const entry of denied) {
    if (typeof entry === 'string') everywhere.add(entry);
    else inRegions.set(entry.action, new Set([...(inRegions.get(entry.action) ?? []), ...entry.regions]));
  }
  return (ramAction, region) =>
    everywhere.has(ramAction) || (region !== null && (inRegions.get(ramAction)?.has(region) ?? false));
}
