// Bad input a new user gives on purpose, as issue 10 lists it: no secret in any message, one sentence naming the
// flag, file or variable, and exit 2 for every usage error.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, runCli } from './helpers/cli.js';

const SECRET = 'SuperSecretValue-0123456789';
let home: string;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'alicloud-audit-home-'));
  await mkdir(join(home, '.aliyun'));
  // truncated in the middle of the secret, as an interrupted `aliyun configure` leaves it
  await writeFile(
    join(home, '.aliyun', 'config.json'),
    `{\n  "current": "work",\n  "profiles": [\n    {\n      "name": "work",\n      "mode": "AK",\n      "access_key_id": "LTAIcliinput000001",\n      "access_key_secret": "${SECRET}`,
  );
});

const withHome = (extra: Record<string, string> = {}) => cleanEnv({ HOME: home, ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'false', ...extra });

describe('credentials', () => {
  it('a truncated ~/.aliyun/config.json with --profile: the file and line, never its contents', async () => {
    const result = await runCli(['scan', '--profile', 'work', '--endpoint-url', 'http://127.0.0.1:9'], { env: withHome() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('~/.aliyun/config.json is not valid JSON (line 8)');
    expect(result.stderr).not.toContain(SECRET);
    expect(result.stderr).not.toContain('LTAIcliinput000001');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('without --profile, a broken config file is one warning, and the scan goes on with the environment', async () => {
    const result = await runCli(['scan', '--endpoint-url', 'http://127.0.0.1:9'], {
      env: withHome({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIcliinput000002', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret-000000000001' }),
    });
    expect(result.stderr.match(/~\/\.aliyun\/config\.json is not valid JSON \(line 8\): skipped/g)).toHaveLength(1);
    expect(result.stderr).toMatch(/Cannot reach http:\/\/127\.0\.0\.1:9/);
    expect(result.stderr).not.toContain(SECRET);
  });

  it('a key id without a secret names the environment and what is missing', async () => {
    const result = await runCli(['scan', '--endpoint-url', 'http://127.0.0.1:9'], { env: cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIcliinput000003' }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the environment has ALIBABA_CLOUD_ACCESS_KEY_ID but no ALIBABA_CLOUD_ACCESS_KEY_SECRET');
    expect(result.stderr).not.toContain('OIDC');
  });

  it('a profile that is not in the file names the ones it has', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'alicloud-audit-home-'));
    await mkdir(join(dir, '.aliyun'));
    await writeFile(join(dir, '.aliyun', 'config.json'), JSON.stringify({ profiles: [{ name: 'a', mode: 'AK', access_key_id: 'LTAIx0000000', access_key_secret: '' }] }));
    const env = cleanEnv({ HOME: dir, ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'false' });
    const missing = await runCli(['scan', '--profile', 'b', '--endpoint-url', 'http://127.0.0.1:9'], { env });
    expect(missing.stderr).toContain('~/.aliyun/config.json has no profile "b" (it has: a)');
    const half = await runCli(['scan', '--profile', 'a', '--endpoint-url', 'http://127.0.0.1:9'], { env });
    expect(half.stderr).toContain('the profile "a" has an access_key_id but no access_key_secret');
    expect(half.code).toBe(2);
  });
});

describe('--endpoint-url', () => {
  it('a password in the URL is redacted', async () => {
    const result = await runCli(['scan', '--endpoint-url', 'http://user:hunter2-password@127.0.0.1:9']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--endpoint-url: "http://user:[REDACTED]@127.0.0.1:9"');
    expect(result.stderr).not.toContain('hunter2-password');
  });

  it('a value from ALIBABA_CLOUD_ENDPOINT_URL is named as the variable', async () => {
    const result = await runCli(['scan'], { env: cleanEnv({ ALIBABA_CLOUD_ENDPOINT_URL: 'http://user:hunter2-password@127.0.0.1:9/path' }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^alicloud-audit: ALIBABA_CLOUD_ENDPOINT_URL: "http:\/\/user:\[REDACTED\]@127\.0\.0\.1:9\/path"/);
    expect(result.stderr).not.toContain('hunter2-password');
  });
});

describe('exit codes', () => {
  it.each([
    [['rules', 'show']],
    [['rules', 'list', '--bogus']],
    [['rules', 'test', '--bogus']],
    [['rules', 'show', 'no-such-rule']],
    [['rules', 'bogus']],
    [['history', '--bogus']],
    [['diff', '--bogus']],
    [['duties', '--bogus']],
    [['policy', '--bogus']],
    [['scan', '--bogus']],
    [['serve', '--bogus']],
  ])('%j is a usage error: exit 2', async (args) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('help is no error', async () => {
    expect((await runCli(['rules', 'show', '--help'])).code).toBe(0);
  });
});

describe('the history database', () => {
  it('is created 0600 in a 0700 folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'alicloud-audit-store-'));
    const file = join(dir, 'state', 'history.db');
    const result = await runCli(['scan', '--demo', '--store', file, '--format', 'json']);
    expect([0, 3]).toContain(result.code);
    expect((await stat(join(dir, 'state'))).mode & 0o777).toBe(0o700);
    for (const name of await readdir(join(dir, 'state'))) expect([name, (await stat(join(dir, 'state', name))).mode & 0o777]).toEqual([name, 0o600]);
  });
});

describe('serve refuses to start before it creates the database', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a bad --schedule', ['--schedule', 'every hour'], /schedule "every hour"/],
    ['a bad --timezone', ['--schedule', '0 * * * *', '--timezone', 'Mars/Olympus_Mons'], /time zone Mars\/Olympus_Mons/],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const dir = await mkdtemp(join(tmpdir(), 'alicloud-audit-serve-'));
    const result = await runCli(['serve', '--demo', '--store', join(dir, 'db', 'history.db'), ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(dir, 'db'))).toBe(false);
  });

  it('a busy --metrics-address', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'alicloud-audit-serve-'));
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const result = await runCli(['serve', '--demo', '--schedule', '0 * * * *', '--store', join(dir, 'db', 'history.db'), '--metrics-address', `127.0.0.1:${port}`]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`cannot listen on 127.0.0.1:${port}`);
      expect(existsSync(join(dir, 'db'))).toBe(false);
    } finally {
      busy.close();
    }
  });
});

describe('config and mutelist mistakes', () => {
  const write = async (name: string, text: string) => {
    const dir = await mkdtemp(join(tmpdir(), 'alicloud-audit-config-'));
    await writeFile(join(dir, name), text);
    return join(dir, name);
  };

  it('a ruleParams error names the file, the line and the nearest rule or param', async () => {
    const unknownRule = await write('a.yaml', 'logLevel: warn\nruleParams:\n  ram-access-key-rotate:\n    maxAgeDays: 60\n');
    const rule = await runCli(['scan', '--demo', '--config', unknownRule]);
    expect(rule.code).toBe(2);
    expect(rule.stderr).toContain(`${unknownRule}:3: ruleParams.ram-access-key-rotate: no rule ram-access-key-rotate (did you mean ram-access-key-rotated?)`);
    const unknownParam = await write('b.yaml', 'ruleParams:\n  ram-access-key-rotated:\n    maxAgeDay: 60\n');
    const param = await runCli(['scan', '--demo', '--config', unknownParam]);
    expect(param.stderr).toContain(`${unknownParam}:3: ruleParams.ram-access-key-rotated.maxAgeDay: rule ram-access-key-rotated has no param "maxAgeDay" (did you mean maxAgeDays?`);
    const wrongType = await write('c.yaml', 'ruleParams:\n  ram-access-key-rotated:\n    maxAgeDays: sixty\n');
    expect((await runCli(['scan', '--demo', '--config', wrongType])).stderr).toContain(`${wrongType}:3: ruleParams.ram-access-key-rotated.maxAgeDays: must be a number`);
  });

  it('an unknown setting gets a "did you mean", at top level and in a section', async () => {
    const top = await write('d.yaml', 'regoins: [cn-hangzhou]\n');
    expect((await runCli(['scan', '--demo', '--config', top])).stderr).toContain(`${top}:1: regoins: unknown setting regoins (did you mean regions?)`);
    const nested = await write('e.yaml', 'collection:\n  maxAttempt: 3\n');
    expect((await runCli(['scan', '--demo', '--config', nested])).stderr).toContain('unknown setting maxAttempt (did you mean maxAttempts?)');
  });

  it('warns about a mute of a rule that does not exist and a --rules-dir with no rule files', async () => {
    const mutelist = await write('mutes.yaml', 'mutes:\n  - rule: ecs-sg-ssh-internets\n    reason: typo\n  - rule: ecs-sg-*\n    reason: fine\n');
    const empty = await mkdtemp(join(tmpdir(), 'alicloud-audit-rules-'));
    const result = await runCli(['scan', '--demo', '--format', 'json', '--mutelist', mutelist, '--rules-dir', empty]);
    expect([0, 3]).toContain(result.code);
    expect(result.stderr).toContain(`${mutelist}:2: the mute for rule \\"ecs-sg-ssh-internets\\" matches no rule (did you mean ecs-sg-ssh-internet?)`);
    expect(result.stderr).not.toContain('"ecs-sg-*\\" matches no rule');
    expect(result.stderr).toContain(`--rules-dir ${empty}: no rule files`);
  });
});
