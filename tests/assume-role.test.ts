// --role-arn: AssumeRole through the same SDK path and endpoint as every call, refreshed before expiry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssumeRoleProvider } from '../src/cloud/assume-role.js';
import { parseEndpointUrl } from '../src/cloud/clients.js';
import { createCredential } from '../src/cloud/credentials.js';
import { Redactor } from '../src/cloud/redact.js';
import { loadAccountModel, startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { cleanEnv, runCli } from './helpers/cli.js';

const KEY = { accessKeyId: 'LTAIroletest000001', accessKeySecret: 'role-test-secret-000000001' };
let emulator: RunningEmulator;
let accountId: string;

beforeAll(async () => {
  const account = await loadAccountModel(DEMO_ACCOUNT_FILE);
  accountId = account.accountId;
  emulator = await startEmulator({ account, credentials: [KEY] });
});
afterAll(async () => {
  await emulator.close();
});

function provider(now: () => number, redactor = new Redactor()) {
  return new AssumeRoleProvider({
    source: createCredential({ kind: 'static', ...KEY }),
    settings: { roleArn: `acs:ram::${accountId}:role/ops-break-glass`, sessionName: 'audit-test', durationSeconds: 900 },
    endpoint: parseEndpointUrl(emulator.url),
    redactor,
    now,
  });
}

describe('AssumeRoleProvider', () => {
  it('assumes once, reuses the session, and refreshes it before it expires', async () => {
    let clock = Date.now();
    const roles = provider(() => clock);
    const first = await roles.getCredentials();
    const again = await roles.getCredentials();
    expect(again.securityToken).toBe(first.securityToken);
    expect(emulator.calls.filter((call) => call.action === 'AssumeRole')).toHaveLength(1);
    // 900 s sessions refresh in their last 5 minutes
    clock += 11 * 60_000;
    const refreshed = await roles.getCredentials();
    expect(refreshed.securityToken).not.toBe(first.securityToken);
    expect(emulator.calls.filter((call) => call.action === 'AssumeRole')).toHaveLength(2);
  });

  it('makes concurrent callers share one AssumeRole', async () => {
    const before = emulator.calls.filter((call) => call.action === 'AssumeRole').length;
    const roles = provider(Date.now);
    await Promise.all(Array.from({ length: 10 }, () => roles.getCredentials()));
    expect(emulator.calls.filter((call) => call.action === 'AssumeRole').length - before).toBe(1);
  });

  it('keeps the issued secret and token out of messages', async () => {
    const redactor = new Redactor();
    const session = await provider(Date.now, redactor).getCredentials();
    expect(redactor.text(`x ${session.accessKeySecret} y ${session.securityToken}`)).toBe('x [REDACTED] y [REDACTED]');
  });
});

describe('scan --role-arn', () => {
  const env = () =>
    cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret, ALIBABA_CLOUD_ENDPOINT_URL: emulator.url });

  it('scans as the assumed role', async () => {
    const result = await runCli(['scan', '--regions', 'cn-hangzhou', '--format', 'json', '--role-arn', `acs:ram::${accountId}:role/ops-break-glass`], { env: env() });
    // one summary line, nothing else (no warning, no secret)
    expect(result.stderr).toMatch(/^alicloud-audit: account \d+ \(live\): [^\n]*; report: [^\n]*\n$/);
    expect(JSON.parse(result.stdout)).toMatchObject({ scan: { accountId } });
  });

  it('fails with one sentence, exit 2, when the role cannot be assumed', async () => {
    const result = await runCli(['scan', '--format', 'json', '--role-arn', `acs:ram::${accountId}:role/no-such-role`], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/AssumeRole of acs:ram::\d+:role\/no-such-role failed: EntityNotExist.Role/);
  });
});
