// IMS: RAM's identities by UserPrincipalName, and the credential report. No model of its own: it reads RAM's.
import { rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { imsActions } from './handlers.js';

export const ims = defineService({
  products: [rpcProduct({ version: '2019-08-15', name: 'ims', actions: imsActions, deniedCode: 'NoPermission', host: () => 'ims.aliyuncs.com' })],
});
