// Derived fields: facts about a record that live in other collections, offered to rules as `$name` fields of
// the record view. Each service declares those of its own records (<service>/derived.ts, one line below); the
// engine computes them once per evaluation through a Lookup over the inventory. A derived field is unknown
// when a collection it reads has a gap in the record's scope. Documented in rules/README.md.
import antiddos from './antiddos/derived.js';
import cloudfw from './cloudfw/derived.js';
import cloudsso from './cloudsso/derived.js';
import type { DerivedField, DerivedFields } from './derived-field.js';
import ecs from './ecs/derived.js';
import ims from './ims/derived.js';
import type { ResourceType } from './index.js';
import sls from './sls/derived.js';
import vpc from './vpc/derived.js';
import waf from './waf/derived.js';

/** Every service's derived fields, by the resource type they extend. */
export const DERIVED_FIELDS: DerivedFields = {};
for (const fields of [ecs, vpc, ims, waf, cloudsso, cloudfw, antiddos, sls] satisfies DerivedFields[]) {
  for (const [type, byName] of Object.entries(fields) as Array<[ResourceType, Record<string, DerivedField<never>>]>) {
    const merged = (DERIVED_FIELDS[type] ??= {}) as Record<string, DerivedField<never>>;
    for (const [name, field] of Object.entries(byName)) {
      if (name in merged) throw new Error(`derived field ${type}.${name} is declared twice`);
      merged[name] = field;
    }
  }
}

export function derivedFieldsOf(type: ResourceType): Record<string, DerivedField<ResourceType>> {
  return (DERIVED_FIELDS[type] ?? {}) as Record<string, DerivedField<ResourceType>>;
}
