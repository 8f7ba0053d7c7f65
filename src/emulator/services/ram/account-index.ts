// RAM's slice of the account index: the identities with the lookups RAM, IMS and STS answer from, and
// who owns each access key (what the gateway authenticates callers by).
import { fill, type ApiObject } from '../../fill.js';
import type { Identity } from '../../credentials.js';
import { imsSecurityPreferenceTemplate } from '../ims/shapes.js';
import type { RamAccountModel, RamGroupModel, RamPolicyModel, RamRoleModel, RamUserModel } from './model.js';

export interface PolicyAttachments {
  users: { user: RamUserModel; index: number }[];
  groups: RamGroupModel[];
  roles: RamRoleModel[];
}

export interface RamIndex {
  users: RamUserModel[];
  userByName: Map<string, RamUserModel>;
  groups: RamGroupModel[];
  groupByName: Map<string, RamGroupModel>;
  membersOfGroup: Map<string, RamUserModel[]>;
  roles: RamRoleModel[];
  /** role names are case-insensitive in ARNs */
  roleByLowerName: Map<string, RamRoleModel>;
  policies: RamPolicyModel[];
  policyByName: Map<string, RamPolicyModel>;
  attachmentsOfPolicy: Map<string, PolicyAttachments>;
  securityPreference: ApiObject;
}

export interface RamAccountIndex {
  ram: RamIndex;
  /** A credential is the account root, or a RAM user when the model lists its access key. */
  identify(accessKeyId: string): Identity;
  /** the access keys of the root and the users that are disabled */
  inactiveKeys: Set<string>;
}

export function indexRam(model: RamAccountModel): RamAccountIndex {
  const { users, groups, roles, policies } = model.ram;
  const attachmentsOfPolicy = new Map<string, PolicyAttachments>(
    policies.map((policy) => [policy.PolicyName, { users: [], groups: [], roles: [] }]),
  );
  users.forEach((user, index) => user.Policies.forEach((name) => attachmentsOfPolicy.get(name)!.users.push({ user, index })));
  groups.forEach((group) => group.Policies.forEach((name) => attachmentsOfPolicy.get(name)!.groups.push(group)));
  roles.forEach((role) => role.Policies.forEach((name) => attachmentsOfPolicy.get(name)!.roles.push(role)));
  const membersOfGroup = new Map<string, RamUserModel[]>(groups.map((group) => [group.GroupName, []]));
  for (const user of users) for (const name of user.Groups) membersOfGroup.get(name)!.push(user);
  const owners = new Map<string, Identity>();
  for (const user of users) {
    for (const key of user.AccessKeys) owners.set(key.AccessKeyId, { type: 'RAMUser', userName: user.UserName });
  }
  return {
    ram: {
      users,
      userByName: new Map(users.map((user) => [user.UserName, user])),
      groups,
      groupByName: new Map(groups.map((group) => [group.GroupName, group])),
      membersOfGroup,
      roles,
      roleByLowerName: new Map(roles.map((role) => [role.RoleName.toLowerCase(), role])),
      policies,
      policyByName: new Map(policies.map((policy) => [policy.PolicyName, policy])),
      attachmentsOfPolicy,
      securityPreference: fill(imsSecurityPreferenceTemplate(), model.ram.securityPreference),
    },
    identify: (accessKeyId) => owners.get(accessKeyId) ?? { type: 'Account' },
    inactiveKeys: new Set(
      [...model.root.AccessKeys, ...users.flatMap((u) => u.AccessKeys)].filter((key) => key.Status === 'Inactive').map((key) => key.AccessKeyId),
    ),
  };
}
