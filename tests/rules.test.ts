// The generic rule test (like ESLint's RuleTester / trivy's check examples): every rule file loads, has a
// pass and a fail example, no duplicated examples, and every example gives the outcome it is filed under
// with all message placeholders resolved. Each example's inventory must also match the inventory schema.
import { describe, expect, it } from 'vitest';
import { inventorySchema } from '../src/inventory/schema.js';
import { BUNDLED_RULES_DIR, exampleSetProblems, loadRules } from '../src/engine/index.js';
import { EXAMPLE_OUTCOMES, exampleInventory, runExample } from '../src/engine/examples.js';

const rules = await loadRules([BUNDLED_RULES_DIR]);

const cases = rules.flatMap((rule) =>
  EXAMPLE_OUTCOMES.flatMap((outcome) =>
    rule.examples[outcome].map((example) => ({ name: `${rule.id} ${outcome}: ${example.name}`, rule, outcome, example })),
  ),
);

describe('rule files', () => {
  it('finds the bundled rules', () => {
    expect(rules.length).toBeGreaterThanOrEqual(10);
  });

  it.each(rules.map((rule) => ({ name: rule.id, rule })))('$name has a sound example set', ({ rule }) => {
    expect(exampleSetProblems(rule)).toEqual([]);
  });
});

describe('rule examples', () => {
  it.each(cases)('$name', ({ rule, outcome, example }) => {
    expect(() => inventorySchema.parse(exampleInventory(rule, example))).not.toThrow();
    expect(runExample(rule, outcome, example).problems).toEqual([]);
  });
});
