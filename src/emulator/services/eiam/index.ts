// IDaaS EIAM (RAM prefix eiam): the instances of each region.
import { regionalHost, rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { indexEiamRegion } from './account-index.js';
import { eiamActions } from './handlers.js';
import { checkEiamRegion, eiamRegionFields } from './model.js';

export const eiam = defineService({
  regionFields: eiamRegionFields,
  checkRegion: checkEiamRegion,
  indexRegion: indexEiamRegion,
  products: [rpcProduct({ version: '2021-12-01', name: 'eiam', actions: eiamActions, deniedCode: 'NoPermission', host: regionalHost('eiam') })],
});
