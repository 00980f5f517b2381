/**
 * Special functions for the p-values of the drift tests and the evaluation gate, written here
 * (no numeric library in the bundle) and checked against scipy in test/drift/stats.test.ts and
 * test/metrics/significance.test.ts.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, n = 9): ~1e-15 relative. */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Regularised upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a): the power series of P for
 * x < a + 1, Lentz's continued fraction for Q otherwise (Numerical Recipes §6.2), each
 * used where it converges fast and without cancellation.
 */
export function gammaQ(a: number, x: number): number {
  return Math.exp(lnGammaQ(a, x));
}

/**
 * ln Q(a, x), finite far past where Q underflows a double (the continued fraction is
 * multiplied by its prefactor in logarithms), so a p-value of 1e-400 still has a log.
 */
export function lnGammaQ(a: number, x: number): number {
  if (x <= 0) return 0;
  if (!Number.isFinite(x)) return -Infinity;
  const logPrefix = a * Math.log(x) - x - lnGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return Math.log1p(-sum * Math.exp(logPrefix));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return logPrefix + Math.log(h);
}

/** Survival function of the chi-square distribution with k degrees of freedom: P(X ≥ x). */
export function chiSquareSf(x: number, k: number): number {
  if (k <= 0) return NaN;
  return gammaQ(k / 2, x / 2);
}

/**
 * Exact P(D ≥ d) for the two-sided two-sample KS statistic with sample sizes m and n under
 * H0 (continuous data), by counting lattice paths that stay inside the band |i/m − j/n| < d
 * (Hodges 1957). u[i][j] holds the share of the C(i+j, i) paths to (i, j) that stayed inside,
 * so u(i,j) = u(i−1,j)·i/(i+j) + u(i,j−1)·j/(i+j) stays in [0, 1]: no overflow or underflow
 * at any size. O(m·n) time and O(n) memory.
 */
export function smirnovExactSf(d: number, m: number, n: number): number {
  if (d <= 0) return 1;
  if (m > n) [m, n] = [n, m];
  // D takes values k/(m·n) only: compare on that grid so rounding cannot flip a boundary.
  const q = (0.5 + Math.floor(d * m * n - 1e-7)) / (m * n);
  const u = new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) u[j] = j / n > q ? 0 : 1;
  for (let i = 1; i <= m; i++) {
    const im = i / m;
    if (im > q) u[0] = 0;
    for (let j = 1; j <= n; j++) {
      u[j] = Math.abs(im - j / n) > q ? 0 : (u[j] * i + u[j - 1] * j) / (i + j);
    }
  }
  return Math.min(1, Math.max(0, 1 - u[n]));
}

/** P(X ≤ k) for X ~ Binomial(n, p), summed in log space so large n does not overflow. */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const base = lnGamma(n + 1);
  let sum = 0;
  for (let i = 0; i <= k; i++) sum += Math.exp(base - lnGamma(i + 1) - lnGamma(n - i + 1) + i * lp + (n - i) * lq);
  return Math.min(1, sum);
}

/** Linear-interpolated quantile of sorted values (numpy's default method). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
