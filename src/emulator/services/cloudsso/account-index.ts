// CloudSSO's slice of the account index.
import { fill, type ApiObject } from '../../fill.js';
import type { CloudSsoAccountModel } from './model.js';
import { directoryTemplate, mfaSettingInfo, serviceStatus } from './shapes.js';

export interface CloudSsoIndex {
  /** GetServiceStatus ServiceStatus */
  serviceStatus: ApiObject;
  /** ListDirectories items (none while CloudSSO is not enabled) */
  directories: ApiObject[];
  /** DirectoryId -> GetMFAAuthenticationSettingInfo MFAAuthenticationSettingInfo */
  mfaSettings: Map<string, ApiObject>;
}

export function indexCloudSso(model: CloudSsoAccountModel & { accountId: string }): { cloudSso: CloudSsoIndex } {
  const authored = model.cloudSso?.directories ?? [];
  const directories = authored.map(({ MfaAuthenticationAdvanceSettings: _mfa, OperationForRiskLogin: _risk, ...fields }) => fill(directoryTemplate(), fields));
  return {
    cloudSso: {
      serviceStatus: serviceStatus(model.accountId, model.cloudSso !== null, [...new Set(directories.map((d) => d.Region as string))]),
      directories,
      mfaSettings: new Map(authored.map((d) => [d.DirectoryId, mfaSettingInfo(d.MfaAuthenticationAdvanceSettings, d.OperationForRiskLogin)])),
    },
  };
}
