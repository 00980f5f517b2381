import { higherIsBetter } from '../evaluate/metric-names.ts';
import type { Evaluation, ModelEvaluation, RuleResult, SliceEvaluation } from '../evaluate/types.ts';
import type { LabelJoinSummary } from '../evaluate/label-join.ts';
import { gateApplied } from '../evaluate/verdict.ts';
import { GITHUB_COMMENT_LIMIT, code, fitToLimit, formatNumber, table } from './markdown.ts';
import { xyChart, type XySeries } from './mermaid.ts';

const STATUS = { pass: '✅ pass', fail: '❌ fail', skipped: '⏭️ skipped' } as const;
/** Charts with more categories than this are unreadable; they show the slices that lose most. */
const MAX_CHART_SLICES = 25;
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
  const parts = [banner(ev), metricsSection(ev), significanceSection(ev), failingSection(ev, limits), slicesSection(ev, limits), classSection(ev, limits), calibrationSection(ev)];
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
  if (!v.passed) lines.push('', `Failing: ${failed.slice(0, 8).map((r) => code(r.slice ? `${r.rule} @ ${r.slice}` : r.rule)).join(', ')}${failed.length > 8 ? ` and ${failed.length - 8} more` : ''}.`);
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
    lines.push('', `> ${formatNumber(j.labels_without_prediction)} of ${formatNumber(j.labels)} labels match no logged row: check that ${code(j.key)} holds the same ids in both.`);
  }
  return lines.join('\n');
}

function delta(metric: string, candidate: number | null | undefined, champion: number | null | undefined): string {
  if (candidate === null || candidate === undefined || champion === null || champion === undefined) return '';
  const d = candidate - champion;
  if (d === 0) return '0';
  const better = higherIsBetter(metric) ? d > 0 : d < 0;
  return `${d > 0 ? '+' : ''}${formatNumber(d)} ${better ? '🟢' : '🔴'}`;
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
      // No champion (first model, monitoring): no champion or Δ columns rather than empty ones.
      ...(champion ? [value(champion.metrics[name]), delta(name, ev.candidate.metrics[name], champion.metrics[name])] : []),
      rules.map((r) => code(r.rule)).join('<br>'),
      rules.map((r) => `${STATUS[r.status]} (${r.reason})`).join('<br>'),
    ];
  });
  const head = champion ? ['metric', 'candidate', 'champion', 'Δ', 'rule', 'result'] : ['metric', 'candidate', 'rule', 'result'];
  const align = champion ? (['l', 'r', 'r', 'r', 'l', 'l'] as const) : (['l', 'r', 'l', 'l'] as const);
  return ['### Metrics', '', table(head, rows, [...align])].join('\n');
}

function value(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : formatNumber(v);
}

function significanceSection(ev: Evaluation): string {
  const s = ev.significance;
  if (!s) return '';
  const b = s.bootstrap;
  const rows: (string | number)[][] = [
    [`paired bootstrap, ${formatNumber(b.resamples)} resamples (seed ${b.seed})`, `Δ ${s.metric} = ${formatNumber(b.observed)}; ${Math.round(b.confidence * 100)}% CI [${formatNumber(b.lower)}, ${formatNumber(b.upper)}]${b.skipped ? `; ${b.skipped} resamples undefined` : ''}`],
  ];
  if (s.mcnemar)
    rows.push([
      `McNemar (${s.mcnemar.method === 'exact' ? 'exact binomial' : 'χ² with continuity correction'})`,
      `p = ${formatNumber(s.mcnemar.pValue)}; right only by candidate ${s.mcnemar.candidateOnly}, only by champion ${s.mcnemar.championOnly}`,
    ]);
  return ['### Significance', '', `${s.significant ? '✅ significant improvement' : '❌ no significant improvement'} in ${code(s.metric)}.`, '', table(['test', 'result'], rows)].join('\n');
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
  const worse = ev.slices.filter((s) => s.worse);
  // Worst first so a cut table still shows what a reviewer must see.
  const ordered = [...ev.slices].sort((a, b) => gap(m, b) - gap(m, a));
  const shown = ordered.slice(0, limits.sliceRows);
  const rows = shown.map((s) =>
    ev.champion
      ? [s.column, s.value, s.rows, value(s.candidate[m]), value(s.champion?.[m]), delta(m, s.candidate[m], s.champion?.[m]), s.worse ? '⚠️ worse' : '']
      : [s.column, s.value, s.rows, value(s.candidate[m])],
  );
  const lines = [
    '### Slices',
    '',
    ev.champion ? `${worse.length} of ${ev.slices.length} slices are worse than the champion on ${code(m)}.` : `${ev.slices.length} slices, ${code(m)} per slice.`,
    '',
    ev.champion
      ? table(['column', 'slice', 'rows', `candidate ${m}`, `champion ${m}`, 'Δ', 'flag'], rows, ['l', 'l', 'r', 'r', 'r', 'r', 'l'])
      : table(['column', 'slice', 'rows', `candidate ${m}`], rows, ['l', 'l', 'r', 'r']),
  ];
  if (shown.length < ev.slices.length) lines.push('', `_${ev.slices.length - shown.length} more slices cut to fit GitHub's size limit (the worst are shown); see the JSON report._`);
  const charted = ordered.filter((s) => s.rows > 0).slice(0, MAX_CHART_SLICES);
  if (charted.length > 0) {
    const title = `${m} by slice${ev.champion ? ' (bars: candidate, line: champion)' : ''}${charted.length < ev.slices.length ? `, ${charted.length} worst` : ''}`;
    const series: XySeries[] = [{ kind: 'bar', values: charted.map((s) => s.candidate[m] ?? null) }];
    if (ev.champion) series.push({ kind: 'line', values: charted.map((s) => s.champion?.[m] ?? null) });
    const values = series.flatMap((x) => x.values).filter((v): v is number => v !== null);
    const unit = values.every((v) => v >= 0 && v <= 1) && !['rmse', 'mae'].includes(m);
    lines.push('', xyChart({ title, xLabels: charted.map((s) => `${s.column}=${s.value}`), yLabel: m, yRange: unit ? [0, 1] : undefined, series }));
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
    table(['class', 'precision', 'recall', 'F1', 'support'], shown.map((c) => [c.label, c.precision, c.recall, c.f1, c.support]), ['l', 'r', 'r', 'r', 'r']),
  ];
  if (shown.length < per.length) lines.push('', `_${per.length - shown.length} more classes cut to fit GitHub's size limit; see the JSON report._`);
  for (const m of [ev.candidate, ev.champion]) if (m) lines.push('', confusion(m, m === ev.candidate ? 'candidate' : 'champion'));
  return lines.join('\n');
}

function confusion(m: ModelEvaluation, who: string): string {
  const c = m.confusion;
  if (!c) return '';
  if (c.labels.length > MAX_CONFUSION_CLASSES) return `_Confusion matrix (${who}): ${c.labels.length} classes, in the JSON report only._`;
  const rows = c.labels.map((label, i) => [`**${label}**`, ...c.matrix[i]]);
  return [`<details><summary>Confusion matrix (${who}): rows true, columns predicted</summary>`, '', table(['true \\ predicted', ...c.labels], rows), '', '</details>'].join('\n');
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
    xyChart({ title: 'Candidate reliability (bars: accuracy per confidence bin, line: perfect calibration)', xLabels: labels, yLabel: 'accuracy', yRange: [0, 1], series }),
  ];
  const rows = bins.map((b, i) => [labels[i], b.count, b.confidence, b.accuracy]);
  lines.push('', '<details><summary>Calibration bins</summary>', '', table(['confidence bin', 'rows', 'mean confidence', 'accuracy'], rows, ['l', 'r', 'r', 'r']), '', '</details>');
  if (champ?.length) lines.push('', `Champion: ${champ.map((b) => `${formatNumber(b.lower)}-${formatNumber(b.upper)}: ${formatNumber(b.accuracy)}`).join(', ')}.`);
  return lines.join('\n');
}

/** Key metrics as a flat JSON object, for action outputs and scripts. */
export function keyMetrics(ev: Evaluation): Record<string, unknown> {
  return { verdict: ev.verdict.verdict, candidate: ev.candidate.metrics, champion: ev.champion?.metrics ?? null };
}
