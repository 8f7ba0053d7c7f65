// VPC records: the zod schemas are the only definition; the TypeScript types are inferred from them.
import { z } from 'zod';
import { nullableText, text } from '../fields.js';

export const vpc = z.strictObject({
  id: text,
  region: text,
  name: text,
  isDefault: z.boolean(),
  cidrBlock: text,
  status: text,
  vSwitchIds: z.array(text),
});
export type Vpc = z.infer<typeof vpc>;

export const vSwitch = z.strictObject({
  id: text,
  region: text,
  name: text,
  vpcId: text,
  zoneId: text,
  cidrBlock: text,
  networkAclId: nullableText,
});
export type VSwitch = z.infer<typeof vSwitch>;

export const networkAclEntry = z.strictObject({
  id: text,
  name: text,
  /** accept | drop, as the API returns it */
  policy: text,
  protocol: text,
  port: text,
  /** SourceCidrIp for ingress, DestinationCidrIp for egress */
  cidr: text,
  ipVersion: text,
  entryType: text,
});
export type NetworkAclEntry = z.infer<typeof networkAclEntry>;

export const networkAcl = z.strictObject({
  id: text,
  region: text,
  name: text,
  vpcId: text,
  status: text,
  /** entries in evaluation order: the first match decides */
  ingress: z.array(networkAclEntry),
  egress: z.array(networkAclEntry),
  boundResources: z.array(z.strictObject({ id: text, type: text, status: text })),
});
export type NetworkAcl = z.infer<typeof networkAcl>;

export const flowLog = z.strictObject({
  id: text,
  region: text,
  name: text,
  status: text,
  /** VPC | VSwitch | NetworkInterface */
  resourceType: text,
  resourceId: text,
  trafficType: text,
});
export type FlowLog = z.infer<typeof flowLog>;

export const eip = z.strictObject({
  id: text,
  region: text,
  ipAddress: text,
  status: text,
  instanceId: nullableText,
  instanceType: nullableText,
});
export type Eip = z.infer<typeof eip>;

/** A next hop of a route entry (DescribeRouteEntryList NextHops.NextHop). */
export const routeNextHop = z.strictObject({
  /** Instance, HaVip, VpnGateway, NatGateway, NetworkInterface, RouterInterface, IPv6Gateway, Attachment, VpcPeer, Ipv4Gateway, GatewayEndpoint, CenBasic, Ecr, ... */
  type: text,
  id: text,
  /** the instance the hop leads to where the API names it (NextHopRelatedInfo), e.g. a VPC */
  relatedInstanceId: nullableText,
  relatedInstanceType: nullableText,
});

export const routeEntry = z.strictObject({
  id: text,
  name: text,
  /** the destination CIDR block */
  destination: text,
  /** its prefix length (0 for 0.0.0.0/0 and ::/0); null when the destination is not a CIDR block */
  prefixLength: z.number().nullable(),
  /** ipv4 | ipv6 */
  ipVersion: text,
  /** System | Custom | BGP | CEN | ECR */
  type: text,
  status: text,
  nextHops: z.array(routeNextHop),
});
export type RouteEntry = z.infer<typeof routeEntry>;

/** A VPC route table (DescribeRouteTableList, RouterType VRouter) with its route entries. */
export const routeTable = z.strictObject({
  id: text,
  region: text,
  name: text,
  vpcId: text,
  /** System | Custom */
  type: text,
  /** VSwitch | Gateway; null when the table is bound to nothing */
  associateType: nullableText,
  vSwitchIds: z.array(text),
  status: text,
  /** every route entry; undefined when DescribeRouteEntryList failed for the table */
  entries: z.array(routeEntry).optional(),
});
export type RouteTable = z.infer<typeof routeTable>;
