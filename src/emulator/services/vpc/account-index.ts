// VPC's slice of the account index: each region's networks as the full API items they are served as.
import { fill, type ApiObject, type ShapeContext } from '../../fill.js';
import type { VpcRegionModel } from './model.js';
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

export interface VpcRegionIndex {
  vpcs: ApiObject[];
  vSwitches: ApiObject[];
  networkAcls: ApiObject[];
  flowLogs: ApiObject[];
  eips: ApiObject[];
  routeTables: ApiObject[];
  /** DescribeRouteEntryList items by RouteTableId */
  routeEntries: ReadonlyMap<string, ApiObject[]>;
}

export function indexVpcRegion(region: VpcRegionModel, context: ShapeContext): VpcRegionIndex {
  const vSwitchIdsByVpc = new Map<string, string[]>();
  for (const { VpcId, VSwitchId } of region.vSwitches) {
    const ids = vSwitchIdsByVpc.get(VpcId);
    if (ids) ids.push(VSwitchId);
    else vSwitchIdsByVpc.set(VpcId, [VSwitchId]);
  }
  const aclByVSwitch = new Map(
    region.networkAcls.flatMap((acl) => acl.Resources.map((bound) => [bound.ResourceId, acl.NetworkAclId] as const)),
  );
  const routeEntries = new Map(
    region.routeTables.map((table) => [
      table.RouteTableId,
      table.RouteEntries.map(({ NextHops, ...entry }, i) =>
        fill(routeEntryTemplate(), {
          RouteEntryId: `rte-${table.RouteTableId.slice(4)}${i}`,
          RouteTableId: table.RouteTableId,
          ...entry,
          NextHops: NextHops.map((hop) => fill(nextHopTemplate(), hop)),
        }),
      ),
    ]),
  );
  return {
    routeTables: region.routeTables.map(({ RouteEntries: _entries, ...authored }) =>
      fill(routeTableTemplate(context), { RouterId: `vrt-${authored.VpcId.slice(4)}`, ...authored }),
    ),
    routeEntries,
    vpcs: region.vpcs.map((authored) => fill(fill(vpcTemplate(context), { VSwitchIds: vSwitchIdsByVpc.get(authored.VpcId) ?? [] }), authored)),
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
      const bound: ApiObject = authored.InstanceId ? { Status: 'InUse', InstanceType: 'EcsInstance', InstanceRegionId: context.regionId } : {};
      return fill(fill(eipTemplate(context), bound), authored);
    }),
  };
}
