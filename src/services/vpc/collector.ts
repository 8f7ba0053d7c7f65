// VPC, per region: VPCs, vSwitches, network ACLs with their entries and bindings, flow logs, EIPs, route
// tables with their route entries.
import { $Vpc } from '../../cloud/sdk.js';
import { forEachRegion, listOrGap, optional, sdkLists, siteOf, type CollectorContext } from '../context.js';
import type { Eip, FlowLog, NetworkAcl, NetworkAclEntry, RouteEntry, RouteTable, Vpc, VSwitch } from './records.js';

// each listing's cap is the maximum of its PageSize in vpc_2016-04-28.api-docs.json
const api = sdkLists('vpc', (clients, region: string) => clients.vpc(region));

export async function collectVpc(ctx: CollectorContext): Promise<void> {
  await forEachRegion(ctx, 'vpc', async (region) => {
    await Promise.all([
      collectVpcs(ctx, region),
      collectVSwitches(ctx, region),
      collectNetworkAcls(ctx, region),
      collectFlowLogs(ctx, region),
      collectEips(ctx, region),
      collectRouteTables(ctx, region),
    ]);
  });
}

const collectVpcs = api.records('vpc.vpc', 'DescribeVpcs', {
  paging: { style: 'pageNumber', cap: 50 },
  page: (client, request, runtime) => client.describeVpcsWithOptions(new $Vpc.DescribeVpcsRequest(request), runtime),
  items: (body) => body.vpcs?.vpc,
  normalize: (vpc, region): Vpc => ({
    id: vpc.vpcId ?? '',
    region,
    name: vpc.vpcName ?? '',
    isDefault: vpc.isDefault === true,
    cidrBlock: vpc.cidrBlock ?? '',
    status: vpc.status ?? '',
    vSwitchIds: vpc.vSwitchIds?.vSwitchId ?? [],
  }),
});

const collectVSwitches = api.records('vpc.vswitch', 'DescribeVSwitches', {
  paging: { style: 'pageNumber', cap: 50 },
  page: (client, request, runtime) => client.describeVSwitchesWithOptions(new $Vpc.DescribeVSwitchesRequest(request), runtime),
  items: (body) => body.vSwitches?.vSwitch,
  normalize: (vSwitch, region): VSwitch => ({
    id: vSwitch.vSwitchId ?? '',
    region,
    name: vSwitch.vSwitchName ?? '',
    vpcId: vSwitch.vpcId ?? '',
    zoneId: vSwitch.zoneId ?? '',
    cidrBlock: vSwitch.cidrBlock ?? '',
    networkAclId: optional(vSwitch.networkAclId),
  }),
});

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

const collectNetworkAcls = api.records('vpc.network-acl', 'DescribeNetworkAcls', {
  paging: { style: 'pageNumber', cap: 50 },
  page: (client, request, runtime) => client.describeNetworkAclsWithOptions(new $Vpc.DescribeNetworkAclsRequest(request), runtime),
  items: (body) => body.networkAcls?.networkAcl,
  normalize: (acl, region): NetworkAcl => ({
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

const collectFlowLogs = api.records('vpc.flow-log', 'DescribeFlowLogs', {
  paging: { style: 'pageNumber', cap: 50 },
  page: (client, request, runtime) => client.describeFlowLogsWithOptions(new $Vpc.DescribeFlowLogsRequest(request), runtime),
  items: (body) => body.flowLogs?.flowLog,
  normalize: (flowLog, region): FlowLog => ({
    id: flowLog.flowLogId ?? '',
    region,
    name: flowLog.flowLogName ?? '',
    status: flowLog.status ?? '',
    resourceType: flowLog.resourceType ?? '',
    resourceId: flowLog.resourceId ?? '',
    trafficType: flowLog.trafficType ?? '',
  }),
});

const collectEips = api.records('vpc.eip', 'DescribeEipAddresses', {
  paging: { style: 'pageNumber', cap: 100 },
  page: (client, request, runtime) => client.describeEipAddressesWithOptions(new $Vpc.DescribeEipAddressesRequest(request), runtime),
  items: (body) => body.eipAddresses?.eipAddress,
  normalize: (eip, region): Eip => ({
    id: eip.allocationId ?? '',
    region,
    ipAddress: eip.ipAddress ?? '',
    status: eip.status ?? '',
    instanceId: optional(eip.instanceId),
    instanceType: optional(eip.instanceType),
  }),
});

/**
 * DescribeRouteEntryList pages by NextToken with MaxResult (singular): vpc_2016-04-28.api-docs.json gives it
 * maximum 500 and default 100 in its schema but "1~100, default 10" in its description; 100 is within both.
 */
const ROUTE_ENTRY_PAGE = 100;

/** The prefix length of a CIDR block; null when the text is not one. */
function prefixLengthOf(cidr: string): number | null {
  const match = /^[0-9a-fA-F:.]+\/(\d{1,3})$/.exec(cidr.trim());
  return match ? Number(match[1]) : null;
}

type RawRouteEntry = NonNullable<NonNullable<InstanceType<typeof $Vpc.DescribeRouteEntryListResponseBody>['routeEntrys']>['routeEntry']>[number];

function normalizeRouteEntry(entry: RawRouteEntry): RouteEntry {
  const destination = (entry.destinationCidrBlock ?? '').trim();
  return {
    id: entry.routeEntryId ?? '',
    name: entry.routeEntryName ?? '',
    destination,
    prefixLength: prefixLengthOf(destination),
    ipVersion: (entry.ipVersion ?? '').toLowerCase(),
    type: entry.type ?? '',
    status: entry.status ?? '',
    nextHops: (entry.nextHops?.nextHop ?? []).map((hop) => ({
      type: hop.nextHopType ?? '',
      id: hop.nextHopId ?? '',
      relatedInstanceId: optional(hop.nextHopRelatedInfo?.instanceId),
      relatedInstanceType: optional(hop.nextHopRelatedInfo?.instanceType),
    })),
  };
}

/** Route tables of the VPC routers (RouterType VRouter, the API's default), each with every route entry. */
async function collectRouteTables(ctx: CollectorContext, region: string): Promise<void> {
  const tables = await api.list(ctx, region, 'DescribeRouteTableList', {
    affects: ['vpc.route-table'],
    paging: { style: 'pageNumber', cap: 50 },
    page: (client, request, runtime) => client.describeRouteTableListWithOptions(new $Vpc.DescribeRouteTableListRequest(request), runtime),
    items: (body) => body.routerTableList?.routerTableListType,
  });
  if (!tables) return;
  const client = ctx.clients.vpc(region);
  const records = await Promise.all(
    tables.map(async (table): Promise<RouteTable> => {
      const id = table.routeTableId ?? '';
      const entries = await listOrGap(
        ctx,
        {
          site: siteOf('vpc')(region, 'DescribeRouteEntryList'),
          affects: ['vpc.route-table'],
          resourceId: id,
          fields: ['entries'],
          paging: { style: 'nextToken', cap: ROUTE_ENTRY_PAGE },
          fetch: async ({ token, size }) => {
            const request = new $Vpc.DescribeRouteEntryListRequest({ regionId: region, routeTableId: id, maxResult: size, nextToken: token });
            const { body } = await client.describeRouteEntryListWithOptions(request, ctx.runtime);
            return { items: body?.routeEntrys?.routeEntry ?? [], next: body?.nextToken ?? null };
          },
        },
        normalizeRouteEntry,
      );
      return {
        id,
        region,
        name: table.routeTableName ?? '',
        vpcId: table.vpcId ?? '',
        type: table.routeTableType ?? '',
        associateType: optional(table.associateType),
        vSwitchIds: table.vSwitchIds?.vSwitchId ?? [],
        status: table.status ?? '',
        ...(entries === undefined ? {} : { entries }),
      };
    }),
  );
  ctx.inventory.add('vpc.route-table', records);
}
