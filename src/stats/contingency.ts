/**
 * Tests on a 2 × k table of counts (row 0 the reference, row 1 the current sample, one column
 * per category), each equal to scipy's, with p-values carried in logarithms so the far tail
 * keeps a finite log₁₀ after the double underflows.
 */
import { fromLn, lnTwoSidedNormalSf, type PValue } from './normal.ts';
import { lnGammaQ } from './special.ts';

export interface ContingencyResult extends PValue {
  statistic: number;
  dof: number;
}

/**
 * scipy.stats.chi2_contingency(table, correction=True, lambda_=…): expected counts from the
 * margins, Yates' continuity correction on a 2 × 2 table (dof = 1; each cell moved toward its
 * expectation by min(0.5, |E − O|), as scipy since gh-13875), then Pearson's χ² or, with
 * `log-likelihood`, the G statistic 2·Σ O·ln(O/E) (power_divergence), on (r−1)(c−1) degrees
 * of freedom. Columns empty in both rows are dropped first (scipy refuses zero expectations);
 * a single remaining column is dof 0: statistic 0, p 1, as scipy.
 */
export function chi2Contingency(
  reference: readonly number[],
  current: readonly number[],
  lambda: 'pearson' | 'log-likelihood' = 'pearson',
  correction = true,
): ContingencyResult {
  const cols: [number, number][] = [];
  for (let i = 0; i < reference.length; i++) if (reference[i] + current[i] > 0) cols.push([reference[i], current[i]]);
  const r0 = cols.reduce((s, c) => s + c[0], 0);
  const r1 = cols.reduce((s, c) => s + c[1], 0);
  const total = r0 + r1;
  const dof = cols.length - 1;
  if (dof < 1 || r0 === 0 || r1 === 0) return { statistic: 0, p_value: 1, log10_p_value: 0, dof: Math.max(0, dof) };
  let statistic = 0;
  for (const [a, b] of cols) {
    const colSum = a + b;
    for (const [o0, rowSum] of [
      [a, r0],
      [b, r1],
    ]) {
      const e = (rowSum * colSum) / total;
      let o = o0;
      if (dof === 1 && correction) o += Math.sign(e - o) * Math.min(0.5, Math.abs(e - o));
      statistic += lambda === 'pearson' ? ((o - e) * (o - e)) / e : o > 0 ? 2 * o * Math.log(o / e) : 0;
    }
  }
  return { statistic, ...fromLn(lnGammaQ(dof / 2, statistic / 2)), dof };
}

/**
 * Fisher's exact test on the 2 × 2 table [[a, b], [c, d]], two-sided as scipy.stats.fisher_exact:
 * the hypergeometric probability of every table with the same margins that is no more likely
 * than the observed one (relative tolerance 1e-14, scipy's γ), summed. The probabilities are
 * taken relative to the mode by the ratio recurrence, so no factorial of a large n is formed and
 * the sum stays exact to rounding; a margin of 0 gives p = 1 as in scipy.
 */
export function fisherExact(a: number, b: number, c: number, d: number): PValue & { statistic: number } {
  const odds = b * c === 0 ? (a * d === 0 ? NaN : Infinity) : (a * d) / (b * c);
  if (a + c === 0 || b + d === 0 || a + b === 0 || c + d === 0) return { statistic: odds, p_value: 1, log10_p_value: 0 };
  const n1 = a + c;
  const n2 = b + d;
  const n = a + b;
  const lo = Math.max(0, n - n2);
  const hi = Math.min(n, n1);
  // ln pmf(x) − ln pmf(lo) by the ratio pmf(x+1)/pmf(x) = (n1−x)(n−x) / ((x+1)(n2−n+x+1))
  const lr = new Float64Array(hi - lo + 1);
  for (let x = lo; x < hi; x++) lr[x - lo + 1] = lr[x - lo] + Math.log(((n1 - x) * (n - x)) / ((x + 1) * (n2 - n + x + 1)));
  let top = -Infinity;
  for (let i = 0; i < lr.length; i++) if (lr[i] > top) top = lr[i];
  const observed = lr[a - lo];
  if (Math.abs(Math.exp(observed - top) - 1) <= 1e-14) return { statistic: odds, p_value: 1, log10_p_value: 0 };
  const cut = observed + Math.log1p(1e-14);
  let all = 0;
  let tailTop = -Infinity;
  for (let i = 0; i < lr.length; i++) if (lr[i] <= cut && lr[i] > tailTop) tailTop = lr[i];
  let tail = 0;
  for (let i = 0; i < lr.length; i++) {
    all += Math.exp(lr[i] - top);
    if (lr[i] <= cut) tail += Math.exp(lr[i] - tailTop);
  }
  return { statistic: odds, ...fromLn(tailTop + Math.log(tail) - top - Math.log(all)) };
}

/**
 * Two-proportion z-test as Evidently's `z` stattest (v0.4.37): the share of the first (sorted)
 * category on each side, pooled variance, two-sided p = 2·P(Z ≥ |z|) — computed as the normal
 * tail, not Evidently's 2·(1 − Φ(|z|)), which rounds to 0 below ~1e-16. Identical samples of one
 * value give p = 1, as Evidently.
 */
export function proportionsZTest(k1: number, n1: number, k2: number, n2: number): PValue & { statistic: number } {
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const P = (k1 + k2) / (n1 + n2);
  if (P === 0 || P === 1) return { statistic: 0, p_value: 1, log10_p_value: 0 };
  const z = (p1 - p2) / Math.sqrt(P * (1 - P) * (1 / n1 + 1 / n2));
  return { statistic: z, ...fromLn(lnTwoSidedNormalSf(z)) };
}

/** Hellinger distance √(1 − Σ √(pᵢqᵢ)) of two share vectors (Evidently's categorical form), in [0, 1]. */
export function hellingerDistance(p: readonly number[], q: readonly number[]): number {
  const sp = p.reduce((s, x) => s + x, 0);
  const sq = q.reduce((s, x) => s + x, 0);
  let bc = 0;
  for (let i = 0; i < p.length; i++) bc += Math.sqrt((p[i] / sp) * (q[i] / sq));
  return Math.sqrt(1 - Math.min(1, Math.max(0, bc)));
}

/** Total variation distance ½ Σ |pᵢ − qᵢ| of two share vectors, in [0, 1]. */
export function totalVariation(p: readonly number[], q: readonly number[]): number {
  const sp = p.reduce((s, x) => s + x, 0);
  const sq = q.reduce((s, x) => s + x, 0);
  let t = 0;
  for (let i = 0; i < p.length; i++) t += Math.abs(p[i] / sp - q[i] / sq);
  return t / 2;
}
