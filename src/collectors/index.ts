// The collectors, one per service, in one literal registry.
import { collectActionTrail } from './actiontrail.js';
import { collectEcs } from './ecs.js';
import { collectKms } from './kms.js';
import { collectRam } from './ram.js';
import { collectSas } from './sas.js';
import { collectVpc } from './vpc.js';

export const collectors = {
  ecs: collectEcs,
  vpc: collectVpc,
  ram: collectRam,
  actiontrail: collectActionTrail,
  sas: collectSas,
  kms: collectKms,
} as const;

export type CollectorName = keyof typeof collectors;

export const COLLECTOR_NAMES = Object.keys(collectors) as CollectorName[];

export { discoverRegions } from './ecs.js';
export type { CollectorContext } from './context.js';
