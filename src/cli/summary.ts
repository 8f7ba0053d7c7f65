// The few lines a person reads after a scan whose report went to a file.
import type { ReportHead } from '../findings/types.js';
import { SEVERITIES } from '../findings/types.js';

export function printSummary(report: ReportHead, files: string[], out: NodeJS.WritableStream): void {
  const { scan, summary, coverage } = report;
  const failing = SEVERITIES.filter((severity) => summary.failBySeverity[severity] > 0)
    .map((severity) => `${summary.failBySeverity[severity]} ${severity}`)
    .join(', ');
  const assessed = coverage.duties.filter((duty) => duty.state !== 'not-assessed').length;
  const lines = [
    `alicloud-audit: account ${scan.accountId} (${scan.source}), ${scan.regions.length} region(s), ${scan.apiCalls} API calls`,
    `  findings: ${summary.byStatus.fail} fail${failing ? ` (${failing})` : ''}, ${summary.byStatus.pass} pass, ` +
      `${summary.byStatus.error} error, ${summary.byStatus.muted} muted`,
    `  duties: ${assessed} of ${coverage.duties.length} assessed` +
      (coverage.gaps.length > 0 ? `; ${coverage.gaps.length} collection gap(s): the scan is incomplete` : ''),
    ...files.map((file) => `  report: ${file}`),
  ];
  out.write(`${lines.join('\n')}\n`);
}
