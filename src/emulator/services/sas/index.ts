// Security Center (RAM prefix yundun-sas, endpoint tds): the edition, the assets and their vulnerabilities.
import { regionalHost, rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { indexSecurityCenter } from './account-index.js';
import { sasActions } from './handlers.js';
import { sasAccountFields } from './model.js';

export const sas = defineService({
  accountFields: sasAccountFields,
  indexAccount: indexSecurityCenter,
  products: [rpcProduct({ version: '2018-12-03', name: 'yundun-sas', actions: sasActions, deniedCode: 'NoPermission', host: regionalHost('tds') })],
});
