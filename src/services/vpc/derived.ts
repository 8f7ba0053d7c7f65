// VPC's derived fields: the flow logs of a VPC; the peering routes of a route table that leave the peer VPC.
import { z } from 'zod';
import { defineDerivedFields } from '../derived-field.js';
import { recordSchemas } from '../index.js';
import type { FlowLog, RouteEntry, RouteTable, Vpc } from './records.js';

const resourceOf = (flowLog: FlowLog) => [flowLog.resourceId];
const idOf = (vpc: Vpc) => [vpc.id];

/** An IPv4 CIDR block as its network address (32 bits) and prefix length; undefined when it is not one. */
function ipv4Block(cidr: string): { network: number; prefix: number } | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return undefined;
  return { network: octets.reduce((address, octet) => address * 256 + octet, 0), prefix };
}

/** `inner` lies inside `outer` (both IPv4 CIDR blocks). */
function within(inner: { network: number; prefix: number }, outer: { network: number; prefix: number }): boolean {
  const size = 2 ** (32 - outer.prefix);
  return inner.prefix >= outer.prefix && Math.floor(inner.network / size) === Math.floor(outer.network / size);
}

/**
 * The routes through a VPC peering connection (next hop type VpcPeer: CreateRouteEntry NextHopType in
 * vpc_2016-04-28.api-docs.json) whose IPv4 destination is not inside the CIDR block of the peer VPC the
 * hop names (NextHopRelatedInfo InstanceType VPC), where that VPC was collected.
 */
function routesBeyondPeer(entries: readonly RouteEntry[], vpcs: ReadonlyMap<string, readonly Vpc[]>): string[] {
  return entries.flatMap((entry) => {
    const destination = ipv4Block(entry.destination);
    const beyond = entry.nextHops.some((hop) => {
      if (hop.type.toLowerCase() !== 'vpcpeer' || hop.relatedInstanceType?.toLowerCase() !== 'vpc' || hop.relatedInstanceId === null) return false;
      const peer = ipv4Block(vpcs.get(hop.relatedInstanceId)?.[0]?.cidrBlock ?? '');
      return destination !== undefined && peer !== undefined && !within(destination, peer);
    });
    return beyond ? [`${entry.destination} (${entry.id})`] : [];
  });
}

export default defineDerivedFields({
  'vpc.vpc': {
    $flowLogs: {
      summary: 'the flow logs whose resource is this VPC (any status)',
      schema: z.array(recordSchemas['vpc.flow-log']),
      reads: ['vpc.flow-log'],
      derive: (vpc, lookup) =>
        lookup.unlessGap('vpc.flow-log', vpc.region, () =>
          (lookup.grouped('vpc.flow-log', resourceOf).get(vpc.id) ?? []).filter(
            (flowLog) => flowLog.region === vpc.region && flowLog.resourceType.toLowerCase() === 'vpc',
          ),
        ),
    },
  },
  'vpc.route-table': {
    $routesBeyondPeerVpc: {
      summary:
        'the routes through a VPC peering connection whose IPv4 destination is not inside the CIDR block of the peer VPC (NextHopRelatedInfo), for peers in the inventory',
      schema: z.array(z.string()),
      reads: ['vpc.vpc'],
      derive: (table: RouteTable, lookup) =>
        table.entries === undefined
          ? lookup.unknown('the route entries are unknown', { type: 'vpc.route-table', id: table.id, region: table.region })
          : lookup.unlessGap('vpc.vpc', null, () => routesBeyondPeer(table.entries ?? [], lookup.grouped('vpc.vpc', idOf))),
    },
  },
});
