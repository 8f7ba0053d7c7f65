// The one schema of a rule file. Beyond shapes it checks what would otherwise only show at scan time:
// field paths that the resource type does not have, param references, operand types, fn arguments, and
// example records that do not match the inventory shape. Every issue carries a path that the loader maps
// to a line of the YAML file.
import { z } from 'zod';
import { RESOURCE_TYPES, type ResourceType } from '../inventory/types.js';
import { collectionGapSchema, recordSchemas } from '../inventory/schema.js';
import { DUTY_IDS, type DutyId } from '../findings/duties.js';
import { SEVERITIES } from '../findings/types.js';
import { conditionSchema, isParamRef, oneOf, QUANTIFIERS, type Condition } from './condition-schema.js';
import { functionArgsSchema } from './functions.js';
import { OPERATORS, fitsOperand } from './operators.js';
import { derivedFieldsOf } from './relations.js';
import { unwrapSchema } from './schema-walk.js';

const paramValue = z.union([z.number(), z.string(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);
export type ParamValue = z.infer<typeof paramValue>;

const cisControl = z.string().regex(/^\d+(\.\d+)*$/, { error: 'expected a CIS control id such as 4.3' });

const exampleSchema = z.strictObject({
  name: z.string().min(1),
  /** the record under test, of the rule's resource type */
  resource: z.record(z.string(), z.unknown()),
  /** other inventory records the rule reads through derived fields */
  related: z.partialRecord(z.enum(RESOURCE_TYPES), z.array(z.record(z.string(), z.unknown()))).default({}),
  gaps: z.array(collectionGapSchema).default([]),
  /** for fail examples: the severity the finding must have (after escalation) */
  severity: z.enum(SEVERITIES, { error: oneOf(SEVERITIES) }).optional(),
  /** text the finding's evidence (or an error's reason) must contain, or a regex it must match */
  evidence: z
    .union([
      z.string().min(1),
      z.strictObject({
        matches: z.string().refine(isRegex, { error: 'expected a valid regular expression' }),
      }),
    ])
    .optional(),
});

function isRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/**
 * `fix`: the change that makes a failing record pass, as data. Each `cli` entry is one `aliyun` CLI call (the
 * product code, the API action, its request parameters as the OpenAPI metadata names them, a list
 * parameter as `Name.1`, and `region` for the CLI's own `--region` where the API has no RegionId); `terraform` is a snippet for the `alicloud` provider. Every string is a message
 * template over the finding's record. The auditor prints them and never runs them.
 */
const fixSchema = z.strictObject({
  cli: z
    .array(
      z.strictObject({
        product: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected the CLI product code in lower case, e.g. ecs' }),
        action: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, { error: 'expected an API action name, e.g. ModifyInstanceMetadataOptions' }),
        /** the CLI's own `--region` (the endpoint), for APIs that take no RegionId parameter */
        region: z.string().min(1).optional(),
        /** one call per element of the list `of` that `where` holds for; `{{$item.x}}` reads the element */
        each: z.strictObject({ of: z.string().min(1), where: conditionSchema }).optional(),
        params: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(\.\d+)?$/), z.union([z.string(), z.number(), z.boolean()])).default({}),
      }),
    )
    .default([]),
  terraform: z.string().min(1).optional(),
});
export type RuleFix = z.infer<typeof fixSchema>;

/** The shape of a rule file; `ruleIssues` then checks what depends on a well-formed rule. */
export const ruleFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected a kebab-case id' }),
  title: z.string().min(1),
  service: z.string().min(1),
  resource: z.enum(RESOURCE_TYPES, { error: oneOf(RESOURCE_TYPES) }),
  duty: z.enum(DUTY_IDS as [DutyId, ...DutyId[]], { error: oneOf(DUTY_IDS) }),
  severity: z.enum(SEVERITIES, { error: oneOf(SEVERITIES) }),
  /** controls this rule's failures violate; `when` limits a control to the records it describes */
  cis: z
    .array(z.union([cisControl, z.strictObject({ control: cisControl, when: conditionSchema })]))
    .default([])
    .transform((list) =>
      list.map((entry): { control: string; when?: Condition } => (typeof entry === 'string' ? { control: entry } : entry)),
    ),
  rationale: z.string().min(1),
  remediation: z.string().min(1),
  fix: fixSchema.optional(),
  params: z.record(z.string().regex(/^[A-Za-z]\w*$/), paramValue).default({}),
  where: conditionSchema.optional(),
  check: conditionSchema,
  messages: z.strictObject({ pass: z.string().min(1), fail: z.string().min(1) }),
  severityWhen: z.array(z.strictObject({ severity: z.enum(SEVERITIES, { error: oneOf(SEVERITIES) }), when: conditionSchema })).default([]),
  examples: z
    .strictObject({
      pass: z.array(exampleSchema).default([]),
      fail: z.array(exampleSchema).default([]),
      error: z.array(exampleSchema).default([]),
      skip: z.array(exampleSchema).default([]),
    })
    .default({ pass: [], fail: [], error: [], skip: [] }),
});

export interface RuleIssue {
  path: PropertyKey[];
  message: string;
  /** where to point in the file when not at `path` */
  lineAt?: PropertyKey[];
}

export type RuleFile = z.infer<typeof ruleFileSchema>;

export function ruleIssues(rule: RuleFile): RuleIssue[] {
  return [...conditionIssues(rule), ...exampleIssues(rule)];
}
export type Example = RuleFile['examples']['pass'][number];
export type ExampleOutcome = keyof RuleFile['examples'];

export interface Rule extends RuleFile {
  /** the file it was loaded from */
  file: string;
}

/** Every condition of a rule with its location in the file. */
function ruleConditions(rule: RuleFile): Array<[Condition, PropertyKey[]]> {
  return [
    ...(rule.where ? [[rule.where, ['where']] as [Condition, PropertyKey[]]] : []),
    [rule.check, ['check']],
    ...rule.severityWhen.map((entry, i) => [entry.when, ['severityWhen', i, 'when']] as [Condition, PropertyKey[]]),
    ...rule.cis.flatMap((entry, i) => (entry.when ? [[entry.when, ['cis', i, 'when']] as [Condition, PropertyKey[]]] : [])),
  ];
}

function conditionIssues(rule: RuleFile): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const record = withDerived(rule.resource);
  for (const [condition, at] of ruleConditions(rule)) checkCondition(condition, at, record, rule.params, issues);
  rule.fix?.cli.forEach(({ each }, i) => {
    if (!each) return;
    const at = ['fix', 'cli', i, 'each'];
    const list = schemaAt(record, each.of.split('.'));
    if (list) checkCondition(each.where, [...at, 'where'], elementOf(list), rule.params, issues);
    else issues.push({ path: [...at, 'of'], message: `no field "${each.of}" in this resource type` });
  });
  return issues;
}

function withDerived(type: ResourceType): z.ZodType {
  const derived = Object.fromEntries(Object.entries(derivedFieldsOf(type)).map(([name, field]) => [name, field.schema]));
  return recordSchemas[type].extend(derived);
}

function checkCondition(
  condition: Condition,
  at: PropertyKey[],
  record: z.ZodType,
  params: Record<string, ParamValue>,
  issues: RuleIssue[],
): void {
  const param = (value: unknown, path: PropertyKey[]): unknown => {
    if (!isParamRef(value)) return value;
    if (!(value.param in params)) {
      issues.push({ path, message: `unknown param "${value.param}" (declared: ${Object.keys(params).join(', ') || 'none'})` });
    }
    return params[value.param];
  };
  const field = (path: string, key: string): z.ZodType | undefined => {
    const schema = schemaAt(record, path.split('.'));
    if (!schema) issues.push({ path: [...at, key], message: `no field "${path}" in this resource type` });
    return schema;
  };

  if ('all' in condition) condition.all.forEach((child, i) => checkCondition(child, [...at, 'all', i], record, params, issues));
  else if ('any' in condition) condition.any.forEach((child, i) => checkCondition(child, [...at, 'any', i], record, params, issues));
  else if ('not' in condition) checkCondition(condition.not, [...at, 'not'], record, params, issues);
  else if ('fn' in condition) {
    const args = Object.fromEntries(
      Object.entries(condition.args ?? {}).map(([key, value]) => [key, param(value, [...at, 'args', key])]),
    );
    const result = functionArgsSchema(condition.fn).safeParse(args);
    for (const issue of result.error?.issues ?? []) issues.push({ path: [...at, 'args', ...issue.path], message: issue.message });
  } else if ('count' in condition) {
    const list = field(condition.count, 'count');
    const value = param(condition.value, [...at, 'value']);
    if (typeof value !== 'number') issues.push({ path: [...at, 'value'], message: 'count compares with a number' });
    if (list && condition.match) checkCondition(condition.match, [...at, 'match'], elementOf(list), params, issues);
  } else if ('path' in condition) {
    field(condition.path, 'path');
    const operand = OPERATORS[condition.op].operand;
    const value = param(condition.value, [...at, 'value']);
    if (!fitsOperand(operand, value)) {
      const wanted = operand === 'none' ? 'no value' : `a value of kind ${operand}`;
      issues.push({ path: [...at, 'value'], message: `${condition.op} takes ${wanted}` });
    }
  } else {
    const quantifier = QUANTIFIERS.find((key) => key in condition)!;
    const list = field((condition as unknown as Record<string, string>)[quantifier]!, quantifier);
    if (list) checkCondition(condition.match, [...at, 'match'], elementOf(list), params, issues);
  }
}

/** The schema of the field at `segments`, or undefined when the record has no such field. */
function schemaAt(schema: z.ZodType, segments: string[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of segments) {
    current = unwrapSchema(current).schema;
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, z.ZodType>)[segment];
    else if (current instanceof z.ZodArray && /^\d+$/.test(segment)) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else if (current instanceof z.ZodUnknown) return current;
    else return undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

function elementOf(list: z.ZodType): z.ZodType {
  const inner = unwrapSchema(list).schema;
  return inner instanceof z.ZodArray ? (inner.element as z.ZodType) : z.unknown();
}

function exampleIssues(rule: RuleFile): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const [outcome, examples] of Object.entries(rule.examples)) {
    examples.forEach((example, i) => {
      const at = ['examples', outcome, i];
      if (outcome === 'skip' && example.evidence !== undefined) {
        issues.push({ path: [...at, 'evidence'], message: 'a skip example gives no finding, so it has no evidence to check' });
      }
      const own = recordSchemas[rule.resource].safeParse(example.resource);
      for (const issue of own.error?.issues ?? []) issues.push({ path: [...at, 'resource', ...issue.path], message: issue.message });
      for (const [type, records] of Object.entries(example.related) as Array<[ResourceType, unknown[]]>) {
        records.forEach((record, j) => {
          const result = recordSchemas[type].safeParse(record);
          for (const issue of result.error?.issues ?? []) {
            issues.push({ path: [...at, 'related', type, j, ...issue.path], message: issue.message });
          }
        });
      }
    });
  }
  return issues;
}
