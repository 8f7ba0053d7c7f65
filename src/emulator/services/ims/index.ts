// IMS: RAM's identities by UserPrincipalName and the credential report (read from RAM's slice), and single
// sign-on (its own slice: user SSO settings, SAML and OIDC providers).
import { rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { indexIms } from './account-index.js';
import { imsActions } from './handlers.js';
import { checkImsAccount, imsAccountFields } from './model.js';

export const ims = defineService({
  accountFields: imsAccountFields,
  checkAccount: checkImsAccount,
  indexAccount: indexIms,
  products: [rpcProduct({ version: '2019-08-15', name: 'ims', actions: imsActions, deniedCode: 'NoPermission', host: () => 'ims.aliyuncs.com' })],
});
