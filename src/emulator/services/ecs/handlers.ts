// ECS 2014-05-26. Page caps and defaults are those of the official API metadata.
// Every answer has the fields of response-examples/ecs_2014-05-26/<Action>.json (the envelopes built here as
// well as the items of ./shapes.ts); tests/emulator-shapes.test.ts compares each with its example.
// DescribeUserBusinessBehavior has no example: its fields are the response schema of
// ecs_2014-05-26.api-docs.json (StatusValue, RequestId), which tests/conformance.test.ts checks.
import { ApiError, invalidParameter } from '../../api-error.js';
import { ecsRegionItem } from './shapes.js';
import { wrap, type ApiObject } from '../../fill.js';
import { global, listPage, regional, whereEq, whereIn, type ActionTable } from '../../rpc/action.js';

const securityGroupNotFound = () =>
  new ApiError(404, 'InvalidSecurityGroupId.NotFound', 'The specified SecurityGroupId does not exist.');

export const ecsActions: ActionTable = {
  DescribeRegions: global(({ account }) => ({
    ...wrap('Regions', 'Region', [...account.regions.values()].map((r) => ecsRegionItem(r.id, r.localName, r.status))),
  })),

  DescribeInstances: regional(({ params }, region) => {
    let items = whereIn(region.instances, 'InstanceId', params.jsonList('InstanceIds'));
    items = whereEq(items, 'InstanceNetworkType', params.get('InstanceNetworkType'));
    const vpcId = params.get('VpcId');
    if (vpcId) items = items.filter((i) => (i.VpcAttributes as ApiObject).VpcId === vpcId);
    const groupId = params.get('SecurityGroupId');
    if (groupId) items = items.filter((i) => ((i.SecurityGroupIds as ApiObject).SecurityGroupId as string[]).includes(groupId));
    return listPage(items, params, { style: 'page-number-or-next-token', max: 100, default: 10, minMaxResults: 10 }, 'Instances', 'Instance');
  }),

  DescribeSecurityGroups: regional(({ params }, region) => {
    let items = whereIn(region.securityGroupItems, 'SecurityGroupId', params.jsonList('SecurityGroupIds'));
    items = whereEq(items, 'SecurityGroupId', params.get('SecurityGroupId'));
    items = whereEq(items, 'VpcId', params.get('VpcId'));
    const page = listPage(items, params, { style: 'page-number-or-next-token', max: 100, maxPageSize: 50, default: 10 }, 'SecurityGroups', 'SecurityGroup');
    return { RegionId: region.id, ...page };
  }),

  DescribeSecurityGroupAttribute: regional(({ params }, region) => {
    const group = region.securityGroupById.get(params.required('SecurityGroupId'));
    if (!group) throw securityGroupNotFound();
    const direction = params.get('Direction') ?? 'all';
    if (!['all', 'ingress', 'egress'].includes(direction)) throw invalidParameter('Direction', direction);
    // NicType (ecs_2014-05-26.api-docs.json, DescribeSecurityGroupAttribute NicType): a classic-network group
    // answers the rules of one NIC type a call, internet (the default) or intranet; a VPC group's rules are
    // all intranet, whatever is asked.
    const nicType = params.get('NicType') || 'internet';
    if (nicType !== 'internet' && nicType !== 'intranet') throw invalidParameter('NicType', nicType);
    const classic = group.attribute.VpcId === '';
    let rules = direction === 'all' ? group.permissions : whereEq(group.permissions, 'Direction', direction);
    if (classic) rules = whereEq(rules, 'NicType', nicType);
    const page = listPage(rules, params, { style: 'next-token', max: 1000, default: 500, minMaxResults: 10 }, 'Permissions', 'Permission');
    return { ...group.attribute, ...page };
  }),

  DescribeDisks: regional(({ params }, region) => {
    let items = whereIn(region.disks, 'DiskId', params.jsonList('DiskIds'));
    items = whereEq(items, 'InstanceId', params.get('InstanceId'));
    const diskType = params.get('DiskType');
    if (diskType && diskType !== 'all') items = whereEq(items, 'Type', diskType);
    return listPage(items, params, { style: 'page-number-or-next-token', max: 500, maxPageSize: 100, default: 10, minMaxResults: 10 }, 'Disks', 'Disk');
  }),

  DescribeSnapshots: regional(({ params }, region) => {
    let items = whereIn(region.snapshots, 'SnapshotId', params.jsonList('SnapshotIds'));
    items = whereEq(items, 'SourceDiskId', params.get('DiskId'));
    return listPage(items, params, { style: 'page-number-or-next-token', max: 100, default: 10 }, 'Snapshots', 'Snapshot');
  }),

  DescribeAutoSnapshotPolicyEx: regional(({ params }, region) => {
    const items = whereEq(region.autoSnapshotPolicies, 'AutoSnapshotPolicyId', params.get('AutoSnapshotPolicyId'));
    return listPage(items, params, { style: 'page-number', max: 100, default: 10 }, 'AutoSnapshotPolicies', 'AutoSnapshotPolicy');
  }),

  DescribeKeyPairs: regional(({ params }, region) => {
    let items = whereEq(region.keyPairs, 'KeyPairName', params.get('KeyPairName'));
    // PublicKey is only returned on request.
    if (params.bool('IncludePublicKey') !== true) items = items.map(({ PublicKey: _omitted, ...rest }) => rest);
    return listPage(items, params, { style: 'page-number', max: 50, default: 10 }, 'KeyPairs', 'KeyPair');
  }),

  DescribeUserBusinessBehavior: regional(({ params }, region) => {
    const statusKey = params.required('statusKey');
    // the one behaviour the emulator models; the API answers others with 403 InvalidParams
    if (statusKey !== 'sessionManagerStatus') throw new ApiError(403, 'InvalidParams', `The specified statusKey is not valid: ${statusKey}.`);
    return { StatusValue: region.sessionManagerStatus };
  }),

  DescribeCloudAssistantStatus: regional(({ params }, region) => {
    const instanceIds = params.repeatList('InstanceId');
    const osType = params.get('OSType');
    if (instanceIds.length > 100) throw invalidParameter('InstanceId', `${instanceIds.length} ids (at most 100)`);
    const wrapper = ['InstanceCloudAssistantStatusSet', 'InstanceCloudAssistantStatus'] as const;
    if (instanceIds.length > 0) {
      // With InstanceId the paging parameters are ignored: every listed instance is answered.
      const items = instanceIds
        .map((id) => region.cloudAssistantById.get(id))
        .filter((entry): entry is ApiObject => entry !== undefined && (osType === undefined || entry.OSType === osType));
      return { TotalCount: items.length, PageNumber: 1, PageSize: items.length, NextToken: '', ...wrap(...wrapper, items) };
    }
    const items = whereEq(region.cloudAssistant, 'OSType', osType);
    return listPage(items, params, { style: 'page-number-or-next-token', max: 50, default: 10 }, ...wrapper);
  }),
};
