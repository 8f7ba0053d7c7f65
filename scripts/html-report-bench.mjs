#!/usr/bin/env node
// Measures the human reports at the bench account's size. Run after `npm run build`:
//   node scripts/html-report-bench.mjs [--scale 1] [--report report.json] [--out DIR]
// Without --report it collects the bench account (src/bench/generate.ts) from the emulator, with no latency
// or caps, and evaluates the bundled rules: the real 171,550 findings at scale 1. It renders each format
// (BENCH_FORMATS, default json,html,table,table-detail) in a fresh process, for its own peak RSS above the
// loaded report, then opens the page in headless Chromium and times the first paint and a few interactions.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values: flags, positionals } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, report: { type: 'string' }, out: { type: 'string' } },
  allowPositionals: true,
});
const SELF = fileURLToPath(import.meta.url);
const CHROMIUM = '/usr/bin/chromium';
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
/** file sizes in decimal MB, as the 15 MB budget */
const fileMb = (bytes) => (bytes / 1e6).toFixed(1);
const ms = (value) => value.toFixed(0);

/** In a child of its own per format: load the report, render, and measure time and the RSS peak above the load. */
async function renderChild([reportFile, outDir, name]) {
  const { formats } = await import('../dist/outputs/formats.js');
  const report = JSON.parse(await readFile(reportFile, 'utf8'));
  globalThis.gc?.();
  const loadedRss = process.memoryUsage().rss;
  const format = formats[name.split('-')[0]];
  const cpu = process.cpuUsage();
  const started = performance.now();
  const text = format.render(report, name === 'table-detail' ? { detail: true } : {});
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const file = join(outDir, `report.${name}.${format.extension}`);
  await writeFile(file, text);
  const peakRssAboveLoadMb = Number(mb(process.resourceUsage().maxRSS * 1024 - loadedRss));
  process.send({ findings: report.findings.length, loadedRssMb: Number(mb(loadedRss)), file, bytes: Buffer.byteLength(text), lines: text.split('\n').length, wallMs, cpuMs: (used.user + used.system) / 1000, peakRssAboveLoadMb });
}

function renderInChild(reportFile, outDir, name) {
  const child = fork(SELF, ['render', reportFile, outDir, name], { execArgv: ['--expose-gc'] });
  return new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => code !== 0 && reject(new Error(`rendering ${name} exited with ${code}`)));
  });
}

async function collectReport(scale, outDir) {
  const [{ parseEndpointUrl }, { Redactor }, { collectLive }, { BUNDLED_RULES_DIR, loadRules }, { evaluateScan }, { pino }] = await Promise.all([
    import('../dist/cloud/clients.js'), import('../dist/cloud/redact.js'), import('../dist/scan/collect.js'),
    import('../dist/engine/index.js'), import('../dist/scan/run-scan.js'), import('pino'),
  ]);
  const credential = { accessKeyId: 'LTAIbenchkey000001', accessKeySecret: 'bench-secret-not-real-0001' };
  const settings = { scale, seed: 42, latencyMs: 0, budgets: { seed: 42, min: 1_000_000, max: 1_000_000 }, credential };
  const emulator = fork(fileURLToPath(new URL('../dist/bench/serve.js', import.meta.url)), [JSON.stringify(settings)]);
  try {
    const { port } = await new Promise((resolve, reject) => {
      emulator.once('message', resolve);
      emulator.once('exit', (code) => reject(new Error(`the bench emulator exited with code ${code}`)));
    });
    const startedAt = new Date();
    const { inventory, stats } = await collectLive({
      credentials: { kind: 'static', ...credential },
      endpoint: parseEndpointUrl(`http://127.0.0.1:${port}`),
      redactor: new Redactor(),
      logger: pino({ level: 'silent' }),
    });
    const rules = await loadRules([BUNDLED_RULES_DIR]);
    const report = evaluateScan({ inventory, source: 'live', startedAt, apiCalls: stats.calls }, { rules });
    const file = join(outDir, 'report.json');
    await writeFile(file, JSON.stringify(report));
    return file;
  } finally {
    emulator.disconnect();
  }
}

async function inChromium(file) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-findings="ready"]', { timeout: 120_000 });
    const marks = await page.evaluate(() => ({
      firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      ruleTablePainted: performance.getEntriesByName('alicloud-audit:painted')[0]?.startTime,
      findingsReady: performance.getEntriesByName('alicloud-audit:findings')[0]?.startTime,
      heapMb: performance.memory ? performance.memory.usedJSHeapSize / 1024 / 1024 : undefined,
    }));
    // each interaction, timed in the page: the filter (sync once the findings are in), search, expansion
    const interactions = await page.evaluate(async () => {
      const rows = () => document.querySelectorAll('tr, li').length;
      const timed = async (action) => {
        const started = performance.now();
        await action();
        await new Promise((resolve) => setTimeout(resolve, 0));
        return { ms: performance.now() - started, domRows: rows() };
      };
      const status = document.getElementById('filter-status');
      const search = document.getElementById('search');
      const change = (element) => element.dispatchEvent(new Event('change'));
      const result = { initialDomRows: rows() };
      result.filterFail = await timed(() => { status.value = 'fail'; change(status); });
      // the rule with the most failing resources
      const failCount = (row) => Number(row.children[5].textContent.replace(/,/g, '') || 0);
      const biggest = Array.from(document.querySelectorAll('#rule-rows tr.rule')).sort((a, b) => failCount(b) - failCount(a))[0];
      result.expandedRuleFailing = failCount(biggest);
      result.expandBiggestRule = await timed(() => biggest.querySelector('button.toggle').click());
      result.nextPage = await timed(() => document.querySelector('tr.panel .pager button.next')?.click());
      const resourceId = document.querySelector('tr.panel tr.resource td.res').textContent;
      result.searchResourceId = await timed(() => { search.value = resourceId; change(status); });
      result.searchMatches = document.getElementById('shown').textContent;
      result.reset = await timed(() => document.getElementById('reset').click());
      return result;
    });
    return { ...marks, interactions, errors };
  } finally {
    await browser.close();
  }
}

if (positionals[0] === 'render') {
  await renderChild(positionals.slice(1));
} else {
  const outDir = flags.out ?? (await mkdtemp(join(tmpdir(), 'aa-html-bench-')));
  const reportFile = flags.report ?? (await collectReport(Number(flags.scale), outDir));
  const results = {};
  for (const name of (process.env.BENCH_FORMATS ?? 'json,html,table,table-detail').split(',')) {
    const r = (results[name] = await renderInChild(reportFile, outDir, name));
    console.log(`${name.padEnd(13)} ${r.findings} findings ${fileMb(r.bytes).padStart(7)} MB (${(r.bytes / r.findings).toFixed(1)} B/finding) ${String(r.lines).padStart(8)} lines  render ${ms(r.wallMs)} ms wall, ${ms(r.cpuMs)} ms CPU; RSS ${r.loadedRssMb} MB with the report loaded, peak ${r.peakRssAboveLoadMb} MB above it`);
  }
  if (existsSync(CHROMIUM) && results.html) console.log('chromium', JSON.stringify(await inChromium(results.html.file), null, 1));
  console.log(`files in ${outDir}`);
}
