// WAF 3.0 (RAM prefix yundun-waf, endpoint wafopenapi): the instance of each site, its domains, cloud-native
// resources and basic protection templates.
import { regionalHost, rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { indexWaf } from './account-index.js';
import { wafActions } from './handlers.js';
import { checkWafAccount, wafAccountFields } from './model.js';

export const waf = defineService({
  accountFields: wafAccountFields,
  checkAccount: checkWafAccount,
  indexAccount: indexWaf,
  products: [rpcProduct({ version: '2021-10-01', name: 'yundun-waf', actions: wafActions, deniedCode: 'NoPermission', host: regionalHost('wafopenapi') })],
});
