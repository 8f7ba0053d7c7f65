// CloudSSO records: whether the service is enabled (a fact of the account) and its directories.
import { z } from 'zod';
import { nullableText, text } from '../fields.js';

/** GetServiceStatus ServiceStatus (SDK model cloudsso-20210515 GetServiceStatusResponseBody) */
export const cloudSsoService = z.strictObject({
  /** the account id */
  id: text,
  /** Status: Enabled | Disabled (data/enums.yaml: cloudsso GetServiceStatus Status) */
  enabled: z.boolean(),
  status: text,
  /** RegionsInUse: the regions where its directory lives */
  regionsInUse: z.array(z.string()),
});
export type CloudSsoService = z.infer<typeof cloudSsoService>;

/** ListDirectories Directories[] (SDK model cloudsso-20210515 ListDirectoriesResponseBody) and its MFA setting */
export const cloudSsoDirectory = z.strictObject({
  /** DirectoryId */
  id: text,
  name: text,
  /** Region: where the directory (and its endpoint) lives */
  region: text,
  createdAt: nullableText,
  /**
   * GetMFAAuthenticationSettingInfo MFAAuthenticationSettingInfo.MfaAuthenticationAdvanceSettings: Enabled
   * (every user), Byuser (each user's own setting), Disabled, OnlyRiskyLogin (unusual logons only)
   * (data/enums.yaml cloudsso-mfa-authentication-advance-settings); undefined when it could not be read
   */
  mfaAuthentication: text.optional(),
  /** OperationForRiskLogin: Autonomous | EnforceVerify, given with Byuser and OnlyRiskyLogin only; null otherwise */
  operationForRiskLogin: nullableText.optional(),
});
export type CloudSsoDirectory = z.infer<typeof cloudSsoDirectory>;
