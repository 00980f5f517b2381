/**
 * Validation metrics the trainer reports. Kept here (not in an evaluation module) because
 * the trainer needs them per epoch; each is the textbook definition.
 */

export function accuracy(labels: ArrayLike<number>, probabilities: number[][]): number {
  let hit = 0;
  for (let i = 0; i < labels.length; i++) if (argmax(probabilities[i]) === labels[i]) hit++;
  return hit / labels.length;
}

/** Mean negative log-likelihood of the true class, probabilities clipped to [1e-15, 1]. */
export function logLoss(labels: ArrayLike<number>, probabilities: number[][]): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum -= Math.log(Math.max(1e-15, probabilities[i][labels[i]]));
  return sum / labels.length;
}

/** ROC AUC by the rank-sum (Mann–Whitney U) formula with average ranks for ties. */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    for (let k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] === 1) {
      positives++;
      rankSum += ranks[i];
    }
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function regressionMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>): { rmse: number; mae: number; r2: number } {
  const n = actual.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i] / n;
  let se = 0;
  let ae = 0;
  let tot = 0;
  for (let i = 0; i < n; i++) {
    const e = actual[i] - predicted[i];
    se += e * e;
    ae += Math.abs(e);
    tot += (actual[i] - mean) ** 2;
  }
  return { rmse: Math.sqrt(se / n), mae: ae / n, r2: tot === 0 ? Number.NaN : 1 - se / tot };
}

function argmax(row: number[]): number {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
  return best;
}
