// The collectors, one per service, in one literal registry.
import { collectActionTrail } from './actiontrail.js';
import { collectEcs } from './ecs.js';
import { collectKms } from './kms.js';
import { collectRam } from './ram.js';
import { collectSas } from './sas.js';
import { collectVpc } from './vpc.js';

// RAM first: its per-user calls share one budget per action for the whole account, so they are the long
// pole of a large scan; its listings go out ahead of the regional flood of first pages instead of behind it.
export const collectors = {
  ram: collectRam,
  ecs: collectEcs,
  vpc: collectVpc,
  actiontrail: collectActionTrail,
  sas: collectSas,
  kms: collectKms,
} as const;

export type CollectorName = keyof typeof collectors;

export const COLLECTOR_NAMES = Object.keys(collectors) as CollectorName[];

/** Collectors that call no regional API: with only these in scope, the regions are never looked up. */
export const GLOBAL_COLLECTORS: ReadonlySet<CollectorName> = new Set<CollectorName>(['ram']);

export { discoverRegions } from './ecs.js';
export type { CollectorContext } from './context.js';
