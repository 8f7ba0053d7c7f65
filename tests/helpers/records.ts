// Inventory records for tests that build them by hand: a typical record, with the fields a test cares about given.
import type { SecurityGroupRule } from '../../src/services/ecs/records.js';

/** An ingress Accept of TCP 22 from the IPv4 internet, unless `overrides` say otherwise. */
export function securityGroupRule(overrides: Partial<SecurityGroupRule> = {}): SecurityGroupRule {
  return {
    id: 'sgr-1',
    direction: 'ingress',
    policy: 'Accept',
    priority: 1,
    ipProtocol: 'TCP',
    portRange: '22/22',
    sourceCidrIp: '0.0.0.0/0',
    ipv6SourceCidrIp: null,
    sourceGroupId: null,
    sourcePrefixListId: null,
    destCidrIp: null,
    ipv6DestCidrIp: null,
    destGroupId: null,
    destPrefixListId: null,
    nicType: 'intranet',
    description: '',
    ...overrides,
  };
}
