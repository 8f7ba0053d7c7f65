// The account record: password policy, security preference and user SSO settings (IMS), and the root
// account's facts from the credential report.
import { ApiError } from '../../cloud/api-error.js';
import { callOrGap, globalSiteOf, toGap, type CollectorContext } from '../context.js';
import { REPORT_GAP, rootFactsFrom, type CredentialReport, type CredentialReportRow } from './credential-report.js';
import type { Account } from './records.js';
import { userSsoSettings } from './sso.js';

const ims = globalSiteOf('ims');

export async function collectAccount(ctx: CollectorContext, report: Promise<CredentialReport | undefined>): Promise<Account> {
  const client = ctx.clients.ims();
  const [passwordPolicy, preference, root, userSso] = await Promise.all([
    callOrGap(
      ctx,
      { site: ims('GetPasswordPolicy'), affects: ['account'], resourceId: ctx.accountId, fields: ['passwordPolicy'] },
      async () => (await client.getPasswordPolicyWithOptions(ctx.runtime)).body,
    ),
    callOrGap(
      ctx,
      { site: ims('GetSecurityPreference'), affects: ['account'], resourceId: ctx.accountId, fields: ['securityPreference'] },
      async () => (await client.getSecurityPreferenceWithOptions(ctx.runtime)).body,
    ),
    report.then((read) => read && rootFacts(ctx, read.rows)),
    userSsoSettings(ctx),
  ]);
  const policy = passwordPolicy?.passwordPolicy;
  const security = preference?.securityPreference;
  return {
    id: ctx.accountId,
    ...(passwordPolicy
      ? {
          passwordPolicy: {
            minimumLength: policy?.minimumPasswordLength ?? 0,
            requireUppercase: policy?.requireUppercaseCharacters === true,
            requireLowercase: policy?.requireLowercaseCharacters === true,
            requireNumbers: policy?.requireNumbers === true,
            requireSymbols: policy?.requireSymbols === true,
            reusePrevention: policy?.passwordReusePrevention ?? 0,
            maxAgeDays: policy?.maxPasswordAge ?? 0,
            maxLoginAttempts: policy?.maxLoginAttemps ?? 0,
            hardExpiry: policy?.hardExpire === true,
          },
        }
      : {}),
    ...(preference
      ? {
          securityPreference: {
            // MFAOperationForLogin: mandatory | independent | adaptive; only mandatory enforces MFA for everyone
            enforceMfaForLogin:
              security?.loginProfilePreference?.MFAOperationForLogin === undefined
                ? null
                : security.loginProfilePreference.MFAOperationForLogin === 'mandatory',
            allowUserToManageAccessKeys: security?.accessKeyPreference?.allowUserToManageAccessKeys ?? null,
            allowUserToManageMfaDevices: security?.MFAPreference?.allowUserToManageMFADevices ?? null,
            loginSessionDurationHours: security?.loginProfilePreference?.loginSessionDuration ?? null,
          },
        }
      : {}),
    ...(root ? { root } : {}),
    ...(userSso ? { userSso } : {}),
  };
}

function rootFacts(ctx: CollectorContext, rows: CredentialReportRow[]): Account['root'] {
  const root = rootFactsFrom(rows);
  if (!root) {
    const site = ims('GetCredentialReport');
    const error = new ApiError(site, { kind: 'malformed', apiCode: 'RootRowMissing', message: 'the credential report has no row for the root account' });
    ctx.inventory.addGap(toGap(error, { ...REPORT_GAP, site, resourceId: ctx.accountId }));
  }
  return root;
}
