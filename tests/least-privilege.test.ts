// `alicloud-audit policy` must grant every action the collectors call, and nothing they do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { parseEndpointUrl } from '../src/cloud/clients.js';
import { ramActionFor } from '../src/cloud/api-error.js';
import { Redactor } from '../src/cloud/redact.js';
import { readOnlyPolicyDocument, REQUIRED_RAM_ACTIONS } from '../src/cloud/required-actions.js';
import { loadAccountModel, startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import type { Service } from '../src/inventory/types.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { collectLive } from '../src/scan/collect.js';
import { runCli } from './helpers/cli.js';

const KEY = { accessKeyId: 'LTAIpolicytest0001', accessKeySecret: 'policy-test-secret-00000001' };
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ account: await loadAccountModel(DEMO_ACCOUNT_FILE), credentials: [KEY] });
  await collectLive({
    credentials: { kind: 'static', ...KEY },
    endpoint: parseEndpointUrl(emulator.url),
    redactor: new Redactor(),
    logger: pino({ level: 'silent' }),
  });
});
afterAll(async () => {
  await emulator.close();
});

describe('least privilege', () => {
  it('the policy grants every action a full scan of the demo account calls', () => {
    const called = new Set(
      emulator.calls
        // GetCallerIdentity needs no permission
        .filter((call) => !(call.product === 'sts' && call.action === 'GetCallerIdentity'))
        .map((call) => ramActionFor({ service: call.product as Service, region: call.region, action: call.action })),
    );
    expect(called.size).toBeGreaterThan(10);
    expect([...called].filter((action) => !REQUIRED_RAM_ACTIONS.includes(action))).toEqual([]);
  });

  it('the policy grants nothing the scan does not call', () => {
    const called = new Set(emulator.calls.map((call) => ramActionFor({ service: call.product as Service, region: call.region, action: call.action })));
    // called only when the IMS credential report cannot answer (stale, or a key it cannot attribute)
    const fallbackOnly = ['ram:GetAccessKeyLastUsed'];
    expect(REQUIRED_RAM_ACTIONS.filter((action) => !called.has(action) && !fallbackOnly.includes(action))).toEqual([]);
  });

  it('only reads: every granted action is a Describe, Get, List or the credential report generation', () => {
    expect(REQUIRED_RAM_ACTIONS.filter((action) => !/:(Describe|Get|List|GenerateCredentialReport$)/.test(action))).toEqual([]);
  });

  it('`alicloud-audit policy` prints the document', async () => {
    const result = await runCli(['policy']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(readOnlyPolicyDocument());
  });
});
