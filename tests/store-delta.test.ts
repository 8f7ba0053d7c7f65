import { describe, expect, it } from 'vitest';
import type { CollectionGap } from '../src/inventory/types.js';
import type { Finding, FindingStatus, Report } from '../src/findings/types.js';
import { buildHistory, computeDelta, type DeltaEntry, type ScanSnapshot } from '../src/store/delta.js';
import { deltaForScan } from '../src/store/diff.js';
import { isChange, lifecycleOf } from '../src/findings/lifecycle.js';
import { scanCoverage } from '../src/store/store.js';
import { freshBoxPerTest, STORE_KINDS } from './helpers/stores.js';
import { finding, gap, report } from './store-fixtures.js';

// One finding (rule r1 on sg-1) through a sequence of scans: a status, `muted:<status>`, or absent.
type Seen = FindingStatus | 'muted:fail' | 'muted:pass' | 'absent';
interface ScanCase {
  seen: Seen;
  regions?: readonly string[];
  rules?: readonly string[];
  gaps?: readonly CollectionGap[];
}

const times = ['2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z', '2026-11-03T00:00:00.000Z', '2026-11-04T00:00:00.000Z'];

function findingFor(seen: Exclude<Seen, 'absent'>): Finding {
  if (seen.startsWith('muted:')) {
    return finding('r1', 'sg-1', 'muted', { mutedStatus: seen.slice(6) as 'fail' | 'pass', reason: 'accepted' });
  }
  return finding('r1', 'sg-1', seen as FindingStatus);
}

function reportOf(scan: ScanCase | Seen, index: number): Report {
  const { seen, regions, rules = ['r1', 'r2'], gaps }: ScanCase = typeof scan === 'string' ? { seen: scan } : scan;
  // another rule always reports, so a scan is never empty
  const findings = [finding('r2', 'sg-9', 'pass'), ...(seen === 'absent' ? [] : [findingFor(seen)])];
  return report({
    id: `scan-${index}`,
    finishedAt: times[index] as string,
    findings,
    rules: [...rules],
    ...(regions ? { regions: [...regions] } : {}),
    ...(gaps ? { gaps: [...gaps] } : {}),
  });
}

function snapshot(scan: ScanCase | Seen, index: number): ScanSnapshot {
  const built = reportOf(scan, index);
  return { scanId: built.scan.id, finishedAt: built.scan.finishedAt, findings: built.findings, coverage: scanCoverage(built) };
}

function deltaOf(scans: readonly (ScanCase | Seen)[]): DeltaEntry | undefined {
  const snapshots = scans.map(snapshot);
  const current = snapshots.pop() as ScanSnapshot;
  return computeDelta(buildHistory(snapshots), current).entries.find((entry) => entry.finding.ruleId === 'r1');
}

const [t0, t1, t2, t3] = times;

const CASES = [
  // first scans
  { name: 'a first failure is new', scans: ['fail'], kind: 'new', failing: true, first: t0, last: t0 },
  { name: 'a first pass is unchanged', scans: ['pass'], kind: 'unchanged', failing: false, first: null, last: null },
  { name: 'a pass that stays a pass is unchanged', scans: ['pass', 'pass'], kind: 'unchanged', failing: false, first: null, last: null },
  { name: 'a failure after passes is new', scans: ['pass', 'fail'], kind: 'new', failing: true, first: t1, last: t1 },
  // still failing
  { name: 'a failure that stays is unchanged', scans: ['fail', 'fail'], kind: 'unchanged', failing: true, first: t0, last: t1 },
  { name: 'an error between failures changes nothing', scans: ['fail', 'error', 'fail'], kind: 'unchanged', failing: true, first: t0, last: t2 },
  // resolved, and what is not resolved
  { name: 'a failure that passes is resolved', scans: ['fail', 'pass'], kind: 'resolved', failing: false, first: t0, last: t0 },
  { name: 'an error after a failure is not resolved', scans: ['fail', 'error'], kind: 'unchanged', failing: true, first: t0, last: t0 },
  { name: 'an error after a failure, then a pass, resolves', scans: ['fail', 'error', 'pass'], kind: 'resolved', failing: false, first: t0, last: t0 },
  { name: 'a failure gone from an assessed scope is resolved', scans: ['fail', 'absent'], kind: 'resolved', failing: false, first: t0, last: t0 },
  {
    name: 'a failure gone from an unscanned region is not resolved',
    scans: ['fail', { seen: 'absent', regions: ['cn-shanghai'] }],
    kind: 'unchanged',
    failing: true,
    first: t0,
    last: t0,
  },
  {
    name: 'a failure gone when its rule did not run is not resolved',
    scans: ['fail', { seen: 'absent', rules: ['r2'] }],
    kind: 'unchanged',
    failing: true,
    first: t0,
    last: t0,
  },
  {
    name: 'a failure gone behind a collection gap is not resolved',
    scans: ['fail', { seen: 'absent', gaps: [gap(['ecs.security-group'])] }],
    kind: 'unchanged',
    failing: true,
    first: t0,
    last: t0,
  },
  {
    name: 'a failure gone behind a global gap of its type is not resolved',
    scans: ['fail', { seen: 'absent', gaps: [gap(['ecs.security-group'], null)] }],
    kind: 'unchanged',
    failing: true,
    first: t0,
    last: t0,
  },
  {
    name: 'a gap of another resource type does not stop a resolution',
    scans: ['fail', { seen: 'absent', gaps: [gap(['ecs.disk'])] }],
    kind: 'resolved',
    failing: false,
    first: t0,
    last: t0,
  },
  // reopened: failing now, failed before, passed or vanished in between
  { name: 'fail, pass, fail is reopened', scans: ['fail', 'pass', 'fail'], kind: 'reopened', failing: true, first: t0, last: t2 },
  { name: 'fail, absent, fail is reopened', scans: ['fail', 'absent', 'fail'], kind: 'reopened', failing: true, first: t0, last: t2 },
  { name: 'fail, pass, error, fail is reopened', scans: ['fail', 'pass', 'error', 'fail'], kind: 'reopened', failing: true, first: t0, last: t3 },
  {
    name: 'fail, unscanned, fail is unchanged',
    scans: ['fail', { seen: 'absent', regions: ['cn-shanghai'] }, 'fail'],
    kind: 'unchanged',
    failing: true,
    first: t0,
    last: t2,
  },
  // errors alone
  { name: 'a first error is unchanged and not failing', scans: ['error'], kind: 'unchanged', failing: false, first: null, last: null },
  { name: 'an error after a pass is unchanged', scans: ['pass', 'error'], kind: 'unchanged', failing: false, first: null, last: null },
  // muted: muting hides a finding, it does not fix it
  { name: 'a muted failure after a failure is unchanged', scans: ['fail', 'muted:fail'], kind: 'unchanged', failing: true, first: t0, last: t1 },
  { name: 'a muted pass after a failure is resolved', scans: ['fail', 'muted:pass'], kind: 'resolved', failing: false, first: t0, last: t0 },
  { name: 'unmuting a failure is not new', scans: ['muted:fail', 'fail'], kind: 'unchanged', failing: true, first: t0, last: t1 },
] as const;

describe('computeDelta', () => {
  it.each(CASES)('$name', ({ scans, kind, failing, first, last }) => {
    expect(deltaOf(scans)).toMatchObject({ kind, failing, firstSeen: first, lastSeen: last });
  });

  it('says nothing about a finding that passed and is gone', () => {
    expect(deltaOf(['pass', 'absent'])).toBeUndefined();
  });

  it('reports a resolved finding that is gone with its last known details', () => {
    const entry = deltaOf(['fail', 'absent']);
    expect(entry).toMatchObject({ reported: false, observed: 'pass', previous: 'fail' });
    expect(entry?.finding.status).toBe('fail');
  });

  it('counts the kinds and sorts the entries by finding id', () => {
    const previous = snapshot('fail', 0);
    const current: ScanSnapshot = {
      ...snapshot('pass', 1),
      findings: [finding('r2', 'sg-9', 'fail'), finding('r1', 'sg-1', 'pass'), finding('r1', 'sg-0', 'pass')],
    };
    const delta = computeDelta(buildHistory([previous]), current);
    expect(delta.counts).toEqual({ new: 1, resolved: 1, reopened: 0, unchanged: 1 });
    expect(delta.entries.map((entry) => entry.findingId)).toEqual([
      'r1:cn-hangzhou:sg-0',
      'r1:cn-hangzhou:sg-1',
      'r2:cn-hangzhou:sg-9',
    ]);
  });
});

describe('OCSF lifecycle', () => {
  it.each([
    { name: 'new', scans: ['fail'], activity: 1, status: undefined, change: true },
    { name: 'reopened', scans: ['fail', 'pass', 'fail'], activity: 1, status: undefined, change: true },
    { name: 'still failing', scans: ['fail', 'fail'], activity: 2, status: undefined, change: false },
    { name: 'still failing behind an error', scans: ['fail', 'error'], activity: 2, status: undefined, change: false },
    { name: 'resolved', scans: ['fail', 'pass'], activity: 3, status: { id: 4, name: 'Resolved' }, change: true },
    { name: 'first assessed as a pass', scans: ['pass'], activity: 1, status: undefined, change: false },
    { name: 'still passing', scans: ['pass', 'pass'], activity: 2, status: undefined, change: false },
    { name: 'a first error', scans: ['error'], activity: 1, status: undefined, change: false },
    // the same unreadable API every run is one SIEM finding, updated, not a new one each time
    { name: 'still an error', scans: ['error', 'error'], activity: 2, status: undefined, change: false },
    { name: 'still an error, for the third time', scans: ['error', 'error', 'error'], activity: 2, status: undefined, change: false },
    { name: 'a first pass after an error', scans: ['error', 'pass'], activity: 2, status: undefined, change: false },
    { name: 'an error after a pass', scans: ['pass', 'error'], activity: 2, status: undefined, change: false },
  ] as const)('$name', ({ scans, activity, status, change }) => {
    const entry = deltaOf(scans) as DeltaEntry;
    const lifecycle = lifecycleOf(entry);
    expect(lifecycle.activityId).toBe(activity);
    expect(lifecycle.activityName).toBe({ 1: 'Create', 2: 'Update', 3: 'Close' }[activity]);
    expect(lifecycle.status).toEqual(status);
    expect(isChange(entry)).toBe(change);
  });

  it('tells the delta whether an earlier scan reported the finding, an error included', () => {
    expect(deltaOf(['error'])).toMatchObject({ kind: 'unchanged', previous: null, seen: false });
    expect(deltaOf(['error', 'error'])).toMatchObject({ kind: 'unchanged', previous: null, seen: true });
    expect(deltaOf(['absent', 'error'])).toMatchObject({ seen: false });
  });

  it('carries first and last seen as epoch milliseconds', () => {
    const lifecycle = lifecycleOf(deltaOf(['fail', 'pass', 'fail']) as DeltaEntry);
    expect(lifecycle).toMatchObject({ firstSeenTime: Date.parse(t0 as string), lastSeenTime: Date.parse(t2 as string) });
  });
});

// The same scan sequences recorded in each store: the delta read back from the store is the one computed in
// memory, so SQLite and PostgreSQL give identical deltas.
describe.each(STORE_KINDS)('deltas recorded in the $name store', (kind) => {
  const box = freshBoxPerTest(kind);

  it.each(CASES)('$name', async ({ scans }) => {
    const store = await box().open();
    const reports = scans.map(reportOf);
    for (const built of reports) {
      await store.beginScan({ id: built.scan.id, startedAt: built.scan.startedAt });
      await store.completeScan(built.scan.id, built);
    }
    const last = reports.at(-1) as Report;
    const stored = await deltaForScan(store, last.scan.id);
    const snapshots = scans.map(snapshot);
    const current = snapshots.pop() as ScanSnapshot;
    expect(stored.delta).toEqual(computeDelta(buildHistory(snapshots), current));
  });
});
