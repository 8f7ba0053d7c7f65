// Classic Load Balancer (RAM prefix slb): balancers, listeners, server certificates, TLS policies.
import { regionalHost, rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { indexSlbRegion } from './account-index.js';
import { slbActions } from './handlers.js';
import { checkSlbRegion, slbRegionFields } from './model.js';

export const slb = defineService({
  regionFields: slbRegionFields,
  checkRegion: checkSlbRegion,
  indexRegion: indexSlbRegion,
  products: [rpcProduct({ version: '2014-05-15', name: 'slb', actions: slbActions, deniedCode: 'NoPermission', host: regionalHost('slb') })],
});
