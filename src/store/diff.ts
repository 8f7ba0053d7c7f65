// Deltas read from the store: the history of completed scans folded oldest first, then the target scan. `diff`
// also lists what changed for each finding between the two scans, beyond the failures' lifecycle: a new error,
// an error cleared, a status or severity that moved.
import { UsageError } from '../errors.js';
import { SEVERITIES, type DeltaKind, type Finding, type FindingResource, type FindingStatus, type Severity } from '../findings/types.js';
import { computeDelta, emptyHistory, foldScan, scopeChecker, type Delta, type ScanSnapshot } from './delta.js';
import type { AuditStore, CompletedScanRecord } from './store.js';

export interface ScanDiff {
  base: CompletedScanRecord | null;
  target: CompletedScanRecord;
  delta: Delta;
}

/** What happened to a finding between the two scans, in the order `diff` lists them: regressions first. */
export const CHANGE_KINDS = [
  'new-failure',
  'reopened',
  'new-error',
  'severity-change',
  'status-change',
  'not-assessed',
  'error-cleared',
  'fixed',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A finding as one scan reported it. */
export interface FindingState {
  status: FindingStatus;
  severity: Severity;
}

export interface FindingChange {
  change: ChangeKind;
  findingId: string;
  ruleId: string;
  title: string;
  /** as reported by the target, or as last reported */
  severity: Severity;
  resource: Pick<FindingResource, 'id' | 'type' | 'region'>;
  /** as the base scan reported it; null when it did not */
  from: FindingState | null;
  /** as the target scan reported it; null when it did not */
  to: FindingState | null;
}

export interface ScanChanges extends ScanDiff {
  changes: FindingChange[];
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
): Promise<{ diff: ScanDiff; baseFindings: readonly Finding[] }> {
  const target = scans[targetIndex] as CompletedScanRecord;
  // the base and every completed scan before it make the history (reopened needs more than one scan back);
  // one scan's findings in memory at a time
  let history = emptyHistory();
  let base: ScanSnapshot | undefined;
  for (const scan of scans.slice(0, baseIndex + 1)) {
    base = await snapshotOf(store, scan);
    history = foldScan(history, base);
  }
  return {
    diff: { base: scans[baseIndex] ?? null, target, delta: computeDelta(history, await snapshotOf(store, target)) },
    baseFindings: base?.findings ?? [],
  };
}

const stateOf = (finding: Finding | undefined): FindingState | null => (finding ? { status: finding.status, severity: finding.severity } : null);

/**
 * The change of one finding. The failures' lifecycle decides first (the delta: new, reopened, resolved, an error
 * never resolving a failure); the statuses the two scans reported decide the rest.
 */
function changeOf(kind: DeltaKind | undefined, from: FindingState | null, to: FindingState | null, assessedNow: boolean): ChangeKind | undefined {
  if (kind === 'new') return 'new-failure';
  if (kind === 'reopened') return 'reopened';
  if (kind === 'resolved') return 'fixed';
  if (to === null) {
    if (from === null) return undefined;
    // gone from a scan that did not look there: nothing is known, least of all that it passes
    if (!assessedNow) return from.status === 'pass' ? undefined : 'not-assessed';
    // gone from a scan that looked: a failure would be resolved above, a pass or a mute has nothing to say
    return from.status === 'error' ? 'error-cleared' : undefined;
  }
  if (from === null) return to.status === 'error' ? 'new-error' : undefined;
  if (from.status === to.status) return from.severity === to.severity ? undefined : 'severity-change';
  if (to.status === 'error') return 'new-error';
  if (from.status === 'error') return 'error-cleared';
  return 'status-change';
}

function changeOrder(a: FindingChange, b: FindingChange): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    CHANGE_KINDS.indexOf(a.change) - CHANGE_KINDS.indexOf(b.change) ||
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    text(a.ruleId, b.ruleId) ||
    text(a.resource.region, b.resource.region) ||
    text(a.resource.id, b.resource.id)
  );
}

/** Every finding that changed between the base scan and the target, regressions first, then by severity. */
function changesOf(diff: ScanDiff, baseFindings: readonly Finding[]): FindingChange[] {
  const before = new Map(baseFindings.map((finding) => [finding.id, finding]));
  const assessed = scopeChecker(diff.target.coverage);
  const changes: FindingChange[] = [];
  const add = (findingId: string, kind: ChangeKind | undefined, shown: Finding, from: Finding | undefined, to: Finding | undefined) => {
    if (!kind) return;
    const { id, type, region } = shown.resource;
    changes.push({
      change: kind,
      findingId,
      ruleId: shown.ruleId,
      title: shown.title,
      severity: shown.severity,
      resource: { id, type, region },
      from: stateOf(from),
      to: stateOf(to),
    });
  };
  for (const entry of diff.delta.entries) {
    const from = before.get(entry.findingId);
    before.delete(entry.findingId);
    const to = entry.reported ? entry.finding : undefined;
    add(entry.findingId, changeOf(entry.kind, stateOf(from), stateOf(to), assessed(entry.finding)), entry.finding, from, to);
  }
  // reported by the base only, and not failing: the delta has nothing to say about them
  for (const [findingId, from] of before) add(findingId, changeOf(undefined, stateOf(from), null, assessed(from)), from, from, undefined);
  return changes.sort(changeOrder);
}

/** The delta of a completed scan against every completed scan before it (the one `scan --store` reports). */
export async function deltaForScan(store: AuditStore, scanId: string): Promise<ScanDiff> {
  const all = await completedScans(store);
  const scans = ofAccount(all, all[await positionOf(store, all, scanId)]!.accountId);
  const target = scans.findIndex((scan) => scan.id === scanId);
  return (await diffAt(store, scans, target - 1, target)).diff;
}

/**
 * `diff [BASE] [TARGET]`: the delta of TARGET against BASE and the completed scans of its account before it.
 * Without ids, the newest two completed scans of the newest scan's account; with one id, that scan against the
 * newest of its account. With the changes of every finding between the two.
 */
export async function diffScans(store: AuditStore, baseId?: string, targetId?: string): Promise<ScanChanges> {
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
  const { diff, baseFindings } = await diffAt(store, scans, base, target);
  return { ...diff, changes: changesOf(diff, baseFindings) };
}
