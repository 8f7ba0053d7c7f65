// The generic rule test (like ESLint's RuleTester / trivy's check examples): every rule file loads, has a
// pass and a fail example, no duplicated examples, and every example gives the outcome it is filed under
// with all message placeholders resolved (and the evidence it names, if it names one). Each example's
// inventory must also match the inventory schema. The example base records (rules/_bases/) are checked to be
// valid records of their type, and the way examples are laid over them is pinned on small rule folders.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inventorySchema, recordSchemas } from '../src/inventory/schema.js';
import { RESOURCE_TYPES, type ResourceType } from '../src/inventory/types.js';
import { BUNDLED_RULES_DIR, exampleSetProblems, loadRules, RuleLoadError } from '../src/engine/index.js';
import { EXAMPLE_OUTCOMES, exampleInventory, runExample, runExamples } from '../src/engine/examples.js';

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

const BASES = path.join(BUNDLED_RULES_DIR, '_bases');
const baseFiles = (await readdir(BASES)).filter((name) => name.endsWith('.yaml'));

describe('example base records (rules/_bases)', () => {
  it('has one base per resource type', () => {
    expect(baseFiles.map((name) => name.replace(/\.yaml$/, '')).sort()).toEqual([...RESOURCE_TYPES].sort());
  });

  it.each(baseFiles)('%s is a valid record of its type, and so is each of its parts in place', async (name) => {
    const type = name.replace(/\.yaml$/, '') as ResourceType;
    const { record, parts = {} } = parse(await readFile(path.join(BASES, name), 'utf8')) as {
      record: Record<string, unknown>;
      parts?: Record<string, unknown>;
    };
    expect(() => recordSchemas[type].parse(record)).not.toThrow();
    for (const [at, part] of Object.entries(parts)) {
      // the part where it sits: as the one item of its list, or as the nested record itself
      const copy = structuredClone(record);
      const keys = at.split('.');
      const parent = keys.slice(0, -1).reduce((node: Record<string, unknown>, key) => node[key] as Record<string, unknown>, copy);
      const last = keys.at(-1)!;
      parent[last] = Array.isArray(parent[last]) ? [part] : part;
      expect(() => recordSchemas[type].parse(copy), `${name} parts.${at}`).not.toThrow();
    }
  });
});

async function ruleDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rules-bases-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

const GROUP_BASE = `record:
  id: sg-1
  region: cn-hangzhou
  name: base
  vpcId: vpc-1
  type: normal
  serviceManaged: false
  createdAt: null
  tags: { env: prod }
  rules:
    - { id: sgr-base, direction: ingress, policy: Accept, priority: 1, ipProtocol: TCP, portRange: 80/80, sourceCidrIp: 10.0.0.0/8, ipv6SourceCidrIp: null, sourceGroupId: null, sourcePrefixListId: null, destCidrIp: null, ipv6DestCidrIp: null, destGroupId: null, destPrefixListId: null, nicType: intranet, description: '' }
parts:
  rules: { id: sgr-part, direction: ingress, policy: Accept, priority: 1, ipProtocol: TCP, portRange: 22/22, sourceCidrIp: 10.0.0.0/8, ipv6SourceCidrIp: null, sourceGroupId: null, sourcePrefixListId: null, destCidrIp: null, ipv6DestCidrIp: null, destGroupId: null, destPrefixListId: null, nicType: intranet, description: '' }
`;

const SSH_RULE = `id: x
title: t
service: ecs
resource: ecs.security-group
duty: security-groups
severity: high
rationale: r
remediation: m
check: { not: { fn: internet_exposed, args: { protocol: tcp, port: 22 } } }
messages: { pass: 'closed: {{$fn.internet_exposed}}', fail: 'open: {{$fn.internet_exposed}}' }
`;

async function loadOne(examples: string, base = GROUP_BASE) {
  const dir = await ruleDir({ '_bases/ecs.security-group.yaml': base, 'ecs/x.yaml': `${SSH_RULE}examples:\n${examples}` });
  const [rule] = await loadRules([dir]);
  return rule!;
}

describe('examples laid over their base', () => {
  it('fill every field from the base, replace lists and maps, and complete list items from parts', async () => {
    const rule = await loadOne(`  pass:
    - name: only a name
      resource: { name: web }
  fail:
    - name: two rules
      resource:
        tags: { team: a }
        rules: [ { sourceCidrIp: 0.0.0.0/0 }, { id: sgr-2, portRange: 443/443 } ]
`);
    const [pass] = rule.examples.pass;
    expect(pass!.resource).toMatchObject({ id: 'sg-1', name: 'web', vpcId: 'vpc-1', tags: { env: 'prod' } });
    expect((pass!.resource['rules'] as unknown[]).map((item) => (item as { id: string }).id)).toEqual(['sgr-base']);
    const [fail] = rule.examples.fail;
    expect(fail!.resource['tags']).toEqual({ team: 'a' });
    const items = fail!.resource['rules'] as Array<Record<string, unknown>>;
    expect(items.map((item) => [item['id'], item['portRange'], item['sourceCidrIp']])).toEqual([
      ['sgr-part', '22/22', '0.0.0.0/0'],
      ['sgr-2', '443/443', '10.0.0.0/8'],
    ]);
    expect(items[0]).toHaveProperty('nicType', 'intranet');
    expect(runExamples(rule).flatMap((result) => result.problems)).toEqual([]);
  });

  it('leave the fields named by unknown out, so the finding is an error', async () => {
    const rule = await loadOne(`  pass:
    - name: closed
      resource: {}
  fail:
    - name: open
      resource: { rules: [ { sourceCidrIp: 0.0.0.0/0 } ] }
  error:
    - name: rules not collected
      resource: { unknown: [ rules ] }
`);
    const [error] = rule.examples.error;
    expect(error!.resource).not.toHaveProperty('rules');
    expect(error!.resource).not.toHaveProperty('unknown');
    expect(runExamples(rule).flatMap((result) => result.problems)).toEqual([]);
  });

  it('refuse an unknown field that the record does not have, naming the line', async () => {
    const error = await loadOne(`  pass:
    - name: closed
      resource: { unknown: [ rulez ] }
`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RuleLoadError);
    expect((error as RuleLoadError).message).toMatch(/x\.yaml:\d+: examples\.pass\.0\.resource\.unknown\.0: no field "rulez" to leave unknown/);
  });

  it('refuse a base that is not a valid record of its type', async () => {
    const error = await loadOne('  pass: []\n', GROUP_BASE.replace('  type: normal\n', '')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RuleLoadError);
    expect((error as RuleLoadError).message).toMatch(/ecs\.security-group\.yaml:\d+: record\.type: /);
  });

  it('refuse a base file named after no resource type', async () => {
    const dir = await ruleDir({ '_bases/ecs.groups.yaml': GROUP_BASE, 'ecs/x.yaml': SSH_RULE });
    await expect(loadRules([dir])).rejects.toThrow(/"ecs\.groups" is not a resource type/);
  });

  it('come from the _bases folder beside the service folder, also when only the service folder is loaded', async () => {
    const dir = await ruleDir({
      '_bases/ecs.security-group.yaml': GROUP_BASE,
      'ecs/x.yaml': `${SSH_RULE}examples:\n  pass:\n    - name: a\n      resource: {}\n  fail:\n    - name: b\n      resource: { rules: [ { sourceCidrIp: 0.0.0.0/0 } ] }\n`,
    });
    for (const folder of [dir, path.join(dir, 'ecs')]) {
      const [rule] = await loadRules([folder]);
      expect(rule!.examples.pass[0]!.resource).toHaveProperty('name', 'base');
      expect(runExamples(rule!).flatMap((result) => result.problems)).toEqual([]);
    }
    const bundled = await loadRules([path.join(BUNDLED_RULES_DIR, 'ecs')]);
    expect(bundled.length).toBeGreaterThan(10);
  });

  it('are whole records in a rules folder without bases (custom folders do not borrow the bundled ones)', async () => {
    const dir = await ruleDir({ 'ecs/x.yaml': `${SSH_RULE}examples:\n  pass:\n    - name: a\n      resource: { id: sg-1 }\n` });
    await expect(loadRules([dir])).rejects.toThrow(/examples\.pass\.0\.resource\.region: /);
  });
});

describe('evidence assertions', () => {
  const examples = (evidence: string) => `  pass:
    - name: closed
      resource: {}
  fail:
    - name: open
      resource: { rules: [ { sourceCidrIp: 0.0.0.0/0 } ] }
      evidence: ${evidence}
`;

  it('pass when the evidence contains the text or matches the regex', async () => {
    for (const evidence of ["'tcp 22/22 IPv4 0.0.0.0/0 via rule sgr-part'", "{ matches: '^open: tcp 22/22 .*priority 1\\)$' }"]) {
      expect(runExamples(await loadOne(examples(evidence))).flatMap((result) => result.problems)).toEqual([]);
    }
  });

  it('fail, showing the evidence, when it does not', async () => {
    const rule = await loadOne(examples("'via rule sgr-other'"));
    expect(runExamples(rule).flatMap((result) => result.problems)).toEqual([
      'expected the evidence to contain "via rule sgr-other", got "open: tcp 22/22 IPv4 0.0.0.0/0 via rule sgr-part (priority 1)"',
    ]);
    const regex = await loadOne(examples("{ matches: 'IPv6' }"));
    expect(runExamples(regex).flatMap((result) => result.problems)).toEqual([
      'expected the evidence to match /IPv6/, got "open: tcp 22/22 IPv4 0.0.0.0/0 via rule sgr-part (priority 1)"',
    ]);
  });

  it('are refused on skip examples and as an invalid regex', async () => {
    await expect(loadOne(`  skip:\n    - name: s\n      resource: {}\n      evidence: x\n`)).rejects.toThrow(
      /examples\.skip\.0\.evidence: a skip example gives no finding/,
    );
    await expect(loadOne(examples("{ matches: '(' }"))).rejects.toThrow(/evidence\.matches: expected a valid regular expression/);
  });
});
