// Runs a rule's own examples (like ESLint's RuleTester): each example becomes a one-record inventory, is
// evaluated, and must give the outcome it is filed under (`skip`: no finding) and, when it says so, evidence
// with the given text. Used by tests/rules.test.ts and `alicloud-audit rules test`.
// Examples state only what differs from their type's base record (`<rules dir>/_bases/<type>.yaml`):
// `completeExamples` fills in the rest when the rule is loaded.
import type { z } from 'zod';
import { recordSchemas } from '../inventory/schema.js';
import { INVENTORY_SCHEMA_VERSION, emptyResources, type Inventory, type ResourceType } from '../inventory/types.js';
import { evaluateRule } from './evaluate.js';
import { RelationIndex } from './relations.js';
import type { Example, ExampleOutcome, Rule, RuleFile, RuleIssue } from './rule-schema.js';
import { elementOf, shapeOf, unwrapSchema } from './schema-walk.js';

/** A typical record of one resource type that examples start from. */
export interface ExampleBase {
  record: Record<string, unknown>;
  /** bases of nested records by dotted path: each item of a list, or an object the record leaves null */
  parts: Record<string, Record<string, unknown>>;
}
export type ExampleBases = Partial<Record<ResourceType, ExampleBase>>;

/** The key of an example record (or nested record) that lists its fields the inventory did not collect. */
export const UNKNOWN_KEY = 'unknown';

/**
 * The record an example means: the base with the example's fields laid over it. Nested records merge key by
 * key; an object at a path the base leaves null or where a list item sits merges onto `parts[path]`; lists,
 * maps (tags) and free-form values (a policy document) replace the base's whole. Then the fields that a
 * record's `unknown: [..]` names are removed (not collected), wherever the record sits.
 */
export function completeRecord(
  type: ResourceType,
  base: ExampleBase | undefined,
  record: Record<string, unknown>,
  at: PropertyKey[] = [],
  issues: RuleIssue[] = [],
): Record<string, unknown> {
  const parts = base?.parts ?? {};
  return complete(recordSchemas[type], base?.record, record, '', parts, at, issues) as Record<string, unknown>;
}

function complete(
  schema: z.ZodType | undefined,
  base: unknown,
  value: unknown,
  path: string,
  parts: ExampleBase['parts'],
  at: PropertyKey[],
  issues: RuleIssue[],
): unknown {
  const shape = schema && shapeOf(schema);
  if (shape && isPlainObject(value)) {
    const { [UNKNOWN_KEY]: unknown = [], ...own } = value;
    const template = isPlainObject(base) ? base : parts[path];
    const merged: Record<string, unknown> = template ? structuredClone(template) : {};
    for (const [key, item] of Object.entries(own)) {
      merged[key] = complete(shape[key], template?.[key], item, path === '' ? key : `${path}.${key}`, parts, [...at, key], issues);
    }
    if (!Array.isArray(unknown) || !unknown.every((field) => typeof field === 'string')) {
      issues.push({ path: [...at, UNKNOWN_KEY], message: 'expected a list of field names' });
    } else {
      unknown.forEach((field, i) => {
        if (field in merged) delete merged[field];
        else issues.push({ path: [...at, UNKNOWN_KEY, i], message: `no field "${field}" to leave unknown` });
      });
    }
    return merged;
  }
  const element = schema && elementOf(schema);
  if (element && Array.isArray(value)) {
    return value.map((item, i) => complete(element, undefined, item, path, parts, [...at, i], issues));
  }
  return value;
}

/** The schema of the nested record at a dotted path (a list's item), or undefined when there is none. */
export function partSchema(type: ResourceType, path: string): z.ZodType | undefined {
  let current: z.ZodType | undefined = recordSchemas[type];
  for (const key of path.split('.')) {
    current = current && shapeOf(current)?.[key];
    current = current && (elementOf(current) ?? current);
  }
  return current && shapeOf(current) ? unwrapSchema(current).schema : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The rule with every example record completed from `bases` (see `completeRecord`). */
export function completeExamples(rule: RuleFile, bases: ExampleBases): { rule: RuleFile; issues: RuleIssue[] } {
  const issues: RuleIssue[] = [];
  const examples = Object.fromEntries(
    Object.entries(rule.examples).map(([outcome, list]) => [
      outcome,
      list.map((example, i): Example => {
        const at = ['examples', outcome, i];
        const resource = completeRecord(rule.resource, bases[rule.resource], example.resource, [...at, 'resource'], issues);
        const related = Object.fromEntries(
          (Object.entries(example.related) as Array<[ResourceType, Array<Record<string, unknown>>]>).map(([type, records]) => [
            type,
            records.map((record, j) => completeRecord(type, bases[type], record, [...at, 'related', type, j], issues)),
          ]),
        );
        return { ...example, resource, related };
      }),
    ]),
  ) as RuleFile['examples'];
  return { rule: { ...rule, examples }, issues };
}

const EXAMPLE_ACCOUNT_ID = '1234567890123456';
/** The scan time of every example, so date checks in examples are reproducible. */
export const EXAMPLE_NOW = new Date('2026-01-01T00:00:00Z');
export const EXAMPLE_OUTCOMES = ['pass', 'fail', 'error', 'skip'] as const satisfies readonly ExampleOutcome[];

export interface ExampleResult {
  ruleId: string;
  expected: ExampleOutcome;
  name: string;
  actual: ExampleOutcome | 'several findings';
  /** what went wrong; empty when the example holds */
  problems: string[];
}

export function exampleInventory(rule: Rule, example: Example): Inventory {
  const resources = emptyResources();
  const add = (type: ResourceType, records: unknown[]) => (resources[type] as unknown[]).push(...records);
  for (const [type, records] of Object.entries(example.related) as Array<[ResourceType, unknown[]]>) add(type, records);
  add(rule.resource, [example.resource]);
  const regions = new Set(
    Object.values(resources)
      .flat()
      .flatMap((record) => ('region' in record && typeof record.region === 'string' ? [record.region] : [])),
  );
  return {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    accountId: EXAMPLE_ACCOUNT_ID,
    collectedAt: EXAMPLE_NOW.toISOString(),
    regions: [...regions].sort(),
    resources,
    gaps: example.gaps,
  };
}

export function runExample(rule: Rule, expected: ExampleOutcome, example: Example): ExampleResult {
  const index = new RelationIndex(exampleInventory(rule, example));
  const results = [...evaluateRule(rule, index, { now: EXAMPLE_NOW })].filter(
    (result) => result.finding.resource.id === example.resource['id'],
  );
  const actual = results.length === 0 ? 'skip' : results.length > 1 ? 'several findings' : results[0]!.finding.status;
  const problems: string[] = [];
  if (actual !== expected) {
    const why = results.map((result) => result.finding.reason ?? result.finding.evidence).join(' | ');
    problems.push(`expected ${expected}, got ${actual}${why ? `: ${why}` : ''}`);
  }
  for (const result of results) {
    if (example.severity !== undefined && result.finding.severity !== example.severity) {
      problems.push(`expected severity ${example.severity}, got ${result.finding.severity}`);
    }
    if (result.unresolved.length > 0) problems.push(`unresolved placeholders: ${result.unresolved.join(', ')}`);
    const evidence = evidenceProblem(example.evidence, result.finding);
    if (evidence) problems.push(evidence);
  }
  return { ruleId: rule.id, expected, name: example.name, actual: actual as ExampleResult['actual'], problems };
}

function evidenceProblem(expected: Example['evidence'], finding: { evidence: string; reason?: string }): string | undefined {
  if (expected === undefined) return undefined;
  const texts = [finding.evidence, ...(finding.reason === undefined ? [] : [finding.reason])];
  const found =
    typeof expected === 'string' ? texts.some((text) => text.includes(expected)) : texts.some((text) => new RegExp(expected.matches).test(text));
  if (found) return undefined;
  const wanted = typeof expected === 'string' ? `to contain "${expected}"` : `to match /${expected.matches}/`;
  return `expected the evidence ${wanted}, got "${texts.join(' | ')}"`;
}

export function runExamples(rule: Rule): ExampleResult[] {
  return EXAMPLE_OUTCOMES.flatMap((outcome) => rule.examples[outcome].map((example) => runExample(rule, outcome, example)));
}

/** Problems with the example set itself: a missing pass or fail example, duplicated names or records. */
export function exampleSetProblems(rule: Rule): string[] {
  const problems: string[] = [];
  if (rule.examples.pass.length === 0) problems.push('has no pass example');
  if (rule.examples.fail.length === 0) problems.push('has no fail example');
  const names = new Set<string>();
  const bodies = new Map<string, string>();
  for (const outcome of EXAMPLE_OUTCOMES) {
    for (const example of rule.examples[outcome]) {
      if (names.has(example.name)) problems.push(`example name "${example.name}" is used twice`);
      names.add(example.name);
      const body = canonical({ resource: example.resource, related: example.related, gaps: example.gaps });
      const twin = bodies.get(body);
      if (twin !== undefined) problems.push(`example "${example.name}" duplicates "${twin}"`);
      bodies.set(body, example.name);
    }
  }
  return problems;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}
