// A single self-contained HTML page: duty scorecard, severity counts, an SVG chart and filterable findings.
// Every piece of report data goes through `escapeHtml`; the CSP admits only the page's own script and style.
import { createHash } from 'node:crypto';
import { DUTIES } from '../findings/duties.js';
import { SEVERITIES, STATUSES } from '../findings/types.js';
import type { DutyCoverage, Finding, FindingStatus, Report } from '../findings/types.js';
import { STATUS_DISPLAY_ORDER } from './format.js';
import type { Format } from './format.js';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

const STATUS_COLOR: Record<FindingStatus, string> = { fail: '#c62828', error: '#b26a00', muted: '#757575', pass: '#2e7d32' };
const regionOf = (finding: Finding): string => finding.resource.region ?? 'global';

function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
}

function cardClass(duty: DutyCoverage): string {
  if (duty.state === 'not-assessed') return 'na';
  if (duty.counts.fail > 0) return 'fail';
  if (duty.counts.error > 0) return 'error';
  return 'pass';
}

function scorecard(report: Report): string {
  const cards = report.coverage.duties.map((duty) => {
    const counts = STATUS_DISPLAY_ORDER.filter((s) => duty.counts[s] > 0).map((s) => `${s} ${duty.counts[s]}`).join(' · ');
    return `<button type="button" class="card ${cardClass(duty)}" data-duty-card="${escapeHtml(duty.duty)}">
<div class="id">${escapeHtml(duty.duty)}</div><div class="title">${escapeHtml(duty.title)}</div>
<div class="counts">${escapeHtml(duty.state)}${counts ? ` · ${escapeHtml(counts)}` : ''}</div>
${duty.note ? `<div class="title">${escapeHtml(duty.note)}</div>` : ''}</button>`;
  });
  return `<section><h2>Duties in the shared responsibility model</h2><div class="cards">${cards.join('\n')}</div></section>`;
}

function severityChips(report: Report): string {
  const chips = SEVERITIES.map(
    (s) => `<div class="chip sev-${s}"><b>${report.summary.failBySeverity[s]}</b>${s}</div>`,
  );
  const statuses = STATUS_DISPLAY_ORDER.map((s) => `<div class="chip"><b>${report.summary.byStatus[s]}</b>${s}</div>`);
  return `<section><h2>Failing findings by severity</h2><div class="chips">${chips.join('')}</div>
<h2>All findings by status</h2><div class="chips">${statuses.join('')}</div></section>`;
}

/** Horizontal stacked bars: one per duty with findings, one segment per status. */
function chart(report: Report): string {
  const rows = report.coverage.duties.filter((duty) => STATUSES.some((s) => duty.counts[s] > 0));
  const max = Math.max(1, ...rows.map((duty) => STATUSES.reduce((sum, s) => sum + duty.counts[s], 0)));
  const label = 170;
  const width = 560;
  const rowHeight = 24;
  const bars = rows.map((duty, index) => {
    const y = index * rowHeight + 4;
    let x = label;
    const segments = STATUS_DISPLAY_ORDER.filter((s) => duty.counts[s] > 0).map((s) => {
      const w = (duty.counts[s] / max) * width;
      const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowHeight - 8}" fill="${STATUS_COLOR[s]}"><title>${escapeHtml(`${duty.duty}: ${s} ${duty.counts[s]}`)}</title></rect>`;
      x += w;
      return rect;
    });
    return `<text x="${label - 8}" y="${y + 12}" text-anchor="end" font-size="12">${escapeHtml(duty.duty)}</text>${segments.join('')}`;
  });
  const legend = STATUS_DISPLAY_ORDER.map(
    (s, i) => `<rect x="${label + i * 90}" y="${rows.length * rowHeight + 8}" width="12" height="12" fill="${STATUS_COLOR[s]}"/><text x="${label + i * 90 + 16}" y="${rows.length * rowHeight + 18}" font-size="12">${s}</text>`,
  );
  const height = rows.length * rowHeight + 28;
  return `<section><h2>Findings per duty</h2><div class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${label + width + 10} ${height}" role="img" aria-label="Findings per duty by status">${bars.join('')}${legend.join('')}</svg></div></section>`;
}

function select(name: string, label: string, values: readonly string[]): string {
  const options = values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`).join('');
  return `<label>${label}<select data-filter="${name}" id="filter-${name}"><option value="">all</option>${options}</select></label>`;
}

function filters(report: Report): string {
  const distinct = (pick: (f: Finding) => string): string[] => [...new Set(report.findings.map(pick))].sort();
  const duties = DUTIES.map((d) => d.id).filter((id) => report.findings.some((f) => f.duty === id));
  return `<div class="filters">
${select('duty', 'Duty', duties)}
${select('severity', 'Severity', SEVERITIES.filter((s) => report.findings.some((f) => f.severity === s)))}
${select('status', 'Status', STATUS_DISPLAY_ORDER.filter((s) => report.findings.some((f) => f.status === s)))}
${select('region', 'Region', distinct(regionOf))}
${select('service', 'Service', distinct((f) => f.service))}
<label>Search<input id="search" type="search" placeholder="resource, rule, text"></label>
<button type="button" id="reset">Reset</button>
<span class="meta">Showing <b id="shown">${report.findings.length}</b> of ${report.findings.length}</span>
</div>`;
}

function findingItem(f: Finding): string {
  const compliance = f.compliance.map((c) => `${c.framework} ${c.version} ${c.control}`).join('; ');
  const details: Array<[string, string]> = [
    ...(f.reason ? [[f.status === 'muted' ? 'Muted because' : 'Not assessed because', f.reason] as [string, string]] : []),
    ...(f.mutedStatus ? [['Status before muting', f.mutedStatus] as [string, string]] : []),
    ['Remediation', f.remediation],
    ['Rule', `${f.ruleId} (duty ${f.duty}, service ${f.service})`],
    ['Resource', `${f.resource.type} ${f.resource.arn ?? f.resource.id}${f.resource.name ? ` (${f.resource.name})` : ''}`],
    ...(compliance ? [['Compliance', compliance] as [string, string]] : []),
    ['Finding id', f.id],
  ];
  const data = { duty: f.duty, severity: f.severity, status: f.status, region: regionOf(f), service: f.service };
  const attributes = Object.entries(data).map(([k, v]) => `data-${k}="${escapeHtml(v)}"`).join(' ');
  return `<details class="finding" ${attributes}><summary><span class="badge st-${f.status}">${f.status}</span><span class="sev">${f.severity}</span><span>${escapeHtml(f.title)}</span><span class="res">${escapeHtml(f.resource.id)}</span><span>${escapeHtml(regionOf(f))}</span></summary>
<div class="body"><dl><dt>Evidence</dt><dd><pre>${escapeHtml(f.evidence || '(none: not assessed)')}</pre></dd>
${details.map(([term, text]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(text)}</dd>`).join('\n')}</dl></div></details>`;
}

function findingsSection(report: Report): string {
  const rank = (f: Finding): number => STATUS_DISPLAY_ORDER.indexOf(f.status) * 10 + SEVERITIES.indexOf(f.severity);
  const ordered = [...report.findings].sort((a, b) => rank(a) - rank(b));
  return `<section id="findings"><h2>Findings</h2>${filters(report)}
<div id="list">${ordered.map(findingItem).join('\n')}</div><div id="empty" hidden>No findings match these filters.</div></section>`;
}

function gapsSection(report: Report): string {
  const { gaps } = report.coverage;
  if (gaps.length === 0) return '';
  const rows = gaps.map(
    (g) => `<tr><td>${escapeHtml(g.ramAction)}</td><td>${escapeHtml(g.region ?? 'global')}</td><td>${escapeHtml(g.kind)}</td><td>${escapeHtml(g.code)}</td><td>${escapeHtml(g.message)}</td><td>${escapeHtml(g.resourceTypes.join(', '))}</td></tr>`,
  );
  return `<section><h2>What could not be collected (${gaps.length})</h2><table class="gaps"><thead><tr><th>Permission</th><th>Region</th><th>Kind</th><th>Code</th><th>Message</th><th>Leaves unknown</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function renderHtml(report: Report): string {
  const { scan } = report;
  const csp = `default-src 'none'; img-src data:; style-src ${cspHash(HTML_STYLE)}; script-src ${cspHash(HTML_SCRIPT)}`;
  const banner = scan.incomplete
    ? '<div class="banner">Incomplete scan: part of the account could not be assessed. Findings with status <b>error</b> and the gaps below say what is unknown.</div>'
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>alicloud-audit: account ${escapeHtml(scan.accountId)}</title>
<style>${HTML_STYLE}</style></head>
<body><header><div class="inner"><h1>alicloud-audit report</h1>
<div class="meta">Account <b>${escapeHtml(scan.accountId)}</b> · regions ${escapeHtml(scan.regions.join(', ') || 'none')} · ${escapeHtml(scan.startedAt)} to ${escapeHtml(scan.finishedAt)} · source ${escapeHtml(scan.source)} · tool ${escapeHtml(scan.toolVersion)} · scan ${escapeHtml(scan.id)}</div>${banner}</div></header>
<main>${severityChips(report)}${scorecard(report)}${chart(report)}${findingsSection(report)}${gapsSection(report)}</main>
<script>${HTML_SCRIPT}</script></body></html>
`;
}

export const html: Format = { extension: 'html', mediaType: 'text/html', render: renderHtml };
