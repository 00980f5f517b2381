import { FrequentItems } from '../profile/frequent.ts';
import type { ColumnProfile } from '../profile/schema.ts';
import { TDigest } from '../profile/tdigest.ts';
import { KllDistribution } from './kll-distribution.ts';

/**
 * A numeric column's distribution as the drift tests see it: either exact (every distinct
 * value with its count, which the profile keeps while a column has at most ~1,000 distinct
 * values) or a t-digest sketch. Both expose the CDF and the points where it bends or jumps,
 * which is all KS, Wasserstein and binned tests need.
 */
export interface NumericDistribution {
  readonly n: number;
  readonly exact: boolean;
  /** Population standard deviation (ddof = 0), as Evidently and scipy's `np.std` use. */
  readonly std: number;
  /** Sorted points where the CDF jumps (exact) or changes slope (sketch); it is linear between. */
  knots(): Float64Array;
  /** P(X ≤ x). */
  cdf(x: number): number;
  /** P(X < x): differs from cdf only at an exact distribution's atoms. */
  cdfBefore(x: number): number;
  /** Smallest x with cdf(x) ≥ q (inverted CDF) for exact; the digest's interpolation otherwise. */
  quantile(q: number): number;
}

export class ExactDistribution implements NumericDistribution {
  readonly exact = true;
  readonly n: number;
  readonly std: number;
  /** cumulative[i] = number of values ≤ values[i]. */
  private readonly cumulative: Float64Array;

  constructor(
    private readonly values: Float64Array,
    counts: Float64Array,
  ) {
    this.cumulative = new Float64Array(values.length);
    let total = 0;
    let sum = 0;
    for (let i = 0; i < values.length; i++) {
      total += counts[i];
      sum += counts[i] * values[i];
      this.cumulative[i] = total;
    }
    this.n = total;
    const mean = sum / total;
    let m2 = 0;
    for (let i = 0; i < values.length; i++) m2 += counts[i] * (values[i] - mean) ** 2;
    this.std = total > 0 ? Math.sqrt(m2 / total) : 0;
  }

  static fromSample(sample: ArrayLike<number>): ExactDistribution {
    const sorted = Float64Array.from(sample).sort();
    const values: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < sorted.length; i++) {
      if (values.length > 0 && values[values.length - 1] === sorted[i]) counts[counts.length - 1]++;
      else {
        values.push(sorted[i]);
        counts.push(1);
      }
    }
    return new ExactDistribution(Float64Array.from(values), Float64Array.from(counts));
  }

  static fromCounts(pairs: Iterable<[number, number]>): ExactDistribution {
    const merged = new Map<number, number>();
    for (const [v, c] of pairs) merged.set(v, (merged.get(v) ?? 0) + c);
    const values = Float64Array.from(merged.keys()).sort();
    return new ExactDistribution(
      values,
      Float64Array.from(values, (v) => merged.get(v)!),
    );
  }

  knots(): Float64Array {
    return this.values;
  }

  /** Every value with its multiplicity, sorted: the raw sample the counts stand for. */
  sortedSample(): Float64Array {
    const out = new Float64Array(this.n);
    let k = 0;
    for (let i = 0; i < this.values.length; i++) {
      const end = this.cumulative[i];
      while (k < end) out[k++] = this.values[i];
    }
    return out;
  }

  /** From values already sorted ascending (the exact path's one sort), counting ties in one pass. */
  static fromSorted(sorted: Float64Array): ExactDistribution {
    let distinct = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    const values = new Float64Array(distinct);
    const counts = new Float64Array(distinct);
    let k = -1;
    for (let i = 0; i < sorted.length; i++) {
      if (i === 0 || sorted[i] !== sorted[i - 1]) values[++k] = sorted[i];
      counts[k]++;
    }
    return new ExactDistribution(values, counts);
  }

  cdf(x: number): number {
    const i = upperBound(this.values, x);
    return i === 0 ? 0 : this.cumulative[i - 1] / this.n;
  }

  cdfBefore(x: number): number {
    const i = lowerBound(this.values, x);
    return i === 0 ? 0 : this.cumulative[i - 1] / this.n;
  }

  quantile(q: number): number {
    const target = q * this.n;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid] >= target - 1e-9 * this.n) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }
}

export class SketchDistribution implements NumericDistribution {
  readonly exact = false;
  private knotCache: Float64Array | null = null;

  constructor(
    private readonly digest: TDigest,
    readonly n: number,
    readonly std: number,
  ) {}

  knots(): Float64Array {
    if (this.knotCache === null) {
      const state = this.digest.toState();
      const points = [state.min, ...state.centroids.map((c) => c[0]), state.max];
      this.knotCache = Float64Array.from(new Set(points)).sort();
    }
    return this.knotCache;
  }

  cdf(x: number): number {
    return this.digest.cdf(x);
  }

  cdfBefore(x: number): number {
    return this.digest.cdf(x);
  }

  quantile(q: number): number {
    return this.digest.quantile(q);
  }
}

/**
 * The numeric distribution a profile column holds: exact from its value counts while those
 * are complete, or from its stored sample (`useSample`, small training sets), otherwise its
 * KLL sketch (proven error), or the t-digest of a profile written before the KLL was stored.
 * Null when the column kept no numeric state.
 */
export function numericDistribution(column: ColumnProfile, useSample = true): NumericDistribution | null {
  const state = column.state;
  if (!state.all_numeric || !state.moments || !state.sketch || state.moments.n === 0) return null;
  if (state.frequent.error === 0 && state.hll === null) {
    return ExactDistribution.fromCounts(state.frequent.items.map(([k, c]) => [Number(k), c]));
  }
  // a small training set's profile keeps every value (src/profile/column.ts PROFILE_SAMPLE_MAX_VALUES)
  if (useSample && state.sample) return new ExactDistribution(Float64Array.from(state.sample.values), Float64Array.from(state.sample.counts));
  const { n, m2 } = state.moments;
  if (state.kll) return new KllDistribution(state.kll, n, Math.sqrt(m2 / n));
  return new SketchDistribution(TDigest.fromState(state.sketch), n, Math.sqrt(m2 / n));
}

/** Category → count, with whatever a non-exact frequent-items summary could not name under OTHER. */
export interface CategoricalDistribution {
  readonly counts: Map<string, number>;
  readonly n: number;
  readonly exact: boolean;
}

/** Bucket for values a truncated frequent-items summary no longer names. */
export const OTHER_CATEGORY = '(other)';

export function categoricalDistribution(column: ColumnProfile): CategoricalDistribution {
  const frequent = FrequentItems.fromState(column.state.frequent);
  const n = column.count - column.nulls;
  const counts = new Map(frequent.counts);
  const named = [...counts.values()].reduce((s, c) => s + c, 0);
  if (named < n) counts.set(OTHER_CATEGORY, (counts.get(OTHER_CATEGORY) ?? 0) + n - named);
  return { counts, n, exact: frequent.exact };
}

function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
