// VPC, per region: VPCs, vSwitches, network ACLs with their entries and bindings, flow logs, EIPs.
import { $Vpc } from '../cloud/sdk.js';
import type { CallSite } from '../cloud/api-error.js';
import type { Eip, FlowLog, NetworkAcl, NetworkAclEntry, Vpc, VSwitch } from '../inventory/types.js';
import { collectList, forEachRegion, optional, type CollectorContext } from './context.js';

const site = (region: string, action: string): CallSite => ({ service: 'vpc', region, action });

/** DescribeNetworkAcls and DescribeFlowLogs return their paging numbers as strings. */
const count = (value: string | number | undefined): number | undefined =>
  value === undefined || value === '' ? undefined : Number(value);

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
    paging: { style: 'pageNumber', cap: 50 },
    fetch: async ({ pageNumber, size }) => {
      const { body } = await client.describeVpcsWithOptions(
        new $Vpc.DescribeVpcsRequest({ regionId: region, pageNumber, pageSize: size }),
        ctx.runtime,
      );
      return { items: body?.vpcs?.vpc ?? [], totalCount: body?.totalCount };
    },
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
    paging: { style: 'pageNumber', cap: 50 },
    fetch: async ({ pageNumber, size }) => {
      const { body } = await client.describeVSwitchesWithOptions(
        new $Vpc.DescribeVSwitchesRequest({ regionId: region, pageNumber, pageSize: size }),
        ctx.runtime,
      );
      return { items: body?.vSwitches?.vSwitch ?? [], totalCount: body?.totalCount };
    },
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
    paging: { style: 'pageNumber', cap: 50 },
    fetch: async ({ pageNumber, size }) => {
      const { body } = await client.describeNetworkAclsWithOptions(
        new $Vpc.DescribeNetworkAclsRequest({ regionId: region, pageNumber, pageSize: size }),
        ctx.runtime,
      );
      return { items: body?.networkAcls?.networkAcl ?? [], totalCount: count(body?.totalCount) };
    },
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
    paging: { style: 'pageNumber', cap: 50 },
    fetch: async ({ pageNumber, size }) => {
      const { body } = await client.describeFlowLogsWithOptions(
        new $Vpc.DescribeFlowLogsRequest({ regionId: region, pageNumber, pageSize: size }),
        ctx.runtime,
      );
      return { items: body?.flowLogs?.flowLog ?? [], totalCount: count(body?.totalCount) };
    },
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
    paging: { style: 'pageNumber', cap: 100 },
    fetch: async ({ pageNumber, size }) => {
      const { body } = await client.describeEipAddressesWithOptions(
        new $Vpc.DescribeEipAddressesRequest({ regionId: region, pageNumber, pageSize: size }),
        ctx.runtime,
      );
      return { items: body?.eipAddresses?.eipAddress ?? [], totalCount: body?.totalCount };
    },
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
