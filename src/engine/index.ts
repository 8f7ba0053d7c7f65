// The engine's public API: load rules, evaluate an inventory, build the report.
export { loadRules, loadRuleFile, BUNDLED_RULES_DIR } from './loader.js';
export { evaluate, evaluateFindings, evaluateRule, type EvaluateOptions, type RuleResult } from './evaluate.js';
export { RuleLoadError, RuleParamError, RuleExamplesFailedError, RuleNotFoundError } from './errors.js';
export { runExamples, exampleSetProblems, EXAMPLE_NOW, type ExampleResult } from './examples.js';
export { OPERATOR_NAMES } from './operators.js';
export { FUNCTIONS, FUNCTION_NAMES } from './functions.js';
export { DERIVED_FIELDS } from './relations.js';
export type { Rule, Example } from './rule-schema.js';
export type { Condition } from './condition-schema.js';
export { findingId } from '../findings/finding-id.js';
export { buildReport, type BuildReportInput } from '../findings/report.js';
