// RAM 2015-05-01 (global). List* page with Marker / MaxItems / IsTruncated, at most 1000 items.
// The "absent" answers are 404s, as in the real API: no login profile, no MFA device.
// Every answer has the fields of response-examples/ram_2015-05-01/<Action>.json (the envelopes built here as
// well as the items of ./shapes.ts); tests/emulator-shapes.test.ts compares each with its example.
import { entityNotExist, invalidParameter } from '../../api-error.js';
import type { AccessKeyModel, RamUserModel } from './model.js';
import type { Paging } from '../../paging.js';
import { wrap } from '../../fill.js';
import {
  accessKeyItem,
  attachedPolicyItem,
  documentString,
  groupId,
  mfaSerialNumber,
  passwordPolicy,
  policyItem,
  policyVersion,
  ramLoginProfile,
  ramSecurityPreference,
  ramUserDetail,
  ramUserItem,
  roleItem,
  trustPolicy,
  userDisplayName,
  userId,
} from './shapes.js';
import { global, listPage, type ActionContext, type ActionTable } from '../../rpc/action.js';
import type { RamIndex } from './account-index.js';

const MARKER_PAGING: Paging = { style: 'marker', max: 1000, default: 100 };

function findUser(ram: RamIndex, name: string): RamUserModel {
  const user = ram.userByName.get(name);
  if (!user) throw entityNotExist('EntityNotExist.User', `The user does not exist: ${name}.`);
  return user;
}

function findGroup(ram: RamIndex, name: string) {
  const group = ram.groupByName.get(name);
  if (!group) throw entityNotExist('EntityNotExist.Group', `The group does not exist: ${name}.`);
  return group;
}

function findRole(ram: RamIndex, name: string) {
  const role = ram.roleByLowerName.get(name.toLowerCase());
  if (!role) throw entityNotExist('EntityNotExist.Role', `The role does not exist: ${name}.`);
  return role;
}

function findPolicy(ram: RamIndex, name: string, type: string | undefined) {
  const policy = ram.policyByName.get(name);
  if (!policy || (type !== undefined && policy.PolicyType !== type)) {
    throw entityNotExist('EntityNotExist.Policy', `The policy does not exist: ${name}.`);
  }
  return policy;
}

/** How many principals a policy is attached to (the AttachmentCount of ListPolicies and GetPolicy). */
function attachmentCount(ram: RamIndex, policyName: string): number {
  const { users, groups, roles } = ram.attachmentsOfPolicy.get(policyName)!;
  return users.length + groups.length + roles.length;
}

/** The keys ListAccessKeys lists: the named user's, else the caller's own (root's for the account). */
export function ownKeys({ account, caller }: ActionContext, userName: string | undefined): AccessKeyModel[] {
  if (userName !== undefined) return findUser(account.ram, userName).AccessKeys;
  const { identity } = caller;
  if (identity.type === 'RAMUser') return findUser(account.ram, identity.userName).AccessKeys;
  return identity.type === 'Account' ? account.model.root.AccessKeys : [];
}

export function findKey(keys: AccessKeyModel[], accessKeyId: string): AccessKeyModel {
  const key = keys.find((k) => k.AccessKeyId === accessKeyId);
  if (!key) throw entityNotExist('EntityNotExist.User.AccessKey', `The access key does not exist: ${accessKeyId}.`);
  return key;
}

export const noLoginProfile = (name: string) =>
  entityNotExist('EntityNotExist.User.LoginProfile', `The login profile of the user does not exist: ${name}.`);

export const noMfaDevice = (name: string) =>
  entityNotExist('EntityNotExist.User.MFADevice', `The MFA device of the user does not exist: ${name}.`);

export const ramActions: ActionTable = {
  ListUsers: global(({ params, account }) =>
    listPage(account.ram.users.map(ramUserItem), params, MARKER_PAGING, 'Users', 'User'),
  ),

  GetUser: global(({ params, account }) => ({ User: ramUserDetail(findUser(account.ram, params.required('UserName'))) })),

  ListGroups: global(({ params, account }) =>
    listPage(
      account.ram.groups.map((g) => ({ GroupId: groupId(g), UpdateDate: g.CreateDate, GroupName: g.GroupName, Comments: g.Comments, CreateDate: g.CreateDate })),
      params,
      MARKER_PAGING,
      'Groups',
      'Group',
    ),
  ),

  ListRoles: global(({ params, account }) =>
    listPage(account.ram.roles.map((r) => roleItem(r, account.accountId)), params, MARKER_PAGING, 'Roles', 'Role'),
  ),

  GetRole: global(({ params, account }) => {
    const role = findRole(account.ram, params.required('RoleName'));
    return { Role: { ...roleItem(role, account.accountId), AssumeRolePolicyDocument: trustPolicy(role, account.accountId) } };
  }),

  ListPolicies: global(({ params, account }) => {
    const type = params.get('PolicyType');
    if (type !== undefined && type !== 'System' && type !== 'Custom') throw invalidParameter('PolicyType', type);
    const policies = type === undefined ? account.ram.policies : account.ram.policies.filter((p) => p.PolicyType === type);
    const items = policies.map((p) => policyItem(p, attachmentCount(account.ram, p.PolicyName)));
    return listPage(items, params, MARKER_PAGING, 'Policies', 'Policy');
  }),

  GetPolicy: global(({ params, account }) => {
    const policy = findPolicy(account.ram, params.required('PolicyName'), params.get('PolicyType'));
    return {
      Policy: { ...policyItem(policy, attachmentCount(account.ram, policy.PolicyName)), PolicyDocument: documentString(policy.PolicyDocument) },
      DefaultPolicyVersion: policyVersion(policy),
    };
  }),

  GetPolicyVersion: global(({ params, account }) => {
    const policy = findPolicy(account.ram, params.required('PolicyName'), params.get('PolicyType'));
    const versionId = params.required('VersionId');
    if (versionId !== policy.DefaultVersion) {
      throw entityNotExist('EntityNotExist.Policy.Version', `The policy version does not exist: ${versionId}.`);
    }
    return { PolicyVersion: policyVersion(policy) };
  }),

  ListEntitiesForPolicy: global(({ params, account }) => {
    const policy = findPolicy(account.ram, params.required('PolicyName'), params.get('PolicyType'));
    const attached = account.ram.attachmentsOfPolicy.get(policy.PolicyName)!;
    return {
      ...wrap('Groups', 'Group', attached.groups.map((g) => ({ GroupName: g.GroupName, Comments: g.Comments, AttachDate: g.CreateDate }))),
      ...wrap(
        'Roles',
        'Role',
        attached.roles.map((r) => {
          const { Description, RoleName, Arn, RoleId } = roleItem(r, account.accountId);
          return { Description, RoleName, AttachDate: r.CreateDate, Arn, RoleId };
        }),
      ),
      ...wrap(
        'Users',
        'User',
        attached.users.map(({ user }) => ({ DisplayName: userDisplayName(user), UserId: userId(user), UserName: user.UserName, AttachDate: user.CreateDate })),
      ),
    };
  }),

  ListPoliciesForUser: global(({ params, account }) => {
    const user = findUser(account.ram, params.required('UserName'));
    return wrap('Policies', 'Policy', user.Policies.map((name) => attachedPolicyItem(account.ram.policyByName.get(name)!, user.CreateDate)));
  }),

  ListPoliciesForGroup: global(({ params, account }) => {
    const group = findGroup(account.ram, params.required('GroupName'));
    return wrap('Policies', 'Policy', group.Policies.map((name) => attachedPolicyItem(account.ram.policyByName.get(name)!, group.CreateDate)));
  }),

  ListPoliciesForRole: global(({ params, account }) => {
    const role = findRole(account.ram, params.required('RoleName'));
    return wrap('Policies', 'Policy', role.Policies.map((name) => attachedPolicyItem(account.ram.policyByName.get(name)!, role.CreateDate)));
  }),

  ListGroupsForUser: global(({ params, account }) => {
    const user = findUser(account.ram, params.required('UserName'));
    return wrap(
      'Groups',
      'Group',
      user.Groups.map((name) => {
        const group = account.ram.groupByName.get(name)!;
        return { GroupId: groupId(group), GroupName: group.GroupName, Comments: group.Comments, JoinDate: user.CreateDate };
      }),
    );
  }),

  ListUsersForGroup: global(({ params, account }) => {
    const group = findGroup(account.ram, params.required('GroupName'));
    const members = account.ram.membersOfGroup.get(group.GroupName)!;
    const items = members.map((u) => ({ DisplayName: userDisplayName(u), JoinDate: u.CreateDate, UserName: u.UserName }));
    return listPage(items, params, MARKER_PAGING, 'Users', 'User');
  }),

  ListAccessKeys: global((context) =>
    wrap('AccessKeys', 'AccessKey', ownKeys(context, context.params.get('UserName')).map((k) => accessKeyItem(k, 'ram'))),
  ),

  GetAccessKeyLastUsed: global((context) => {
    const key = findKey(ownKeys(context, context.params.get('UserName')), context.params.required('UserAccessKeyId'));
    return { AccessKeyLastUsed: { LastUsedDate: key.LastUsedDate ?? '' } };
  }),

  GetLoginProfile: global(({ params, account }) => {
    const user = findUser(account.ram, params.required('UserName'));
    if (!user.LoginProfile) throw noLoginProfile(user.UserName);
    return { LoginProfile: ramLoginProfile(user, user.LoginProfile) };
  }),

  GetUserMFAInfo: global(({ params, account }) => {
    const user = findUser(account.ram, params.required('UserName'));
    if (!user.MFADevice) throw noMfaDevice(user.UserName);
    return { MFADevice: { SerialNumber: mfaSerialNumber(user, account.accountId), Type: user.MFADevice.Type } };
  }),

  ListVirtualMFADevices: global(({ account }) =>
    wrap(
      'VirtualMFADevices',
      'VirtualMFADevice',
      account.ram.users
        .filter((u) => u.MFADevice?.Type === 'VMFA')
        .map((u) => ({
          SerialNumber: mfaSerialNumber(u, account.accountId),
          User: { DisplayName: userDisplayName(u), UserId: userId(u), UserName: u.UserName },
          ActivateDate: u.MFADevice!.ActivateDate ?? u.CreateDate,
        })),
    ),
  ),

  GetPasswordPolicy: global(({ account }) => ({ PasswordPolicy: passwordPolicy(account.model.ram.passwordPolicy, 'ram') })),

  GetSecurityPreference: global(({ account }) => ({ SecurityPreference: ramSecurityPreference(account.ram.securityPreference) })),
};
