import { binProportions, quantileEdges } from './bins.ts';
import type { NumericDistribution } from './distribution.ts';
import { jensenShannonDistance } from './jensen-shannon.ts';
import { KllDistribution, rankErrorOf } from './kll-distribution.ts';
import { ksPValue } from './ks.ts';
import type { DriftMethod } from './methods.ts';
import { PSI_EPSILON } from './psi.ts';

/** How inconclusive columns count in the dataset drift share (`--inconclusive`). */
export const INCONCLUSIVE_POLICIES = ['exclude', 'drift', 'no-drift'] as const;
export type InconclusivePolicy = (typeof INCONCLUSIVE_POLICIES)[number];

export interface BoundedDecision {
  /**
   * Largest possible |statistic − statistic on the raw data| (with probability ≥ 1 − 10⁻⁶):
   * 0 when both sides are exact, null when a side is a t-digest (a profile written before the
   * KLL sketch was stored; no proven bound, the decision is the plain one).
   */
  statistic_error_bound: number | null;
  /** [lowest, highest] statistic the raw data can have, when a side is a sketch. */
  statistic_interval?: [number, number];
  /** The p-values at the interval's ends (ks): [at the highest D, at the lowest D]. */
  p_value_interval?: [number, number];
  /** The bound straddles the threshold: neither drift nor no drift can be claimed. */
  inconclusive: boolean;
  drifted: boolean;
}

/**
 * The decision a column's statistic supports once the sketches' error is accounted for: drift
 * only when even the most favourable raw statistic (D − ε, the interval's low end) drifts, no
 * drift only when even the least favourable (D + ε) does not, otherwise inconclusive.
 */
export function boundedDecision(
  ref: NumericDistribution | null,
  cur: NumericDistribution | null,
  result: { statistic: number; exact: boolean },
  method: DriftMethod,
  threshold: number,
  bins: number,
  plain: boolean,
): BoundedDecision {
  if (result.exact) return { statistic_error_bound: 0, inconclusive: false, drifted: plain };
  if (ref === null || cur === null || (method !== 'ks' && method !== 'wasserstein' && method !== 'psi' && method !== 'js')) {
    // Categorical counts from a truncated frequent-items summary: no bound derived.
    return { statistic_error_bound: null, inconclusive: false, drifted: plain };
  }
  const ea = rankErrorOf(ref);
  const eb = rankErrorOf(cur);
  if (ea === null || eb === null) return { statistic_error_bound: null, inconclusive: false, drifted: plain };
  const s = result.statistic;
  let interval: [number, number];
  let pValues: [number, number] | undefined;
  if (method === 'ks') {
    interval = [Math.max(0, s - ea - eb), Math.min(1, s + ea + eb)];
    pValues = [ksPValue(interval[1], ref.n, cur.n).p_value, ksPValue(interval[0], ref.n, cur.n).p_value];
  } else if (method === 'wasserstein') {
    interval = wassersteinInterval(s, ref, cur, ea, eb);
  } else {
    interval = binnedInterval(method, s, ref, cur, ea, eb, bins);
  }
  const bound = Math.max(s - interval[0], interval[1] - s);
  const out = { statistic_error_bound: bound, statistic_interval: interval, ...(pValues ? { p_value_interval: pValues } : {}) };
  const drift = pValues ? pValues[1] < threshold : interval[0] >= threshold;
  const noDrift = pValues ? pValues[0] >= threshold : interval[1] < threshold;
  return { ...out, inconclusive: !drift && !noDrift, drifted: drift };
}

/**
 * ∫|F̂ − F| dx ≤ ε·(max − min) on each side (outside [min, max] both CDFs are 0 or 1), so the
 * normalised W₁ moves by at most (ε_ref·range_ref + ε_cur·range_cur)/std_ref. Valid but loose
 * for long-tailed columns (the range is the whole support).
 */
function wassersteinInterval(s: number, ref: NumericDistribution, cur: NumericDistribution, ea: number, eb: number): [number, number] {
  if (!(ref.std > 0) || !Number.isFinite(s)) return [s, s];
  const bound = (ea * range(ref) + eb * range(cur)) / ref.std;
  return [Math.max(0, s - bound), s + bound];
}

function range(d: NumericDistribution): number {
  if (d instanceof KllDistribution) return d.max - d.min;
  const k = d.knots();
  return k[k.length - 1] - k[0];
}

type Interval = [number, number];

/**
 * PSI / JS on the same bin edges: each true bin share lies within 2ε of the sketch's (ε for
 * the open outer bins), so every term of the sum ranges over a box. Both terms are jointly
 * convex in (p, q) and vanish on p = q: the maximum is at a corner, the minimum 0 when the
 * two ranges overlap, else at the corner nearest the diagonal. Summing the per-term ranges
 * ignores that the shares add to 1, so the interval is conservative.
 */
function binnedInterval(method: 'psi' | 'js', s: number, ref: NumericDistribution, cur: NumericDistribution, ea: number, eb: number, bins: number): Interval {
  const edges = quantileEdges(ref, bins);
  const p = binProportions(ref, edges);
  const q = binProportions(cur, edges);
  const last = p.length - 1;
  const box = (x: number, i: number, e: number): Interval => {
    const w = i === 0 || i === last ? e : 2 * e;
    return [Math.max(0, x - w), Math.min(1, x + w)];
  };
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < p.length; i++) {
    const pb = box(p[i], i, ea);
    const qb = box(q[i], i, eb);
    const [a, b] = method === 'psi' ? psiTermRange(pb, qb, 1 / ref.n, 1 / cur.n) : termRange(jsTerm, pb, qb);
    lo += a;
    hi += b;
  }
  if (method === 'psi') return [Math.min(lo, s), Math.max(hi, s)];
  // JS distance = √(c·Σ terms / 2) in whatever log base jensenShannonDistance uses: c from its maximum.
  const c = jensenShannonDistance([1, 0], [0, 1]) ** 2 / Math.LN2;
  return [Math.min(Math.sqrt((c * lo) / 2), s), Math.max(Math.sqrt((c * hi) / 2), s)];
}

function jsTerm(p: number, q: number): number {
  const m = (p + q) / 2;
  return (p > 0 ? p * Math.log(p / m) : 0) + (q > 0 ? q * Math.log(q / m) : 0);
}

function psiTerm(p: number, q: number): number {
  return (q - p) * Math.log(q / p);
}

/**
 * PSI replaces an empty share by PSI_EPSILON, and a real share is 0 or at least 1/n: a box
 * reaching 0 is the point PSI_EPSILON together with [1/n, high].
 */
function psiTermRange(p: Interval, q: Interval, minP: number, minQ: number): Interval {
  const options = (x: Interval, min: number): Interval[] => (x[0] > 0 ? [x] : [[PSI_EPSILON, PSI_EPSILON], ...(x[1] >= min ? [[min, x[1]] as Interval] : [])]);
  let lo = Infinity;
  let hi = -Infinity;
  for (const pi of options(p, minP)) {
    for (const qi of options(q, minQ)) {
      const [a, b] = termRange(psiTerm, pi, qi);
      lo = Math.min(lo, a);
      hi = Math.max(hi, b);
    }
  }
  return [lo, hi];
}

function termRange(f: (p: number, q: number) => number, p: Interval, q: Interval): Interval {
  const hi = Math.max(f(p[0], q[0]), f(p[0], q[1]), f(p[1], q[0]), f(p[1], q[1]));
  if (p[1] >= q[0] && q[1] >= p[0]) return [0, hi];
  return [p[1] < q[0] ? f(p[1], q[0]) : f(p[0], q[1]), hi];
}
