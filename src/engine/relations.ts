// The engine's side of derived fields (declared by the services, src/services/derived.ts): a RelationIndex
// over one inventory answers their lookups, and each record's view (its fields plus its type's `$` fields)
// is derived once per evaluation.
import type { Inventory, ResourceMap, ResourceType } from '../inventory/types.js';
import type { Lookup } from '../services/derived-field.js';
import { derivedFieldsOf } from '../services/derived.js';
import { GapIndex, push } from './gaps.js';
import { UnknownValue } from './outcome.js';

export { DERIVED_FIELDS, derivedFieldsOf } from '../services/derived.js';

export class RelationIndex implements Lookup {
  readonly gaps: GapIndex;
  readonly inventory: Inventory;
  private readonly byRegionAndId = new Map<ResourceType, Map<string, object>>();
  private readonly groups = new Map<(record: never) => readonly string[], Map<string, object[]>>();
  /** record views by type and record: every rule on a type reads the same view, derived once */
  private readonly views = new Map<ResourceType, Map<object, Record<string, unknown>>>();

  constructor(inventory: Inventory) {
    this.inventory = inventory;
    this.gaps = new GapIndex(inventory);
  }

  find<T extends ResourceType>(type: T, region: string, id: string): ResourceMap[T] | undefined {
    let records = this.byRegionAndId.get(type);
    if (!records) {
      records = new Map((this.inventory.resources[type] as Array<{ id: string; region?: string }>).map((record) => [`${record.region}/${record.id}`, record]));
      this.byRegionAndId.set(type, records);
    }
    return records.get(`${region}/${id}`) as ResourceMap[T] | undefined;
  }

  all<T extends ResourceType>(type: T): readonly ResourceMap[T][] {
    return this.inventory.resources[type] as ResourceMap[T][];
  }

  grouped<T extends ResourceType>(type: T, keysOf: (record: ResourceMap[T]) => readonly string[]): ReadonlyMap<string, readonly ResourceMap[T][]> {
    let groups = this.groups.get(keysOf);
    if (!groups) {
      groups = new Map();
      for (const record of this.all(type)) for (const key of keysOf(record)) push(groups, key, record);
      this.groups.set(keysOf, groups);
    }
    return groups as Map<string, ResourceMap[T][]>;
  }

  unlessGap(source: ResourceType, region: string | null, value: () => unknown): unknown {
    const gaps = this.gaps.collection(source, region);
    return gaps.length > 0 ? new UnknownValue(`the ${source} collection is incomplete`, gaps) : value();
  }

  unknown(reason: string, of?: { type: ResourceType; id: string; region: string | null }): UnknownValue {
    return new UnknownValue(reason, of ? this.gaps.record(of.type, of.id, of.region) : []);
  }

  /** The view of a record of `type` (see viewOf), built on first use; rules only read it. */
  view(type: ResourceType, record: object): Record<string, unknown> {
    let views = this.views.get(type);
    if (!views) this.views.set(type, (views = new Map()));
    let view = views.get(record);
    if (!view) views.set(record, (view = viewOf(type, record, this)));
    return view;
  }

  /** Drop the views of `type` built so far (a later view() builds them anew). */
  forgetViews(type: ResourceType): void {
    this.views.delete(type);
  }
}

/** The record as rules see it: its own fields plus the derived `$` fields of its type. */
export function viewOf(type: ResourceType, record: object, index: RelationIndex): Record<string, unknown> {
  const view: Record<string, unknown> = { ...record };
  for (const [name, field] of Object.entries(derivedFieldsOf(type))) {
    view[name] = field.derive(record as never, index);
  }
  return view;
}
