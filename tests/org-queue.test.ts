// org-scan and worker: an organisation run spread over worker processes through the pg-boss queue in a real
// PostgreSQL database (skipped without ALICLOUD_AUDIT_TEST_PG; scripts/test-postgres.sh starts one), against
// an emulator answering for a management account and 10 members, through the built CLI.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import type { OrgReport } from '../src/findings/org-report.js';
import { CLI, cleanEnv, runCli } from './helpers/cli.js';
import { DIRECTORY, KEY, MANAGEMENT, orgFixture } from './helpers/org-emulator.js';
import { pgSchema, TEST_PG } from './helpers/stores.js';

const org = orgFixture(10);
const ACCOUNTS = [MANAGEMENT, ...org.members];

let emulator: RunningEmulator;
/** added to every emulator call, so a unit lasts long enough to be killed in the middle */
let latencyMs = 0;
let db: Awaited<ReturnType<typeof pgSchema>>;
const dirs: string[] = [];
const outputDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'alicloud-audit-orgq-'));
  dirs.push(dir);
  return dir;
};
const env = () =>
  cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret, ALIBABA_CLOUD_ENDPOINT_URL: emulator.url });
const orgReportIn = (dir: string): OrgReport =>
  JSON.parse(readFileSync(path.join(dir, readdirSync(dir).find((name) => name.startsWith('alicloud-audit-org-'))!), 'utf8')) as OrgReport;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Worker {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

function startWorker(dir: string): Worker {
  const child = spawn(process.execPath, [CLI, 'worker', '--store', db.location, '--output-dir', dir, '--format', 'json'], { env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

async function completedSince(since: Date): Promise<Map<string, number>> {
  const { rows } = await db.query(`SELECT account_id, count(*)::int AS n FROM scans WHERE state = 'completed' AND started_at >= $1 GROUP BY account_id`, [since]);
  return new Map(rows.map((row: { account_id: string; n: number }) => [row.account_id, row.n]));
}

const summaries = (report: OrgReport) =>
  report.accounts.map((account) => (account.status === 'scanned' ? { id: account.accountId, status: account.status, summary: account.summary } : { id: account.accountId, status: account.status }));

describe.skipIf(!TEST_PG)('org-scan on three workers (PostgreSQL)', () => {
  const workers: Worker[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({
      ...org.accounts(),
      credentials: [KEY],
      intercept: async () => {
        if (latencyMs > 0) await sleep(latencyMs);
        return undefined;
      },
    });
    db = await pgSchema();
    const workerDir = outputDir();
    for (let i = 0; i < 3; i++) workers.push(startWorker(workerDir));
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await emulator?.close();
    await db?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('scans every member exactly once, and reports as scan --org does', async () => {
    const since = new Date();
    const dir = outputDir();
    const run = await runCli(['org-scan', '--store', db.location, '--output-dir', dir, '--unit-timeout', '60'], { env: env() });
    // the member without the role makes the run incomplete, as for scan --org
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain(`account ${org.noRole} (member-6): not scanned: AssumeRole of acs:ram::${org.noRole}:role/`);
    // one AssumeRole per member (the one without the role is not retried: it is a fact), none for the management account
    expect(emulator.calls.filter((call) => call.action === 'AssumeRole')).toHaveLength(org.members.length);
    const scanned = await completedSince(since);
    expect([...scanned.keys()].sort()).toEqual(ACCOUNTS.filter((id) => id !== org.noRole).sort());
    expect([...scanned.values()].every((n) => n === 1)).toBe(true);

    const queued = orgReportIn(dir);
    expect(queued).toMatchObject({ organisation: { resourceDirectoryId: DIRECTORY }, incomplete: true, summary: { accounts: 11, scanned: 10, notScanned: 1 } });
    expect(queued.accounts.find((account) => account.accountId === org.noRole)).toMatchObject({ status: 'error', error: expect.stringContaining('EntityNotExist.Role') });
    const single = outputDir();
    expect((await runCli(['scan', '--org', '--output-dir', single, '--format', 'json'], { env: env() })).code).toBe(3);
    const inOneProcess = orgReportIn(single);
    expect(summaries(queued)).toEqual(summaries(inOneProcess));
    expect(queued.summary).toEqual(inOneProcess.summary);
    expect(queued.duties).toEqual(inOneProcess.duties);
  }, 180_000);

  it('survives a worker killed mid-unit (nothing lost or doubled), and refuses a second run of the organisation', async () => {
    latencyMs = 40;
    const since = new Date();
    const dir = outputDir();
    const run = runCli(['org-scan', '--store', db.location, '--output-dir', dir, '--unit-timeout', '45', '--unit-retries', '4'], { env: env() });
    const pids = new Map(workers.map((worker) => [worker.child.pid, worker]));
    let victim: Worker | undefined;
    for (let tries = 0; !victim && tries < 600; tries++) {
      const { rows } = await db.query(`SELECT owner_pid FROM scans WHERE state = 'running' AND started_at >= $1`, [since]);
      victim = rows.map((row: { owner_pid: number }) => pids.get(row.owner_pid)).find(Boolean);
      if (!victim) await sleep(100);
    }
    expect(victim, 'no worker was seen mid-unit').toBeDefined();
    victim!.child.kill('SIGKILL');

    const second = await runCli(['org-scan', '--store', db.location, '--output-dir', outputDir()], { env: env() });
    expect(second.code).toBe(4);
    expect(second.stderr).toContain(`another recorded scan of organisation ${DIRECTORY} is running`);

    const result = await run;
    latencyMs = 0;
    expect(result.code, result.stderr).toBe(3);
    const report = orgReportIn(dir);
    expect(report.accounts.filter((account) => account.status === 'error').map((account) => account.accountId), JSON.stringify(report.accounts.filter((account) => account.status === 'error'))).toEqual([org.noRole]);
    expect(report.summary).toMatchObject({ accounts: 11, scanned: 10, notScanned: 1 });
    const scanned = await completedSince(since);
    expect([...scanned.keys()].sort()).toEqual(ACCOUNTS.filter((id) => id !== org.noRole).sort());
    expect([...scanned.values()].every((n) => n === 1)).toBe(true);
    // the killed worker's scan never completed: aborted once a worker on this host opened the store
    const { rows } = await db.query(`SELECT state FROM scans WHERE started_at >= $1 AND owner_pid = $2`, [since, victim!.child.pid]);
    expect(rows.map((row: { state: string }) => row.state)).not.toContain('completed');
  }, 240_000);

  it('stops a worker on SIGTERM with exit 0', async () => {
    const alive = workers.filter((worker) => worker.child.exitCode === null && worker.child.signalCode === null);
    expect(alive.length).toBeGreaterThan(0);
    for (const worker of alive) worker.child.kill('SIGTERM');
    for (const worker of alive) expect(await worker.exited).toBe(0);
  }, 60_000);
});

describe('org-scan and worker without PostgreSQL', () => {
  it('need a postgres:// store: the queue lives in the history database', async () => {
    for (const command of ['org-scan', 'worker']) {
      const result = await runCli([command, '--store', path.join(tmpdir(), 'history.db'), '--output-dir', tmpdir()]);
      expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining(`${command} needs --store postgres://`) });
    }
  });
});
