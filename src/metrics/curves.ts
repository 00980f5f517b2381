/**
 * Curves for the report, sampled on a fixed grid so the evaluation JSON stays compact
 * (CURVE_POINTS numbers per curve) and mermaid can draw them as lines over evenly spaced x.
 */

/** Grid points per curve: 0, 0.05, …, 1. */
export const CURVE_POINTS = 21;

/** Bins of the residual histogram. */
export const RESIDUAL_BINS = 12;

export interface Curves {
  /** ROC: true-positive rate at each false-positive rate of the grid (linear between thresholds). */
  roc: { fpr: number[]; tpr: number[] };
  /** Precision–recall: interpolated precision (best precision at recall ≥ r) at each recall of the grid. */
  pr: { recall: number[]; precision: number[] };
}

export interface ResidualHistogram {
  /** RESIDUAL_BINS + 1 edges, symmetric around 0: ± the 99th percentile of |y − ŷ|. */
  edges: number[];
  counts: number[];
  /** Rows beyond the outer edges, counted in the outer bins. */
  clipped: number;
}

const round = (x: number) => Number(x.toFixed(4));
const grid = () => Array.from({ length: CURVE_POINTS }, (_, i) => i / (CURVE_POINTS - 1));

/**
 * ROC and precision–recall curves of one binary problem from a descending score order, with
 * tied scores as one threshold (as scikit-learn's roc_curve and precision_recall_curve).
 * Null without both positives and negatives.
 */
export function binaryCurves(positive: ArrayLike<number>, scores: ArrayLike<number>, order: ArrayLike<number>): Curves | null {
  // Cumulative counts after each distinct threshold, starting from "predict nothing positive".
  const tps = [0];
  const fps = [0];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < order.length;) {
    const s = scores[order[i]];
    while (i < order.length && (scores[order[i]] === s || (s !== s && scores[order[i]] !== scores[order[i]]))) {
      if (positive[order[i]]) tp++;
      else fp++;
      i++;
    }
    tps.push(tp);
    fps.push(fp);
  }
  if (tp === 0 || fp === 0) return null;
  const fpr = fps.map((f) => f / fp);
  const tpr = tps.map((t) => t / tp);
  const roc = grid().map((x) => {
    // The last point at or before x: on a vertical segment that is its top.
    let j = 0;
    while (j + 1 < fpr.length && fpr[j + 1] <= x) j++;
    if (fpr[j] === x || j + 1 === fpr.length) return round(tpr[j]);
    return round(tpr[j] + ((tpr[j + 1] - tpr[j]) * (x - fpr[j])) / (fpr[j + 1] - fpr[j]));
  });
  // Precision is defined at every threshold past the first (something predicted positive).
  const pr = grid().map((r) => {
    let best = 0;
    for (let j = 1; j < tps.length; j++) if (tpr[j] >= r) best = Math.max(best, tps[j] / (tps[j] + fps[j]));
    return round(best);
  });
  return { roc: { fpr: grid().map(round), tpr: roc }, pr: { recall: grid().map(round), precision: pr } };
}

/** Histogram of residuals y − ŷ over ±`range` (default: the 99th percentile of |y − ŷ|); null without rows. */
export function residualHistogram(yTrue: Float64Array, yPred: Float64Array, range?: number): ResidualHistogram | null {
  const n = yTrue.length;
  if (n === 0) return null;
  const res = new Float64Array(n);
  for (let i = 0; i < n; i++) res[i] = yTrue[i] - yPred[i];
  const r = range ?? absPercentile99(res);
  const width = (2 * r) / RESIDUAL_BINS;
  const counts = new Array<number>(RESIDUAL_BINS).fill(0);
  let clipped = 0;
  for (const e of res) {
    if (e < -r || e > r) clipped++;
    counts[Math.min(RESIDUAL_BINS - 1, Math.max(0, Math.floor((e + r) / width)))]++;
  }
  const edges = Array.from({ length: RESIDUAL_BINS + 1 }, (_, i) => Number((-r + i * width).toPrecision(6)));
  return { edges, counts, clipped };
}

/** numpy's default (linear) 99th percentile of |x|; the largest |x|, or 1, when that is 0. */
function absPercentile99(x: Float64Array): number {
  const n = x.length;
  const abs = x.map(Math.abs).sort();
  const pos = 0.99 * (n - 1);
  const lo = Math.floor(pos);
  return abs[lo] + (abs[Math.min(lo + 1, n - 1)] - abs[lo]) * (pos - lo) || abs[n - 1] || 1;
}
