import type { NumericDistribution } from './distribution.ts';
import { kolmogorovSf, smirnovExactSf } from '../stats/special.ts';

/** scipy.stats.ks_2samp's `auto` rule: exact p-value while both samples have at most this many values. */
export const KS_EXACT_MAX_N = 10000;

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
  p_value_method: 'exact' | 'asymptotic';
}

/**
 * Two-sided p-value of D for sample sizes n1, n2. Exact (lattice-path count, as scipy's
 * `method='exact'`) while max(n1, n2) ≤ 10,000, as scipy's `auto` does; beyond, the
 * asymptotic Smirnov limit Q_KS(√(n1·n2/(n1+n2)) · D). scipy's `asymp` instead evaluates the
 * finite-n one-sample distribution kstwo(round(n1·n2/(n1+n2))); at those sizes the two differ
 * by less than 0.005 (test/drift/ks.test.ts), far below any drift decision's resolution.
 */
export function ksPValue(d: number, n1: number, n2: number): KsPValue {
  if (Math.max(n1, n2) <= KS_EXACT_MAX_N) return { p_value: smirnovExactSf(d, n1, n2), p_value_method: 'exact' };
  const en = (n1 * n2) / (n1 + n2);
  return { p_value: kolmogorovSf(Math.sqrt(en) * d), p_value_method: 'asymptotic' };
}
