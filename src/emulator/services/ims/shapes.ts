// IMS 2019-08-15 response items. IMS mirrors RAM with its own spellings: users are named by
// UserPrincipalName, `HardExpire` for `HardExpiry` (../ram/shapes.ts passwordPolicy), and its security
// preference carries the MFA enforcement setting RAM lacks.
import type { ApiObject } from '../../fill.js';
import type { RamUserModel } from '../ram/model.js';
import { userDisplayName, userId, userPrincipalName } from '../ram/shapes.js';

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

/** Fields: response-examples/ims_2019-08-15/GetLoginProfile.json LoginProfile. */
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

/** An account without user SSO. Fields: response-examples/ims_2019-08-15/GetUserSsoSettings.json UserSsoSettings. */
export function userSsoSettingsTemplate(): ApiObject {
  return { AuxiliaryDomain: '', MetadataDocument: '', SsoEnabled: false };
}

/** Fields: response-examples/ims_2019-08-15/ListSAMLProviders.json SAMLProviders.SAMLProvider[]. */
export function samlProviderTemplate(): ApiObject {
  return { UpdateDate: '2026-01-05T08:00:00Z', Description: '', SAMLProviderName: '', CreateDate: '2026-01-05T08:00:00Z', Arn: '' };
}

/** Fields: response-examples/ims_2019-08-15/ListOIDCProviders.json OIDCProviders.OIDCProvider[]. */
export function oidcProviderTemplate(): ApiObject {
  return {
    UpdateDate: '2026-01-05T08:00:00Z',
    Description: '',
    OIDCProviderName: '',
    CreateDate: '2026-01-05T08:00:00Z',
    Arn: '',
    IssuerUrl: '',
    Fingerprints: '',
    ClientIds: '',
    GmtCreate: '',
    GmtModified: '',
    IssuanceLimitTime: 12,
  };
}

export const samlProviderArn = (accountId: string, name: string) => `acs:ram::${accountId}:saml-provider/${name}`;
export const oidcProviderArn = (accountId: string, name: string) => `acs:ram::${accountId}:oidc-provider/${name}`;
