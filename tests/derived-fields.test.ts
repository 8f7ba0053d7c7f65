// Each derived field declares the record types it reads (a scope that names the field collects them): a field
// that reads a type it does not declare would read "none" where that collection did not run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUNDLED_RULES_DIR } from '../src/engine/index.js';
import { RelationIndex } from '../src/engine/relations.js';
import { emptyResources, INVENTORY_SCHEMA_VERSION, RESOURCE_TYPES, type ResourceType } from '../src/inventory/types.js';
import type { Lookup } from '../src/services/derived-field.js';
import { DERIVED_FIELDS } from '../src/services/derived.js';

const baseRecord = (type: ResourceType): Record<string, unknown> =>
  (parse(readFileSync(join(BUNDLED_RULES_DIR, '_bases', `${type}.yaml`), 'utf8')) as { record: Record<string, unknown> }).record;

/** An inventory holding each type's base record, so that every lookup finds something to follow. */
function fullIndex(): RelationIndex {
  const resources = emptyResources();
  for (const type of RESOURCE_TYPES) (resources[type] as unknown[]).push(baseRecord(type));
  return new RelationIndex({ schemaVersion: INVENTORY_SCHEMA_VERSION, accountId: '1', collectedAt: '', regions: ['cn-hangzhou'], resources, gaps: [] });
}

/** The lookup, recording each record type asked for. */
function recording(index: RelationIndex, read: Set<string>): Lookup {
  return new Proxy(index, {
    get(target, key) {
      const member = Reflect.get(target, key) as unknown;
      if (typeof member !== 'function' || !['find', 'all', 'grouped', 'unlessGap', 'unknown'].includes(String(key))) return member;
      return (...args: unknown[]) => {
        if (typeof args[0] === 'string' && key !== 'unknown') read.add(args[0]);
        const of = args[1] as { type?: string } | undefined;
        if (key === 'unknown' && of?.type) read.add(of.type);
        return (member as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('derived fields', () => {
  const index = fullIndex();
  const fields = Object.entries(DERIVED_FIELDS).flatMap(([type, byName]) => Object.entries(byName).map(([name, field]) => ({ type: type as ResourceType, name, field })));

  it('are declared', () => {
    expect(fields.length).toBeGreaterThan(5);
  });

  it.each(fields.map((entry) => [`${entry.type}.${entry.name}`, entry] as const))('%s reads only the types it declares', (_label, { type, field }) => {
    const read = new Set<string>();
    field.derive(baseRecord(type) as never, recording(index, read));
    expect([...read].filter((source) => !field.reads.includes(source as ResourceType))).toEqual([]);
  });
});
