// Evaluates a condition against a record view, in three values (see outcome.ts).
import type { Condition, CountCondition, FnCondition, QuantifiedCondition } from './condition-schema.js';
import { isParamRef, QUANTIFIERS } from './condition-schema.js';
import { callFunction, parseFunctionArgs } from './functions.js';
import { OPERATORS, Mismatch } from './operators.js';
import { allOf, anyOf, FALSE, fromBoolean, negate, TRUE, unknown, type Outcome, type UnknownReason } from './outcome.js';
import { resolvePath, typeName, type Subject } from './path.js';

export interface ConditionEnv {
  now: Date;
  /** the rule's params, defaults merged with overrides */
  params: Readonly<Record<string, unknown>>;
  /** evidence of the named functions called, by name */
  evidence: Map<string, string>;
}

function resolveParams(value: unknown, params: Readonly<Record<string, unknown>>): unknown {
  return isParamRef(value) ? params[value.param] : value;
}

export function evaluateCondition(condition: Condition, subject: Subject, env: ConditionEnv): Outcome {
  if ('all' in condition) return combine(condition.all, subject, env, 'false');
  if ('any' in condition) return combine(condition.any, subject, env, 'true');
  if ('not' in condition) return negate(evaluateCondition(condition.not, subject, env));
  if ('count' in condition) return evaluateCount(condition, subject, env);
  if ('fn' in condition) {
    const result = callFunction(condition.fn, subject, functionArgs(condition, env.params), env);
    // a rule may call the same function more than once: keep every call's evidence
    const earlier = env.evidence.get(condition.fn);
    env.evidence.set(condition.fn, earlier === undefined || earlier === result.evidence ? result.evidence : `${earlier}; ${result.evidence}`);
    return result.outcome;
  }
  if ('path' in condition) {
    const resolved = resolvePath(subject, condition.path);
    if (!resolved.known) return unknown(resolved.reason);
    const expected = resolveParams(condition.value, env.params);
    const result = OPERATORS[condition.op].test(resolved.value, expected, { ci: condition.ci ?? false, now: env.now });
    if (result instanceof Mismatch) {
      return unknown({ kind: 'mismatch', path: `${subject.prefix}${condition.path}`, detail: `${condition.op}: ${result.detail}`, gaps: [] });
    }
    return fromBoolean(result);
  }
  return evaluateQuantifier(condition, subject, env);
}

/**
 * allOf (decisive `false`) or anyOf (decisive `true`) of the children, without the array of outcomes:
 * every child is evaluated (each may add function evidence), the first decisive one decides, else the
 * unknowns' reasons make the result unknown.
 */
function combine(children: readonly Condition[], subject: Subject, env: ConditionEnv, decisive: 'true' | 'false'): Outcome {
  let decided = false;
  let reasons: UnknownReason[] | undefined;
  for (const child of children) {
    const outcome = evaluateCondition(child, subject, env);
    if (outcome.kind === decisive) decided = true;
    else if (outcome.kind === 'unknown') (reasons ??= []).push(...outcome.reasons);
  }
  if (decided) return decisive === 'true' ? TRUE : FALSE;
  if (reasons) return unknown(...reasons);
  return decisive === 'true' ? FALSE : TRUE;
}

/**
 * A call's arguments, params replaced and validated once per call site and params object (a rule's params
 * are merged once per evaluation), not once per record.
 */
const parsedArgs = new WeakMap<FnCondition, WeakMap<object, unknown>>();

function functionArgs(condition: FnCondition, params: Readonly<Record<string, unknown>>): unknown {
  let byParams = parsedArgs.get(condition);
  if (!byParams) parsedArgs.set(condition, (byParams = new WeakMap()));
  if (byParams.has(params)) return byParams.get(params);
  const args = Object.fromEntries(Object.entries(condition.args ?? {}).map(([key, value]) => [key, resolveParams(value, params)]));
  const parsed = parseFunctionArgs(condition.fn, args);
  byParams.set(params, parsed);
  return parsed;
}

/** Each item of the list at `path`, as a subject of its own; or the `unknown` that stops us reading it. */
function items(path: string, subject: Subject): Subject[] | Outcome {
  const resolved = resolvePath(subject, path);
  if (!resolved.known) return unknown(resolved.reason);
  const label = `${subject.prefix}${path}`;
  if (resolved.value === null) return [];
  if (!Array.isArray(resolved.value)) {
    return unknown({ kind: 'mismatch', path: label, detail: `expected a list, found a ${typeName(resolved.value)}`, gaps: [] });
  }
  return resolved.value.map((value, index) => ({ value, gaps: subject.gaps, prefix: `${label}[${index}].` }));
}

function evaluateQuantifier(condition: QuantifiedCondition, subject: Subject, env: ConditionEnv): Outcome {
  const quantifier = QUANTIFIERS.find((key) => key in condition)!;
  const path = (condition as unknown as Record<string, string>)[quantifier]!;
  const subjects = items(path, subject);
  if (!Array.isArray(subjects)) return subjects;
  const outcomes = subjects.map((item) => evaluateCondition(condition.match, item, env));
  if (quantifier === 'every') return allOf(outcomes);
  const some = anyOf(outcomes);
  return quantifier === 'some' ? some : negate(some);
}

/** With unknown items the count lies in a range: decided only if every count in it gives the same answer. */
function evaluateCount(condition: CountCondition, subject: Subject, env: ConditionEnv): Outcome {
  const subjects = items(condition.count, subject);
  if (!Array.isArray(subjects)) return subjects;
  const outcomes = subjects.map((item) => (condition.match ? evaluateCondition(condition.match, item, env) : TRUE));
  const low = outcomes.filter((outcome) => outcome.kind === 'true').length;
  const high = low + outcomes.filter((outcome) => outcome.kind === 'unknown').length;
  const expected = resolveParams(condition.value, env.params) as number;
  const answers = new Set<boolean>();
  for (let count = low; count <= high; count += 1) {
    answers.add(OPERATORS[condition.op].test(count, expected, { ci: false, now: env.now }) as boolean);
  }
  return answers.size === 1 ? fromBoolean([...answers][0]!) : anyOf(outcomes.filter((outcome) => outcome.kind === 'unknown'));
}
