// What a report delivers beyond its own findings, from its delta: the failures fixed by disappearing, and the
// selection a sink told to send only changes gets. The OCSF formatter and every sink read these.
import { isChange } from './lifecycle.js';
import type { Finding, ReportDelta, StreamedReport } from './types.js';

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
