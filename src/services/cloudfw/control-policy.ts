// Which ports an internet-border access control policy opens to every internet host. A policy is read on
// its own: an enabled inbound accept (DescribeControlPolicyResponseBody Policys: AclAction accept, Release
// "true", Direction in) of TCP or ANY whose source is a CIDR of prefix length 0 (0.0.0.0/0, ::/0), itself or
// in its source address book. A drop with a smaller Order may shadow it today; the accept is still the
// policy that lets the internet in as soon as that drop moves or goes, so it is reported.
import { ALL_PORTS, intersect, parsePortRange, type PortRange } from '../port-range.js';
import type { CloudFirewallControlPolicy } from './records.js';

export class ControlPolicyError extends Error {
  constructor(policyId: string, detail: string) {
    super(`policy ${policyId}: ${detail}`);
    this.name = 'ControlPolicyError';
  }
}

/** a CIDR that holds its whole address family */
const wholeFamily = (cidr: string) => /^[0-9a-f.:]+\/0+$/i.test(cidr.trim());

/** The internet source of the policy, or null when it names none (a narrower CIDR, a location, a domain). */
function internetSource(policy: CloudFirewallControlPolicy): string | null {
  // SourceType: net (a CIDR), group (an address book: SourceGroupCidrs), location (regions)
  if (policy.sourceType === 'net') return wholeFamily(policy.source) ? policy.source : null;
  if (policy.sourceType === 'group') return policy.sourceGroupCidrs.find(wholeFamily) ?? null;
  return null;
}

/**
 * A destination port as the API writes it: `22`, a range `20/25`, or `0/0` for every port (the console's
 * spelling of "any"; `-1/-1` reads the same through parsePortRange).
 */
function parseDestPort(policyId: string, text: string): PortRange {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const port = Number(trimmed);
    if (port >= 1 && port <= 65535) return { from: port, to: port };
  } else if (/^0\s*\/\s*0$/.test(trimmed)) {
    return ALL_PORTS;
  } else {
    const range = parsePortRange(trimmed);
    if (range) return range;
  }
  throw new ControlPolicyError(policyId, `unreadable destination port "${text}"`);
}

/** the fields internetAcceptedPorts reads: a rule evaluator leaves the answer unknown when any of them is */
export const CONTROL_POLICY_FIELDS = [
  'id',
  'order',
  'direction',
  'enabled',
  'action',
  'proto',
  'sourceType',
  'source',
  'sourceGroupCidrs',
  'destPortType',
  'destPort',
  'destPortGroupPorts',
] as const satisfies ReadonlyArray<keyof CloudFirewallControlPolicy>;

export interface PolicyExposure {
  source: string;
  ports: PortRange[];
}

/** The asked TCP ports this policy accepts from every internet host; null when it lets none of them in. */
export function internetAcceptedPorts(policy: CloudFirewallControlPolicy, asked: readonly PortRange[]): PolicyExposure | null {
  if (policy.direction !== 'in' || !policy.enabled || policy.action !== 'accept') return null;
  // Proto: ANY | TCP | UDP | ICMP; the admin and database ports asked are TCP
  if (policy.proto !== 'TCP' && policy.proto !== 'ANY') return null;
  const source = internetSource(policy);
  if (source === null) return null;
  // DestPortType: port (DestPort) | group (a port address book: DestPortGroupPorts)
  const texts = policy.destPortType === 'group' ? policy.destPortGroupPorts : [policy.destPort];
  const ranges = texts.map((text) => parseDestPort(policy.id, text));
  const ports = asked.flatMap((wanted) => ranges.flatMap((range) => intersect(range, wanted)));
  return ports.length > 0 ? { source, ports } : null;
}

export function describePolicyExposure(policy: CloudFirewallControlPolicy, exposure: PolicyExposure): string {
  const ports = [...new Set(exposure.ports.map((range) => (range.from === range.to ? `${range.from}` : `${range.from}-${range.to}`)))];
  return `TCP ${ports.join(', ')} accepted from ${exposure.source} by policy ${policy.id} (order ${policy.order ?? 'unknown'}, proto ${policy.proto})`;
}
