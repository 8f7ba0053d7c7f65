// Which collection gaps explain what a rule could not read. A gap with a `resourceId` concerns one record;
// a gap with `fields` leaves only those fields of the records unknown; any other gap concerns the whole
// collection of its `resourceTypes` in its region (or everywhere when its region is null).
import { REGIONAL_TYPES, type CollectionGap, type Inventory, type ResourceType } from '../inventory/types.js';

export class GapIndex {
  private readonly byType = new Map<ResourceType, CollectionGap[]>();

  constructor(inventory: Inventory) {
    for (const gap of inventory.gaps) {
      for (const type of gap.resourceTypes) {
        const list = this.byType.get(type) ?? [];
        list.push(gap);
        this.byType.set(type, list);
      }
    }
  }

  /** Gaps that leave the collection of `type` incomplete in `region` (any region when null). */
  collection(type: ResourceType, region: string | null): CollectionGap[] {
    return this.inScope(type, region).filter((gap) => gap.fields === undefined);
  }

  /** Gaps that may explain an unknown field of one record: its own, and those of its scope. */
  record(type: ResourceType, id: string, region: string | null): CollectionGap[] {
    const own = (this.byType.get(type) ?? []).filter((gap) => gap.resourceId === id);
    return [...own, ...this.inScope(type, REGIONAL_TYPES.has(type) ? region : null)];
  }

  private inScope(type: ResourceType, region: string | null): CollectionGap[] {
    return (this.byType.get(type) ?? []).filter(
      (gap) => gap.resourceId === undefined && (region === null || gap.region === null || gap.region === region),
    );
  }

  /** One entry per scope (a region, or null for global) where the whole collection of `type` is incomplete. */
  scopes(type: ResourceType): Map<string | null, CollectionGap[]> {
    const scopes = new Map<string | null, CollectionGap[]>();
    for (const gap of this.collection(type, null)) {
      const scope = REGIONAL_TYPES.has(type) ? gap.region : null;
      scopes.set(scope, [...(scopes.get(scope) ?? []), gap]);
    }
    return scopes;
  }
}
