// Cloud Firewall's derived fields: the public IPs its absence leaves without an internet-border firewall.
import { z } from 'zod';
import { defineDerivedFields } from '../derived-field.js';

export default defineDerivedFields({
  'cloudfw.instance': {
    $publicAddresses: {
      summary:
        "the public IPs in the record's regions: ECS instances' public IPs and EIPs, and the EIPs bound to another resource (NAT gateway, SLB, ENI)",
      schema: z.array(z.string()),
      reads: ['ecs.instance', 'vpc.eip'],
      // Cloud Firewall answers per site for many regions: a gap of either collection in any region leaves it unknown
      derive: (instance, lookup) =>
        lookup.unlessGap('ecs.instance', null, () =>
          lookup.unlessGap('vpc.eip', null, () => {
            const regions = new Set(instance.regions);
            const addresses = [
              ...lookup.all('ecs.instance').filter((ecs) => regions.has(ecs.region)).flatMap((ecs) => ecs.publicIps),
              ...lookup.all('vpc.eip').filter((eip) => regions.has(eip.region) && eip.instanceId !== null).map((eip) => eip.ipAddress),
            ];
            return [...new Set(addresses)].sort();
          }),
        ),
    },
  },
});
