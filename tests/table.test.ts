// The terminal table grouped by rule: a page per account, not a line per finding.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../src/findings/types.js';
import type { Report } from '../src/findings/types.js';
import { formats } from '../src/outputs/formats.js';
import { largeReport } from './helpers/large-report.js';

const sample = JSON.parse(readFileSync('tests/fixtures/report-sample.json', 'utf8')) as Report;

/** The rule blocks of a table: rule id, counts and the resource lines under it. */
function blocks(text: string): Array<{ ruleId: string; head: string; resources: string[]; more?: string }> {
  const result: Array<{ ruleId: string; head: string; resources: string[]; more?: string }> = [];
  for (const line of text.split('\n')) {
    const rule = /^ {2}(\S+) {2}/.exec(line);
    if (rule) result.push({ ruleId: rule[1] as string, head: line, resources: [] });
    else if (/^ {4}(FAIL|ERROR|MUTED|PASS)\b/.test(line)) result.at(-1)?.resources.push(line);
    else if (/^ {4}and /.test(line)) result.at(-1)!.more = line.trim();
  }
  return result;
}

describe('table grouped by rule', () => {
  const text = formats.table.render(sample);

  it('shows each rule once with its id, title, counts and duty, by severity', () => {
    expect(text).toContain('  ecs-sg-ssh-open-internet  Security group allows SSH from the internet  [fail 1 · pass 1]  security-groups');
    const headings = text.split('\n').filter((line) => /^[A-Z]+$/.test(line));
    expect(headings).toEqual(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']);
    const listed = blocks(text).map((block) => block.ruleId);
    expect(new Set(listed).size).toBe(listed.length);
    expect(text).toMatch(/HIGH\n {2}ecs-sg-rdp-open-internet .*\n {4}FAIL {3}sg-uf6dev0000rdp0001 +cn-shanghai\n/);
    // failing rules before the one that only has an error, within a severity
    expect(listed.indexOf('ram-user-mfa')).toBeLessThan(listed.indexOf('actiontrail-multi-region'));
    expect(text).toContain('↳ ecs:DescribeAutoSnapshotPolicyEx was denied in cn-shanghai');
  });

  it('counts passing rules and lists their resources only on request', () => {
    expect(text).toContain('Passing rules (1): ram-password-policy-length (1)');
    expect(text).not.toContain('sg-bp1internal00001');
    const full = formats.table.render(sample, { includePass: true });
    expect(full).toContain('PASS   sg-bp1internal00001');
    expect(full).not.toContain('Passing rules');
  });

  it('lists the first N resources of a rule and says how many more', () => {
    const one = blocks(formats.table.render(sample, { maxResources: 1, includePass: true }));
    const ssh = one.find((block) => block.ruleId === 'ecs-sg-ssh-open-internet');
    expect(ssh?.resources).toHaveLength(1);
    expect(ssh?.resources[0]).toContain('FAIL');
    expect(ssh?.more).toBe('and 1 more');
  });

  it('strips terminal control characters from the rule and resource text', () => {
    const report = structuredClone(sample);
    report.findings[0]!.title = 'evil\u001b]0;pwned\u0007title';
    report.findings[0]!.resource.id = 'sg-\u001b[2Jx';
    const out = formats.table.render(report);
    expect(out).toContain('evil ]0;pwned title');
    expect(out).toContain('sg- [2Jx');
    expect(out).not.toMatch(/[\u0007\u001b]/);
  });
});

describe('table of a large account', () => {
  // 60 rules over 4 types x 1,500 resources: 90,000 findings
  const report = largeReport({ rules: 60, resourcesPerType: { 'ecs.instance': 1500, 'ecs.disk': 1500, 'ecs.security-group': 1500, 'ram.user': 1500 } });
  const text = formats.table.render(report);
  const lines = text.split('\n');

  it('prints a few lines per rule, not one per finding', () => {
    const rules = new Set(report.findings.map((f) => f.ruleId)).size;
    expect(report.findings.length).toBe(90_000);
    expect(lines.length).toBeLessThan(rules * (10 + 2) + 60);
  });

  it('lists 10 resources per rule by default, the rest as "and N more" with the exact count', () => {
    for (const block of blocks(text)) {
      const open = report.findings.filter((f) => f.ruleId === block.ruleId && f.status !== 'pass');
      expect(block.resources).toHaveLength(Math.min(10, open.length));
      if (open.length > 10) expect(block.more).toBe(`and ${(open.length - 10).toLocaleString('en-US')} more`);
      expect(block.head).toContain(`fail ${open.filter((f) => f.status === 'fail').length.toLocaleString('en-US')}`);
    }
    expect(text).toMatch(/and \d,\d{3} more/);
  });

  it('sorts rules by severity, and lists failing resources before errors and muted ones', () => {
    const severities = blocks(text).map((block) => report.findings.find((f) => f.ruleId === block.ruleId)!.severity);
    const ranks = severities.map((s) => SEVERITIES.indexOf(s));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const block of blocks(text)) {
      const order = block.resources.map((line) => ['FAIL', 'ERROR', 'MUTED', 'PASS'].indexOf(line.trim().split(' ')[0] as string));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('follows --max-resources', () => {
    const three = blocks(formats.table.render(report, { maxResources: 3 }));
    expect(three.every((block) => block.resources.length <= 3)).toBe(true);
    expect(three.length).toBe(blocks(text).length);
    const zero = blocks(formats.table.render(report, { maxResources: 0 }));
    expect(zero.every((block) => block.resources.length === 0 && block.more !== undefined)).toBe(true);
  });

  it('keeps one line per finding with --detail', () => {
    const detail = formats.table.render(report, { detail: true }).split('\n');
    const open = report.findings.filter((f) => f.status !== 'pass').length;
    expect(detail.filter((line) => /^ {4}(FAIL|ERROR|MUTED)\b/.test(line))).toHaveLength(open);
  });
});

describe('table of the full bench size', () => {
  it('renders 150,000 findings one per line without overflowing the stack', () => {
    const report = largeReport({ rules: 40, resourcesPerType: { 'ecs.disk': 3750 } });
    const lines = formats.table.render(report, { detail: true, includePass: true }).split('\n');
    expect(lines.filter((line) => /^ {4}(FAIL|ERROR|MUTED|PASS)\b/.test(line))).toHaveLength(150_000);
    expect(formats.table.render(report).split('\n').length).toBeLessThan(40 * 12 + 60);
  });
});
