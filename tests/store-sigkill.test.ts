// A process killed with SIGKILL mid-scan leaves no scan that deltas would trust. The child runs the real store,
// transpiled from src/ (Node 20 cannot run TypeScript) into node_modules/.cache so it resolves better-sqlite3.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import Database from 'better-sqlite3';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deltaForScan } from '../src/store/diff.js';
import { recordScan } from '../src/store/record.js';
import { KILLED_REASON, SqliteStore } from '../src/store/sqlite-store.js';
import { finding, report } from './store-fixtures.js';

const repoRoot = resolve(import.meta.dirname, '..');
let outDir: string;
let dataDir: string;

/** Transpile `entry` and every relative module it imports, keeping the layout under `outDir`. */
function transpileGraph(entry: string): void {
  const pending = [entry];
  const done = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (done.has(file)) continue;
    done.add(file);
    const source = readFileSync(file, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    const target = join(outDir, relative(repoRoot, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
    for (const [, spec] of outputText.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
      pending.push(resolve(dirname(file), `${spec}.ts`));
    }
  }
}

const CHILD = `
import { SqliteStore } from './src/store/sqlite-store.js';
const [file, mode] = process.argv.slice(2);
const store = SqliteStore.open(file);
const id = await store.beginScan({ id: 'killed' });
if (mode === 'complete') {
  const findings = Array.from({ length: 200000 }, (_, i) => ({
    id: 'r:' + i, ruleId: 'r', title: 't', status: 'fail', severity: 'high', duty: 'ram', service: 'ram',
    resource: { id: String(i), type: 'ram.user', region: 'global' }, compliance: [], evidence: 'e'.repeat(200), remediation: 'x',
  }));
  const at = new Date().toISOString();
  const summary = { total: findings.length, byStatus: { pass: 0, fail: findings.length, error: 0, muted: 0 }, failBySeverity: {} };
  const report = { schemaVersion: '1.0', summary, coverage: { duties: [], gaps: [] }, findings,
    scan: { id, startedAt: at, finishedAt: at, accountId: 'a', regions: [], source: 'live', toolVersion: '0', apiCalls: 0, incomplete: false } };
  console.log('completing');
  setTimeout(() => store.completeScan(id, report).then(() => console.log('completed')), 20);
} else {
  console.log('begun');
}
setInterval(() => {}, 1000);
`;

function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.split('\n').includes(line)) resolvePromise();
    });
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before "${line}": ${seen}`)));
  });
}

async function killDuring(file: string, mode: 'begin' | 'complete', line: string, delayMs: number) {
  const child = spawn(process.execPath, [join(outDir, 'child.mjs'), file, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolvePromise) => child.on('exit', resolvePromise));
  await waitForLine(child, line);
  await new Promise((resolvePromise) => setTimeout(resolvePromise, delayMs));
  child.kill('SIGKILL');
  await exited;
}

beforeAll(() => {
  const cache = join(repoRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  outDir = mkdtempSync(join(cache, 'alicloud-audit-sigkill-'));
  writeFileSync(join(outDir, 'package.json'), '{"type":"module"}');
  writeFileSync(join(outDir, 'child.mjs'), CHILD);
  transpileGraph(join(repoRoot, 'src', 'store', 'sqlite-store.ts'));
  dataDir = mkdtempSync(join(tmpdir(), 'audit-sigkill-'));
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const sshOpen = finding('ecs-sg-ssh-open', 'sg-1', 'fail');
const never = new AbortController().signal;

describe('a scan killed with SIGKILL', () => {
  it('is aborted on the next open and deltas skip it', async () => {
    const file = join(dataDir, 'begin.db');
    const before = SqliteStore.open(file);
    const first = await recordScan(before, async ({ scanId }) => report({ id: scanId, findings: [sshOpen] }), never);
    await before.close();

    await killDuring(file, 'begin', 'begun', 0);

    const store = SqliteStore.open(file);
    try {
      expect(await store.getScan('killed')).toMatchObject({ state: 'aborted', abortReason: KILLED_REASON });
      const next = await recordScan(
        store,
        async ({ scanId }) => report({ id: scanId, findings: [sshOpen], finishedAt: '2026-11-29T05:00:00.000Z' }),
        never,
      );
      expect(next.diff.base?.id).toBe(first.report.scan.id);
      expect(next.diff.delta.entries.map((entry) => entry.kind)).toEqual(['unchanged']);
      expect((await deltaForScan(store, next.report.scan.id)).base?.id).toBe(first.report.scan.id);
    } finally {
      await store.close();
    }
  });

  it('while committing its findings leaves either all of them or none', async () => {
    const file = join(dataDir, 'complete.db');
    await killDuring(file, 'complete', 'completing', 150);
    const store = SqliteStore.open(file);
    try {
      const scan = await store.getScan('killed');
      // count the rows themselves: findingsFor would hide those of a scan that is not completed
      const db = new Database(file, { readonly: true });
      const { rows } = db.prepare('SELECT count(*) AS rows FROM findings').get() as { rows: number };
      db.close();
      if (scan?.state === 'completed') expect(rows).toBe(200_000);
      else {
        expect(scan).toMatchObject({ state: 'aborted', abortReason: KILLED_REASON });
        expect(rows).toBe(0);
      }
    } finally {
      await store.close();
    }
  });
});
