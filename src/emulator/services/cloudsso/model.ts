// CloudSSO's slice of the account model: null when CloudSSO is not enabled (the default: an account
// without it), else its directory with the directory's MFA setting.
import { z } from 'zod';
import { isoTime, resource } from '../../model-fields.js';
import { directoryTemplate } from './shapes.js';

/** cloudsso_2021-05-15.api-docs.json `endpoints`: the regions a directory can live in */
const DIRECTORY_REGIONS = ['cn-shanghai', 'cn-hongkong', 'ap-northeast-2', 'us-west-1', 'eu-central-1'] as const;

const directorySchema = resource(
  directoryTemplate,
  {
    DirectoryId: z.string().regex(/^d-[0-9a-z]+$/, 'expected a directory id like "d-00fc2p61xxxx"'),
    Region: z.enum(DIRECTORY_REGIONS).optional(),
    CreateTime: isoTime.optional(),
    // Not directory fields: GetMFAAuthenticationSettingInfo MFAAuthenticationSettingInfo (SDK model
    // GetMfaauthenticationSettingInfoResponseBody: MfaAuthenticationAdvanceSettings Enabled | Byuser |
    // Disabled | OnlyRiskyLogin; OperationForRiskLogin Autonomous | EnforceVerify)
    MfaAuthenticationAdvanceSettings: z.enum(['Enabled', 'Byuser', 'Disabled', 'OnlyRiskyLogin']).default('Byuser'),
    OperationForRiskLogin: z.enum(['Autonomous', 'EnforceVerify']).default('Autonomous'),
  },
  ['MfaAuthenticationAdvanceSettings', 'OperationForRiskLogin'],
);

const cloudSsoAccount = z.strictObject({
  // one directory per account (CloudSSO CreateDirectory: an account can create one directory)
  cloudSso: z.strictObject({ directories: z.array(directorySchema).max(1).default([]) }).nullable().default(null),
});

/** top-level account model fields for CloudSSO */
export const cloudSsoAccountFields = cloudSsoAccount.shape;
export type CloudSsoAccountModel = z.output<typeof cloudSsoAccount>;
