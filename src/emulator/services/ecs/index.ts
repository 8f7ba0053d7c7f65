// ECS: instances, security groups, disks, snapshots, key pairs and Cloud Assistant of each region.
import { regionalHost, rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { indexEcsRegion } from './account-index.js';
import { ecsActions } from './handlers.js';
import { checkEcsRegion, ecsRegionFields } from './model.js';

export const ecs = defineService({
  regionFields: ecsRegionFields,
  checkRegion: checkEcsRegion,
  indexRegion: indexEcsRegion,
  products: [rpcProduct({ version: '2014-05-26', name: 'ecs', actions: ecsActions, deniedCode: 'Forbidden.RAM', host: regionalHost('ecs') })],
});
