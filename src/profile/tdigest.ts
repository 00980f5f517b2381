/**
 * A merging t-digest (Dunning & Ertl, "Computing extremely accurate quantiles using
 * t-digests", 2019) with the k1 scale function k(q) = δ/(2π)·asin(2q−1). Values are buffered
 * and folded in sorted order; digests merge by re-compressing the union of their centroids,
 * which keeps the same error guarantee, so profiles of shards combine.
 *
 * Written here rather than taken from npm: the `tdigest` package is the older tree-based
 * variant (one red-black-tree insert per value), far too slow for the profile's throughput.
 */
export interface TDigestState {
  compression: number;
  min: number;
  max: number;
  /** [mean, weight] pairs sorted by mean. */
  centroids: [number, number][];
}

export class TDigest {
  readonly compression: number;
  private means: Float64Array;
  private weights: Float64Array;
  private size = 0;
  private total = 0;
  private buffer: Float64Array;
  private buffered = 0;
  private scratchMeans = new Float64Array(0);
  private scratchWeights = new Float64Array(0);
  private lo = Infinity;
  private hi = -Infinity;

  constructor(compression = 200) {
    this.compression = compression;
    const cap = Math.ceil(compression * 2) + 10;
    this.means = new Float64Array(cap);
    this.weights = new Float64Array(cap);
    // A large buffer amortises each merge pass over the centroids across many values.
    this.buffer = new Float64Array(Math.max(8192, Math.ceil(compression * 20)));
  }

  static fromState(state: TDigestState): TDigest {
    const d = new TDigest(state.compression);
    if (state.centroids.length === 0) return d;
    const means = state.centroids.map((c) => c[0]);
    const weights = state.centroids.map((c) => c[1]);
    d.absorb(means, weights);
    d.lo = state.min;
    d.hi = state.max;
    return d;
  }

  add(x: number): void {
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    this.buffer[this.buffered++] = x;
    if (this.buffered === this.buffer.length) this.flush();
  }

  get count(): number {
    return this.total + this.buffered;
  }

  merge(other: TDigest): void {
    other.flush();
    this.flush();
    if (other.size === 0) return;
    this.absorb(Array.from(other.means.subarray(0, other.size)), Array.from(other.weights.subarray(0, other.size)));
    this.lo = Math.min(this.lo, other.lo);
    this.hi = Math.max(this.hi, other.hi);
  }

  quantile(q: number): number {
    this.flush();
    const n = this.size;
    if (n === 0) return NaN;
    if (q <= 0) return this.lo;
    if (q >= 1) return this.hi;
    if (n === 1) return this.means[0];
    const index = q * this.total;
    const m = this.means;
    const w = this.weights;
    if (index < w[0] / 2) return this.lo + (index / (w[0] / 2)) * (m[0] - this.lo);
    let cumulative = w[0] / 2;
    for (let i = 0; i < n - 1; i++) {
      const step = (w[i] + w[i + 1]) / 2;
      if (index < cumulative + step) {
        // Singleton centroids are exact points: do not smear them towards a neighbour.
        const left = w[i] === 1 && index - cumulative < 0.5 ? 0 : index - cumulative;
        const frac = w[i + 1] === 1 && cumulative + step - index <= 0.5 ? 1 : left / step;
        return m[i] + frac * (m[i + 1] - m[i]);
      }
      cumulative += step;
    }
    const tail = index - (this.total - w[n - 1] / 2);
    return m[n - 1] + (tail / (w[n - 1] / 2)) * (this.hi - m[n - 1]);
  }

  /** Fraction of the weight at or below x, interpolated like `quantile` (its inverse). */
  cdf(x: number): number {
    this.flush();
    const n = this.size;
    if (n === 0) return NaN;
    if (x < this.lo) return 0;
    if (x >= this.hi) return 1;
    const m = this.means;
    const w = this.weights;
    if (n === 1) return this.hi === this.lo ? 1 : (x - this.lo) / (this.hi - this.lo);
    if (x < m[0]) return m[0] === this.lo ? 0 : (((x - this.lo) / (m[0] - this.lo)) * (w[0] / 2)) / this.total;
    let cumulative = w[0] / 2;
    for (let i = 0; i < n - 1; i++) {
      const step = (w[i] + w[i + 1]) / 2;
      if (x < m[i + 1]) {
        const span = m[i + 1] - m[i];
        return (cumulative + (span === 0 ? 0 : ((x - m[i]) / span) * step)) / this.total;
      }
      cumulative += step;
    }
    const span = this.hi - m[n - 1];
    return (cumulative + (span === 0 ? w[n - 1] / 2 : ((x - m[n - 1]) / span) * (w[n - 1] / 2))) / this.total;
  }

  get min(): number {
    return this.lo;
  }

  get max(): number {
    return this.hi;
  }

  toState(): TDigestState {
    this.flush();
    const centroids: [number, number][] = [];
    for (let i = 0; i < this.size; i++) centroids.push([this.means[i], this.weights[i]]);
    return { compression: this.compression, min: this.lo, max: this.hi, centroids };
  }

  private flush(): void {
    if (this.buffered === 0) return;
    const values = this.buffer.subarray(0, this.buffered).sort();
    const n = this.size + values.length;
    if (this.scratchMeans.length < n) {
      this.scratchMeans = new Float64Array(n);
      this.scratchWeights = new Float64Array(n);
    }
    const means = this.scratchMeans;
    const weights = this.scratchWeights;
    let a = 0;
    let b = 0;
    for (let k = 0; k < n; k++) {
      if (b >= values.length || (a < this.size && this.means[a] <= values[b])) {
        means[k] = this.means[a];
        weights[k] = this.weights[a++];
      } else {
        means[k] = values[b++];
        weights[k] = 1;
      }
    }
    this.total += values.length;
    this.buffered = 0;
    this.compress(means, weights, n);
  }

  private absorb(meansIn: number[], weightsIn: number[]): void {
    const allMeans = [...Array.from(this.means.subarray(0, this.size)), ...meansIn];
    const allWeights = [...Array.from(this.weights.subarray(0, this.size)), ...weightsIn];
    const idx = [...allMeans.keys()].sort((i, j) => allMeans[i] - allMeans[j]);
    const means = Float64Array.from(idx, (i) => allMeans[i]);
    const weights = Float64Array.from(idx, (i) => allWeights[i]);
    this.total = weights.reduce((s, x) => s + x, 0);
    this.compress(means, weights, means.length);
  }

  private compress(means: Float64Array, weights: Float64Array, n: number): void {
    const total = this.total;
    const delta = this.compression;
    const kOf = (q: number): number => (delta / (2 * Math.PI)) * Math.asin(2 * q - 1);
    const qLimitAfter = (q0: number): number => {
      const k = kOf(q0) + 1;
      return k >= delta / 4 ? 1 : (Math.sin((k * 2 * Math.PI) / delta) + 1) / 2;
    };
    let out = 0;
    let curMean = means[0];
    let curWeight = weights[0];
    let before = 0;
    let qLimit = qLimitAfter(0);
    for (let i = 1; i < n; i++) {
      const proposed = curWeight + weights[i];
      if ((before + proposed) / total <= qLimit) {
        curWeight = proposed;
        curMean += ((means[i] - curMean) * weights[i]) / curWeight;
      } else {
        this.means[out] = curMean;
        this.weights[out++] = curWeight;
        before += curWeight;
        qLimit = qLimitAfter(before / total);
        curMean = means[i];
        curWeight = weights[i];
        if (out >= this.means.length - 1) this.grow();
      }
    }
    this.means[out] = curMean;
    this.weights[out++] = curWeight;
    this.size = out;
  }

  private grow(): void {
    const means = new Float64Array(this.means.length * 2);
    const weights = new Float64Array(this.weights.length * 2);
    means.set(this.means);
    weights.set(this.weights);
    this.means = means;
    this.weights = weights;
  }
}
