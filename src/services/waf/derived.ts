// WAF's derived fields: which web ports of an ECS instance the internet reaches, what of WAF stands in front
// of it or of a load balancer listener, and the public web servers each WAF site serves.
import { z } from 'zod';
import { defineDerivedFields, type Lookup } from '../derived-field.js';
import { internetExposure, SecurityGroupRuleError } from '../ecs/security-group-exposure.js';
import type { EcsInstance, SecurityGroupRule } from '../ecs/records.js';
import type { ResourceType } from '../index.js';
import type { WafDomain, WafInstance, WafProtectedResource } from './records.js';

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

/** the origins of the domains WAF forwards traffic for, lower-cased (an origin may be a domain name) */
const backendsOf = (domain: WafDomain) => (FORWARDING_STATUSES.has(domain.status) ? domain.backends.map((backend) => backend.toLowerCase()) : []);

const wafProtectionSchema = z.strictObject({ cloudNative: z.array(z.string()), domains: z.array(z.string()) });

/** What WAF may protect: a resource by its own id and region, and the public addresses a CNAME domain may name as origin. */
interface WafTarget {
  id: string;
  region: string;
  addresses: readonly string[];
  /** whether a cloud-native resource with the target's id and region covers it; unknown (a reason) when its ports are */
  covers?: (resource: WafProtectedResource) => boolean | { unknown: string };
}

/**
 * What of WAF 3.0 stands in front of a target: the WAF instances it is added to in cloud-native mode and the
 * CNAME domains WAF forwards to one of its addresses. WAF answers per site for many regions: a gap of either
 * collection leaves every target unknown.
 */
function wafProtection(target: WafTarget, lookup: Lookup): unknown {
  return lookup.unlessGap('waf.protected-resource', null, () =>
    lookup.unlessGap('waf.domain', null, () => {
      const cloudNative: string[] = [];
      for (const resource of lookup.all('waf.protected-resource')) {
        if (resource.id !== target.id || resource.region !== target.region) continue;
        const covered = target.covers ? target.covers(resource) : true;
        if (typeof covered === 'object') return lookup.unknown(covered.unknown, { type: 'waf.protected-resource', id: resource.id, region: null });
        if (covered) cloudNative.push(resource.instanceId);
      }
      const byBackend = lookup.grouped('waf.domain', backendsOf);
      const domains = target.addresses.flatMap((address) => (byBackend.get(address.toLowerCase()) ?? []).map((domain) => domain.id));
      return { cloudNative: [...new Set(cloudNative)].sort(), domains: [...new Set(domains)].sort() };
    }),
  );
}

/** What a listener's protection depends on: its balancer, protocol and port. */
interface ListenerTarget {
  loadBalancerId: string;
  region: string;
  protocol: string;
  port: number;
}

/**
 * A listener is covered by a cloud-native resource of its balancer whose product serves its protocol and
 * whose ports of that protocol include its own (DescribeCloudResourceAccessedPortsResponseBody.ts Http[],
 * Https[]); WAF's cloud-native ports are HTTP and HTTPS only, so no other listener is covered. `addresses`:
 * the balancer's public addresses a CNAME domain may name as origin, read from `balancers` (unknown while
 * that collection has a gap in the listener's region).
 */
function listenerProtection(
  listener: ListenerTarget,
  products: ReadonlySet<string>,
  balancers: ResourceType,
  addresses: Array<string | undefined>,
  lookup: Lookup,
): unknown {
  const protocol = listener.protocol.toLowerCase();
  const covers = (resource: WafProtectedResource) => {
    if (!products.has(resource.product)) return false;
    const ports = protocol === 'http' ? resource.httpPorts : protocol === 'https' ? resource.httpsPorts : [];
    return ports === undefined ? { unknown: `the ports of ${resource.id} added to WAF were not collected` } : ports.includes(listener.port);
  };
  const known = addresses.filter((address): address is string => typeof address === 'string' && address !== '');
  return lookup.unlessGap(balancers, listener.region, () =>
    wafProtection({ id: listener.loadBalancerId, region: listener.region, addresses: known, covers }, lookup),
  );
}

const listenerProtectionSummary = (products: string, address: string) =>
  `what of WAF 3.0 stands in front of this listener: \`cloudNative\`, the WAF instances its balancer is added to in cloud-native mode (same region and id, ResourceProduct ${products}) with this listener's port among the ports of its protocol; \`domains\`, the CNAME domains WAF forwards (Status 1 or 3) whose origins include ${address}`;

/**
 * DescribeCloudResources ResourceProduct (api-waf-openapi-2021-10-01-describecloudresources): alb the ALB,
 * clb7 a CLB's HTTP/HTTPS listeners (clb4: its TCP listeners, which WAF does not inspect as HTTP).
 */
const ALB_PRODUCTS: ReadonlySet<string> = new Set(['alb']);
const CLB_PRODUCTS: ReadonlySet<string> = new Set(['clb7']);

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
      schema: wafProtectionSchema,
      reads: ['waf.protected-resource', 'waf.domain'],
      derive: (instance, lookup) => wafProtection({ id: instance.id, region: instance.region, addresses: instance.publicIps }, lookup),
    },
  },
  'slb.listener': {
    $wafProtection: {
      summary: listenerProtectionSummary('clb7', "the balancer's address"),
      schema: wafProtectionSchema,
      reads: ['waf.protected-resource', 'waf.domain', 'slb.load-balancer'],
      derive: (listener, lookup) =>
        listenerProtection(listener, CLB_PRODUCTS, 'slb.load-balancer', [lookup.find('slb.load-balancer', listener.region, listener.loadBalancerId)?.address], lookup),
    },
  },
  'alb.listener': {
    $wafProtection: {
      summary: listenerProtectionSummary('alb', "the balancer's DNS name"),
      schema: wafProtectionSchema,
      reads: ['waf.protected-resource', 'waf.domain', 'alb.load-balancer'],
      derive: (listener, lookup) =>
        listenerProtection(listener, ALB_PRODUCTS, 'alb.load-balancer', [lookup.find('alb.load-balancer', listener.region, listener.loadBalancerId)?.dnsName], lookup),
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
