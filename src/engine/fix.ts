// Remediation as code: a rule's `fix` block rendered over one finding's record, so the `aliyun` CLI calls and
// the Terraform snippet carry the resource's real ids. Only printed: the auditor never makes a write call.
import { REGIONAL_TYPES, type Inventory } from '../inventory/types.js';
import type { Finding } from '../findings/types.js';
import { evaluateRule } from './evaluate.js';
import { RelationIndex } from './relations.js';
import type { Rule, RuleFix } from './rule-schema.js';
import { renderTemplate } from './template.js';

export interface RenderedFix {
  /** one `aliyun <product> <Action> --Param value ...` line per call */
  cli: string[];
  terraform?: string;
  /** template fields the record did not have: the text shows them as `<unknown path>` */
  unresolved: string[];
}

/** Renders `fix` against the record view (and the rule's params as `$params`). */
export function renderFix(fix: RuleFix, view: Record<string, unknown>, params: Record<string, unknown>): RenderedFix {
  const unresolved: string[] = [];
  const extra = { $params: () => params };
  const render = (value: string | number | boolean): string => {
    if (typeof value !== 'string') return String(value);
    const result = renderTemplate(value, view, extra);
    unresolved.push(...result.unresolved);
    return result.text;
  };
  const cli = fix.cli.map(({ product, action, region, params: args }) => {
    const flags = Object.entries(args).flatMap(([name, value]) => [`--${name}`, shellWord(render(value))]);
    return ['aliyun', product, action, ...(region === undefined ? [] : ['--region', shellWord(render(region))]), ...flags].join(' ');
  });
  const rendered: RenderedFix = { cli, unresolved };
  if (fix.terraform !== undefined) rendered.terraform = render(fix.terraform);
  return rendered;
}

/** A value as one POSIX shell word: quoted only when it has characters the shell would read. */
function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

export interface FixTarget {
  rule: Rule;
  finding: Finding;
  /** the record as the rule's conditions and messages read it */
  view: Record<string, unknown>;
}

/** Every finding of the inventory (evaluated with the rules' own params) with its record's view. */
export function* fixTargets(inventory: Inventory, rules: Rule[], now: Date): Generator<FixTarget> {
  const index = new RelationIndex(inventory);
  for (const rule of rules) {
    const regional = REGIONAL_TYPES.has(rule.resource);
    const key = (id: string, region: string | undefined) => (regional ? `${region}\u0000${id}` : id);
    const records = new Map((inventory.resources[rule.resource] as Array<{ id: string; region?: string }>).map((record) => [key(record.id, record.region), record]));
    for (const { finding } of evaluateRule(rule, index, { now })) {
      const { id, region } = finding.resource;
      yield { rule, finding, view: index.view(rule.resource, records.get(key(id, region)) ?? { id }) };
    }
  }
}

/** The finding with this id, and its record's view. */
export function findFixTarget(inventory: Inventory, rules: Rule[], id: string, now: Date): FixTarget | undefined {
  for (const target of fixTargets(inventory, rules, now)) if (target.finding.id === id) return target;
  return undefined;
}
