// `rules list`: a header, and the scan's scope flags (and a config's `scope:`) select exactly what a scan would run.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesCommand } from '../src/cli/rules-command.js';
import { BUNDLED_RULES_DIR, loadRules } from '../src/engine/index.js';
import { SEVERITIES } from '../src/findings/types.js';
import { runCli } from './helpers/cli.js';

async function list(...args: string[]): Promise<{ output: string; error?: unknown }> {
  let output = '';
  const command = rulesCommand({ out: (text) => void (output += text) }).exitOverride();
  const error = await command.parseAsync(['list', ...args], { from: 'user' }).then(() => undefined, (caught: unknown) => caught);
  return { output, error };
}

const ids = (output: string): string[] => output.trimEnd().split('\n').slice(1).map((line) => line.split(' ')[0] as string);
const bundled = await loadRules([BUNDLED_RULES_DIR]);

describe('rules list', () => {
  it('prints a header and one aligned row per rule', async () => {
    const { output } = await list();
    const [header, ...rows] = output.trimEnd().split('\n');
    expect(header).toMatch(/^ID +SEVERITY +DUTY +SERVICE +CIS +TITLE$/);
    expect(rows).toHaveLength(bundled.length);
    // a rule whose severity rises with what it finds says so: `--severity critical` selects it
    expect(output).toMatch(/^ecs-sg-ssh-internet +high, up to critical +security-groups +ecs +4\.3,3\.2 +Security group does not expose SSH/m);
    expect(output).toMatch(/^ram-root-mfa +critical +ram +ram +1\.3 +The root account has MFA enabled$/m);
    const titleColumn = header!.indexOf('TITLE');
    for (const row of rows) expect(row[titleColumn - 1]).toBe(' ');
  });

  it.each([
    { flags: ['--services', 'ram'], expected: bundled.filter((rule) => rule.service === 'ram').map((rule) => rule.id) },
    {
      flags: ['--rules', 'ecs-sg-*,ram-root-*', '--exclude-rules', '*-rdp-*'],
      expected: bundled.filter((rule) => /^(ecs-sg-|ram-root-)/.test(rule.id) && !rule.id.includes('-rdp-')).map((rule) => rule.id),
    },
    {
      flags: ['--severity', 'critical'],
      expected: ['ecs-sg-all-ports-internet', 'ecs-sg-database-ports-internet', 'ecs-sg-legacy-ports-internet', 'ecs-sg-rdp-internet', 'ecs-sg-ssh-internet', 'ram-root-mfa', 'ram-root-no-access-key'],
    },
    { flags: ['--duties', 'kms,snapshots'], expected: bundled.filter((rule) => ['kms', 'snapshots'].includes(rule.duty)).map((rule) => rule.id) },
    { flags: ['--cis-controls', '1.4,4.3'], expected: ['ecs-sg-ssh-internet', 'ram-console-user-mfa'] },
  ])('$flags lists what a scan with them would run', async ({ flags, expected }) => {
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(bundled.length);
    const { output, error } = await list(...flags);
    expect(error).toBeUndefined();
    expect(ids(output)).toEqual(expected);
  });

  it('--severity high keeps high and critical rules only', async () => {
    const { output } = await list('--severity', 'high', '--format', 'json');
    const rules = JSON.parse(output) as Array<{ id: string; severity: string; highestSeverity: string; cisControls: string[] }>;
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(SEVERITIES.indexOf(rule.highestSeverity as never)).toBeLessThanOrEqual(SEVERITIES.indexOf('high'));
    expect(rules.find((rule) => rule.id === 'ecs-sg-ssh-internet')).toMatchObject({ severity: 'high', highestSeverity: 'critical', cisControls: ['4.3', '3.2'] });
    expect(rules.map((rule) => rule.id)).not.toContain('ecs-disk-encrypted');
  });

  it("reads a config's scope, and the flags override it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-list-'));
    const config = join(dir, 'audit.yaml');
    writeFileSync(config, 'scope:\n  services: [kms]\n');
    expect(ids((await list('--config', config)).output)).toEqual(bundled.filter((rule) => rule.service === 'kms').map((rule) => rule.id));
    expect(ids((await list('--config', config, '--services', 'actiontrail')).output)).toEqual(['actiontrail-multi-region-trail']);
  });

  it('takes --rules-dir on the subcommand as on `rules`, for list, show and test', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-custom-'));
    mkdirSync(join(dir, 'ecs'));
    const text = readFileSync(join(BUNDLED_RULES_DIR, 'ecs', 'ecs-disk-encrypted.yaml'), 'utf8').replace(/^id: ecs-disk-encrypted$/m, 'id: my-disk-encrypted');
    writeFileSync(join(dir, 'ecs', 'my-disk-encrypted.yaml'), text);
    // its examples state only what differs from the bundled base records
    cpSync(join(BUNDLED_RULES_DIR, '_bases'), join(dir, '_bases'), { recursive: true });
    const run = async (...args: string[]) => {
      let output = '';
      const command = rulesCommand({ out: (chunk) => void (output += chunk) }).exitOverride();
      await command.parseAsync(args, { from: 'user' });
      return output;
    };
    for (const args of [['list', '--rules-dir', dir], ['--rules-dir', dir, 'list']]) expect(ids(await run(...args, '--rules', 'my-*'))).toEqual(['my-disk-encrypted']);
    expect(await run('show', 'my-disk-encrypted', '--rules-dir', dir)).toContain('id: my-disk-encrypted');
    expect(await run('test', '--rules-dir', dir)).toMatch(new RegExp(`^ok +my-disk-encrypted .*\n${bundled.length + 1} rules, 0 failure`, 'm'));
  });

  it.each([
    [['--services', 'nope'], /^alicloud-audit: --services: unknown nope/],
    [['--rules', 'zzz-*'], /^alicloud-audit: --rules: no rule matches zzz-\*/],
    [['--severity', 'urgent'], /argument 'urgent' is invalid/],
    [['--format', 'xml'], /argument 'xml' is invalid/],
  ])('%j is a usage error: one sentence, exit 2', async (args, message) => {
    const result = await runCli(['rules', 'list', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
