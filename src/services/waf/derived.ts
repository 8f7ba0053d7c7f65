// WAF's derived fields: which web ports of an ECS instance the internet reaches, what of WAF stands in front
// of it, and the public web servers each WAF site serves.
import { z } from 'zod';
import { defineDerivedFields, type Lookup } from '../derived-field.js';
import { internetExposure, SecurityGroupRuleError } from '../ecs/security-group-exposure.js';
import type { EcsInstance, SecurityGroupRule } from '../ecs/records.js';
import type { WafDomain, WafInstance } from './records.js';

/** The ports a web server listens on; WAF's own defaults (80 for HTTP, 443 for HTTPS) */
const WEB_PORTS = [80, 443] as const;

type Known<T> = { known: true; value: T } | { known: false; reason: string; of?: { type: 'ecs.security-group'; id: string; region: string } };

/**
 * The web ports the internet reaches on a public instance (a public IP or an EIP) over TCP, through the
 * rules of all its security groups merged as Alibaba Cloud applies them; none for an instance without a
 * public address.
 */
function internetWebPorts(instance: EcsInstance, lookup: Lookup): Known<number[]> {
  if (instance.publicIps.length === 0 && instance.eipAllocationId === null) return { known: true, value: [] };
  const rules: SecurityGroupRule[] = [];
  for (const groupId of instance.securityGroupIds) {
    const group = lookup.find('ecs.security-group', instance.region, groupId);
    if (!group) return { known: false, reason: `security group ${groupId} of ${instance.id} is not among the groups listed in ${instance.region}` };
    if (group.rules === undefined) {
      return { known: false, reason: `the rules of security group ${groupId} were not collected`, of: { type: 'ecs.security-group', id: groupId, region: group.region } };
    }
    rules.push(...group.rules);
  }
  try {
    const open = WEB_PORTS.filter((port) => internetExposure(rules, { direction: 'ingress', protocol: 'tcp', ports: { from: port, to: port } }).length > 0);
    return { known: true, value: open };
  } catch (error) {
    if (error instanceof SecurityGroupRuleError) return { known: false, reason: error.message };
    throw error;
  }
}

const orUnknown = <T>(result: Known<T>, lookup: Lookup): unknown => (result.known ? result.value : lookup.unknown(result.reason, result.of));

/**
 * DescribeDomainsResponseBodyDomains.ts Status: 1 normal, 2 being created, 3 being modified, 4 being released,
 * 5 WAF no longer forwards its traffic. A domain being created, released or no longer forwarded protects nothing.
 */
const FORWARDING_STATUSES: ReadonlySet<number | null> = new Set([1, 3]);

/** the origins of the domains WAF forwards traffic for */
const backendsOf = (domain: WafDomain) => (FORWARDING_STATUSES.has(domain.status) ? domain.backends : []);

export default defineDerivedFields({
  'ecs.instance': {
    $internetWebPorts: {
      summary: 'the web ports (TCP 80, 443) the internet reaches on this instance through its security groups; [] without a public IP or EIP',
      schema: z.array(z.number()),
      reads: ['ecs.security-group'],
      derive: (instance, lookup) => lookup.unlessGap('ecs.security-group', instance.region, () => orUnknown(internetWebPorts(instance, lookup), lookup)),
    },
    $wafProtection: {
      summary:
        'what of WAF 3.0 stands in front of this instance: `cloudNative`, the WAF instances it is added to in cloud-native mode (same region and id); `domains`, the CNAME domains WAF forwards (Status 1 or 3) whose origins include one of its public IPs',
      schema: z.strictObject({ cloudNative: z.array(z.string()), domains: z.array(z.string()) }),
      reads: ['waf.protected-resource', 'waf.domain'],
      // WAF answers per site for many regions: a gap of either collection leaves every instance unknown
      derive: (instance, lookup) =>
        lookup.unlessGap('waf.protected-resource', null, () =>
          lookup.unlessGap('waf.domain', null, () => {
            const cloudNative = lookup
              .all('waf.protected-resource')
              .filter((resource) => resource.id === instance.id && resource.region === instance.region)
              .map((resource) => resource.instanceId);
            const byBackend = lookup.grouped('waf.domain', backendsOf);
            const domains = [...new Set(instance.publicIps.flatMap((ip) => (byBackend.get(ip) ?? []).map((domain) => domain.id)))].sort();
            return { cloudNative: [...new Set(cloudNative)].sort(), domains };
          }),
        ),
    },
  },
  'waf.instance': {
    $webServingInstances: {
      summary: 'ids of the running ECS instances in the regions this WAF site serves that have a public IP or EIP and TCP 80 or 443 open to the internet',
      schema: z.array(z.string()),
      reads: ['ecs.instance', 'ecs.security-group'],
      derive: (site: WafInstance, lookup) => {
        const ids: string[] = [];
        for (const region of site.regions) {
          const gap = lookup.unlessGap('ecs.instance', region, () => lookup.unlessGap('ecs.security-group', region, () => null));
          if (gap !== null) return gap;
        }
        const regions = new Set(site.regions);
        for (const instance of lookup.all('ecs.instance')) {
          // ECS Status (DescribeInstances): only a Running instance serves anything
          if (!regions.has(instance.region) || instance.status !== 'Running') continue;
          const ports = internetWebPorts(instance, lookup);
          if (!ports.known) return orUnknown(ports, lookup);
          if (ports.value.length > 0) ids.push(instance.id);
        }
        return ids.sort();
      },
    },
  },
});
