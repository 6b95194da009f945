/**
 * The HTML report's one stylesheet and one script, fixed text, and the Content-Security-Policy
 * that admits exactly them by hash. Nothing from a scan ever goes into either (rows carry their
 * data in escaped attributes the script reads), so the hashes are constants and the page needs
 * no nonce: `default-src 'none'` refuses everything else, a script or style a hostile path
 * might smuggle in included.
 */

import { createRequire } from 'node:module';

export const style = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #fff; --panel: #f6f8fa; --line: #d1d9e0;
  --accent: #0969da; --live: #cf222e; --unknown: #9a6700; --revoked: #1a7f37; --invalid: #59636e; --skipped: #8c959f; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d;
  --accent: #4493f8; --live: #f85149; --unknown: #d29922; --revoked: #3fb950; --invalid: #9198a1; --skipped: #656c76; } }
[hidden] { display: none !important; }
body { margin: 0 auto; max-width: 84rem; padding: 1.5rem; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; } h2 small { font-weight: normal; color: var(--muted); }
.meta, .note, figcaption, footer { color: var(--muted); }
.urgent { color: var(--live); font-weight: 600; }
.totals { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; padding: 0; }
.totals div { min-width: 7rem; padding: .5rem .75rem; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); }
.totals dt { font-size: .8rem; color: var(--muted); } .totals dd { margin: 0; font-size: 1.5rem; font-weight: 600; }
.totals .live dd { color: var(--live); } .totals .unknown dd { color: var(--unknown); } .totals .revoked dd { color: var(--revoked); }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem 3rem; align-items: flex-start; }
figure { margin: 0; } figcaption { margin-bottom: .25rem; font-weight: 600; }
svg { max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
svg text { fill: var(--fg); } svg .bar rect { fill: var(--accent); } svg .axis { stroke: var(--line); }
svg .status-live rect { fill: var(--live); } svg .status-unknown rect { fill: var(--unknown); } svg .status-revoked rect { fill: var(--revoked); }
svg .status-invalid rect { fill: var(--invalid); } svg .status-skipped rect { fill: var(--skipped); }
.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin: 1rem 0; padding: .75rem; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); }
.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
.filters select, .filters input { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: .2rem .4rem; }
.filters input { min-width: 16rem; }
table { width: 100%; border-collapse: collapse; margin-bottom: .5rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
th { background: var(--panel); font-size: .85rem; white-space: nowrap; }
td.place, td.key small { overflow-wrap: anywhere; } td.nowrap { white-space: nowrap; }
th button { all: unset; cursor: pointer; } th button:focus-visible { outline: 2px solid var(--accent); }
th button::after { content: " \\2195"; color: var(--muted); }
th[aria-sort=ascending] button::after { content: " \\2191"; } th[aria-sort=descending] button::after { content: " \\2193"; }
td small { display: block; color: var(--muted); }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
a { color: var(--accent); }
.status { font-weight: 600; } .status-live { color: var(--live); } .status-unknown { color: var(--unknown); } .status-revoked { color: var(--revoked); }
.status-invalid, .status-skipped { color: var(--invalid); font-weight: normal; }
.sev-critical { color: var(--live); font-weight: 600; }
footer { margin-top: 2rem; padding-top: .75rem; border-top: 1px solid var(--line); font-size: .85rem; }
@media print {
  :root { color-scheme: light; --fg: #000; --muted: #444; --bg: #fff; --panel: #fff; --line: #bbb; --accent: #000; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  .filters, noscript { display: none !important; }
  a { color: inherit; text-decoration: none; }
  th button::after { content: none; }
  tr, figure, .totals div { break-inside: avoid; } thead { display: table-header-group; } h2 { break-after: avoid; }
}
`;

/**
 * Sorting and filtering, added on top of a page that lists every finding without it: with
 * JavaScript off the rows are all there, in the report's order, and the filter form stays
 * hidden. Plain ES2017, no template literals, so it sits in a TypeScript string unchanged.
 */
export const script = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var shown = document.getElementById('shown');
  var tables = Array.prototype.slice.call(document.querySelectorAll('table.findings'));
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

  function sortKey(row, index) {
    var cell = row.cells[index];
    if (!cell) return '';
    var key = cell.getAttribute('data-sort');
    return key === null ? cell.textContent : key;
  }

  function sortBy(table, header, index) {
    var ascending = header.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var order = collator.compare(sortKey(a, index), sortKey(b, index));
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  tables.forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = header.textContent;
      button.title = 'sort by ' + header.textContent;
      header.textContent = '';
      header.appendChild(button);
      button.addEventListener('click', function () { sortBy(table, header, index); });
    });
  });

  if (!form) return;
  var provider = form.elements.namedItem('provider');
  var status = form.elements.namedItem('status');
  var text = form.elements.namedItem('text');

  function matches(row, wantedProvider, wantedStatus, words) {
    if (wantedProvider && row.getAttribute('data-provider') !== wantedProvider) return false;
    if (wantedStatus && row.getAttribute('data-status') !== wantedStatus) return false;
    return !words || row.textContent.toLowerCase().indexOf(words) !== -1;
  }

  function filter() {
    var wantedProvider = provider ? provider.value : '';
    var wantedStatus = status ? status.value : '';
    var words = text ? text.value.trim().toLowerCase() : '';
    var total = 0;
    var visible = 0;
    tables.forEach(function (table) {
      var rows = table.tBodies[0].rows;
      var left = 0;
      for (var i = 0; i < rows.length; i++) {
        var match = matches(rows[i], wantedProvider, wantedStatus, words);
        rows[i].hidden = !match;
        if (match) left++;
      }
      total += rows.length;
      visible += left;
      table.hidden = left === 0;
      var none = table.parentNode.querySelector('.none');
      if (none) none.hidden = left > 0;
    });
    if (shown) shown.textContent = visible === total ? total + ' shown' : visible + ' of ' + total + ' shown';
  }

  form.addEventListener('input', filter);
  form.addEventListener('change', filter);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.hidden = false;
  filter();
})();
`;

/** node:crypto, loaded only when a page is rendered (~8 ms of every start otherwise). */
const cspSource = (text: string) => `'sha256-${(createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(text, 'utf8').digest('base64')}'`;

let policy: string | undefined;

/**
 * Nothing from anywhere but this page: no fetch, frame, font, image or form target; the one
 * style and the one script by hash. `img-src data:` is for the empty icon the page names, so
 * the browser asks no server for `/favicon.ico`. Navigating by a link (to GitHub) is a click,
 * not a request the page makes. Hashed on first use, not when the report modules load (every
 * run loads them; hashing loads node:crypto).
 */
export function contentSecurityPolicy(): string {
  policy ??= ["default-src 'none'", `style-src ${cspSource(style)}`, `script-src ${cspSource(script)}`, 'img-src data:', "base-uri 'none'", "form-action 'none'"].join('; ');
  return policy;
}
