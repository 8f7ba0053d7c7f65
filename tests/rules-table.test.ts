// The README's rules table is generated from the rule files, and rules/FIELDS.md from the record schemas:
// this fails when someone edits a rule or a schema (or the generated text) without regenerating it
// (`npm run build && node scripts/rules-table.mjs && node scripts/fields-reference.mjs`).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RESOURCE_TYPES } from '../src/inventory/types.js';
import { BUNDLED_RULES_DIR, DERIVED_FIELDS, loadRules } from '../src/engine/index.js';
import { fieldReference, fieldRows } from '../src/engine/field-reference.js';
import { CIS_TABLE_START, RULES_TABLE_END, RULES_TABLE_START, RulesTableMarkersError, rulesTable, withCisTable, withRulesTable } from '../src/engine/rules-table.js';
import { cisCatalogue } from '../src/findings/compliance.js';

const rules = await loadRules([BUNDLED_RULES_DIR]);

describe('README rules table', () => {
  it('is up to date with the rule files', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(RULES_TABLE_START);
    expect(withRulesTable(readme, rules), 'README.md rules table is stale: run node scripts/rules-table.mjs').toBe(readme);
  });

  it('has one row per rule with duty, CIS controls and severity', () => {
    const table = rulesTable(rules);
    expect(table.trim().split('\n')).toHaveLength(rules.length + 2);
    expect(table).toContain('| `ecs-sg-ssh-internet` | security-groups | 4.3, 3.2 | high |');
  });

  it('replaces only what is between the markers, and appends them when absent', () => {
    const readme = `intro\n${RULES_TABLE_START}\nold\n${RULES_TABLE_END}\noutro\n`;
    const updated = withRulesTable(readme, rules);
    expect(updated.startsWith('intro\n')).toBe(true);
    expect(updated.endsWith(`${RULES_TABLE_END}\noutro\n`)).toBe(true);
    expect(updated).not.toContain('old');
    expect(withRulesTable('# title\n', rules)).toContain(`## Rules\n\n${RULES_TABLE_START}`);
  });

  it('refuses markers in the wrong order', () => {
    expect(() => withRulesTable(`${RULES_TABLE_END}\n${RULES_TABLE_START}\n`, rules)).toThrow(RulesTableMarkersError);
  });
});

describe('rules/README.md CIS table', () => {
  it('is up to date with the rule files and the catalogue, and lists all 85 controls', async () => {
    const text = await readFile(new URL('../rules/README.md', import.meta.url), 'utf8');
    expect(text).toContain(CIS_TABLE_START);
    expect(withCisTable(text, rules, cisCatalogue()), 'rules/README.md CIS table is stale: run node scripts/rules-table.mjs').toBe(text);
    expect(text.match(/^\| \d+\.\d+ \|/gm)).toHaveLength(85);
    // a control no rule decides says why
    expect(text).toContain('| 5.1 | Ensure that OSS bucket is not anonymously or publicly accessible | - (not automated: ');
  });
});

describe('rules/FIELDS.md field reference', () => {
  it('is up to date with the record schemas', async () => {
    const file = await readFile(new URL('../rules/FIELDS.md', import.meta.url), 'utf8');
    expect(fieldReference(), 'rules/FIELDS.md is stale: run npm run build && node scripts/fields-reference.mjs').toBe(file);
  });

  it('has a section per resource type with its fields and derived fields', () => {
    const reference = fieldReference();
    for (const type of RESOURCE_TYPES) expect(reference).toContain(`\n## ${type}\n`);
    expect(reference).toContain('| `rules[].sourceCidrIp` | text or null |  |  |');
    expect(reference).toContain('| `cloudAssistant` | record or null | yes |  |');
    for (const [type, fields] of Object.entries(DERIVED_FIELDS)) {
      const section = reference.slice(reference.indexOf(`\n## ${type}\n`)).split('\n## ')[1]!;
      for (const name of Object.keys(fields)) expect(section).toContain(`| \`${name}\` |`);
    }
  });

  it("gives a field's type, whether it is null or unknown, and its .describe() text through the wrappers", () => {
    const schema = z.strictObject({
      seen: z.string().describe('when it was last seen').nullable().optional(),
      state: z.enum(['on', 'off']).nullable().describe('the switch'),
      items: z.array(z.strictObject({ port: z.number() })),
      labels: z.record(z.string(), z.string()).default({}),
      document: z.unknown(),
    });
    expect(fieldRows(schema)).toEqual([
      { field: 'seen', type: 'text or null', unknown: true, description: 'when it was last seen' },
      { field: 'state', type: 'one of `on`, `off` or null', unknown: false, description: 'the switch' },
      { field: 'items', type: 'list of records', unknown: false, description: '' },
      { field: 'items[].port', type: 'number', unknown: false, description: '' },
      { field: 'labels', type: 'map of text to text', unknown: false, description: '' },
      { field: 'document', type: 'any value (free-form, e.g. a JSON document)', unknown: false, description: '' },
    ]);
  });
});
