// A single self-contained HTML page that opens at any size: what to fix first, one row per rule with its
// resources on demand (paged, filtered, searched; only a page of rows is ever in the DOM), the duty scorecard,
// the compliance view and the collection gaps. The server renders the summaries; the findings are embedded
// compactly (src/outputs/html/data.ts) and drawn by the page's script with textContent. Every piece of report
// data in the markup goes through `escapeHtml`; the CSP admits only the page's own script and style.
import { createHash } from 'node:crypto';
import { DUTIES } from '../findings/duties.js';
import { CONTROL_STATUSES, SEVERITIES, STATUSES } from '../findings/types.js';
import type { ComplianceView, DutyCoverage, Finding, FindingStatus, Report } from '../findings/types.js';
import { STATUS_DISPLAY_ORDER } from './format.js';
import type { Format } from './format.js';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import { pageData, scriptJson, type PageRule } from './html/data.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

const STATUS_COLOR: Record<FindingStatus, string> = { fail: '#c62828', error: '#b26a00', muted: '#757575', pass: '#2e7d32' };
/** how many rules "Fix first" lists before pointing at the rule view */
const FIX_FIRST_LIMIT = 15;
const count = (n: number): string => n.toLocaleString('en-US');

export function cspHash(source: string): string {
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
    const counts = STATUS_DISPLAY_ORDER.filter((s) => duty.counts[s] > 0).map((s) => `${s} ${count(duty.counts[s])}`).join(' · ');
    return `<button type="button" class="card ${cardClass(duty)}" data-duty-card="${escapeHtml(duty.duty)}">
<div class="id">${escapeHtml(duty.duty)}</div><div class="title">${escapeHtml(duty.title)}</div>
<div class="counts">${escapeHtml(duty.state)}${counts ? ` · ${escapeHtml(counts)}` : ''}</div>
${duty.note ? `<div class="title">${escapeHtml(duty.note)}</div>` : ''}</button>`;
  });
  return `<section id="duties"><h2>Duties in the shared responsibility model</h2><div class="cards">${cards.join('\n')}</div></section>`;
}

function severityChips(report: Report): string {
  const chips = SEVERITIES.map((s) => `<div class="chip sev-${s}"><b>${count(report.summary.failBySeverity[s])}</b>${s}</div>`);
  const statuses = STATUS_DISPLAY_ORDER.map((s) => `<div class="chip"><b>${count(report.summary.byStatus[s])}</b>${s}</div>`);
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

/**
 * Critical and high failures, the rules with the most severe failing findings first. Attack paths, when the
 * report carries them, belong above this list: they rank combinations of findings, this ranks single ones.
 */
function fixFirst(rules: readonly PageRule[]): string {
  const urgent = rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => rule.failSeverity === 'critical' || rule.failSeverity === 'high')
    .sort((a, b) => SEVERITIES.indexOf(a.rule.failSeverity!) - SEVERITIES.indexOf(b.rule.failSeverity!) || a.index - b.index);
  if (urgent.length === 0) return '<section id="fix-first"><h2>Fix first</h2><p class="meta">No critical or high failures.</p></section>';
  const items = urgent.slice(0, FIX_FIRST_LIMIT).map(({ rule, index }) => {
    const failing = rule.counts[0] ?? 0;
    const more = failing > rule.failingSample.length ? `, and ${count(failing - rule.failingSample.length)} more` : '';
    return `<li><button type="button" class="fix" data-open-rule="${index}"><span class="sev sev-${rule.failSeverity}">${rule.failSeverity}</span>
<span class="what"><b>${escapeHtml(rule.title)}</b> <code>${escapeHtml(rule.ruleId)}</code><br><span class="meta">${count(failing)} failing: ${escapeHtml(rule.failingSample.join(', '))}${more}</span></span></button></li>`;
  });
  const rest = urgent.length > FIX_FIRST_LIMIT ? `<p class="meta">and ${count(urgent.length - FIX_FIRST_LIMIT)} more rules with critical or high failures in the rule view below.</p>` : '';
  return `<section id="fix-first"><h2>Fix first: critical and high failures</h2><ol class="fix-list">${items.join('\n')}</ol>${rest}</section>`;
}

function select(name: string, label: string, values: readonly string[]): string {
  const options = values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`).join('');
  return `<label>${label}<select data-filter="${name}" id="filter-${name}"><option value="">all</option>${options}</select></label>`;
}

function filters(report: Report): string {
  const present = <T extends string>(values: readonly T[], pick: (f: Finding) => string): T[] => {
    const seen = new Set(report.findings.map(pick));
    return values.filter((v) => seen.has(v));
  };
  const sorted = (pick: (f: Finding) => string): string[] => [...new Set(report.findings.map(pick))].sort();
  return `<div class="filters">
${select('duty', 'Duty', present(DUTIES.map((d) => d.id), (f) => f.duty))}
${select('severity', 'Severity', present(SEVERITIES, (f) => f.severity))}
${select('status', 'Status', present(STATUS_DISPLAY_ORDER, (f) => f.status))}
${select('region', 'Region', sorted((f) => f.resource.region ?? 'global'))}
${select('service', 'Service', sorted((f) => f.service))}
<label>Search<input id="search" type="search" placeholder="resource id or name, rule, evidence"></label>
<button type="button" id="reset">Reset</button>
<span class="meta"><b id="shown-rules"></b> rules · <b id="shown"></b> of ${count(report.findings.length)} findings</span>
</div>`;
}

function rulesSection(report: Report): string {
  const head = ['Severity', 'Rule', 'Title', 'Duty', 'Controls', ...STATUS_DISPLAY_ORDER].map((h) => `<th>${h}</th>`).join('');
  return `<section id="rules"><h2>Rules</h2>${filters(report)}
<table class="rules"><thead><tr>${head}</tr></thead><tbody id="rule-rows"></tbody></table>
<div class="pager" id="rule-pager"></div>
<div id="empty" hidden>No findings match these filters.</div><div id="load-error" class="banner" hidden></div>
<noscript><p class="banner">The rule view needs JavaScript; the summaries above do not.</p></noscript></section>`;
}

function complianceSection(view: ComplianceView | undefined, rules: readonly PageRule[]): string {
  if (!view) return '';
  const ruleIndex = new Map<string, number>();
  rules.forEach((rule, index) => {
    if (!ruleIndex.has(rule.ruleId)) ruleIndex.set(rule.ruleId, index);
  });
  const totals = CONTROL_STATUSES.map((s) => `<div class="chip cs-${s}"><b>${count(view.totals[s])}</b>${s}</div>`).join('');
  const rows = view.controls.map((c) => {
    const ruleLinks = c.rules.map((id) => {
      const index = ruleIndex.get(id);
      return index === undefined ? `<code>${escapeHtml(id)}</code>` : `<button type="button" class="link" data-open-rule="${index}">${escapeHtml(id)}</button>`;
    });
    const counts = STATUS_DISPLAY_ORDER.filter((s) => c.counts[s] > 0).map((s) => `${s} ${count(c.counts[s])}`).join(' · ');
    return `<tr class="control"><td>${escapeHtml(c.control)}</td><td>${escapeHtml(c.title)}${c.note ? `<div class="meta">${escapeHtml(c.note)}</div>` : ''}</td><td>${escapeHtml(c.section)}</td><td><span class="badge cst-${escapeHtml(c.status)}">${escapeHtml(c.status)}</span></td><td>${ruleLinks.join(' ')}</td><td>${escapeHtml(counts)}</td></tr>`;
  });
  return `<section id="compliance"><h2>Compliance: ${escapeHtml(view.framework)} ${escapeHtml(view.version)}</h2><div class="chips">${totals}</div>
<table class="plain"><thead><tr><th>Control</th><th>Title</th><th>Section</th><th>Status</th><th>Rules</th><th>Resources</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></section>`;
}

function gapsSection(report: Report): string {
  const { gaps } = report.coverage;
  if (gaps.length === 0) return '';
  const rows = gaps.map(
    (g) => `<tr><td>${escapeHtml(g.ramAction)}</td><td>${escapeHtml(g.region ?? 'global')}</td><td>${escapeHtml(g.kind)}</td><td>${escapeHtml(g.code)}</td><td>${escapeHtml(g.message)}</td><td>${escapeHtml(g.resourceTypes.join(', '))}</td></tr>`,
  );
  return `<section><h2>What could not be collected (${gaps.length})</h2><table class="plain"><thead><tr><th>Permission</th><th>Region</th><th>Kind</th><th>Code</th><th>Message</th><th>Leaves unknown</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function renderHtml(report: Report): string {
  const { scan } = report;
  const data = pageData(report);
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
<main>${severityChips(report)}${fixFirst(data.rules)}${rulesSection(report)}${scorecard(report)}${chart(report)}${complianceSection(report.compliance, data.rules)}${gapsSection(report)}</main>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${HTML_SCRIPT}</script></body></html>
`;
}

export const html: Format = { extension: 'html', mediaType: 'text/html', render: renderHtml };
