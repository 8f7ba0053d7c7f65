// `alicloud-audit policy` must grant every action the collectors call, and nothing they do not.
import { beforeAll, describe, expect, it } from 'vitest';
import { ramActionOf, readOnlyPolicyDocument, REQUIRED_RAM_ACTIONS } from '../src/services/index.js';
import { loadAccountModel, type EmulatorCall } from '../src/emulator/index.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { runCli } from './helpers/cli.js';
import { scanThroughEmulator } from './helpers/scan-emulator.js';

let emulator: { calls: EmulatorCall[] };

beforeAll(async () => {
  emulator = await scanThroughEmulator(await loadAccountModel(DEMO_ACCOUNT_FILE));
});

describe('least privilege', () => {
  it('the policy grants every action a full scan of the demo account calls', () => {
    const called = new Set(
      emulator.calls
        // GetCallerIdentity needs no permission
        .filter((call) => !(call.product === 'sts' && call.action === 'GetCallerIdentity'))
        .map((call) => ramActionOf({ service: call.product, action: call.action })),
    );
    expect(called.size).toBeGreaterThan(10);
    expect([...called].filter((action) => !REQUIRED_RAM_ACTIONS.includes(action))).toEqual([]);
  });

  it('the policy grants nothing the scan does not call', () => {
    const called = new Set(emulator.calls.map((call) => ramActionOf({ service: call.product, action: call.action })));
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
