// The products the emulator answers, told apart by API version (the server ignores the Host).
import { ApiError } from './api-error.js';
import { actionTrailActions } from './handlers/actiontrail.js';
import { global, type ActionSpec, type ActionTable } from './handlers/action.js';
import { ecsActions } from './handlers/ecs.js';
import { imsActions } from './handlers/ims.js';
import { ramActions } from './handlers/ram.js';
import { stsActions } from './handlers/sts.js';
import { vpcActions } from './handlers/vpc.js';

export interface Product {
  /** the RAM service prefix, e.g. ecs in ecs:DescribeInstances */
  name: string;
  actions: ActionTable;
  /** answers every action not in `actions` (a product the account has not activated) */
  anyAction?: ActionSpec;
  /** the code a denied call gets: ECS and VPC say Forbidden.RAM, the identity services NoPermission */
  deniedCode: 'Forbidden.RAM' | 'NoPermission';
  /** the endpoint host named in error bodies */
  host(region: string | null): string;
}

const regionalHost = (product: string) => (region: string | null) =>
  region ? `${product}.${region}.aliyuncs.com` : `${product}.aliyuncs.com`;

// Security Center is a stub for now: an account without it activated.
const sasNotActivated = global(() => {
  throw new ApiError(400, 'NoPermission.NotActivated', 'Security Center is not activated for this account.');
});

export const PRODUCTS: Readonly<Record<string, Product>> = {
  '2014-05-26': { name: 'ecs', actions: ecsActions, deniedCode: 'Forbidden.RAM', host: regionalHost('ecs') },
  '2016-04-28': { name: 'vpc', actions: vpcActions, deniedCode: 'Forbidden.RAM', host: regionalHost('vpc') },
  '2015-05-01': { name: 'ram', actions: ramActions, deniedCode: 'NoPermission', host: () => 'ram.aliyuncs.com' },
  '2019-08-15': { name: 'ims', actions: imsActions, deniedCode: 'NoPermission', host: () => 'ims.aliyuncs.com' },
  '2015-04-01': { name: 'sts', actions: stsActions, deniedCode: 'NoPermission', host: regionalHost('sts') },
  '2020-07-06': { name: 'actiontrail', actions: actionTrailActions, deniedCode: 'NoPermission', host: regionalHost('actiontrail') },
  '2018-12-03': { name: 'sas', actions: {}, anyAction: sasNotActivated, deniedCode: 'NoPermission', host: regionalHost('tds') },
};
