// Protocols and port ranges as Alibaba Cloud writes them (`22/22`, `20/25`, `-1/-1` = every port) and the
// set arithmetic the exposure evaluators (security groups, network ACLs) use to track which ports are
// still undecided while they walk the rules.

export type Protocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'gre';
export const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp', 'icmp', 'icmpv6', 'gre'];
export type Family = 'ipv4' | 'ipv6';

/** A rule's protocol text (any case, `all` = every protocol); undefined when unknown. */
export function parseProtocol(text: string): readonly Protocol[] | undefined {
  const protocol = text.toLowerCase();
  if (protocol === 'all') return PROTOCOLS;
  return (PROTOCOLS as readonly string[]).includes(protocol) ? [protocol as Protocol] : undefined;
}

export interface PortRange {
  from: number;
  to: number;
}

export const ALL_PORTS: PortRange = Object.freeze({ from: 1, to: 65535 });
/** protocols without ports (ICMP, GRE) are one point in the port space */
export const NO_PORTS: PortRange = Object.freeze({ from: -1, to: -1 });

/** The part of `ports` that `protocol` uses: all of it for TCP and UDP, else the one point NO_PORTS. */
export function portsOf(protocol: Protocol, ports: PortRange): PortRange {
  return protocol === 'tcp' || protocol === 'udp' ? ports : NO_PORTS;
}

/** `-1/-1` is every port; otherwise `from/to` within 1-65535. Undefined when the text is unreadable. */
export function parsePortRange(text: string): PortRange | undefined {
  const match = /^\s*(-?\d+)\s*\/\s*(-?\d+)\s*$/.exec(text);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = Number(match[2]);
  if (from === -1 && to === -1) return ALL_PORTS;
  return from >= 1 && to <= 65535 && from <= to ? { from, to } : undefined;
}

export function intersect(a: PortRange, b: PortRange): PortRange[] {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return from <= to ? [{ from, to }] : [];
}

export function subtract(a: PortRange, b: PortRange): PortRange[] {
  if (b.to < a.from || b.from > a.to) return [a];
  const rest: PortRange[] = [];
  if (a.from < b.from) rest.push({ from: a.from, to: b.from - 1 });
  if (b.to < a.to) rest.push({ from: b.to + 1, to: a.to });
  return rest;
}

/** The number of ports in disjoint ranges. */
export function portCount(ranges: readonly PortRange[]): number {
  return ranges.reduce((sum, range) => sum + range.to - range.from + 1, 0);
}

export function formatPorts(range: PortRange): string {
  return range.from === -1 ? '' : ` ${range.from}/${range.to}`;
}
