import type { NumericDistribution } from './distribution.ts';

/**
 * Wasserstein-1 (earth mover's) distance W₁ = ∫ |F₁(x) − F₂(x)| dx (Vallender 1974), as
 * scipy.stats.wasserstein_distance. On each interval between consecutive knots of the union
 * both CDFs are linear (a step function being constant), so their difference is linear and
 * ∫|g| is integrated in closed form, splitting at a sign change.
 */
export function wasserstein1(a: NumericDistribution, b: NumericDistribution): number {
  const xs = unionSorted(a.knots(), b.knots());
  let total = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    const width = xs[i + 1] - xs[i];
    const g0 = a.cdf(xs[i]) - b.cdf(xs[i]);
    const g1 = a.cdfBefore(xs[i + 1]) - b.cdfBefore(xs[i + 1]);
    const s0 = Math.abs(g0);
    const s1 = Math.abs(g1);
    total += width * (g0 * g1 >= 0 ? (s0 + s1) / 2 : (g0 * g0 + g1 * g1) / (2 * (s0 + s1)));
  }
  return total;
}

/**
 * W₁ divided by the reference's standard deviation, so one threshold fits every column's
 * scale (Evidently's "normed Wasserstein"; 0.1 = the mass moved a tenth of a std on average).
 * A constant reference has no scale: any movement then counts as infinitely large.
 */
export function normalizedWasserstein(reference: NumericDistribution, current: NumericDistribution): { raw: number; normalized: number } {
  const raw = wasserstein1(reference, current);
  const normalized = reference.std > 0 ? raw / reference.std : raw === 0 ? 0 : Infinity;
  return { raw, normalized };
}

export function unionSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (k === 0 || out[k - 1] !== x) out[k++] = x;
  }
  return out.subarray(0, k);
}
