// The condition language: its types and the zod schema that checks a rule file's conditions at load.
// Forms (one spelling each):
//   { path, op, value?, ci? }                     compare a field (ops: see operators.ts)
//   { all: [..] } | { any: [..] } | { not: c }    combine
//   { some | every | none: path, match: c }       quantify over a list; `match` reads each item
//   { count: path, match?: c, op, value }         compare the number of (matching) items
//   { fn: name, args? }                           call a named evaluator (functions.ts)
// A `value` (or an fn argument) may be `{ param: name }`, replaced by the rule's param at evaluation.
import { z } from 'zod';
import { COUNT_OPERATORS, OPERATOR_NAMES, type CountOperator, type OperatorName } from './operators.js';
import { FUNCTION_NAMES, type FunctionName } from './functions.js';

export interface ParamRef {
  param: string;
}

export interface Comparison {
  path: string;
  op: OperatorName;
  value?: unknown;
  /** compare text case-insensitively, for fields the API spells inconsistently */
  ci?: boolean;
}
export interface AllCondition {
  all: Condition[];
}
export interface AnyCondition {
  any: Condition[];
}
export interface NotCondition {
  not: Condition;
}
export type Quantifier = 'some' | 'every' | 'none';
export interface SomeCondition {
  some: string;
  match: Condition;
}
export interface EveryCondition {
  every: string;
  match: Condition;
}
export interface NoneCondition {
  none: string;
  match: Condition;
}
export type QuantifiedCondition = SomeCondition | EveryCondition | NoneCondition;
export interface CountCondition {
  count: string;
  match?: Condition;
  op: CountOperator;
  value: number | ParamRef;
}
export interface FnCondition {
  fn: FunctionName;
  args?: Record<string, unknown>;
}

export type Condition =
  | Comparison
  | AllCondition
  | AnyCondition
  | NotCondition
  | QuantifiedCondition
  | CountCondition
  | FnCondition;

export const QUANTIFIERS = ['some', 'every', 'none'] as const satisfies readonly Quantifier[];

export function isParamRef(value: unknown): value is ParamRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof (value as { param?: unknown }).param === 'string'
  );
}

/** The error of an enum: the accepted names. */
export const oneOf = (names: readonly string[]) => () => `expected one of ${names.join('|')}`;

/** `field`, `a.b.c`, `$derived.x`, `list.0.field` */
const pathSchema = z
  .string()
  .regex(/^\$?[A-Za-z_][\w-]*(\.[\w-]+)*$/, { error: 'expected a dotted field path such as metadata.httpTokens' });

const condition: z.ZodType<Condition> = z.lazy(() => conditionSchema);
const quantified = (quantifier: Quantifier) => z.strictObject({ [quantifier]: pathSchema, match: condition });

const FORMS = {
  path: z.strictObject({
    path: pathSchema,
    op: z.enum(OPERATOR_NAMES, { error: oneOf(OPERATOR_NAMES) }),
    value: z.unknown().optional(),
    ci: z.boolean().optional(),
  }),
  all: z.strictObject({ all: z.array(condition).min(1) }),
  any: z.strictObject({ any: z.array(condition).min(1) }),
  not: z.strictObject({ not: condition }),
  some: quantified('some'),
  every: quantified('every'),
  none: quantified('none'),
  count: z.strictObject({
    count: pathSchema,
    match: condition.optional(),
    op: z.enum(COUNT_OPERATORS, { error: oneOf(COUNT_OPERATORS) }),
    value: z.union([z.number(), z.strictObject({ param: z.string() })]),
  }),
  fn: z.strictObject({
    fn: z.enum(FUNCTION_NAMES, { error: oneOf(FUNCTION_NAMES) }),
    args: z.record(z.string(), z.unknown()).optional(),
  }),
} as const;

const FORM_KEYS = Object.keys(FORMS) as Array<keyof typeof FORMS>;

/** Picks the form by its key so that errors point inside it (a plain union would only say "invalid input"). */
export const conditionSchema: z.ZodType<Condition> = z
  .unknown()
  .superRefine((value, ctx) => {
    const form =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? FORM_KEYS.find((key) => key in value)
        : undefined;
    if (form === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected a condition with one of the keys ${FORM_KEYS.join('|')}` });
      return;
    }
    const result = FORMS[form].safeParse(value);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...issue, code: 'custom' });
  })
  .transform((value) => value as Condition);
