// Deltas read from the store: the history of completed scans folded oldest first, then the target scan.
import { UsageError } from '../errors.js';
import { computeDelta, emptyHistory, foldScan, type Delta, type ScanSnapshot } from './delta.js';
import type { AuditStore, CompletedScanRecord } from './store.js';

export interface ScanDiff {
  base: CompletedScanRecord | null;
  target: CompletedScanRecord;
  delta: Delta;
}

async function snapshotOf(store: AuditStore, scan: CompletedScanRecord): Promise<ScanSnapshot> {
  return { scanId: scan.id, finishedAt: scan.finishedAt, findings: await store.findingsFor(scan.id), coverage: scan.coverage };
}

/** Completed scans, oldest first. */
async function completedScans(store: AuditStore): Promise<CompletedScanRecord[]> {
  return (await store.lastCompleted(Number.MAX_SAFE_INTEGER)).reverse();
}

/**
 * The completed scans of one account: a history shared by many accounts (an organisation on PostgreSQL) holds
 * each account's own sequence, and another account's scan never resolves or reopens anything.
 */
function ofAccount(scans: CompletedScanRecord[], accountId: string): CompletedScanRecord[] {
  return scans.filter((scan) => scan.accountId === accountId);
}

/** The scan's index among the completed scans; the store is asked why only when it is not there. */
async function positionOf(store: AuditStore, scans: CompletedScanRecord[], scanId: string): Promise<number> {
  const index = scans.findIndex((scan) => scan.id === scanId);
  if (index >= 0) return index;
  const state = (await store.getScan(scanId))?.state;
  throw new UsageError(
    state === undefined
      ? `no scan ${scanId} in the history; \`alicloud-audit history\` lists the scans`
      : `scan ${scanId} is ${state}: deltas only compare completed scans`,
  );
}

async function diffAt(
  store: AuditStore,
  scans: CompletedScanRecord[],
  baseIndex: number,
  targetIndex: number,
): Promise<ScanDiff> {
  const target = scans[targetIndex] as CompletedScanRecord;
  // the base and every completed scan before it make the history (reopened needs more than one scan back);
  // one scan's findings in memory at a time
  let history = emptyHistory();
  for (const scan of scans.slice(0, baseIndex + 1)) history = foldScan(history, await snapshotOf(store, scan));
  return {
    base: scans[baseIndex] ?? null,
    target,
    delta: computeDelta(history, await snapshotOf(store, target)),
  };
}

/** The delta of a completed scan against every completed scan before it (the one `scan --store` reports). */
export async function deltaForScan(store: AuditStore, scanId: string): Promise<ScanDiff> {
  const all = await completedScans(store);
  const scans = ofAccount(all, all[await positionOf(store, all, scanId)]!.accountId);
  const target = scans.findIndex((scan) => scan.id === scanId);
  return diffAt(store, scans, target - 1, target);
}

/**
 * `diff [BASE] [TARGET]`: the delta of TARGET against BASE and the completed scans of its account before it.
 * Without ids, the newest two completed scans of the newest scan's account; with one id, that scan against the
 * newest of its account.
 */
export async function diffScans(store: AuditStore, baseId?: string, targetId?: string): Promise<ScanDiff> {
  const all = await completedScans(store);
  const targetScan = targetId === undefined ? undefined : all[await positionOf(store, all, targetId)];
  const baseScan = baseId === undefined ? undefined : all[await positionOf(store, all, baseId)];
  const account = (baseScan ?? targetScan ?? all.at(-1))?.accountId;
  const scans = account === undefined ? [] : ofAccount(all, account);
  if (targetScan && baseScan && targetScan.accountId !== baseScan.accountId) {
    throw new UsageError(
      `scan ${baseScan.id} is of account ${baseScan.accountId} and scan ${targetScan.id} of account ${targetScan.accountId}: a diff compares scans of one account`,
    );
  }
  const target = targetId === undefined ? scans.length - 1 : scans.findIndex((scan) => scan.id === targetId);
  const base = baseId === undefined ? target - 1 : scans.findIndex((scan) => scan.id === baseId);
  if (target < 0 || base < 0) {
    const of = account === undefined ? '' : ` of account ${account}`;
    throw new UsageError(`the history has ${scans.length} completed scan(s)${of}; a diff needs two`);
  }
  if (base >= target) {
    throw new UsageError(`scan ${scans[base]?.id} is not older than scan ${scans[target]?.id}: give the older scan first`);
  }
  return diffAt(store, scans, base, target);
}
