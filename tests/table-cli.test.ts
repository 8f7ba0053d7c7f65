// `scan --format table` with --max-resources and --detail, through the built CLI on the demo account.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-table-cli-'));
});

/** The demo scan's table with these flags, and its JSON report. */
async function table(...flags: string[]): Promise<{ text: string; findings: Array<{ ruleId: string; status: string }> }> {
  const out = join(dir, `table-${flags.join('').replace(/\W/g, '')}`);
  const result = await runCli(['scan', '--demo', '--format', 'table', '--output', `${out}.txt`, '--format', 'json', '--output', `${out}.json`, ...flags]);
  expect(result.code === 0 || result.code === 1, result.stderr).toBe(true);
  const report = JSON.parse(await readFile(`${out}.json`, 'utf8')) as { findings: Array<{ ruleId: string; status: string }> };
  return { text: await readFile(`${out}.txt`, 'utf8'), findings: report.findings };
}

describe('scan --format table', () => {
  it('groups by rule, with --max-resources resources each and one line per finding under --detail', async () => {
    const { text: grouped, findings } = await table();
    const { text: one } = await table('--max-resources', '1');
    const { text: detail } = await table('--detail');
    const resourceLines = (text: string) => text.split('\n').filter((line) => /^ {4}(FAIL|ERROR|MUTED|PASS)\b/.test(line));
    const open = findings.filter((f) => f.status !== 'pass');
    const openRules = new Set(open.map((f) => f.ruleId));
    for (const ruleId of openRules) expect(grouped).toMatch(new RegExp(`^ {2}${ruleId} {2}`, 'm'));
    expect(resourceLines(one)).toHaveLength(openRules.size);
    expect(one).toMatch(/^ {4}and \d+ more$/m);
    expect(resourceLines(detail)).toHaveLength(open.length);
    expect(detail).not.toMatch(/^ {4}and \d+ more$/m);
  }, 60_000);

  it.each(['-1', '1.5'])('refuses --max-resources %j with a clear message, exit 2 and no file', async (value) => {
    const out = join(dir, `bad-${Math.random().toString(36).slice(2)}.txt`);
    const result = await runCli(['scan', '--demo', '--format', 'table', '--output', out, '--max-resources', value]);
    expect(result.stderr).toContain(`--max-resources expects a whole number of 0 or more, got "${value}"`);
    expect(result.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
