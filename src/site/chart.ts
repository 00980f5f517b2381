import { esc, formatValue } from './html.ts';

export interface SeriesPoint {
  /** The x label (v1, v2, ...) and value. */
  label: string;
  value: number;
}

const W = 320;
const H = 160;
const PAD = { left: 48, right: 12, top: 24, bottom: 28 };

/**
 * One metric across versions as an inline SVG line chart, drawn at build time so the page
 * needs no chart library. Each point carries a <title> (the browser's tooltip) with its value.
 * The y axis spans the values' own range (padded), since the point is to see the change.
 */
export function lineChart(title: string, points: SeriesPoint[]): string {
  const values = points.map((p) => p.value);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.05 || 1;
    lo -= pad;
    hi += pad;
  } else {
    const pad = (hi - lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const r = (n: number) => n.toFixed(1);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(x(i))},${r(y(p.value))}`).join(' ');
  const ticks = [lo, (lo + hi) / 2, hi];
  const parts = [
    `<svg class="chart" role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg" aria-label="${esc(title)} across versions">`,
    `<text x="${PAD.left}" y="14" class="chart-title">${esc(title)}</text>`,
    ...ticks.map(
      (t) =>
        `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${r(y(t))}" y2="${r(y(t))}" class="grid"/><text x="${PAD.left - 4}" y="${r(y(t) + 4)}" text-anchor="end" class="tick">${esc(formatValue(t))}</text>`,
    ),
    `<path d="${path}" class="line" fill="none"/>`,
    ...points.map(
      (p, i) =>
        `<circle cx="${r(x(i))}" cy="${r(y(p.value))}" r="3.5" class="point" data-value="${esc(p.value)}"><title>${esc(p.label)}: ${esc(formatValue(p.value))}</title></circle>` +
        `<text x="${r(x(i))}" y="${H - 8}" text-anchor="middle" class="tick">${esc(p.label)}</text>`,
    ),
    '</svg>',
  ];
  return parts.join('');
}
