// Anti-DDoS's slice of the account model. Origin Basic needs nothing authored: every public IP of the
// region's ECS instances and EIPs is under it, normal, with the default thresholds; `antiDdosBasic` changes
// one IP's state or thresholds. Origin instances are bought per region, with the IPs they protect; Pro /
// Premium instances and their websites belong to the account. None authored: nothing bought.
import { z } from 'zod';
import { resource, type Expect } from '../../model-fields.js';
import type { EcsRegionModel } from '../ecs/model.js';
import type { VpcRegionModel } from '../vpc/model.js';
import { basicIpTemplate, originInstanceTemplate, proInstanceTemplate, webAccessLogStatusTemplate } from './shapes.js';

const basicIpSchema = resource(basicIpTemplate, {
  InstanceIp: z.string().min(1),
  InstanceStatus: z.enum(['normal', 'mitigating', 'blackholed']).optional(),
});

const originInstanceSchema = resource(
  originInstanceTemplate,
  {
    // like ddosbgp-cn-oew1pjrk**** (DescribeInstanceListResponseBody.ts InstanceId example)
    InstanceId: z.string().regex(/^ddosbgp-[0-9a-z-]+$/, 'expected an id like "ddosbgp-cn-..."'),
    // Not a DescribeInstanceList field: the IPs DescribePackIpList lists for it (public IPs of the account)
    ProtectedIps: z.array(z.string().min(1)).default([]),
  },
  ['ProtectedIps'],
);

// like ddoscoo-cn-7pp2g9ed**** (DescribeInstancesResponseBody.ts InstanceId example)
const proInstanceSchema = resource(proInstanceTemplate, { InstanceId: z.string().regex(/^ddoscoo-[0-9a-z-]+$/, 'expected an id like "ddoscoo-cn-..."') });
const proWebsiteSchema = resource(webAccessLogStatusTemplate, { Domain: z.string().min(1), Enable: z.boolean().optional() });

const antiDdosRegion = z.strictObject({
  antiDdosBasic: z.array(basicIpSchema).default([]),
  antiDdosOrigin: z.array(originInstanceSchema).default([]),
});

const antiDdosAccount = z.strictObject({
  antiDdosPro: z
    .strictObject({ instances: z.array(proInstanceSchema).default([]), websites: z.array(proWebsiteSchema).default([]) })
    .default({ instances: [], websites: [] }),
});

/** `regions.<id>.<field>` for Anti-DDoS */
export const antiDdosRegionFields = antiDdosRegion.shape;
export type AntiDdosRegionModel = z.output<typeof antiDdosRegion>;
/** top-level account model fields for Anti-DDoS Pro */
export const antiDdosAccountFields = antiDdosAccount.shape;
export type AntiDdosAccountModel = z.output<typeof antiDdosAccount>;

/** The public IPs of a region's assets: ECS public IPs and EIPs, as Anti-DDoS Basic lists them. */
export function publicIpsOf(region: EcsRegionModel & VpcRegionModel): Set<string> {
  return new Set([...region.instances.flatMap((instance) => instance.PublicIpAddress ?? []), ...region.eips.map((eip) => eip.IpAddress)]);
}

/** Basic's settings and Origin's protected IPs name public IPs of the region. */
export function checkAntiDdosRegion(region: AntiDdosRegionModel & EcsRegionModel & VpcRegionModel, regionId: string, expect: Expect): void {
  const publicIps = publicIpsOf(region);
  region.antiDdosBasic.forEach((ip, i) => expect(publicIps.has(ip.InstanceIp), ['antiDdosBasic', i, 'InstanceIp'], `${ip.InstanceIp} is no public IP of ${regionId}`));
  region.antiDdosOrigin.forEach((instance, i) =>
    instance.ProtectedIps.forEach((ip, j) => expect(publicIps.has(ip), ['antiDdosOrigin', i, 'ProtectedIps', j], `${ip} is no public IP of ${regionId}`)),
  );
}
