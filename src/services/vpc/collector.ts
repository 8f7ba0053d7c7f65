// VPC, per region: VPCs, vSwitches, network ACLs with their entries and bindings, flow logs, EIPs.
import * as $Vpc from '@alicloud/vpc20160428';
import { collectList, forEachRegion, optional, sdkListing, siteOf, type CollectorContext } from '../context.js';
import type { Eip, FlowLog, NetworkAcl, NetworkAclEntry, Vpc, VSwitch } from './records.js';

const site = siteOf('vpc');

export async function collectVpc(ctx: CollectorContext): Promise<void> {
  await forEachRegion(ctx, 'vpc', async (region) => {
    await Promise.all([
      collectVpcs(ctx, region),
      collectVSwitches(ctx, region),
      collectNetworkAcls(ctx, region),
      collectFlowLogs(ctx, region),
      collectEips(ctx, region),
    ]);
  });
}

function collectVpcs(ctx: CollectorContext, region: string): Promise<void> {
  const client = ctx.clients.vpc(region);
  return collectList(ctx, {
    type: 'vpc.vpc',
    site: site(region, 'DescribeVpcs'),
    ...sdkListing({
      paging: { style: 'pageNumber', cap: 50 },
      page: (params) => client.describeVpcsWithOptions(new $Vpc.DescribeVpcsRequest({ regionId: region, ...params }), ctx.runtime),
      items: (body) => body.vpcs?.vpc,
    }),
    normalize: (vpc): Vpc => ({
      id: vpc.vpcId ?? '',
      region,
      name: vpc.vpcName ?? '',
      isDefault: vpc.isDefault === true,
      cidrBlock: vpc.cidrBlock ?? '',
      status: vpc.status ?? '',
      vSwitchIds: vpc.vSwitchIds?.vSwitchId ?? [],
    }),
  });
}

function collectVSwitches(ctx: CollectorContext, region: string): Promise<void> {
  const client = ctx.clients.vpc(region);
  return collectList(ctx, {
    type: 'vpc.vswitch',
    site: site(region, 'DescribeVSwitches'),
    ...sdkListing({
      paging: { style: 'pageNumber', cap: 50 },
      page: (params) => client.describeVSwitchesWithOptions(new $Vpc.DescribeVSwitchesRequest({ regionId: region, ...params }), ctx.runtime),
      items: (body) => body.vSwitches?.vSwitch,
    }),
    normalize: (vSwitch): VSwitch => ({
      id: vSwitch.vSwitchId ?? '',
      region,
      name: vSwitch.vSwitchName ?? '',
      vpcId: vSwitch.vpcId ?? '',
      zoneId: vSwitch.zoneId ?? '',
      cidrBlock: vSwitch.cidrBlock ?? '',
      networkAclId: optional(vSwitch.networkAclId),
    }),
  });
}

interface RawAclEntry {
  networkAclEntryId?: string;
  networkAclEntryName?: string;
  policy?: string;
  protocol?: string;
  port?: string;
  sourceCidrIp?: string;
  destinationCidrIp?: string;
  ipVersion?: string;
  entryType?: string;
}

function normalizeAclEntry(entry: RawAclEntry): NetworkAclEntry {
  return {
    id: entry.networkAclEntryId ?? '',
    name: (entry.networkAclEntryName ?? '').trim(),
    policy: entry.policy ?? '',
    protocol: entry.protocol ?? '',
    port: (entry.port ?? '').trim(),
    cidr: (entry.sourceCidrIp ?? entry.destinationCidrIp ?? '').trim(),
    ipVersion: entry.ipVersion ?? '',
    entryType: entry.entryType ?? '',
  };
}

function collectNetworkAcls(ctx: CollectorContext, region: string): Promise<void> {
  const client = ctx.clients.vpc(region);
  return collectList(ctx, {
    type: 'vpc.network-acl',
    site: site(region, 'DescribeNetworkAcls'),
    ...sdkListing({
      paging: { style: 'pageNumber', cap: 50 },
      page: (params) => client.describeNetworkAclsWithOptions(new $Vpc.DescribeNetworkAclsRequest({ regionId: region, ...params }), ctx.runtime),
      items: (body) => body.networkAcls?.networkAcl,
    }),
    normalize: (acl): NetworkAcl => ({
      id: acl.networkAclId ?? '',
      region,
      name: acl.networkAclName ?? '',
      vpcId: acl.vpcId ?? '',
      status: acl.status ?? '',
      ingress: (acl.ingressAclEntries?.ingressAclEntry ?? []).map(normalizeAclEntry),
      egress: (acl.egressAclEntries?.egressAclEntry ?? []).map(normalizeAclEntry),
      boundResources: (acl.resources?.resource ?? []).map((resource) => ({
        id: resource.resourceId ?? '',
        type: resource.resourceType ?? '',
        status: resource.status ?? '',
      })),
    }),
  });
}

function collectFlowLogs(ctx: CollectorContext, region: string): Promise<void> {
  const client = ctx.clients.vpc(region);
  return collectList(ctx, {
    type: 'vpc.flow-log',
    site: site(region, 'DescribeFlowLogs'),
    ...sdkListing({
      paging: { style: 'pageNumber', cap: 50 },
      page: (params) => client.describeFlowLogsWithOptions(new $Vpc.DescribeFlowLogsRequest({ regionId: region, ...params }), ctx.runtime),
      items: (body) => body.flowLogs?.flowLog,
    }),
    normalize: (flowLog): FlowLog => ({
      id: flowLog.flowLogId ?? '',
      region,
      name: flowLog.flowLogName ?? '',
      status: flowLog.status ?? '',
      resourceType: flowLog.resourceType ?? '',
      resourceId: flowLog.resourceId ?? '',
      trafficType: flowLog.trafficType ?? '',
    }),
  });
}

function collectEips(ctx: CollectorContext, region: string): Promise<void> {
  const client = ctx.clients.vpc(region);
  return collectList(ctx, {
    type: 'vpc.eip',
    site: site(region, 'DescribeEipAddresses'),
    ...sdkListing({
      paging: { style: 'pageNumber', cap: 100 },
      page: (params) => client.describeEipAddressesWithOptions(new $Vpc.DescribeEipAddressesRequest({ regionId: region, ...params }), ctx.runtime),
      items: (body) => body.eipAddresses?.eipAddress,
    }),
    normalize: (eip): Eip => ({
      id: eip.allocationId ?? '',
      region,
      ipAddress: eip.ipAddress ?? '',
      status: eip.status ?? '',
      instanceId: optional(eip.instanceId),
      instanceType: optional(eip.instanceType),
    }),
  });
}
