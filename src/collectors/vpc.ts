// VPC, per region: VPCs, vSwitches, network ACLs with their entries and bindings, flow logs, EIPs.
import * as $Vpc from '@alicloud/vpc20160428';
import type { CallSite } from '../cloud/api-error.js';
import type { Eip, FlowLog, NetworkAcl, NetworkAclEntry, Vpc, VSwitch } from '../inventory/types.js';
import { forEachRegion, listOrGap, optional, type CollectorContext } from './context.js';

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

async function collectVpcs(ctx: CollectorContext, region: string): Promise<void> {
  const client = ctx.clients.vpc(region);
  const vpcs = await listOrGap(ctx, {
    site: site(region, 'DescribeVpcs'),
    affects: ['vpc.vpc'],
    paging: { style: 'pageNumber', cap: 50 },
    fetch: async ({ pageNumber, size }) => {
      const { body } = await client.describeVpcsWithOptions(
        new $Vpc.DescribeVpcsRequest({ regionId: region, pageNumber, pageSize: size }),
        ctx.runtime,
      );
      return { items: body?.vpcs?.vpc ?? [], totalCount: body?.totalCount };
    },
  });
  if (!vpcs) return;
  ctx.inventory.add(
    'vpc.vpc',
    vpcs.map(
      (vpc): Vpc => ({
        id: vpc.vpcId ?? '',
        region,
        name: vpc.vpcName ?? '',
        isDefault: vpc.isDefault === true,
        cidrBlock: vpc.cidrBlock ?? '',
        status: vpc.status ?? '',
        vSwitchIds: vpc.vSwitchIds?.vSwitchId ?? [],
      }),
    ),
  );
}

async function collectVSwitches(ctx: CollectorContext, region: string): Promise<void> {
  const client = ctx.clients.vpc(region);
  const vSwitches = await listOrGap(ctx, {
    site: site(region, 'DescribeVSwitches'),
    affects: ['vpc.vswitch'],
    paging: { style: 'pageNumber', cap: 50 },
    fetch: async ({ pageNumber, size }) => {
      const { body } = await client.describeVSwitchesWithOptions(
        new $Vpc.DescribeVSwitchesRequest({ regionId: region, pageNumber, pageSize: size }),
        ctx.runtime,
      );
      return { items: body?.vSwitches?.vSwitch ?? [], totalCount: body?.totalCount };
    },
  });
  if (!vSwitches) return;
  ctx.inventory.add(
    'vpc.vswitch',
    vSwitches.map(
      (vSwitch): VSwitch => ({
        id: vSwitch.vSwitchId ?? '',
        region,
        name: vSwitch.vSwitchName ?? '',
        vpcId: vSwitch.vpcId ?? '',
        zoneId: vSwitch.zoneId ?? '',
        cidrBlock: vSwitch.cidrBlock ?? '',
        networkAclId: optional(vSwitch.networkAclId),
      }),
    ),
  );
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

async function collectNetworkAcls(ctx: CollectorContext, region: string): Promise<void> {
  const client = ctx.clients.vpc(region);
  const acls = await listOrGap(ctx, {
    site: site(region, 'DescribeNetworkAcls'),
    affects: ['vpc.network-acl'],
    paging: { style: 'pageNumber', cap: 50 },
    fetch: async ({ pageNumber, size }) => {
      const { body } = await client.describeNetworkAclsWithOptions(
        new $Vpc.DescribeNetworkAclsRequest({ regionId: region, pageNumber, pageSize: size }),
        ctx.runtime,
      );
      return { items: body?.networkAcls?.networkAcl ?? [], totalCount: count(body?.totalCount) };
    },
  });
  if (!acls) return;
  ctx.inventory.add(
    'vpc.network-acl',
    acls.map(
      (acl): NetworkAcl => ({
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
    ),
  );
}

async function collectFlowLogs(ctx: CollectorContext, region: string): Promise<void> {
  const client = ctx.clients.vpc(region);
  const flowLogs = await listOrGap(ctx, {
    site: site(region, 'DescribeFlowLogs'),
    affects: ['vpc.flow-log'],
    paging: { style: 'pageNumber', cap: 50 },
    fetch: async ({ pageNumber, size }) => {
      const { body } = await client.describeFlowLogsWithOptions(
        new $Vpc.DescribeFlowLogsRequest({ regionId: region, pageNumber, pageSize: size }),
        ctx.runtime,
      );
      return { items: body?.flowLogs?.flowLog ?? [], totalCount: count(body?.totalCount) };
    },
  });
  if (!flowLogs) return;
  ctx.inventory.add(
    'vpc.flow-log',
    flowLogs.map(
      (flowLog): FlowLog => ({
        id: flowLog.flowLogId ?? '',
        region,
        name: flowLog.flowLogName ?? '',
        status: flowLog.status ?? '',
        resourceType: flowLog.resourceType ?? '',
        resourceId: flowLog.resourceId ?? '',
        trafficType: flowLog.trafficType ?? '',
      }),
    ),
  );
}

async function collectEips(ctx: CollectorContext, region: string): Promise<void> {
  const client = ctx.clients.vpc(region);
  const eips = await listOrGap(ctx, {
    site: site(region, 'DescribeEipAddresses'),
    affects: ['vpc.eip'],
    paging: { style: 'pageNumber', cap: 100 },
    fetch: async ({ pageNumber, size }) => {
      const { body } = await client.describeEipAddressesWithOptions(
        new $Vpc.DescribeEipAddressesRequest({ regionId: region, pageNumber, pageSize: size }),
        ctx.runtime,
      );
      return { items: body?.eipAddresses?.eipAddress ?? [], totalCount: body?.totalCount };
    },
  });
  if (!eips) return;
  ctx.inventory.add(
    'vpc.eip',
    eips.map(
      (eip): Eip => ({
        id: eip.allocationId ?? '',
        region,
        ipAddress: eip.ipAddress ?? '',
        status: eip.status ?? '',
        instanceId: optional(eip.instanceId),
        instanceType: optional(eip.instanceType),
      }),
    ),
  );
}
