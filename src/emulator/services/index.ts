// The services the emulator answers: the one list from which the account model, its index and the
// product table are merged. A new service is a folder beside these and one entry here.
import { actionTrail } from './actiontrail/index.js';
import { alb } from './alb/index.js';
import { antiDdos } from './antiddos/index.js';
import { cas } from './cas/index.js';
import { cloudfw } from './cloudfw/index.js';
import { cloudSso } from './cloudsso/index.js';
import { ecs } from './ecs/index.js';
import { eiam } from './eiam/index.js';
import { ims } from './ims/index.js';
import { kms } from './kms/index.js';
import { ram } from './ram/index.js';
import { resourceManager } from './resourcemanager/index.js';
import { sas } from './sas/index.js';
import { slb } from './slb/index.js';
import { sls } from './sls/index.js';
import { sts } from './sts/index.js';
import { vpc } from './vpc/index.js';
import { vpn } from './vpn/index.js';
import { waf } from './waf/index.js';
import type { Merged, Reads } from '../service.js';

// The order is the order of the model's fields (each service's region and account fields) and of the product table.
export const SERVICES = [ecs, vpc, ram, ims, sts, actionTrail, sas, kms, resourceManager, waf, vpn, cloudSso, eiam, cas, slb, alb, cloudfw, antiDdos, sls] as const;

type Service = (typeof SERVICES)[number];
export type ServiceRegionFields = Merged<Service, 'regionFields'>;
export type ServiceAccountFields = Merged<Service, 'accountFields'>;
export type ServiceRegionIndex = Merged<Service, 'indexRegion'>;
export type ServiceAccountIndex = Merged<Service, 'indexAccount'>;
export type RegionReads = Reads<Service, 'checkRegion'> & Reads<Service, 'indexRegion'>;
export type AccountReads = Reads<Service, 'checkAccount'> & Reads<Service, 'indexAccount'>;
