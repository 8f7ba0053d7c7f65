// VPC's slice of the account model: the networks of each region, in the VPC API's own fields.
import { z } from 'zod';
import { idWithPrefix, resource, type Expect } from '../../model-fields.js';
import type { EcsRegionModel } from '../ecs/model.js';
import {
  aclResourceTemplate,
  egressAclEntryTemplate,
  eipTemplate,
  flowLogTemplate,
  ingressAclEntryTemplate,
  networkAclTemplate,
  nextHopTemplate,
  routeEntryTemplate,
  routeTableTemplate,
  vSwitchTemplate,
  vpcTemplate,
} from './shapes.js';

const vpcSchema = resource(vpcTemplate, { VpcId: idWithPrefix('vpc-') });
const vSwitchSchema = resource(vSwitchTemplate, { VSwitchId: idWithPrefix('vsw-'), VpcId: z.string() });
const networkAclSchema = resource(networkAclTemplate, {
  NetworkAclId: idWithPrefix('nacl-'),
  VpcId: z.string(),
  IngressAclEntries: z.array(resource(ingressAclEntryTemplate, {})).default([]),
  EgressAclEntries: z.array(resource(egressAclEntryTemplate, {})).default([]),
  Resources: z.array(resource(aclResourceTemplate, { ResourceId: z.string() })).default([]),
});
const flowLogSchema = resource(flowLogTemplate, {
  FlowLogId: idWithPrefix('fl-'),
  ResourceType: z.enum(['VPC', 'VSwitch', 'NetworkInterface']).optional(),
  ResourceId: z.string(),
});
const eipSchema = resource(eipTemplate, {
  AllocationId: idWithPrefix('eip-'),
  IpAddress: z.string().min(1),
  InstanceId: z.string().optional(),
});

/**
 * A route table with its entries, each entry with its next hops; NextHopType values are those of
 * CreateRouteEntry's NextHopType in vpc_2016-04-28.api-docs.json (VpcPeer: a VPC peering connection).
 */
const routeTableSchema = resource(
  routeTableTemplate,
  {
    RouteTableId: idWithPrefix('vtb-'),
    VpcId: z.string(),
    VSwitchIds: z.array(z.string()).default([]),
    RouteEntries: z
      .array(
        resource(
          routeEntryTemplate,
          {
            DestinationCidrBlock: z.string().min(1),
            NextHops: z.array(resource(nextHopTemplate, { NextHopId: z.string().min(1) })).default([]),
          },
        ),
      )
      .default([]),
  },
  ['RouteEntries'],
);

const vpcRegion = z.strictObject({
  vpcs: z.array(vpcSchema).default([]),
  vSwitches: z.array(vSwitchSchema).default([]),
  networkAcls: z.array(networkAclSchema).default([]),
  flowLogs: z.array(flowLogSchema).default([]),
  eips: z.array(eipSchema).default([]),
  routeTables: z.array(routeTableSchema).default([]),
});

/** `regions.<id>.<field>` for VPC */
export const vpcRegionFields = vpcRegion.shape;
export type VpcRegionModel = z.output<typeof vpcRegion>;

/** Every VPC, vSwitch and instance a network resource points at exists in its region. */
export function checkVpcRegion(region: VpcRegionModel & EcsRegionModel, regionId: string, expect: Expect): void {
  const vpcs = new Set(region.vpcs.map((v) => v.VpcId));
  const vSwitches = new Set(region.vSwitches.map((v) => v.VSwitchId));
  const instances = new Set(region.instances.map((i) => i.InstanceId));
  region.vSwitches.forEach((vSwitch, i) =>
    expect(vpcs.has(vSwitch.VpcId), ['vSwitches', i, 'VpcId'], `VPC ${vSwitch.VpcId} is not in ${regionId}`),
  );
  region.networkAcls.forEach((acl, i) => {
    expect(vpcs.has(acl.VpcId), ['networkAcls', i, 'VpcId'], `VPC ${acl.VpcId} is not in ${regionId}`);
    acl.Resources.forEach((bound, j) =>
      expect(vSwitches.has(bound.ResourceId), ['networkAcls', i, 'Resources', j, 'ResourceId'], `vSwitch ${bound.ResourceId} is not in ${regionId}`),
    );
  });
  region.flowLogs.forEach((flowLog, i) => {
    const known = flowLog.ResourceType === 'VSwitch' ? vSwitches : flowLog.ResourceType === 'NetworkInterface' ? null : vpcs;
    if (known) expect(known.has(flowLog.ResourceId), ['flowLogs', i, 'ResourceId'], `${flowLog.ResourceId} is not in ${regionId}`);
  });
  region.routeTables.forEach((table, i) => {
    expect(vpcs.has(table.VpcId), ['routeTables', i, 'VpcId'], `VPC ${table.VpcId} is not in ${regionId}`);
    table.VSwitchIds.forEach((id, j) => expect(vSwitches.has(id), ['routeTables', i, 'VSwitchIds', j], `vSwitch ${id} is not in ${regionId}`));
  });
  region.eips.forEach((eip, i) => {
    if (eip.InstanceId) expect(instances.has(eip.InstanceId), ['eips', i, 'InstanceId'], `instance ${eip.InstanceId} is not in ${regionId}`);
  });
}
