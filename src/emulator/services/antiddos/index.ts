// Anti-DDoS: Origin Basic (antiddos-public, RAM code yundun-ddos), Origin (ddosbgp, yundun-antiddosbag) and
// Pro / Premium (ddoscoo, yundun-ddoscoo); the RAM codes as src/services/antiddos/index.ts cites them.
import { regionalHost, rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { indexAntiDdosPro, indexAntiDdosRegion } from './account-index.js';
import { antiDdosBasicActions, antiDdosOriginActions, antiDdosProActions } from './handlers.js';
import { antiDdosAccountFields, antiDdosRegionFields, checkAntiDdosRegion } from './model.js';

export const antiDdos = defineService({
  regionFields: antiDdosRegionFields,
  accountFields: antiDdosAccountFields,
  checkRegion: checkAntiDdosRegion,
  indexRegion: indexAntiDdosRegion,
  indexAccount: indexAntiDdosPro,
  products: [
    rpcProduct({ version: '2017-05-18', name: 'yundun-ddos', actions: antiDdosBasicActions, deniedCode: 'NoPermission', host: () => 'antiddos.aliyuncs.com' }),
    rpcProduct({ version: '2018-07-20', name: 'yundun-antiddosbag', actions: antiDdosOriginActions, deniedCode: 'NoPermission', host: regionalHost('ddosbgp') }),
    rpcProduct({ version: '2020-01-01', name: 'yundun-ddoscoo', actions: antiDdosProActions, deniedCode: 'NoPermission', host: regionalHost('ddoscoo') }),
  ],
});
