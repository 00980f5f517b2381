import { higherIsBetter, isOperational } from '../metrics/names.ts';
import type { Evaluation, ModelEvaluation, RuleResult, SliceEvaluation } from './types.ts';
import type { LabelJoinSummary } from './label-join.ts';
import { gateApplied } from './verdict.ts';
import { GITHUB_COMMENT_LIMIT, code, fitToLimit, formatNumber, formatP, table } from '../report/markdown.ts';
import { xyChart, type XySeries } from '../report/mermaid.ts';

const STATUS = { pass: '✅ pass', fail: '❌ fail', skipped: '⏭️ skipped' } as const;
/** More bars than this do not read at comment width: the (worst-first) table stands alone. */
const MAX_CHART_SLICES = 6;
/**
 * Relative changes within these margins are run-to-run noise of timing a model on a shared
 * runner (or of a rebuilt file's size): shown, not coloured, so a model compared with itself
 * shows no red. Latency below LATENCY_FLOOR_MS of absolute change is noise whatever its ratio.
 */
const NOISE_MARGIN: Record<string, number> = { p50_latency_ms: 0.25, p99_latency_ms: 0.5, throughput_rows_per_s: 0.25, size_mb: 0.01 };
const LATENCY_FLOOR_MS = 0.05;
/** Series colours where a chart names them (mermaid's xychart has no legend). */
const CANDIDATE_COLOR = '#1f77b4';
const CHAMPION_COLOR = '#ff7f0e';
const CHANCE_COLOR = '#9e9e9e';
const IDEAL_COLOR = '#424242';
/** Confusion matrices beyond this many classes go to the JSON report only. */
const MAX_CONFUSION_CLASSES = 15;

interface Limits {
  sliceRows: number;
  ruleRows: number;
  classRows: number;
}

/**
 * The evaluation as one Markdown document for a PR comment or job summary: verdict banner,
 * metrics table with the rules, significance, slices, per-class scores, confusion matrices
 * and mermaid charts. It stays under GitHub's comment limit by cutting the longest tables
 * (slice, slice-rule and per-class rows) with a note, never by dropping the verdict.
 */
export function evaluationMarkdown(ev: Evaluation, limit = GITHUB_COMMENT_LIMIT): string {
  const limits: Limits = { sliceRows: ev.slices.length, ruleRows: ev.verdict.results.length, classRows: ev.candidate.perClass?.length ?? 0 };
  let text = render(ev, limits);
  while (text.length > limit && (limits.sliceRows > 10 || limits.ruleRows > 10 || limits.classRows > 10)) {
    limits.sliceRows = shrink(limits.sliceRows);
    limits.ruleRows = shrink(limits.ruleRows);
    limits.classRows = shrink(limits.classRows);
    text = render(ev, limits);
  }
  return fitToLimit(text, limit);
}

function shrink(n: number): number {
  return n > 10 ? Math.max(10, Math.floor(n * 0.7)) : n;
}

function render(ev: Evaluation, limits: Limits): string {
  const parts = [
    banner(ev),
    metricsSection(ev),
    paramsSection(ev),
    significanceSection(ev),
    failingSection(ev, limits),
    slicesSection(ev, limits),
    classSection(ev, limits),
    curvesSection(ev),
    residualsSection(ev),
    calibrationSection(ev),
  ];
  return parts.filter((p) => p !== '').join('\n\n') + '\n';
}

function banner(ev: Evaluation): string {
  const v = ev.verdict;
  const failed = v.results.filter((r) => r.status === 'fail');
  const head = !gateApplied(ev)
    ? '## ⏭️ Evaluation gate not applied: too few rows'
    : v.passed
      ? '## ✅ Evaluation gate passed'
      : `## ❌ Evaluation gate failed: ${failed.length} of ${v.results.length} rules`;
  const against = ev.champion
    ? `${code(ev.candidate.model)} (candidate) vs ${code(ev.champion.model)} (champion)`
    : ev.labels
      ? `${code(ev.candidate.model)} on late labels`
      : `${code(ev.candidate.model)} (candidate; no champion yet)`;
  const skipped = ev.skipped_rows ? ` (${formatNumber(ev.skipped_rows)} more skipped: empty target)` : '';
  const lines = [head, '', `${against} — ${ev.task} on ${code(ev.target)}, ${formatNumber(ev.rows)} rows${skipped} from ${ev.data.map(code).join(', ')}.`];
  if (ev.labels) lines.push('', labelsLine(ev.labels));
  if (!v.passed)
    lines.push(
      '',
      `Failing: ${failed
        .slice(0, 8)
        .map((r) => code(r.slice ? `${r.rule} @ ${r.slice}` : r.rule))
        .join(', ')}${failed.length > 8 ? ` and ${failed.length - 8} more` : ''}.`,
    );
  for (const note of v.notes) lines.push('', `> ${note}`);
  return lines.join('\n');
}

function labelsLine(j: LabelJoinSummary): string {
  const window = j.since ? `, ${formatNumber(j.outside_window_rows)} logged before ${j.since} left out` : '';
  const versions = Object.entries(j.served_versions);
  const served = versions.length ? `; served by ${versions.map(([v, n]) => `${code(v)} (${formatNumber(n)})`).join(', ')}` : '';
  const lines = [
    `Late labels from ${j.files.map(code).join(', ')} joined on ${code(j.key)}: ${formatNumber(j.matched_rows)} of ${formatNumber(j.logged_rows)} logged rows matched ` +
      `(${formatNumber(j.unmatched_rows)} without a label yet${window})${served}.`,
  ];
  // Most labels finding no prediction usually means the keys differ (type, padding, another id).
  if (j.labels > 0 && j.labels_without_prediction > j.labels / 2) {
    lines.push(
      '',
      `> ${formatNumber(j.labels_without_prediction)} of ${formatNumber(j.labels)} labels match no logged row: check that ${code(j.key)} holds the same ids in both.`,
    );
  }
  return lines.join('\n');
}

/** Within the noise margin of an operational metric: no colour (see NOISE_MARGIN). */
export function withinNoise(metric: string, candidate: number, champion: number): boolean {
  const margin = NOISE_MARGIN[metric];
  if (margin === undefined) return false;
  const d = Math.abs(candidate - champion);
  if (metric.endsWith('_latency_ms') && d < LATENCY_FLOOR_MS) return true;
  return d <= margin * Math.max(Math.abs(champion), Math.abs(candidate));
}

function delta(metric: string, candidate: number | null | undefined, champion: number | null | undefined): string {
  if (candidate === null || candidate === undefined || champion === null || champion === undefined) return '';
  const d = candidate - champion;
  if (d === 0) return '0';
  const shown = `${d > 0 ? '+' : ''}${formatNumber(d)}`;
  // A float-rounding difference is no change.
  if (formatNumber(d) === '≈ 0') return '≈ 0';
  if (withinNoise(metric, candidate, champion)) return `${shown} (noise)`;
  const better = higherIsBetter(metric) ? d > 0 : d < 0;
  return `${shown} ${better ? '🟢' : '🔴'}`;
}

function metricsSection(ev: Evaluation): string {
  const overall = ev.verdict.results.filter((r) => r.section === 'rules' || r.section === 'budgets');
  const names = Object.keys(ev.candidate.metrics);
  if (names.length === 0) return '';
  const champion = ev.champion;
  const rows = names.map((name) => {
    const rules = overall.filter((r) => r.metric === name);
    return [
      name,
      value(ev.candidate.metrics[name]),
      ...(champion ? [value(champion.metrics[name]), delta(name, ev.candidate.metrics[name], champion.metrics[name])] : []),
      rules.map((r) => code(r.rule)).join('<br>'),
      rules.map((r) => `${STATUS[r.status]} (${r.reason})`).join('<br>'),
    ];
  });
  // A first model has no champion: no empty champion and Δ columns.
  const header = champion ? ['metric', 'candidate', 'champion', 'Δ', 'rule', 'result'] : ['metric', 'candidate', 'rule', 'result'];
  const align = (champion ? ['l', 'r', 'r', 'r', 'l', 'l'] : ['l', 'r', 'l', 'l']) as ('l' | 'r')[];
  const lines = ['### Metrics', '', table(header, rows, align)];
  if (champion && names.some(isOperational)) {
    const margins = Object.entries(NOISE_MARGIN)
      .map(([m, x]) => `${m} ±${Math.round(x * 100)}%`)
      .join(', ');
    lines.push(
      '',
      `<sub>Operational changes within the noise of timing on a shared runner are marked (noise), not coloured: ${margins} (latency changes under ${LATENCY_FLOOR_MS} ms always).</sub>`,
    );
  }
  return lines.join('\n');
}

/** A retrain's parameters against the champion's (as `dvc exp diff` shows): the changed ones. */
function paramsSection(ev: Evaluation): string {
  const a = ev.champion?.params;
  const b = ev.candidate.params;
  if (!ev.champion || (!a && !b)) return '';
  if (!a || !b) return ['### Parameters', '', `Recorded for the ${a ? 'champion' : 'candidate'} only (lineage.json), so they cannot be compared.`].join('\n');
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const changed = names.filter((n) => !same(a[n], b[n]));
  const shown = (v: unknown) => (v === undefined ? '—' : typeof v === 'number' ? formatNumber(v) : code(typeof v === 'string' ? v : JSON.stringify(v)));
  const lines = ['### Parameters', ''];
  if (changed.length === 0) lines.push(`Same parameters as the champion (${names.length}).`);
  else {
    lines.push(
      table(
        ['parameter', 'champion', 'candidate'],
        changed.map((n) => [n, shown(a[n]), shown(b[n])]),
        ['l', 'r', 'r'],
      ),
    );
    if (names.length > changed.length) lines.push('', `${names.length - changed.length} other parameters unchanged.`);
  }
  return lines.join('\n');
}

function value(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : formatNumber(v);
}

function significanceSection(ev: Evaluation): string {
  const s = ev.significance;
  if (!s) return '';
  const b = s.bootstrap;
  const rows: (string | number)[][] = [
    [
      `paired bootstrap, ${formatNumber(b.resamples)} resamples (seed ${b.seed})`,
      `Δ ${s.metric} = ${formatNumber(b.observed)}; ${Math.round(b.confidence * 100)}% CI [${formatNumber(b.lower)}, ${formatNumber(b.upper)}]${b.skipped ? `; ${b.skipped} resamples undefined` : ''}`,
    ],
  ];
  if (s.mcnemar)
    rows.push([
      `McNemar (${s.mcnemar.method === 'exact' ? 'exact binomial' : 'χ² with continuity correction'})`,
      `p = ${formatP(s.mcnemar.pValue)}; right only by candidate ${s.mcnemar.candidateOnly}, only by champion ${s.mcnemar.championOnly}`,
    ]);
  return [
    '### Significance',
    '',
    `${s.significant ? '✅ significant improvement' : '❌ no significant improvement'} in ${code(s.metric)}.`,
    '',
    table(['test', 'result'], rows),
  ].join('\n');
}

function failingSection(ev: Evaluation, limits: Limits): string {
  const sliceRules = ev.verdict.results.filter((r) => r.section === 'slices');
  if (sliceRules.length === 0) return '';
  const failing = sliceRules.filter((r) => r.status === 'fail');
  const summary = `Slice rules: ${sliceRules.filter((r) => r.status === 'pass').length} pass, ${failing.length} fail, ${sliceRules.filter((r) => r.status === 'skipped').length} skipped (too few rows).`;
  if (failing.length === 0) return ['### Slice rules', '', summary].join('\n');
  return ['### Slice rules', '', summary, '', ruleTable(failing, limits.ruleRows)].join('\n');
}

function ruleTable(results: RuleResult[], max: number): string {
  const shown = results.slice(0, max);
  const rows = shown.map((r) => [r.slice ?? '', code(r.rule), value(r.candidate), value(r.threshold), `${STATUS[r.status]} (${r.reason})`]);
  const more = results.length > shown.length ? `\n\n_${results.length - shown.length} more rows cut to fit GitHub's size limit; see the JSON report._` : '';
  return table(['slice', 'rule', 'candidate', 'threshold', 'result'], rows) + more;
}

function slicesSection(ev: Evaluation, limits: Limits): string {
  if (ev.slices.length === 0) return '';
  const m = ev.primary_metric;
  const champion = ev.champion !== null;
  const worse = ev.slices.filter((s) => s.worse);
  // Worst first so a cut table still shows what a reviewer must see.
  const ordered = [...ev.slices].sort((a, b) => gap(m, b) - gap(m, a));
  const shown = ordered.slice(0, limits.sliceRows);
  const rows = shown.map((s) => [
    s.column,
    s.value,
    s.rows,
    value(s.candidate[m]),
    ...(champion ? [value(s.champion?.[m]), delta(m, s.candidate[m], s.champion?.[m]), s.worse ? '⚠️ worse' : ''] : []),
  ]);
  const header = champion ? ['column', 'slice', 'rows', `candidate ${m}`, `champion ${m}`, 'Δ', 'flag'] : ['column', 'slice', 'rows', m];
  const align = (champion ? ['l', 'l', 'r', 'r', 'r', 'r', 'l'] : ['l', 'l', 'r', 'r']) as ('l' | 'r')[];
  const lines = [
    '### Slices',
    '',
    champion
      ? `${worse.length} of ${ev.slices.length} slices are worse than the champion on ${code(m)}.`
      : `${ev.slices.length} slices, ${code(m)} per slice, lowest first.`,
    '',
    table(header, rows, align),
  ];
  if (shown.length < ev.slices.length)
    lines.push('', `_${ev.slices.length - shown.length} more slices cut to fit GitHub's size limit (the worst are shown); see the JSON report._`);
  const charted = ordered.filter((s) => s.rows > 0);
  if (charted.length > 0 && charted.length <= MAX_CHART_SLICES) {
    const title = `${m} by slice${champion ? ' (bars: candidate, line: champion)' : ''}`;
    const series: XySeries[] = [{ kind: 'bar', values: charted.map((s) => s.candidate[m] ?? null) }];
    if (champion) series.push({ kind: 'line', values: charted.map((s) => s.champion?.[m] ?? null) });
    const values = series.flatMap((x) => x.values).filter((v): v is number => v !== null);
    const unit = values.every((v) => v >= 0 && v <= 1) && !['rmse', 'mae'].includes(m);
    lines.push(
      '',
      xyChart({
        title,
        xLabels: charted.map((s) => `${s.column}=${s.value}`),
        yLabel: m,
        yRange: unit ? [0, 1] : undefined,
        series,
        colors: [CANDIDATE_COLOR, CHAMPION_COLOR],
      }),
    );
  }
  return lines.join('\n');
}

/** How much worse than the champion a slice is (or how low, without a champion); empty slices last. */
function gap(metric: string, s: SliceEvaluation): number {
  const c = s.candidate[metric];
  if (c === null || c === undefined) return Number.NEGATIVE_INFINITY;
  const reference = s.champion?.[metric] ?? (higherIsBetter(metric) ? 1 : 0);
  return higherIsBetter(metric) ? reference - c : c - reference;
}

function classSection(ev: Evaluation, limits: Limits): string {
  const per = ev.candidate.perClass;
  if (!per || per.length === 0) return '';
  const shown = per.slice(0, limits.classRows);
  const lines = [
    '### Per class (candidate)',
    '',
    table(
      ['class', 'precision', 'recall', 'F1', 'support'],
      shown.map((c) => [c.label, c.precision, c.recall, c.f1, c.support]),
      ['l', 'r', 'r', 'r', 'r'],
    ),
  ];
  if (shown.length < per.length) lines.push('', `_${per.length - shown.length} more classes cut to fit GitHub's size limit; see the JSON report._`);
  const candidate = confusion(ev.candidate);
  if (candidate) lines.push('', '**Confusion matrix (candidate)**: rows true, columns predicted.', '', candidate);
  const champion = ev.champion && confusion(ev.champion);
  if (champion) lines.push('', '<details><summary>Confusion matrix (champion)</summary>', '', champion, '', '</details>');
  return lines.join('\n');
}

function confusion(m: ModelEvaluation): string {
  const c = m.confusion;
  if (!c) return '';
  if (c.labels.length > MAX_CONFUSION_CLASSES) return `_${c.labels.length} classes: the confusion matrix is in the JSON report only._`;
  const rows = c.labels.map((label, i) => [`**${label}**`, ...c.matrix[i]]);
  return table(['true \\ predicted', ...c.labels], rows, ['l', ...c.labels.map(() => 'r' as const)]);
}

/** ROC and precision–recall of a binary classifier: candidate and champion lines on one chart each. */
function curvesSection(ev: Evaluation): string {
  const cand = ev.candidate.curves;
  if (!cand) return '';
  const champ = ev.champion?.curves;
  const who = champ ? `blue: candidate, orange: champion` : 'blue: candidate';
  const auc = (name: string) => `${name} ${value(ev.candidate.metrics[name])}${ev.champion ? ` (champion ${value(ev.champion.metrics[name])})` : ''}`;
  const roc = xyChart({
    title: `ROC (${who}, grey: chance)`,
    xRange: [0, 1],
    xTitle: 'false-positive rate',
    yLabel: 'true-positive rate',
    yRange: [0, 1],
    series: [
      { kind: 'line', values: cand.roc.tpr },
      ...(champ ? [{ kind: 'line' as const, values: champ.roc.tpr }] : []),
      { kind: 'line', values: cand.roc.fpr },
    ],
    colors: [CANDIDATE_COLOR, ...(champ ? [CHAMPION_COLOR] : []), CHANCE_COLOR],
  });
  const pr = xyChart({
    title: `Precision–recall (${who})`,
    xRange: [0, 1],
    xTitle: 'recall',
    yLabel: 'precision',
    yRange: [0, 1],
    series: [{ kind: 'line', values: cand.pr.precision }, ...(champ ? [{ kind: 'line' as const, values: champ.pr.precision }] : [])],
    colors: [CANDIDATE_COLOR, ...(champ ? [CHAMPION_COLOR] : [])],
  });
  return [
    '### ROC and precision–recall',
    '',
    `${auc('roc_auc')}; ${auc('pr_auc')}. Curves on a 21-point grid; precision is interpolated (the best at recall ≥ r).`,
    '',
    roc,
    '',
    pr,
  ].join('\n');
}

/** Regression: where the errors fall, candidate bars and champion line over the same bins. */
function residualsSection(ev: Evaluation): string {
  const cand = ev.candidate.residuals;
  if (!cand) return '';
  const champ = ev.champion?.residuals;
  // Overlay the champion only on the candidate's bins (evaluate bins it so; an older JSON may not).
  const edge = cand.edges[cand.edges.length - 1];
  const sameBins = champ && champ.counts.length === cand.counts.length && Math.abs(champ.edges[champ.edges.length - 1] - edge) <= 1e-5 * Math.abs(edge);
  // Three significant digits keep a dozen bin labels apart at comment width.
  const centres = cand.edges.slice(0, -1).map((e, i) => formatNumber(Number(((e + cand.edges[i + 1]) / 2).toPrecision(3))));
  const lines = [
    '### Residuals',
    '',
    `y − ŷ of the candidate in ${cand.counts.length} bins over ±${formatNumber(cand.edges[cand.edges.length - 1])} (the 99th percentile of |y − ŷ|)` +
      `${cand.clipped ? `; ${formatNumber(cand.clipped)} rows beyond are counted in the outer bins` : ''}. Centred on 0 and narrow is good; a shifted peak is bias.`,
    '',
    xyChart({
      title: `Residuals y − ŷ (rows per bin${sameBins ? '; bars: candidate, line: champion' : ''})`,
      xLabels: centres,
      yLabel: 'rows',
      series: [{ kind: 'bar', values: cand.counts }, ...(sameBins ? [{ kind: 'line' as const, values: champ!.counts }] : [])],
      colors: [CANDIDATE_COLOR, CHAMPION_COLOR],
    }),
  ];
  return lines.join('\n');
}

function calibrationSection(ev: Evaluation): string {
  const bins = ev.candidate.calibration;
  if (!bins || bins.length === 0) return '';
  const champ = ev.champion?.calibration;
  const labels = bins.map((b) => `${formatNumber(b.lower)}-${formatNumber(b.upper)}`);
  const series = [
    { kind: 'line' as const, values: bins.map((b) => (b.lower + b.upper) / 2) },
    { kind: 'bar' as const, values: bins.map((b) => b.accuracy) },
  ];
  const lines = [
    '### Calibration',
    '',
    `ECE ${value(ev.candidate.metrics.ece)}${ev.champion ? ` (champion ${value(ev.champion.metrics.ece)})` : ''}: top-class confidence in 10 equal-width bins.`,
    '',
    xyChart({
      title: 'Reliability (bars: candidate accuracy, line: ideal)',
      xLabels: labels,
      xTitle: 'top-class confidence',
      yLabel: 'accuracy',
      yRange: [0, 1],
      series,
      colors: [IDEAL_COLOR, CANDIDATE_COLOR],
    }),
  ];
  const rows = bins.map((b, i) => [labels[i], b.count, b.confidence, b.accuracy]);
  lines.push(
    '',
    '<details><summary>Calibration bins</summary>',
    '',
    table(['confidence bin', 'rows', 'mean confidence', 'accuracy'], rows, ['l', 'r', 'r', 'r']),
    '',
    '</details>',
  );
  if (champ?.length)
    lines.push('', `Champion: ${champ.map((b) => `${formatNumber(b.lower)}-${formatNumber(b.upper)}: ${formatNumber(b.accuracy)}`).join(', ')}.`);
  return lines.join('\n');
}

/** Key metrics as a flat JSON object, for action outputs and scripts. */
export function keyMetrics(ev: Evaluation): Record<string, unknown> {
  return { verdict: ev.verdict.verdict, candidate: ev.candidate.metrics, champion: ev.champion?.metrics ?? null };
}
