// The tables generated from the rule files (never written by hand), each between its markers: the README's rules
// table (one row per rule with its duty, CIS controls and severity) and the CIS table of rules/README.md (every
// control of the benchmark with the rules that decide it, or why none does). `scripts/rules-table.mjs` rewrites
// both; tests/rules-table.test.ts fails when one is stale.
import type { ControlCatalogue } from '../findings/compliance.js';
import { CIS_VERSION } from '../findings/types.js';
import type { Rule } from './rule-schema.js';

export const RULES_TABLE_START = '<!-- rules:start -->';
export const RULES_TABLE_END = '<!-- rules:end -->';
export const CIS_TABLE_START = '<!-- cis:start -->';
export const CIS_TABLE_END = '<!-- cis:end -->';

export class RulesTableMarkersError extends Error {
  override readonly name = 'RulesTableMarkersError';
  readonly code = 'RULES_TABLE_MARKERS';
}

// a pipe would end the cell, an asterisk start emphasis (CIS 1.15: "*:*")
const cell = (text: string) => text.replace(/[|*]/g, '\\$&');

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

/**
 * Every control of the catalogue: the rules that map it (in rule id order), or, for one no rule maps, the
 * benchmark's assessment and why no rule decides it.
 */
export function cisTable(rules: readonly Rule[], catalogue: ControlCatalogue): string {
  const lines = ['| control | title | rules |', '| --- | --- | --- |'];
  for (const control of catalogue.controls) {
    const mapping = [...new Set(rules.filter((rule) => rule.cis.some((entry) => entry.control === control.control)).map((rule) => rule.id))].sort();
    const title = control.reading ? `${control.title} (read: ${control.reading})` : control.title;
    const decided = mapping.length > 0 ? mapping.join(', ') : `- (${control.assessment === 'manual' ? 'manual' : 'not automated'}: ${control.note ?? 'no rule maps it'})`;
    lines.push(`| ${control.control} | ${cell(title)} | ${cell(decided)} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** `text` with the block between `start` and `end` replaced by `body`; the markers appended under `heading` when absent. */
function withBlock(text: string, file: string, [start, end]: readonly [string, string], body: string, heading: string): string {
  const block = `${start}\n${body}${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 && to === -1) return `${text.trimEnd()}\n\n## ${heading}\n\n${block}\n`;
  if (from === -1 || to < from) throw new RulesTableMarkersError(`${file}: expected ${start} before ${end}`);
  return `${text.slice(0, from)}${block}${text.slice(to + end.length)}`;
}

/** The README with its rules table replaced; appends the markers when the README has none. */
export function withRulesTable(readme: string, rules: readonly Rule[]): string {
  return withBlock(readme, 'README.md', [RULES_TABLE_START, RULES_TABLE_END], rulesTable(rules), 'Rules');
}

/** rules/README.md with its CIS table replaced. */
export function withCisTable(text: string, rules: readonly Rule[], catalogue: ControlCatalogue): string {
  return withBlock(text, 'rules/README.md', [CIS_TABLE_START, CIS_TABLE_END], cisTable(rules, catalogue), `CIS Alibaba Cloud Foundations Benchmark ${CIS_VERSION} controls`);
}
