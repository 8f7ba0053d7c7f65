// RAM 2015-05-01 response items, built from the account model's RAM records. IMS (../ims/shapes.ts)
// builds its own from the same records; the items both APIs share take an `api` switch here.
import { createHash } from 'node:crypto';
import type { ApiObject } from '../../fill.js';
import type { AccessKeyModel, RamAccountModel, RamGroupModel, RamPolicyModel, RamRoleModel, RamUserModel } from './model.js';

/** A stable numeric id (RAM user ids, role ids) derived from a name. */
function numericId(seed: string, digits = 16): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return (BigInt(`0x${hex.slice(0, 15)}`) % 10n ** BigInt(digits)).toString().padStart(digits, '1');
}

export function userId(user: RamUserModel): string {
  return user.UserId ?? numericId(`user:${user.UserName}`);
}

/** The API shows the user name where no display name was set. */
export function userDisplayName(user: RamUserModel): string {
  return user.DisplayName ?? user.UserName;
}

export function userPrincipalName(user: RamUserModel, accountId: string): string {
  return `${user.UserName}@${accountId}.onaliyun.com`;
}

/** Fields: response-examples/ram_2015-05-01/ListUsers.json Users.User[]. */
export function ramUserItem(user: RamUserModel): ApiObject {
  return {
    DisplayName: userDisplayName(user),
    Email: user.Email,
    UpdateDate: user.UpdateDate ?? user.CreateDate,
    MobilePhone: user.MobilePhone,
    UserId: userId(user),
    Comments: user.Comments,
    CreateDate: user.CreateDate,
    UserName: user.UserName,
  };
}

/** RAM GetUser adds the last console logon. Fields: response-examples/ram_2015-05-01/GetUser.json User. */
export function ramUserDetail(user: RamUserModel): ApiObject {
  return { ...ramUserItem(user), LastLoginDate: user.LastLoginDate ?? '' };
}

/** Fields: response-examples/ram_2015-05-01/ListAccessKeys.json and ims_2019-08-15/ListAccessKeys.json AccessKeys.AccessKey[]. */
export function accessKeyItem(key: AccessKeyModel, api: 'ram' | 'ims'): ApiObject {
  const item: ApiObject = { Status: key.Status, AccessKeyId: key.AccessKeyId, CreateDate: key.CreateDate };
  return api === 'ims' ? { ...item, UpdateDate: key.CreateDate } : item;
}

/** Fields: response-examples/ram_2015-05-01/GetLoginProfile.json LoginProfile. */
export function ramLoginProfile(user: RamUserModel, profile: NonNullable<RamUserModel['LoginProfile']>): ApiObject {
  return {
    PasswordResetRequired: profile.PasswordResetRequired,
    CreateDate: profile.CreateDate ?? user.CreateDate,
    UserName: user.UserName,
    MFABindRequired: profile.MFABindRequired,
  };
}

export function mfaSerialNumber(user: RamUserModel, accountId: string): string {
  return user.MFADevice?.SerialNumber ?? `acs:ram::${accountId}:mfa/${user.UserName}`;
}

export function groupId(group: RamGroupModel): string {
  return group.GroupId ?? `g-${numericId(`group:${group.GroupName}`, 12)}`;
}

export function roleId(role: RamRoleModel): string {
  return role.RoleId ?? numericId(`role:${role.RoleName}`, 18);
}

export function roleArn(role: RamRoleModel, accountId: string): string {
  return `acs:ram::${accountId}:role/${role.RoleName.toLowerCase()}`;
}

/** Fields: response-examples/ram_2015-05-01/ListRoles.json Roles.Role[]. */
export function roleItem(role: RamRoleModel, accountId: string): ApiObject {
  return {
    Description: role.Description,
    UpdateDate: role.CreateDate,
    MaxSessionDuration: role.MaxSessionDuration,
    RoleName: role.RoleName,
    CreateDate: role.CreateDate,
    RoleId: roleId(role),
    Arn: roleArn(role, accountId),
  };
}

/** Documents are JSON strings on the wire, whatever form the model wrote them in. */
export function documentString(document: string | Record<string, unknown>): string {
  return typeof document === 'string' ? document : JSON.stringify(document);
}

export function trustPolicy(role: RamRoleModel, accountId: string): string {
  return documentString(
    role.AssumeRolePolicyDocument ?? {
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [`acs:ram::${accountId}:root`] } }],
      Version: '1',
    },
  );
}

/** Fields: response-examples/ram_2015-05-01/ListPolicies.json Policies.Policy[]. */
export function policyItem(policy: RamPolicyModel, attachmentCount: number): ApiObject {
  return {
    DefaultVersion: policy.DefaultVersion,
    Description: policy.Description,
    UpdateDate: policy.CreateDate,
    AttachmentCount: attachmentCount,
    PolicyName: policy.PolicyName,
    CreateDate: policy.CreateDate,
    PolicyType: policy.PolicyType,
  };
}

/** Fields: response-examples/ram_2015-05-01/GetPolicyVersion.json PolicyVersion and GetPolicy.json DefaultPolicyVersion. */
export function policyVersion(policy: RamPolicyModel): ApiObject {
  return {
    IsDefaultVersion: true,
    PolicyDocument: documentString(policy.PolicyDocument),
    VersionId: policy.DefaultVersion,
    CreateDate: policy.CreateDate,
  };
}

/** An attachment as ListPoliciesForUser/Group/Role report it. Fields: response-examples/ram_2015-05-01/ListPoliciesForUser.json Policies.Policy[]. */
export function attachedPolicyItem(policy: RamPolicyModel, attachDate: string): ApiObject {
  return {
    DefaultVersion: policy.DefaultVersion,
    Description: policy.Description,
    PolicyName: policy.PolicyName,
    AttachDate: attachDate,
    PolicyType: policy.PolicyType,
  };
}

/** Fields: response-examples/ram_2015-05-01/GetPasswordPolicy.json and ims_2019-08-15/GetPasswordPolicy.json PasswordPolicy. */
export function passwordPolicy(model: RamAccountModel['ram']['passwordPolicy'], api: 'ram' | 'ims'): ApiObject {
  const { HardExpiry, PasswordNotContainUserName, MinimumPasswordDifferentCharacter, ...common } = model;
  return api === 'ram'
    ? { ...common, HardExpiry }
    : { ...common, HardExpire: HardExpiry, PasswordNotContainUserName, MinimumPasswordDifferentCharacter };
}

/** RAM's view of the same preference: no MFA enforcement setting, plus the public-key preference. Fields: response-examples/ram_2015-05-01/GetSecurityPreference.json SecurityPreference. */
export function ramSecurityPreference(ims: ApiObject): ApiObject {
  const login = ims.LoginProfilePreference as ApiObject;
  return {
    AccessKeyPreference: ims.AccessKeyPreference,
    MFAPreference: ims.MFAPreference,
    LoginProfilePreference: {
      EnableSaveMFATicket: login.EnableSaveMFATicket,
      LoginSessionDuration: login.LoginSessionDuration,
      LoginNetworkMasks: login.LoginNetworkMasks,
      AllowUserToChangePassword: login.AllowUserToChangePassword,
    },
    PublicKeyPreference: { AllowUserToManagePublicKeys: false },
  };
}
