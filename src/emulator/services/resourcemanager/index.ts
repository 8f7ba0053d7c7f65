// ResourceManager: the resource directory an organisation's management account holds, and its members.
import { rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { indexResourceDirectory } from './account-index.js';
import { resourceManagerActions } from './handlers.js';
import { checkResourceDirectory, resourceManagerAccountFields } from './model.js';

export const resourceManager = defineService({
  accountFields: resourceManagerAccountFields,
  checkAccount: checkResourceDirectory,
  indexAccount: indexResourceDirectory,
  products: [
    rpcProduct({
      version: '2020-03-31',
      name: 'resourcemanager',
      actions: resourceManagerActions,
      // the 403 a RAM denial gets (resourcemanager_2020-03-31.api-docs.json errorCodes: NoPermission, "You are not
      // authorized to perform the operation.")
      deniedCode: 'NoPermission',
      // resourcemanager_2020-03-31.api-docs.json endpoints: resourcemanager.aliyuncs.com in every region
      host: () => 'resourcemanager.aliyuncs.com',
    }),
  ],
});
