/**
 * Two-sample statistics on raw numeric samples, each equal to scipy's on the same data
 * (checked in test/drift/exact.test.ts against test/fixtures/drift-exact/make.py). Every
 * function takes both samples already sorted ascending (one sort per column, done by the
 * caller) and walks the two in one merge, so each is O(n₁ + n₂) after the sort.
 */
import { kstwoLog10Sf, kstwoSf } from './kstwo.ts';
import { fromLn, lnTwoSidedNormalSf, type PValue } from './normal.ts';
import { lnGamma, smirnovExactSf } from './special.ts';

export type Sorted = Float64Array;

/** scipy.stats.ks_2samp's `auto`: exact while max(n₁, n₂) ≤ 10,000 (scipy's MAX_AUTO_N). */
export const KS_EXACT_MAX_N = 10000;

export interface KsResult extends PValue {
  statistic: number;
  p_value_method: 'exact' | 'asymptotic';
}

/**
 * Two-sided two-sample Kolmogorov–Smirnov, as scipy.stats.ks_2samp(a, b, method=mode):
 * D = max over the pooled values of |F_a − F_b| (right-continuous ECDFs). p-value:
 * `exact` (scipy's rule under `auto`: max(n₁, n₂) ≤ 10,000) by the lattice-path count — for
 * n₁ = n₂ scipy's closed form for the paths leaving the square, else the band count — and
 * `asymptotic` as scipy: kstwo.sf(D, round(n₁n₂/(n₁+n₂))), the finite-n one-sample
 * distribution with numpy's round-half-to-even.
 */
export function ks2samp(a: Sorted, b: Sorted, mode: 'auto' | 'exact' | 'asymp' = 'auto'): KsResult {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let dPlus = 0;
  let dMinus = 0;
  while (i < n1 || j < n2) {
    const x = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
    while (i < n1 && a[i] === x) i++;
    while (j < n2 && b[j] === x) j++;
    const diff = i / n1 - j / n2;
    if (diff > dPlus) dPlus = diff;
    if (-diff > dMinus) dMinus = -diff;
  }
  return ksPValueOf(Math.max(dPlus, dMinus), n1, n2, mode);
}

/**
 * The p-value half of ks2samp for a statistic D found elsewhere (a sketch's D, with the real
 * sample sizes). As scipy, the exact branch first rounds D to the lattice h/lcm(n₁, n₂) it lives on.
 */
export function ksPValueOf(d: number, n1: number, n2: number, mode: 'auto' | 'exact' | 'asymp' = 'auto'): KsResult {
  const useExact = mode === 'exact' || (mode === 'auto' && Math.max(n1, n2) <= KS_EXACT_MAX_N);
  if (useExact) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = Math.round(d * lcm);
    const dl = h / lcm;
    if (h === 0) return { statistic: dl, p_value: 1, log10_p_value: 0, p_value_method: 'exact' };
    const p = n1 === n2 ? probOutsideSquare(n1, h) : smirnovExactSf(dl, n1, n2);
    if (p >= 0 && p <= 1) return { statistic: dl, p_value: p, log10_p_value: Math.log10(p), p_value_method: 'exact' };
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const en = roundHalfEven((m * n) / (m + n));
  return { statistic: d, p_value: kstwoSf(en, d), log10_p_value: kstwoLog10Sf(en, d), p_value_method: 'asymptotic' };
}

/** scipy's `_compute_prob_outside_square(n, h)`: exact two-sided p for n₁ = n₂ = n, D = h/n. */
function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
  }
  return 2 * P;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** numpy.round: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * ∫ |F_a − F_b|^p dx over the pooled sample, scipy's `_cdf_distance` core: p = 1 gives
 * scipy.stats.wasserstein_distance, p = 2 the square of energy_distance / √2.
 */
function cdfDistance(a: Sorted, b: Sorted, p: 1 | 2): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let total = 0;
  let prev = NaN;
  let diff = 0;
  while (i < n1 || j < n2) {
    const x = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
    if (!Number.isNaN(prev)) total += (p === 1 ? Math.abs(diff) : diff * diff) * (x - prev);
    while (i < n1 && a[i] === x) i++;
    while (j < n2 && b[j] === x) j++;
    diff = i / n1 - j / n2;
    prev = x;
  }
  return total;
}

/** scipy.stats.wasserstein_distance(a, b). */
export function wassersteinSorted(a: Sorted, b: Sorted): number {
  return cdfDistance(a, b, 1);
}

/** scipy.stats.energy_distance(a, b) = √2 · (∫ (F_a − F_b)² dx)^½ (Székely & Rizzo 2013). */
export function energyDistance(a: Sorted, b: Sorted): number {
  return Math.SQRT2 * Math.sqrt(cdfDistance(a, b, 2));
}

/** Population standard deviation (ddof = 0, as np.std): two-pass for accuracy. */
export function stdPopulation(a: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i];
  const mean = sum / a.length;
  let m2 = 0;
  for (let i = 0; i < a.length; i++) m2 += (a[i] - mean) ** 2;
  return Math.sqrt(m2 / a.length);
}

/** Groups of equal values in the pooled sample: value, count in a, count in b. */
function* pooledGroups(a: Sorted, b: Sorted): Generator<[number, number, number]> {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
    const i0 = i;
    const j0 = j;
    while (i < a.length && a[i] === x) i++;
    while (j < b.length && b[j] === x) j++;
    yield [x, i - i0, j - j0];
  }
}

export interface TestResult extends PValue {
  statistic: number;
}

/** Scholz & Stephens (1987) Table 2 interpolation, as scipy.stats.anderson_ksamp. */
const AD_B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
const AD_B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
const AD_B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];
const AD_SIG = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];

/**
 * k-sample Anderson–Darling for k = 2, midrank variant (ties allowed; Scholz & Stephens 1987),
 * as scipy.stats.anderson_ksamp([a, b]): the standardised statistic and a p-value interpolated
 * (quadratic in log p) from the published critical values — so, as in scipy, it is capped at
 * 0.25 and floored at 0.001 outside the table.
 */
export function andersonKsamp(a: Sorted, b: Sorted): TestResult & { capped: boolean } {
  const n = [a.length, b.length];
  const N = n[0] + n[1];
  const k = 2;
  let A2kN = 0;
  const inner = [0, 0];
  let below = 0; // pooled values < z
  const M = [0, 0];
  let distinct = 0;
  for (const [, ca, cb] of pooledGroups(a, b)) {
    distinct++;
    const lj = ca + cb;
    const Bj = below + lj / 2;
    const counts = [ca, cb];
    for (let s = 0; s < 2; s++) {
      const Mij = M[s] + counts[s] - counts[s] / 2;
      inner[s] += ((lj / N) * (N * Mij - Bj * n[s]) ** 2) / (Bj * (N - Bj) - (N * lj) / 4);
      M[s] += counts[s];
    }
    below += lj;
  }
  if (distinct < 2) throw new RangeError('anderson_ksamp needs more than one distinct observation');
  A2kN = (inner[0] / n[0] + inner[1] / n[1]) * ((N - 1) / N);
  const H = 1 / n[0] + 1 / n[1];
  let cs = 0;
  let g = 0;
  for (let i = 0, v = N - 1; v > 1; v--, i++) {
    cs += 1 / v;
    g += cs / (i + 2);
  }
  const h = cs + 1;
  const a_ = (4 * g - 6) * (k - 1) + (10 - 6 * g) * H;
  const b_ = (2 * g - 4) * k ** 2 + 8 * h * k + (2 * g - 14 * h - 4) * H - 8 * h + 4 * g - 6;
  const c_ = (6 * h + 2 * g - 2) * k ** 2 + (4 * h - 4 * g + 6) * k + (2 * h - 6) * H + 4 * h;
  const d_ = (2 * h + 6) * k ** 2 - 4 * h * k;
  const sigmasq = (a_ * N ** 3 + b_ * N ** 2 + c_ * N + d_) / ((N - 1) * (N - 2) * (N - 3));
  const m = k - 1;
  const A2 = (A2kN - m) / Math.sqrt(sigmasq);
  const critical = AD_B0.map((b0, i) => b0 + AD_B1[i] / Math.sqrt(m) + AD_B2[i] / m);
  let p: number;
  let capped = true;
  if (A2 < Math.min(...critical)) p = 0.25;
  else if (A2 > Math.max(...critical)) p = 0.001;
  else {
    const [c2, c1, c0] = polyfit2(critical, AD_SIG.map(Math.log));
    p = Math.exp((c2 * A2 + c1) * A2 + c0);
    capped = false;
  }
  return { statistic: A2, p_value: p, log10_p_value: Math.log10(p), capped };
}

/** Least-squares quadratic through (x, y), highest power first (numpy.polyfit(x, y, 2)). */
function polyfit2(x: readonly number[], y: readonly number[]): [number, number, number] {
  // centre and scale x so the 3×3 normal equations are well conditioned
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const sx = Math.sqrt(x.reduce((s, v) => s + (v - mx) ** 2, 0) / x.length);
  const t = x.map((v) => (v - mx) / sx);
  const S = [0, 0, 0, 0, 0];
  const T = [0, 0, 0];
  for (let i = 0; i < t.length; i++) {
    let p = 1;
    for (let e = 0; e <= 4; e++) {
      S[e] += p;
      if (e <= 2) T[e] += p * y[i];
      p *= t[i];
    }
  }
  const A = [
    [S[0], S[1], S[2], T[0]],
    [S[1], S[2], S[3], T[1]],
    [S[2], S[3], S[4], T[2]],
  ];
  for (let c = 0; c < 3; c++) {
    let piv = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    [A[c], A[piv]] = [A[piv], A[c]];
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let k = c; k < 4; k++) A[r][k] -= f * A[c][k];
    }
  }
  const [q0, q1, q2] = [A[0][3] / A[0][0], A[1][3] / A[1][1], A[2][3] / A[2][2]];
  // expand q0 + q1·t + q2·t² with t = (x − mx)/sx back into powers of x
  const c2 = q2 / (sx * sx);
  const c1 = q1 / sx - (2 * q2 * mx) / (sx * sx);
  const c0 = q0 - (q1 * mx) / sx + (q2 * mx * mx) / (sx * sx);
  return [c2, c1, c0];
}

/**
 * Cramér–von Mises two-sample (Anderson 1962), as scipy.stats.cramervonmises_2samp with its
 * asymptotic p-value: T from the pooled average ranks, standardised with its exact mean and
 * variance, then 1 − the limiting CDF (Csörgő & Faraway 1996), summed term by term until a
 * term is below 1e-7 exactly as scipy — or, as scipy's `auto` when neither sample has more than
 * 20 values, the exact null distribution (Xiao, Gordon & Yakovlev 2006).
 */
export function cramerVonMises2samp(a: Sorted, b: Sorted): TestResult & { p_value_method: 'exact' | 'asymptotic' } {
  const nx = a.length;
  const ny = b.length;
  // U is a sum of 10⁶ large terms and T a difference of two near-equal numbers: Neumaier's
  // compensated sum keeps U exact to rounding (numpy sums pairwise; both agree to ~1e-10 in T)
  let u = 0;
  let comp = 0;
  const add = (x: number) => {
    const t = u + x;
    comp += Math.abs(u) >= Math.abs(x) ? u - t + x : x - t + u;
    u = t;
  };
  let rank = 0;
  let ia = 0;
  let ib = 0;
  for (const [, ca, cb] of pooledGroups(a, b)) {
    const avg = rank + (ca + cb + 1) / 2;
    for (let s = 0; s < ca; s++) add(nx * (avg - ++ia) ** 2);
    for (let s = 0; s < cb; s++) add(ny * (avg - ++ib) ** 2);
    rank += ca + cb;
  }
  u += comp;
  const k = nx * ny;
  const N = nx + ny;
  const t = u / (k * N) - (4 * k - 1) / (6 * N);
  if (Math.max(nx, ny) <= 20) {
    const p = cvmExactSf(u, nx, ny);
    return { statistic: t, p_value: p, log10_p_value: Math.log10(p), p_value_method: 'exact' };
  }
  const et = (1 + 1 / N) / 6;
  const vt = ((N + 1) * (4 * k * N - 3 * (nx ** 2 + ny ** 2) - 2 * k)) / (45 * N ** 2 * 4 * k);
  const tn = 1 / 6 + (t - et) / Math.sqrt(45 * vt);
  const p = tn < 0.003 ? 1 : Math.max(0, 1 - cdfCvmInf(tn));
  return { statistic: t, p_value: p, log10_p_value: p > 0 ? Math.log10(p) : -Infinity, p_value_method: 'asymptotic' };
}

/**
 * Exact P(U ≥ u) under H0, scipy's `_pval_cvm_2samp_exact`: the generating function of the
 * statistic over all C(m+n, m) orderings, built cell by cell of the m × n lattice as maps from
 * the (integer, scaled) partial statistic to its number of paths.
 */
function cvmExactSf(u: number, m: number, n: number): number {
  const lcm = (m * n) / gcd(m, n);
  const a = lcm / m;
  const b = lcm / n;
  const mn = m * n;
  const zeta = Math.floor((lcm ** 2 * (m + n) * (6 * u - mn * (4 * mn - 1))) / (6 * mn ** 2));
  let gs: Map<number, number>[] = [new Map([[0, 1]]), ...Array.from({ length: m }, () => new Map<number, number>())];
  for (let j = 0; j <= n; j++) {
    const next: Map<number, number>[] = [];
    let tmp = new Map<number, number>();
    for (let v = 0; v < gs.length; v++) {
      const merged = new Map(tmp);
      for (const [value, freq] of gs[v]) merged.set(value, (merged.get(value) ?? 0) + freq);
      const shift = (a * v - b * j) ** 2;
      tmp = new Map([...merged].map(([value, freq]) => [value + shift, freq]));
      next.push(tmp);
    }
    gs = next;
  }
  let tail = 0;
  let total = 0;
  for (const [value, freq] of gs[m]) {
    total += freq;
    if (value >= zeta) tail += freq;
  }
  return tail / total;
}

/** Limiting CDF of the Cramér–von Mises statistic, scipy's `_cdf_cvm_inf`. */
function cdfCvmInf(x: number): number {
  let total = 0;
  for (let k = 0; ; k++) {
    const u = Math.exp(lnGamma(k + 0.5) - lnGamma(k + 1)) / (Math.PI ** 1.5 * Math.sqrt(x));
    const y = 4 * k + 1;
    const q = (y * y) / (16 * x);
    const z = u * Math.sqrt(y) * expScaledBesselK(0.25, q);
    total += z;
    if (Math.abs(z) < 1e-7) return total;
  }
}

/**
 * e^{−q}·K_ν(q) for q > 0 from K_ν(q) = ∫₀^∞ e^{−q·cosh t} cosh(νt) dt: the trapezoid rule on
 * this analytic, double-exponentially decaying integrand converges geometrically in the step,
 * so h = 1/32 is at rounding level (checked through the CvM p-values against scipy.special.kv).
 */
function expScaledBesselK(nu: number, q: number): number {
  const h = 1 / 32;
  let sum = 0.5 * Math.exp(-2 * q);
  for (let i = 1; ; i++) {
    const t = i * h;
    const term = Math.exp(-q * (1 + Math.cosh(t))) * Math.cosh(nu * t);
    sum += term;
    if (term < 1e-18 * sum) break;
  }
  return sum * h;
}

/**
 * Mann–Whitney U, two-sided, as scipy.stats.mannwhitneyu(a, b) defaults: U of the first sample
 * from pooled average ranks; the normal approximation with tie correction and continuity
 * correction (0.5), p = 2·P(Z ≥ z) clipped to 1 — except scipy's `auto` uses the exact null
 * distribution when a side has at most 8 values and there are no ties, and so does this.
 */
export function mannWhitneyU(a: Sorted, b: Sorted): TestResult & { p_value_method: 'exact' | 'asymptotic' } {
  const n1 = a.length;
  const n2 = b.length;
  let rank = 0;
  let r1 = 0;
  let tieTerm = 0;
  for (const [, ca, cb] of pooledGroups(a, b)) {
    const t = ca + cb;
    r1 += ca * (rank + (t + 1) / 2);
    tieTerm += t ** 3 - t;
    rank += t;
  }
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const U = Math.max(u1, u2);
  const n = n1 + n2;
  if ((n1 <= 8 || n2 <= 8) && tieTerm === 0) {
    const p = Math.min(1, 2 * mwuExactSf(Math.round(U), Math.min(n1, n2), Math.max(n1, n2)));
    return { statistic: u1, p_value: p, log10_p_value: Math.log10(p), p_value_method: 'exact' };
  }
  const mu = (n1 * n2) / 2;
  const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const z = (U - mu - 0.5) / s;
  const lnP = z <= 0 ? 0 : lnTwoSidedNormalSf(z);
  return { statistic: u1, ...fromLn(lnP), p_value_method: 'asymptotic' };
}

/** P(U ≥ k) under H0 for sample sizes m ≤ n: counts of U by the recurrence over the largest value. */
function mwuExactSf(k: number, m: number, n: number): number {
  // f[i][j][u]: arrangements of i and j values with statistic u; keep only j → row vectors
  const maxU = m * n;
  let prev: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(maxU + 1));
  for (let j = 0; j <= n; j++) prev[j][0] = 1;
  for (let i = 1; i <= m; i++) {
    const cur: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(maxU + 1));
    cur[0][0] = 1;
    for (let j = 1; j <= n; j++) {
      // the largest value is from the first sample (adds j to U) or from the second
      for (let u = 0; u <= i * j; u++) cur[j][u] = (u >= j ? prev[j][u - j] : 0) + cur[j - 1][u];
    }
    prev = cur;
  }
  const counts = prev[n];
  let total = 0;
  let tail = 0;
  for (let u = 0; u <= maxU; u++) {
    total += counts[u];
    if (u >= k) tail += counts[u];
  }
  return tail / total;
}
