// RAM 2015-05-01 and IMS 2019-08-15 response items, built from the account model's RAM records.
// IMS mirrors RAM with its own spellings: users are named by UserPrincipalName, `HardExpire` for
// `HardExpiry`, and its security preference carries the MFA enforcement setting RAM lacks.
import { createHash } from 'node:crypto';
import type { ApiObject } from './fill.js';
import type {
  AccessKeyModel,
  AccountModel,
  RamGroupModel,
  RamPolicyModel,
  RamRoleModel,
  RamUserModel,
} from '../account-model.js';

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

/** RAM GetUser adds the last console logon. */
export function ramUserDetail(user: RamUserModel): ApiObject {
  return { ...ramUserItem(user), LastLoginDate: user.LastLoginDate ?? '' };
}

/** IMS user; ListUsers reports LastLoginDate as epoch milliseconds, GetUser as an ISO time. Fields: response-examples/ims_2019-08-15/ListUsers.json Users.User[] and GetUser.json User. */
export function imsUser(user: RamUserModel, accountId: string, lastLogin: 'epoch-ms' | 'iso'): ApiObject {
  const last = user.LastLoginDate;
  return {
    DisplayName: userDisplayName(user),
    UserPrincipalName: userPrincipalName(user, accountId),
    Email: user.Email,
    UpdateDate: user.UpdateDate ?? user.CreateDate,
    MobilePhone: user.MobilePhone,
    UserId: userId(user),
    Comments: user.Comments,
    LastLoginDate: last === null ? '' : lastLogin === 'iso' ? last : String(Date.parse(last)),
    CreateDate: user.CreateDate,
    ProvisionType: 'Manual',
    Tags: { Tag: [] },
  };
}

/** Fields: response-examples/ram_2015-05-01/ListAccessKeys.json and ims_2019-08-15/ListAccessKeys.json AccessKeys.AccessKey[]. */
export function accessKeyItem(key: AccessKeyModel, api: 'ram' | 'ims'): ApiObject {
  const item: ApiObject = { Status: key.Status, AccessKeyId: key.AccessKeyId, CreateDate: key.CreateDate };
  return api === 'ims' ? { ...item, UpdateDate: key.CreateDate } : item;
}

export function ramLoginProfile(user: RamUserModel, profile: NonNullable<RamUserModel['LoginProfile']>): ApiObject {
  return {
    PasswordResetRequired: profile.PasswordResetRequired,
    CreateDate: profile.CreateDate ?? user.CreateDate,
    UserName: user.UserName,
    MFABindRequired: profile.MFABindRequired,
  };
}

export function imsLoginProfile(
  user: RamUserModel,
  profile: NonNullable<RamUserModel['LoginProfile']>,
  accountId: string,
): ApiObject {
  return {
    Status: profile.Status,
    UserPrincipalName: userPrincipalName(user, accountId),
    UpdateDate: profile.PasswordLastChanged ?? profile.CreateDate ?? user.CreateDate,
    LastLoginTime: user.LastLoginDate ?? '',
    PasswordResetRequired: profile.PasswordResetRequired,
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
export function passwordPolicy(model: AccountModel['ram']['passwordPolicy'], api: 'ram' | 'ims'): ApiObject {
  const { HardExpiry, PasswordNotContainUserName, MinimumPasswordDifferentCharacter, ...common } = model;
  return api === 'ram'
    ? { ...common, HardExpiry }
    : { ...common, HardExpire: HardExpiry, PasswordNotContainUserName, MinimumPasswordDifferentCharacter };
}

/** Fields: response-examples/ims_2019-08-15/GetSecurityPreference.json SecurityPreference. */
export function imsSecurityPreferenceTemplate(): ApiObject {
  return {
    AccessKeyPreference: { AllowUserToManageAccessKeys: false },
    LoginProfilePreference: {
      EnableSaveMFATicket: false,
      LoginSessionDuration: 6,
      LoginNetworkMasks: '',
      AllowUserToChangePassword: true,
      OperationForRiskLogin: 'autonomous',
      // independent: each user's own setting decides; mandatory: MFA enforced for every logon
      MFAOperationForLogin: 'independent',
    },
    MFAPreference: { AllowUserToManageMFADevices: true },
    VerificationPreference: { VerificationTypes: [] },
    PersonalInfoPreference: { AllowUserToManagePersonalDingTalk: true },
  };
}

/** RAM's view of the same preference: no MFA enforcement setting, plus the public-key preference. */
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
