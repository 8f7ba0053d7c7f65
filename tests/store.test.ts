import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/store/migrations.js';
import { KILLED_REASON, SqliteStore } from '../src/store/sqlite-store.js';
import { StoreError, type AuditStore } from '../src/store/store.js';
import { freshBoxPerTest, STORE_KINDS, type StoreBox, type StoreOptions } from './helpers/stores.js';
import { finding, report } from './store-fixtures.js';

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid as number;
}

async function completed(store: AuditStore, id: string, finishedAt: string, findings = [finding('r1', 'sg-1', 'fail')], accountId?: string) {
  const scanId = await store.beginScan({ id, startedAt: finishedAt });
  const built = report({ id, finishedAt, findings });
  await store.completeScan(scanId, accountId ? { ...built, scan: { ...built.scan, accountId } } : built);
  return scanId;
}

describe('SqliteStore', () => {
  let box: StoreBox;
  beforeEach(async () => {
    box = await STORE_KINDS[0]!.create();
  });
  afterEach(() => box.dispose());

  it('opens a new file in WAL mode at the current schema version, creating its folder', async () => {
    const store = SqliteStore.open(box.location);
    expect(store.journalMode()).toBe('wal');
    await store.close();
    const db = new Database(box.location, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('reads findings stored with a null region (before it was always a string) as region "global"', async () => {
    const store = await box.open();
    await completed(store, 'scan-1', '2026-11-01T00:00:00.000Z', [finding('r1', 'alice', 'fail')]);
    await store.close();
    const db = new Database(box.location);
    db.prepare(`UPDATE findings SET body = json_set(body, '$.resource.region', json('null'))`).run();
    db.close();
    expect((await (await box.open()).findingsFor('scan-1'))[0]?.resource.region).toBe('global');
  });
});

describe.each(STORE_KINDS)('$name store', (kind) => {
  const box = freshBoxPerTest(kind);
  const openStore = (options?: StoreOptions) => box().open(options);

  it('keeps the data across reopening and does not migrate twice', async () => {
    const first = await openStore();
    await completed(first, 'scan-1', '2026-11-01T00:00:00.000Z');
    await first.close();
    const second = await openStore();
    expect((await second.listScans()).map((scan) => [scan.id, scan.state])).toEqual([['scan-1', 'completed']]);
  });

  it('refuses a database written by a newer version', async () => {
    await (await openStore()).close();
    await box().setSchemaVersion(SCHEMA_VERSION + 1);
    await expect(openStore()).rejects.toThrow(StoreError);
    await expect(openStore()).rejects.toThrow(/newer than this alicloud-audit knows/);
  });

  it('records a completed scan with its report fields and findings', async () => {
    const store = await openStore();
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

  it('completes a scan atomically: a failing insert leaves it running with no findings', async () => {
    const store = await openStore();
    const scanId = await store.beginScan({ id: 'scan-1' });
    const duplicate = finding('r1', 'sg-1', 'fail');
    const bad = report({ id: scanId, findings: [finding('r1', 'sg-0', 'fail'), duplicate, duplicate] });
    await expect(store.completeScan(scanId, bad)).rejects.toThrow(StoreError);
    expect((await store.getScan(scanId))?.state).toBe('running');
    expect(await box().count('findings')).toBe(0);
  });

  it.each([
    { name: 'a report of another scan', id: 'other', setup: async () => undefined, error: /carries scan id other/ },
    {
      name: 'an aborted scan',
      id: 'scan-1',
      setup: (store: AuditStore) => store.abortScan('scan-1', 'cancelled'),
      error: /it is aborted, not running/,
    },
  ])('refuses to complete $name', async ({ id, setup, error }) => {
    const store = await openStore();
    await store.beginScan({ id: 'scan-1' });
    await setup(store);
    await expect(store.completeScan('scan-1', report({ id, findings: [] }))).rejects.toThrow(error);
  });

  it('keeps no findings for an aborted scan and lists it with its reason', async () => {
    const store = await openStore();
    await store.beginScan({ id: 'scan-1' });
    await store.abortScan('scan-1', 'cancelled: shutdown');
    expect(await store.getScan('scan-1')).toMatchObject({ state: 'aborted', abortReason: 'cancelled: shutdown' });
    expect(await store.findingsFor('scan-1')).toEqual([]);
    expect(await store.lastCompleted(1)).toEqual([]);
  });

  describe('on open, running scans', () => {
    const now = new Date('2026-11-29T12:00:00.000Z');

    it.each([
      { name: 'of a dead process on this host are aborted', owner: () => ['self', deadPid(), 't'], ago: 0, state: 'aborted' },
      { name: 'of an earlier process with our pid are aborted', owner: () => ['self', process.pid, 'old'], ago: 0, state: 'aborted' },
      { name: 'of a live process on this host stay running', owner: () => ['self', process.ppid, 't'], ago: 0, state: 'running' },
      { name: 'of another host stay running while fresh', owner: () => ['elsewhere', 1, 't'], ago: 3_600_000, state: 'running' },
      { name: 'of another host are aborted once stale', owner: () => ['elsewhere', 1, 't'], ago: 90_000_000, state: 'aborted' },
    ])('$name', async ({ owner, ago, state }) => {
      await (await openStore()).close();
      const [host, pid, token] = owner() as [string, number, string];
      await box().insertRunning('orphan', { host: host === 'self' ? hostname() : host, pid, token }, new Date(now.getTime() - ago).toISOString());
      const store = await openStore({ now: () => now });
      const scan = await store.getScan('orphan');
      expect(scan?.state).toBe(state);
      if (state === 'aborted') expect(scan?.abortReason).toBe(KILLED_REASON);
    });

    it('of this very process stay running when a second handle opens the file', async () => {
      const first = await openStore();
      await first.beginScan({ id: 'mine' });
      const second = await openStore();
      expect((await second.getScan('mine'))?.state).toBe('running');
    });
  });

  describe('retention', () => {
    const now = new Date('2026-11-29T00:00:00.000Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

    async function seeded(): Promise<AuditStore> {
      const store = await openStore({ now: () => now });
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

    it.each([
      { policy: { keepScans: 1 }, kept: ['a1', 'b8'] },
      { policy: { keepScans: 2 }, kept: ['a1', 'a5', 'b8', 'b9'] },
      { policy: { keepDays: 0 }, kept: ['a1', 'b8'] },
      { policy: { keepDays: 6 }, kept: ['a1', 'a5', 'b8'] },
    ])('counts and keeps per account in a shared history: $policy', async ({ policy, kept }) => {
      const store = await openStore({ now: () => now });
      // account b stopped being scanned a week ago: its newest scan is still its baseline
      for (const [id, days, account] of [['a10', 10, '1'], ['b9', 9, '2'], ['b8', 8, '2'], ['a5', 5, '1'], ['a1', 1, '1']] as const) {
        await completed(store, id, daysAgo(days), undefined, account.repeat(16));
      }
      await store.applyRetention(policy);
      expect((await store.listScans()).map((scan) => scan.id).sort()).toEqual(kept);
    });

    it('deletes the findings of deleted scans', async () => {
      const store = await seeded();
      await store.applyRetention({ keepScans: 1 });
      expect(await box().count('findings')).toBe(1);
    });
  });
});
