import type { Cell } from '../data/batch.ts';
import { readBatches } from '../data/read.ts';
import type { Labels } from '../data/labels.ts';
import { classificationMetric, PreparedClassification } from '../metrics/classification.ts';
import { regressionMetrics } from '../metrics/regression.ts';
import { mcnemar, type McNemarResult } from '../metrics/significance.ts';
import { DataError, listPreview } from '../util/errors.ts';

export const COMPARE_LOGS_SCHEMA_VERSION = 1;

/** The metrics reported per model when labels are joined. */
export const COMPARED_CLASSIFICATION_METRICS = ['accuracy', 'f1', 'roc_auc', 'log_loss'] as const;

export interface ModelSummary {
  role: 'primary' | 'shadow';
  version: string;
  rows: number;
  /** Rows per predicted value, most frequent first (the first 20). */
  predictions: { value: string; rows: number; share: number }[];
  distinct_values: number;
  /** When every prediction is a number (regression): their mean, min and max. */
  numeric?: { mean: number; min: number; max: number };
  labelled_rows?: number;
  metrics?: Record<string, number | null>;
}

export interface CompareLogsResult {
  schema_version: typeof COMPARE_LOGS_SCHEMA_VERSION;
  kind: 'mlops/compare-logs';
  /** shadow: both models scored every row; canary: each row was answered by one version. */
  mode: 'shadow' | 'canary';
  rows: number;
  models: ModelSummary[];
  /** Shadow mode: rows where the primary and shadow predictions are equal. */
  agreement?: { rows: number; agreeing: number; rate: number | null };
  /** Shadow mode with labels: McNemar's test on the rows both models scored, the shadow as candidate. */
  significance?: { test: 'mcnemar'; rows: number } & McNemarResult;
  labels?: { key: string; target: string; matched_rows: number; unmatched_rows: number };
}

interface Output {
  prediction: string;
  probabilities?: Map<string, number>;
}

interface Accumulator {
  role: ModelSummary['role'];
  version: string;
  counts: Map<string, number>;
  rows: number;
  /** Labelled rows: truth, prediction and probabilities by class. */
  truth: string[];
  outputs: Output[];
}

/**
 * Compares the models in prediction logs written by `mlops serve`: per-model prediction
 * distributions, primary–shadow agreement, and with labels each model's metrics and McNemar's
 * test. Logs are streamed; only labelled rows' outputs are kept in memory.
 */
export async function compareLogs(files: readonly string[], labels?: Labels): Promise<CompareLogsResult> {
  const models = new Map<string, Accumulator>();
  const model = (role: ModelSummary['role'], version: string) => {
    const id = `${role}\u0000${version}`;
    let acc = models.get(id);
    if (!acc) models.set(id, (acc = { role, version, counts: new Map(), rows: 0, truth: [], outputs: [] }));
    return acc;
  };
  let rows = 0;
  let shadowRows = 0;
  let agreeing = 0;
  let matched = 0;
  const primaryCorrect: boolean[] = [];
  const shadowCorrect: boolean[] = [];

  for (const file of files) {
    for await (const batch of readBatches(file)) {
      const col = (name: string) => batch.columns.indexOf(name);
      const prediction = col('prediction');
      const version = col('model_version');
      if (prediction < 0 || version < 0)
        throw new DataError(file, 'not a prediction log: it needs "prediction" and "model_version" columns (see mlops serve --log-predictions)');
      const shadowPrediction = col('shadow_prediction');
      const shadowVersion = col('shadow_model_version');
      const probabilityColumns = (prefix: string) => batch.columns.flatMap((c, i) => (c.startsWith(prefix) ? [[c.slice(prefix.length), i] as const] : []));
      const primaryProba = probabilityColumns('probability_');
      const shadowProba = probabilityColumns('shadow_probability_');
      const keyColumn = labels ? col(labels.key) : -1;
      if (labels && keyColumn < 0) throw new DataError(file, `no key column "${labels.key}" to join labels on (columns: ${listPreview(batch.columns)})`);
      batch.rows.forEach((row, r) => {
        if (row[prediction] === null || row[prediction] === undefined)
          throw new DataError(file, 'the prediction is empty', { row: batch.firstRow + r, column: 'prediction' });
        rows++;
        const truth = labels ? labels.byKey.get(text(row[keyColumn] ?? null)) : undefined;
        if (truth !== undefined) matched++;
        const primaryOut = output(row, prediction, primaryProba);
        record(model('primary', text(row[version] ?? null)), primaryOut, truth);
        const hasShadow = shadowPrediction >= 0 && row[shadowPrediction] !== null && row[shadowPrediction] !== undefined;
        if (!hasShadow) return;
        const shadowOut = output(row, shadowPrediction, shadowProba);
        record(model('shadow', shadowVersion >= 0 ? text(row[shadowVersion] ?? null) : ''), shadowOut, truth);
        shadowRows++;
        if (shadowOut.prediction === primaryOut.prediction) agreeing++;
        if (truth !== undefined) {
          primaryCorrect.push(same(primaryOut.prediction, truth));
          shadowCorrect.push(same(shadowOut.prediction, truth));
        }
      });
    }
  }

  const summaries = [...models.values()]
    .sort((a, b) => (a.role === b.role ? a.version.localeCompare(b.version, 'en', { numeric: true }) : a.role === 'primary' ? -1 : 1))
    .map((acc) => summarize(acc, labels !== undefined));
  const mode = shadowRows > 0 ? 'shadow' : 'canary';
  return {
    schema_version: COMPARE_LOGS_SCHEMA_VERSION,
    kind: 'mlops/compare-logs',
    mode,
    rows,
    models: summaries,
    ...(mode === 'shadow' ? { agreement: { rows: shadowRows, agreeing, rate: shadowRows ? agreeing / shadowRows : null } } : {}),
    ...(mode === 'shadow' && primaryCorrect.length > 0
      ? { significance: { test: 'mcnemar' as const, rows: primaryCorrect.length, ...mcnemar(shadowCorrect, primaryCorrect) } }
      : {}),
    ...(labels ? { labels: { key: labels.key, target: labels.target, matched_rows: matched, unmatched_rows: rows - matched } } : {}),
  };

  function record(acc: Accumulator, out: Output, truth: string | undefined) {
    acc.rows++;
    acc.counts.set(out.prediction, (acc.counts.get(out.prediction) ?? 0) + 1);
    if (truth === undefined) return;
    acc.truth.push(truth);
    acc.outputs.push(out);
  }
}

function output(row: Cell[], prediction: number, probabilityColumns: readonly (readonly [string, number])[]): Output {
  if (probabilityColumns.length === 0) return { prediction: text(row[prediction]) };
  const probabilities = new Map<string, number>();
  for (const [cls, i] of probabilityColumns) {
    const v = Number(row[i]);
    if (row[i] !== null && row[i] !== undefined && Number.isFinite(v)) probabilities.set(cls, v);
  }
  return { prediction: text(row[prediction]), probabilities: probabilities.size > 0 ? probabilities : undefined };
}

function summarize(acc: Accumulator, labelled: boolean): ModelSummary {
  const entries = [...acc.counts.entries()];
  const predictions = entries
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_VALUES)
    .map(([value, rows]) => ({ value, rows, share: rows / acc.rows }));
  const summary: ModelSummary = { role: acc.role, version: acc.version, rows: acc.rows, predictions, distinct_values: entries.length };
  if (entries.every(([value]) => isNumber(value))) {
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const [value, rows] of entries) {
      const v = Number(value);
      sum += v * rows;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    summary.numeric = { mean: sum / acc.rows, min, max };
  }
  if (!labelled) return summary;
  summary.labelled_rows = acc.truth.length;
  summary.metrics = acc.truth.length === 0 ? {} : modelMetrics(acc.truth, acc.outputs);
  return summary;
}

/**
 * Classification when the log has probabilities or the predictions are not all numbers;
 * otherwise regression (rmse, mae, r2, mape).
 */
function modelMetrics(truth: string[], outputs: Output[]): Record<string, number | null> {
  const withProba = outputs.every((o) => o.probabilities);
  if (!withProba && outputs.every((o) => isNumber(o.prediction)) && truth.every(isNumber) && new Set(truth).size > 2) {
    return regressionMetrics(
      Float64Array.from(truth, Number),
      Float64Array.from(outputs, (o) => Number(o.prediction)),
    );
  }
  // The model's probability columns come first, in their logged order, as the metrics expect.
  const modelClasses = withProba ? [...outputs[0].probabilities!.keys()] : [];
  const classes = [...modelClasses];
  const index = new Map(classes.map((c, i) => [c, i]));
  const indexOf = (v: string) => {
    let i = index.get(v);
    if (i === undefined) index.set(v, (i = classes.push(v) - 1));
    return i;
  };
  const n = truth.length;
  const yTrue = Int32Array.from(truth, indexOf);
  const yPred = Int32Array.from(outputs, (o) => indexOf(o.prediction));
  const k = modelClasses.length;
  const proba = withProba ? new Float64Array(n * k) : undefined;
  if (proba) outputs.forEach((o, i) => modelClasses.forEach((c, j) => (proba[i * k + j] = o.probabilities!.get(c) ?? 0)));
  const prep = new PreparedClassification({ classes, yTrue, yPred, proba, k: withProba ? k : classes.length });
  return Object.fromEntries(COMPARED_CLASSIFICATION_METRICS.map((name) => [name, classificationMetric(prep, name)]));
}

/** Labels and predictions compare as text: CSV labels are strings, JSONL predictions may be numbers. */
function same(prediction: string, truth: string): boolean {
  return prediction === truth || (isNumber(prediction) && Number(prediction) === Number(truth));
}

const TOP_VALUES = 20;

function isNumber(v: string): boolean {
  return v.trim() !== '' && Number.isFinite(Number(v));
}

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}
