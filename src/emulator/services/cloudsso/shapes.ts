// CloudSSO 2021-05-15 response items. The reference has request schemas only for CloudSSO: the fields are
// those of the official SDK models (aliyun/alibabacloud-typescript-sdk, cloudsso-20210515 src/models/).
import type { ApiObject } from '../../fill.js';

/** Fields: ListDirectoriesResponseBody.ts ListDirectoriesResponseBodyDirectories (GetDirectoryResponseBodyDirectory has the same five). */
export function directoryTemplate(): ApiObject {
  return { CreateTime: '2026-01-05T08:00:00Z', DirectoryId: '', DirectoryName: '', Region: 'cn-shanghai', UpdateTime: '2026-01-05T08:00:00Z' };
}

/**
 * Fields: GetMfaauthenticationSettingInfoResponseBody.ts MFAAuthenticationSettingInfo, as the API reference
 * example (api-cloudsso-2021-05-15-getmfaauthenticationsettinginfo) answers it: OperationForRiskLogin only
 * with Byuser or OnlyRiskyLogin; AllowedVerificationTypes, which the example does not show, left out.
 */
export function mfaSettingInfo(advance: string, operationForRiskLogin: string): ApiObject {
  return advance === 'Byuser' || advance === 'OnlyRiskyLogin'
    ? { MfaAuthenticationAdvanceSettings: advance, OperationForRiskLogin: operationForRiskLogin }
    : { MfaAuthenticationAdvanceSettings: advance };
}

/**
 * Fields: GetServiceStatusResponseBody.ts GetServiceStatusResponseBodyServiceStatus. Status Enabled |
 * Disabled; PrerequisiteCheckResult (Success | Failed) only while Disabled; RegionsInUse the directories'
 * regions (API reference api-cloudsso-2021-05-15-getservicestatus).
 */
export function serviceStatus(accountId: string, enabled: boolean, regionsInUse: string[]): ApiObject {
  return enabled
    ? { Status: 'Enabled', AccountId: accountId, RegionsInUse: regionsInUse }
    : { Status: 'Disabled', AccountId: accountId, PrerequisiteCheckResult: 'Success', RegionsInUse: [] };
}
