// Anti-DDoS's derived fields: whether the account bought Anti-DDoS Origin and which of a public asset's IPs
// its instances protect. The same field on Anti-DDoS Basic's IPs, on EIPs and on ECS instances (their public
// IPs; an instance's EIP is the EIP record's). Origin instances protect IPs of other regions too: any gap of
// the Origin listing leaves every asset unknown.
import { z } from 'zod';
import { defineDerivedFields, type DerivedField, type Lookup } from '../derived-field.js';
import type { ResourceMap, ResourceType } from '../index.js';
import type { OriginInstance } from './records.js';

const protectedIpsOf = (instance: OriginInstance) => instance.protectedIps.map((ip) => ip.ip);

function originCoverage(ips: readonly string[] | undefined, lookup: Lookup): unknown {
  // views are built for records of every shape the engine holds: IPs not collected stay unknown
  if (ips === undefined) return lookup.unknown('the public IPs were not collected');
  return lookup.unlessGap('antiddos.origin-instance', null, () => {
    const byIp = lookup.grouped('antiddos.origin-instance', protectedIpsOf);
    const protectedBy = [...new Set(ips.flatMap((ip) => (byIp.get(ip) ?? []).map((instance) => instance.id)))].sort();
    return {
      bought: lookup.all('antiddos.origin-instance').length > 0,
      protectedBy,
      unprotectedIps: ips.filter((ip) => !byIp.has(ip)),
    };
  });
}

const originField = <T extends ResourceType>(ipsOf: (record: ResourceMap[T]) => readonly string[] | undefined, of: string): DerivedField<T> => ({
  summary: `Anti-DDoS Origin and ${of}: \`bought\` (the account has an Origin instance), \`protectedBy\` (the instances listing its IPs), \`unprotectedIps\``,
  schema: z.strictObject({ bought: z.boolean(), protectedBy: z.array(z.string()), unprotectedIps: z.array(z.string()) }),
  reads: ['antiddos.origin-instance'],
  derive: (record, lookup) => originCoverage(ipsOf(record), lookup),
});

export default defineDerivedFields({
  'antiddos.basic-ip': { $antiDdosOrigin: originField<'antiddos.basic-ip'>((ip) => (ip.id === undefined ? undefined : [ip.id]), 'this IP') },
  'vpc.eip': { $antiDdosOrigin: originField<'vpc.eip'>((eip) => (eip.ipAddress === undefined ? undefined : [eip.ipAddress]), 'this EIP') },
  'ecs.instance': { $antiDdosOrigin: originField<'ecs.instance'>((instance) => instance.publicIps, 'the public IPs of this instance') },
});
