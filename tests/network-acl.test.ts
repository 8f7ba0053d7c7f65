import { describe, expect, it } from 'vitest';
import type { NetworkAclEntry } from '../src/services/vpc/records.js';
import { aclInternetExposure, NetworkAclEntryError, type AclQuery } from '../src/services/vpc/network-acl.js';

function entry(overrides: Partial<NetworkAclEntry>): NetworkAclEntry {
  return { id: 'e', name: '', policy: 'accept', protocol: 'tcp', port: '22/22', cidr: '0.0.0.0/0', ipVersion: 'IPv4', entryType: 'custom', ...overrides };
}

const ssh: AclQuery = { protocol: 'tcp', ports: { from: 22, to: 22 } };

/** `effective`: ids of the entries that let the internet in, in order; empty: not exposed. */
const cases: Array<{ name: string; entries: NetworkAclEntry[]; query?: AclQuery; effective: string[] }> = [
  { name: 'accept from the IPv4 internet', entries: [entry({ id: 'a' })], effective: ['a'] },
  { name: 'no entries: nothing matches, dropped', entries: [], effective: [] },
  { name: 'a narrower source is not the internet', entries: [entry({ id: 'a', cidr: '203.0.113.0/24' })], effective: [] },
  { name: 'first match decides: drop listed first wins', entries: [entry({ id: 'd', policy: 'drop' }), entry({ id: 'a' })], effective: [] },
  { name: 'first match decides: accept listed first wins', entries: [entry({ id: 'a' }), entry({ id: 'd', policy: 'drop' })], effective: ['a'] },
  { name: 'policy and protocol compared case-insensitively', entries: [entry({ id: 'a', policy: 'Accept', protocol: 'TCP' })], effective: ['a'] },
  { name: 'a drop of another port does not shield', entries: [entry({ id: 'd', policy: 'drop', port: '23/25' }), entry({ id: 'a', port: '1/100' })], effective: ['a'] },
  { name: 'a drop of a range covering the port shields', entries: [entry({ id: 'd', policy: 'drop', port: '1/1024' }), entry({ id: 'a', port: '-1/-1', protocol: 'all' })], effective: [] },
  { name: 'protocol all with -1/-1 opens every port', entries: [entry({ id: 'a', protocol: 'all', port: '-1/-1' })], effective: ['a'] },
  { name: 'a udp accept does not open tcp', entries: [entry({ id: 'a', protocol: 'udp' })], effective: [] },
  { name: 'a narrower drop does not shield the internet', entries: [entry({ id: 'd', policy: 'drop', cidr: '198.51.100.0/24' }), entry({ id: 'a' })], effective: ['a'] },
  {
    name: 'an IPv4 drop does not shield IPv6',
    entries: [entry({ id: 'd', policy: 'drop' }), entry({ id: 'v6', cidr: '::/0', ipVersion: 'IPv6' })],
    effective: ['v6'],
  },
  {
    name: 'part of a range is dropped, the rest exposed',
    entries: [entry({ id: 'd', policy: 'drop', port: '22/22' }), entry({ id: 'a', port: '20/25' })],
    query: { protocol: 'tcp', ports: { from: 20, to: 25 } },
    effective: ['a', 'a'],
  },
  { name: 'icmp is one point in the port space', entries: [entry({ id: 'a', protocol: 'icmp', port: '-1/-1' })], query: { protocol: 'icmp' }, effective: ['a'] },
];

describe('network ACL internet exposure', () => {
  it.each(cases)('$name', ({ entries, query, effective }) => {
    expect(aclInternetExposure(entries, query ?? ssh).map((exposure) => exposure.entryId)).toEqual(effective);
  });

  it('reports the ports and position of the effective entry', () => {
    const [exposure] = aclInternetExposure([entry({ id: 'd', policy: 'drop', port: '22/22' }), entry({ id: 'a', port: '20/25' })], {
      protocol: 'tcp',
      ports: { from: 20, to: 25 },
    });
    expect(exposure).toMatchObject({ entryId: 'a', position: 2, ports: { from: 20, to: 21 }, family: 'ipv4' });
  });

  it.each([
    { name: 'unknown policy', entry: entry({ policy: 'allow' }), message: /unknown Policy "allow"/ },
    { name: 'unknown protocol', entry: entry({ protocol: 'sctp' }), message: /unknown Protocol "sctp"/ },
    { name: 'bad port range', entry: entry({ port: '22' }), message: /unreadable Port "22"/ },
    { name: 'reversed port range', entry: entry({ port: '25/20' }), message: /unreadable Port/ },
    { name: 'bad cidr', entry: entry({ cidr: 'anywhere' }), message: /unreadable CIDR/ },
  ])('refuses an entry it cannot read: $name', ({ entry: bad, message }) => {
    expect(() => aclInternetExposure([bad], ssh)).toThrow(NetworkAclEntryError);
    expect(() => aclInternetExposure([bad], ssh)).toThrow(message);
  });
});
