import type { NumericDistribution } from './distribution.ts';
import { kstwoLog10Sf, kstwoSf } from '../stats/kstwo.ts';
import { smirnovExactSf } from '../stats/special.ts';
import { roundHalfEven } from '../stats/two-sample.ts';

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
  log10_p_value: number;
  p_value_method: 'exact' | 'asymptotic';
}

/**
 * Two-sided p-value of D for sample sizes n1, n2, by scipy.stats.ks_2samp's `auto` rule: exact
 * (lattice-path count) while max(n1, n2) ≤ 10,000; beyond, scipy's `asymp`, the finite-n
 * one-sample distribution kstwo.sf(D, round(n1·n2/(n1+n2))) (src/stats/kstwo.ts). Used for
 * D from sketches; raw samples go through src/stats/two-sample.ts ks2samp.
 */
export function ksPValue(d: number, n1: number, n2: number): KsPValue {
  if (Math.max(n1, n2) <= KS_EXACT_MAX_N) {
    const p = smirnovExactSf(d, n1, n2);
    return { p_value: p, log10_p_value: Math.log10(p), p_value_method: 'exact' };
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const en = roundHalfEven((m * n) / (m + n));
  return { p_value: kstwoSf(en, d), log10_p_value: kstwoLog10Sf(en, d), p_value_method: 'asymptotic' };
}
