// Which (protocol, ports) a network ACL lets in from (or out to) the internet, evaluated as Alibaba Cloud
// does: entries apply in their listed order (the API lists them by priority, 1 first), the first entry that
// matches a packet decides it (accept or drop), and a packet no entry matches is dropped. ACLs are
// stateless, and an entry's port range is the destination port. An entry matches "any internet host" only
// when its CIDR contains the whole address family (prefix length 0), so a drop from a narrower CIDR does
// not shield the internet, and an accept from it does not expose the port to the whole internet.
import type { NetworkAclEntry } from './records.js';
import {
  ALL_PORTS,
  formatPorts,
  intersect,
  parsePortRange,
  parseProtocol,
  portsOf,
  subtract,
  type Family,
  type PortRange,
  type Protocol,
} from '../port-range.js';

export interface AclQuery {
  protocol: Protocol;
  /** the ports asked about (tcp/udp); every port when omitted */
  ports?: PortRange;
}

/** A slice of the asked space the internet gets through, and the accept entry that lets it. */
export interface AclExposure {
  family: Family;
  protocol: Protocol;
  ports: PortRange;
  entryId: string;
  /** 1-based position of the entry in the list */
  position: number;
  cidr: string;
}

/** An entry the evaluator cannot interpret: the caller reports `error`, never "not exposed". */
export class NetworkAclEntryError extends Error {
  override readonly name = 'NetworkAclEntryError';
  readonly code = 'ACL_ENTRY_INVALID';
  readonly entryId: string;

  constructor(entryId: string, message: string) {
    super(`network ACL entry ${entryId}: ${message}`);
    this.entryId = entryId;
  }
}

interface ParsedEntry {
  id: string;
  position: number;
  policy: 'accept' | 'drop';
  protocols: readonly Protocol[];
  ports: PortRange;
  family: Family;
  /** the entry names every host of its family */
  internet: boolean;
  cidr: string;
}

export function aclInternetExposure(entries: readonly NetworkAclEntry[], query: AclQuery): AclExposure[] {
  const parsed = entries.map(parseEntry);
  const asked = portsOf(query.protocol, query.ports ?? ALL_PORTS);
  return (['ipv4', 'ipv6'] as const).flatMap((family) => walk(parsed, family, query.protocol, asked));
}

function walk(entries: ParsedEntry[], family: Family, protocol: Protocol, asked: PortRange): AclExposure[] {
  let open: PortRange[] = [asked];
  const exposures: AclExposure[] = [];
  for (const entry of entries) {
    if (!entry.internet || entry.family !== family || !entry.protocols.includes(protocol)) continue;
    const ports = portsOf(protocol, entry.ports);
    if (entry.policy === 'accept') {
      for (const range of open.flatMap((candidate) => intersect(candidate, ports))) {
        exposures.push({ family, protocol, ports: range, entryId: entry.id, position: entry.position, cidr: entry.cidr });
      }
    }
    open = open.flatMap((range) => subtract(range, ports));
    if (open.length === 0) break;
  }
  // what no entry matched is dropped
  return exposures;
}

function parseEntry(entry: NetworkAclEntry, index: number): ParsedEntry {
  const id = entry.id || entry.name || `#${index + 1}`;
  const policy = entry.policy.toLowerCase();
  if (policy !== 'accept' && policy !== 'drop') throw new NetworkAclEntryError(id, `unknown Policy "${entry.policy}"`);
  const ports = parsePortRange(entry.port);
  if (!ports) throw new NetworkAclEntryError(id, `unreadable Port "${entry.port}"`);
  const cidr = entry.cidr.trim();
  const prefix = /^([0-9a-f.:]+)\/(\d+)$/i.exec(cidr);
  if (!prefix) throw new NetworkAclEntryError(id, `unreadable CIDR "${entry.cidr}"`);
  const family: Family = prefix[1]!.includes(':') ? 'ipv6' : 'ipv4';
  return { id, position: index + 1, policy, protocols: parseProtocols(id, entry.protocol), ports, family, internet: Number(prefix[2]) === 0, cidr };
}

function parseProtocols(id: string, protocol: string): readonly Protocol[] {
  const protocols = parseProtocol(protocol);
  if (!protocols) throw new NetworkAclEntryError(id, `unknown Protocol "${protocol}"`);
  return protocols;
}

export function describeAclExposure(exposure: AclExposure): string {
  return `${exposure.protocol}${formatPorts(exposure.ports)} from ${exposure.cidr} via entry ${exposure.entryId} (position ${exposure.position})`;
}
