// The README's rules table, generated from the rule files (never written by hand): one row per rule with
// its duty, CIS controls and severity, between the markers below. `scripts/rules-table.mjs` rewrites the
// README; tests/rules-table.test.ts fails when the README's table is stale.
import { CIS_VERSION } from '../findings/types.js';
import type { Rule } from './rule-schema.js';

export const RULES_TABLE_START = '<!-- rules:start -->';
export const RULES_TABLE_END = '<!-- rules:end -->';

export class RulesTableMarkersError extends Error {
  override readonly name = 'RulesTableMarkersError';
  readonly code = 'RULES_TABLE_MARKERS';
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function rulesTable(rules: readonly Rule[]): string {
  const sorted = [...rules].sort((a, b) => a.duty.localeCompare(b.duty) || a.id.localeCompare(b.id));
  const lines = [
    `| rule | duty | CIS ${CIS_VERSION} | severity | title |`,
    '| --- | --- | --- | --- | --- |',
    ...sorted.map((rule) => {
      const cis = rule.cis.map((entry) => entry.control).join(', ') || '-';
      return `| \`${rule.id}\` | ${rule.duty} | ${cis} | ${rule.severity} | ${cell(rule.title)} |`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}

/** The README with the table between the markers replaced; appends the markers when the README has none. */
export function withRulesTable(readme: string, rules: readonly Rule[]): string {
  const block = `${RULES_TABLE_START}\n${rulesTable(rules)}${RULES_TABLE_END}`;
  const start = readme.indexOf(RULES_TABLE_START);
  const end = readme.indexOf(RULES_TABLE_END);
  if (start === -1 && end === -1) return `${readme.trimEnd()}\n\n## Rules\n\n${block}\n`;
  if (start === -1 || end < start) {
    throw new RulesTableMarkersError(`README.md: expected ${RULES_TABLE_START} before ${RULES_TABLE_END}`);
  }
  return `${readme.slice(0, start)}${block}${readme.slice(end + RULES_TABLE_END.length)}`;
}
