// A known AccessKey secret and STS token never reach a log line, an error, a report, a snapshot or a spool file.
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAccountModel, startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { cleanEnv, runCli } from './helpers/cli.js';

const SECRET = 'PlantedSecretValue-7f3a9c1e5b';
const TOKEN = 'PlantedStsToken-CAIS8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f';
const KEY = { accessKeyId: 'STS.NplantedKeyId0001', accessKeySecret: SECRET, securityToken: TOKEN };
let emulator: RunningEmulator;
let dir: string;

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  const account = await loadAccountModel(DEMO_ACCOUNT_FILE);
  emulator = await startEmulator({ account, credentials: [KEY] });
  dir = await mkdtemp(join(tmpdir(), 'alicloud-audit-secrets-'));
});
afterAll(async () => {
  await emulator.close();
});

describe('secrets', () => {
  const env = (extra: Record<string, string> = {}) =>
    cleanEnv({
      ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
      ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN,
      ALIBABA_CLOUD_ENDPOINT_URL: emulator.url,
      ...extra,
    });

  it('stay out of logs, every output format, the snapshot and the sink spool, which are all 0600', async () => {
    const outputs = join(dir, 'outputs');
    const spool = join(dir, 'spool');
    const formats = ['json', 'ndjson', 'ocsf', 'csv', 'table', 'html'].flatMap((format) => ['--format', format]);
    const result = await runCli(
      ['scan', '--log-level', 'trace', ...formats, '--output-dir', outputs, '--snapshot-out', join(dir, 'inventory.json'),
        '--sink', 'webhook=http://127.0.0.1:9/hook', '--spool-dir', spool],
      { env: env() },
    );
    expect(result.stderr.length).toBeGreaterThan(1000);
    const files = [...(await filesUnder(outputs)), ...(await filesUnder(spool)), join(dir, 'inventory.json')];
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const text of [result.stdout, result.stderr, ...(await Promise.all(files.map((file) => readFile(file, 'utf8'))))]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    }
    for (const file of files) expect((await stat(file)).mode & 0o077).toBe(0);
  });

  it('stay out of the error when the credentials are rejected', async () => {
    const result = await runCli(['scan', '--log-level', 'trace', '--format', 'json'], {
      env: env({ ALIBABA_CLOUD_SECURITY_TOKEN: `${TOKEN}-tampered` }),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/rejected/);
    expect(result.stderr).not.toContain(SECRET);
    expect(result.stderr).not.toContain(TOKEN);
  });
});
