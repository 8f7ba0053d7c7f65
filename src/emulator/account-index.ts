// The account model turned, once at start, into the full API items each region and service serves,
// with lookups by id. Requests then only filter and slice these arrays, so a 10,000-instance account
// costs one build, not one per page. Each service builds its own slice (./services/<service>/account-index.ts).
import type { AccountModel } from './account-model.js';
import type { EmulatedService } from './service.js';
import { SERVICES, type AccountReads, type RegionReads, type ServiceAccountIndex, type ServiceRegionIndex } from './services/index.js';

export type RegionIndex = {
  id: string;
  localName: string;
  /** DescribeRegions Status: available or soldOut */
  status: 'available' | 'soldOut';
} & ServiceRegionIndex;

export type AccountIndex = {
  model: AccountModel;
  accountId: string;
  regions: Map<string, RegionIndex>;
  /** is `service:Action` denied to every caller in this region (null: a global API)? */
  isDenied(ramAction: string, region: string | null): boolean;
} & ServiceAccountIndex;

const services: readonly EmulatedService[] = SERVICES;

export function indexAccount(model: AccountModel): AccountIndex {
  const regions = new Map(
    Object.entries(model.regions).map(([id, region]): [string, RegionIndex] => {
      const read: RegionReads = region;
      const context = { accountId: model.accountId, regionId: id };
      const slices = services.map((service) => service.indexRegion?.(read as never, context));
      return [id, Object.assign({ id, localName: region.localName ?? id, status: region.status }, ...slices) as RegionIndex];
    }),
  );
  const read: AccountReads = model;
  const slices = services.map((service) => service.indexAccount?.(read as never));
  return Object.assign(
    { model, accountId: model.accountId, regions, isDenied: denialsOf(model.deniedActions) },
    ...slices,
  ) as AccountIndex;
}

function denialsOf(denied: AccountModel['deniedActions']): AccountIndex['isDenied'] {
  const everywhere = new Set<string>();
  const inRegions = new Map<string, Set<string>>();
  for (const entry of denied) {
    if (typeof entry === 'string') everywhere.add(entry);
    else inRegions.set(entry.action, new Set([...(inRegions.get(entry.action) ?? []), ...entry.regions]));
  }
  return (ramAction, region) =>
    everywhere.has(ramAction) || (region !== null && (inRegions.get(ramAction)?.has(region) ?? false));
}
