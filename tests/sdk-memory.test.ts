// What the SDK clients keep after their calls: nothing of an answered request once its answer is read.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudClients, parseEndpointUrl, runtimeOptions } from '../src/cloud/clients.js';
import { createCredential } from '../src/cloud/credentials.js';
import { defineAccount, startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { TEST_KEY } from './helpers/context.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('SDK requests once answered', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ account: defineAccount({ accountId: '1234567890123456', regions: { 'cn-hangzhou': {} } }), credentials: [TEST_KEY] });
  });
  afterAll(() => emulator.close());

  it('are not held by the read timer httpx leaves armed for the whole read timeout', async () => {
    // a read timeout far longer than the test: only clearing the timer frees the requests in time
    const timeouts = { connectMs: 60_000, readMs: 600_000 };
    const clients = new CloudClients({ credential: createCredential({ kind: 'static', ...TEST_KEY }), endpoint: parseEndpointUrl(emulator.url), timeouts });
    const requests: Array<WeakRef<object>> = [];
    const onStart = (message: unknown) => requests.push(new WeakRef((message as { request: object }).request));
    subscribe('http.client.request.start', onStart);
    try {
      for (let i = 0; i < 20; i++) await clients.sts().getCallerIdentityWithOptions(runtimeOptions(timeouts));
    } finally {
      unsubscribe('http.client.request.start', onStart);
    }
    expect(requests).toHaveLength(20);
    // a WeakRef read in this job keeps its target until the job ends
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    expect(requests.filter((request) => request.deref() !== undefined)).toHaveLength(0);
  });
});
