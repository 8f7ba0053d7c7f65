// The fewest calls a correct collector makes for an account: every listing at its page cap (one page even
// when empty), one detail call per resource where no bulk answer exists, and the per-user RAM calls the
// bulk answers (virtual MFA listing, credential report) leave. The rest (a call or two per region, e.g.
// DescribeUserBusinessBehavior) is taken from the run itself as its distinct requests.
import type { AccountModel } from '../emulator/index.js';
import type { Service } from '../inventory/types.js';

export interface MinimumCalls {
  service: Service;
  action: string;
  /** null for a global API */
  region: string | null;
  calls: number;
}

const pages = (count: number, cap: number) => Math.max(1, Math.ceil(count / cap));

type SecurityGroupModel = AccountModel['regions'][string]['securityGroups'][number];

/**
 * DescribeSecurityGroupAttribute calls for one group's rules: a classic-network group (no VpcId) answers one NIC
 * type a call, so each type is listed on its own, a page at least; a VPC group's rules are all intranet
 * (ecs_2014-05-26.api-docs.json, DescribeSecurityGroupAttribute NicType; src/collectors/ecs.ts).
 */
function ruleCalls(group: SecurityGroupModel): number {
  if ((group.VpcId ?? '') !== '') return pages(group.Permissions.length, 1000);
  // a rule without NicType is answered as intranet (the emulator's template, src/emulator/shapes/ecs.ts)
  const internet = group.Permissions.filter((rule) => rule.NicType === 'internet').length;
  return pages(internet, 1000) + pages(group.Permissions.length - internet, 1000);
}

export function minimumCalls(model: AccountModel): MinimumCalls[] {
  const result: MinimumCalls[] = [];
  const add = (service: Service, action: string, region: string | null, calls: number) => result.push({ service, action, region, calls });
  for (const [region, r] of Object.entries(model.regions)) {
    add('ecs', 'DescribeInstances', region, pages(r.instances.length, 100));
    add('ecs', 'DescribeCloudAssistantStatus', region, pages(r.instances.length, 50));
    add('ecs', 'DescribeSecurityGroups', region, pages(r.securityGroups.length, 100));
    add('ecs', 'DescribeSecurityGroupAttribute', region, r.securityGroups.reduce((sum, g) => sum + ruleCalls(g), 0));
    add('ecs', 'DescribeDisks', region, pages(r.disks.length, 500));
    add('ecs', 'DescribeSnapshots', region, pages(r.snapshots.length, 100));
    add('ecs', 'DescribeAutoSnapshotPolicyEx', region, pages(r.autoSnapshotPolicies.length, 100));
    add('ecs', 'DescribeKeyPairs', region, pages(r.keyPairs.length, 50));
    add('vpc', 'DescribeVpcs', region, pages(r.vpcs.length, 50));
    add('vpc', 'DescribeVSwitches', region, pages(r.vSwitches.length, 50));
    add('vpc', 'DescribeNetworkAcls', region, pages(r.networkAcls.length, 50));
    add('vpc', 'DescribeFlowLogs', region, pages(r.flowLogs.length, 50));
    add('vpc', 'DescribeEipAddresses', region, pages(r.eips.length, 100));
  }
  const { users, groups, roles, policies } = model.ram;
  const virtualMfa = users.filter((user) => user.MFADevice?.Type === 'VMFA').length;
  // without a virtual device, the report's mfa_active answers only FALSE (it says N/A without a password)
  const askMfa = users.filter((user) => user.MFADevice?.Type !== 'VMFA' && (user.LoginProfile === null || user.MFADevice !== null)).length;
  const systemPolicies = new Set(policies.filter((p) => p.PolicyType === 'System').map((p) => p.PolicyName));
  const systemInUse = new Set([...users, ...groups, ...roles].flatMap((principal) => principal.Policies).filter((name) => systemPolicies.has(name)));
  const customPolicies = policies.length - systemPolicies.size;
  add('ims', 'ListUsers', null, pages(users.length, 1000));
  add('ims', 'ListVirtualMFADevices', null, pages(virtualMfa, 100));
  for (const action of ['GetLoginProfile', 'ListAccessKeys', 'ListGroupsForUser', 'ListPoliciesForUser']) add('ram', action, null, users.length);
  add('ram', 'GetUserMFAInfo', null, askMfa);
  add('ram', 'ListGroups', null, pages(groups.length, 1000));
  add('ram', 'ListPoliciesForGroup', null, groups.length);
  add('ram', 'ListRoles', null, pages(roles.length, 1000));
  add('ram', 'GetRole', null, roles.length);
  add('ram', 'ListPoliciesForRole', null, roles.length);
  add('ram', 'ListPolicies', null, pages(customPolicies, 1000));
  add('ram', 'GetPolicy', null, customPolicies + systemInUse.size);
  return result.filter((entry) => entry.calls > 0);
}
