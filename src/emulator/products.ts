// The products the emulator answers, told apart by API version (the server ignores the Host).
import { actionTrailActions } from './handlers/actiontrail.js';
import type { ActionTable } from './handlers/action.js';
import { ecsActions } from './handlers/ecs.js';
import { imsActions } from './handlers/ims.js';
import { kmsActions } from './handlers/kms.js';
import { ramActions } from './handlers/ram.js';
import { sasActions } from './handlers/sas.js';
import { stsActions } from './handlers/sts.js';
import { vpcActions } from './handlers/vpc.js';

export interface Product {
  /** the RAM service prefix, e.g. ecs in ecs:DescribeInstances */
  name: string;
  actions: ActionTable;
  /** the code a denied call gets: ECS, VPC and KMS say Forbidden.RAM, the others NoPermission */
  deniedCode: 'Forbidden.RAM' | 'NoPermission';
  /** the endpoint host named in error bodies */
  host(region: string | null): string;
}

const regionalHost = (product: string) => (region: string | null) =>
  region ? `${product}.${region}.aliyuncs.com` : `${product}.aliyuncs.com`;

export const PRODUCTS: Readonly<Record<string, Product>> = {
  '2014-05-26': { name: 'ecs', actions: ecsActions, deniedCode: 'Forbidden.RAM', host: regionalHost('ecs') },
  '2016-04-28': { name: 'vpc', actions: vpcActions, deniedCode: 'Forbidden.RAM', host: regionalHost('vpc') },
  '2015-05-01': { name: 'ram', actions: ramActions, deniedCode: 'NoPermission', host: () => 'ram.aliyuncs.com' },
  '2019-08-15': { name: 'ims', actions: imsActions, deniedCode: 'NoPermission', host: () => 'ims.aliyuncs.com' },
  '2015-04-01': { name: 'sts', actions: stsActions, deniedCode: 'NoPermission', host: regionalHost('sts') },
  '2020-07-06': { name: 'actiontrail', actions: actionTrailActions, deniedCode: 'NoPermission', host: regionalHost('actiontrail') },
  '2018-12-03': { name: 'yundun-sas', actions: sasActions, deniedCode: 'NoPermission', host: regionalHost('tds') },
  '2016-01-20': { name: 'kms', actions: kmsActions, deniedCode: 'Forbidden.RAM', host: regionalHost('kms') },
};
