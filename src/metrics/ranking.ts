/**
 * Ranking metrics for one binary problem (positive vs rest) computed from a descending score
 * order, so a caller that evaluates many resamples or classes sorts once and reuses the order.
 * Tied scores form one threshold, as in scikit-learn's roc_curve / precision_recall_curve.
 */

/** Row indices sorted by descending score, equal scores in row order, NaN last (as lowest). */
export function descendingOrder(scores: ArrayLike<number>): Uint32Array {
  const keys = new Float64Array(scores.length);
  const order = new Uint32Array(keys.length);
  for (let i = 0; i < order.length; i++) {
    keys[i] = Number.isNaN(scores[i]) ? Number.NEGATIVE_INFINITY : scores[i];
    order[i] = i;
  }
  order.sort((a, b) => keys[b] - keys[a] || a - b);
  return order;
}

/** Tie test for threshold groups: NaN scores tie with each other instead of looping forever. */
function tied(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

/**
 * Area under the ROC curve by the trapezoid rule over distinct thresholds: within a group of
 * tied scores the curve moves diagonally, which counts each tied positive/negative pair as 1/2.
 * Null when the (weighted) data holds only positives or only negatives: the curve is undefined.
 */
export function rocAuc(positive: ArrayLike<number>, scores: ArrayLike<number>, order: Uint32Array, weights?: ArrayLike<number>): number | null {
  let tp = 0;
  let fp = 0;
  let area = 0;
  let i = 0;
  const n = order.length;
  while (i < n) {
    const s = scores[order[i]];
    let groupPos = 0;
    let groupNeg = 0;
    while (i < n && tied(scores[order[i]], s)) {
      const row = order[i];
      const w = weights ? weights[row] : 1;
      if (positive[row]) groupPos += w;
      else groupNeg += w;
      i++;
    }
    area += groupNeg * (tp + groupPos / 2);
    tp += groupPos;
    fp += groupNeg;
  }
  if (tp === 0 || fp === 0) return null;
  return area / (tp * fp);
}

/**
 * Average precision as scikit-learn's average_precision_score: Σ (R_t − R_{t−1}) · P_t over
 * distinct thresholds t, a step function with no interpolation. Null without positives.
 */
export function averagePrecision(positive: ArrayLike<number>, scores: ArrayLike<number>, order: Uint32Array, weights?: ArrayLike<number>): number | null {
  let totalPos = 0;
  for (let i = 0; i < order.length; i++) if (positive[i]) totalPos += weights ? weights[i] : 1;
  if (totalPos === 0) return null;
  let tp = 0;
  let fp = 0;
  let ap = 0;
  let i = 0;
  const n = order.length;
  while (i < n) {
    const s = scores[order[i]];
    let groupPos = 0;
    let groupAll = 0;
    while (i < n && tied(scores[order[i]], s)) {
      const row = order[i];
      const w = weights ? weights[row] : 1;
      if (positive[row]) groupPos += w;
      groupAll += w;
      i++;
    }
    tp += groupPos;
    fp += groupAll - groupPos;
    if (groupPos > 0) ap += (groupPos / totalPos) * (tp / (tp + fp));
  }
  return ap;
}
