// `npm run bench`: collect a large synthetic account from the emulator (per-call latency, per-action QPS
// caps) with the default rate limits, and measure the calls against the minimum, the wall time against the
// floor the caps impose, the peak RSS and the rule engine's time; then a sequential run for reference.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import type { CallStats } from '../cloud/api-caller.js';
import { parseEndpointUrl } from '../cloud/clients.js';
import { DEFAULT_RATE_LIMITS, type RateLimitPolicy } from '../cloud/rate-limit.js';
import { Redactor } from '../cloud/redact.js';
import { BUNDLED_RULES_DIR, evaluate, loadRules } from '../engine/index.js';
import type { Inventory } from '../inventory/types.js';
import { collectLive } from '../scan/collect.js';
import type { MinimumCalls } from './minimum.js';
import type { ServeReady, ServeSettings } from './serve.js';

const CREDENTIAL = { accessKeyId: 'LTAIbenchkey000001', accessKeySecret: 'bench-secret-not-real-0001' };
const TARGETS = { callsRatio: 1.05, wallToFloor: 1.3, rssMb: 512, evaluationMs: 1000 };

const { values: flags } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    latency: { type: 'string', default: '30' },
    qps: { type: 'string', default: '100' },
    seed: { type: 'string', default: '42' },
    'sequential-scale': { type: 'string' },
    'no-sequential': { type: 'boolean', default: false },
  },
});

interface Run {
  inventory: Inventory;
  stats: CallStats;
  wallMs: number;
  minimum: MinimumCalls[];
  throttled: number;
}

function nextMessage(child: ChildProcess): Promise<ServeReady> {
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message as ServeReady));
    child.once('exit', (code) => reject(new Error(`the bench emulator exited with code ${code}`)));
  });
}

async function collect(scale: number, limits: RateLimitPolicy): Promise<Run> {
  const settings: ServeSettings = { scale, seed: Number(flags.seed), latencyMs: Number(flags.latency), qpsCap: Number(flags.qps), credential: CREDENTIAL };
  const child = fork(fileURLToPath(new URL('./serve.js', import.meta.url)), [JSON.stringify(settings)]);
  try {
    const { port, minimum } = await nextMessage(child);
    const started = performance.now();
    const { inventory, stats } = await collectLive({
      credentials: { kind: 'static', ...CREDENTIAL },
      endpoint: parseEndpointUrl(`http://127.0.0.1:${port}`),
      limits,
      redactor: new Redactor(),
      logger: pino({ level: 'silent' }),
    });
    const wallMs = performance.now() - started;
    child.send('stats');
    const { throttled = 0 } = await nextMessage(child);
    return { inventory, stats, wallMs, minimum, throttled };
  } finally {
    child.disconnect();
  }
}

interface ActionRow {
  action: string;
  calls: number;
  minimum: number;
  /** seconds the QPS cap needs for the busiest region's (or the global) minimum */
  floorS: number;
}

function actionRows(run: Run, qps: number): ActionRow[] {
  const rows = new Map<string, ActionRow>();
  for (const [action, counter] of Object.entries(run.stats.byAction)) {
    rows.set(action, { action, calls: counter.calls, minimum: counter.calls - counter.retries, floorS: 0 });
  }
  const byAction = new Map<string, MinimumCalls[]>();
  for (const entry of run.minimum) {
    const key = `${entry.service}:${entry.action}`;
    byAction.set(key, [...(byAction.get(key) ?? []), entry]);
  }
  for (const [action, entries] of byAction) {
    const row = rows.get(action) ?? { action, calls: 0, minimum: 0, floorS: 0 };
    row.minimum = entries.reduce((sum, entry) => sum + entry.calls, 0);
    row.floorS = Math.max(...entries.map((entry) => entry.calls)) / qps;
    rows.set(action, row);
  }
  for (const row of rows.values()) if (row.floorS === 0) row.floorS = row.minimum / qps;
  return [...rows.values()].sort((a, b) => b.calls - a.calls);
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const fixed = (value: number, digits = 2) => value.toFixed(digits);

async function main(): Promise<void> {
  const scale = Number(flags.scale);
  const qps = Number(flags.qps);
  console.log(`alicloud-audit bench: scale ${scale}, ${flags.latency} ms per call, QPS cap ${qps}/s per action (per region for regional APIs)`);
  console.log(`caller limits: ${JSON.stringify(DEFAULT_RATE_LIMITS)}`);

  const run = await collect(scale, DEFAULT_RATE_LIMITS);
  const rows = actionRows(run, qps);
  const calls = rows.reduce((sum, row) => sum + row.calls, 0);
  const minimum = rows.reduce((sum, row) => sum + row.minimum, 0);
  const floor = rows.reduce((worst, row) => (row.floorS > worst.floorS ? row : worst));
  const wallS = run.wallMs / 1000;

  const collectionRssMb = process.resourceUsage().maxRSS / 1024;
  const rules = await loadRules([BUNDLED_RULES_DIR]);
  const evaluationStarted = performance.now();
  const findings = evaluate(run.inventory, rules, { now: new Date(run.inventory.collectedAt) });
  const evaluationMs = performance.now() - evaluationStarted;
  const rssMb = process.resourceUsage().maxRSS / 1024;

  const counts = Object.entries(run.inventory.resources).map(([type, records]) => `${type} ${records.length}`);
  console.log(`\ninventory: ${counts.join(', ')}; gaps ${run.inventory.gaps.length}`);
  console.log(`\n${'action'.padEnd(40)} ${'calls'.padStart(7)} ${'minimum'.padStart(7)} ${'floor s'.padStart(8)}`);
  for (const row of rows) console.log(`${row.action.padEnd(40)} ${String(row.calls).padStart(7)} ${String(row.minimum).padStart(7)} ${fixed(row.floorS).padStart(8)}`);
  console.log(`${'total'.padEnd(40)} ${String(calls).padStart(7)} ${String(minimum).padStart(7)}`);
  const retryCodes = Object.entries(run.stats.retriesByCode).map(([code, count]) => `${code} ${count}`);
  console.log(`\nretries ${run.stats.retries}${retryCodes.length > 0 ? ` (${retryCodes.join(', ')})` : ''}, failures ${run.stats.failures}, throttled by the caps ${run.throttled}`);
  console.log(`wall time ${fixed(wallS)} s; floor ${fixed(floor.floorS)} s (${floor.action}); wall / floor ${fixed(wallS / floor.floorS)}`);
  console.log(`rule evaluation ${fixed(evaluationMs, 0)} ms (${rules.length} rules, ${findings.length} findings); peak RSS ${fixed(rssMb, 0)} MB (${fixed(collectionRssMb, 0)} MB after collection)`);

  const results = [
    [`API calls <= ${TARGETS.callsRatio} x minimum`, calls / minimum, calls <= TARGETS.callsRatio * minimum],
    [`wall time <= ${TARGETS.wallToFloor} x floor`, wallS / floor.floorS, wallS <= TARGETS.wallToFloor * floor.floorS],
    [`peak RSS < ${TARGETS.rssMb} MB`, rssMb, rssMb < TARGETS.rssMb],
    [`rule evaluation < ${TARGETS.evaluationMs} ms`, evaluationMs, evaluationMs < TARGETS.evaluationMs],
  ] as const;
  console.log('');
  for (const [target, value, ok] of results) console.log(`${verdict(ok)}  ${target} (${fixed(value)})`);

  if (!flags['no-sequential']) {
    const sequentialScale = Number(flags['sequential-scale'] ?? Math.min(scale, 0.05));
    // one call in flight in the whole scan: every budget waits for the one before
    const one = { concurrency: 1, requestsPerSecond: 10_000, burst: 1 };
    const sequential = await collect(sequentialScale, { regional: one, global: one, overall: 1 });
    const perCall = sequential.wallMs / sequential.stats.calls;
    const projectedS = (perCall * run.stats.calls) / 1000;
    console.log(
      `\nsequential reference (one call in flight, scale ${sequentialScale}): ${sequential.stats.calls} calls in ${fixed(sequential.wallMs / 1000)} s; ` +
        `projected to ${run.stats.calls} calls: ${fixed(projectedS)} s, ${fixed(projectedS / wallS, 1)} x the concurrent run`,
    );
  }
  if (results.some(([, , ok]) => !ok)) process.exitCode = 1;
}

await main();
