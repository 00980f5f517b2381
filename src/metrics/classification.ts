import { averagePrecision, descendingOrder, rocAuc } from './ranking.ts';

/**
 * Classification metrics with scikit-learn's definitions (docs/evaluation.md lists the
 * averaging, tie and zero-division choices). Labels are indices into `classes`; the first
 * `k` classes are the model's, in the order of its probability columns, and labels the model
 * never predicts probabilities for (seen only in the data) come after them.
 * Optional `weights` act like scikit-learn's sample_weight (a weight of 2 = the row twice);
 * the bootstrap uses them as resample counts.
 */
export interface ClassificationData {
  classes: string[];
  yTrue: Int32Array;
  yPred: Int32Array;
  /** n × k probabilities, row-major, columns aligned with classes[0..k-1]. */
  proba?: Float64Array;
  k: number;
}

export interface ClassScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  /** Mean top-class probability in the bin. */
  confidence: number;
  /** Share of rows in the bin whose top class is right. */
  accuracy: number;
}

export interface ClassificationMetrics {
  scalars: Record<string, number | null>;
  perClass: ClassScores[];
  confusion: { labels: string[]; matrix: number[][] };
  calibration: CalibrationBin[];
}

export const CLASSIFICATION_METRICS = [
  'accuracy',
  'precision',
  'recall',
  'f1',
  'precision_macro',
  'recall_macro',
  'f1_macro',
  'precision_weighted',
  'recall_weighted',
  'f1_weighted',
  'roc_auc',
  'pr_auc',
  'log_loss',
  'ece',
] as const;

/** float64 machine epsilon: scikit-learn clips probabilities to [eps, 1 − eps] in log_loss. */
const EPS = 2.220446049250313e-16;
export const CALIBRATION_BINS = 10;

/**
 * Caches what is expensive to recompute per resample or per metric (score orders per class),
 * so bootstrap resamples and slices only re-run O(n) passes.
 */
export class PreparedClassification {
  private orders = new Map<number, { positive: Uint8Array; scores: Float64Array; order: Uint32Array }>();
  constructor(readonly data: ClassificationData) {}

  get n(): number {
    return this.data.yTrue.length;
  }

  get binary(): boolean {
    return this.data.k === 2;
  }

  /** One-vs-rest view of class `c`: positives, its probability column and their descending order. */
  oneVsRest(c: number, order?: Uint32Array) {
    let cached = this.orders.get(c);
    if (!cached) {
      const { yTrue, proba, k } = this.data;
      const n = yTrue.length;
      const positive = new Uint8Array(n);
      const scores = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        positive[i] = yTrue[i] === c ? 1 : 0;
        scores[i] = proba ? proba[i * k + c] : 0;
      }
      cached = { positive, scores, order: order ?? descendingOrder(scores) };
      this.orders.set(c, cached);
    }
    return cached;
  }

  /** The classes ranking metrics score: the positive class of a binary model, else every class. */
  rankedClasses(): number[] {
    if (!this.data.proba) return [];
    return this.binary ? [1] : Array.from({ length: this.data.k }, (_, c) => c);
  }

  /**
   * Disjoint row groups (each in ascending row order) as datasets of their own. Their score
   * orders come from this one's in a single pass per class instead of a sort per group, which
   * matters for hundreds of slices over a million rows; ties keep row order either way.
   */
  subsets(groups: readonly ArrayLike<number>[]): PreparedClassification[] {
    const out = groups.map((g) => new PreparedClassification(subsetClassification(this.data, g)));
    const groupOf = new Int32Array(this.n).fill(-1);
    const position = new Uint32Array(this.n);
    groups.forEach((g, gi) => {
      for (let j = 0; j < g.length; j++) {
        groupOf[g[j]] = gi;
        position[g[j]] = j;
      }
    });
    for (const c of this.rankedClasses()) {
      const orders = groups.map((g) => new Uint32Array(g.length));
      const filled = new Uint32Array(groups.length);
      for (const row of this.oneVsRest(c).order) {
        const gi = groupOf[row];
        if (gi >= 0) orders[gi][filled[gi]++] = position[row];
      }
      out.forEach((p, gi) => p.oneVsRest(c, orders[gi]));
    }
    return out;
  }
}

export function confusionMatrix(yTrue: Int32Array, yPred: Int32Array, nClasses: number, weights?: ArrayLike<number>): number[][] {
  const m = Array.from({ length: nClasses }, () => new Array<number>(nClasses).fill(0));
  for (let i = 0; i < yTrue.length; i++) m[yTrue[i]][yPred[i]] += weights ? weights[i] : 1;
  return m;
}

export function accuracy(yTrue: Int32Array, yPred: Int32Array, weights?: ArrayLike<number>): number | null {
  let right = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights ? weights[i] : 1;
    total += w;
    if (yTrue[i] === yPred[i]) right += w;
  }
  return total > 0 ? right / total : null;
}

/**
 * Per-class precision/recall/F1 from a confusion matrix (rows true, columns predicted), over
 * the labels present in the truth or the predictions (scikit-learn's unique_labels); a zero
 * denominator gives 0 (scikit-learn's zero_division default, minus the warning).
 */
export function perClassScores(matrix: number[][], classes: string[]): ClassScores[] {
  const out: ClassScores[] = [];
  for (let c = 0; c < matrix.length; c++) {
    let support = 0;
    let predicted = 0;
    for (let j = 0; j < matrix.length; j++) {
      support += matrix[c][j];
      predicted += matrix[j][c];
    }
    if (support === 0 && predicted === 0) continue;
    const tp = matrix[c][c];
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    out.push({ label: classes[c], precision, recall, f1, support });
  }
  return out;
}

function averages(scores: ClassScores[]): Record<string, number | null> {
  const total = scores.reduce((s, c) => s + c.support, 0);
  const out: Record<string, number | null> = {};
  for (const key of ['precision', 'recall', 'f1'] as const) out[`${key}_macro`] = scores.length ? scores.reduce((s, c) => s + c[key], 0) / scores.length : null;
  for (const key of ['precision', 'recall', 'f1'] as const)
    out[`${key}_weighted`] = total > 0 ? scores.reduce((s, c) => s + c[key] * c.support, 0) / total : null;
  return out;
}

/**
 * precision/recall/f1 are the positive (second) class's for a binary model, scikit-learn's
 * average='binary'; macro for multiclass. The _macro and _weighted variants always average.
 */
function precisionRecallF1(prep: PreparedClassification, perClass: ClassScores[]): Record<string, number | null> {
  const avg = averages(perClass);
  if (!prep.binary) return { precision: avg.precision_macro, recall: avg.recall_macro, f1: avg.f1_macro, ...avg };
  const positive = perClass.find((c) => c.label === prep.data.classes[1]);
  const pick = (key: 'precision' | 'recall' | 'f1') => (perClass.length === 0 ? null : (positive?.[key] ?? 0));
  return { precision: pick('precision'), recall: pick('recall'), f1: pick('f1'), ...avg };
}

/** Mean −log p(true class), probabilities clipped to [eps, 1 − eps] as scikit-learn does. */
export function logLoss(yTrue: Int32Array, proba: Float64Array, k: number, weights?: ArrayLike<number>): number | null {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    const t = yTrue[i];
    const p = t < k ? Math.min(Math.max(proba[i * k + t], EPS), 1 - EPS) : EPS;
    sum += -Math.log(p) * w;
    total += w;
  }
  return total > 0 ? sum / total : null;
}

/**
 * Reliability of the top-class probability: 10 equal-width bins (0, 0.1], …, (0.9, 1] (0 goes
 * in the first); ECE = Σ_b (n_b / n) · |accuracy_b − confidence_b|, top class = arg-max.
 */
export function calibration(yTrue: Int32Array, proba: Float64Array, k: number, weights?: ArrayLike<number>): { ece: number | null; bins: CalibrationBin[] } {
  const count = new Float64Array(CALIBRATION_BINS);
  const conf = new Float64Array(CALIBRATION_BINS);
  const right = new Float64Array(CALIBRATION_BINS);
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    let best = 0;
    for (let c = 1; c < k; c++) if (proba[i * k + c] > proba[i * k + best]) best = c;
    const p = proba[i * k + best];
    const b = Math.min(CALIBRATION_BINS - 1, Math.max(0, Math.ceil(p * CALIBRATION_BINS) - 1));
    count[b] += w;
    conf[b] += p * w;
    if (best === yTrue[i]) right[b] += w;
    total += w;
  }
  const bins: CalibrationBin[] = [];
  let ece = 0;
  for (let b = 0; b < CALIBRATION_BINS; b++) {
    if (count[b] === 0) continue;
    const bin = {
      lower: b / CALIBRATION_BINS,
      upper: (b + 1) / CALIBRATION_BINS,
      count: count[b],
      confidence: conf[b] / count[b],
      accuracy: right[b] / count[b],
    };
    bins.push(bin);
    ece += (count[b] / total) * Math.abs(bin.accuracy - bin.confidence);
  }
  return { ece: total > 0 ? ece : null, bins };
}

/**
 * ROC AUC: binary models score the second class (scikit-learn's positive label for sorted
 * {0, 1}); multiclass is one-vs-rest, macro-averaged over the model's classes that have both
 * positives and negatives in the data. Null when no class qualifies (e.g. a one-class slice).
 */
export function rocAucScore(prep: PreparedClassification, weights?: ArrayLike<number>): number | null {
  if (!prep.data.proba) return null;
  if (prep.binary) {
    const v = prep.oneVsRest(1);
    return rocAuc(v.positive, v.scores, v.order, weights);
  }
  return macro(prep, (c) => {
    const v = prep.oneVsRest(c);
    return rocAuc(v.positive, v.scores, v.order, weights);
  });
}

/** PR AUC as average precision: positive class for binary, macro one-vs-rest otherwise. */
export function prAucScore(prep: PreparedClassification, weights?: ArrayLike<number>): number | null {
  if (!prep.data.proba) return null;
  if (prep.binary) {
    const v = prep.oneVsRest(1);
    return averagePrecision(v.positive, v.scores, v.order, weights);
  }
  return macro(prep, (c) => {
    const v = prep.oneVsRest(c);
    return averagePrecision(v.positive, v.scores, v.order, weights);
  });
}

function macro(prep: PreparedClassification, perClass: (c: number) => number | null): number | null {
  let sum = 0;
  let used = 0;
  for (let c = 0; c < prep.data.k; c++) {
    const v = perClass(c);
    if (v === null) continue;
    sum += v;
    used++;
  }
  return used > 0 ? sum / used : null;
}

/** Every classification metric; `weights` as scikit-learn's sample_weight. */
export function classificationMetrics(prep: PreparedClassification, weights?: ArrayLike<number>): ClassificationMetrics {
  const { yTrue, yPred, proba, k, classes } = prep.data;
  const matrix = confusionMatrix(yTrue, yPred, classes.length, weights);
  const perClass = perClassScores(matrix, classes);
  const cal = proba ? calibration(yTrue, proba, k, weights) : { ece: null, bins: [] };
  const scalars: Record<string, number | null> = {
    accuracy: accuracy(yTrue, yPred, weights),
    ...precisionRecallF1(prep, perClass),
    roc_auc: rocAucScore(prep, weights),
    pr_auc: prAucScore(prep, weights),
    log_loss: proba ? logLoss(yTrue, proba, k, weights) : null,
    ece: cal.ece,
  };
  return { scalars, perClass, confusion: { labels: classes, matrix }, calibration: cal.bins };
}

/** One metric, computing only what it needs: the bootstrap calls this per resample. */
export function classificationMetric(prep: PreparedClassification, name: string, weights?: ArrayLike<number>): number | null {
  const { yTrue, yPred, proba, k } = prep.data;
  switch (name) {
    case 'accuracy':
      return accuracy(yTrue, yPred, weights);
    case 'roc_auc':
      return rocAucScore(prep, weights);
    case 'pr_auc':
      return prAucScore(prep, weights);
    case 'log_loss':
      return proba ? logLoss(yTrue, proba, k, weights) : null;
    case 'ece':
      return proba ? calibration(yTrue, proba, k, weights).ece : null;
    default: {
      const matrix = confusionMatrix(yTrue, yPred, prep.data.classes.length, weights);
      return precisionRecallF1(prep, perClassScores(matrix, prep.data.classes))[name] ?? null;
    }
  }
}

/** The rows `indices` of a dataset, for per-slice metrics. */
export function subsetClassification(data: ClassificationData, indices: ArrayLike<number>): ClassificationData {
  const n = indices.length;
  const yTrue = new Int32Array(n);
  const yPred = new Int32Array(n);
  const proba = data.proba ? new Float64Array(n * data.k) : undefined;
  for (let i = 0; i < n; i++) {
    const r = indices[i];
    yTrue[i] = data.yTrue[r];
    yPred[i] = data.yPred[r];
    if (proba) proba.set(data.proba!.subarray(r * data.k, (r + 1) * data.k), i * data.k);
  }
  return { classes: data.classes, yTrue, yPred, proba, k: data.k };
}
