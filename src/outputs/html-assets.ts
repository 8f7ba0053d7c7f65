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
.finding { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; }
.finding summary { display: grid; grid-template-columns: 70px 80px 1fr 260px 110px; gap: 10px; padding: 8px 12px;
  cursor: pointer; align-items: center; }
.finding summary .res { font-family: ui-monospace, monospace; font-size: .85rem; overflow-wrap: anywhere; }
.finding .body { padding: 0 12px 12px; border-top: 1px solid var(--line); }
.finding pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--bg); padding: 8px; border-radius: 4px; }
.finding dt { font-weight: 600; margin-top: 8px; } .finding dd { margin: 2px 0 0; }
.badge { display: inline-block; border-radius: 4px; padding: 1px 6px; font-size: .75rem; font-weight: 600; color: #fff; text-align: center; }
.st-fail { background: var(--fail); } .st-error { background: var(--error); } .st-muted { background: var(--muted); }
.st-pass { background: var(--pass); }
.sev { font-size: .8rem; text-transform: uppercase; color: var(--soft); }
table.gaps { border-collapse: collapse; width: 100%; background: #fff; font-size: .85rem; }
table.gaps th, table.gaps td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
#empty { color: var(--soft); padding: 12px; }
`;

// Plain ES2017 for any browser. Filters hide the findings whose data-* attributes do not match.
export const HTML_SCRIPT = `
(function () {
  var filters = Array.prototype.slice.call(document.querySelectorAll('[data-filter]'));
  var search = document.getElementById('search');
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var shown = document.getElementById('shown');
  var empty = document.getElementById('empty');
  function apply() {
    var text = search.value.trim().toLowerCase();
    var count = 0;
    findings.forEach(function (el) {
      var match = filters.every(function (f) { return f.value === '' || el.dataset[f.dataset.filter] === f.value; }) &&
        (text === '' || el.textContent.toLowerCase().indexOf(text) !== -1);
      el.hidden = !match;
      if (match) count++;
    });
    shown.textContent = String(count);
    empty.hidden = count !== 0;
  }
  filters.forEach(function (f) { f.addEventListener('change', apply); });
  search.addEventListener('input', apply);
  document.getElementById('reset').addEventListener('click', function () {
    filters.forEach(function (f) { f.value = ''; });
    search.value = '';
    apply();
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-duty-card]'), function (card) {
    card.addEventListener('click', function () {
      filters.forEach(function (f) { f.value = f.dataset.filter === 'duty' ? card.dataset.dutyCard : ''; });
      apply();
      document.getElementById('findings').scrollIntoView();
    });
  });
  apply();
})();
`;
