// The benchmark's emulator, in a process of its own so that the auditor's peak RSS is measured alone.
// Started by run.ts with its settings as JSON in argv; answers with the port and the minimum calls.
import { injectFaults } from '../emulator/faults.js';
import { defineAccount, startEmulator } from '../emulator/index.js';
import { generateAccount, scaledSize } from './generate.js';
import { minimumCalls, type MinimumCalls } from './minimum.js';

export interface ServeSettings {
  scale: number;
  seed: number;
  latencyMs: number;
  /** requests per second per action (and region, for regional APIs) */
  qpsCap: number;
  credential: { accessKeyId: string; accessKeySecret: string };
}

export interface ServeReady {
  port: number;
  minimum: MinimumCalls[];
  /** throttling answers the QPS caps gave */
  throttled?: number;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as ServeSettings;
const model = defineAccount(generateAccount(scaledSize(settings.scale), settings.seed), `bench account at scale ${settings.scale}`);
const faults = injectFaults({ latencyMs: settings.latencyMs, qpsCap: () => settings.qpsCap });
const emulator = await startEmulator({ account: model, credentials: [settings.credential], ...faults.hooks });
process.send?.({ port: emulator.port, minimum: minimumCalls(model) } satisfies ServeReady);
process.on('message', () => process.send?.({ port: emulator.port, minimum: [], throttled: faults.injected.qps } satisfies ServeReady));
process.on('disconnect', () => {
  void emulator.close().then(() => process.exit(0));
});
