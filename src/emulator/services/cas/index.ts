// Certificate Management Service (RAM prefix yundun-cert, endpoint cas): the certificates of each site.
import { regionalHost } from '../../rpc/protocol.js';
import { regionByEndpointProduct } from '../../rpc/region-by-endpoint.js';
import { defineService } from '../../service.js';
import { indexCasAccount, indexCasRegion } from './account-index.js';
import { casActions } from './handlers.js';
import { casAccountFields, casRegionFields } from './model.js';

export const cas = defineService({
  regionFields: casRegionFields,
  accountFields: casAccountFields,
  indexRegion: indexCasRegion,
  indexAccount: indexCasAccount,
  products: [regionByEndpointProduct({ version: '2020-04-07', name: 'yundun-cert', actions: casActions, deniedCode: 'NoPermission', host: regionalHost('cas') })],
});
