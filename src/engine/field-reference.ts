// rules/FIELDS.md, generated from the record schemas (never written by hand): per resource type, every field a
// rule can read, its type, whether it can be null or unknown, and its description (a schema's `.describe()`),
// then the type's derived `$` fields. `scripts/fields-reference.mjs` rewrites the file;
// tests/rules-table.test.ts fails when it is stale.
import type { z } from 'zod';
import { recordSchemas } from '../inventory/schema.js';
import { RESOURCE_TYPES, type ResourceType } from '../inventory/types.js';
import { derivedFieldsOf } from './relations.js';
import { definitionOf, elementOf, shapeOf, unwrapSchema as unwrap } from './schema-walk.js';

export interface FieldRow {
  field: string;
  type: string;
  unknown: boolean;
  description: string;
}

/** The resource type whose record schema this is, if it is one. */
function recordTypeOf(schema: z.ZodType): ResourceType | undefined {
  return RESOURCE_TYPES.find((type) => recordSchemas[type] === schema);
}

const anchor = (type: ResourceType) => `#${type.replace(/[^a-z0-9-]/g, '')}`;

/** A type in words; nested records (not whole resource records) are expanded by `fieldRows` instead. */
function typeName(schema: z.ZodType): string {
  const def = definitionOf(schema);
  const record = recordTypeOf(schema);
  if (record) return `[\`${record}\`](${anchor(record)}) record`;
  switch (def.type) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return 'true/false';
    case 'enum':
      return `one of ${Object.values(def['entries'] as Record<string, string>).map((value) => `\`${value}\``).join(', ')}`;
    case 'literal':
      return (def['values'] as unknown[]).map((value) => `\`${String(value)}\``).join(', ');
    case 'object':
      return 'record';
    case 'array': {
      const element = unwrap(elementOf(schema)!);
      return `list of ${plural(typeName(element.schema))}${element.nullable ? ' (or null)' : ''}`;
    }
    case 'record':
      return `map of text to ${typeName(unwrap(def['valueType'] as z.ZodType).schema)}`;
    case 'union':
      return (def['options'] as z.ZodType[]).map((option) => typeName(unwrap(option).schema)).join(' or ');
    case 'unknown':
    case 'any':
      return 'any value (free-form, e.g. a JSON document)';
    default:
      return def.type;
  }
}

function plural(name: string): string {
  if (name === 'record') return 'records';
  return name.endsWith(' record') ? `${name}s` : name;
}

/** One row per field of an object schema, nested records and list items expanded as `a.b` and `list[].c`. */
export function fieldRows(schema: z.ZodType, prefix = ''): FieldRow[] {
  return Object.entries(shapeOf(schema) ?? {}).flatMap(([key, field]) => {
    const { schema: inner, nullable, optional, description } = unwrap(field);
    const path = `${prefix}${key}`;
    const row = { field: path, type: `${typeName(inner)}${nullable ? ' or null' : ''}`, unknown: optional, description: description ?? '' };
    if (recordTypeOf(inner)) return [row];
    if (shapeOf(inner)) return [row, ...fieldRows(inner, `${path}.`)];
    const element = elementOf(inner);
    const item = element && unwrap(element).schema;
    if (item && shapeOf(item) && !recordTypeOf(item)) return [row, ...fieldRows(item, `${path}[].`)];
    return [row];
  });
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(type: ResourceType): string {
  const own = fieldRows(recordSchemas[type]);
  const derived = Object.entries(derivedFieldsOf(type)).map(([name, field]) => {
    const { schema, nullable } = unwrap(field.schema);
    return { field: name, type: `${typeName(schema)}${nullable ? ' or null' : ''}`, unknown: true, description: `derived: ${field.summary}` };
  });
  const lines = [
    `## ${type}`,
    '',
    '| field | type | may be unknown | description |',
    '| --- | --- | --- | --- |',
    ...[...own, ...derived].map(
      (row) => `| \`${row.field}\` | ${cell(row.type)} | ${row.unknown ? 'yes' : ''} | ${cell(row.description)} |`,
    ),
  ];
  return lines.join('\n');
}

export const FIELD_REFERENCE_HEADER = `# Fields of each resource type

<!-- Generated from the record schemas by \`npm run build && node scripts/fields-reference.mjs\`; do not edit
(tests/rules-table.test.ts fails when this file is stale). -->

What a rule's \`path\` (and \`some\`, \`every\`, \`none\`, \`count\`) can name, per resource type, and what an
example record holds (\`rules/_bases/<type>.yaml\` is a complete one; see rules/README.md).

- **type**: \`or null\` means the field can be null, a known absence (\`exists\` is false, \`absent\` true).
- **may be unknown**: the inventory can lack the field (the call that reads it failed or was not made).
  Reading it then makes the condition unknown and the finding an \`error\`, never a pass. A field without
  "yes" is always there when its record is. In an example, \`unknown: [field]\` leaves it out.
- \`list[].field\` is a field of each item of a list: read it with \`some\` / \`every\` / \`none\` / \`count\`
  and \`match: { path: field, ... }\`.
- \`$\` fields are derived from other collections when the rules run (\`src/engine/relations.ts\`); they are
  unknown when that collection has a gap in the record's scope.
`;

export function fieldReference(): string {
  const toc = RESOURCE_TYPES.map((type) => `[\`${type}\`](${anchor(type)})`).join(' · ');
  return `${FIELD_REFERENCE_HEADER}\n${toc}\n\n${RESOURCE_TYPES.map(table).join('\n\n')}\n`;
}
