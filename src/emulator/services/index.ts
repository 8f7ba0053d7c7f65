// The services the emulator answers: the one list from which the account model, its index and the
// product table are merged. A new service is a folder beside these and one entry here.
import type { Merged, Reads } from '../service.js';
import { actionTrail } from './actiontrail/index.js';
import { ecs } from './ecs/index.js';
import { ims } from './ims/index.js';
import { kms } from './kms/index.js';
import { ram } from './ram/index.js';
import { sas } from './sas/index.js';
import { sls } from './sls/index.js';
import { sts } from './sts/index.js';
import { vpc } from './vpc/index.js';

// The order is the order of the model's fields (region fields: ECS, VPC, KMS; account fields: RAM,
// ActionTrail, Security Center) and of the product table.
export const SERVICES = [ecs, vpc, ram, ims, sts, actionTrail, sas, kms, sls] as const;

type Service = (typeof SERVICES)[number];
export type ServiceRegionFields = Merged<Service, 'regionFields'>;
export type ServiceAccountFields = Merged<Service, 'accountFields'>;
export type ServiceRegionIndex = Merged<Service, 'indexRegion'>;
export type ServiceAccountIndex = Merged<Service, 'indexAccount'>;
export type RegionReads = Reads<Service, 'checkRegion'> & Reads<Service, 'indexRegion'>;
export type AccountReads = Reads<Service, 'checkAccount'> & Reads<Service, 'indexAccount'>;
