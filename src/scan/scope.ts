// The scan's scope: which rules run (`--services`, `--rules`, `--exclude-rules`, `--severity`, `--duties`,
// `--cis-controls`, or `scope:` in the config), and from them which collectors must run, so that a scan of
// `--services ram` calls no ECS API at all.
import { DERIVED_FIELDS } from '../services/derived.js';
import { collectorOfType, type CollectorName } from '../services/index.js';
import type { AuditConfig } from '../config/schema.js';
import type { Rule } from '../engine/index.js';
import { UsageError } from '../errors.js';
import { DUTY_IDS } from '../findings/duties.js';
import { SEVERITIES, type Severity } from '../findings/types.js';
import type { ResourceType } from '../inventory/types.js';
import { didYouMean, globToRegExp } from '../names.js';

export type Scope = NonNullable<AuditConfig['scope']>;

/**
 * The record types each derived field reads (its `reads`). A rule that names one needs those collected too: a
 * collection that did not run leaves no gap, so the field would read "none", not "unknown".
 */
const DERIVED_READS: ReadonlyArray<[string, readonly ResourceType[]]> = Object.values(DERIVED_FIELDS).flatMap((byName) =>
  Object.entries(byName).map(([name, field]): [string, readonly ResourceType[]] => [name, field.reads]),
);

/** The collectors the rules need: those of their resource types and of the derived fields they name anywhere. */
export function collectorsFor(rules: readonly Rule[]): CollectorName[] {
  const types = new Set<ResourceType>();
  for (const rule of rules) {
    types.add(rule.resource as ResourceType);
    // conditions, messages, severityWhen and CIS conditions: any mention counts, examples do not matter
    const { examples: _examples, ...used } = rule;
    const text = JSON.stringify(used);
    for (const [field, reads] of DERIVED_READS) if (text.includes(field)) for (const type of reads) types.add(type);
  }
  return [...new Set([...types].map(collectorOfType))];
}

const rank = (severity: Severity) => SEVERITIES.indexOf(severity);

/** The highest severity a rule's failures can have: its own, or one of `severityWhen`. */
export function highestSeverity(rule: Rule): Severity {
  return [rule.severity, ...rule.severityWhen.map((entry) => entry.severity)].reduce((a, b) => (rank(b) < rank(a) ? b : a));
}

/** Names the user gave that match nothing: a typo would otherwise narrow or widen the scan silently. */
function checkNames(flag: string, given: readonly string[] | undefined, known: readonly string[], glob = false): void {
  for (const name of given ?? []) {
    const matches = glob ? known.some((candidate) => globToRegExp(name).test(candidate)) : known.includes(name);
    if (!matches) throw new UsageError(`${flag}: ${glob ? 'no rule matches' : 'unknown'} ${name}${didYouMean(name, known)}`);
  }
}

/** The rules in scope; refuses names that match nothing and a scope that leaves no rule. */
export function selectRules(rules: readonly Rule[], scope: Scope | undefined): Rule[] {
  if (!scope) return [...rules];
  const ids = rules.map((rule) => rule.id);
  checkNames('--services', scope.services, [...new Set(rules.map((rule) => rule.service))].sort());
  checkNames('--rules', scope.rules, ids, true);
  checkNames('--exclude-rules', scope.excludeRules, ids, true);
  checkNames('--duties', scope.duties, DUTY_IDS);
  checkNames('--cis-controls', scope.cisControls, [...new Set(rules.flatMap((rule) => rule.cis.map((entry) => entry.control)))]);
  const anyGlob = (globs: readonly string[] | undefined, id: string) => globs?.some((glob) => globToRegExp(glob).test(id)) ?? false;
  const selected = rules.filter(
    (rule) =>
      (scope.services?.includes(rule.service) ?? true) &&
      (scope.rules === undefined || anyGlob(scope.rules, rule.id)) &&
      !anyGlob(scope.excludeRules, rule.id) &&
      (scope.severity === undefined || rank(highestSeverity(rule)) <= rank(scope.severity)) &&
      (scope.duties?.includes(rule.duty) ?? true) &&
      (scope.cisControls === undefined || rule.cis.some((entry) => scope.cisControls?.includes(entry.control))),
  );
  if (selected.length === 0) throw new UsageError('the scope selects no rule: loosen --services, --rules, --exclude-rules, --severity, --duties or --cis-controls');
  return selected;
}
