import type { ColumnDrift } from './compare.ts';
import type { DriftResult } from './detect.ts';
import { isPValueMethod } from './methods.ts';
import { formatNumber, formatP } from '../report/markdown.ts';

export interface DriftHtmlOptions {
  model?: string;
  reference?: string;
  current?: string;
  /** The model's target column: its row says "label". */
  target?: string;
}

const CSS = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;margin:24px}
h1{font-size:20px;margin:0 0 8px}p{margin:4px 0 12px}table{border-collapse:collapse}
th,td{border-bottom:1px solid #d1d9e0;padding:4px 10px;text-align:right;white-space:nowrap}
th{cursor:pointer;user-select:none;background:#f6f8fa;position:sticky;top:0}th:after{content:" ↕";color:#8c959f}
td:first-child,th:first-child,td.l{text-align:left}.drift{color:#cf222e;font-weight:600}.inconclusive{color:#9a6700;font-weight:600}
.ok{color:#1a7f37}svg{display:block}.r{fill:#8c959f}.c{fill:#0969da}small{color:#59636e}`;

// Sorts by the clicked column: numbers (data-v) numerically, else by text; a second click reverses.
const JS = `document.querySelectorAll('th').forEach(function(th,i){th.onclick=function(){var b=th.closest('table').tBodies[0],
d=th.dataset.d=th.dataset.d==='1'?'-1':'1',rows=[].slice.call(b.rows);rows.sort(function(x,y){var p=x.cells[i],q=y.cells[i],
a=p.dataset.v,c=q.dataset.v;return d*(a!==undefined&&c!==undefined?a-c:p.textContent.localeCompare(q.textContent))});
rows.forEach(function(r){b.appendChild(r)})}})`;

/**
 * The drift result as one self-contained HTML page (no network: CSS, the sorting script and
 * the SVG charts are inline): a table sortable by any column, with per column the statistic,
 * its error bound and threshold, the decision, the model's importance and weight, and
 * reference (grey) vs current (blue) shares per bin or category as bars.
 */
export function driftHtml(result: DriftResult, options: DriftHtmlOptions = {}): string {
  const entries = Object.entries(result.columns);
  const inconclusive = result.inconclusive_columns ?? [];
  const verdict = result.dataset_drift ? 'drift detected' : 'no dataset drift';
  const title = `Data drift${options.model ? ` — ${options.model}` : ''}: ${verdict}`;
  const summary =
    `${result.drifted_columns.length} of ${entries.length} columns drifted` +
    (inconclusive.length ? `, ${inconclusive.length} inconclusive (${inconclusiveMeaning(result)})` : '') +
    `; ${result.weighting === 'importance' ? 'importance-weighted' : 'weighted'} share ${formatNumber(result.share_drifted)}, the dataset drifts at ≥ ${formatNumber(result.drift_share_threshold)}.`;
  const sides = `Reference ${options.reference ? `<code>${esc(options.reference)}</code>, ` : ''}${formatNumber(result.reference_rows)} rows; current ${options.current ? `<code>${esc(options.current)}</code>, ` : ''}${formatNumber(result.current_rows)} rows.`;
  const head = ['column', 'type', 'method', 'statistic', '± bound', 'threshold', 'p-value', 'decision', 'importance', 'weight', 'reference vs current'];
  const rows = entries.map(([name, c]) => row(name, c, name === options.target));
  const skipped = Object.entries(result.skipped);
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title><style>${CSS}</style></head><body>` +
    `<h1>${esc(title)}</h1><p>${esc(summary)}<br>${sides}</p>` +
    `<table id="drift"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>` +
    (skipped.length ? `<p>Not compared: ${skipped.map(([n, r]) => `<code>${esc(n)}</code> (${esc(r)})`).join(', ')}.</p>` : '') +
    `<p><small>p-value tests drift when p &lt; threshold, distances when statistic ≥ threshold. ± bound: how far a sketched statistic can be from the raw data's ` +
    `(probability ≥ 1 − 10⁻⁶); a decision the bound cannot settle is inconclusive. Bars: share per reference-decile bin or category, reference grey, current blue. Definitions: docs/drift.md.</small></p>` +
    `<script>${JS}</script></body></html>\n`
  );
}

function inconclusiveMeaning(result: DriftResult): string {
  if (result.inconclusive_policy === 'drift') return 'counted as drifted';
  if (result.inconclusive_policy === 'no-drift') return 'counted as not drifted';
  return 'left out of the share';
}

function row(name: string, c: ColumnDrift, label: boolean): string {
  const decision = c.inconclusive ? 'inconclusive' : c.drifted ? 'drift' : 'ok';
  const bound = c.statistic_error_bound;
  const cells = [
    `<td><code>${esc(name)}</code>${label ? ' (label)' : ''}</td>`,
    `<td class="l">${c.type}</td>`,
    `<td class="l">${c.method}</td>`,
    num(c.statistic),
    bound === undefined || bound === null
      ? `<td data-v="-1" title="no proven bound (a t-digest profile, or truncated category counts)">—</td>`
      : c.statistic_interval
        ? `<td data-v="${bound}" title="raw-data statistic in [${formatNumber(c.statistic_interval[0])}, ${formatNumber(c.statistic_interval[1])}]">${formatNumber(bound)}</td>`
        : num(bound),
    `<td data-v="${c.threshold}">${isPValueMethod(c.method) ? 'p &lt; ' : '≥ '}${formatNumber(c.threshold)}</td>`,
    c.p_value === undefined ? `<td data-v="2">—</td>` : `<td data-v="${c.p_value}">${formatP(c.p_value)}</td>`,
    `<td class="l ${decision}">${decision}</td>`,
    c.importance === undefined ? `<td data-v="-1">—</td>` : num(c.importance),
    num(c.weight),
    `<td class="l">${bars(c)}</td>`,
  ];
  return `<tr>${cells.join('')}</tr>`;
}

function num(x: number): string {
  return `<td data-v="${Number.isFinite(x) ? x : x > 0 ? 1e308 : -1e308}">${formatNumber(x)}</td>`;
}

const CHART_W = 200;
const CHART_H = 36;

/** Paired bars per bin, one path per side (compact: a hundred columns stay a small file). */
function bars(c: ColumnDrift): string {
  const { labels, reference, current } = c.shares;
  const top = Math.max(1e-12, ...reference, ...current);
  const slot = CHART_W / labels.length;
  const w = Math.max(1, slot / 2 - 1);
  const path = (shares: number[], offset: number) =>
    shares
      .map((s, i) => {
        const h = Math.max(s > 0 ? 1 : 0, Math.round((s / top) * CHART_H * 10) / 10);
        return h > 0 ? `M${r1(i * slot + offset)} ${r1(CHART_H - h)}h${r1(w)}v${h}h${r1(-w)}z` : '';
      })
      .join('');
  const tip = labels.map((l, i) => `${l}: ${formatNumber(reference[i])} → ${formatNumber(current[i])}`).join('\n');
  return `<svg width="${CHART_W}" height="${CHART_H}" viewBox="0 0 ${CHART_W} ${CHART_H}" role="img"><title>${esc(tip)}</title><path class="r" d="${path(reference, 0)}"/><path class="c" d="${path(current, w)}"/></svg>`;
}

function r1(x: number): number {
  return Math.round(x * 10) / 10;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
