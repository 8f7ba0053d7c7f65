// IMS 2019-08-15 (global): RAM's identity data seen by UserPrincipalName, plus the credential report.
// Every answer has the fields of response-examples/ims_2019-08-15/<Action>.json (the envelopes built here as
// well as the items of ./shapes.ts); tests/emulator-shapes.test.ts compares each with its example.
import { ApiError, entityNotExist, invalidParameter } from '../../api-error.js';
import type { RamUserModel } from '../ram/model.js';
import { credentialReportLines } from './credential-report.js';
import { tokenPage, type Paging } from '../../paging.js';
import { isoSeconds, wrap } from '../../fill.js';
import { accessKeyItem, mfaSerialNumber, passwordPolicy, userDisplayName, userId, userPrincipalName } from '../ram/shapes.js';
import { imsLoginProfile, imsUser } from './shapes.js';
import { global, listPage, type ActionContext, type ActionTable } from '../../rpc/action.js';
import { findKey, noLoginProfile, noMfaDevice, ownKeys } from '../ram/handlers.js';

const USER_PAGING: Paging = { style: 'marker', max: 1000, default: 1000 };
const MFA_PAGING: Paging = { style: 'marker', max: 100, default: 100 };
/** MaxItems 1-100, default 100 (ims_2019-08-15.api-docs.json ListSAMLProviders, ListOIDCProviders) */
const PROVIDER_PAGING: Paging = { style: 'marker', max: 100, default: 100 };
/** GetCredentialReport MaxItems: 1-3501, default 3501 (ims_2019-08-15.api-docs.json, GetCredentialReport MaxItems) */
const REPORT_MAX_ROWS = 3501;

/** `name@<account id or alias>.onaliyun.com` -> the RAM user. */
function userByPrincipalName({ account }: ActionContext, upn: string): RamUserModel {
  const [name, domain] = upn.split('@');
  const domains = [account.accountId, account.model.accountAlias].filter(Boolean).map((d) => `${d}.onaliyun.com`);
  const user = name && domain && domains.includes(domain) ? account.ram.userByName.get(name) : undefined;
  if (!user) throw entityNotExist('EntityNotExist.User', `The user does not exist: ${upn}.`);
  return user;
}

function userName(context: ActionContext): string | undefined {
  const upn = context.params.get('UserPrincipalName');
  return upn === undefined ? undefined : userByPrincipalName(context, upn).UserName;
}

export const imsActions: ActionTable = {
  ListUsers: global(({ params, account }) =>
    listPage(account.ram.users.map((u) => imsUser(u, account.accountId, 'epoch-ms')), params, USER_PAGING, 'Users', 'User'),
  ),

  GetUser: global((context) => {
    const { params, account } = context;
    const byId = params.get('UserId');
    const byKey = params.get('UserAccessKeyId');
    const upn = params.get('UserPrincipalName');
    const user =
      upn !== undefined
        ? userByPrincipalName(context, upn)
        : account.ram.users.find((u) => (byId !== undefined ? userId(u) === byId : u.AccessKeys.some((k) => k.AccessKeyId === byKey)));
    if (!user) throw entityNotExist('EntityNotExist.User', `The user does not exist: ${byId ?? byKey ?? ''}.`);
    return { User: imsUser(user, account.accountId, 'iso') };
  }),

  GetLoginProfile: global((context) => {
    const user = userByPrincipalName(context, context.params.required('UserPrincipalName'));
    if (!user.LoginProfile) throw noLoginProfile(userPrincipalName(user, context.account.accountId));
    return { LoginProfile: imsLoginProfile(user, user.LoginProfile, context.account.accountId) };
  }),

  GetUserMFAInfo: global((context) => {
    const user = userByPrincipalName(context, context.params.required('UserPrincipalName'));
    if (!user.MFADevice) throw noMfaDevice(userPrincipalName(user, context.account.accountId));
    return {
      MFADevice: { SerialNumber: mfaSerialNumber(user, context.account.accountId), Type: user.MFADevice.Type },
      IsMFAEnable: true,
    };
  }),

  ListAccessKeys: global((context) =>
    wrap('AccessKeys', 'AccessKey', ownKeys(context, userName(context)).map((k) => accessKeyItem(k, 'ims'))),
  ),

  GetAccessKeyLastUsed: global((context) => {
    const key = findKey(ownKeys(context, userName(context)), context.params.required('UserAccessKeyId'));
    return { AccessKeyLastUsed: { LastUsedDate: key.LastUsedDate ?? '', ServiceName: key.LastUsedDate ? 'Ecs' : '' } };
  }),

  ListVirtualMFADevices: global(({ params, account }) => {
    const items = account.ram.users
      .filter((u) => u.MFADevice?.Type === 'VMFA')
      .map((u) => ({
        SerialNumber: mfaSerialNumber(u, account.accountId),
        User: { UserPrincipalName: userPrincipalName(u, account.accountId), DisplayName: userDisplayName(u), UserId: userId(u) },
        ActivateDate: u.MFADevice!.ActivateDate ?? u.CreateDate,
      }));
    return listPage(items, params, MFA_PAGING, 'VirtualMFADevices', 'VirtualMFADevice');
  }),

  GetPasswordPolicy: global(({ account }) => ({ PasswordPolicy: passwordPolicy(account.model.ram.passwordPolicy, 'ims') })),

  GetSecurityPreference: global(({ account }) => ({ SecurityPreference: account.ram.securityPreference })),

  // State is STARTED / INPROGRESS / COMPLETED (ims_2019-08-15.api-docs.json, GenerateCredentialReport State).
  // The report is ready at once: the first call answers STARTED, later ones COMPLETED.
  GenerateCredentialReport: global(({ state, now }) => {
    const started = state.credentialReportGeneratedAt === null;
    if (started) state.credentialReportGeneratedAt = now;
    return { State: started ? 'STARTED' : 'COMPLETED' };
  }),

  // Every page repeats the CSV header, so each page parses on its own.
  GetCredentialReport: global(({ params, account, state }) => {
    if (state.credentialReportGeneratedAt === null) {
      throw new ApiError(404, 'EntityNotExist.CredentialReport', 'The credential report does not exist. Call GenerateCredentialReport first.');
    }
    const maxItems = params.int('MaxItems') ?? REPORT_MAX_ROWS;
    if (maxItems < 1 || maxItems > REPORT_MAX_ROWS) throw invalidParameter('MaxItems', String(maxItems));
    const { header, rows } = credentialReportLines(account.model);
    const page = tokenPage(rows, params.get('NextToken'), maxItems);
    return {
      GeneratedTime: isoSeconds(state.credentialReportGeneratedAt),
      Content: Buffer.from([header, ...page.items].join('\n') + '\n').toString('base64'),
      IsTruncated: String(page.next !== undefined),
      ...(page.next === undefined ? {} : { NextToken: page.next }),
    };
  }),

  GetUserSsoSettings: global(({ account }) => ({ UserSsoSettings: account.imsSso.userSsoSettings })),

  ListSAMLProviders: global(({ params, account }) => listPage(account.imsSso.samlProviders, params, PROVIDER_PAGING, 'SAMLProviders', 'SAMLProvider')),

  ListOIDCProviders: global(({ params, account }) => listPage(account.imsSso.oidcProviders, params, PROVIDER_PAGING, 'OIDCProviders', 'OIDCProvider')),
};
