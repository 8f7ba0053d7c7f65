import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyResources, INVENTORY_SCHEMA_VERSION, type Inventory } from '../src/inventory/types.js';
import { DUTIES } from '../src/findings/duties.js';
import { evaluateCondition } from '../src/engine/condition.js';
import type { Condition } from '../src/engine/condition-schema.js';
import {
  BUNDLED_RULES_DIR,
  buildReport,
  evaluate,
  findingId,
  loadRules,
  RuleLoadError,
  RuleParamError,
} from '../src/engine/index.js';
import { rulesCommand } from '../src/cli/rules-command.js';

const now = new Date('2026-01-01T00:00:00Z');

function check(condition: Condition, value: unknown, params: Record<string, unknown> = {}) {
  return evaluateCondition(condition, { value, gaps: [], prefix: '' }, { now, params, evidence: new Map() }).kind;
}

describe('operators', () => {
  it.each([
    { name: 'eq text', condition: { path: 'a', op: 'eq', value: 'x' }, record: { a: 'x' }, result: 'true' },
    { name: 'eq is case-sensitive by default', condition: { path: 'a', op: 'eq', value: 'X' }, record: { a: 'x' }, result: 'false' },
    { name: 'eq with ci', condition: { path: 'a', op: 'eq', value: 'ACCEPT', ci: true }, record: { a: 'Accept' }, result: 'true' },
    { name: 'eq null is a known absence', condition: { path: 'a', op: 'eq', value: 'x' }, record: { a: null }, result: 'false' },
    { name: 'eq across types is a mismatch', condition: { path: 'a', op: 'eq', value: '14' }, record: { a: 14 }, result: 'unknown' },
    { name: 'eq on a list is a mismatch', condition: { path: 'a', op: 'eq', value: 'x' }, record: { a: ['x'] }, result: 'unknown' },
    { name: 'ne', condition: { path: 'a', op: 'ne', value: 'x' }, record: { a: 'y' }, result: 'true' },
    { name: 'in', condition: { path: 'a', op: 'in', value: ['x', 'y'] }, record: { a: 'y' }, result: 'true' },
    { name: 'not_in', condition: { path: 'a', op: 'not_in', value: ['x', 'y'] }, record: { a: 'y' }, result: 'false' },
    { name: 'contains in a list', condition: { path: 'a', op: 'contains', value: 'sg-1' }, record: { a: ['sg-1'] }, result: 'true' },
    { name: 'contains in text', condition: { path: 'a', op: 'contains', value: 'ux' }, record: { a: 'linux' }, result: 'true' },
    { name: 'matches', condition: { path: 'a', op: 'matches', value: '^ubuntu' , ci: true }, record: { a: 'Ubuntu 22.04' }, result: 'true' },
    { name: 'lt', condition: { path: 'a', op: 'lt', value: 14 }, record: { a: 8 }, result: 'true' },
    { name: 'lte', condition: { path: 'a', op: 'lte', value: 14 }, record: { a: 14 }, result: 'true' },
    { name: 'gt', condition: { path: 'a', op: 'gt', value: 14 }, record: { a: 14 }, result: 'false' },
    { name: 'gte from a param', condition: { path: 'a', op: 'gte', value: { param: 'min' } }, record: { a: 14 }, result: 'true' },
    { name: 'gte on null is a mismatch', condition: { path: 'a', op: 'gte', value: 1 }, record: { a: null }, result: 'unknown' },
    { name: 'exists', condition: { path: 'a', op: 'exists' }, record: { a: 'k' }, result: 'true' },
    { name: 'exists on null', condition: { path: 'a', op: 'exists' }, record: { a: null }, result: 'false' },
    { name: 'absent', condition: { path: 'a', op: 'absent' }, record: { a: null }, result: 'true' },
    { name: 'empty list', condition: { path: 'a', op: 'empty' }, record: { a: [] }, result: 'true' },
    { name: 'not_empty text', condition: { path: 'a', op: 'not_empty' }, record: { a: '' }, result: 'false' },
    { name: 'older_than_days', condition: { path: 'a', op: 'older_than_days', value: 90 }, record: { a: '2025-01-01T00:00:00Z' }, result: 'true' },
    { name: 'newer_than_days', condition: { path: 'a', op: 'newer_than_days', value: 90 }, record: { a: '2025-12-01T00:00:00Z' }, result: 'true' },
    { name: 'a bad date is a mismatch', condition: { path: 'a', op: 'older_than_days', value: 90 }, record: { a: 'soon' }, result: 'unknown' },
    { name: 'an undefined field is unknown', condition: { path: 'a', op: 'exists' }, record: {}, result: 'unknown' },
    { name: 'a path through null is null', condition: { path: 'a.b', op: 'absent' }, record: { a: null }, result: 'true' },
    { name: 'a path into a scalar is a mismatch', condition: { path: 'a.b', op: 'absent' }, record: { a: 3 }, result: 'unknown' },
  ] as Array<{ name: string; condition: Condition; record: object; result: string }>)('$name', ({ condition, record, result }) => {
    expect(check(condition, record, { min: 14 })).toBe(result);
  });
});

describe('combinators and quantifiers (Kleene logic: unknown decides only when the rest leaves it open)', () => {
  const known = { path: 'k', op: 'eq', value: true } as const;
  const missing = { path: 'missing', op: 'eq', value: true } as const;
  const keys = [{ status: 'Active' }, { status: 'Inactive' }, { status: 'Active' }];
  const active = { path: 'status', op: 'eq', value: 'Active' } as const;
  it.each([
    { name: 'all: a false decides', condition: { all: [{ ...known, value: false }, missing] }, result: 'false' },
    { name: 'all: true and unknown stays unknown', condition: { all: [known, missing] }, result: 'unknown' },
    { name: 'any: a true decides', condition: { any: [known, missing] }, result: 'true' },
    { name: 'any: false and unknown stays unknown', condition: { any: [{ ...known, value: false }, missing] }, result: 'unknown' },
    { name: 'not of unknown', condition: { not: missing }, result: 'unknown' },
    { name: 'some', condition: { some: 'keys', match: active }, result: 'true' },
    { name: 'every', condition: { every: 'keys', match: active }, result: 'false' },
    { name: 'none', condition: { none: 'keys', match: active }, result: 'false' },
    { name: 'every over an empty list', condition: { every: 'empty', match: active }, result: 'true' },
    { name: 'some over an unknown list', condition: { some: 'missing', match: active }, result: 'unknown' },
    { name: 'count with match', condition: { count: 'keys', match: active, op: 'gt', value: 1 }, result: 'true' },
    { name: 'count without match', condition: { count: 'keys', op: 'eq', value: 3 }, result: 'true' },
    {
      name: 'count decided despite an unknown item',
      condition: { count: 'partial', match: active, op: 'gte', value: 1 },
      result: 'true',
    },
    {
      name: 'count undecided with an unknown item',
      condition: { count: 'partial', match: active, op: 'gt', value: 1 },
      result: 'unknown',
    },
  ] as Array<{ name: string; condition: Condition; result: string }>)('$name', ({ condition, result }) => {
    expect(check(condition, { k: true, keys, empty: [], partial: [{ status: 'Active' }, {}] })).toBe(result);
  });
});

async function ruleDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rules-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

const VALID = `id: x
title: t
service: ecs
resource: ecs.disk
duty: disk-encryption
severity: low
rationale: r
remediation: m
check: { path: encrypted, op: eq, value: true }
messages: { pass: p, fail: f }
`;

describe('loadRules errors name the file and line', () => {
  it.each([
    { name: 'an unknown operator', text: VALID.replace('op: eq', 'op: equals'), line: 9, code: 'RULE_SCHEMA', message: /check\.op: expected one of eq\|ne\|in/ },
    { name: 'an unknown field path', text: VALID.replace('path: encrypted', 'path: encryptd'), line: 9, code: 'RULE_SCHEMA', message: /no field "encryptd"/ },
    { name: 'an unknown resource type', text: VALID.replace('ecs.disk', 'ecs.disks'), line: 4, code: 'RULE_SCHEMA', message: /resource: expected one of/ },
    { name: 'an unknown key', text: `${VALID}colour: red\n`, line: 11, code: 'RULE_SCHEMA', message: /Unrecognized key/ },
    { name: 'an unknown param', text: VALID.replace('value: true', 'value: { param: nope }'), line: 9, code: 'RULE_SCHEMA', message: /unknown param "nope"/ },
    { name: 'a value where the operator takes none', text: VALID.replace('op: eq, value: true', 'op: exists, value: true'), line: 9, code: 'RULE_SCHEMA', message: /exists takes no value/ },
    { name: 'an invalid fn argument', text: VALID.replace('{ path: encrypted, op: eq, value: true }', '{ fn: internet_exposed, args: { protocol: sctp } }'), line: 9, code: 'RULE_SCHEMA', message: /check\.args\.protocol/ },
    {
      name: 'an example record of the wrong shape',
      text: `${VALID}examples:\n  pass:\n    - name: a\n      resource:\n        id: d-1\n        encrypted: yes-please\n`,
      line: 15,
      code: 'RULE_SCHEMA',
      message: /examples\.pass\.0\.resource\.region: .*expected string/,
    },
    { name: 'an id that is not the file name', text: VALID.replace('id: x', 'id: y'), line: 1, code: 'RULE_NAMING', message: /must equal the file name/ },
    { name: 'a service that is not the folder', text: VALID.replace('service: ecs', 'service: vpc'), line: 3, code: 'RULE_NAMING', message: /folder/ },
    { name: 'broken YAML', text: `${VALID}check: [\n`, line: 11, code: 'RULE_YAML_SYNTAX', message: /./ },
  ])('$name', async ({ text, line, code, message }) => {
    const dir = await ruleDir({ 'ecs/x.yaml': text });
    const error = await loadRules([dir]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RuleLoadError);
    expect(error).toMatchObject({ code, line, file: expect.stringMatching(/ecs[/\\]x\.yaml$/) });
    expect((error as RuleLoadError).message).toMatch(message);
    expect((error as RuleLoadError).message).toContain(`x.yaml:${line}: `);
  });

  it('refuses a duplicate id across folders', async () => {
    const a = await ruleDir({ 'ecs/x.yaml': VALID });
    const b = await ruleDir({ 'ecs/x.yaml': VALID });
    await expect(loadRules([a, b])).rejects.toMatchObject({ code: 'RULE_DUPLICATE_ID' });
  });

  it('refuses a missing folder', async () => {
    await expect(loadRules(['/nonexistent/rules'])).rejects.toMatchObject({ code: 'RULE_DIR_MISSING' });
  });
});

function inventory(overrides: Partial<Inventory> = {}): Inventory {
  return {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    accountId: '1234567890123456',
    collectedAt: now.toISOString(),
    regions: ['cn-hangzhou'],
    resources: emptyResources(),
    gaps: [],
    ...overrides,
  };
}

describe('evaluate', async () => {
  const rules = await loadRules([BUNDLED_RULES_DIR]);
  const byId = (id: string) => rules.filter((rule) => rule.id === id);

  it('yields one error finding per scope whose whole collection is missing', () => {
    const gap = {
      service: 'ecs' as const,
      region: 'cn-beijing',
      action: 'DescribeDisks',
      ramAction: 'ecs:DescribeDisks',
      resourceTypes: ['ecs.disk' as const],
      kind: 'denied' as const,
      code: 'Forbidden.RAM',
      message: 'denied',
    };
    const findings = evaluate(inventory({ gaps: [gap, { ...gap, action: 'DescribeDisks' }] }), byId('ecs-disk-encrypted'), { now });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      status: 'error',
      resource: { id: 'cn-beijing', type: 'ecs.disk', region: 'cn-beijing' },
      reason: expect.stringContaining('needs ecs:DescribeDisks'),
    });
  });

  it('assesses the account even when no account record was collected', () => {
    const findings = evaluate(inventory(), byId('ram-password-policy-length'), { now });
    expect(findings).toMatchObject([{ status: 'error', resource: { id: '1234567890123456', type: 'account', region: 'global' } }]);
  });

  it('fails an account with no trail at all', () => {
    const findings = evaluate(inventory(), byId('actiontrail-multi-region-trail'), { now });
    expect(findings.map((finding) => finding.status)).toEqual(['fail']);
  });

  it('applies param overrides and refuses unknown or mistyped ones', () => {
    const account = { id: '1234567890123456', passwordPolicy: { minimumLength: 14, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true, reusePrevention: 5, maxAgeDays: 90, maxLoginAttempts: 5, hardExpiry: false } };
    const inv = inventory({ resources: { ...emptyResources(), account: [account] } });
    const rule = byId('ram-password-policy-length');
    expect(evaluate(inv, rule, { now })[0]!.status).toBe('pass');
    expect(evaluate(inv, rule, { now, params: { 'ram-password-policy-length': { minLength: 16 } } })[0]!.status).toBe('fail');
    expect(() => evaluate(inv, rule, { now, params: { 'ram-password-policy-length': { minLen: 16 } } })).toThrow(RuleParamError);
    expect(() => evaluate(inv, rule, { now, params: { 'ram-password-policy-length': { minLength: '16' } } })).toThrow(RuleParamError);
  });

  it('gives stable finding ids', () => {
    const id = findingId('1', 'r', 'ecs.disk', 'cn-hangzhou', 'd-1');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(findingId('1', 'r', 'ecs.disk', 'cn-hangzhou', 'd-1')).toBe(id);
    expect(findingId('1', 'r', 'ecs.disk', 'cn-beijing', 'd-1')).not.toBe(id);
  });
});

describe('buildReport', async () => {
  const rules = await loadRules([BUNDLED_RULES_DIR]);
  const scan = { id: 's', startedAt: now.toISOString(), finishedAt: now.toISOString(), accountId: '1234567890123456', regions: ['cn-hangzhou'], source: 'snapshot' as const, toolVersion: '0.1.0', apiCalls: 0 };

  it('covers every duty and counts statuses', () => {
    const inv = inventory();
    const findings = evaluate(inv, rules, { now });
    const report = buildReport({ scan, inventory: inv, rules, findings });
    expect(report.coverage.duties.map((duty) => duty.duty)).toEqual(DUTIES.map((duty) => duty.id));
    expect(report.summary.total).toBe(findings.length);
    expect(report.summary.byStatus.fail).toBe(findings.filter((finding) => finding.status === 'fail').length);
    const waf = report.coverage.duties.find((duty) => duty.duty === 'waf')!;
    expect(waf).toMatchObject({ state: 'assessed', rules: ['waf-alb-listener-protected', 'waf-clb-listener-protected', 'waf-domain-blocking-mode', 'waf-domain-log-service', 'waf-site-instance', 'waf-web-instance-protected'] });
    const trail = report.coverage.duties.find((duty) => duty.duty === 'actiontrail')!;
    // an empty inventory: no trail, so the trail rule and every account-level Log Service rule fail
    expect(trail).toMatchObject({ state: 'assessed', counts: { fail: trail.rules.filter((id) => id !== 'sls-logstore-retention').length } });
    expect(trail.rules).toContain('actiontrail-multi-region-trail');
    // the password policy is unknown in an empty inventory: every ram finding is an error
    expect(report.coverage.duties.find((duty) => duty.duty === 'ram')!.state).toBe('not-assessed');
    expect(report.scan.incomplete).toBe(true);
  });

  it('marks a duty partial when only some of its findings are errors', () => {
    const user = { id: 'alice', userId: '1', displayName: 'Alice', createdAt: null, lastLoginAt: null, mfaDevice: null };
    const resources = { ...emptyResources(), 'ram.user': [
      user,
      { ...user, id: 'bob', loginProfile: { mfaBindRequired: false, passwordResetRequired: false, createdAt: null }, mfaDevice: { serialNumber: 'm', type: null } },
    ] };
    const inv = inventory({ resources });
    const ram = rules.filter((rule) => rule.id === 'ram-console-user-mfa');
    const report = buildReport({ scan, inventory: inv, rules: ram, findings: evaluate(inv, ram, { now }) });
    expect(report.coverage.duties.find((duty) => duty.duty === 'ram')).toMatchObject({ state: 'partial', counts: { error: 1, pass: 1 } });
  });

  it('is complete when nothing is missing', () => {
    const rule = rules.filter((candidate) => candidate.id === 'actiontrail-multi-region-trail');
    const inv = inventory();
    const report = buildReport({ scan, inventory: inv, rules: rule, findings: evaluate(inv, rule, { now }) });
    expect(report.scan.incomplete).toBe(false);
    expect(report.summary.failBySeverity.high).toBe(1);
  });
});

describe('rules command', () => {
  async function run(...args: string[]): Promise<{ output: string; error?: unknown }> {
    let output = '';
    const command = rulesCommand({ out: (text) => void (output += text) }).exitOverride();
    const error = await command.parseAsync(args, { from: 'user' }).then(() => undefined, (caught: unknown) => caught);
    return { output, error };
  }

  it('lists the bundled rules', async () => {
    const { output } = await run('list');
    expect(output).toMatch(/^ecs-sg-ssh-internet +high, up to critical +security-groups +ecs +4\.3,3\.2 +Security group /m);
  });

  it('shows a rule', async () => {
    expect((await run('show', 'ecs-linux-key-pair')).output).toContain('duty: ssh-key-pairs');
    expect((await run('show', 'nope')).error).toMatchObject({ code: 'RULE_NOT_FOUND' });
  });

  it('tests the bundled examples', async () => {
    const { output, error } = await run('test');
    expect(error).toBeUndefined();
    expect(output).toMatch(/, 0 failure\(s\)\n$/);
  });

  it('fails on a custom rule whose example is wrong', async () => {
    const bad = `${VALID}examples:\n  pass:\n    - name: plain\n      resource: { id: d-1, region: r, name: '', category: c, type: data, sizeGiB: 1, status: s, encrypted: false, kmsKeyId: null, instanceId: null, autoSnapshotPolicyId: null, createdAt: null, tags: {} }\n`;
    const dir = await ruleDir({ 'ecs/x.yaml': bad });
    const { output, error } = await run('test', dir);
    expect(error).toMatchObject({ code: 'RULE_EXAMPLES_FAILED' });
    expect(output).toContain('has no fail example');
    expect(output).toContain('expected pass, got fail');
  });
});
