// What the SDKs cost: a module loads only the SDK code it calls, and an answered request is not kept.
import { execFile } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudClients, parseEndpointUrl, runtimeOptions } from '../src/cloud/clients.js';
import { createCredential } from '../src/cloud/credentials.js';
import { defineAccount, startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { cleanEnv } from './helpers/cli.js';
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

/** Runs an ES module script in a fresh node (against the built dist/) and returns what it prints, as JSON. */
async function inFreshNode(script: string): Promise<Record<string, number>> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('..', import.meta.url), env: cleanEnv() });
  return JSON.parse(stdout) as Record<string, number>;
}

/** In the child: the files of each @alicloud package in the require cache, and how many of them are models. */
const LOADED = `
import { createRequire } from 'node:module';
const cache = Object.keys(createRequire(import.meta.url).cache);
const count = (test) => cache.filter(test).length;
const loaded = { alicloud: count((f) => f.includes('/@alicloud/')) };
for (const pkg of ['ecs20140526', 'vpc20160428', 'ram20150501', 'ims20190815']) loaded[pkg] = count((f) => f.includes('/' + pkg + '/dist/models/'));
console.log(JSON.stringify(loaded));`;

describe('SDK loading', () => {
  it('loads no SDK for the configuration (its default timeouts live apart from the clients)', async () => {
    const loaded = await inFreshNode(`await import('./dist/config/schema.js'); await import('./dist/cloud/clients.js'); ${LOADED}`);
    expect(loaded.alicloud).toBe(0);
  });

  it('loads the models a live scan uses, not every model of every product', async () => {
    const loaded = await inFreshNode(`
      import { pino } from 'pino';
      const { defineAccount, startEmulator } = await import('./dist/emulator/index.js');
      const { collectLive } = await import('./dist/scan/collect.js');
      const { parseEndpointUrl } = await import('./dist/cloud/clients.js');
      const { Redactor } = await import('./dist/cloud/redact.js');
      const key = ${JSON.stringify(TEST_KEY)};
      const account = defineAccount({ accountId: '1234567890123456', regions: { 'cn-hangzhou': { securityGroups: [{ SecurityGroupId: 'sg-a1', VpcId: 'vpc-a1' }] } }, ram: { users: [{ UserName: 'alice' }] } });
      const emulator = await startEmulator({ account, credentials: [key] });
      const { inventory } = await collectLive({ credentials: { kind: 'static', ...key }, endpoint: parseEndpointUrl(emulator.url), redactor: new Redactor(), logger: pino({ level: 'silent' }) });
      await emulator.close();
      if (inventory.resources['ecs.security-group'].length !== 1 || inventory.resources['ram.user'].length !== 1) throw new Error('the scan missed resources');
      ${LOADED}`);
    // as published, each index requires all of its files: 1,150 for ECS, 1,212 VPC, 200 RAM, 282 IMS (a scan: 28 of ECS, 16 VPC, 12 RAM, 16 IMS)
    expect(loaded['ecs20140526']).toBeGreaterThan(0);
    for (const [pkg, all] of Object.entries({ ecs20140526: 1150, vpc20160428: 1212, ram20150501: 200, ims20190815: 282 })) {
      expect(loaded[pkg], pkg).toBeLessThan(all / 4);
    }
  });
});
