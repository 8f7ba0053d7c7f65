// What a person reads on stderr after a scan: a few lines on a terminal, one line otherwise (a CI log), always
// saying where the report went. stdout carries only the report.
import type { ReportHead } from '../findings/types.js';
import { SEVERITIES } from '../findings/types.js';

function failingBySeverity(report: ReportHead): string {
  const { failBySeverity } = report.summary;
  return SEVERITIES.filter((severity) => failBySeverity[severity] > 0)
    .map((severity) => `${failBySeverity[severity]} ${severity}`)
    .join(', ');
}

/** `destinations`: the files written, or "stdout". */
export function printSummary(report: ReportHead, destinations: string[], out: NodeJS.WritableStream): void {
  const { scan, summary, coverage } = report;
  const failing = failingBySeverity(report);
  const assessed = coverage.duties.filter((duty) => duty.state !== 'not-assessed').length;
  const lines = [
    `alicloud-audit: account ${scan.accountId} (${scan.source}), ${scan.regions.length} region(s), ${scan.apiCalls} API calls`,
    `  findings: ${summary.byStatus.fail} fail${failing ? ` (${failing})` : ''}, ${summary.byStatus.pass} pass, ` +
      `${summary.byStatus.error} error, ${summary.byStatus.muted} muted`,
    `  duties: ${assessed} of ${coverage.duties.length} assessed` +
      (coverage.gaps.length > 0 ? `; ${coverage.gaps.length} collection gap(s): the scan is incomplete` : ''),
    ...destinations.map((destination) => `  report: ${destination}`),
  ];
  out.write(`${lines.join('\n')}\n`);
}

/** The summary as one line, for a stderr that is not a terminal. */
export function summaryLine(report: ReportHead, destinations: string[]): string {
  const { scan, summary } = report;
  const failingText = failingBySeverity(report);
  return (
    `alicloud-audit: account ${scan.accountId} (${scan.source}): ${summary.byStatus.fail} fail${failingText ? ` (${failingText})` : ''}, ` +
    `${summary.byStatus.pass} pass, ${summary.byStatus.error} error, ${summary.byStatus.muted} muted` +
    `${scan.incomplete ? ', incomplete' : ''}; report: ${destinations.join(', ')}\n`
  );
}
