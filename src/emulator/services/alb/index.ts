// Application Load Balancer (RAM prefix alb): balancers, listeners, certificates, rules, security policies.
import { regionalHost } from '../../rpc/protocol.js';
import { regionByEndpointProduct } from '../../rpc/region-by-endpoint.js';
import { defineService } from '../../service.js';
import { indexAlbAccount, indexAlbRegion } from './account-index.js';
import { albActions } from './handlers.js';
import { albAccountFields, albRegionFields, checkAlbRegion } from './model.js';

export const alb = defineService({
  regionFields: albRegionFields,
  accountFields: albAccountFields,
  checkRegion: checkAlbRegion,
  indexRegion: indexAlbRegion,
  indexAccount: indexAlbAccount,
  products: [regionByEndpointProduct({ version: '2020-06-16', name: 'alb', actions: albActions, deniedCode: 'NoPermission', host: regionalHost('alb') })],
});
