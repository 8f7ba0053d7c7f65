// IMS (ims 2019-08-15), global: the user listing, the virtual MFA devices, the credential report, the
// account record (with its user SSO settings) and the SAML / OIDC providers of role-based SSO. Collected by
// the RAM collector (../ram); its actions are authorized under ram:.
import { defineService } from '../service.js';
import { account, oidcProvider, samlProvider } from './records.js';

export default defineService({
  name: 'ims',
  ramNamespace: 'ram',
  collectedBy: 'ram',
  records: { account, 'ims.saml-provider': samlProvider, 'ims.oidc-provider': oidcProvider },
  regional: false,
  actions: [
    'ListUsers',
    'ListVirtualMFADevices',
    'GetPasswordPolicy',
    'GetSecurityPreference',
    'GenerateCredentialReport',
    'GetCredentialReport',
    'GetUserSsoSettings',
    'ListSAMLProviders',
    'ListOIDCProviders',
  ],
});
