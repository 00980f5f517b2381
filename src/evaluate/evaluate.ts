import { stat } from 'node:fs/promises';
import { binaryCurves, residualHistogram } from '../metrics/curves.ts';
import type { ReadOptions } from '../data/batch.ts';
import { toNumber } from '../data/values.ts';
import { PreparedClassification, classificationMetric, classificationMetrics, type ClassificationData } from '../metrics/classification.ts';
import { regressionMetrics, subsetRegression } from '../metrics/regression.ts';
import { mcnemar, pairedBootstrap } from '../metrics/significance.ts';
import { quantileSorted } from '../stats/special.ts';
import { formatNumber } from '../report/markdown.ts';
import type { ModelRunner } from '../model/types.ts';
import { collectPredictions, timeSingleRows, type BatchSource, type Collected } from './collect.ts';
import type { GateConfig, SignificanceConfig } from './gate.ts';
import { higherIsBetter } from '../metrics/names.ts';
import { sliceRows } from './slices.ts';
import type { Evaluation, ModelEvaluation, Scalars, SignificanceResult, SliceEvaluation } from './types.ts';
import { decide, type NoChampion } from './verdict.ts';
import { MlopsError, listPreview } from '../util/errors.ts';

export interface ModelUnderTest {
  runner: ModelRunner;
  /** How the report names it: the path or registry ref given. */
  name: string;
  /** The model file, for size_mb. */
  file?: string;
}

export interface EvaluateOptions {
  files: string[];
  /** How the report names the data (the paths as given); `files` by default. */
  dataNames?: string[];
  target: string;
  candidate: ModelUnderTest;
  champion?: ModelUnderTest;
  gate?: GateConfig;
  /** Slice columns besides the gate's `slices.columns`. */
  sliceColumns?: string[];
  /** Rows timed one at a time for p50/p99 latency. */
  latencyRows?: number;
  readOptions?: ReadOptions;
  source?: BatchSource;
  /**
   * Fewer rows than this and the gate is not applied: every rule is skipped and the verdict
   * passes with a note, so a scheduled check on labels still arriving does not raise alarms.
   */
  minRows?: number;
  /** Why there is no champion (monitored on late labels, first model, baseline not there yet): the report says so. */
  noChampion?: NoChampion;
  /** Milliseconds, monotonic (performance.now in the CLI). */
  clock: () => number;
  now: () => Date;
  onProgress?: (rows: number) => void;
}

/** A model's predictions as metric inputs: class indices and probabilities, or values. */
type Prepared = { kind: 'classification'; prep: PreparedClassification } | { kind: 'regression'; yTrue: Float64Array; yPred: Float64Array };

/**
 * Runs candidate (and champion) over the data, computes metrics overall and per slice,
 * the significance of the difference when the gate asks for it, and the verdict.
 */
export async function evaluateRunners(options: EvaluateOptions): Promise<Evaluation> {
  const models = options.champion ? [options.candidate, options.champion] : [options.candidate];
  const sliceColumns = [
    ...new Set([...(options.gate?.slices?.columns ?? []), ...Object.keys(options.gate?.slices?.bins ?? {}), ...(options.sliceColumns ?? [])]),
  ];
  const collected = await collectPredictions(
    options.files,
    models.map((m) => m.runner),
    {
      target: options.target,
      sliceColumns,
      sampleRows: options.latencyRows ?? 200,
      clock: options.clock,
      readOptions: options.readOptions,
      source: options.source,
      onProgress: options.onProgress,
    },
  );
  if (options.minRows !== undefined && collected.rows < options.minRows) return tooFewRows(options, collected, models);
  if (collected.rows === 0)
    throw new MlopsError(`no rows with a value in the target column "${options.target}" in ${listPreview(options.files)}: nothing to evaluate`);
  const task = collected.task;
  const significanceConfig = options.gate?.require_significant_improvement;
  const primary = significanceConfig?.metric ?? (task === 'classification' ? 'accuracy' : 'rmse');
  const prepared = models.map((m, i) => prepare(collected, i, m.runner));
  const evaluations: ModelEvaluation[] = [];
  for (let i = 0; i < models.length; i++) {
    // The champion's residuals share the candidate's bins, so the report can overlay them.
    const range = evaluations[0]?.residuals?.edges.at(-1);
    evaluations.push({ ...modelMetrics(prepared[i], true, range), model: models[i].name });
  }
  for (let i = 0; i < models.length; i++) Object.assign(evaluations[i].metrics, await operational(models[i], collected, i, options.clock));

  const slices: SliceEvaluation[] = [];
  for (const column of sliceColumns) {
    const groups = sliceRows(collected.sliceCells.get(column)!, options.gate?.slices?.bins[column]);
    const perModel = prepared.map((p) =>
      subsets(
        p,
        groups.map((g) => g.indices),
      ),
    );
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g];
      const [cand, champ] = perModel.map((parts) => modelMetrics(parts[g], false).metrics);
      const c = cand[primary] ?? null;
      const h = champ?.[primary] ?? null;
      const worse = champ && c !== null && h !== null ? (higherIsBetter(primary) ? c < h : c > h) : null;
      slices.push({ column, value: group.value, rows: group.indices.length, candidate: cand, champion: champ ?? null, worse });
    }
  }

  const significance = significanceConfig && prepared.length === 2 ? testImprovement(prepared[0], prepared[1], significanceConfig) : null;
  const champion = evaluations[1] ?? null;
  return {
    schema_version: 1,
    kind: 'evaluation',
    generated_at: options.now().toISOString(),
    task,
    target: options.target,
    data: options.dataNames ?? options.files,
    rows: collected.rows,
    skipped_rows: collected.skippedRows,
    primary_metric: primary,
    candidate: evaluations[0],
    champion,
    slices,
    significance,
    verdict: decide(options.gate, evaluations[0].metrics, champion?.metrics ?? null, slices, significance, options.noChampion),
  };
}

function tooFewRows(options: EvaluateOptions, collected: Collected, models: ModelUnderTest[]): Evaluation {
  const reason = `${formatNumber(collected.rows)} rows < min rows ${formatNumber(options.minRows!)}`;
  const gate = options.gate;
  const rules = gate ? [...gate.rules.map((r) => [r, 'rules'] as const), ...gate.budgets.map((r) => [r, 'budgets'] as const)] : [];
  const results = rules.map(([rule, section]) => ({
    rule: rule.text,
    section,
    metric: rule.metric,
    candidate: null,
    champion: null,
    threshold: null,
    status: 'skipped' as const,
    reason,
  }));
  return {
    schema_version: 1,
    kind: 'evaluation',
    generated_at: options.now().toISOString(),
    task: collected.task,
    target: options.target,
    data: options.dataNames ?? options.files,
    rows: collected.rows,
    skipped_rows: collected.skippedRows,
    primary_metric: collected.task === 'classification' ? 'accuracy' : 'rmse',
    candidate: { model: models[0].name, metrics: {} },
    champion: models[1] ? { model: models[1].name, metrics: {} } : null,
    slices: [],
    significance: null,
    min_rows: options.minRows,
    verdict: {
      verdict: 'pass',
      passed: true,
      hasChampion: models.length > 1,
      results,
      notes: [
        `Only ${formatNumber(collected.rows)} rows to evaluate, fewer than the minimum of ${formatNumber(options.minRows!)}: the gate was not applied and no metrics were computed.`,
      ],
    },
  };
}

function prepare(collected: Collected, m: number, runner: ModelRunner): Prepared {
  const out = collected.outputs[m];
  if (collected.task === 'regression') return { kind: 'regression', yTrue: collected.targetValues.toArray(), yPred: out.values.toArray() };
  const modelClasses = runner.info.classes ?? [];
  const classes = [...modelClasses];
  const index = new Map(classes.map((c, i) => [c, i]));
  // "1.0" in the data and class "1" in the model are the same label.
  const numericIndex = new Map<number, number>();
  classes.forEach((c, i) => {
    const v = toNumber(c);
    if (v !== undefined && !numericIndex.has(v)) numericIndex.set(v, i);
  });
  const indexOf = (label: string): number => {
    let i = index.get(label);
    if (i === undefined) {
      const v = toNumber(label);
      i = v === undefined ? undefined : numericIndex.get(v);
      if (i === undefined) {
        i = classes.length;
        classes.push(label);
      }
      index.set(label, i);
    }
    return i;
  };
  const n = collected.rows;
  const yTrue = new Int32Array(n);
  const yPred = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    yTrue[r] = indexOf(collected.targetLabels[r]);
    yPred[r] = indexOf(out.labels[r]);
  }
  const proba = out.proba.length === n * modelClasses.length && modelClasses.length > 0 ? out.proba.toArray() : undefined;
  const data: ClassificationData = { classes, yTrue, yPred, proba, k: modelClasses.length };
  return { kind: 'classification', prep: new PreparedClassification(data) };
}

function subsets(p: Prepared, groups: number[][]): Prepared[] {
  if (p.kind === 'regression') return groups.map((g) => ({ kind: 'regression', yTrue: subsetRegression(p.yTrue, g), yPred: subsetRegression(p.yPred, g) }));
  return p.prep.subsets(groups).map((prep) => ({ kind: 'classification', prep }));
}

/** A model's metrics; with `curves`, also its ROC/PR curves or residuals (whole data only, not per slice). */
function modelMetrics(p: Prepared, curves = true, residualRange?: number): Omit<ModelEvaluation, 'model'> {
  if (p.kind === 'regression') {
    const residuals = curves ? residualHistogram(p.yTrue, p.yPred, residualRange) : null;
    return { metrics: regressionMetrics(p.yTrue, p.yPred), ...(residuals ? { residuals } : {}) };
  }
  const m = classificationMetrics(p.prep);
  const positive = curves && p.prep.binary && p.prep.data.proba ? p.prep.oneVsRest(1) : undefined;
  const drawn = positive ? binaryCurves(positive.positive, positive.scores, positive.order) : null;
  return { metrics: m.scalars, perClass: m.perClass, confusion: m.confusion, calibration: m.calibration, ...(drawn ? { curves: drawn } : {}) };
}

function metricWith(p: Prepared, name: string, weights?: Float64Array): number | null {
  if (p.kind === 'regression') return regressionMetrics(p.yTrue, p.yPred, weights)[name] ?? null;
  return classificationMetric(p.prep, name, weights);
}

async function operational(model: ModelUnderTest, collected: Collected, m: number, clock: () => number): Promise<Scalars> {
  const size = model.file ? (await stat(model.file)).size / 1e6 : null;
  const times = Float64Array.from(await timeSingleRows(model.runner, collected.sample, clock)).sort();
  const predictMs = collected.outputs[m].predictMs;
  return {
    size_mb: size,
    p50_latency_ms: times.length ? quantileSorted(times, 0.5) : null,
    p99_latency_ms: times.length ? quantileSorted(times, 0.99) : null,
    throughput_rows_per_s: predictMs > 0 ? collected.rows / (predictMs / 1000) : null,
  };
}

/**
 * "Significantly better": the bootstrap interval of candidate − champion lies wholly on the
 * improving side of 0 and, for classifiers with `mcnemar`, McNemar's p is below 1 − confidence
 * with the candidate right on more of the discordant rows.
 */
function testImprovement(candidate: Prepared, champion: Prepared, config: SignificanceConfig): SignificanceResult {
  const n = candidate.kind === 'regression' ? candidate.yTrue.length : candidate.prep.n;
  const bootstrap = pairedBootstrap(n, (w, which) => metricWith(which === 'candidate' ? candidate : champion, config.metric, w), config);
  const up = higherIsBetter(config.metric);
  const ciImproves = up ? bootstrap.lower > 0 : bootstrap.upper < 0;
  const pct = `${Math.round(config.confidence * 100)}%`;
  const reasons = [
    `Δ ${config.metric} ${signed(bootstrap.observed)}, ${pct} CI [${formatNumber(bootstrap.lower)}, ${formatNumber(bootstrap.upper)}] ${ciImproves ? 'lies' : 'does not lie'} ${up ? 'above' : 'below'} 0`,
  ];
  let significant = ciImproves && Number.isFinite(bootstrap.lower);
  let mc: SignificanceResult['mcnemar'] = null;
  if (config.mcnemar && candidate.kind === 'classification' && champion.kind === 'classification') {
    const right = (p: PreparedClassification) => Uint8Array.from(p.data.yTrue, (t, i) => (t === p.data.yPred[i] ? 1 : 0));
    mc = mcnemar(right(candidate.prep), right(champion.prep));
    const ok = mc.pValue < 1 - config.confidence && mc.candidateOnly > mc.championOnly;
    reasons.push(`McNemar p = ${formatNumber(mc.pValue)} (${mc.method}; candidate-only right ${mc.candidateOnly}, champion-only right ${mc.championOnly})`);
    significant = significant && ok;
  }
  return { metric: config.metric, bootstrap, mcnemar: mc, significant, reason: reasons.join('; ') };
}

function signed(v: number): string {
  return (v > 0 ? '+' : '') + formatNumber(v);
}
