// Deltas per finding id between completed scans. Deltas concern the `fail` status, and they are safe: only a
// scan that actually assessed a finding can resolve it.
//
// What a completed scan observes about a finding id:
//   fail     reported `fail` (or muted with mutedStatus `fail`: muting hides a finding, it does not fix it)
//   pass     reported `pass` (or muted `pass`), or not reported although the scan assessed its scope: the rule
//            ran, the finding's region was scanned, and no collection gap covers its resource type there
//   unknown  reported `error` (or muted without an assessed status), or not reported and its scope not assessed
// `previous` is the latest fail/pass observation in the earlier completed scans; unknown ones are skipped, so an
// error between two failures neither resolves nor reopens anything. `firstSeen` / `lastSeen` are the first and
// the latest scan that observed the finding failing (the scan's finishedAt).
//
//   observed  previous             kind
//   fail      fail                 unchanged  (still failing)
//   fail      pass, failed before  reopened   (failed, then passed or vanished, now fails again)
//   fail      anything else        new
//   pass      fail                 resolved
//   pass      pass or none         unchanged
//   unknown   any                  unchanged  (still failing when previous is fail: an error is never resolved)
//
// Entries cover every finding the current scan reported, and every earlier failure it did not report (resolved
// when its scope was assessed, otherwise unchanged and still failing).
import { GLOBAL_REGION, type DeltaKind, type Finding } from '../findings/types.js';
import type { ScanCoverage } from './store.js';

export type Observation = 'fail' | 'pass' | 'unknown';
type Assessed = Exclude<Observation, 'unknown'>;

/** One completed scan, as deltas see it. */
export interface ScanSnapshot {
  scanId: string;
  finishedAt: string;
  findings: readonly Finding[];
  coverage: ScanCoverage;
}

/** Everything the earlier scans said about one finding id. */
export interface FindingTrack {
  /** the finding as last reported */
  finding: Finding;
  /** latest fail/pass observation, null when never assessed */
  lastAssessed: Assessed | null;
  /** first and latest scan that observed it failing, null when it never failed */
  firstSeen: string | null;
  lastSeen: string | null;
}

export type FindingHistory = ReadonlyMap<string, FindingTrack>;

export interface DeltaEntry {
  findingId: string;
  kind: DeltaKind;
  observed: Observation;
  /** false when the current scan did not report the finding */
  reported: boolean;
  previous: Assessed | null;
  /** an earlier completed scan reported it, whatever its status (an `error` too) */
  seen: boolean;
  /** the finding is taken to be failing after this scan (an open issue) */
  failing: boolean;
  firstSeen: string | null;
  lastSeen: string | null;
  /** as reported now, or as last reported when the current scan did not report it */
  finding: Finding;
}

export interface Delta {
  scanId: string;
  entries: DeltaEntry[];
  counts: Record<DeltaKind, number>;
}

function reportedObservation(finding: Finding): Observation {
  const assessed = finding.status === 'muted' ? finding.mutedStatus : finding.status;
  return assessed === 'fail' || assessed === 'pass' ? assessed : 'unknown';
}

/** Whether a scan would have reported this finding had it still existed. */
export function scopeChecker(coverage: ScanCoverage): (finding: Finding) => boolean {
  const rules = new Set(coverage.rules);
  const regions = new Set(coverage.regions);
  return (finding) => {
    const { region, type, id } = finding.resource;
    if (!rules.has(finding.ruleId)) return false;
    const global = region === GLOBAL_REGION;
    if (!global && !regions.has(region)) return false;
    return !coverage.gaps.some(
      (gap) =>
        gap.resourceTypes.includes(type) &&
        (gap.region === null || global || gap.region === region) &&
        (gap.resourceId === undefined || gap.resourceId === id),
    );
  };
}

function kindOf(observed: Observation, track: FindingTrack | undefined): DeltaKind {
  const previous = track?.lastAssessed ?? null;
  if (observed === 'fail') {
    if (previous === 'fail') return 'unchanged';
    return track?.firstSeen ? 'reopened' : 'new';
  }
  return observed === 'pass' && previous === 'fail' ? 'resolved' : 'unchanged';
}

interface Step {
  entry: DeltaEntry | undefined;
  track: FindingTrack;
}

function step(
  track: FindingTrack | undefined,
  finding: Finding,
  observed: Observation,
  reported: boolean,
  at: string,
): Step {
  const previous = track?.lastAssessed ?? null;
  const failedNow = observed === 'fail';
  const next: FindingTrack = {
    finding,
    lastAssessed: observed === 'unknown' ? previous : observed,
    firstSeen: track?.firstSeen ?? (failedNow ? at : null),
    lastSeen: failedNow ? at : (track?.lastSeen ?? null),
  };
  // a finding that is gone and was not failing has nothing to say
  const entry: DeltaEntry | undefined =
    reported || previous === 'fail'
      ? {
          findingId: finding.id,
          kind: kindOf(observed, track),
          observed,
          reported,
          previous,
          seen: track !== undefined,
          failing: failedNow || (observed === 'unknown' && previous === 'fail'),
          firstSeen: next.firstSeen,
          lastSeen: next.lastSeen,
          finding,
        }
      : undefined;
  return { entry, track: next };
}

function* steps(history: FindingHistory, snapshot: ScanSnapshot): Generator<Step> {
  const inScope = scopeChecker(snapshot.coverage);
  const reported = new Set<string>();
  for (const finding of snapshot.findings) {
    reported.add(finding.id);
    yield step(history.get(finding.id), finding, reportedObservation(finding), true, snapshot.finishedAt);
  }
  for (const [id, track] of history) {
    if (reported.has(id)) continue;
    const observed: Observation = inScope(track.finding) ? 'pass' : 'unknown';
    yield step(track, track.finding, observed, false, snapshot.finishedAt);
  }
}

export const emptyHistory = (): FindingHistory => new Map();

/** The history after one more completed scan. */
export function foldScan(history: FindingHistory, snapshot: ScanSnapshot): FindingHistory {
  const next = new Map<string, FindingTrack>();
  for (const { track } of steps(history, snapshot)) next.set(track.finding.id, track);
  return next;
}

/** Fold completed scans, oldest first. */
export function buildHistory(snapshots: Iterable<ScanSnapshot>): FindingHistory {
  let history = emptyHistory();
  for (const snapshot of snapshots) history = foldScan(history, snapshot);
  return history;
}

/** The delta of `current` against the history of the completed scans before it. */
export function computeDelta(history: FindingHistory, current: ScanSnapshot): Delta {
  const counts: Record<DeltaKind, number> = { new: 0, resolved: 0, reopened: 0, unchanged: 0 };
  const entries: DeltaEntry[] = [];
  for (const { entry } of steps(history, current)) {
    if (!entry) continue;
    entries.push(entry);
    counts[entry.kind]++;
  }
  entries.sort((a, b) => (a.findingId < b.findingId ? -1 : a.findingId > b.findingId ? 1 : 0));
  return { scanId: current.scanId, entries, counts };
}
