// Turns an inventory and rules into findings. Per rule: one `error` finding per scope whose whole collection
// is missing, then for every record: `where` (false: no finding), `check` (pass / fail), and for a failure
// the severity escalations. An unknown `where` or `check` is an `error` finding naming the field and gap.
import { REGIONAL_TYPES, type CollectionGap, type Inventory, type ResourceType } from '../inventory/types.js';
import { CIS_FRAMEWORK, CIS_VERSION, GLOBAL_REGION, SEVERITIES, type ComplianceRef, type Finding, type FindingStatus, type Severity } from '../findings/types.js';
import { findingId } from '../findings/finding-id.js';
import { evaluateCondition, type ConditionEnv } from './condition.js';
import { RuleParamError } from './errors.js';
import { TRUE, type UnknownReason } from './outcome.js';
import type { Subject } from './path.js';
import { RelationIndex } from './relations.js';
import type { ParamValue, Rule } from './rule-schema.js';
import { renderTemplate } from './template.js';

export interface EvaluateOptions {
  now: Date;
  /** param overrides by rule id, e.g. `{ 'ram-password-policy-length': { minLength: 16 } }` */
  params?: Record<string, Record<string, unknown>>;
}

export interface RuleResult {
  finding: Finding;
  /** message placeholders that did not resolve (the example harness fails on them) */
  unresolved: string[];
}

/**
 * The findings one at a time, rule by rule, as they are made: a large account's findings outnumber its
 * resources many times over, so callers that can write them as they come never hold them all.
 */
export function* evaluateFindings(inventory: Inventory, rules: Rule[], options: EvaluateOptions): Generator<Finding> {
  const index = new RelationIndex(inventory);
  const lastRuleOf = new Map(rules.map((rule, position) => [rule.resource, position]));
  for (const [position, rule] of rules.entries()) {
    for (const result of evaluateRule(rule, index, options)) yield result.finding;
    // the views of a type are kept while rules on it remain, then let go (they are a copy of its records)
    if (lastRuleOf.get(rule.resource) === position) index.forgetViews(rule.resource);
  }
}

/** Every finding in one array, for callers that need them all at once. */
export function evaluate(inventory: Inventory, rules: Rule[], options: EvaluateOptions): Finding[] {
  return [...evaluateFindings(inventory, rules, options)];
}

export function* evaluateRule(rule: Rule, index: RelationIndex, options: EvaluateOptions): Generator<RuleResult> {
  const inventory = index.inventory;
  const params = mergeParams(rule, options.params?.[rule.id]);
  const compliance = complianceOf(rule);
  for (const [scope, gaps] of index.gaps.scopes(rule.resource)) {
    const what = `the ${rule.resource} collection${scope === null ? '' : ` in ${scope}`} is incomplete`;
    yield errorResult(rule, inventory, compliance, { id: scope ?? inventory.accountId, region: scope }, explainGaps(what, gaps));
  }
  // one env for the rule's records: the evidence of each record's function calls is cleared before it
  const env: ConditionEnv = { now: options.now, params, evidence: new Map() };
  const unescalated = { severity: rule.severity, note: '' };
  const messageLayer = { $params: () => params, $fn: () => Object.fromEntries(env.evidence) };
  for (const record of recordsOf(inventory, rule.resource)) {
    const region = REGIONAL_TYPES.has(rule.resource) ? (record.region ?? null) : null;
    const target = { id: record.id, region, record };
    const view = index.view(rule.resource, record);
    const subject = { value: view, gaps: index.gaps.record(rule.resource, record.id, region), prefix: '' };
    env.evidence.clear();
    const where = rule.where ? evaluateCondition(rule.where, subject, env) : TRUE;
    if (where.kind === 'false') continue;
    if (where.kind === 'unknown') {
      yield errorResult(rule, inventory, compliance, target, `cannot tell whether the rule applies: ${explain(where.reasons)}`);
      continue;
    }
    const check = evaluateCondition(rule.check, subject, env);
    if (check.kind === 'unknown') {
      yield errorResult(rule, inventory, compliance, target, explain(check.reasons));
      continue;
    }
    const status: FindingStatus = check.kind === 'true' ? 'pass' : 'fail';
    const severity = status === 'fail' ? escalate(rule, subject, env) : unescalated;
    const refs = compliance.conditional ? compliance.refs.filter((_ref, i) => applies(rule.cis[i]!, subject, env)) : compliance.refs;
    const message = renderTemplate(rule.messages[status], view, messageLayer);
    yield {
      finding: finding(rule, inventory, target, {
        status,
        severity: severity.severity,
        compliance: refs,
        evidence: message.text + severity.note,
      }),
      unresolved: message.unresolved,
    };
  }
}

interface RuleCompliance {
  /** one reference per `cis` entry, built once per rule and shared (frozen) by its findings */
  refs: ComplianceRef[];
  /** some entry has a `when`: a finding lists only the entries that apply to its record */
  conditional: boolean;
}

function complianceOf(rule: Rule): RuleCompliance {
  const refs = rule.cis.map((entry) => Object.freeze({ framework: CIS_FRAMEWORK, version: CIS_VERSION, control: entry.control }));
  return { refs: Object.freeze(refs) as ComplianceRef[], conditional: rule.cis.some((entry) => entry.when) };
}

function applies(entry: Rule['cis'][number], subject: Subject, env: ConditionEnv): boolean {
  return !entry.when || evaluateCondition(entry.when, subject, env).kind !== 'false';
}

/** Account-level rules always have a subject: the account itself, even when its facts were not collected. */
function recordsOf(inventory: Inventory, type: ResourceType): Array<{ id: string; region?: string }> {
  const records = inventory.resources[type] as Array<{ id: string; region?: string }>;
  return type === 'account' && records.length === 0 ? [{ id: inventory.accountId }] : records;
}

/** The highest severity whose condition holds; an undecidable escalation keeps the base and says so. */
function escalate(rule: Rule, subject: Subject, env: ConditionEnv): { severity: Severity; note: string } {
  let severity = rule.severity;
  const undecided: string[] = [];
  for (const entry of rule.severityWhen) {
    const outcome = evaluateCondition(entry.when, subject, env);
    if (outcome.kind === 'true' && rank(entry.severity) < rank(severity)) severity = entry.severity;
    if (outcome.kind === 'unknown' && rank(entry.severity) < rank(severity)) undecided.push(`${entry.severity} (${explain(outcome.reasons)})`);
  }
  const note = undecided.length > 0 && severity === rule.severity ? ` Severity could be ${undecided.join('; ')}.` : '';
  return { severity, note };
}

function rank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

interface Target {
  id: string;
  /** null for account-wide resources (so their ids stay as they were); GLOBAL_REGION in the finding */
  region: string | null;
  record?: object;
}

type FindingOutcome = Pick<Finding, 'status' | 'severity' | 'compliance' | 'evidence' | 'reason'>;

/** A finding built field by field in the report's key order (no spreads: there are one per record and rule). */
function finding(rule: Rule, inventory: Inventory, target: Target, outcome: FindingOutcome): Finding {
  const record = (target.record ?? {}) as Record<string, unknown>;
  const name = nonEmptyText(record['name']) ?? nonEmptyText(record['displayName']);
  const tags = record['tags'] as Record<string, string> | undefined;
  const resource: Finding['resource'] = { id: target.id, type: rule.resource, region: target.region ?? GLOBAL_REGION };
  if (typeof record['arn'] === 'string') resource.arn = record['arn'];
  if (typeof name === 'string') resource.name = name;
  if (tags && hasKeys(tags)) resource.tags = tags;
  const result: Finding = {
    id: findingId(inventory.accountId, rule.id, rule.resource, target.region, target.id),
    ruleId: rule.id,
    title: rule.title,
    duty: rule.duty,
    service: rule.service,
    resource,
    remediation: rule.remediation,
    status: outcome.status,
    severity: outcome.severity,
    compliance: outcome.compliance,
    evidence: outcome.evidence,
  };
  if (outcome.reason !== undefined) result.reason = outcome.reason;
  return result;
}

function hasKeys(object: object): boolean {
  for (const key in object) if (Object.hasOwn(object, key)) return true;
  return false;
}

function nonEmptyText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function errorResult(rule: Rule, inventory: Inventory, compliance: RuleCompliance, target: Target, reason: string): RuleResult {
  return {
    finding: finding(rule, inventory, target, {
      status: 'error',
      severity: rule.severity,
      compliance: compliance.refs,
      evidence: `Not assessed: ${reason}`,
      reason,
    }),
    unresolved: [],
  };
}

function explain(reasons: UnknownReason[]): string {
  const parts = reasons.map((reason) =>
    reason.kind === 'mismatch'
      ? `${reason.path}: ${reason.detail}`
      : explainGaps(`${reason.path} is unknown (${reason.detail})`, reason.gaps),
  );
  return [...new Set(parts)].join('; ');
}

function explainGaps(what: string, gaps: CollectionGap[]): string {
  if (gaps.length === 0) return `${what}; no collection error was recorded for it`;
  return `${what}: ${causesOf(gaps)}`;
}

/** The gap lists of a scope are shared (see GapIndex): each is described once, not once per record. */
const described = new WeakMap<CollectionGap[], string>();

function causesOf(gaps: CollectionGap[]): string {
  let causes = described.get(gaps);
  if (causes === undefined) {
    const each = gaps.map((gap) => `${gap.action}${gap.region ? ` in ${gap.region}` : ''} failed: ${gap.code}: ${gap.message} (needs ${gap.ramAction})`);
    described.set(gaps, (causes = [...new Set(each)].join('; ')));
  }
  return causes;
}

function mergeParams(rule: Rule, overrides: Record<string, unknown> | undefined): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = { ...rule.params };
  for (const [name, value] of Object.entries(overrides ?? {})) {
    const current = rule.params[name];
    if (current === undefined) {
      throw new RuleParamError(rule.id, `unknown param "${name}" (declared: ${Object.keys(rule.params).join(', ') || 'none'})`);
    }
    if (Array.isArray(current) !== Array.isArray(value) || typeof current !== typeof value) {
      throw new RuleParamError(rule.id, `param "${name}" must be a ${Array.isArray(current) ? 'list' : typeof current}`);
    }
    params[name] = value as ParamValue;
  }
  return params;
}
