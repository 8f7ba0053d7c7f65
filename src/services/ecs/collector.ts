// ECS, per region: instances, security groups with all their rules, disks, snapshots, automatic snapshot
// policies, key pairs, Cloud Assistant status and the Session Manager switch. Knows the API, nothing about rules.
import type { DescribeInstancesResponseBodyInstancesInstance, DescribeSecurityGroupAttributeResponseBodyPermissionsPermission } from '@alicloud/ecs20140526';
import { $Ecs } from '../../cloud/sdk.js';
import { callOrGap, forEachRegion, optional, sdkLists, siteOf, tagsOf, type CollectorContext } from '../context.js';
import type { Disk, EcsInstance, KeyPair, SecurityGroup, SecurityGroupRule, Snapshot, SnapshotPolicy } from './records.js';

const site = siteOf('ecs');
// each listing's cap is the maximum of its MaxResults (NextToken listings) or PageSize in ecs_2014-05-26.api-docs.json
const api = sdkLists('ecs', (clients, region: string) => clients.ecs(region));

/**
 * DescribeSecurityGroupAttribute NicType (ecs_2014-05-26.api-docs.json): a classic-network group answers one
 * NIC type a call, internet (the default) or intranet, "query all types in two calls"; a VPC group's are intranet.
 */
type NicType = 'internet' | 'intranet';
const CLASSIC_NIC_TYPES: readonly NicType[] = ['internet', 'intranet'];

/**
 * ECS DescribeRegions: every region of the account. Its Status says whether the region is sold out for new
 * purchases ("available" / "soldOut", ecs_2014-05-26.api-docs.json DescribeRegions Regions.Region[].Status),
 * not whether the account may use it: a sold-out region still holds resources to audit, so none is dropped.
 */
export async function discoverRegions(ctx: Pick<CollectorContext, 'clients' | 'caller' | 'runtime'>): Promise<string[]> {
  const response = await ctx.caller.call({ service: 'ecs', region: null, action: 'DescribeRegions' }, () =>
    ctx.clients.ecs('cn-hangzhou').describeRegionsWithOptions(new $Ecs.DescribeRegionsRequest({ acceptLanguage: 'en-US' }), ctx.runtime),
  );
  return (response.body?.regions?.region ?? [])
    .map((region) => region.regionId)
    .filter((id): id is string => typeof id === 'string' && id !== '')
    .sort();
}

export async function collectEcs(ctx: CollectorContext): Promise<void> {
  await forEachRegion(ctx, 'ecs', async (region) => {
    await Promise.all([
      collectInstances(ctx, region),
      collectSecurityGroups(ctx, region),
      collectDisks(ctx, region),
      collectSnapshots(ctx, region),
      collectSnapshotPolicies(ctx, region),
      collectKeyPairs(ctx, region),
      collectRegionSetting(ctx, region),
    ]);
  });
}

async function collectInstances(ctx: CollectorContext, region: string): Promise<void> {
  const [instances, assistant] = await Promise.all([
    api.list(ctx, region, 'DescribeInstances', {
      affects: ['ecs.instance'],
      paging: { style: 'nextToken', cap: 100 },
      page: (client, request, runtime) => client.describeInstancesWithOptions(new $Ecs.DescribeInstancesRequest(request), runtime),
      items: (body) => body.instances?.instance,
    }, (instance) => normalizeInstance(instance, region)),
    api.list(ctx, region, 'DescribeCloudAssistantStatus', {
      affects: ['ecs.instance'],
      fields: ['cloudAssistant'],
      paging: { style: 'nextToken', cap: 50 },
      page: (client, request, runtime) => client.describeCloudAssistantStatusWithOptions(new $Ecs.DescribeCloudAssistantStatusRequest(request), runtime),
      items: (body) => body.instanceCloudAssistantStatusSet?.instanceCloudAssistantStatus,
    }, (status) => ({
      instanceId: status.instanceId,
      agent: {
        installed: status.cloudAssistantStatus === 'true',
        version: optional(status.cloudAssistantVersion),
        lastHeartbeatAt: optional(status.lastHeartbeatTime),
        supportsSessionManager: status.supportSessionManager === true,
      },
    })),
  ]);
  if (!instances) return;
  const assistantById = new Map((assistant ?? []).map((status) => [status.instanceId, status.agent]));
  for (const instance of instances) {
    // the status listing failed: unknown; it succeeded without this instance: no agent
    instance.cloudAssistant = assistant === undefined ? undefined : (assistantById.get(instance.id) ?? null);
  }
  ctx.inventory.add('ecs.instance', instances);
}

/** An instance as the listing gives it; its Cloud Assistant agent comes from another listing. */
function normalizeInstance(instance: DescribeInstancesResponseBodyInstancesInstance, region: string): EcsInstance {
  const id = instance.instanceId ?? '';
  const eip = optional(instance.eipAddress?.ipAddress);
  return {
    id,
    region,
    name: instance.instanceName ?? '',
    status: instance.status ?? '',
    zoneId: instance.zoneId ?? '',
    instanceType: instance.instanceType ?? '',
    osName: instance.OSNameEn || instance.OSName || '',
    osType: (instance.OSType ?? '').toLowerCase(),
    imageId: instance.imageId ?? '',
    networkType: (instance.instanceNetworkType ?? '').toLowerCase(),
    vpcId: optional(instance.vpcAttributes?.vpcId),
    vSwitchId: optional(instance.vpcAttributes?.vSwitchId),
    privateIps: [
      ...(instance.vpcAttributes?.privateIpAddress?.ipAddress ?? []),
      ...(instance.innerIpAddress?.ipAddress ?? []),
    ].filter((ip) => ip !== ''),
    publicIps: [...(instance.publicIpAddress?.ipAddress ?? []), ...(eip ? [eip] : [])].filter((ip) => ip !== ''),
    eipAllocationId: optional(instance.eipAddress?.allocationId),
    securityGroupIds: instance.securityGroupIds?.securityGroupId ?? [],
    keyPairName: optional(instance.keyPairName),
    metadata: {
      httpEndpoint: optional(instance.metadataOptions?.httpEndpoint),
      httpTokens: optional(instance.metadataOptions?.httpTokens),
    },
    // set once the status listing is in (kept here for the record's key order)
    cloudAssistant: undefined,
    createdAt: optional(instance.creationTime),
    tags: tagsOf(instance.tags?.tag),
  };
}

async function collectSecurityGroups(ctx: CollectorContext, region: string): Promise<void> {
  const groups = await api.list(ctx, region, 'DescribeSecurityGroups', {
    affects: ['ecs.security-group'],
    paging: { style: 'nextToken', cap: 100 },
    page: (client, request, runtime) => client.describeSecurityGroupsWithOptions(new $Ecs.DescribeSecurityGroupsRequest(request), runtime),
    items: (body) => body.securityGroups?.securityGroup,
  });
  if (!groups) return;
  const records = await Promise.all(
    groups.map(async (group): Promise<SecurityGroup> => {
      const id = group.securityGroupId ?? '';
      const listRules = (nicType: NicType | undefined) =>
        api.list(ctx, region, 'DescribeSecurityGroupAttribute', {
          affects: ['ecs.security-group'],
          resourceId: id,
          paging: { style: 'nextToken', cap: 1000 },
          page: (client, request, runtime) =>
            client.describeSecurityGroupAttributeWithOptions(
              new $Ecs.DescribeSecurityGroupAttributeRequest({ ...request, securityGroupId: id, direction: 'all', nicType }),
              runtime,
            ),
          items: (body) => body.permissions?.permission,
        });
      // a classic-network group (no VpcId) needs one call per NIC type; a VPC group's rules are all intranet
      const lists = await Promise.all(optional(group.vpcId) === null ? CLASSIC_NIC_TYPES.map(listRules) : [listRules(undefined)]);
      const rules = lists.some((list) => list === undefined) ? undefined : lists.flatMap((list) => list ?? []);
      return {
        id,
        region,
        name: group.securityGroupName ?? '',
        vpcId: optional(group.vpcId),
        type: group.securityGroupType ?? 'normal',
        serviceManaged: group.serviceManaged === true,
        ...(rules === undefined ? {} : { rules: rules.map(normalizeRule) }),
        createdAt: optional(group.creationTime),
        tags: tagsOf(group.tags?.tag),
      };
    }),
  );
  ctx.inventory.add('ecs.security-group', records);
}

function normalizeRule(rule: DescribeSecurityGroupAttributeResponseBodyPermissionsPermission): SecurityGroupRule {
  const priority = Number.parseInt(rule.priority ?? '', 10);
  return {
    id: rule.securityGroupRuleId ?? '',
    direction: rule.direction ?? '',
    policy: rule.policy ?? '',
    // Alibaba's default priority is 1 when none is given
    priority: Number.isFinite(priority) ? priority : 1,
    ipProtocol: rule.ipProtocol ?? '',
    portRange: rule.portRange ?? '',
    sourceCidrIp: optional(rule.sourceCidrIp),
    ipv6SourceCidrIp: optional(rule.ipv6SourceCidrIp),
    sourceGroupId: optional(rule.sourceGroupId),
    sourcePrefixListId: optional(rule.sourcePrefixListId),
    destCidrIp: optional(rule.destCidrIp),
    ipv6DestCidrIp: optional(rule.ipv6DestCidrIp),
    destGroupId: optional(rule.destGroupId),
    destPrefixListId: optional(rule.destPrefixListId),
    nicType: optional(rule.nicType),
    description: rule.description ?? '',
  };
}

const collectDisks = api.records('ecs.disk', 'DescribeDisks', {
  paging: { style: 'nextToken', cap: 500 },
  page: (client, request, runtime) => client.describeDisksWithOptions(new $Ecs.DescribeDisksRequest(request), runtime),
  items: (body) => body.disks?.disk,
  normalize: (disk, region): Disk => ({
    id: disk.diskId ?? '',
    region,
    name: disk.diskName ?? '',
    category: disk.category ?? '',
    type: disk.type ?? '',
    sizeGiB: disk.size ?? 0,
    status: disk.status ?? '',
    encrypted: disk.encrypted === true,
    kmsKeyId: optional(disk.KMSKeyId),
    instanceId: optional(disk.instanceId),
    autoSnapshotPolicyId: optional(disk.autoSnapshotPolicyId),
    createdAt: optional(disk.creationTime),
    tags: tagsOf(disk.tags?.tag),
  }),
});

const collectSnapshots = api.records('ecs.snapshot', 'DescribeSnapshots', {
  paging: { style: 'nextToken', cap: 100 },
  page: (client, request, runtime) => client.describeSnapshotsWithOptions(new $Ecs.DescribeSnapshotsRequest(request), runtime),
  items: (body) => body.snapshots?.snapshot,
  normalize: (snapshot, region): Snapshot => ({
    id: snapshot.snapshotId ?? '',
    region,
    name: snapshot.snapshotName ?? '',
    sourceDiskId: optional(snapshot.sourceDiskId),
    encrypted: snapshot.encrypted === true,
    status: snapshot.status ?? '',
    createdAt: optional(snapshot.creationTime),
    retentionDays: snapshot.retentionDays ?? null,
  }),
});

const collectSnapshotPolicies = api.records('ecs.snapshot-policy', 'DescribeAutoSnapshotPolicyEx', {
  paging: { style: 'pageNumber', cap: 100 },
  page: (client, request, runtime) => client.describeAutoSnapshotPolicyExWithOptions(new $Ecs.DescribeAutoSnapshotPolicyExRequest(request), runtime),
  items: (body) => body.autoSnapshotPolicies?.autoSnapshotPolicy,
  normalize: (policy, region): SnapshotPolicy => ({
    id: policy.autoSnapshotPolicyId ?? '',
    region,
    name: policy.autoSnapshotPolicyName ?? '',
    status: policy.status ?? '',
    retentionDays: policy.retentionDays ?? -1,
    timePoints: parseJsonList(policy.timePoints),
    repeatWeekdays: parseJsonList(policy.repeatWeekdays),
    diskCount: policy.diskNums ?? 0,
  }),
});

const collectKeyPairs = api.records('ecs.key-pair', 'DescribeKeyPairs', {
  paging: { style: 'pageNumber', cap: 50 },
  page: (client, request, runtime) => client.describeKeyPairsWithOptions(new $Ecs.DescribeKeyPairsRequest(request), runtime),
  items: (body) => body.keyPairs?.keyPair,
  normalize: (keyPair, region): KeyPair => ({
    id: keyPair.keyPairName ?? '',
    region,
    fingerprint: keyPair.keyPairFingerPrint ?? '',
    createdAt: optional(keyPair.creationTime),
  }),
});

/** The Session Manager switch: a per-region user business behaviour (DescribeUserBusinessBehavior, no newer API). */
async function collectRegionSetting(ctx: CollectorContext, region: string): Promise<void> {
  const response = await callOrGap(ctx, { site: site(region, 'DescribeUserBusinessBehavior'), affects: ['ecs.region-setting'] }, () =>
    ctx.clients
      .ecs(region)
      .describeUserBusinessBehaviorWithOptions(
        new $Ecs.DescribeUserBusinessBehaviorRequest({ regionId: region, statusKey: 'sessionManagerStatus' }),
        ctx.runtime,
      ),
  );
  if (!response) return;
  ctx.inventory.add('ecs.region-setting', [
    { id: region, region, sessionManagerEnabled: response.body?.statusValue?.toLowerCase() === 'enabled' },
  ]);
}

/** TimePoints / RepeatWeekdays come as JSON-encoded string lists, e.g. "[\"1\",\"13\"]". */
function parseJsonList(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
  } catch {
    return value.split(',').map((part) => part.trim()).filter(Boolean);
  }
}
