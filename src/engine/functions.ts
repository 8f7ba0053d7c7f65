// Named evaluators that conditions call with `fn:`, for the checks that are code rather than data. A literal
// registry: `grep` shows every function a rule can call, and its `args` schema is checked at load.
import { z } from 'zod';
import type { SecurityGroupRule } from '../inventory/types.js';
import { FALSE, fromBoolean, unknown, type Outcome } from './outcome.js';
import { resolvePath, typeName, type Subject } from './path.js';
import {
  describeExposure,
  internetExposure,
  PROTOCOLS,
  SecurityGroupRuleError,
} from './evaluators/security-group-exposure.js';
import { allowsFullAccess, PolicyDocumentError } from './evaluators/policy-document.js';

export interface FunctionResult {
  outcome: Outcome;
  /** what the function saw, for the finding's evidence (`{{$fn.<name>}}` in messages) */
  evidence: string;
}

interface RuleFunction<Schema extends z.ZodType> {
  summary: string;
  args: Schema;
  call(subject: Subject, args: z.infer<Schema>): FunctionResult;
}

function defineFunction<Schema extends z.ZodType>(fn: RuleFunction<Schema>): RuleFunction<Schema> {
  return fn;
}

/** Reads `path` and hands it to `use`; unknown values, wrong types and evaluator errors become `unknown`. */
function withValue(
  subject: Subject,
  path: string,
  expected: 'list' | 'any',
  use: (value: unknown) => FunctionResult,
): FunctionResult {
  const resolved = resolvePath(subject, path);
  if (!resolved.known) return { outcome: unknown(resolved.reason), evidence: `${path} is unknown` };
  if (expected === 'list' && !Array.isArray(resolved.value)) {
    return mismatch(subject, path, `expected a list, found a ${typeName(resolved.value)}`);
  }
  try {
    return use(resolved.value);
  } catch (error) {
    if (error instanceof SecurityGroupRuleError || error instanceof PolicyDocumentError) {
      return mismatch(subject, path, error.message);
    }
    throw error;
  }
}

function mismatch(subject: Subject, path: string, detail: string): FunctionResult {
  return {
    outcome: unknown({ kind: 'mismatch', path: `${subject.prefix}${path}`, detail, gaps: [] }),
    evidence: `${path}: ${detail}`,
  };
}

export const FUNCTIONS = {
  internet_exposed: defineFunction({
    summary:
      'true when the internet (any CIDR with prefix 0, IPv4 or IPv6) can reach the asked protocol/port through the group `rules`, honouring Priority and Drop precedence',
    args: z.strictObject({
      direction: z.enum(['ingress', 'egress']).default('ingress'),
      protocol: z.enum([...PROTOCOLS, 'all']),
      port: z.number().int().min(1).max(65535).optional(),
      /** egress of a basic group accepts what no rule covers */
      defaultAccept: z.boolean().default(false),
    }),
    call(subject, args) {
      return withValue(subject, 'rules', 'list', (rules) => {
        const ports = args.port === undefined ? undefined : { from: args.port, to: args.port };
        const exposures = internetExposure(rules as SecurityGroupRule[], { ...args, ports });
        const asked = `${args.direction} ${args.protocol}${args.port === undefined ? '' : ` ${args.port}`}`;
        return exposures.length > 0
          ? { outcome: fromBoolean(true), evidence: exposures.map(describeExposure).join('; ') }
          : { outcome: FALSE, evidence: `no effective rule opens ${asked} to the internet` };
      });
    },
  }),
  policy_full_access: defineFunction({
    summary: 'true when the policy `document` allows every action on every resource',
    args: z.strictObject({}),
    call(subject) {
      return withValue(subject, 'document', 'any', (document) => {
        const verdict = allowsFullAccess(document);
        return { outcome: fromBoolean(verdict.fullAccess), evidence: verdict.detail };
      });
    },
  }),
} as const;

export type FunctionName = keyof typeof FUNCTIONS;
export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as [FunctionName, ...FunctionName[]];

/** Validates arguments (param references already replaced) and calls the function. */
export function callFunction(name: FunctionName, subject: Subject, args: unknown): FunctionResult {
  const fn = FUNCTIONS[name] as RuleFunction<z.ZodType>;
  return fn.call(subject, fn.args.parse(args ?? {}));
}

export function functionArgsSchema(name: FunctionName): z.ZodType {
  return FUNCTIONS[name].args;
}
