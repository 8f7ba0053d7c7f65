// Log Service: each region's projects, their logstores and alert rules, over the ROA gateway of Log Service.
import { LOG_GATEWAY } from '../../roa/log-gateway.js';
import { roaProduct } from '../../roa/protocol.js';
import { defineService } from '../../service.js';
import { indexSlsAccount, indexSlsRegion } from './account-index.js';
import { slsRoutes } from './handlers.js';
import { checkSlsRegion, slsAccountFields, slsRegionFields } from './model.js';

export const sls = defineService({
  regionFields: slsRegionFields,
  accountFields: slsAccountFields,
  checkRegion: checkSlsRegion,
  indexRegion: indexSlsRegion,
  indexAccount: indexSlsAccount,
  // the RAM namespace of Log Service is log (log:ListProject, ...: the SDK's action tables, client.js)
  products: [roaProduct({ name: 'log', version: '2020-12-30', gateway: LOG_GATEWAY, routes: slsRoutes })],
});
