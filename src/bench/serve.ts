// The benchmark's emulator, in a process of its own so that the auditor (the CLI, in another) is measured
// alone. Started by run.ts with its settings as JSON in argv; answers with the port, the minimum calls and
// the budgets; on 'stats', with what it saw: the calls per budget key, the throttling answers, and when
// the first call came and the last was answered.
// Over budget it answers as Alibaba's flow control does: HTTP 400 `Throttling.User`, "Request was denied
// due to user flow control." (the code and message of ecs_2014-05-26.api-docs.json, e.g. DescribePrice's
// errorCodes under "400"), through the emulator's own fault injector (src/emulator/faults.ts, qpsCap).
import { injectFaults } from '../emulator/faults.js';
import { defineAccount, startEmulator, type InterceptedCall } from '../emulator/index.js';
import { budgetOf, meteredKey, type BudgetRange } from './budgets.js';
import { generateAccount, scaledSize } from './generate.js';
import { minimumCalls, type MinimumCalls } from './minimum.js';

export interface ServeSettings {
  scale: number;
  seed: number;
  latencyMs: number;
  budgets: BudgetRange;
  credential: { accessKeyId: string; accessKeySecret: string };
}

export interface ServeReady {
  kind: 'ready';
  port: number;
  minimum: MinimumCalls[];
}

export interface ServeStats {
  kind: 'stats';
  /** calls per metered key, throttled ones included (every call the emulator answered, metered or not) */
  calls: Record<string, number>;
  throttled: Record<string, number>;
  /** the budget of every key called */
  budgets: Record<string, number>;
  /** per key: the first call's arrival and the last answer, milliseconds after the first call of all */
  spans: Record<string, [number, number]>;
  /** performance.timeOrigin-based milliseconds: the first call's arrival, the last answer's departure */
  firstCallAt: number;
  lastAnswerAt: number;
  /** the emulator's own CPU time, seconds */
  cpuS: number;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as ServeSettings;
const model = defineAccount(generateAccount(scaledSize(settings.scale), settings.seed), `bench account at scale ${settings.scale}`);
const stats: ServeStats = { kind: 'stats', calls: {}, throttled: {}, budgets: {}, spans: {}, firstCallAt: 0, lastAnswerAt: 0, cpuS: 0 };
const keyOf = (call: InterceptedCall) => meteredKey(call.product, call.action, call.region);
const faults = injectFaults({
  latencyMs: settings.latencyMs,
  qpsCap: (call) => (stats.budgets[keyOf(call)] ??= budgetOf(settings.budgets, keyOf(call))),
});
const now = () => performance.timeOrigin + performance.now();

const emulator = await startEmulator({
  account: model,
  credentials: [settings.credential],
  intercept: async (call) => {
    const key = keyOf(call);
    stats.firstCallAt ||= now();
    const span = (stats.spans[key] ??= [now() - stats.firstCallAt, 0]);
    const reply = await faults.hooks.intercept!(call);
    // the injector's only reply here is its flow control's 400 Throttling.User
    if (reply) stats.throttled[key] = (stats.throttled[key] ?? 0) + 1;
    stats.lastAnswerAt = now();
    span[1] = stats.lastAnswerAt - stats.firstCallAt;
    return reply;
  },
});
process.send?.({ kind: 'ready', port: emulator.port, minimum: minimumCalls(model) } satisfies ServeReady);
process.on('message', () => {
  const { user, system } = process.cpuUsage();
  const calls: Record<string, number> = {};
  for (const call of emulator.calls) {
    const key = meteredKey(call.product, call.action, call.region);
    calls[key] = (calls[key] ?? 0) + 1;
  }
  process.send?.({ ...stats, calls, cpuS: (user + system) / 1e6 });
});
process.on('disconnect', () => {
  void emulator.close().then(() => process.exit(0));
});
