// CloudSSO (cloudsso 2021-05-15), one per account: whether it is enabled and its directory with the MFA
// setting. No SDK package on openapi-core: called through callRpc. RAM actions under cloudsso: (API
// reference api-cloudsso-2021-05-15-getservicestatus, -listdirectories, -getmfaauthenticationsettinginfo:
// cloudsso:GetServiceStatus, cloudsso:ListDirectories, cloudsso:GetMFAAuthenticationSettingInfo).
import { defineService } from '../service.js';
import { cloudSsoDirectory, cloudSsoService } from './records.js';

export default defineService({
  name: 'cloudsso',
  records: { 'cloudsso.service': cloudSsoService, 'cloudsso.directory': cloudSsoDirectory },
  regional: false,
  actions: ['GetServiceStatus', 'ListDirectories', 'GetMFAAuthenticationSettingInfo'],
  collector: { load: async () => (await import('./collector.js')).collectCloudSso, global: true },
});
