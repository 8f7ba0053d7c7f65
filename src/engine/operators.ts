// The one operator table of the condition language. `operand` says what `value` a rule must give (checked
// at load); `test` compares a known actual value. A wrong actual type returns a `Mismatch`, which the
// engine reports as `error`, never as a quiet `false`.
import { compiles } from '../names.js';
import { typeName } from './path.js';

export class Mismatch {
  readonly detail: string;

  constructor(detail: string) {
    this.detail = detail;
  }
}

export interface OperatorEnv {
  /** compare strings case-insensitively (the `ci: true` flag of a comparison) */
  ci: boolean;
  now: Date;
}

/** none: no value; scalar: string | number | boolean | null; list: scalars; number; pattern: a regex. */
export type OperandKind = 'none' | 'scalar' | 'list' | 'number' | 'pattern';

interface OperatorSpec {
  operand: OperandKind;
  test(actual: unknown, expected: unknown, env: OperatorEnv): boolean | Mismatch;
}

type Scalar = string | number | boolean | null;

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function fold(value: Scalar, env: OperatorEnv): Scalar {
  return env.ci && typeof value === 'string' ? value.toLowerCase() : value;
}

/** eq between scalars of the same type; null equals only null. */
function scalarEquals(actual: unknown, expected: unknown, env: OperatorEnv): boolean | Mismatch {
  if (!isScalar(actual)) return new Mismatch(`expected a single value, found a ${typeName(actual)}`);
  if (actual !== null && expected !== null && typeof actual !== typeof expected) {
    return new Mismatch(`cannot compare a ${typeName(actual)} (${String(actual)}) with a ${typeName(expected)}`);
  }
  return fold(actual, env) === fold(expected as Scalar, env);
}

function memberOf(actual: unknown, expected: unknown, env: OperatorEnv): boolean | Mismatch {
  let outcome: boolean | Mismatch = false;
  for (const item of expected as Scalar[]) {
    outcome = scalarEquals(actual, item, env);
    if (outcome !== false) return outcome;
  }
  return outcome;
}

function numeric(compare: (actual: number, expected: number) => boolean): OperatorSpec['test'] {
  return (actual, expected) =>
    typeof actual === 'number' ? compare(actual, expected as number) : new Mismatch(`expected a number, found ${describe(actual)}`);
}

const DAY_MS = 86_400_000;

function ageInDays(actual: unknown, now: Date): number | Mismatch {
  const time = typeof actual === 'string' ? Date.parse(actual) : Number.NaN;
  if (Number.isNaN(time)) return new Mismatch(`expected a date, found ${describe(actual)}`);
  return (now.getTime() - time) / DAY_MS;
}

function sizeOf(actual: unknown): number | Mismatch {
  if (actual === null) return 0;
  if (typeof actual === 'string' || Array.isArray(actual)) return actual.length;
  if (typeof actual === 'object') return Object.keys(actual).length;
  return new Mismatch(`expected a list, text or object, found ${describe(actual)}`);
}

function describe(value: unknown): string {
  return isScalar(value) && value !== null ? `${typeName(value)} ${JSON.stringify(value)}` : typeName(value);
}

function invert(result: boolean | Mismatch): boolean | Mismatch {
  return result instanceof Mismatch ? result : !result;
}

export const OPERATORS = {
  eq: { operand: 'scalar', test: scalarEquals },
  ne: { operand: 'scalar', test: (actual, expected, env) => invert(scalarEquals(actual, expected, env)) },
  in: { operand: 'list', test: memberOf },
  not_in: { operand: 'list', test: (actual, expected, env) => invert(memberOf(actual, expected, env)) },
  contains: {
    operand: 'scalar',
    test(actual, expected, env) {
      if (typeof actual === 'string' && typeof expected === 'string') {
        return (fold(actual, env) as string).includes(fold(expected, env) as string);
      }
      if (!Array.isArray(actual)) return new Mismatch(`expected a list or text, found ${describe(actual)}`);
      return actual.some((item) => isScalar(item) && fold(item, env) === fold(expected as Scalar, env));
    },
  },
  matches: {
    operand: 'pattern',
    test(actual, expected, env) {
      if (actual === null) return false;
      if (typeof actual !== 'string') return new Mismatch(`expected text, found ${describe(actual)}`);
      return new RegExp(expected as string, env.ci ? 'i' : '').test(actual);
    },
  },
  lt: { operand: 'number', test: numeric((actual, expected) => actual < expected) },
  lte: { operand: 'number', test: numeric((actual, expected) => actual <= expected) },
  gt: { operand: 'number', test: numeric((actual, expected) => actual > expected) },
  gte: { operand: 'number', test: numeric((actual, expected) => actual >= expected) },
  exists: { operand: 'none', test: (actual) => actual !== null },
  absent: { operand: 'none', test: (actual) => actual === null },
  empty: {
    operand: 'none',
    test(actual) {
      const size = sizeOf(actual);
      return size instanceof Mismatch ? size : size === 0;
    },
  },
  not_empty: {
    operand: 'none',
    test(actual) {
      const size = sizeOf(actual);
      return size instanceof Mismatch ? size : size > 0;
    },
  },
  older_than_days: {
    operand: 'number',
    test(actual, expected, env) {
      const age = ageInDays(actual, env.now);
      return age instanceof Mismatch ? age : age > (expected as number);
    },
  },
  newer_than_days: {
    operand: 'number',
    test(actual, expected, env) {
      const age = ageInDays(actual, env.now);
      return age instanceof Mismatch ? age : age < (expected as number);
    },
  },
} as const satisfies Record<string, OperatorSpec>;

export type OperatorName = keyof typeof OPERATORS;
export const OPERATOR_NAMES = Object.keys(OPERATORS) as [OperatorName, ...OperatorName[]];

/** The operators `count` may use: numeric comparisons of the number of matching items. */
export const COUNT_OPERATORS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const satisfies readonly OperatorName[];
export type CountOperator = (typeof COUNT_OPERATORS)[number];

/** Whether `value` fits an operand kind (for load-time checks of literals and param defaults). */
export function fitsOperand(kind: OperandKind, value: unknown): boolean {
  switch (kind) {
    case 'none':
      return value === undefined;
    case 'scalar':
      return isScalar(value);
    case 'list':
      return Array.isArray(value) && value.every(isScalar);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'pattern':
      return typeof value === 'string' && compiles(value);
  }
}
