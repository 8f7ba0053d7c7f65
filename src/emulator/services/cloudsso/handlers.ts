// CloudSSO 2021-05-15. One service per account: the emulator, which ignores the Host, answers every
// endpoint alike. Envelopes: the SDK models (aliyun/alibabacloud-typescript-sdk, cloudsso-20210515
// src/models/GetServiceStatusResponseBody.ts, ListDirectoriesResponseBody.ts,
// GetMfaauthenticationSettingInfoResponseBody.ts).
import { entityNotExist } from '../../api-error.js';
import { global, type ActionTable } from '../../rpc/action.js';

export const cloudSsoActions: ActionTable = {
  GetServiceStatus: global(({ account }) => ({ ServiceStatus: account.cloudSso.serviceStatus })),

  // takes no parameter (cloudsso_2021-05-15.api-docs.json); while CloudSSO is not enabled there is no directory
  ListDirectories: global(({ account: { cloudSso } }) => ({ Directories: cloudSso.directories, TotalCounts: cloudSso.directories.length })),

  GetMFAAuthenticationSettingInfo: global(({ params, account }) => {
    const id = params.required('DirectoryId');
    const setting = account.cloudSso.mfaSettings.get(id);
    // EntityNotExists.Directory: the code aliyun/terraform-provider-alicloud's CloudSSO resources read as "not found"
    if (setting === undefined) throw entityNotExist('EntityNotExists.Directory', `The specified directory ${id} does not exist.`);
    return { MFAAuthenticationSettingInfo: setting };
  }),
};
