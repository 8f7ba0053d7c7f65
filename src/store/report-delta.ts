// A scan's delta as the report carries it (`report.delta`): what every format and sink reads.
import { REPORT_SCHEMA_VERSION, type Finding, type Report, type ReportDelta, type StreamedReport } from '../findings/types.js';
import type { ScanDiff } from './diff.js';
import { isChange } from './lifecycle.js';
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

/**
 * Failures fixed by disappearing: the scan assessed their scope (the rule ran, the region was scanned, nothing
 * was missing) and did not report them, so it has no finding of its own for them. They come back as last
 * reported with status `pass`, which is what the delta established, so that a SIEM can close them.
 */
export function vanishedResolved(delta: ReportDelta | undefined): Finding[] {
  return (delta?.entries ?? []).flatMap((entry) => {
    if (entry.kind !== 'resolved' || !entry.lastReported) return [];
    const { mutedStatus: _muted, reason: _reason, ...finding } = entry.lastReported;
    return [{ ...finding, status: 'pass' as const, evidence: `no longer found by a scan that assessed its scope (last failing ${entry.lastSeen ?? 'earlier'})` }];
  });
}

/**
 * What a sink sends for a report: every finding plus the failures fixed by disappearing, or, for a sink told to
 * send only changes, those that appeared, reappeared or were fixed.
 */
export function* deliverableFindings(report: StreamedReport, changesOnly = false): Generator<Finding> {
  const changed = changesOnly ? new Set((report.delta?.entries ?? []).filter(isChange).map((entry) => entry.findingId)) : undefined;
  for (const finding of report.findings) if (!changed || changed.has(finding.id)) yield finding;
  for (const finding of vanishedResolved(report.delta)) if (!changed || changed.has(finding.id)) yield finding;
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
