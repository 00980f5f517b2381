import type { ColumnDrift } from './compare.ts';
import type { DriftResult } from './detect.ts';
import { isPValueMethod, type DriftMethod } from './methods.ts';
import { code, fitToLimit, formatNumber, formatP, table } from '../report/markdown.ts';
import { xyChart } from '../report/mermaid.ts';

const METHOD_LABEL: Record<DriftMethod, string> = {
  ks: 'Kolmogorov–Smirnov',
  chisquare: 'chi-square',
  wasserstein: 'Wasserstein (norm.)',
  psi: 'PSI',
  js: 'Jensen–Shannon',
  chisquare_gof: 'chi-square (goodness of fit)',
  z: 'z-test (proportions)',
  fisher_exact: 'Fisher exact',
  g_test: 'G-test',
  anderson: 'Anderson–Darling',
  cramer_von_mises: 'Cramér–von Mises',
  mannwhitney: 'Mann–Whitney U',
  energy: 'energy distance',
  hellinger: 'Hellinger',
  tvd: 'total variation',
};

/** How many of the most drifted columns get a reference-vs-current distribution chart. */
const DISTRIBUTION_CHARTS = 3;

export interface DriftReportOptions {
  title?: string;
  /** Model name, shown in the heading when the check ran for a registered model. */
  model?: string;
  reference?: string;
  current?: string;
  /** The model's target column: its drift is label drift, and is named so. */
  target?: string;
}

const BAR_COLOR = '#1f77b4';
const LINE_COLOR = '#424242';

/** The drift report as GitHub Markdown: verdict, per-column table, mermaid charts. */
export function driftMarkdown(result: DriftResult, options: DriftReportOptions = {}): string {
  const entries = Object.entries(result.columns);
  const drifted = entries.filter(([, c]) => c.drifted);
  const verdict = result.dataset_drift ? '⚠️ drift detected' : '✅ no dataset drift';
  const lines = [`## ${options.title ?? 'Data drift'}${options.model ? ` — ${options.model}` : ''}: ${verdict}`, ''];
  const undecided = result.inconclusive_columns ?? [];
  lines.push(
    `${drifted.length} of ${entries.length} columns drifted${undecided.length ? `, ${undecided.length} inconclusive (the sketches' error bound straddles the threshold: ${undecided.map(code).join(', ')}; ${result.inconclusive_policy === 'exclude' ? 'left out of the share' : `counted as ${result.inconclusive_policy}`})` : ''} (${result.weighting === 'importance' ? 'importance-' : ''}weighted share ${formatNumber(result.share_drifted)}; the dataset drifts at ≥ ${formatNumber(result.drift_share_threshold)}). ` +
      `Reference ${options.reference ? code(options.reference) + ', ' : ''}${formatNumber(result.reference_rows)} rows; current ${options.current ? code(options.current) + ', ' : ''}${formatNumber(result.current_rows)} rows.`,
    '',
  );
  if (result.prediction_drift) {
    const p = result.prediction_drift;
    lines.push(
      `**Prediction drift** (${code(p.column)}): ${p.drifted ? '⚠️ yes' : 'no'} — ${METHOD_LABEL[p.method]} ${formatNumber(p.statistic)}${p.p_value !== undefined ? `, p = ${formatP(p.p_value)}` : ''}.`,
      '',
    );
  }
  const label = options.target !== undefined ? result.columns[options.target] : undefined;
  if (label) {
    // The target's distribution moving is label (prior) drift: the base rates changed, not the inputs.
    lines.push(
      `**Label drift** (${code(options.target!)}): ${label.drifted ? '⚠️ yes' : 'no'} — ${METHOD_LABEL[label.method]} ${formatNumber(label.statistic)}${label.p_value !== undefined ? `, p = ${formatP(label.p_value)}` : ''}.`,
      '',
    );
  }
  // Distances have no p-value: the column appears only when a test gave one.
  const pValues = entries.some(([, c]) => c.p_value !== undefined);
  const importance = entries.some(([, c]) => c.importance !== undefined);
  lines.push(
    table(
      ['column', 'type', 'method', 'statistic', ...(pValues ? ['p-value'] : []), 'threshold', 'drift', ...(importance ? ['importance'] : []), 'notes'],
      sortByDrift(entries).map(([name, c]) => [
        name === options.target ? `${code(name)} (label)` : code(name),
        c.type,
        METHOD_LABEL[c.method],
        formatNumber(c.statistic),
        ...(pValues ? [c.p_value === undefined ? '—' : formatP(c.p_value)] : []),
        `${isPValueMethod(c.method) ? 'p <' : '≥'} ${formatNumber(c.threshold)}`,
        c.inconclusive ? '❔ inconclusive' : c.drifted ? (name === options.target ? '⚠️ label drift' : '⚠️ drift') : 'ok',
        ...(importance ? [c.importance === undefined ? '—' : formatNumber(c.importance)] : []),
        notes(c),
      ]),
      ['l', 'l', 'l', 'r', ...(pValues ? ['r' as const] : []), 'r', 'l', ...(importance ? ['r' as const] : []), 'l'],
    ),
    '',
  );
  for (const chart of statisticCharts(entries)) lines.push(chart, '');
  for (const [name, c] of sortByDrift(drifted).slice(0, DISTRIBUTION_CHARTS)) lines.push(distributionChart(name, c), '');
  const skipped = Object.entries(result.skipped);
  if (skipped.length > 0) lines.push(`Not compared: ${skipped.map(([n, r]) => `${code(n)} (${r})`).join(', ')}.`, '');
  lines.push('<sub>p-value tests drift when p < threshold; distances when statistic ≥ threshold. Method definitions: docs/drift.md.</sub>');
  return fitToLimit(lines.join('\n') + '\n');
}

/** Most drifted first: by how far each column is past (or short of) its threshold. */
function sortByDrift(entries: [string, ColumnDrift][]): [string, ColumnDrift][] {
  return [...entries].sort((a, b) => severity(b[1]) - severity(a[1]) || (a[0] < b[0] ? -1 : 1));
}

function severity(c: ColumnDrift): number {
  if (isPValueMethod(c.method)) return c.threshold / Math.max(c.p_value ?? 1, 1e-300);
  return c.statistic / c.threshold;
}

function notes(c: ColumnDrift): string {
  const out: string[] = [];
  if (c.new_categories && c.new_categories.length > 0) out.push(`new: ${c.new_categories.slice(0, 5).join(', ')}${c.new_categories.length > 5 ? ', …' : ''}`);
  if (c.missing_categories && c.missing_categories.length > 0)
    out.push(`missing: ${c.missing_categories.slice(0, 5).join(', ')}${c.missing_categories.length > 5 ? ', …' : ''}`);
  if (c.wasserstein_raw !== undefined) out.push(`W₁ ${formatNumber(c.wasserstein_raw)}`);
  if (Math.abs(c.current_null_share - c.reference_null_share) >= 0.01) out.push(`nulls ${pct(c.reference_null_share)} → ${pct(c.current_null_share)}`);
  if (!c.exact) out.push(c.statistic_error_bound ? `sketch ± ${formatNumber(c.statistic_error_bound)}` : 'sketch');
  return out.join('; ');
}

function pct(x: number): string {
  return `${formatNumber(100 * x)}%`;
}

/** One xychart per method (their scales differ): statistic as bars, threshold as a line. */
function statisticCharts(entries: [string, ColumnDrift][]): string[] {
  const byMethod = new Map<DriftMethod, [string, ColumnDrift][]>();
  for (const e of entries) byMethod.set(e[1].method, [...(byMethod.get(e[1].method) ?? []), e]);
  return [...byMethod].map(([method, cols]) => {
    const pValue = isPValueMethod(method);
    const values = cols.map(([, c]) => (pValue ? c.p_value! : c.statistic));
    const title = pValue ? `${METHOD_LABEL[method]} p-value vs α (drift below the line)` : `${METHOD_LABEL[method]} vs threshold (drift above the line)`;
    return chart(
      title,
      pValue ? 'p-value' : 'statistic',
      cols.map(([n]) => n),
      values,
      cols.map(([, c]) => c.threshold),
    );
  });
}

function distributionChart(name: string, c: ColumnDrift): string {
  const s = c.shares;
  const per = c.type === 'number' || c.type === 'integer' ? 'reference-decile bin' : 'category';
  return chart(`${name}: reference (bars) vs current (line), share per ${per}`, 'share', s.labels, s.reference, s.current);
}

/** Bars and a line from 0; an infinite value (a constant reference column) is drawn at 1.5× the top. */
function chart(title: string, yLabel: string, labels: string[], bars: number[], line: number[]): string {
  const top = Math.max(0, ...[...bars, ...line].filter(Number.isFinite));
  const clip = (x: number) => (Number.isFinite(x) ? x : top * 1.5 || 1);
  return xyChart({
    title,
    xLabels: labels,
    yLabel,
    series: [
      { kind: 'bar', values: bars.map(clip) },
      { kind: 'line', values: line.map(clip) },
    ],
    colors: [BAR_COLOR, LINE_COLOR],
  });
}
