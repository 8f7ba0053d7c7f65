// Cloud Firewall (RAM prefix yundun-cloudfirewall, endpoint cloudfw): the instance, the internet-border assets
// and the access control policies.
import { rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { indexCloudFirewall } from './account-index.js';
import { cloudfwActions } from './handlers.js';
import { checkCloudFirewall, cloudfwAccountFields } from './model.js';

export const cloudfw = defineService({
  accountFields: cloudfwAccountFields,
  checkAccount: checkCloudFirewall,
  indexAccount: indexCloudFirewall,
  products: [
    rpcProduct({
      version: '2017-12-07',
      name: 'yundun-cloudfirewall',
      actions: cloudfwActions,
      deniedCode: 'NoPermission',
      // the metadata's endpoints: cloudfw.ap-southeast-1.aliyuncs.com for ap-southeast-1, cloudfw.aliyuncs.com elsewhere
      host: (region) => (region === 'ap-southeast-1' ? 'cloudfw.ap-southeast-1.aliyuncs.com' : 'cloudfw.aliyuncs.com'),
    }),
  ],
});
