// What only the PostgreSQL store has, against a real server (scripts/test-postgres.sh): the account lock that
// keeps two recorded scans of one account from overlapping, connection strings that never print their password,
// and `scan` / `history` / `diff` through the CLI giving the same deltas as the SQLite store.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineAccount, loadAccountModel, startEmulator, type AccountModel } from '../src/emulator/index.js';
import type { Report } from '../src/findings/types.js';
import type { OcsfComplianceFinding } from '../src/outputs/ocsf.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { locationPassword, printableLocation } from '../src/store/location.js';
import { openStore } from '../src/store/open-store.js';
import { PostgresStore } from '../src/store/postgres-store.js';
import { recordScan } from '../src/store/record.js';
import { ScopeBusyError, accountScope } from '../src/store/scope-lock.js';
import { StoreError } from '../src/store/store.js';
import { cleanEnv, runCli } from './helpers/cli.js';
import { TEST_PG, pgSchema } from './helpers/stores.js';
import { finding, report } from './store-fixtures.js';

describe('connection strings', () => {
  it.each([
    ['postgres://audit:s3cr3t-pass@db:5432/h', 'postgres://audit:REDACTED@db:5432/h', 's3cr3t-pass'],
    ['postgresql://audit:p%40ss%2Fword@db/h?sslmode=require', 'postgresql://audit:REDACTED@db/h?sslmode=require', 'p@ss/word'],
    ['postgres://audit@db/h?password=in-the-query', 'postgres://audit@db/h?password=REDACTED', 'in-the-query'],
    ['postgres://audit@db/h?sslpassword=key-pass&sslmode=require', 'postgres://audit@db/h?sslpassword=REDACTED&sslmode=require', undefined],
    ['postgres://db/h', 'postgres://db/h', undefined],
  ])('%s prints as %s', (url, printed, password) => {
    expect(printableLocation(url)).toBe(printed);
    expect(locationPassword(url)).toBe(password);
  });

  it('keeps a SQLite path as it is', () => {
    expect(printableLocation('/var/lib/h.db')).toBe('/var/lib/h.db');
  });

  it('names an unreachable server without its password', async () => {
    // port 1 on loopback: refused at once, nothing leaves the machine
    const failure = await openStore('postgres://audit:never-print-me@127.0.0.1:1/h').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as Error).message).toMatch(/^postgres:\/\/audit:REDACTED@127\.0\.0\.1:1\/h: cannot open the history database: /);
    expect((failure as Error).message).not.toContain('never-print-me');
  });
});

const onServer = describe.skipIf(!TEST_PG);
const never = new AbortController().signal;

onServer('the account lock', () => {
  let schema: Awaited<ReturnType<typeof pgSchema>>;
  const stores: PostgresStore[] = [];
  const open = async () => {
    const store = await PostgresStore.open(schema.location);
    stores.push(store);
    return store;
  };
  beforeEach(async () => {
    schema = await pgSchema();
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await schema.drop();
  });

  it('refuses a second holder of one account from another connection, not another account, and frees on release', async () => {
    const [a, b] = [await open(), await open()];
    const held = await a.lockScope(accountScope('1000000000000001'));
    await expect(b.lockScope(accountScope('1000000000000001'))).rejects.toThrow(ScopeBusyError);
    const other = await b.lockScope(accountScope('1000000000000002'));
    await held.release();
    const again = await b.lockScope(accountScope('1000000000000001'));
    await Promise.all([other.release(), again.release()]);
  });

  it('makes a second concurrent recorded scan of one account fail clearly while another account runs', async () => {
    const store = await open();
    const account = '1000000000000011';
    let finish!: () => void;
    const gate = new Promise<void>((resolveGate) => (finish = resolveGate));
    let claimed!: () => void;
    const firstClaimed = new Promise<void>((resolveClaim) => (claimed = resolveClaim));
    const scanOf = (accountId: string, wait?: Promise<void>) =>
      recordScan(
        store,
        async ({ scanId, claimAccount }) => {
          await claimAccount(accountId);
          if (wait) {
            claimed();
            await wait;
          }
          return { ...report({ id: scanId, findings: [finding('r1', 'sg-1', 'fail')] }), scan: { ...report({ id: scanId, findings: [] }).scan, accountId } };
        },
        never,
      );
    const first = scanOf(account, gate);
    await firstClaimed;
    const second = await scanOf(account).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(ScopeBusyError);
    expect((second as Error).message).toMatch(new RegExp(`^another recorded scan of account ${account} is running against postgres://audit:REDACTED@`));
    expect((await store.listScans({ state: 'aborted' }))[0]?.abortReason).toMatch(/^failed: another recorded scan of account/);
    // another account is not held up
    await expect(scanOf('1000000000000012')).resolves.toMatchObject({ report: { scan: { accountId: '1000000000000012' } } });
    finish();
    await expect(first).resolves.toMatchObject({ report: { scan: { accountId: account } } });
    // released: the next scan of the account runs
    await expect(scanOf(account)).resolves.toBeDefined();
  });

  it('is released by the server when the process holding it is killed', async () => {
    const scope = accountScope('1000000000000021');
    const script = `
      import pg from 'pg';
      const client = new pg.Client({ connectionString: process.env.URL });
      await client.connect();
      await client.query("SELECT pg_advisory_lock(hashtextextended('alicloud-audit:' || $1, 0))", [process.env.SCOPE]);
      console.log('locked');
      setInterval(() => undefined, 1000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: resolve(import.meta.dirname, '..'),
      env: { ...process.env, URL: schema.location, SCOPE: scope },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolveLocked) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolveLocked()));
    const store = await open();
    await expect(store.lockScope(scope)).rejects.toThrow(ScopeBusyError);
    const exited = new Promise((resolveExit) => child.on('exit', resolveExit));
    child.kill('SIGKILL');
    await exited;
    // the server sees the closed socket and ends the session; poll until it has
    let lock;
    for (let attempt = 0; !lock; attempt++) {
      lock = await store.lockScope(scope).catch((error: unknown) => {
        if (!(error instanceof ScopeBusyError) || attempt > 200) throw error;
        return new Promise<undefined>((wait) => setTimeout(() => wait(undefined), 50));
      });
    }
    await lock.release();
  });
});

onServer('the CLI with --store postgres://', () => {
  const KEY = { accessKeyId: 'LTAIpgstore000000001', accessKeySecret: 'pg-store-secret-00000001' };
  const env = cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret });
  const password = locationPassword(TEST_PG ?? '') ?? 'no password';
  let dir: string;
  let schema: Awaited<ReturnType<typeof pgSchema>>;
  let before: AccountModel;
  let after: AccountModel;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'alicloud-audit-pg-cli-'));
    schema = await pgSchema();
    before = await loadAccountModel(DEMO_ACCOUNT_FILE);
    // a week later: bob's key rotated
    const raw = JSON.parse(readFileSync(DEMO_ACCOUNT_FILE, 'utf8')) as { ram: { users: Array<{ UserName: string; AccessKeys: unknown[] }> } };
    raw.ram.users.find((user) => user.UserName === 'bob')!.AccessKeys = [
      { AccessKeyId: 'LTAI5tBobNewKey9zQ1aB', CreateDate: new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z') },
    ];
    after = defineAccount(raw as never, 'bob rotated');
  });
  afterAll(async () => {
    await schema?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  async function scan(account: AccountModel, store: string, name: string) {
    const emulator = await startEmulator({ account, credentials: [KEY] });
    try {
      const files = { json: join(dir, `${name}.json`), ocsf: join(dir, `${name}.ocsf.json`) };
      const result = await runCli(['scan', '--endpoint-url', emulator.url, '--store', store, '--format', 'json', '--format', 'ocsf', '--output', files.json, '--output', files.ocsf], { env });
      expect([0, 3], result.stderr).toContain(result.code);
      expect(result.stderr).not.toContain(password);
      return {
        report: JSON.parse(readFileSync(files.json, 'utf8')) as Report,
        events: JSON.parse(readFileSync(files.ocsf, 'utf8')) as OcsfComplianceFinding[],
      };
    } finally {
      await emulator.close();
    }
  }

  /** What must be equal whichever store recorded the scans: ids, kinds and states, not scan ids or times. */
  const comparable = (run: Awaited<ReturnType<typeof scan>>) => ({
    counts: run.report.delta?.counts,
    entries: run.report.delta?.entries.map(({ findingId, kind, previous, failing }) => ({ findingId, kind, previous, failing })),
    lifecycle: run.events.map((event) => [event.finding_info.uid, event.activity_id, event.status_id]),
  });

  it('records two scans, gives the same deltas and OCSF lifecycle as SQLite, and lists and diffs them', async () => {
    const sqliteFile = join(dir, 'history.db');
    const pgRuns = [await scan(before, schema.location, 'pg-1'), await scan(after, schema.location, 'pg-2')];
    const sqliteRuns = [await scan(before, sqliteFile, 'sqlite-1'), await scan(after, sqliteFile, 'sqlite-2')];
    expect(pgRuns[1]!.report.delta?.counts.resolved).toBeGreaterThan(0);
    expect(pgRuns.map(comparable)).toEqual(sqliteRuns.map(comparable));

    const history = await runCli(['history', '--store', schema.location], { env: cleanEnv() });
    expect(history.code, history.stderr).toBe(0);
    expect(history.stdout.trim().split('\n').slice(1).map((line) => line.split(/\s+/)[0])).toEqual(
      pgRuns.map((run) => run.report.scan.id).reverse(),
    );
    const diffs = await Promise.all(
      [schema.location, sqliteFile].map((store) => runCli(['diff', '--store', store, '--format', 'json'], { env: cleanEnv() })),
    );
    for (const diff of diffs) expect(diff.code, diff.stderr).toBe(0);
    const [pgDiff, sqliteDiff] = diffs.map((diff) => JSON.parse(diff.stdout) as { counts: Record<string, number>; changes: unknown[] });
    const delta = pgRuns[1]!.report.delta!;
    expect([pgDiff!.counts['new-failure'], pgDiff!.counts.reopened, pgDiff!.counts.fixed]).toEqual([delta.counts.new, delta.counts.reopened, delta.counts.resolved]);
    expect(pgDiff!.changes).toEqual(sqliteDiff!.changes);
  }, 180_000);

  it('refuses a scan of an account another recorded scan holds: exit 4, a clear message, no report', async () => {
    const holder = await PostgresStore.open(schema.location);
    const lock = await holder.lockScope(accountScope(before.accountId));
    try {
      const output = join(dir, 'refused.json');
      const result = await runCli(['scan', '--demo', '--store', schema.location, '--output', output], { env: cleanEnv() });
      expect(result.code).toBe(4);
      expect(result.stderr).toContain(`another recorded scan of account ${before.accountId} is running against postgres://audit:REDACTED@`);
      expect(result.stderr).not.toContain(password);
      expect(existsSync(output)).toBe(false);
    } finally {
      await lock.release();
      await holder.close();
    }
  }, 60_000);

  it('says there is no history in an empty database, without the password', async () => {
    const empty = await pgSchema();
    try {
      const result = await runCli(['history', '--store', empty.location], { env: cleanEnv() });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/no history in postgres:\/\/audit:REDACTED@/);
      expect(result.stderr).not.toContain(password);
      // and it created nothing
      expect((await empty.query(`SELECT to_regclass('scans') AS t`)).rows[0].t).toBeNull();
    } finally {
      await empty.drop();
    }
  });
});

