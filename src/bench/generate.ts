// A deterministic generator of large synthetic accounts for the benchmark: the same scale and seed give
// the same account, resource for resource.
import type { AccountModelInput } from '../emulator/index.js';
import { isoSeconds } from '../emulator/fill.js';

export interface AccountSize {
  regions: number;
  instances: number;
  securityGroups: number;
  rulesPerGroup: number;
  disks: number;
  users: number;
  customPolicies: number;
  groups: number;
  roles: number;
}

export const FULL_SIZE: AccountSize = {
  regions: 20,
  instances: 10_000,
  securityGroups: 2_000,
  rulesPerGroup: 25,
  disks: 20_000,
  users: 1_000,
  customPolicies: 300,
  groups: 40,
  roles: 60,
};

/** Every count scaled (at least one of each); the regions and the rules per group stay as they are. */
export function scaledSize(scale: number, size: AccountSize = FULL_SIZE): AccountSize {
  const of = (count: number) => Math.max(1, Math.round(count * scale));
  return {
    ...size,
    instances: of(size.instances),
    securityGroups: of(size.securityGroups),
    disks: of(size.disks),
    users: of(size.users),
    customPolicies: of(size.customPolicies),
    groups: of(size.groups),
    roles: of(size.roles),
  };
}

const REGION_IDS = [
  'cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'cn-qingdao', 'cn-zhangjiakou', 'cn-huhehaote', 'cn-wulanchabu',
  'cn-chengdu', 'cn-guangzhou', 'cn-hongkong', 'ap-southeast-1', 'ap-southeast-3', 'ap-southeast-5', 'ap-northeast-1',
  'ap-northeast-2', 'eu-central-1', 'eu-west-1', 'us-east-1', 'us-west-1', 'me-east-1', 'ap-south-1',
];

/** mulberry32: small, fast and good enough to pick fields. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Items spread over regions round-robin: region r gets items r, r + n, r + 2n, ... */
function share(total: number, regions: number, region: number): number {
  return Math.floor(total / regions) + (region < total % regions ? 1 : 0);
}

const id = (prefix: string, region: number, index: number) => `${prefix}${region.toString(36)}z${index.toString(36).padStart(5, '0')}`;
const day = (offset: number) => isoSeconds(new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000));

function regionModel(size: AccountSize, region: number, next: () => number) {
  // an instance needs a security group: every region has one at least
  const groupCount = Math.max(1, share(size.securityGroups, size.regions, region));
  const instanceCount = share(size.instances, size.regions, region);
  const diskCount = share(size.disks, size.regions, region);
  const vpcId = id('vpc-', region, 0);
  const securityGroups = Array.from({ length: groupCount }, (_, g) => ({
    SecurityGroupId: id('sg-', region, g),
    VpcId: vpcId,
    Permissions: Array.from({ length: size.rulesPerGroup }, (_, r) => {
      const open = next() < 0.05;
      return {
        Direction: r % 5 === 4 ? ('egress' as const) : ('ingress' as const),
        Policy: next() < 0.1 ? 'Drop' : 'Accept',
        Priority: String(1 + Math.floor(next() * 100)),
        IpProtocol: 'TCP',
        PortRange: `${1000 + r}/${1000 + r}`,
        SourceCidrIp: open ? '0.0.0.0/0' : `10.${region}.${r}.0/24`,
      };
    }),
  }));
  const instances = Array.from({ length: instanceCount }, (_, i) => ({
    InstanceId: id('i-', region, i),
    OSName: next() < 0.5 ? 'Alibaba Cloud Linux 3.2104 LTS 64 bit' : 'Ubuntu 22.04 64 bit',
    OSType: 'linux' as const,
    SecurityGroupIds: [id('sg-', region, i % groupCount)],
    VpcAttributes: { VpcId: vpcId },
  }));
  const disks = Array.from({ length: diskCount }, (_, d) => ({
    DiskId: id('d-', region, d),
    Encrypted: next() < 0.7,
    Type: d < instanceCount ? ('system' as const) : ('data' as const),
    ...(instanceCount > 0 ? { InstanceId: id('i-', region, d % instanceCount) } : {}),
  }));
  return { vpcs: [{ VpcId: vpcId }], securityGroups, instances, disks };
}

function ramModel(size: AccountSize, next: () => number) {
  const policies = Array.from({ length: size.customPolicies }, (_, p) => ({
    PolicyName: `bench-policy-${p}`,
    PolicyDocument: {
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: next() < 0.05 ? '*' : [`ecs:Describe*`, `oss:GetObject`], Resource: '*' }],
    },
  }));
  const policyName = () => `bench-policy-${Math.floor(next() * size.customPolicies)}`;
  const groups = Array.from({ length: size.groups }, (_, g) => ({ GroupName: `bench-group-${g}`, Policies: [policyName()] }));
  const roles = Array.from({ length: size.roles }, (_, r) => ({ RoleName: `bench-role-${r}`, Policies: [policyName()] }));
  const users = Array.from({ length: size.users }, (_, u) => {
    const console = next() < 0.6;
    const mfa = console && next() < 0.7;
    const keys = 1 + (next() < 0.3 ? 1 : 0);
    return {
      UserName: `bench-user-${u}`,
      CreateDate: day(u % 300),
      LoginProfile: console ? { MFABindRequired: mfa } : null,
      MFADevice: mfa ? { Type: next() < 0.9 ? ('VMFA' as const) : ('U2F' as const) } : null,
      AccessKeys: Array.from({ length: keys }, (_, k) => ({
        AccessKeyId: `LTAIbench${u.toString(36)}k${k}`,
        CreateDate: day(u % 300 + k * 30),
        LastUsedDate: next() < 0.8 ? day(600 + (u % 60)) : null,
      })),
      Groups: [`bench-group-${u % size.groups}`],
      Policies: next() < 0.2 ? [policyName()] : [],
    };
  });
  return { users, groups, roles, policies };
}

export function generateAccount(size: AccountSize, seed = 42): AccountModelInput {
  const next = random(seed);
  const regions = Object.fromEntries(REGION_IDS.slice(0, size.regions).map((regionId, region) => [regionId, regionModel(size, region, next)]));
  return { accountId: '5890000000000001', regions, ram: ramModel(size, next) };
}
