import type { NumericDistribution } from './distribution.ts';
import { ksPValueOf } from '../stats/two-sample.ts';

/**
 * Two-sample Kolmogorov–Smirnov statistic D = sup_x |F₁(x) − F₂(x)|. Both CDFs are linear
 * between their knots (and constant between an exact distribution's atoms), so the supremum
 * is attained at a knot of either side, from the right or the left: checking both limits at
 * every knot of the union gives D exactly for the distributions given. With two exact
 * distributions this is the textbook ECDF statistic (scipy.stats.ks_2samp's `statistic`).
 */
export function ksStatistic(a: NumericDistribution, b: NumericDistribution): number {
  let d = 0;
  for (const knots of [a.knots(), b.knots()]) {
    for (let i = 0; i < knots.length; i++) {
      const x = knots[i];
      const right = Math.abs(a.cdf(x) - b.cdf(x));
      const left = Math.abs(a.cdfBefore(x) - b.cdfBefore(x));
      if (right > d) d = right;
      if (left > d) d = left;
    }
  }
  return d;
}

export interface KsPValue {
  p_value: number;
  log10_p_value: number;
  p_value_method: 'exact' | 'asymptotic';
}

/**
 * Two-sided p-value of D for sample sizes n1, n2, by scipy.stats.ks_2samp's `auto` rule
 * (src/stats/two-sample.ts): exact lattice-path count while max(n1, n2) ≤ 10,000, beyond it
 * scipy's `asymp`, the finite-n kstwo.sf(D, round(n1·n2/(n1+n2))). Used for D from sketches;
 * raw samples go through ks2samp itself.
 */
export function ksPValue(d: number, n1: number, n2: number): KsPValue {
  const { p_value, log10_p_value, p_value_method } = ksPValueOf(d, n1, n2);
  return { p_value, log10_p_value, p_value_method };
}
