/**
 * A KLL quantile sketch (Karnin, Lang & Liberty, "Optimal quantile approximation in streams",
 * FOCS 2016) that also carries what is needed to *prove* its rank error, so drift decisions
 * made from it can say how far off they may be (docs/drift.md, "Error bounds").
 *
 * Levels h = 0, 1, … hold values of weight 2^h. A full level is sorted and compacted: every
 * other value, starting at a random offset, moves up with twice the weight. For any query x
 * the compaction changes the sketch's count of values ≤ x by 0 (an even number of the
 * compacted values are ≤ x) or by ±2^h with equal probability, whatever happened before: the
 * rank errors form a martingale with steps bounded by 2^h, so by Azuma–Hoeffding
 * P(|error(x)| > t) ≤ 2·exp(−t² / (2·Σ 4^h)). The compaction schedule depends only on the
 * number of values added and merged, never on the coins, so Σ 4^h is known exactly and kept
 * in the state (`variance`).
 *
 * Coins come from a seeded PRNG (mulberry32) whose state is stored, so the same data in the
 * same order give the same sketch. Sketches of shards built with the same seed share their
 * coins; a merge therefore never adds variances across sketches: it closes each side's
 * component and the bound adds their standard deviations with a union bound over the
 * components (`sigma_closed`, `parts_closed`), which holds however the coins are correlated.
 * Each compaction also moves any rank by at most 2^h, so Σ 2^h (`error_sum`) bounds the error
 * with certainty: tighter while there were few compactions (a few thousand values).
 */
export interface KllState {
  k: number;
  n: number;
  min: number;
  max: number;
  /** Level h's values (weight 2^h) as base64 little-endian float64, in no particular order. */
  levels: string[];
  /** mulberry32 state for the next coin. */
  rng: number;
  /** Σ 4^h over the compactions since the last merge (the open component). */
  variance: number;
  /** Σ √variance of the components closed by merges. */
  sigma_closed: number;
  /** How many closed components have a non-zero variance. */
  parts_closed: number;
  /** Σ 2^h over every compaction: no rank can be off by more, whatever the coins (the deterministic bound). */
  error_sum: number;
}

/**
 * 2,048 at the top level: about 6,000 values (64 KB of JSON) per column and a proven
 * sup-CDF error ε ≈ 0.28 % at δ = 5·10⁻⁷ from 50k to 5M values (observed ≈ 0.1 %); 1,024
 * halves the size and doubles ε.
 */
export const KLL_DEFAULT_K = 2048;
/** Capacity shrinks by this factor per level below the top (KLL's c; 2/3 is the paper's choice). */
const DECAY = 2 / 3;
const MIN_CAPACITY = 8;
const DEFAULT_SEED = 0x4b4c4c; // "KLL"

export class KllSketch {
  readonly k: number;
  private levels: Float64Array[] = [new Float64Array(0)];
  private sizes: number[] = [0];
  private total = 0;
  private lo = Infinity;
  private hi = -Infinity;
  private rngState: number;
  private variance = 0;
  private sigmaClosed = 0;
  private partsClosed = 0;
  private errorSum = 0;
  /** Values held over all levels, and the sum of the levels' capacities. */
  private held = 0;
  private capacityTotal = 0;
  private capacities: number[] = [];
  private scratch = new Float64Array(0);

  constructor(k = KLL_DEFAULT_K, seed = DEFAULT_SEED) {
    this.k = k;
    this.rngState = seed >>> 0;
    this.resize();
  }

  /**
   * A sketch holding exactly these (value, count) pairs, with no error: a count c goes in as
   * one value at every level h whose bit is set in c (weight 2^h each), then the levels are
   * compacted as usual. Lets an exactly counted shard merge with a sketched one.
   */
  static fromCounts(pairs: Iterable<[number, number]>, k = KLL_DEFAULT_K): KllSketch {
    const s = new KllSketch(k);
    for (const [v, c] of pairs) {
      if (v < s.lo) s.lo = v;
      if (v > s.hi) s.hi = v;
      s.total += c;
      for (let h = 0, rest = c; rest > 0; h++, rest = Math.floor(rest / 2)) {
        if (rest % 2 === 0) continue;
        while (h >= s.levels.length) {
          s.levels.push(new Float64Array(0));
          s.sizes.push(0);
        }
        s.grow(h, s.sizes[h] + 1);
        s.levels[h][s.sizes[h]++] = v;
        s.held++;
      }
    }
    s.sortUpperLevels();
    s.resize();
    while (s.held > s.capacityTotal) s.compress();
    return s;
  }

  static fromState(state: KllState): KllSketch {
    const s = new KllSketch(state.k);
    s.load(state);
    return s;
  }

  private load(state: KllState): void {
    this.levels = state.levels.map((b64) => {
      const buf = Buffer.from(b64, 'base64');
      return new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    });
    if (this.levels.length === 0) this.levels = [new Float64Array(0)];
    this.sizes = this.levels.map((l) => l.length);
    this.total = state.n;
    this.lo = state.min;
    this.hi = state.max;
    this.rngState = state.rng >>> 0;
    this.variance = state.variance;
    this.sigmaClosed = state.sigma_closed;
    this.partsClosed = state.parts_closed;
    this.errorSum = state.error_sum;
    this.held = this.sizes.reduce((a, b) => a + b, 0);
    this.sortUpperLevels();
    this.resize();
  }

  private sortUpperLevels(): void {
    for (let h = 1; h < this.levels.length; h++) sortPrefix(this.levels[h], this.sizes[h]);
  }

  get n(): number {
    return this.total;
  }

  get min(): number {
    return this.lo;
  }

  get max(): number {
    return this.hi;
  }

  add(x: number): void {
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    this.total++;
    const size = this.sizes[0];
    if (size === this.levels[0].length) this.grow(0, size + 1);
    this.levels[0][size] = x;
    this.sizes[0] = size + 1;
    this.held++;
    while (this.held > this.capacityTotal) this.compress();
  }

  /** Folds another sketch in (the union of the two streams); both sides' errors stay bounded. */
  merge(other: KllSketch): void {
    if (other.total === 0) return;
    if (this.total === 0) {
      // Nothing here yet: become a copy of the other (its component stays open).
      this.load(other.toState());
      return;
    }
    this.closeComponent();
    this.sigmaClosed += other.sigmaClosed + Math.sqrt(other.variance);
    this.partsClosed += other.partsClosed + (other.variance > 0 ? 1 : 0);
    this.errorSum += other.errorSum;
    for (let h = 0; h < other.levels.length; h++) {
      if (h >= this.levels.length) {
        this.levels.push(new Float64Array(0));
        this.sizes.push(0);
      }
      const add = other.sizes[h];
      if (add === 0) continue;
      this.grow(h, this.sizes[h] + add);
      this.levels[h].set(other.levels[h].subarray(0, add), this.sizes[h]);
      this.sizes[h] += add;
      this.held += add;
    }
    this.total += other.total;
    this.lo = Math.min(this.lo, other.lo);
    this.hi = Math.max(this.hi, other.hi);
    this.sortUpperLevels();
    // A different coin stream from here on, reproducible from the two states.
    this.rngState = (Math.imul(this.rngState ^ 0x9e3779b9, 0x85ebca6b) ^ other.rngState) >>> 0;
    this.resize();
    while (this.held > this.capacityTotal) this.compress();
  }

  /**
   * ε such that, with probability ≥ 1 − δ, the sketch's CDF is within ε of the data's at every
   * x (both one-sided limits): sup_x |F̂(x) − F(x)| ≤ ε. Proof in docs/drift.md: Azuma per
   * component, a union bound over the components and over 2m query points at the data's
   * ranks ⌈jn/m⌉ (fewer than ⌈n/m⌉ values lie strictly between two of them), minimised over
   * m; never above the deterministic error_sum / n.
   */
  rankErrorBound(delta: number): number {
    const sigma = this.sigmaClosed + Math.sqrt(this.variance);
    const n = this.total;
    if (sigma === 0 || n === 0) return 0;
    const parts = this.partsClosed + (this.variance > 0 ? 1 : 0);
    let best = Math.min(1, this.errorSum / n);
    const grid = [n];
    for (let m = 1; m < n; m = Math.max(m + 1, Math.floor(m * 1.05))) grid.push(m);
    for (const m of grid) {
      const s = Math.sqrt(2 * Math.log((4 * m * parts) / delta));
      best = Math.min(best, (sigma * s + Math.ceil(n / m) - 1) / n);
    }
    return best;
  }

  /** The retained values with their weights, sorted by value (equal values merged). */
  weightedValues(): { values: Float64Array; weights: Float64Array } {
    const pairs: [number, number][] = [];
    for (let h = 0; h < this.levels.length; h++) {
      const w = 2 ** h;
      for (let i = 0; i < this.sizes[h]; i++) pairs.push([this.levels[h][i], w]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    const values: number[] = [];
    const weights: number[] = [];
    for (const [v, w] of pairs) {
      if (values.length > 0 && values[values.length - 1] === v) weights[weights.length - 1] += w;
      else {
        values.push(v);
        weights.push(w);
      }
    }
    return { values: Float64Array.from(values), weights: Float64Array.from(weights) };
  }

  toState(): KllState {
    const levels = this.levels.map((l, h) => {
      const copy = Float64Array.from(l.subarray(0, this.sizes[h]));
      return Buffer.from(copy.buffer).toString('base64');
    });
    return {
      k: this.k,
      n: this.total,
      min: this.lo,
      max: this.hi,
      levels,
      rng: this.rngState,
      variance: this.variance,
      sigma_closed: this.sigmaClosed,
      parts_closed: this.partsClosed,
      error_sum: this.errorSum,
    };
  }

  private closeComponent(): void {
    if (this.variance > 0) {
      this.sigmaClosed += Math.sqrt(this.variance);
      this.partsClosed++;
    }
    this.variance = 0;
  }

  private capacity(h: number): number {
    return this.capacities[h];
  }

  /** Capacities depend only on the number of levels: recomputed when it changes. */
  private resize(): void {
    const levels = this.levels.length;
    if (this.capacities.length === levels) return;
    const top = levels - 1;
    this.capacities = Array.from({ length: levels }, (_, h) => Math.max(MIN_CAPACITY, Math.ceil(this.k * DECAY ** (top - h))));
    this.capacityTotal = this.capacities.reduce((a, b) => a + b, 0);
  }

  private grow(h: number, need: number): void {
    if (this.levels[h].length >= need) return;
    const next = new Float64Array(Math.max(need, Math.ceil(this.levels[h].length * 1.5), MIN_CAPACITY));
    next.set(this.levels[h].subarray(0, this.sizes[h]));
    this.levels[h] = next;
  }

  /** Compacts the lowest level at or over its capacity. */
  private compress(): void {
    for (let h = 0; h < this.levels.length; h++) {
      if (this.sizes[h] < this.capacity(h)) continue;
      if (h + 1 === this.levels.length) {
        this.levels.push(new Float64Array(0));
        this.sizes.push(0);
      }
      const size = this.sizes[h];
      const level = this.levels[h];
      // Levels above 0 are kept sorted (merged into, never re-sorted): sorting was the update's main cost.
      if (h === 0) sortPrefix(level, size);
      // An odd value out stays (the largest): only an even number is compacted.
      const pairs = size >> 1;
      const offset = this.coin();
      if (this.scratch.length < pairs) this.scratch = new Float64Array(Math.max(pairs, 2 * this.scratch.length));
      const run = this.scratch;
      for (let i = 0; i < pairs; i++) run[i] = level[2 * i + offset];
      const up = this.sizes[h + 1];
      this.grow(h + 1, up + pairs);
      const dest = this.levels[h + 1];
      // merge the sorted run into the sorted level from the back, in place
      let i = up - 1;
      let j = pairs - 1;
      for (let k = up + pairs - 1; j >= 0; k--) dest[k] = i >= 0 && dest[i] > run[j] ? dest[i--] : run[j--];
      this.sizes[h + 1] = up + pairs;
      if (size & 1) level[0] = level[size - 1];
      this.sizes[h] = size & 1;
      this.held -= pairs;
      this.variance += 4 ** h;
      this.errorSum += 2 ** h;
      this.resize();
      return;
    }
  }

  private coin(): number {
    // mulberry32's step, so successive coins walk one stream from the stored state
    this.rngState = (this.rngState + 0x6d2b79f5) >>> 0;
    let t = this.rngState;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 < 0.5 ? 0 : 1;
  }
}

/**
 * Sorts a[0..n): an insertion sort for the few values a low level can hold, the builtin beyond.
 */
function sortPrefix(a: Float64Array, n: number): void {
  if (n > 32) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}
