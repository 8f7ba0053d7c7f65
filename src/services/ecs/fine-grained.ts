// Coarse security group rules (CIS 3.5, "fine grained rules"): an ingress Accept that opens a wide port
// range to a broad source CIDR. Each rule is judged on its own, as written (a Drop elsewhere does not make a
// coarse Accept fine grained); sources that are a security group or a prefix list are narrow by design.
import type { SecurityGroupRule } from './records.js';
import { SecurityGroupRuleError } from './security-group-exposure.js';
import { ALL_PORTS, parsePortRange, parseProtocol, portCount, type Family } from '../port-range.js';

export interface CoarseRuleLimits {
  /** a rule opening more ports than this (for TCP or UDP) is wide */
  maxPorts: number;
  /** a source CIDR with a shorter prefix than this is broad, per address family */
  minPrefixLength: Record<Family, number>;
}

export interface CoarseRule {
  id: string;
  source: string;
  protocol: string;
  portRange: string;
  ports: number;
}

/** The prefix length of a rule's source CIDR (a bare address is a single host); throws when unreadable. */
function prefixLength(ruleId: string, cidr: string, family: Family): number {
  const match = /^([0-9a-fA-F:.]+)(?:\/(\d{1,3}))?$/.exec(cidr.trim());
  const hostBits = family === 'ipv4' ? 32 : 128;
  const length = match ? (match[2] === undefined ? hostBits : Number(match[2])) : NaN;
  if (!(length >= 0 && length <= hostBits)) throw new SecurityGroupRuleError(ruleId, `unreadable ${family} source CIDR ${JSON.stringify(cidr)}`);
  return length;
}

/** How many TCP/UDP ports a rule opens: 0 for ICMP and GRE only. */
function portsOpened(rule: SecurityGroupRule): number {
  const protocols = parseProtocol(rule.ipProtocol);
  if (!protocols) throw new SecurityGroupRuleError(rule.id, `unknown protocol ${JSON.stringify(rule.ipProtocol)}`);
  if (!protocols.includes('tcp') && !protocols.includes('udp')) return 0;
  const ports = rule.ipProtocol.toLowerCase() === 'all' ? ALL_PORTS : parsePortRange(rule.portRange);
  if (!ports) throw new SecurityGroupRuleError(rule.id, `unreadable port range ${JSON.stringify(rule.portRange)}`);
  return portCount([ports]);
}

export function coarseIngressRules(rules: readonly SecurityGroupRule[], limits: CoarseRuleLimits): CoarseRule[] {
  const coarse: CoarseRule[] = [];
  for (const rule of rules) {
    if (rule.direction.toLowerCase() !== 'ingress' || rule.policy.toLowerCase() !== 'accept') continue;
    const sources: Array<[Family, string | null]> = [
      ['ipv4', rule.sourceCidrIp],
      ['ipv6', rule.ipv6SourceCidrIp],
    ];
    for (const [family, source] of sources) {
      if (source === null || source === '') continue;
      if (prefixLength(rule.id, source, family) >= limits.minPrefixLength[family]) continue;
      const ports = portsOpened(rule);
      if (ports > limits.maxPorts) coarse.push({ id: rule.id, source, protocol: rule.ipProtocol, portRange: rule.portRange, ports });
    }
  }
  return coarse;
}

export const describeCoarseRule = (rule: CoarseRule) => `${rule.id}: ${rule.protocol} ${rule.portRange} (${rule.ports} ports) from ${rule.source}`;
