// ActionTrail: the account's trails and their logging status.
import { regionalHost, rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { indexTrails } from './account-index.js';
import { actionTrailActions } from './handlers.js';
import { actionTrailAccountFields, checkTrails } from './model.js';

export const actionTrail = defineService({
  accountFields: actionTrailAccountFields,
  checkAccount: checkTrails,
  indexAccount: indexTrails,
  products: [
    rpcProduct({ version: '2020-07-06', name: 'actiontrail', actions: actionTrailActions, deniedCode: 'NoPermission', host: regionalHost('actiontrail') }),
  ],
});
