// The terminal view. By default one block per rule, most severe first, with its counts and its first few
// resources ("and 1,234 more"), so a large account prints a page, not 75,000 lines; `detail` lists every
// finding on its own line, grouped by duty and severity. Passing findings are counted but listed only on
// request, so a clean account prints a short table.
import { DUTIES } from '../findings/duties.js';
import { SEVERITIES } from '../findings/types.js';
import type { Finding, FindingStatus, Report } from '../findings/types.js';
import { regionOf, rulesByUrgency, type RuleGroup } from './by-rule.js';
import { DEFAULT_MAX_RESOURCES, STATUS_DISPLAY_ORDER } from './format.js';
import type { Format, RenderOptions } from './format.js';

const ANSI = { red: 31, green: 32, yellow: 33, gray: 90, bold: 1 } as const;
type Style = keyof typeof ANSI;

const STATUS_STYLE: Record<FindingStatus, Style> = { fail: 'red', pass: 'green', error: 'yellow', muted: 'gray' };

// Cloud-side text (names, reasons) could carry escape sequences that rewrite the user's terminal.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;
export const plain = (text: string): string => text.replace(CONTROL_CHARS, ' ');

function painter(color: boolean | undefined): (style: Style, text: string) => string {
  return color ? (style, text) => `\u001b[${ANSI[style]}m${text}\u001b[0m` : (_style, text) => text;
}

function countLine(findings: readonly Finding[]): string {
  return STATUS_DISPLAY_ORDER.map((status) => [status, findings.filter((f) => f.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${status} ${count}`)
    .join(' · ');
}

type Paint = ReturnType<typeof painter>;
const count = (n: number): string => n.toLocaleString('en-US');

/** The widest of these texts, at least `min` (a loop: spreading 100,000 findings into Math.max overflows the stack). */
function widest(findings: readonly Finding[], text: (f: Finding) => string, min: number): number {
  let width = min;
  for (const f of findings) width = Math.max(width, text(f).length);
  return width;
}
const resourceText = (f: Finding): string => plain(f.resource.id);

/** `ruleWidth`: the rule id and title follow (--detail: the rule id is what mutes and `rules show` take). */
function findingLines(f: Finding, paint: Paint, resourceWidth: number, regionWidth: number, indent: string, ruleWidth?: number): string[] {
  const status = paint(STATUS_STYLE[f.status], f.status.toUpperCase().padEnd(5));
  const region = regionOf(f).padEnd(regionWidth);
  const title = ruleWidth === undefined ? '' : `  ${plain(f.ruleId).padEnd(ruleWidth)}  ${plain(f.title)}`;
  const lines = [`${indent}${status}  ${plain(f.resource.id).padEnd(resourceWidth)}  ${region}${title}`.trimEnd()];
  if (f.reason) lines.push(paint('gray', `${indent}       ↳ ${plain(f.reason)}`));
  return lines;
}

/** Every finding on its own line, by duty, then severity. */
function detailLines(report: Report, listed: readonly Finding[], paint: Paint): string[] {
  const resourceWidth = widest(listed, resourceText, 8);
  const regionWidth = widest(listed, regionOf, 6);
  const ruleWidth = widest(listed, (f) => plain(f.ruleId), 4);
  const lines: string[] = [];
  for (const duty of DUTIES) {
    const findings = report.findings.filter((f) => f.duty === duty.id);
    if (findings.length === 0) continue;
    lines.push('', `${paint('bold', duty.id)}  ${duty.title}  [${countLine(findings)}]`);
    for (const severity of SEVERITIES) {
      const rows = listed.filter((f) => f.duty === duty.id && f.severity === severity);
      if (rows.length === 0) continue;
      lines.push(`  ${severity.toUpperCase()} (${rows.length})`);
      for (const f of rows) lines.push(...findingLines(f, paint, resourceWidth, regionWidth, '    ', ruleWidth));
    }
  }
  return lines;
}

function groupCounts(group: RuleGroup): string {
  return STATUS_DISPLAY_ORDER.map((status, index) => [status, group.counts[index] ?? 0] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${status} ${count(n)}`)
    .join(' · ');
}

/** One block per rule, by severity: the rule, its counts, its first `max` resources. */
function ruleLines(report: Report, options: RenderOptions, paint: Paint): string[] {
  const max = options.maxResources ?? DEFAULT_MAX_RESOURCES;
  const groups = rulesByUrgency(report.findings);
  // rulesByUrgency puts failing rules first; a stable sort by severity keeps that order within a severity
  const bySeverity = [...groups].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const listedOf = (group: RuleGroup): Finding[] => (options.includePass ? group.findings : group.findings.filter((f) => f.status !== 'pass'));
  const shown = bySeverity.map((group) => ({ group, listed: listedOf(group) })).filter(({ listed }) => listed.length > 0);
  const firsts = shown.flatMap(({ listed }) => listed.slice(0, max));
  const resourceWidth = widest(firsts, resourceText, 8);
  const regionWidth = widest(firsts, regionOf, 6);
  const lines: string[] = [];
  let severity: string | undefined;
  for (const { group, listed } of shown) {
    if (group.severity !== severity) {
      severity = group.severity;
      lines.push('', paint('bold', severity.toUpperCase()));
    }
    const { rule } = group;
    lines.push(`  ${paint('bold', plain(rule.ruleId))}  ${plain(rule.title)}  [${groupCounts(group)}]  ${plain(rule.duty)}`);
    for (const f of listed.slice(0, max)) lines.push(...findingLines(f, paint, resourceWidth, regionWidth, '    '));
    if (listed.length > max) lines.push(paint('gray', `    and ${count(listed.length - max)} more`));
  }
  const quiet = groups.filter((group) => listedOf(group).length === 0);
  if (quiet.length > 0) {
    lines.push('', `Passing rules (${quiet.length}): ${quiet.map((group) => `${plain(group.rule.ruleId)} (${count(group.counts[3] ?? 0)})`).join(', ')}`);
  }
  return lines;
}

function renderTable(report: Report, options: RenderOptions = {}): string {
  const paint = painter(options.color);
  const { scan, summary } = report;
  let lines = [
    paint('bold', `alicloud-audit · account ${plain(scan.accountId)} · ${scan.regions.length} region(s) · ${scan.finishedAt} (${scan.source})`),
    `Findings: ${STATUS_DISPLAY_ORDER.map((s) => paint(STATUS_STYLE[s], `${s} ${count(summary.byStatus[s])}`)).join(' · ')}`,
    `Failing by severity: ${SEVERITIES.map((s) => `${s} ${count(summary.failBySeverity[s])}`).join(' · ')}`,
  ];
  if (scan.incomplete) lines.push(paint('yellow', 'INCOMPLETE: part of the account could not be assessed (see gaps below).'));
  // concat, not push(...): a spread of 100,000 lines overflows the stack
  const body = options.detail
    ? detailLines(report, report.findings.filter((f) => options.includePass || f.status !== 'pass'), paint)
    : ruleLines(report, options, paint);
  lines = lines.concat(body);

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
