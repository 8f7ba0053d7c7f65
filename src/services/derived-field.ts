// What a service declares to offer a derived field: a fact about its record that lives in other collections,
// read through the engine's Lookup (see derived.ts for the registry).
import type { z } from 'zod';
import type { ResourceMap, ResourceType } from './index.js';

/** What a derived field may read: the engine's index over one inventory. */
export interface Lookup {
  /** the record of `type` with this region and id */
  find<T extends ResourceType>(type: T, region: string, id: string): ResourceMap[T] | undefined;
  /** every record of `type` */
  all<T extends ResourceType>(type: T): readonly ResourceMap[T][];
  /** the records of `type` by each key `keysOf` gives them, built once per `keysOf` (pass a constant function) */
  grouped<T extends ResourceType>(type: T, keysOf: (record: ResourceMap[T]) => readonly string[]): ReadonlyMap<string, readonly ResourceMap[T][]>;
  /** `value()`, or unknown when the collection of `source` is incomplete in `region` (null: in any region) */
  unlessGap(source: ResourceType, region: string | null, value: () => unknown): unknown;
  /** a value that is not known, and why; `of` names the record whose gaps explain it */
  unknown(reason: string, of?: { type: ResourceType; id: string; region: string | null }): unknown;
}

export interface DerivedField<T extends ResourceType> {
  summary: string;
  /** the shape of the derived value, for load-time checks of rule paths */
  schema: z.ZodType;
  /** the record types it reads: a rule that names the field needs their collectors */
  reads: readonly ResourceType[];
  derive(record: ResourceMap[T], lookup: Lookup): unknown;
}

export type DerivedFields = { [T in ResourceType]?: Record<`$${string}`, DerivedField<T>> };

export const defineDerivedFields = <const F extends DerivedFields>(fields: F): F => fields;
