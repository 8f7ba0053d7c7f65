// Which collection gaps explain what a rule could not read. A gap with a `resourceId` concerns one record;
// a gap with `fields` leaves only those fields of the records unknown; any other gap concerns the whole
// collection of its `resourceTypes` in its region (or everywhere when its region is null).
// Every record of every rule asks for its gaps, so the answers are kept per type and scope: the lists
// returned are shared and must not be mutated.
import { REGIONAL_TYPES, type CollectionGap, type Inventory, type ResourceType } from '../inventory/types.js';

const NONE: CollectionGap[] = [];

export class GapIndex {
  private readonly byType = new Map<ResourceType, CollectionGap[]>();
  /** gaps with a resourceId, by type and id */
  private readonly byRecord = new Map<ResourceType, Map<string, CollectionGap[]>>();
  /** computed lists by kind ('collection' or 'scope'), type and region (null: every region) */
  private readonly computed = new Map<string, Map<string | null, CollectionGap[]>>();

  constructor(inventory: Inventory) {
    for (const gap of inventory.gaps) {
      for (const type of gap.resourceTypes) {
        push(this.byType, type, gap);
        if (gap.resourceId !== undefined) {
          let records = this.byRecord.get(type);
          if (!records) this.byRecord.set(type, (records = new Map()));
          push(records, gap.resourceId, gap);
        }
      }
    }
  }

  /** Gaps that leave the collection of `type` incomplete in `region` (any region when null). */
  collection(type: ResourceType, region: string | null): CollectionGap[] {
    return this.cached('collection', type, region, () => this.inScope(type, region).filter((gap) => gap.fields === undefined));
  }

  /** Gaps that may explain an unknown field of one record: its own, and those of its scope. */
  record(type: ResourceType, id: string, region: string | null): CollectionGap[] {
    const own = this.byRecord.get(type)?.get(id) ?? NONE;
    const scope = this.inScope(type, REGIONAL_TYPES.has(type) ? region : null);
    return own.length === 0 ? scope : [...own, ...scope];
  }

  private inScope(type: ResourceType, region: string | null): CollectionGap[] {
    return this.cached('scope', type, region, () =>
      (this.byType.get(type) ?? NONE).filter(
        (gap) => gap.resourceId === undefined && (region === null || gap.region === null || gap.region === region),
      ),
    );
  }

  private cached(kind: 'collection' | 'scope', type: ResourceType, region: string | null, compute: () => CollectionGap[]): CollectionGap[] {
    const key = `${kind}/${type}`;
    let byRegion = this.computed.get(key);
    if (!byRegion) this.computed.set(key, (byRegion = new Map()));
    let gaps = byRegion.get(region);
    if (!gaps) byRegion.set(region, (gaps = compute()));
    return gaps;
  }

  /** One entry per scope (a region, or null for global) where the whole collection of `type` is incomplete. */
  scopes(type: ResourceType): Map<string | null, CollectionGap[]> {
    const scopes = new Map<string | null, CollectionGap[]>();
    for (const gap of this.collection(type, null)) {
      const scope = REGIONAL_TYPES.has(type) ? gap.region : null;
      push(scopes, scope, gap);
    }
    return scopes;
  }
}

/** Adds `value` to the list of `key` (the indexes here and in relations.ts group records this way). */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
