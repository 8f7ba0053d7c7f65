import { beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { deltaForScan, diffScans } from '../src/store/diff.js';
import { recordScan } from '../src/store/record.js';
import type { AuditStore } from '../src/store/store.js';
import type { Finding } from '../src/findings/types.js';
import { freshBoxPerTest, STORE_KINDS } from './helpers/stores.js';
import { ACCOUNT, finding, report } from './store-fixtures.js';

describe.each(STORE_KINDS)('$name store', (kind) => {
  const box = freshBoxPerTest(kind);
  let store: AuditStore;
  beforeEach(async () => {
    store = await box().open();
  });

  const never = new AbortController().signal;
  let clock = Date.parse('2026-11-01T00:00:00.000Z');

  /** Record a scan whose report has these findings, as `scan --store` would. */
  async function scanWith(findings: Finding[], accountId = ACCOUNT) {
    clock += 3_600_000;
    return recordScan(
      store,
      async ({ scanId }) => {
        const built = report({ id: scanId, findings, finishedAt: new Date(clock).toISOString() });
        return { ...built, scan: { ...built.scan, accountId } };
      },
      never,
    );
  }

  const sshOpen = finding('ecs-sg-ssh-open', 'sg-1', 'fail');
  const sshClosed = finding('ecs-sg-ssh-open', 'sg-1', 'pass');
  const oldKey = finding('ram-ak-rotated', 'alice', 'fail', { resource: { id: 'alice', type: 'ram.user', region: 'global' } });
  const oldKeyRotated = { ...oldKey, status: 'pass' as const };

  describe('recordScan', () => {
    it('completes the scan and returns its delta against the history', async () => {
      const first = await scanWith([sshClosed, oldKey]);
      expect(first.diff.base).toBeNull();
      expect(first.diff.delta.counts).toMatchObject({ new: 1, unchanged: 1 });

      const second = await scanWith([sshOpen, oldKeyRotated]);
      expect(second.diff.base?.id).toBe(first.report.scan.id);
      expect(Object.fromEntries(second.diff.delta.entries.map((e) => [e.finding.ruleId, e.kind]))).toEqual({
        'ecs-sg-ssh-open': 'new',
        'ram-ak-rotated': 'resolved',
      });
      expect((await store.getScan(second.report.scan.id))?.state).toBe('completed');
    });

    it.each([
      { name: 'a scan that throws', cancel: false, reason: /^failed: boom/ },
      { name: 'a cancelled scan', cancel: true, reason: /^cancelled: boom/ },
    ])('aborts $name, keeps the error, and leaves deltas untouched', async ({ cancel, reason }) => {
      await scanWith([sshOpen]);
      const controller = new AbortController();
      const run = recordScan(
        store,
        async () => {
          if (cancel) controller.abort();
          throw new Error('boom');
        },
        controller.signal,
      );
      await expect(run).rejects.toThrow('boom');
      const [aborted] = await store.listScans({ limit: 1 });
      expect(aborted).toMatchObject({ state: 'aborted', abortReason: expect.stringMatching(reason) });
      const third = await scanWith([sshOpen]);
      expect(third.diff.delta.entries[0]?.kind).toBe('unchanged');
    });
  });

  describe('a history shared by accounts', () => {
    const other = '2234567890123456';
    const otherGroup = finding('ecs-sg-ssh-open', 'sg-7', 'pass');

    it("keeps each account's own sequence: another account's scan resolves nothing", async () => {
      const a1 = await scanWith([sshOpen]);
      const b1 = await scanWith([otherGroup], other);
      expect(b1.diff.base).toBeNull();
      expect(b1.diff.delta.entries.map((entry) => [entry.findingId, entry.kind])).toEqual([[otherGroup.id, 'unchanged']]);
      const a2 = await scanWith([sshOpen]);
      expect(a2.diff.base?.id).toBe(a1.report.scan.id);
      expect(a2.diff.delta.entries.map((entry) => [entry.findingId, entry.kind])).toEqual([[sshOpen.id, 'unchanged']]);
      // diff without ids: the newest scan's account
      expect((await diffScans(store)).base?.id).toBe(a1.report.scan.id);
      expect((await diffScans(store, a1.report.scan.id)).target.id).toBe(a2.report.scan.id);
    });

    it('refuses a diff of two accounts', async () => {
      const a = await scanWith([sshOpen]);
      const b = await scanWith([otherGroup], other);
      await expect(diffScans(store, a.report.scan.id, b.report.scan.id)).rejects.toThrow(
        new RegExp(`of account ${ACCOUNT} and scan ${b.report.scan.id} of account ${other}: a diff compares scans of one account`),
      );
      await expect(diffScans(store)).rejects.toThrow(`the history has 1 completed scan(s) of account ${other}; a diff needs two`);
    });
  });

  describe('diffScans', () => {
    it('compares the newest two completed scans by default', async () => {
      await scanWith([sshOpen]);
      const b = await scanWith([sshClosed]);
      const c = await scanWith([sshOpen]);
      const diff = await diffScans(store);
      expect([diff.base?.id, diff.target.id]).toEqual([b.report.scan.id, c.report.scan.id]);
      expect(diff.delta.entries[0]?.kind).toBe('reopened');
    });

    it('compares two chosen scans, with the history before the first', async () => {
      const a = await scanWith([sshOpen]);
      await scanWith([sshClosed]);
      const c = await scanWith([sshOpen]);
      const diff = await diffScans(store, a.report.scan.id, c.report.scan.id);
      // the scan in between is skipped: a to c is still failing
      expect(diff.delta.entries[0]?.kind).toBe('unchanged');
    });

    it('matches deltaForScan for the newest scan', async () => {
      await scanWith([sshOpen, oldKey]);
      const b = await scanWith([sshClosed, oldKey]);
      expect((await diffScans(store)).delta).toEqual((await deltaForScan(store, b.report.scan.id)).delta);
    });

    it.each([
      { name: 'an empty history', setup: async () => undefined, args: [], error: /has 0 completed scan/ },
      { name: 'one completed scan', setup: async () => undefined, args: [], scans: 1, error: /has 1 completed scan/ },
      { name: 'an unknown id', setup: async () => undefined, args: ['nope'], scans: 2, error: /no scan nope/ },
      {
        name: 'an aborted scan',
        setup: async () => {
          const id = await store.beginScan({ id: 'dead' });
          await store.abortScan(id, 'failed');
        },
        args: ['dead'],
        scans: 2,
        error: /scan dead is aborted: deltas only compare completed scans/,
      },
    ])('refuses $name', async ({ setup, args, scans = 0, error }) => {
      for (let i = 0; i < scans; i++) await scanWith([sshOpen]);
      await setup();
      const failure = await diffScans(store, ...(args as [string?])).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(UsageError);
      expect((failure as Error).message).toMatch(error);
    });

    it('refuses a base newer than the target', async () => {
      const a = await scanWith([sshOpen]);
      const b = await scanWith([sshOpen]);
      await expect(diffScans(store, b.report.scan.id, a.report.scan.id)).rejects.toThrow(/give the older scan first/);
    });
  });
});
