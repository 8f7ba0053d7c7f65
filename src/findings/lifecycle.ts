// The OCSF lifecycle of a finding across scans, for the OCSF formatter to take as an option: activity 1 Create
// when a failure appears (new or reopened) or the history meets a finding for the first time, 2 Update while
// nothing changed (still failing, still passing, still not assessable: an `error` reported by an earlier scan is
// already in the SIEM, so it is not created again every run), 3 Close with finding status 4 Resolved when a
// failure is fixed.
import type { FindingLifecycle } from './types.js';

/** What the lifecycle depends on: a store DeltaEntry or a report's delta entry. */
export type LifecycleFacts = Pick<FindingLifecycle, 'findingId' | 'kind' | 'seen' | 'firstSeen' | 'lastSeen'>;

export interface OcsfLifecycle {
  activityId: 1 | 2 | 3;
  activityName: 'Create' | 'Update' | 'Close';
  /** overrides the finding status; set only on Close */
  status?: { id: 4; name: 'Resolved' };
  /** finding_info.first_seen_time / last_seen_time, epoch milliseconds; absent when it never failed */
  firstSeenTime?: number;
  lastSeenTime?: number;
}

const CREATE = { activityId: 1, activityName: 'Create' } as const;
const UPDATE = { activityId: 2, activityName: 'Update' } as const;
const CLOSE = { activityId: 3, activityName: 'Close', status: { id: 4, name: 'Resolved' } } as const;

function activityOf(entry: LifecycleFacts): Pick<OcsfLifecycle, 'activityId' | 'activityName' | 'status'> {
  switch (entry.kind) {
    case 'new':
    case 'reopened':
      return CREATE;
    case 'resolved':
      return CLOSE;
    case 'unchanged':
      // the first time any scan reported this finding: nothing to update yet
      return entry.seen ? UPDATE : CREATE;
  }
}

export function lifecycleOf(entry: LifecycleFacts): OcsfLifecycle {
  return {
    ...activityOf(entry),
    ...(entry.firstSeen ? { firstSeenTime: Date.parse(entry.firstSeen) } : {}),
    ...(entry.lastSeen ? { lastSeenTime: Date.parse(entry.lastSeen) } : {}),
  };
}

/** Finding id -> lifecycle, the lookup a formatter needs. */
export function lifecycleIndex(entries: readonly LifecycleFacts[]): ReadonlyMap<string, OcsfLifecycle> {
  return new Map(entries.map((entry) => [entry.findingId, lifecycleOf(entry)]));
}

/** What a sink told to send only changes sends: failures that appeared, reappeared or were fixed. */
export function isChange(entry: Pick<LifecycleFacts, 'kind'>): boolean {
  return entry.kind !== 'unchanged';
}
