// KMS: the keys of each region and their aliases.
import { regionalHost, rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { indexKmsRegion } from './account-index.js';
import { kmsActions } from './handlers.js';
import { checkKmsRegion, kmsRegionFields } from './model.js';

export const kms = defineService({
  regionFields: kmsRegionFields,
  checkRegion: checkKmsRegion,
  indexRegion: indexKmsRegion,
  products: [rpcProduct({ version: '2016-01-20', name: 'kms', actions: kmsActions, deniedCode: 'Forbidden.RAM', host: regionalHost('kms') })],
});
