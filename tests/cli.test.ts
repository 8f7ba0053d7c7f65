// The CLI end to end, as a user runs it: the demo, a scan against an Alibaba-speaking endpoint, snapshots,
// and every kind of bad input (clear message, non-zero exit, no partial output file).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAccountModel, startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import type { Report } from '../src/findings/types.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { cleanEnv, runCli } from './helpers/cli.js';

const KEY = { accessKeyId: 'LTAIclitest0000001', accessKeySecret: 'cli-test-secret-0000000001' };
let emulator: RunningEmulator;
let dir: string;

async function validateReport(report: unknown): Promise<void> {
  const schema = JSON.parse(await readFile(new URL('../schema/report.schema.json', import.meta.url), 'utf8')) as object;
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
}

const credentialEnv = (key = KEY) =>
  cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: key.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: key.accessKeySecret });

beforeAll(async () => {
  emulator = await startEmulator({ account: await loadAccountModel(DEMO_ACCOUNT_FILE), credentials: [KEY] });
  dir = await mkdtemp(join(tmpdir(), 'alicloud-audit-cli-'));
});
afterAll(async () => {
  await emulator.close();
});

describe('scan', () => {
  it('runs the demo with no credentials: the contract report on stdout, one summary line on stderr, no file', async () => {
    const cwd = await mkdtemp(join(dir, 'demo-'));
    const result = await runCli(['scan', '--demo'], { cwd });
    expect([0, 3]).toContain(result.code);
    const report = JSON.parse(result.stdout) as Report;
    await validateReport(report);
    expect(report.scan.source).toBe('demo');
    expect(report.findings.some((finding) => finding.status === 'fail')).toBe(true);
    expect(report.findings.some((finding) => finding.status === 'pass')).toBe(true);
    expect(result.stderr).toMatch(/^alicloud-audit: account \d+ \(demo\): \d+ fail .*; report: stdout\n$/);
    expect(await readdir(cwd)).toEqual([]);
  });

  it('the demo follows --format and --output like any scan; --quiet prints nothing on stderr', async () => {
    const cwd = await mkdtemp(join(dir, 'demo-'));
    const csv = await runCli(['scan', '--demo', '--format', 'csv', '--quiet'], { cwd });
    expect(csv.stdout.split('\n')[0]).toMatch(/^[a-zA-Z"]/);
    expect(csv.stderr).toBe('');
    const file = join(cwd, 'demo.json');
    const saved = await runCli(['scan', '--demo', '--format', 'json', '--output', file], { cwd });
    expect(saved.stdout).toBe('');
    expect(saved.stderr).toContain(`report: ${file}`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((JSON.parse(await readFile(file, 'utf8')) as Report).scan.source).toBe('demo');
  });

  it('scans an Alibaba-speaking endpoint with env credentials into the contract report', async () => {
    const output = join(dir, 'report.json');
    const result = await runCli(['scan', '--endpoint-url', emulator.url, '--format', 'json', '--output', output], { env: credentialEnv() });
    expect(result.stderr).not.toContain(KEY.accessKeySecret);
    expect([0, 3]).toContain(result.code);
    const report = JSON.parse(await readFile(output, 'utf8')) as Report;
    await validateReport(report);
    expect(report.scan.source).toBe('live');
    expect(report.scan.regions.length).toBeGreaterThan(1);
    expect(report.scan.apiCalls).toBeGreaterThan(10);
    for (const finding of report.findings) {
      expect(finding.id).toMatch(/^[0-9a-f]{16,}$/);
      expect(['pass', 'fail', 'error', 'muted']).toContain(finding.status);
    }
    const ids = new Set(report.findings.map((finding) => finding.id));
    expect(ids.size).toBe(report.findings.length);
  });

  it('takes the endpoint from ALIBABA_CLOUD_ENDPOINT_URL and limits the scan to --regions', async () => {
    const result = await runCli(['scan', '--regions', 'cn-hangzhou', '--format', 'json'], {
      env: { ...credentialEnv(), ALIBABA_CLOUD_ENDPOINT_URL: emulator.url },
    });
    const report = JSON.parse(result.stdout) as Report;
    expect(report.scan.regions).toEqual(['cn-hangzhou']);
    expect(report.findings.every((finding) => finding.resource.region === 'global' || finding.resource.region === 'cn-hangzhou')).toBe(true);
  });

  it('saves a snapshot and evaluates it again with no API calls, to the same findings', async () => {
    const snapshot = join(dir, 'inventory.json');
    const live = await runCli(['scan', '--endpoint-url', emulator.url, '--format', 'json', '--snapshot-out', snapshot], { env: credentialEnv() });
    const offline = await runCli(['scan', '--from-snapshot', snapshot, '--format', 'json'], { env: cleanEnv() });
    const a = JSON.parse(live.stdout) as Report;
    const b = JSON.parse(offline.stdout) as Report;
    expect(b.scan.source).toBe('snapshot');
    expect(b.scan.apiCalls).toBe(0);
    const strip = (report: Report) => report.findings.map(({ id, status, evidence }) => ({ id, status, evidence }));
    expect(strip(b)).toEqual(strip(a));
    expect(await readFile(snapshot, 'utf8')).not.toContain(KEY.accessKeySecret);
  });
});

describe('bad input', () => {
  const cases: Array<{ name: string; args: (out: string) => string[]; env?: () => NodeJS.ProcessEnv; message: RegExp; code?: number }> = [
    { name: 'an unknown flag', args: (out) => ['scan', '--demo', '--no-such-flag', '--output', out], message: /unknown option '--no-such-flag'/ },
    { name: 'an unknown format', args: (out) => ['scan', '--demo', '--format', 'pdf', '--output', out], message: /--format: unknown format "pdf"/ },
    {
      name: 'an unknown region',
      args: (out) => ['scan', '--endpoint-url', emulator.url, '--regions', 'xx-nowhere-1', '--output', out],
      env: () => credentialEnv(),
      message: /--regions: unknown region xx-nowhere-1/,
    },
    {
      name: 'a malformed --from-snapshot file',
      args: (out) => ['scan', '--from-snapshot', join(dir, 'broken.json'), '--output', out],
      message: /broken\.json:3: not valid JSON/,
    },
    {
      name: 'an unreachable endpoint',
      args: (out) => ['scan', '--endpoint-url', 'http://127.0.0.1:9', '--output', out],
      env: () => credentialEnv(),
      message: /Cannot reach http:\/\/127\.0\.0\.1:9/,
    },
    {
      name: 'an endpoint that is not a URL',
      args: (out) => ['scan', '--endpoint-url', 'not a url', '--output', out],
      env: () => credentialEnv(),
      message: /--endpoint-url: "not a url" is not a URL/,
    },
    {
      name: 'missing credentials',
      args: (out) => ['scan', '--endpoint-url', emulator.url, '--output', out],
      message: /No usable Alibaba Cloud credentials: tried the default credential chain/,
    },
    {
      name: 'rejected credentials',
      args: (out) => ['scan', '--endpoint-url', emulator.url, '--output', out],
      env: () => credentialEnv({ ...KEY, accessKeySecret: 'wrong-secret-value-000000' }),
      message: /were rejected by .*SignatureDoesNotMatch/,
    },
  ];

  beforeAll(async () => {
    await writeFile(join(dir, 'broken.json'), '{\n  "kind": "alicloud-audit/inventory",\n  "inventory": {,\n}\n');
  });

  it.each(cases)('$name: clear message, exit 2, no output file', async ({ args, env, message }) => {
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}.json`);
    const result = await runCli(args(out), { env: env?.() ?? cleanEnv() });
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect((await readdir(dir)).filter((name) => name.includes('.tmp'))).toEqual([]);
    expect(result.stderr).not.toContain('wrong-secret-value');
  });
});

describe('output targets are checked before the first API call', () => {
  const blocker = () => join(dir, 'a-file');
  const cases: Array<{ name: string; args: () => string[]; message: RegExp }> = [
    { name: '--output-dir that is a file', args: () => ['--output-dir', blocker()], message: /^alicloud-audit: --output-dir .*a-file: it is a file, not a folder\.$/m },
    { name: '--output-dir that cannot be created', args: () => ['--output-dir', join(blocker(), 'reports')], message: /--output-dir .*: .*a-file is a file, not a folder\./ },
    { name: '--output under a file', args: () => ['--format', 'json', '--output', join(blocker(), 'x.json')], message: /--output .*a-file\/x\.json: .*a-file is a file, not a folder\./ },
    { name: '--output that is a folder', args: () => ['--format', 'json', '--output', dir], message: /--output .*: is a folder; give a file name\./ },
    { name: '--snapshot-out into a file', args: () => ['--snapshot-out', join(blocker(), 's.json')], message: /--snapshot-out .*: .*a-file is a file, not a folder\./ },
    {
      name: '--spool-dir into a file',
      args: () => ['--spool-dir', blocker(), '--sink', 'webhook=http://127.0.0.1:9/hook'],
      message: /--spool-dir .*a-file: it is a file, not a folder\./,
    },
    { name: '--sink webhook=notaurl', args: () => ['--sink', 'webhook=notaurl'], message: /--sink/ },
    { name: 'a config sink that is not a URL', args: () => ['--config', join(dir, 'bad-sink.yaml')], message: /bad-sink\.yaml.*must be an http or https URL/ },
  ];

  beforeAll(async () => {
    await writeFile(blocker(), 'not a folder');
    await writeFile(join(dir, 'bad-sink.yaml'), 'sinks:\n  - type: webhook\n    url: notaurl\n');
  });

  // the endpoint is unreachable: a check made after the first API call would fail with "Cannot reach" instead
  it.each(cases)('$name: one sentence naming the flag, exit 2, nothing written', async ({ args, message }) => {
    const before = await readdir(dir);
    const result = await runCli(['scan', '--endpoint-url', 'http://127.0.0.1:9', ...args()], { env: credentialEnv() });
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/Cannot reach|internal error|\n\s+at /);
    expect(result.code).toBe(2);
    expect(await readdir(dir)).toEqual(before);
  });

  it.skipIf(process.getuid?.() === 0)('an unwritable parent folder', async () => {
    const locked = join(dir, 'locked');
    await mkdir(locked, { mode: 0o500 });
    const result = await runCli(['scan', '--endpoint-url', 'http://127.0.0.1:9', '--format', 'json', '--output', join(locked, 'r.json')], { env: credentialEnv() });
    expect(result.stderr).toMatch(/--output .*r\.json: the folder .*locked is not writable\./);
    expect(result.code).toBe(2);
  });
});
