// `npm run bench`: serve a large synthetic account from the emulator (in a process of its own, with 30 ms
// per call and API budgets the auditor is not told, drawn per action and region), run the built CLI against
// it as a user runs it (a separate process: `node dist/cli/main.js scan --endpoint-url ... --format json
// --output FILE`, the credential in the environment), and measure it against the floor the budgets set.
import { spawn, fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { budgetOf, meteredKey } from './budgets.js';
import type { MinimumCalls } from './minimum.js';
import type { ServeReady, ServeSettings, ServeStats } from './serve.js';

const CREDENTIAL = { accessKeyId: 'LTAIbenchkey000001', accessKeySecret: 'bench-secret-not-real-0001' };
const TARGETS = { wallToFloor: 1.15, callsRatio: 1.02, throttledShare: 0.02, rssMb: 300 };

const { values: flags } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    latency: { type: 'string', default: '30' },
    'min-qps': { type: 'string', default: '20' },
    'max-qps': { type: 'string', default: '200' },
    seed: { type: 'string', default: '42' },
    /** more flags for the scan, e.g. --scan-args="--max-api-share 0.5" */
    'scan-args': { type: 'string', default: '' },
    /** every budget in the table, not only the twelve slowest */
    all: { type: 'boolean', default: false },
  },
});

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the bench emulator exited with code ${code}`));
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as T);
    });
    child.once('exit', onExit);
  });
}

/** Written for the CLI's process: its peak RSS (kB) and CPU time (us) at exit, whatever the platform's `time` offers. */
const USAGE_PROBE = `import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ maxRSS, cpu: userCPUTime + systemCPUTime }));
});
`;

interface CliRun {
  exitCode: number | null;
  wallMs: number;
  peakRssMb: number;
  cpuS: number;
  report: { scan?: { apiCalls?: number; incomplete?: boolean }; coverage?: { gaps?: Array<{ kind: string }> }; findings?: unknown[] };
  stderr: string;
  /** the CLI's own retries by the error code that caused them, from its debug log */
  retriesByCode: Record<string, number>;
  /** per budget key of the CLI (service:action@region), every budget it learned, in order */
  learned: Record<string, number[]>;
}

async function runCli(port: number, dir: string): Promise<CliRun> {
  const probe = join(dir, 'usage-probe.mjs');
  const usageFile = join(dir, 'usage.json');
  const output = join(dir, 'report.json');
  // the three streamed formats a large account's pipeline asks for, as issue 9 measures them
  const outputs = ['--format', 'json', '--output', output, '--format', 'ocsf', '--output', join(dir, 'report.ocsf.json'), '--format', 'ndjson', '--output', join(dir, 'report.ndjson')];
  await writeFile(probe, USAGE_PROBE);
  const main = fileURLToPath(new URL('../cli/main.js', import.meta.url));
  const args = [main, 'scan', '--endpoint-url', `http://127.0.0.1:${port}`, ...outputs, '--log-level', 'debug', ...flags['scan-args'].split(' ').filter(Boolean)];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      ALIBABA_CLOUD_ACCESS_KEY_ID: CREDENTIAL.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: CREDENTIAL.accessKeySecret,
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(probe).href}`.trim(),
      BENCH_USAGE_FILE: usageFile,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const retriesByCode: Record<string, number> = {};
  const learned: Record<string, number[]> = {};
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderr = `${stderr}${line}\n`.slice(-4000);
    if (line.includes('"api budget learned"')) {
      const { budget, perSecond } = JSON.parse(line) as { budget: string; perSecond: number };
      learned[budget] = [...(learned[budget] ?? []), perSecond];
    }
    if (!line.includes('"api call retried"')) return;
    const { code } = JSON.parse(line) as { code: string };
    retriesByCode[code] = (retriesByCode[code] ?? 0) + 1;
  });
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const wallMs = performance.now() - started;
  const usage = JSON.parse(await readFile(usageFile, 'utf8')) as { maxRSS: number; cpu: number };
  const report = JSON.parse(await readFile(output, 'utf8').catch(() => '{}')) as CliRun['report'];
  return { exitCode, wallMs, peakRssMb: usage.maxRSS / 1024, cpuS: usage.cpu / 1e6, report, stderr, retriesByCode, learned };
}

interface BudgetRow {
  key: string;
  qps: number;
  calls: number;
  throttled: number;
  minimum: number;
  /** seconds the budget needs for its minimum calls */
  floorS: number;
  /** seconds after the first call of the scan: the budget's first call and last answer */
  span: [number, number];
}

/** Per budget: the calls seen, the minimum (from minimum.ts, else the calls the budget accepted) and its floor. */
function budgetRows(stats: ServeStats, minimum: MinimumCalls[], range: ServeSettings['budgets']): BudgetRow[] {
  const rows = new Map<string, BudgetRow>();
  const row = (key: string) => {
    let found = rows.get(key);
    if (!found) {
      const qps = stats.budgets[key] ?? budgetOf(range, key);
      rows.set(key, (found = { key, qps, calls: 0, throttled: 0, minimum: -1, floorS: 0, span: (stats.spans[key] ?? [0, 0]).map((ms) => ms / 1000) as [number, number] }));
    }
    return found;
  };
  for (const [key, calls] of Object.entries(stats.calls)) Object.assign(row(key), { calls, throttled: stats.throttled[key] ?? 0 });
  for (const entry of minimum) row(meteredKey(entry.service, entry.action, entry.region)).minimum = entry.calls;
  for (const found of rows.values()) {
    if (found.minimum < 0) found.minimum = found.calls - found.throttled;
    found.floorS = found.minimum / found.qps;
  }
  return [...rows.values()].sort((a, b) => b.floorS - a.floorS);
}

/** The CLI's learned budgets for an emulator key (the CLI names a global budget without a region). */
function learnedOf(cli: CliRun, key: string): string {
  const history = cli.learned[key.replace(/@global$/, '')] ?? [];
  return history.length === 0 ? '-' : history.map((perSecond) => fixed(perSecond, 0)).join(' > ');
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const fixed = (value: number, digits = 2) => value.toFixed(digits);

async function main(): Promise<void> {
  const scale = Number(flags.scale);
  const range = { seed: Number(flags.seed), min: Number(flags['min-qps']), max: Number(flags['max-qps']) };
  const settings: ServeSettings = { scale, seed: Number(flags.seed), latencyMs: Number(flags.latency), budgets: range, credential: CREDENTIAL };
  console.log(
    `alicloud-audit bench: scale ${scale}, seed ${settings.seed}, ${settings.latencyMs} ms per call, budgets drawn per action ` +
      `(and region, for regional APIs) in ${range.min}-${range.max} per second, not told to the CLI; load average ${loadavg().map((n) => fixed(n)).join(' ')}`,
  );
  const server = fork(fileURLToPath(new URL('./serve.js', import.meta.url)), [JSON.stringify(settings)]);
  const dir = await mkdtemp(join(tmpdir(), 'alicloud-audit-bench-'));
  try {
    const { port, minimum } = await nextMessage<ServeReady>(server);
    const cli = await runCli(port, dir);
    server.send('stats');
    const stats = await nextMessage<ServeStats>(server);
    // 3: the scan is incomplete, as it is for this account (Security Center is not activated in it)
    if (cli.exitCode === null || ![0, 1, 3].includes(cli.exitCode) || !cli.report.scan) {
      console.error(`the scan exited with ${cli.exitCode}:\n${cli.stderr}`);
      process.exitCode = 1;
      return;
    }

    const rows = budgetRows(stats, minimum, range);
    const calls = rows.reduce((sum, row) => sum + row.calls, 0);
    const throttled = rows.reduce((sum, row) => sum + row.throttled, 0);
    const minimal = rows.reduce((sum, row) => sum + row.minimum, 0);
    const floor = rows[0]!;
    const collectionS = (stats.lastAnswerAt - stats.firstCallAt) / 1000;
    const gaps = cli.report.coverage?.gaps ?? [];
    const throttledGaps = gaps.filter((gap) => gap.kind === 'throttled').length;

    console.log(`\n${'budget (slowest first)'.padEnd(48)} ${'QPS'.padStart(4)} ${'calls'.padStart(6)} ${'min'.padStart(6)} ${'thr'.padStart(4)} ${'floor s'.padStart(8)} ${'from-to s'.padStart(12)}  learned (in order)`);
    for (const row of flags.all ? rows : rows.slice(0, 12)) {
      console.log(`${row.key.padEnd(48)} ${String(row.qps).padStart(4)} ${String(row.calls).padStart(6)} ${String(row.minimum).padStart(6)} ${String(row.throttled).padStart(4)} ${fixed(row.floorS).padStart(8)} ${`${fixed(row.span[0])}-${fixed(row.span[1])}`.padStart(12)}  ${learnedOf(cli, row.key)}`);
    }
    console.log(`(${rows.length} budgets in all) ${'total'.padStart(36)} ${String(calls).padStart(11)} ${String(minimal).padStart(6)} ${String(throttled).padStart(4)}`);
    console.log(
      `\nCLI: exit ${cli.exitCode}, ${fixed(cli.wallMs / 1000)} s from spawn to exit, ${fixed(cli.cpuS)} s of CPU; emulator ${fixed(stats.cpuS)} s of CPU; API calls ${calls} (the report's scan.apiCalls ${cli.report.scan.apiCalls}), ` +
        `${cli.report.findings?.length ?? 0} findings, ${gaps.length} gaps${cli.report.scan.incomplete ? ', incomplete' : ''}`,
    );
    const retries = Object.entries(cli.retriesByCode).map(([code, count]) => `${code} ${count}`);
    console.log(`the CLI's retries by code: ${retries.length > 0 ? retries.join(', ') : 'none'}`);
    console.log(`load average at the end ${loadavg().map((n) => fixed(n)).join(' ')} (${cpus().length} cores)`);
    console.log(`collection (first call to last answer, at the emulator) ${fixed(collectionS)} s; floor ${fixed(floor.floorS)} s (${floor.key}: ${floor.minimum} calls at ${floor.qps}/s)`);

    const results = [
      [`wall (collection) <= ${TARGETS.wallToFloor} x floor`, collectionS / floor.floorS, collectionS <= TARGETS.wallToFloor * floor.floorS],
      [`calls <= ${TARGETS.callsRatio} x minimum`, calls / minimal, calls <= TARGETS.callsRatio * minimal],
      [`throttled <= ${TARGETS.throttledShare * 100} % of calls`, (100 * throttled) / calls, throttled <= TARGETS.throttledShare * calls],
      [`peak RSS of the CLI process < ${TARGETS.rssMb} MB`, cli.peakRssMb, cli.peakRssMb < TARGETS.rssMb],
    ] as const;
    console.log('');
    for (const [target, value, ok] of results) console.log(`${verdict(ok)}  ${target} (${fixed(value)})`);
    console.log(`${verdict(throttledGaps === 0)}  no API left unread by throttling (${throttledGaps} gaps)`);
    if (results.some(([, , ok]) => !ok) || throttledGaps > 0) process.exitCode = 1;
  } finally {
    server.disconnect();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
