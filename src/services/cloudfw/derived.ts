// Cloud Firewall's derived fields: the public IPs of the account that no Cloud Firewall asset covers.
import { z } from 'zod';
import { defineDerivedFields } from '../derived-field.js';

export default defineDerivedFields({
  'cloudfw.instance': {
    $uncoveredAddresses: {
      summary:
        "the public IPs in the record's regions (ECS instances' public IPs and EIPs, EIPs bound to a NAT gateway, SLB or ENI) that Cloud Firewall does not list as an asset: all of them when none is bought",
      schema: z.array(z.string()),
      reads: ['ecs.instance', 'vpc.eip', 'cloudfw.asset'],
      // each collection is read across sites and regions: a gap of any of them, anywhere, leaves it unknown
      derive: (instance, lookup) =>
        lookup.unlessGap('ecs.instance', null, () =>
          lookup.unlessGap('vpc.eip', null, () =>
            lookup.unlessGap('cloudfw.asset', null, () => {
              const regions = new Set(instance.regions);
              const covered = new Set(lookup.all('cloudfw.asset').map((asset) => asset.id));
              const addresses = [
                ...lookup.all('ecs.instance').filter((ecs) => regions.has(ecs.region)).flatMap((ecs) => ecs.publicIps),
                ...lookup.all('vpc.eip').filter((eip) => regions.has(eip.region) && eip.instanceId !== null).map((eip) => eip.ipAddress),
              ];
              return [...new Set(addresses)].filter((address) => !covered.has(address)).sort();
            }),
          ),
        ),
    },
  },
});
