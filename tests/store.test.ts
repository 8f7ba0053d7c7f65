import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/store/migrations.js';
import { KILLED_REASON, SqliteStore } from '../src/store/sqlite-store.js';
import { StoreError } from '../src/store/store.js';
import { finding, report } from './store-fixtures.js';

let dir: string;
let file: string;
const open: SqliteStore[] = [];

function openStore(options?: Parameters<typeof SqliteStore.open>[1]): SqliteStore {
  const store = SqliteStore.open(file, options);
  open.push(store);
  return store;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-store-'));
  file = join(dir, 'nested', 'history.db');
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** Edit the database behind the store's back, as another (or a dead) process would have left it. */
function raw(sql: string, ...params: unknown[]): void {
  const db = new Database(file);
  db.prepare(sql).run(...params);
  db.close();
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid as number;
}

async function completed(store: SqliteStore, id: string, finishedAt: string, findings = [finding('r1', 'sg-1', 'fail')]) {
  const scanId = await store.beginScan({ id, startedAt: finishedAt });
  await store.completeScan(scanId, report({ id, finishedAt, findings }));
  return scanId;
}

describe('SqliteStore', () => {
  it('opens a new file in WAL mode at the current schema version, creating its folder', async () => {
    const store = openStore();
    expect(store.journalMode()).toBe('wal');
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('keeps the data across reopening and does not migrate twice', async () => {
    const first = openStore();
    await completed(first, 'scan-1', '2026-11-01T00:00:00.000Z');
    await first.close();
    const second = openStore();
    expect((await second.listScans()).map((scan) => [scan.id, scan.state])).toEqual([['scan-1', 'completed']]);
  });

  it('refuses a database written by a newer version', async () => {
    await openStore().close();
    raw(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => openStore()).toThrow(StoreError);
    expect(() => openStore()).toThrow(/newer than this alicloud-audit knows/);
  });

  it('records a completed scan with its report fields and findings', async () => {
    const store = openStore();
    const findings = [finding('r1', 'sg-2', 'pass'), finding('r1', 'sg-1', 'fail')];
    await completed(store, 'scan-1', '2026-11-01T00:00:00.000Z', findings);
    const scan = await store.getScan('scan-1');
    expect(scan).toMatchObject({
      state: 'completed',
      finishedAt: '2026-11-01T00:00:00.000Z',
      accountId: '1234567890123456',
      incomplete: false,
      summary: { total: 2, byStatus: { pass: 1, fail: 1, error: 0, muted: 0 } },
      coverage: { regions: ['cn-hangzhou'], rules: ['r1'], gaps: [] },
      abortReason: null,
    });
    expect((await store.findingsFor('scan-1')).map((f) => f.id)).toEqual(findings.map((f) => f.id).sort());
    expect((await store.lastCompleted(5)).map((s) => s.id)).toEqual(['scan-1']);
  });

  it('reads findings stored with a null region (before it was always a string) as region "global"', async () => {
    const store = openStore();
    await completed(store, 'scan-1', '2026-11-01T00:00:00.000Z', [finding('r1', 'alice', 'fail')]);
    raw(`UPDATE findings SET body = json_set(body, '$.resource.region', json('null'))`);
    expect((await store.findingsFor('scan-1'))[0]?.resource.region).toBe('global');
  });

  it('completes a scan atomically: a failing insert leaves it running with no findings', async () => {
    const store = openStore();
    const scanId = await store.beginScan({ id: 'scan-1' });
    const duplicate = finding('r1', 'sg-1', 'fail');
    const bad = report({ id: scanId, findings: [finding('r1', 'sg-0', 'fail'), duplicate, duplicate] });
    await expect(store.completeScan(scanId, bad)).rejects.toThrow(StoreError);
    expect((await store.getScan(scanId))?.state).toBe('running');
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM findings').get()).toEqual({ n: 0 });
    db.close();
  });

  it.each([
    { name: 'a report of another scan', id: 'other', setup: async () => undefined, error: /carries scan id other/ },
    {
      name: 'an aborted scan',
      id: 'scan-1',
      setup: (store: SqliteStore) => store.abortScan('scan-1', 'cancelled'),
      error: /it is aborted, not running/,
    },
  ])('refuses to complete $name', async ({ id, setup, error }) => {
    const store = openStore();
    await store.beginScan({ id: 'scan-1' });
    await setup(store);
    await expect(store.completeScan('scan-1', report({ id, findings: [] }))).rejects.toThrow(error);
  });

  it('keeps no findings for an aborted scan and lists it with its reason', async () => {
    const store = openStore();
    await store.beginScan({ id: 'scan-1' });
    await store.abortScan('scan-1', 'cancelled: shutdown');
    expect(await store.getScan('scan-1')).toMatchObject({ state: 'aborted', abortReason: 'cancelled: shutdown' });
    expect(await store.findingsFor('scan-1')).toEqual([]);
    expect(await store.lastCompleted(1)).toEqual([]);
  });

  describe('on open, running scans', () => {
    const insertRunning = (host: string, pid: number, token: string, startedAt: string) =>
      raw(
        `INSERT INTO scans (id, state, started_at, owner_host, owner_pid, owner_token) VALUES ('orphan', 'running', ?, ?, ?, ?)`,
        startedAt,
        host,
        pid,
        token,
      );
    const now = new Date('2026-11-29T12:00:00.000Z');

    it.each([
      { name: 'of a dead process on this host are aborted', owner: () => ['self', deadPid(), 't'], ago: 0, state: 'aborted' },
      { name: 'of an earlier process with our pid are aborted', owner: () => ['self', process.pid, 'old'], ago: 0, state: 'aborted' },
      { name: 'of a live process on this host stay running', owner: () => ['self', process.ppid, 't'], ago: 0, state: 'running' },
      { name: 'of another host stay running while fresh', owner: () => ['elsewhere', 1, 't'], ago: 3_600_000, state: 'running' },
      { name: 'of another host are aborted once stale', owner: () => ['elsewhere', 1, 't'], ago: 90_000_000, state: 'aborted' },
    ])('$name', async ({ owner, ago, state }) => {
      await openStore().close();
      const [host, pid, token] = owner() as [string, number, string];
      insertRunning(host === 'self' ? hostname() : host, pid, token, new Date(now.getTime() - ago).toISOString());
      const store = openStore({ now: () => now });
      const scan = await store.getScan('orphan');
      expect(scan?.state).toBe(state);
      if (state === 'aborted') expect(scan?.abortReason).toBe(KILLED_REASON);
    });

    it('of this very process stay running when a second handle opens the file', async () => {
      const first = openStore();
      await first.beginScan({ id: 'mine' });
      const second = openStore();
      expect((await second.getScan('mine'))?.state).toBe('running');
    });
  });

  describe('retention', () => {
    const now = new Date('2026-11-29T00:00:00.000Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

    async function seeded(): Promise<SqliteStore> {
      const store = openStore({ now: () => now });
      // oldest first: c10 (completed 10 days ago), a8 (aborted), c5, c3, c1, and one running now
      await completed(store, 'c10', daysAgo(10));
      await store.beginScan({ id: 'a8', startedAt: daysAgo(8) });
      await store.abortScan('a8', 'failed');
      await completed(store, 'c5', daysAgo(5));
      await completed(store, 'c3', daysAgo(3));
      await completed(store, 'c1', daysAgo(1));
      await store.beginScan({ id: 'running', startedAt: daysAgo(20) });
      return store;
    }

    it.each([
      { name: 'keeps the newest N completed scans', policy: { keepScans: 2 }, kept: ['running', 'c1', 'c3'] },
      { name: 'keeps scans of the last D days', policy: { keepDays: 4 }, kept: ['running', 'c1', 'c3'] },
      { name: 'applies both limits', policy: { keepScans: 3, keepDays: 4 }, kept: ['running', 'c1', 'c3'] },
      {
        name: 'keeps aborted scans newer than the Nth completed',
        policy: { keepScans: 4 },
        kept: ['running', 'c1', 'c3', 'c5', 'a8', 'c10'],
      },
      { name: 'always keeps the newest completed scan', policy: { keepDays: 0 }, kept: ['running', 'c1'] },
      { name: 'keeps the baseline even with keepScans 0', policy: { keepScans: 0 }, kept: ['running', 'c1'] },
      { name: 'keeps everything without a policy', policy: {}, kept: ['running', 'c1', 'c3', 'c5', 'a8', 'c10'] },
    ])('$name', async ({ policy, kept }) => {
      const store = await seeded();
      const before = (await store.listScans()).length;
      const { deleted } = await store.applyRetention(policy);
      const ids = (await store.listScans()).map((scan) => scan.id);
      // `running` started 20 days ago, so it sorts last by time: compare as sets
      expect(new Set(ids)).toEqual(new Set(kept));
      expect(deleted).toBe(before - kept.length);
    });

    it('deletes the findings of deleted scans', async () => {
      const store = await seeded();
      await store.applyRetention({ keepScans: 1 });
      const db = new Database(file, { readonly: true });
      expect(db.prepare('SELECT count(*) AS n FROM findings').get()).toEqual({ n: 1 });
      db.close();
    });
  });
});
