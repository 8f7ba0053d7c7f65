// IMS (ims 2019-08-15), global: the user listing, the virtual MFA devices, the credential report and the
// account record. Collected by the RAM collector (../ram); its actions are authorized under ram:.
import { defineService } from '../service.js';
import { account } from './records.js';

export default defineService({
  name: 'ims',
  ramNamespace: 'ram',
  collectedBy: 'ram',
  records: { account },
  regional: false,
  actions: ['ListUsers', 'ListVirtualMFADevices', 'GetPasswordPolicy', 'GetSecurityPreference', 'GenerateCredentialReport', 'GetCredentialReport'],
});
