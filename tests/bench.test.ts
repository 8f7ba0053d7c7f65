// The benchmark's generator is deterministic and its minimum counts follow the page caps.
import { describe, expect, it } from 'vitest';
import { FULL_SIZE, generateAccount, scaledSize } from '../src/bench/generate.js';
import { minimumCalls } from '../src/bench/minimum.js';
import { defineAccount } from '../src/emulator/index.js';

describe('bench account generator', () => {
  it('gives the same account for the same scale and seed, and another for another seed', () => {
    const size = scaledSize(0.01);
    expect(generateAccount(size, 7)).toEqual(generateAccount(size, 7));
    expect(generateAccount(size, 8)).not.toEqual(generateAccount(size, 7));
  });

  it('scales every count but keeps the regions and the rules per group', () => {
    const model = defineAccount(generateAccount(scaledSize(0.02)));
    const regions = Object.values(model.regions);
    expect(regions).toHaveLength(FULL_SIZE.regions);
    expect(regions.reduce((sum, region) => sum + region.instances.length, 0)).toBe(200);
    expect(regions.reduce((sum, region) => sum + region.disks.length, 0)).toBe(400);
    expect(regions.every((region) => region.securityGroups.every((group) => group.Permissions.length === FULL_SIZE.rulesPerGroup))).toBe(true);
    expect(model.ram.users).toHaveLength(20);
  });
});

describe('minimum calls', () => {
  it.each([
    { action: 'DescribeInstances', region: 'cn-hangzhou', instances: 250, calls: 3 },
    { action: 'DescribeDisks', region: 'cn-hangzhou', instances: 0, calls: 1 },
  ])('$action: one page per cap, one page when empty', ({ action, region, instances, calls }) => {
    const model = defineAccount({
      accountId: '5890000000000001',
      regions: {
        [region]: {
          securityGroups: [{ SecurityGroupId: 'sg-a1' }],
          instances: Array.from({ length: instances }, (_, i) => ({ InstanceId: `i-a${i}`, OSName: 'Linux', OSType: 'linux', SecurityGroupIds: ['sg-a1'] })),
        },
      },
    });
    expect(minimumCalls(model)).toContainEqual({ service: 'ecs', action, region, calls });
  });

  it('lists a classic-network group once per NIC type, a VPC group once', () => {
    const rules = (count: number, NicType: 'internet' | 'intranet') => Array.from({ length: count }, () => ({ NicType }));
    const model = defineAccount({
      accountId: '5890000000000001',
      regions: {
        'cn-hangzhou': {
          securityGroups: [
            { SecurityGroupId: 'sg-classic1', VpcId: '', Permissions: [...rules(3, 'internet'), ...rules(1200, 'intranet')] },
            { SecurityGroupId: 'sg-classic2', VpcId: '' },
            { SecurityGroupId: 'sg-vpc1', VpcId: 'vpc-a1', Permissions: rules(5, 'intranet') },
          ],
        },
      },
    });
    // classic1: 1 internet page + 2 intranet pages; classic2: an empty page of each type; the VPC group: 1
    expect(minimumCalls(model)).toContainEqual({ service: 'ecs', action: 'DescribeSecurityGroupAttribute', region: 'cn-hangzhou', calls: 6 });
  });

  it('asks GetUserMFAInfo only for users the bulk answers leave open', () => {
    const model = defineAccount({
      accountId: '5890000000000001',
      regions: { 'cn-hangzhou': {} },
      ram: {
        users: [
          { UserName: 'virtual', LoginProfile: {}, MFADevice: { Type: 'VMFA' } },
          { UserName: 'u2f', LoginProfile: {}, MFADevice: { Type: 'U2F' } },
          { UserName: 'none', LoginProfile: {} },
          { UserName: 'api-only' },
        ],
      },
    });
    expect(minimumCalls(model)).toContainEqual({ service: 'ram', action: 'GetUserMFAInfo', region: null, calls: 2 });
  });
});
