// The README's rules table is generated from the rule files: this fails when someone edits a rule (or the
// table) without regenerating it (`npm run build && node scripts/rules-table.mjs`).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULES_DIR, loadRules } from '../src/engine/index.js';
import { RULES_TABLE_END, RULES_TABLE_START, RulesTableMarkersError, rulesTable, withRulesTable } from '../src/engine/rules-table.js';

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
