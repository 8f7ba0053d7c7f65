// One scan recorded in the store: begun as running, completed with its findings in one transaction, or aborted
// with a reason when it throws or is cancelled; then its delta against the history. On a store shared between
// machines, the scan holds its account's lock from the moment the account is known until its delta is read, so
// two recorded scans of one account never overlap.
import type { StreamedReport } from '../findings/types.js';
import { deltaForScan, type ScanDiff } from './diff.js';
import { accountScope, locksScopes, type ScopeLock } from './scope-lock.js';
import type { AuditStore } from './store.js';

export interface StoredScanContext {
  /** the scan must report this id as `report.scan.id` */
  scanId: string;
  signal: AbortSignal;
  /**
   * Called by the scan as soon as it knows its account, before collecting: throws ScopeBusyError when another
   * recorded scan of that account runs. A scan that never calls it is locked when its report is stored.
   */
  claimAccount(accountId: string): Promise<void>;
}

export type StoredScan<R extends StreamedReport = StreamedReport> = (context: StoredScanContext) => Promise<R>;

export interface RecordedScan<R extends StreamedReport = StreamedReport> {
  report: R;
  diff: ScanDiff;
}

function abortReason(error: unknown, signal: AbortSignal): string {
  const message = error instanceof Error ? error.message : String(error);
  return signal.aborted ? `cancelled: ${message}` : `failed: ${message}`;
}

/** The account locks one recorded scan holds. */
function accountLocks(store: AuditStore) {
  const held = new Map<string, ScopeLock>();
  return {
    claim: async (accountId: string) => {
      if (!locksScopes(store) || held.has(accountId)) return;
      held.set(accountId, await store.lockScope(accountScope(accountId)));
    },
    releaseAll: () => Promise.all([...held.values()].map((lock) => lock.release())),
  };
}

export async function recordScan<R extends StreamedReport>(store: AuditStore, scan: StoredScan<R>, signal: AbortSignal): Promise<RecordedScan<R>> {
  const locks = accountLocks(store);
  try {
    const scanId = await store.beginScan();
    let report: R;
    try {
      report = await scan({ scanId, signal, claimAccount: locks.claim });
      await locks.claim(report.scan.accountId);
      await store.completeScan(scanId, report);
    } catch (error) {
      await store.abortScan(scanId, abortReason(error, signal));
      throw error;
    }
    return { report, diff: await deltaForScan(store, scanId) };
  } finally {
    await locks.releaseAll();
  }
}
