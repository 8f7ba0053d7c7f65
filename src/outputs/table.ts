// The terminal view: findings grouped by duty, then severity, with counts. Passing findings are counted
// but listed only on request, so a clean account prints a short table.
import { DUTIES } from '../findings/duties.js';
import { SEVERITIES } from '../findings/types.js';
import type { Finding, FindingStatus, Report } from '../findings/types.js';
import { STATUS_DISPLAY_ORDER } from './format.js';
import type { Format, RenderOptions } from './format.js';

const ANSI = { red: 31, green: 32, yellow: 33, gray: 90, bold: 1 } as const;
type Style = keyof typeof ANSI;

const STATUS_STYLE: Record<FindingStatus, Style> = { fail: 'red', pass: 'green', error: 'yellow', muted: 'gray' };

// Cloud-side text (names, reasons) could carry escape sequences that rewrite the user's terminal.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;
const plain = (text: string): string => text.replace(CONTROL_CHARS, ' ');

function painter(color: boolean | undefined): (style: Style, text: string) => string {
  return color ? (style, text) => `\u001b[${ANSI[style]}m${text}\u001b[0m` : (_style, text) => text;
}

function countLine(findings: readonly Finding[]): string {
  return STATUS_DISPLAY_ORDER.map((status) => [status, findings.filter((f) => f.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${status} ${count}`)
    .join(' · ');
}

function renderTable(report: Report, options: RenderOptions = {}): string {
  const paint = painter(options.color);
  const { scan, summary } = report;
  const listed = report.findings.filter((f) => options.includePass || f.status !== 'pass');
  const resourceWidth = Math.max(8, ...listed.map((f) => plain(f.resource.id).length));
  const regionWidth = Math.max(6, ...listed.map((f) => (f.resource.region ?? 'global').length));
  const lines = [
    paint('bold', `alicloud-audit · account ${plain(scan.accountId)} · ${scan.regions.length} region(s) · ${scan.finishedAt} (${scan.source})`),
    `Findings: ${STATUS_DISPLAY_ORDER.map((s) => paint(STATUS_STYLE[s], `${s} ${summary.byStatus[s]}`)).join(' · ')}`,
    `Failing by severity: ${SEVERITIES.map((s) => `${s} ${summary.failBySeverity[s]}`).join(' · ')}`,
  ];
  if (scan.incomplete) lines.push(paint('yellow', 'INCOMPLETE: part of the account could not be assessed (see gaps below).'));

  for (const duty of DUTIES) {
    const findings = report.findings.filter((f) => f.duty === duty.id);
    if (findings.length === 0) continue;
    lines.push('', `${paint('bold', duty.id)}  ${duty.title}  [${countLine(findings)}]`);
    for (const severity of SEVERITIES) {
      const rows = listed.filter((f) => f.duty === duty.id && f.severity === severity);
      if (rows.length === 0) continue;
      lines.push(`  ${severity.toUpperCase()} (${rows.length})`);
      for (const f of rows) {
        const status = paint(STATUS_STYLE[f.status], f.status.toUpperCase().padEnd(5));
        const region = (f.resource.region ?? 'global').padEnd(regionWidth);
        lines.push(`    ${status}  ${plain(f.resource.id).padEnd(resourceWidth)}  ${region}  ${plain(f.title)}`);
        if (f.reason) lines.push(paint('gray', `           ↳ ${plain(f.reason)}`));
      }
    }
  }

  const unassessed = report.coverage.duties.filter((d) => d.state === 'not-assessed').map((d) => d.duty);
  if (unassessed.length > 0) lines.push('', `Not assessed: ${unassessed.join(', ')}`);
  const { gaps } = report.coverage;
  if (gaps.length > 0) {
    lines.push('', paint('yellow', `Collection gaps (${gaps.length}):`));
    for (const gap of gaps) {
      lines.push(`  ${gap.ramAction} in ${gap.region ?? 'global'}: ${gap.kind} (${plain(gap.code)}) ${plain(gap.message)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export const table: Format = { extension: 'txt', mediaType: 'text/plain', render: renderTable };
