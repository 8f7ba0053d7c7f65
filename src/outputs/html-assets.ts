// The stylesheet and script inlined into the HTML report. The page loads nothing from the network; its
// Content-Security-Policy allows only these two blocks, by hash.

export const HTML_STYLE = `
:root { --fail: #c62828; --error: #b26a00; --muted: #757575; --pass: #2e7d32; --na: #9e9e9e; --line: #e0e0e0;
  --ink: #1f2328; --soft: #57606a; --bg: #f6f8fa; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); }
body { margin: 0; background: var(--bg); }
header, main { max-width: 1200px; margin: 0 auto; padding: 16px 24px; }
header { background: #fff; border-bottom: 1px solid var(--line); max-width: none; }
header .inner { max-width: 1200px; margin: 0 auto; }
h1 { font-size: 1.4rem; margin: 0 0 4px; }
h2 { font-size: 1.1rem; margin: 28px 0 12px; }
.meta { color: var(--soft); font-size: .9rem; }
.banner { margin-top: 10px; padding: 8px 12px; border-radius: 6px; background: #fff4e5; border: 1px solid #f0c36d; }
.chips { display: flex; flex-wrap: wrap; gap: 8px; }
.chip { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 90px; }
.chip b { display: block; font-size: 1.4rem; }
.chip.sev-critical b, .chip.sev-high b { color: var(--fail); }
.chip.sev-medium b { color: var(--error); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 10px; }
.card { text-align: left; font: inherit; color: inherit; cursor: pointer; background: #fff; border: 1px solid var(--line);
  border-left: 6px solid var(--na); border-radius: 6px; padding: 10px 12px; }
.card:hover, .card:focus { outline: 2px solid #0969da; }
.card.fail { border-left-color: var(--fail); } .card.error { border-left-color: var(--error); }
.card.pass { border-left-color: var(--pass); } .card.na { opacity: .75; }
.card .id { font-weight: 600; } .card .title { font-size: .82rem; color: var(--soft); margin: 4px 0; }
.card .counts { font-size: .8rem; }
.chart { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
.chart svg { width: 100%; height: auto; }
.filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: end; background: #fff; border: 1px solid var(--line);
  border-radius: 6px; padding: 10px 12px; position: sticky; top: 0; z-index: 1; }
.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--soft); gap: 2px; }
.filters select, .filters input, .filters button { font: inherit; padding: 4px 6px; }
.badge { display: inline-block; border-radius: 4px; padding: 1px 6px; font-size: .75rem; font-weight: 600; color: #fff; text-align: center; }
.st-fail { background: var(--fail); } .st-error { background: var(--error); } .st-muted { background: var(--muted); }
.st-pass { background: var(--pass); }
.sev { font-size: .8rem; text-transform: uppercase; color: var(--soft); }
.sev { font-size: .75rem; text-transform: uppercase; font-weight: 600; color: var(--soft); }
.sev-critical { color: #8e0000; } .sev-high { color: var(--fail); } .sev-medium { color: var(--error); }
table.plain, table.rules { border-collapse: collapse; width: 100%; background: #fff; font-size: .85rem; }
table.plain th, table.plain td, table.rules > thead > tr > th, table.rules > tbody > tr > td { border: 1px solid var(--line);
  padding: 4px 8px; text-align: left; vertical-align: top; }
table.rules td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.n-fail { color: var(--fail); font-weight: 600; } td.n-error { color: var(--error); font-weight: 600; }
tr.rule { scroll-margin-top: 90px; } tr.rule.open > td { background: #eef4ff; }
tr.panel > td { background: var(--bg); padding: 8px 12px 12px; }
table.resources { border-collapse: collapse; width: 100%; background: #fff; font-size: .82rem; }
table.resources th, table.resources td { border-bottom: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
table.resources .res { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
tr.detail > td { background: #fbfbfb; }
tr.detail pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--bg); padding: 8px; border-radius: 4px; margin: 2px 0; }
tr.detail dt { font-weight: 600; margin-top: 6px; } tr.detail dd { margin: 2px 0 0; overflow-wrap: anywhere; }
button.link { font: inherit; background: none; border: 0; padding: 0; color: #0969da; cursor: pointer; text-align: left; }
button.link:hover { text-decoration: underline; }
.pager { display: flex; gap: 10px; align-items: center; margin: 8px 0; font-size: .85rem; color: var(--soft); }
.pager button { font: inherit; padding: 2px 8px; }
.fix-list { list-style: none; padding: 0; margin: 0; display: grid; gap: 6px; }
.fix { display: grid; grid-template-columns: 80px 1fr; gap: 10px; width: 100%; text-align: left; font: inherit; color: inherit;
  background: #fff; border: 1px solid var(--line); border-left: 6px solid var(--fail); border-radius: 6px; padding: 8px 12px; cursor: pointer; }
.fix:hover, .fix:focus { outline: 2px solid #0969da; }
.fix code, .rules code { font-size: .8rem; }
.cst-pass { background: var(--pass); } .cst-fail { background: var(--fail); } .cst-error { background: var(--error); }
.cst-manual { background: #5b6b7b; } .cst-not-covered { background: var(--na); }
.chip.cs-fail b { color: var(--fail); } .chip.cs-pass b { color: var(--pass); }
#empty { color: var(--soft); padding: 12px; }
`;

// Plain ES2017 for any browser with DecompressionStream. The rule table is drawn at once from the plain JSON;
// the findings are inflated after the first paint, and only the page of rules and resources on screen is in
// the DOM. Report text reaches the page only through textContent.
export const HTML_SCRIPT = `
(function () {
  'use strict';
  var STATUS = ['fail', 'error', 'muted', 'pass'];
  var SEVERITY = ['critical', 'high', 'medium', 'low', 'info'];
  var RULE_PAGE = 50;
  var RESOURCE_PAGE = 50;
  var head = JSON.parse(document.getElementById('report-data').textContent);
  var rules = head.rules;
  var ruleText = rules.map(function (r) { return [r.ruleId, r.title, r.duty, r.service, r.controls].join('\\n').toLowerCase(); });
  var filters = Array.prototype.slice.call(document.querySelectorAll('[data-filter]'));
  var search = document.getElementById('search');
  var tbody = document.getElementById('rule-rows');
  var rulePager = document.getElementById('rule-pager');
  var data = null;
  var loading = null;
  var hay = [];
  var reasons = {};
  var mutedStatus = {};
  var counts = rules.map(function (r) { return r.counts; });
  var shown = [];
  var rulePage = 0;
  var match = null;
  var text = '';
  var open = -1;
  var openRows = [];
  var resourcePage = 0;
  var openDetails = {};

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }
  function cell(row, className, content) { var td = el('td', className, content); row.appendChild(td); return td; }
  function fmt(n) { return n.toLocaleString('en-US'); }

  function inflate() {
    if (loading) return loading;
    loading = new Promise(function (resolve) {
      if (typeof DecompressionStream !== 'function') throw new Error('this browser cannot inflate it (DecompressionStream: Chrome 80, Firefox 113, Safari 16.4 or later)');
      var binary = atob(head.findings);
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      resolve(new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text());
    }).then(function (json) {
      data = JSON.parse(json);
      data.reason.forEach(function (pair) { reasons[pair[0]] = pair[1]; });
      data.mutedStatus.forEach(function (pair) { mutedStatus[pair[0]] = pair[1]; });
      document.body.setAttribute('data-findings', 'ready');
      performance.mark('alicloud-audit:findings');
      return data;
    });
    loading.catch(function (error) {
      var box = document.getElementById('load-error');
      box.textContent = 'The findings could not be read: ' + error.message;
      box.hidden = false;
    });
    return loading;
  }

  function haystack(i) {
    var h = hay[i];
    if (h === undefined) {
      var r = data.res[i];
      h = hay[i] = [data.resId[r], data.resName[r], data.resArn[r], data.evidence[i], data.id[i], reasons[i] || ''].join('\\n').toLowerCase();
    }
    return h;
  }

  function wanted() {
    var w = {};
    filters.forEach(function (f) { w[f.dataset.filter] = f.value; });
    w.text = search.value.trim().toLowerCase();
    return w;
  }

  // A test of one finding against the finding-level filters; null when they are all empty.
  function matcher(w) {
    if (w.status === '' && w.severity === '' && w.region === '' && w.text === '') return null;
    var status = STATUS.indexOf(w.status);
    var severity = SEVERITY.indexOf(w.severity);
    var regionAt = data.regions.indexOf(w.region);
    var region = w.region === '' ? -1 : regionAt === -1 ? -2 : regionAt;
    return function (i, ruleHit) {
      if (status !== -1 && data.status[i] !== status) return false;
      if (severity !== -1 && data.severity[i] !== severity) return false;
      if (region !== -1 && data.resRegion[data.res[i]] !== region) return false;
      return ruleHit || w.text === '' || haystack(i).indexOf(w.text) !== -1;
    };
  }

  function selectRows() {
    var r = rules[open];
    openRows = [];
    var hit = text !== '' && ruleText[open].indexOf(text) !== -1;
    for (var i = r.start; i < r.end; i++) if (!match || match(i, hit)) openRows.push(i);
  }

  function apply() {
    var w = wanted();
    var needsData = w.status !== '' || w.severity !== '' || w.region !== '' || w.text !== '';
    if (needsData && !data) return inflate().then(apply);
    match = needsData ? matcher(w) : null;
    text = w.text;
    shown = [];
    var findings = 0;
    rules.forEach(function (r, index) {
      var c = [0, 0, 0, 0];
      if ((w.duty === '' || r.duty === w.duty) && (w.service === '' || r.service === w.service)) {
        if (!match) c = r.counts;
        else {
          var hit = text !== '' && ruleText[index].indexOf(text) !== -1;
          for (var i = r.start; i < r.end; i++) if (match(i, hit)) c[data.status[i]]++;
        }
      }
      counts[index] = c;
      var n = c[0] + c[1] + c[2] + c[3];
      if (n > 0) { shown.push(index); findings += n; }
    });
    var at = shown.indexOf(open);
    if (at === -1) open = -1;
    else { selectRows(); resourcePage = 0; }
    rulePage = at === -1 ? 0 : Math.floor(at / RULE_PAGE);
    document.getElementById('shown').textContent = fmt(findings);
    document.getElementById('shown-rules').textContent = fmt(shown.length);
    document.getElementById('empty').hidden = shown.length !== 0;
    render();
    return Promise.resolve();
  }

  function pager(box, page, size, total, noun, go) {
    box.textContent = '';
    if (total <= size) return;
    var pages = Math.ceil(total / size);
    var previous = el('button', 'previous', 'Previous');
    previous.type = 'button';
    previous.disabled = page === 0;
    previous.addEventListener('click', function () { go(page - 1); });
    var next = el('button', 'next', 'Next');
    next.type = 'button';
    next.disabled = page >= pages - 1;
    next.addEventListener('click', function () { go(page + 1); });
    box.appendChild(previous);
    box.appendChild(el('span', 'range', fmt(page * size + 1) + '-' + fmt(Math.min(total, (page + 1) * size)) + ' of ' + fmt(total) + ' ' + noun));
    box.appendChild(next);
  }

  function ruleRow(index) {
    var r = rules[index];
    var row = el('tr', index === open ? 'rule open' : 'rule');
    row.setAttribute('data-rule', String(index));
    cell(row).appendChild(el('span', 'sev sev-' + r.severity, r.severity));
    var toggle = el('button', 'link toggle', r.ruleId);
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', String(index === open));
    toggle.addEventListener('click', function () { openRule(index === open ? -1 : index); });
    cell(row).appendChild(toggle);
    cell(row, '', r.title);
    cell(row, '', r.duty);
    cell(row, '', r.controls);
    counts[index].forEach(function (n, s) { cell(row, n > 0 ? 'num n-' + STATUS[s] : 'num', n > 0 ? fmt(n) : ''); });
    return row;
  }

  function detailRow(i) {
    var r = data.res[i];
    var row = el('tr', 'detail');
    var td = cell(row);
    td.colSpan = 7;
    var list = el('dl');
    function item(term, value, pre) {
      list.appendChild(el('dt', '', term));
      var dd = el('dd');
      if (pre) dd.appendChild(el('pre', '', value)); else dd.textContent = value;
      list.appendChild(dd);
    }
    item('Evidence', data.evidence[i] || '(none: not assessed)', true);
    if (reasons[i] !== undefined) item(STATUS[data.status[i]] === 'muted' ? 'Muted because' : 'Not assessed because', reasons[i]);
    if (mutedStatus[i] !== undefined) item('Status before muting', mutedStatus[i]);
    item('Resource', data.types[data.resType[r]] + ' ' + (data.resArn[r] || data.resId[r]) + (data.resName[r] ? ' (' + data.resName[r] + ')' : ''));
    if (data.complianceSets[data.compliance[i]]) item('Compliance', data.complianceSets[data.compliance[i]]);
    item('Finding id', data.id[i]);
    td.appendChild(list);
    return row;
  }

  function resourceRow(i) {
    var r = data.res[i];
    var row = el('tr', 'resource');
    row.setAttribute('data-finding', String(i));
    var status = STATUS[data.status[i]];
    cell(row).appendChild(el('span', 'badge st-' + status, status));
    cell(row, 'sev', SEVERITY[data.severity[i]]);
    cell(row, 'res', data.resId[r]);
    cell(row, '', data.resName[r]);
    cell(row, '', data.types[data.resType[r]]);
    cell(row, '', data.regions[data.resRegion[r]]);
    var toggle = el('button', 'link details', 'details');
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', String(openDetails[i] === true));
    toggle.addEventListener('click', function () {
      if (openDetails[i]) {
        delete openDetails[i];
        row.parentNode.removeChild(row.nextSibling);
      } else {
        openDetails[i] = true;
        row.parentNode.insertBefore(detailRow(i), row.nextSibling);
      }
      toggle.setAttribute('aria-expanded', String(openDetails[i] === true));
    });
    cell(row).appendChild(toggle);
    return row;
  }

  function panel(index) {
    var r = rules[index];
    var row = el('tr', 'panel');
    var td = cell(row);
    td.colSpan = 9;
    var remediation = el('p', 'remediation');
    remediation.appendChild(el('b', '', 'Remediation: '));
    remediation.appendChild(document.createTextNode(r.remediation));
    td.appendChild(remediation);
    if (!data) { td.appendChild(el('p', 'meta', 'Reading the findings...')); return row; }
    var table = el('table', 'resources');
    var headRow = el('tr');
    ['Status', 'Severity', 'Resource', 'Name', 'Type', 'Region', ''].forEach(function (h) { headRow.appendChild(el('th', '', h)); });
    table.appendChild(el('thead')).appendChild(headRow);
    var body = table.appendChild(el('tbody'));
    var pages = Math.max(1, Math.ceil(openRows.length / RESOURCE_PAGE));
    if (resourcePage >= pages) resourcePage = pages - 1;
    openRows.slice(resourcePage * RESOURCE_PAGE, (resourcePage + 1) * RESOURCE_PAGE).forEach(function (i) {
      body.appendChild(resourceRow(i));
      if (openDetails[i]) body.appendChild(detailRow(i));
    });
    td.appendChild(table);
    var box = td.appendChild(el('div', 'pager'));
    pager(box, resourcePage, RESOURCE_PAGE, openRows.length, 'resources', function (page) { resourcePage = page; openDetails = {}; render(); });
    return row;
  }

  function render() {
    tbody.textContent = '';
    var pages = Math.max(1, Math.ceil(shown.length / RULE_PAGE));
    if (rulePage >= pages) rulePage = pages - 1;
    shown.slice(rulePage * RULE_PAGE, (rulePage + 1) * RULE_PAGE).forEach(function (index) {
      tbody.appendChild(ruleRow(index));
      if (index === open) tbody.appendChild(panel(index));
    });
    pager(rulePager, rulePage, RULE_PAGE, shown.length, 'rules', function (page) { rulePage = page; render(); });
  }

  function openRule(index) {
    open = index;
    resourcePage = 0;
    openDetails = {};
    if (index === -1) { render(); return Promise.resolve(); }
    return inflate().then(function () {
      if (open !== index) return;
      selectRows();
      var at = shown.indexOf(index);
      if (at !== -1) rulePage = Math.floor(at / RULE_PAGE);
      render();
    }, render);
  }

  function reset() {
    filters.forEach(function (f) { f.value = ''; });
    search.value = '';
  }

  var typing = 0;
  filters.forEach(function (f) { f.addEventListener('change', apply); });
  search.addEventListener('input', function () { clearTimeout(typing); typing = setTimeout(apply, 150); });
  document.getElementById('reset').addEventListener('click', function () { reset(); open = -1; apply(); });
  Array.prototype.forEach.call(document.querySelectorAll('[data-duty-card]'), function (card) {
    card.addEventListener('click', function () {
      reset();
      document.getElementById('filter-duty').value = card.getAttribute('data-duty-card');
      apply();
      document.getElementById('rules').scrollIntoView();
    });
  });
  // "Fix first" and the compliance view open a rule: its failing resources, or all of them.
  Array.prototype.forEach.call(document.querySelectorAll('[data-open-rule]'), function (button) {
    button.addEventListener('click', function () {
      var index = Number(button.getAttribute('data-open-rule'));
      reset();
      if (button.classList.contains('fix')) document.getElementById('filter-status').value = 'fail';
      apply().then(function () { return openRule(index); }).then(function () {
        var row = tbody.querySelector('tr[data-rule="' + index + '"]');
        (row || document.getElementById('rules')).scrollIntoView();
      });
    });
  });
  apply();
  document.body.setAttribute('data-ready', 'rules');
  // the frame after this one has painted the rule table: mark it, then inflate the findings
  requestAnimationFrame(function () {
    setTimeout(function () {
      performance.mark('alicloud-audit:painted');
      inflate();
    }, 0);
  });
})();
`;
