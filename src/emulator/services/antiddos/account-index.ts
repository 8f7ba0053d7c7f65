// Anti-DDoS's slice of the account index: Basic's item for every public IP of a region, the region's Origin
// instances with their IP lists, and the account's Pro instances and websites.
import { fill, type ApiObject } from '../../fill.js';
import type { EcsRegionModel } from '../ecs/model.js';
import type { VpcRegionModel } from '../vpc/model.js';
import type { AntiDdosAccountModel, AntiDdosRegionModel } from './model.js';
import { basicIpTemplate, originInstanceTemplate, packIpTemplate, proInstanceTemplate, webAccessLogStatusTemplate } from './shapes.js';

export interface AntiDdosRegionIndex {
  /** DescribeInstance items by InstanceType (ecs, eip; slb: none, CLB is not emulated) */
  antiDdosBasicIps: ReadonlyMap<string, ApiObject[]>;
  /** DescribeInstanceList items */
  antiDdosOriginInstances: ApiObject[];
  /** DescribePackIpList items by InstanceId */
  antiDdosPackIps: ReadonlyMap<string, ApiObject[]>;
}

export function indexAntiDdosRegion(region: AntiDdosRegionModel & EcsRegionModel & VpcRegionModel): AntiDdosRegionIndex {
  const settings = new Map(region.antiDdosBasic.map((ip) => [ip.InstanceIp, ip]));
  const originIps = new Set(region.antiDdosOrigin.flatMap((instance) => instance.ProtectedIps));
  const basic = (ip: string, asset: ApiObject) => fill(fill(basicIpTemplate(), { ...asset, InstanceIp: ip, IsBgppack: originIps.has(ip) }), settings.get(ip) ?? {});
  const ecs = region.instances.flatMap((instance) =>
    (instance.PublicIpAddress ?? []).map((ip) => basic(ip, { InstanceId: instance.InstanceId, InstanceName: String(instance.InstanceName ?? ''), InstanceType: 'ecs' })),
  );
  const eip = region.eips.map((address) => basic(address.IpAddress, { InstanceId: address.AllocationId, InstanceName: String(address.Name ?? ''), InstanceType: 'eip' }));
  const byIp = new Map([...ecs, ...eip].map((item) => [item.InstanceIp as string, item]));
  return {
    antiDdosBasicIps: new Map([['ecs', ecs], ['eip', eip], ['slb', []]]),
    antiDdosOriginInstances: region.antiDdosOrigin.map(({ ProtectedIps: _ips, ...authored }) => fill(originInstanceTemplate(), authored)),
    antiDdosPackIps: new Map(
      region.antiDdosOrigin.map((instance) => [
        instance.InstanceId,
        instance.ProtectedIps.map((ip) =>
          fill(packIpTemplate(), {
            Ip: ip,
            Product: byIp.get(ip)?.InstanceType === 'eip' ? 'EIP' : 'ECS',
            Status: byIp.get(ip)?.InstanceStatus === 'blackholed' ? 'hole_begin' : 'normal',
          }),
        ),
      ]),
    ),
  };
}

export interface AntiDdosProIndex {
  antiDdosPro: { instances: ApiObject[]; websites: ApiObject[] };
}

export function indexAntiDdosPro(model: AntiDdosAccountModel): AntiDdosProIndex {
  return {
    antiDdosPro: {
      instances: model.antiDdosPro.instances.map((instance) => fill(proInstanceTemplate(), instance)),
      websites: model.antiDdosPro.websites.map((website) => fill(webAccessLogStatusTemplate(), website)),
    },
  };
}
