// Runs a rule's own examples (like ESLint's RuleTester): each example becomes a one-record inventory, is
// evaluated, and must give the outcome it is filed under (`skip`: no finding). Used by tests/rules.test.ts
// and `alicloud-audit rules test`.
import { INVENTORY_SCHEMA_VERSION, emptyResources, type Inventory, type ResourceType } from '../inventory/types.js';
import { evaluateRule } from './evaluate.js';
import { RelationIndex } from './relations.js';
import type { Example, ExampleOutcome, Rule } from './rule-schema.js';

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
  }
  return { ruleId: rule.id, expected, name: example.name, actual: actual as ExampleResult['actual'], problems };
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
