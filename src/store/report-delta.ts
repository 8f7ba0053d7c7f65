// A scan's delta as the report carries it (`report.delta`): what every format and sink reads.
import { REPORT_SCHEMA_VERSION, type Report, type ReportDelta } from '../findings/types.js';
import type { ScanDiff } from './diff.js';
import type { AuditStore, CompletedScanRecord } from './store.js';

export function reportDelta(diff: ScanDiff): ReportDelta {
  return {
    baseScanId: diff.base?.id ?? null,
    counts: { ...diff.delta.counts },
    entries: diff.delta.entries.map((entry) => ({
      findingId: entry.findingId,
      kind: entry.kind,
      previous: entry.previous,
      seen: entry.seen,
      failing: entry.failing,
      firstSeen: entry.firstSeen,
      lastSeen: entry.lastSeen,
      ...(entry.reported ? {} : { lastReported: entry.finding }),
    })),
  };
}

/** A completed scan rebuilt as a report from the store (for `diff`), without the delta. */
export async function storedReport(store: AuditStore, scan: CompletedScanRecord): Promise<Report> {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    scan: {
      id: scan.id,
      startedAt: scan.startedAt,
      finishedAt: scan.finishedAt,
      accountId: scan.accountId,
      regions: scan.coverage.regions,
      source: scan.source ?? 'live',
      toolVersion: scan.toolVersion ?? 'unknown',
      apiCalls: scan.apiCalls ?? 0,
      incomplete: scan.incomplete ?? false,
    },
    summary: scan.summary,
    coverage: { duties: scan.coverage.duties, gaps: scan.coverage.gaps },
    findings: await store.findingsFor(scan.id),
  };
}
