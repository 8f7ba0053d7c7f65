// CloudSSO (RAM prefix cloudsso): whether it is enabled, its directory and the directory's MFA setting.
import { regionalHost, rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { indexCloudSso } from './account-index.js';
import { cloudSsoActions } from './handlers.js';
import { cloudSsoAccountFields } from './model.js';

export const cloudSso = defineService({
  accountFields: cloudSsoAccountFields,
  indexAccount: indexCloudSso,
  products: [rpcProduct({ version: '2021-05-15', name: 'cloudsso', actions: cloudSsoActions, deniedCode: 'NoPermission', host: regionalHost('cloudsso') })],
});
