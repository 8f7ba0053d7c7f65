// The organisation's HTML page: one row per member account (its summary, or why it was not scanned, and a link
// to its own HTML report), one row per duty (its findings over the organisation and the accounts failing it),
// and a filter that narrows both to chosen accounts. It reads only the OrgReport, whose size grows with the
// number of accounts, never with their findings; every row is in the markup and the script only hides rows.
// Account text (display names and paths come from the cloud) goes through `escapeHtml`; the script reads it
// back from data attributes and writes nothing but counts, so no report text is ever parsed as markup.
import { basename } from 'node:path';
import type { OrgAccountEntry, OrgReport } from '../findings/org-report.js';
import { SEVERITIES } from '../findings/types.js';
import { cspHash, escapeHtml } from './html.js';
import { HTML_STYLE } from './html-assets.js';

const ORG_STYLE = `${HTML_STYLE}
table.plain td.num { text-align: right; font-variant-numeric: tabular-nums; }
.reason { font-size: .8rem; color: var(--soft); overflow-wrap: anywhere; }
td.path { font-size: .8rem; color: var(--soft); min-width: 14em; overflow-wrap: anywhere; }
.failing button.link { font-family: ui-monospace, monospace; font-size: .8rem; margin-right: 6px; }
.filters .grow { flex: 1; min-width: 260px; }
`;

// Plain ES2017. A row matches when any term of the search box is part of its account id, name or folder path,
// and it has the chosen status; a duty's failing accounts narrow to the matching accounts.
const ORG_SCRIPT = `
(function () {
  'use strict';
  var search = document.getElementById('account-filter');
  var status = document.getElementById('status-filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#account-rows tr'));
  var duties = Array.prototype.slice.call(document.querySelectorAll('#duty-rows tr'));
  function terms() { return search.value.toLowerCase().split(/[\\s,]+/).filter(function (t) { return t; }); }
  function apply() {
    var wanted = terms();
    var chosen = {};
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute('data-search');
      var ok = (wanted.length === 0 || wanted.some(function (t) { return text.indexOf(t) >= 0; })) &&
        (status.value === '' || row.getAttribute('data-status').split(' ').indexOf(status.value) >= 0);
      row.hidden = !ok;
      if (ok) { chosen[row.getAttribute('data-account')] = true; shown++; }
    });
    document.getElementById('shown-accounts').textContent = String(shown);
    document.getElementById('accounts-empty').hidden = shown > 0;
    duties.forEach(function (duty) {
      var failing = 0;
      Array.prototype.forEach.call(duty.querySelectorAll('[data-account]'), function (button) {
        var ok = chosen[button.getAttribute('data-account')] === true;
        button.hidden = !ok;
        if (ok) failing++;
      });
      duty.querySelector('.n-failing').textContent = String(failing);
    });
  }
  search.addEventListener('input', apply);
  status.addEventListener('change', apply);
  document.getElementById('reset').addEventListener('click', function () { search.value = ''; status.value = ''; apply(); });
  document.getElementById('duty-rows').addEventListener('click', function (event) {
    var button = event.target.closest('[data-account]');
    if (!button) return;
    search.value = button.getAttribute('data-account');
    status.value = '';
    apply();
    document.getElementById('accounts').scrollIntoView();
  });
  apply();
  document.body.setAttribute('data-ready', 'true');
})();
`;

const count = (n: number): string => n.toLocaleString('en-US');
const num = (n: number, kind = ''): string => `<td class="num${n > 0 && kind ? ` n-${kind}` : ''}">${count(n)}</td>`;

/** The statuses an account row is filtered by: `fail`, `error` (not scanned), `incomplete`, `clean`. */
function rowStatuses(account: OrgAccountEntry): string {
  if (account.status === 'error') return 'error';
  const tags = [account.summary.byStatus.fail > 0 ? 'fail' : 'clean'];
  if (account.incomplete) tags.push('incomplete');
  return tags.join(' ');
}

/** The account's own HTML report, by its file name: it is written into the same directory as this page. */
function reportLink(account: OrgAccountEntry): string {
  const file = account.status === 'scanned' ? account.files.find((name) => name.endsWith('.html')) : undefined;
  if (file === undefined) return '<td></td>';
  const name = basename(file);
  return `<td class="reason"><a href="./${escapeHtml(encodeURIComponent(name))}">${escapeHtml(name)}</a></td>`;
}

function accountRow(account: OrgAccountEntry): string {
  const search = [account.accountId, account.displayName, account.path].join('\n').toLowerCase();
  const head = `<tr data-account="${escapeHtml(account.accountId)}" data-status="${rowStatuses(account)}" data-search="${escapeHtml(search)}">` +
    `<td><code>${escapeHtml(account.accountId)}</code></td><td>${escapeHtml(account.displayName)}</td><td class="path">${escapeHtml(account.path)}</td>`;
  if (account.status === 'error') {
    return `${head}<td colspan="${SEVERITIES.length + 4}"><span class="badge st-error">error</span> <span class="reason">${escapeHtml(account.error)}</span></td><td></td></tr>`;
  }
  const { byStatus, failBySeverity } = account.summary;
  const state = account.incomplete ? '<span class="badge st-error">incomplete</span>' : '<span class="badge st-pass">scanned</span>';
  return `${head}<td>${state}</td>${SEVERITIES.map((severity) => num(failBySeverity[severity], 'fail')).join('')}${num(byStatus.fail, 'fail')}${num(byStatus.pass)}${num(byStatus.error, 'error')}${reportLink(account)}</tr>`;
}

function accountsSection(report: OrgReport): string {
  const severityHeads = SEVERITIES.map((severity) => `<th>Fail ${escapeHtml(severity)}</th>`).join('');
  return `<section id="accounts"><h2>Accounts (<span id="shown-accounts">${count(report.accounts.length)}</span> of ${count(report.accounts.length)})</h2>
<div class="filters"><label class="grow">Accounts: id, name or folder path (several: separate with commas)<input id="account-filter" type="search" autocomplete="off"></label>
<label>Status<select id="status-filter"><option value="">any</option><option value="fail">failing</option><option value="clean">no failure</option><option value="incomplete">incomplete</option><option value="error">not scanned</option></select></label>
<button type="button" id="reset">Reset</button></div>
<table class="plain"><thead><tr><th>Account</th><th>Name</th><th>Folder path</th><th>Status</th>${severityHeads}<th>Fail</th><th>Pass</th><th>Error</th><th>Report</th></tr></thead>
<tbody id="account-rows">${report.accounts.map(accountRow).join('')}</tbody></table>
<p id="accounts-empty" class="meta" hidden>No account matches the filter.</p></section>`;
}

function dutiesSection(report: OrgReport): string {
  const names = new Map(report.accounts.map((account) => [account.accountId, account.displayName]));
  const rows = report.duties.map((duty) => {
    const failing = duty.failingAccounts
      .map((id) => `<button type="button" class="link" data-account="${escapeHtml(id)}" title="${escapeHtml(names.get(id) ?? '')}">${escapeHtml(id)}</button>`)
      .join('');
    const { counts } = duty;
    return `<tr data-duty="${escapeHtml(duty.duty)}"><td><b>${escapeHtml(duty.duty)}</b><div class="reason">${escapeHtml(duty.title)}</div></td>` +
      `${num(counts.fail, 'fail')}${num(counts.pass)}${num(counts.error, 'error')}${num(counts.muted)}` +
      `<td class="num n-failing">${count(duty.failingAccounts.length)}</td><td class="failing">${failing}</td></tr>`;
  });
  return `<section id="duties"><h2>Duties</h2><p class="meta">Findings of every scanned account; the failing accounts narrow to the accounts the filter shows.</p>
<table class="plain"><thead><tr><th>Duty</th><th>Fail</th><th>Pass</th><th>Error</th><th>Muted</th><th>Failing accounts</th><th>Which</th></tr></thead>
<tbody id="duty-rows">${rows.join('')}</tbody></table></section>`;
}

function summaryChips(report: OrgReport): string {
  const { summary } = report;
  const chip = (label: string, value: number, className = '') => `<div class="chip ${className}"><b>${count(value)}</b>${escapeHtml(label)}</div>`;
  return `<section id="summary"><div class="chips">${chip('accounts', summary.accounts)}${chip('scanned', summary.scanned)}${chip('not scanned', summary.notScanned, summary.notScanned > 0 ? 'sev-medium' : '')}${chip('incomplete', summary.incomplete, summary.incomplete > 0 ? 'sev-medium' : '')}` +
    `${SEVERITIES.map((severity) => chip(`fail ${severity}`, summary.failBySeverity[severity], `sev-${severity}`)).join('')}${chip('pass', summary.byStatus.pass)}${chip('error', summary.byStatus.error)}</div></section>`;
}

export function renderOrgHtml(report: OrgReport): string {
  const { organisation } = report;
  const csp = `default-src 'none'; style-src ${cspHash(ORG_STYLE)}; script-src ${cspHash(ORG_SCRIPT)}`;
  const banner = report.incomplete
    ? `<div class="banner">Incomplete: ${count(report.summary.notScanned)} account(s) not scanned and ${count(report.summary.incomplete)} scanned incompletely. The organisation is not assessed as a whole.</div>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>alicloud-audit: organisation ${escapeHtml(organisation.resourceDirectoryId)}</title>
<style>${ORG_STYLE}</style></head>
<body><header><div class="inner"><h1>alicloud-audit organisation report</h1>
<div class="meta">Resource Directory <b>${escapeHtml(organisation.resourceDirectoryId)}</b> · management account ${escapeHtml(organisation.managementAccountId)} · scanned by ${escapeHtml(organisation.scannedBy)} · ${escapeHtml(report.startedAt)} to ${escapeHtml(report.finishedAt)} · tool ${escapeHtml(report.toolVersion)}</div>${banner}</div></header>
<main>${summaryChips(report)}${accountsSection(report)}${dutiesSection(report)}</main>
<script>${ORG_SCRIPT}</script></body></html>
`;
}
