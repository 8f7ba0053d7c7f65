import { describe, expect, it } from 'vitest';
import type { SecurityGroupRule } from '../src/services/ecs/records.js';
import {
  internetExposure,
  SecurityGroupRuleError,
  wholeSpaceExposed,
  type ExposureQuery,
} from '../src/services/ecs/security-group-exposure.js';
import { securityGroupRule } from './helpers/records.js';

const rule = securityGroupRule;

const ssh: ExposureQuery = { direction: 'ingress', protocol: 'tcp', ports: { from: 22, to: 22 } };

/** `effective`: ids of the rules that expose the asked space, in order; empty: not exposed. */
const cases: Array<{ name: string; rules: SecurityGroupRule[]; query?: ExposureQuery; effective: string[] }> = [
  { name: 'accept from the IPv4 internet', rules: [rule({ id: 'a' })], effective: ['a'] },
  { name: 'accept from a private range only', rules: [rule({ id: 'a', sourceCidrIp: '10.0.0.0/8' })], effective: [] },
  { name: 'no rules', rules: [], effective: [] },
  {
    name: 'drop at the same priority wins whatever the order',
    rules: [rule({ id: 'a' }), rule({ id: 'd', policy: 'Drop' })],
    effective: [],
  },
  {
    name: 'drop listed first at the same priority still wins',
    rules: [rule({ id: 'd', policy: 'drop' }), rule({ id: 'a', policy: 'accept' })],
    effective: [],
  },
  {
    name: 'a higher-priority (lower number) drop wins',
    rules: [rule({ id: 'a', priority: 50 }), rule({ id: 'd', policy: 'Drop', priority: 10 })],
    effective: [],
  },
  {
    name: 'a lower-priority drop does not shadow the accept',
    rules: [rule({ id: 'a', priority: 10 }), rule({ id: 'd', policy: 'Drop', priority: 50 })],
    effective: ['a'],
  },
  {
    name: 'a drop covering part of the range leaves the port open',
    rules: [rule({ id: 'a', portRange: '20/25', priority: 5 }), rule({ id: 'd', policy: 'Drop', portRange: '23/25' })],
    effective: ['a'],
  },
  {
    name: 'a drop covering the asked port inside a wider accept',
    rules: [rule({ id: 'a', portRange: '20/25', priority: 5 }), rule({ id: 'd', policy: 'Drop', portRange: '21/23' })],
    effective: [],
  },
  {
    name: 'an IPv4 drop does not block the IPv6 internet',
    rules: [
      rule({ id: 'd', policy: 'Drop', portRange: '-1/-1', ipProtocol: 'ALL' }),
      rule({ id: 'v6', priority: 2, sourceCidrIp: null, ipv6SourceCidrIp: '::/0' }),
    ],
    effective: ['v6'],
  },
  {
    name: 'an IPv6 drop blocks the IPv6 accept',
    rules: [
      rule({ id: 'd', policy: 'Drop', sourceCidrIp: null, ipv6SourceCidrIp: '::/0' }),
      rule({ id: 'v6', priority: 2, sourceCidrIp: null, ipv6SourceCidrIp: '::/0' }),
    ],
    effective: [],
  },
  { name: 'protocol ALL with -1/-1', rules: [rule({ id: 'a', ipProtocol: 'all', portRange: '-1/-1' })], effective: ['a'] },
  { name: 'TCP 1/65535', rules: [rule({ id: 'a', portRange: '1/65535' })], effective: ['a'] },
  { name: 'a range that misses the port', rules: [rule({ id: 'a', portRange: '23/25' })], effective: [] },
  { name: 'UDP is not TCP', rules: [rule({ id: 'a', ipProtocol: 'UDP' })], effective: [] },
  { name: 'a source group is not the internet', rules: [rule({ id: 'a', sourceCidrIp: null, sourceGroupId: 'sg-x' })], effective: [] },
  {
    name: 'a prefix list is not the internet',
    rules: [rule({ id: 'a', sourceCidrIp: null, sourcePrefixListId: 'pl-x' })],
    effective: [],
  },
  {
    name: 'a drop from a narrower CIDR does not shield the internet',
    rules: [rule({ id: 'a', priority: 2 }), rule({ id: 'd', policy: 'Drop', sourceCidrIp: '1.2.3.0/24' })],
    effective: ['a'],
  },
  { name: 'egress rules do not answer ingress', rules: [rule({ id: 'e', direction: 'egress', sourceCidrIp: null, destCidrIp: '0.0.0.0/0' })], effective: [] },
  {
    name: 'egress to the internet',
    rules: [rule({ id: 'e', direction: 'egress', ipProtocol: 'ALL', portRange: '-1/-1', sourceCidrIp: null, destCidrIp: '0.0.0.0/0' })],
    query: { direction: 'egress', protocol: 'all' },
    effective: ['e', 'e', 'e', 'e', 'e'],
  },
  {
    name: 'egress default accept of what no rule covers',
    rules: [rule({ id: 'd', direction: 'egress', policy: 'Drop', portRange: '1/65535', sourceCidrIp: null, destCidrIp: '0.0.0.0/0' })],
    query: { direction: 'egress', protocol: 'tcp', defaultAccept: true },
    effective: ['default'],
  },
  { name: 'a prefix length of 0 written differently', rules: [rule({ id: 'a', sourceCidrIp: '10.0.0.0/0' })], effective: ['a'] },
];

describe('internetExposure', () => {
  it.each(cases)('$name', ({ rules, query, effective }) => {
    expect(internetExposure(rules, query ?? ssh).map((exposure) => exposure.ruleId)).toEqual(effective);
  });

  it('reports the exposed slice of a partially dropped range', () => {
    const rules = [rule({ id: 'a', portRange: '20/25', priority: 5 }), rule({ id: 'd', policy: 'Drop', portRange: '23/24' })];
    const exposures = internetExposure(rules, { direction: 'ingress', protocol: 'tcp' });
    expect(exposures.map((exposure) => exposure.ports)).toEqual([
      { from: 20, to: 22 },
      { from: 25, to: 25 },
    ]);
  });

  it.each([
    { name: 'unknown policy', overrides: { policy: 'Allow' } },
    { name: 'priority 0', overrides: { priority: 0 } },
    { name: 'priority 101', overrides: { priority: 101 } },
    { name: 'unknown protocol', overrides: { ipProtocol: 'SCTP' } },
    { name: 'unreadable port range', overrides: { portRange: '22' } },
    { name: 'reversed port range', overrides: { portRange: '25/20' } },
    { name: 'unknown direction', overrides: { direction: 'inbound' } },
  ])('refuses a rule with $name', ({ overrides }) => {
    expect(() => internetExposure([rule(overrides)], ssh)).toThrow(SecurityGroupRuleError);
  });
});

describe('whole space exposed', () => {
  const allTcp: ExposureQuery = { direction: 'ingress', protocol: 'tcp' };
  const everything: ExposureQuery = { direction: 'egress', protocol: 'all' };
  it.each([
    { name: 'tcp 1/65535 from the internet', rules: [rule({ portRange: '1/65535' })], query: allTcp, whole: true },
    { name: 'protocol ALL -1/-1', rules: [rule({ ipProtocol: 'ALL', portRange: '-1/-1' })], query: allTcp, whole: true },
    { name: 'two ranges that together cover every port', rules: [rule({ portRange: '1/1000' }), rule({ id: 'b', portRange: '1001/65535' })], query: allTcp, whole: true },
    { name: 'a drop carves a port out', rules: [rule({ portRange: '1/65535', priority: 2 }), rule({ id: 'd', policy: 'Drop', portRange: '22/22' })], query: allTcp, whole: false },
    { name: 'a wide but partial range', rules: [rule({ portRange: '1/1024' })], query: allTcp, whole: false },
    { name: 'basic group default egress', rules: [], query: { ...everything, defaultAccept: true }, whole: true },
    { name: 'enterprise group default egress', rules: [], query: everything, whole: false },
    {
      name: 'egress drop of everything on IPv4 leaves the IPv6 default',
      rules: [rule({ direction: 'egress', policy: 'Drop', ipProtocol: 'ALL', portRange: '-1/-1', sourceCidrIp: null, destCidrIp: '0.0.0.0/0' })],
      query: { ...everything, defaultAccept: true },
      whole: true,
    },
    {
      name: 'egress only to tcp 443 is not everything',
      rules: [rule({ direction: 'egress', portRange: '443/443', sourceCidrIp: null, destCidrIp: '0.0.0.0/0' })],
      query: everything,
      whole: false,
    },
  ])('$name', ({ rules, query, whole }) => {
    expect(wholeSpaceExposed(internetExposure(rules, query), query)).toBe(whole);
  });
});
