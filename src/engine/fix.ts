// Remediation as code: a rule's `fix` block rendered over one finding's record, so the `aliyun` CLI calls and
// the Terraform snippet carry the resource's real ids. Only printed: the auditor never makes a write call.
import { REGIONAL_TYPES, type Inventory } from '../inventory/types.js';
import type { Finding } from '../findings/types.js';
import { evaluateCondition, type ConditionEnv } from './condition.js';
import { evaluateRule } from './evaluate.js';
import { knownValueAt } from './path.js';
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

/**
 * Renders `fix` against the record `view` (and the rule's params as `$params`); a call with `each` once per
 * list element its `where` holds for (an element it cannot decide is left out and named in `unresolved`).
 */
export function renderFix(fix: RuleFix, view: Record<string, unknown>, params: Record<string, unknown>, now: Date): RenderedFix {
  const unresolved: string[] = [];
  const render = (value: string | number | boolean, item?: unknown): string => {
    if (typeof value !== 'string') return String(value);
    const result = renderTemplate(value, view, { $params: () => params, $item: () => item });
    unresolved.push(...result.unresolved);
    return result.text;
  };
  const env: ConditionEnv = { now, params, evidence: new Map() };
  const cli = fix.cli.flatMap(({ product, action, region, params: args, each }) => {
    const items = each ? selected(view, each, env, unresolved) : [undefined];
    return items.map((item) => {
      const flags = Object.entries(args).flatMap(([name, value]) => [`--${name}`, shellWord(render(value, item))]);
      return ['aliyun', product, action, ...(region === undefined ? [] : ['--region', shellWord(render(region, item))]), ...flags].join(' ');
    });
  });
  const rendered: RenderedFix = { cli, unresolved };
  if (fix.terraform !== undefined) rendered.terraform = render(fix.terraform);
  return rendered;
}

type Each = NonNullable<RuleFix['cli'][number]['each']>;

function selected(view: Record<string, unknown>, each: Each, env: ConditionEnv, unresolved: string[]): unknown[] {
  const list = knownValueAt(view, each.of);
  if (!Array.isArray(list)) {
    unresolved.push(each.of);
    return [];
  }
  return list.filter((item, i) => {
    const outcome = evaluateCondition(each.where, { value: item, gaps: [], prefix: `${each.of}[${i}].` }, env);
    if (outcome.kind === 'unknown') unresolved.push(`${each.of}[${i}]`);
    return outcome.kind === 'true';
  });
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
