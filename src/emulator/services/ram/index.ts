// RAM: the account root and its RAM identities; IMS and STS answer from the same records.
import { rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { indexRam } from './account-index.js';
import { ramActions } from './handlers.js';
import { checkRam, ramAccountFields } from './model.js';

export const ram = defineService({
  accountFields: ramAccountFields,
  checkAccount: checkRam,
  indexAccount: indexRam,
  products: [rpcProduct({ version: '2015-05-01', name: 'ram', actions: ramActions, deniedCode: 'NoPermission', host: () => 'ram.aliyuncs.com' })],
});
