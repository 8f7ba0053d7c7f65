// Which (protocol, ports) of a security group the internet can reach, evaluated as Alibaba Cloud does:
// rules apply in `Priority` order (1 first, 100 last); at the same priority a Drop applies before an Accept;
// the first rule that covers a packet decides it; what no rule covers falls to the default (ingress: denied;
// egress of a basic group: allowed). "The internet" is a CIDR with prefix length 0, per address family: a
// Drop from 0.0.0.0/0 blocks the IPv4 internet only, and rules naming a source group, a prefix list or a
// narrower CIDR neither expose to nor shield from the whole internet.
import type { SecurityGroupRule } from './records.js';
import {
  ALL_PORTS,
  formatPorts,
  intersect,
  parsePortRange,
  parseProtocol,
  portCount,
  portsOf,
  PROTOCOLS,
  subtract,
  type Family,
  type PortRange,
  type Protocol,
} from '../port-range.js';

export type Direction = 'ingress' | 'egress';
export type ProtocolQuery = Protocol | 'all';

const FAMILIES: readonly Family[] = ['ipv4', 'ipv6'];

export interface ExposureQuery {
  direction: Direction;
  protocol: ProtocolQuery;
  /** the ports asked about (tcp/udp); all ports when omitted */
  ports?: PortRange;
  /** what packets no rule covers get: false (deny) for ingress; egress of a basic group allows them */
  defaultAccept?: boolean;
}

/** A slice of the asked space reachable from (or to) the internet, and the rule that lets it through. */
export interface Exposure {
  family: Family;
  protocol: Protocol;
  ports: PortRange;
  cidr: string;
  /** the effective Accept rule id, or `default` when the group's implicit default accepts it */
  ruleId: string;
  priority: number | null;
}

/** A rule value the evaluator cannot interpret: the caller reports it as `error`, never as "no exposure". */
export class SecurityGroupRuleError extends Error {
  override readonly name = 'SecurityGroupRuleError';
  readonly code = 'SG_RULE_INVALID';
  readonly ruleId: string;

  constructor(ruleId: string, message: string) {
    super(`security group rule ${ruleId}: ${message}`);
    this.ruleId = ruleId;
  }
}

interface ParsedRule {
  id: string;
  direction: Direction;
  policy: 'accept' | 'drop';
  priority: number;
  protocols: readonly Protocol[];
  ports: PortRange;
  /** internet CIDRs this rule names, per family */
  internet: Partial<Record<Family, string>>;
}

export function internetExposure(rules: readonly SecurityGroupRule[], query: ExposureQuery): Exposure[] {
  const ordered = internetRules(rules, query.direction);
  const exposures: Exposure[] = [];
  for (const family of FAMILIES) {
    for (const protocol of askedProtocols(query)) {
      exposures.push(...walk(ordered, family, protocol, askedPorts(query, protocol), query.defaultAccept ?? false));
    }
  }
  return exposures;
}

/**
 * True when, in one address family, the internet reaches the whole asked space: every asked protocol on
 * every asked port (e.g. "all TCP ports", or with protocol `all` "everything").
 */
export function wholeSpaceExposed(exposures: readonly Exposure[], query: ExposureQuery): boolean {
  return FAMILIES.some((family) =>
    askedProtocols(query).every((protocol) => {
      const reached = exposures.filter((exposure) => exposure.family === family && exposure.protocol === protocol);
      return portCount(reached.map((exposure) => exposure.ports)) === portCount([askedPorts(query, protocol)]);
    }),
  );
}

function askedProtocols(query: ExposureQuery): readonly Protocol[] {
  return query.protocol === 'all' ? PROTOCOLS : [query.protocol];
}

function askedPorts(query: ExposureQuery, protocol: Protocol): PortRange {
  return portsOf(protocol, query.ports ?? ALL_PORTS);
}

/** Drop before Accept at the same priority. */
function rank(rule: ParsedRule): number {
  return rule.policy === 'drop' ? 0 : 1;
}

function walk(rules: ParsedRule[], family: Family, protocol: Protocol, asked: PortRange, defaultAccept: boolean): Exposure[] {
  let open: PortRange[] = [asked];
  const exposures: Exposure[] = [];
  for (const rule of rules) {
    const cidr = rule.internet[family];
    if (cidr === undefined || !rule.protocols.includes(protocol)) continue;
    const ports = portsOf(protocol, rule.ports);
    const decided = open.flatMap((range) => intersect(range, ports));
    if (rule.policy === 'accept') {
      for (const range of decided) {
        exposures.push({ family, protocol, ports: range, cidr, ruleId: rule.id, priority: rule.priority });
      }
    }
    open = open.flatMap((range) => subtract(range, ports));
    if (open.length === 0) break;
  }
  if (defaultAccept) {
    const cidr = family === 'ipv4' ? '0.0.0.0/0' : '::/0';
    for (const range of open) exposures.push({ family, protocol, ports: range, cidr, ruleId: 'default', priority: null });
  }
  return exposures;
}

/** The rules of one direction that name the internet, in the order they apply. */
type InternetRules = Record<Direction, ParsedRule[]>;

/** A group's rules are read by several rules and queries: parsed and ordered once per list (a failure too). */
const parsed = new WeakMap<readonly SecurityGroupRule[], InternetRules | SecurityGroupRuleError>();

function internetRules(rules: readonly SecurityGroupRule[], direction: Direction): ParsedRule[] {
  let result = parsed.get(rules);
  if (!result) {
    try {
      const ordered = rules
        .map(parseRule)
        .filter((rule) => Object.keys(rule.internet).length > 0)
        .sort((a, b) => a.priority - b.priority || rank(a) - rank(b));
      result = { ingress: ordered.filter((rule) => rule.direction === 'ingress'), egress: ordered.filter((rule) => rule.direction === 'egress') };
    } catch (error) {
      if (!(error instanceof SecurityGroupRuleError)) throw error;
      result = error;
    }
    parsed.set(rules, result);
  }
  if (result instanceof SecurityGroupRuleError) throw result;
  return result[direction];
}

function parseRule(rule: SecurityGroupRule): ParsedRule {
  const policy = rule.policy.toLowerCase();
  if (policy !== 'accept' && policy !== 'drop') {
    throw new SecurityGroupRuleError(rule.id, `unknown Policy "${rule.policy}"`);
  }
  if (!Number.isInteger(rule.priority) || rule.priority < 1 || rule.priority > 100) {
    throw new SecurityGroupRuleError(rule.id, `Priority ${rule.priority} is outside 1-100`);
  }
  const direction = rule.direction.toLowerCase();
  if (direction !== 'ingress' && direction !== 'egress') {
    throw new SecurityGroupRuleError(rule.id, `unknown Direction "${rule.direction}"`);
  }
  const egress = direction === 'egress';
  const internet: Partial<Record<Family, string>> = {};
  const ipv4 = egress ? rule.destCidrIp : rule.sourceCidrIp;
  const ipv6 = egress ? rule.ipv6DestCidrIp : rule.ipv6SourceCidrIp;
  if (isInternet(ipv4)) internet.ipv4 = ipv4;
  if (isInternet(ipv6)) internet.ipv6 = ipv6;
  return { id: rule.id, direction, policy, priority: rule.priority, protocols: parseProtocols(rule), ports: parsePorts(rule), internet };
}

function isInternet(cidr: string | null): cidr is string {
  return cidr !== null && /\/0+$/.test(cidr.trim());
}

function parseProtocols(rule: SecurityGroupRule): readonly Protocol[] {
  const protocols = parseProtocol(rule.ipProtocol);
  if (!protocols) throw new SecurityGroupRuleError(rule.id, `unknown IpProtocol "${rule.ipProtocol}"`);
  return protocols;
}

function parsePorts(rule: SecurityGroupRule): PortRange {
  const ports = parsePortRange(rule.portRange);
  if (!ports) throw new SecurityGroupRuleError(rule.id, `unreadable PortRange "${rule.portRange}"`);
  return ports;
}

export function describeExposure(exposure: Exposure): string {
  const ports = formatPorts(exposure.ports);
  const by = exposure.ruleId === 'default' ? 'the default egress policy' : `rule ${exposure.ruleId} (priority ${exposure.priority})`;
  return `${exposure.protocol}${ports} ${exposure.family === 'ipv4' ? 'IPv4' : 'IPv6'} ${exposure.cidr} via ${by}`;
}
