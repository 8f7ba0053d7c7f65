// Reading the structure of the record schemas (zod definitions): what a field is under its optional /
// nullable / default wrappers, an object's fields, a list's item. Used to lay examples over their base
// records, to check rule paths and to write rules/FIELDS.md.
import type { z } from 'zod';

export interface Unwrapped {
  schema: z.ZodType;
  nullable: boolean;
  /** the field may be absent: unknown to the rules */
  optional: boolean;
  /** the `.describe()` text of the field or of a schema it wraps */
  description: string | undefined;
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.ZodType): Def => schema._zod.def as unknown as Def;

export function unwrapSchema(schema: z.ZodType): Unwrapped {
  let current = schema;
  let nullable = false;
  let optional = false;
  let description = schema.description;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'nullable') nullable = true;
    else if (def.type === 'optional') optional = true;
    else if (def.type !== 'default') break;
    current = def['innerType'] as z.ZodType;
    description ??= current.description;
  }
  return { schema: current, nullable, optional, description };
}

/** The fields of an object schema (under its wrappers), or undefined when it is not one. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = defOf(unwrapSchema(schema).schema);
  return def.type === 'object' ? (def['shape'] as Record<string, z.ZodType>) : undefined;
}

/** The item schema of a list schema (under its wrappers), or undefined when it is not one. */
export function elementOf(schema: z.ZodType): z.ZodType | undefined {
  const def = defOf(unwrapSchema(schema).schema);
  return def.type === 'array' ? (def['element'] as z.ZodType) : undefined;
}

/** The definition's own properties (enum entries, literal values, union options, a map's value type). */
export function definitionOf(schema: z.ZodType): Def {
  return defOf(schema);
}
