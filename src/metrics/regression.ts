/**
 * Regression metrics with scikit-learn's definitions: R² is 1 − SS_res/SS_tot, and for
 * constant truth 1 when the predictions are exact, else 0 (force_finite); MAPE is a fraction
 * (not percent) with |y| floored at float64 eps. `weights` act as sample_weight.
 */
export const REGRESSION_METRICS = ['rmse', 'mae', 'r2', 'mape'] as const;

const EPS = 2.220446049250313e-16;

export function regressionMetrics(yTrue: Float64Array, yPred: Float64Array, weights?: ArrayLike<number>): Record<string, number | null> {
  let total = 0;
  let sumY = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights ? weights[i] : 1;
    total += w;
    sumY += w * yTrue[i];
  }
  if (total === 0) return { rmse: null, mae: null, r2: null, mape: null };
  const meanY = sumY / total;
  let se = 0;
  let ae = 0;
  let ape = 0;
  let ssTot = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    const err = yTrue[i] - yPred[i];
    se += w * err * err;
    ae += w * Math.abs(err);
    ape += (w * Math.abs(err)) / Math.max(Math.abs(yTrue[i]), EPS);
    const d = yTrue[i] - meanY;
    ssTot += w * d * d;
  }
  const r2 = ssTot === 0 ? (se === 0 ? 1 : 0) : 1 - se / ssTot;
  return { rmse: Math.sqrt(se / total), mae: ae / total, r2, mape: ape / total };
}

export function subsetRegression(values: Float64Array, indices: ArrayLike<number>): Float64Array {
  const out = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = values[indices[i]];
  return out;
}
