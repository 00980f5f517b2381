import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  external_exports
} from "./cli-chunk-432HCV4T.js";
import {
  isIntegerCell,
  readBatches,
  toBoolean,
  toDatetime,
  toNumber
} from "./cli-chunk-6HQVLVXU.js";
import {
  MlopsError
} from "./cli-chunk-CRJPICDA.js";

// src/profile/frequent.ts
import { createHash } from "node:crypto";
var MAX_SKETCH_STRING = 200;
function boundedKey(value) {
  if (value.length <= MAX_SKETCH_STRING) return value;
  const hash = createHash("sha256").update(value).digest("hex").slice(0, 16);
  return `${value.slice(0, MAX_SKETCH_STRING)}\u2026[truncated: ${value.length} chars, sha256 ${hash}]`;
}
var FrequentItems = class _FrequentItems {
  capacity;
  counts = /* @__PURE__ */ new Map();
  error = 0;
  constructor(capacity = 1e3) {
    this.capacity = capacity;
  }
  static fromState(state) {
    const f = new _FrequentItems(state.capacity);
    for (const [k, v] of state.items) f.counts.set(k, v);
    f.error = state.error;
    return f;
  }
  get exact() {
    return this.error === 0;
  }
  add(value, count = 1) {
    const counts = this.counts;
    const prev = counts.get(value);
    counts.set(value, prev === void 0 ? count : prev + count);
    if (prev === void 0 && counts.size >= 2 * this.capacity) this.prune();
  }
  merge(other) {
    for (const [k, v] of other.counts) this.add(k, v);
    this.error += other.error;
    if (this.counts.size > this.capacity && this.error > 0) this.prune();
  }
  /** Forgets every counter; `seen` occurrences become undercount that the error bound covers. */
  dropAll(seen) {
    this.counts.clear();
    this.error += seen;
  }
  top(k) {
    return [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);
  }
  toState() {
    return { capacity: this.capacity, error: this.error, items: this.top(this.counts.size) };
  }
  prune() {
    const sorted = [...this.counts.values()].sort((a, b) => b - a);
    const cut = sorted[this.capacity] ?? 0;
    if (cut === 0) return;
    for (const [k, v] of this.counts) {
      if (v <= cut) this.counts.delete(k);
      else this.counts.set(k, v - cut);
    }
    this.error += cut;
  }
};

// src/profile/hll.ts
var P = 12;
var M = 1 << P;
var ALPHA = 0.7213 / (1 + 1.079 / M);
var F64 = new Float64Array(1);
var U32 = new Uint32Array(F64.buffer);
var HyperLogLog = class _HyperLogLog {
  registers;
  constructor(registers) {
    this.registers = registers ?? new Uint8Array(M);
  }
  static fromBase64(text) {
    const bytes = Buffer.from(text, "base64");
    if (bytes.length !== M) throw new Error(`HyperLogLog state must be ${M} registers, got ${bytes.length}`);
    return new _HyperLogLog(new Uint8Array(bytes));
  }
  add(text) {
    this.addHash(hash53(text));
  }
  /** Numbers are hashed by value (their IEEE-754 bits), so "1.50" and "1.5" count once. */
  addNumber(n) {
    F64[0] = n === 0 ? 0 : n;
    this.addHash(mix53(U32[0], U32[1]));
  }
  addHash(h) {
    const index = h % M;
    const rest = Math.floor(h / M);
    const rank = rest === 0 ? 42 : 41 - Math.floor(Math.log2(rest));
    if (rank > this.registers[index]) this.registers[index] = rank;
  }
  merge(other) {
    for (let i = 0; i < M; i++) if (other.registers[i] > this.registers[i]) this.registers[i] = other.registers[i];
  }
  estimate() {
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < M; i++) {
      sum += 2 ** -this.registers[i];
      if (this.registers[i] === 0) zeros++;
    }
    const raw = ALPHA * M * M / sum;
    if (raw <= 2.5 * M && zeros > 0) return Math.round(M * Math.log(M / zeros));
    return Math.round(raw);
  }
  toBase64() {
    return Buffer.from(this.registers).toString("base64");
  }
};
function hash53(text, seed = 0) {
  let h1 = 3735928559 ^ seed;
  let h2 = 1103547991 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ h1 >>> 16, 2246822507);
  h1 ^= Math.imul(h2 ^ h2 >>> 13, 3266489909);
  h2 = Math.imul(h2 ^ h2 >>> 16, 2246822507);
  h2 ^= Math.imul(h1 ^ h1 >>> 13, 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
function mix53(lo, hi) {
  let h1 = Math.imul(3735928559 ^ lo, 2654435761);
  let h2 = Math.imul(1103547991 ^ lo, 1597334677);
  h1 = Math.imul(h1 ^ hi, 2654435761);
  h2 = Math.imul(h2 ^ hi, 1597334677);
  h1 = Math.imul(h1 ^ h1 >>> 16, 2246822507);
  h1 ^= Math.imul(h2 ^ h2 >>> 13, 3266489909);
  h2 = Math.imul(h2 ^ h2 >>> 16, 2246822507);
  h2 ^= Math.imul(h1 ^ h1 >>> 13, 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

// src/profile/kll.ts
var KLL_DEFAULT_K = 2048;
var DECAY = 2 / 3;
var MIN_CAPACITY = 8;
var DEFAULT_SEED = 4934732;
var KllSketch = class _KllSketch {
  k;
  levels = [new Float64Array(0)];
  sizes = [0];
  total = 0;
  lo = Infinity;
  hi = -Infinity;
  rngState;
  variance = 0;
  sigmaClosed = 0;
  partsClosed = 0;
  errorSum = 0;
  /** Values held over all levels, and the sum of the levels' capacities. */
  held = 0;
  capacityTotal = 0;
  capacities = [];
  scratch = new Float64Array(0);
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
  static fromCounts(pairs, k = KLL_DEFAULT_K) {
    const s = new _KllSketch(k);
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
  static fromState(state) {
    const s = new _KllSketch(state.k);
    s.load(state);
    return s;
  }
  load(state) {
    this.levels = state.levels.map((b64) => {
      const buf = Buffer.from(b64, "base64");
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
  sortUpperLevels() {
    for (let h = 1; h < this.levels.length; h++) sortPrefix(this.levels[h], this.sizes[h]);
  }
  get n() {
    return this.total;
  }
  get min() {
    return this.lo;
  }
  get max() {
    return this.hi;
  }
  add(x) {
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
  merge(other) {
    if (other.total === 0) return;
    if (this.total === 0) {
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
    this.rngState = (Math.imul(this.rngState ^ 2654435769, 2246822507) ^ other.rngState) >>> 0;
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
  rankErrorBound(delta) {
    const sigma = this.sigmaClosed + Math.sqrt(this.variance);
    const n = this.total;
    if (sigma === 0 || n === 0) return 0;
    const parts = this.partsClosed + (this.variance > 0 ? 1 : 0);
    let best = Math.min(1, this.errorSum / n);
    const grid = [n];
    for (let m = 1; m < n; m = Math.max(m + 1, Math.floor(m * 1.05))) grid.push(m);
    for (const m of grid) {
      const s = Math.sqrt(2 * Math.log(4 * m * parts / delta));
      best = Math.min(best, (sigma * s + Math.ceil(n / m) - 1) / n);
    }
    return best;
  }
  /** The retained values with their weights, sorted by value (equal values merged). */
  weightedValues() {
    const pairs = [];
    for (let h = 0; h < this.levels.length; h++) {
      const w = 2 ** h;
      for (let i = 0; i < this.sizes[h]; i++) pairs.push([this.levels[h][i], w]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    const values = [];
    const weights = [];
    for (const [v, w] of pairs) {
      if (values.length > 0 && values[values.length - 1] === v) weights[weights.length - 1] += w;
      else {
        values.push(v);
        weights.push(w);
      }
    }
    return { values: Float64Array.from(values), weights: Float64Array.from(weights) };
  }
  toState() {
    const levels = this.levels.map((l, h) => {
      const copy = Float64Array.from(l.subarray(0, this.sizes[h]));
      return Buffer.from(copy.buffer).toString("base64");
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
      error_sum: this.errorSum
    };
  }
  closeComponent() {
    if (this.variance > 0) {
      this.sigmaClosed += Math.sqrt(this.variance);
      this.partsClosed++;
    }
    this.variance = 0;
  }
  capacity(h) {
    return this.capacities[h];
  }
  /** Capacities depend only on the number of levels: recomputed when it changes. */
  resize() {
    const levels = this.levels.length;
    if (this.capacities.length === levels) return;
    const top = levels - 1;
    this.capacities = Array.from({ length: levels }, (_, h) => Math.max(MIN_CAPACITY, Math.ceil(this.k * DECAY ** (top - h))));
    this.capacityTotal = this.capacities.reduce((a, b) => a + b, 0);
  }
  grow(h, need) {
    if (this.levels[h].length >= need) return;
    const next = new Float64Array(Math.max(need, Math.ceil(this.levels[h].length * 1.5), MIN_CAPACITY));
    next.set(this.levels[h].subarray(0, this.sizes[h]));
    this.levels[h] = next;
  }
  /** Compacts the lowest level at or over its capacity. */
  compress() {
    for (let h = 0; h < this.levels.length; h++) {
      if (this.sizes[h] < this.capacity(h)) continue;
      if (h + 1 === this.levels.length) {
        this.levels.push(new Float64Array(0));
        this.sizes.push(0);
      }
      const size = this.sizes[h];
      const level = this.levels[h];
      if (h === 0) sortPrefix(level, size);
      const pairs = size >> 1;
      const offset = this.coin();
      if (this.scratch.length < pairs) this.scratch = new Float64Array(Math.max(pairs, 2 * this.scratch.length));
      const run = this.scratch;
      for (let i2 = 0; i2 < pairs; i2++) run[i2] = level[2 * i2 + offset];
      const up = this.sizes[h + 1];
      this.grow(h + 1, up + pairs);
      const dest = this.levels[h + 1];
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
  coin() {
    this.rngState = this.rngState + 1831565813 >>> 0;
    let t = this.rngState;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296 < 0.5 ? 0 : 1;
  }
};
function sortPrefix(a, n) {
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

// src/profile/tdigest.ts
var TDigest = class _TDigest {
  compression;
  means;
  weights;
  size = 0;
  total = 0;
  buffer;
  buffered = 0;
  scratchMeans = new Float64Array(0);
  scratchWeights = new Float64Array(0);
  lo = Infinity;
  hi = -Infinity;
  constructor(compression = 200) {
    this.compression = compression;
    const cap = Math.ceil(compression * 2) + 10;
    this.means = new Float64Array(cap);
    this.weights = new Float64Array(cap);
    this.buffer = new Float64Array(Math.max(8192, Math.ceil(compression * 20)));
  }
  static fromState(state) {
    const d = new _TDigest(state.compression);
    if (state.centroids.length === 0) return d;
    const means = state.centroids.map((c) => c[0]);
    const weights = state.centroids.map((c) => c[1]);
    d.absorb(means, weights);
    d.lo = state.min;
    d.hi = state.max;
    return d;
  }
  add(x) {
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    this.buffer[this.buffered++] = x;
    if (this.buffered === this.buffer.length) this.flush();
  }
  get count() {
    return this.total + this.buffered;
  }
  merge(other) {
    other.flush();
    this.flush();
    if (other.size === 0) return;
    this.absorb(Array.from(other.means.subarray(0, other.size)), Array.from(other.weights.subarray(0, other.size)));
    this.lo = Math.min(this.lo, other.lo);
    this.hi = Math.max(this.hi, other.hi);
  }
  quantile(q) {
    this.flush();
    const n = this.size;
    if (n === 0) return NaN;
    if (q <= 0) return this.lo;
    if (q >= 1) return this.hi;
    if (n === 1) return this.means[0];
    const index = q * this.total;
    const m = this.means;
    const w = this.weights;
    if (index < w[0] / 2) return this.lo + index / (w[0] / 2) * (m[0] - this.lo);
    let cumulative = w[0] / 2;
    for (let i = 0; i < n - 1; i++) {
      const step = (w[i] + w[i + 1]) / 2;
      if (index < cumulative + step) {
        const left = w[i] === 1 && index - cumulative < 0.5 ? 0 : index - cumulative;
        const frac = w[i + 1] === 1 && cumulative + step - index <= 0.5 ? 1 : left / step;
        return m[i] + frac * (m[i + 1] - m[i]);
      }
      cumulative += step;
    }
    const tail = index - (this.total - w[n - 1] / 2);
    return m[n - 1] + tail / (w[n - 1] / 2) * (this.hi - m[n - 1]);
  }
  /** Fraction of the weight at or below x, interpolated like `quantile` (its inverse). */
  cdf(x) {
    this.flush();
    const n = this.size;
    if (n === 0) return NaN;
    if (x < this.lo) return 0;
    if (x >= this.hi) return 1;
    const m = this.means;
    const w = this.weights;
    if (n === 1) return this.hi === this.lo ? 1 : (x - this.lo) / (this.hi - this.lo);
    if (x < m[0]) return m[0] === this.lo ? 0 : (x - this.lo) / (m[0] - this.lo) * (w[0] / 2) / this.total;
    let cumulative = w[0] / 2;
    for (let i = 0; i < n - 1; i++) {
      const step = (w[i] + w[i + 1]) / 2;
      if (x < m[i + 1]) {
        const span2 = m[i + 1] - m[i];
        return (cumulative + (span2 === 0 ? 0 : (x - m[i]) / span2 * step)) / this.total;
      }
      cumulative += step;
    }
    const span = this.hi - m[n - 1];
    return (cumulative + (span === 0 ? w[n - 1] / 2 : (x - m[n - 1]) / span * (w[n - 1] / 2))) / this.total;
  }
  get min() {
    return this.lo;
  }
  get max() {
    return this.hi;
  }
  toState() {
    this.flush();
    const centroids = [];
    for (let i = 0; i < this.size; i++) centroids.push([this.means[i], this.weights[i]]);
    return { compression: this.compression, min: this.lo, max: this.hi, centroids };
  }
  flush() {
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
      if (b >= values.length || a < this.size && this.means[a] <= values[b]) {
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
  absorb(meansIn, weightsIn) {
    const allMeans = [...Array.from(this.means.subarray(0, this.size)), ...meansIn];
    const allWeights = [...Array.from(this.weights.subarray(0, this.size)), ...weightsIn];
    const idx = [...allMeans.keys()].sort((i, j) => allMeans[i] - allMeans[j]);
    const means = Float64Array.from(idx, (i) => allMeans[i]);
    const weights = Float64Array.from(idx, (i) => allWeights[i]);
    this.total = weights.reduce((s, x) => s + x, 0);
    this.compress(means, weights, means.length);
  }
  compress(means, weights, n) {
    const total = this.total;
    const delta = this.compression;
    const kOf = (q) => delta / (2 * Math.PI) * Math.asin(2 * q - 1);
    const qLimitAfter = (q0) => {
      const k = kOf(q0) + 1;
      return k >= delta / 4 ? 1 : (Math.sin(k * 2 * Math.PI / delta) + 1) / 2;
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
        curMean += (means[i] - curMean) * weights[i] / curWeight;
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
  grow() {
    const means = new Float64Array(this.means.length * 2);
    const weights = new Float64Array(this.weights.length * 2);
    means.set(this.means);
    weights.set(this.weights);
    this.means = means;
    this.weights = weights;
  }
};

// src/data/tokenize.ts
var TOKEN_PATTERN = "[\\p{L}\\p{N}]{2,}";
var TOKEN_RE = new RegExp(TOKEN_PATTERN, "gu");
var MAX_TEXT_CHARS = 1e4;
var ASCII = /^[\x00-\x7f]*$/;
function codePointLength(text) {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 55296 && c <= 56319) n--;
  }
  return n;
}
function truncateText(text, max = MAX_TEXT_CHARS) {
  if (text.length <= max) return text;
  let units = 0;
  let points = 0;
  while (units < text.length && points < max) {
    const code = text.codePointAt(units);
    units += code > 65535 ? 2 : 1;
    points++;
  }
  return text.slice(0, units);
}
function lowerCase(text) {
  if (ASCII.test(text)) return text.toLowerCase();
  let out = "";
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : String.fromCodePoint(lower.codePointAt(0));
  }
  return out;
}
function tokenize(text) {
  return lowerCase(truncateText(text)).match(TOKEN_RE) ?? [];
}
function ngrams(tokens, maxN) {
  if (maxN === 1) return tokens.slice();
  const out = tokens.slice();
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}

// src/profile/text.ts
var TOKEN_CAPACITY = 1e3;
var LENGTH_CAPACITY = 1e3;
var TOP_TOKENS = 20;
var TEXT_MIN_MEAN_TOKENS = 3;
var PENDING_LIMIT = 256;
var FrequentStateSchema = external_exports.object({
  capacity: external_exports.number().int().positive(),
  error: external_exports.number().nonnegative(),
  items: external_exports.array(external_exports.tuple([external_exports.string(), external_exports.number().nonnegative()]))
});
var TDigestStateSchema = external_exports.object({
  compression: external_exports.number().positive(),
  min: external_exports.number(),
  max: external_exports.number(),
  centroids: external_exports.array(external_exports.tuple([external_exports.number(), external_exports.number().positive()]))
});
var LengthStateSchema = external_exports.object({
  moments: external_exports.object({ n: external_exports.number(), mean: external_exports.number(), m2: external_exports.number() }),
  sketch: TDigestStateSchema,
  counts: FrequentStateSchema
});
var TextStateSchema = external_exports.object({
  cells: external_exports.number().int().nonnegative(),
  /** Non-null cells without a single token (blank, punctuation only). */
  no_tokens: external_exports.number().int().nonnegative(),
  chars: LengthStateSchema,
  tokens: LengthStateSchema,
  token_total: external_exports.number().nonnegative(),
  top_tokens: FrequentStateSchema
});
var TextSummarySchema = external_exports.object({
  /** Rows missing, blank or without a token, over all rows. */
  empty_share: external_exports.number(),
  chars: external_exports.object({ min: external_exports.number(), max: external_exports.number(), mean: external_exports.number(), p50: external_exports.number(), p95: external_exports.number() }),
  tokens: external_exports.object({ min: external_exports.number(), max: external_exports.number(), mean: external_exports.number(), p50: external_exports.number(), p95: external_exports.number() }),
  top_tokens: external_exports.array(external_exports.object({ token: external_exports.string(), count: external_exports.number() })),
  /** Distinct tokens seen, while counted exactly (null once the table overflowed). */
  vocabulary_size: external_exports.number().int().nullable()
});
var LengthSketch = class {
  digest;
  counts;
  moments;
  constructor(state) {
    this.digest = state ? TDigest.fromState(state.sketch) : new TDigest();
    this.counts = state ? FrequentItems.fromState(state.counts) : new FrequentItems(LENGTH_CAPACITY);
    this.moments = state ? { ...state.moments } : { n: 0, mean: 0, m2: 0 };
  }
  /** Cells by length: one merge of a weighted digest instead of a digest update per cell. */
  addCounts(lengths) {
    const centroids = [];
    const m = this.moments;
    for (const [x, times] of lengths) {
      if (times === 1) this.digest.add(x);
      else centroids.push([x, times]);
      this.counts.add(String(x), times);
      m.n += times;
      const d = x - m.mean;
      m.mean += d * times / m.n;
      m.m2 += times * d * (x - m.mean);
    }
    if (centroids.length === 0) return;
    centroids.sort((a, b) => a[0] - b[0]);
    const compression = this.digest.compression;
    this.digest.merge(TDigest.fromState({ compression, min: centroids[0][0], max: centroids[centroids.length - 1][0], centroids }));
  }
  merge(other) {
    this.digest.merge(other.digest);
    this.counts.merge(other.counts);
    const a = this.moments;
    const b = other.moments;
    if (b.n === 0) return;
    if (a.n === 0) {
      this.moments = { ...b };
      return;
    }
    const n = a.n + b.n;
    const delta = b.mean - a.mean;
    this.moments = { n, mean: a.mean + delta * b.n / n, m2: a.m2 + b.m2 + delta * delta * a.n * b.n / n };
  }
  toState() {
    return { moments: { ...this.moments }, sketch: this.digest.toState(), counts: this.counts.toState() };
  }
};
var TextProfiler = class {
  cells = 0;
  noTokens = 0;
  tokenTotal = 0;
  chars;
  tokens;
  topTokens;
  pending = /* @__PURE__ */ new Map();
  constructor(state) {
    this.cells = state?.cells ?? 0;
    this.noTokens = state?.no_tokens ?? 0;
    this.tokenTotal = state?.token_total ?? 0;
    this.chars = new LengthSketch(state?.chars);
    this.tokens = new LengthSketch(state?.tokens);
    this.topTokens = state ? FrequentItems.fromState(state.top_tokens) : new FrequentItems(TOKEN_CAPACITY);
  }
  add(text, times = 1) {
    let entry = this.pending.get(text);
    if (entry === void 0) {
      if (this.pending.size >= PENDING_LIMIT) this.flush();
      entry = { chars: codePointLength(text), tokens: tokenize(text), times: 0 };
      this.pending.set(text, entry);
    }
    entry.times += times;
  }
  flush() {
    if (this.pending.size === 0) return;
    const chars = /* @__PURE__ */ new Map();
    const lengths = /* @__PURE__ */ new Map();
    for (const { chars: c, tokens, times } of this.pending.values()) {
      this.cells += times;
      chars.set(c, (chars.get(c) ?? 0) + times);
      lengths.set(tokens.length, (lengths.get(tokens.length) ?? 0) + times);
      if (tokens.length === 0) this.noTokens += times;
      this.tokenTotal += tokens.length * times;
      for (const t of tokens) this.topTokens.add(boundedKey(t), times);
    }
    this.chars.addCounts(chars);
    this.tokens.addCounts(lengths);
    this.pending.clear();
  }
  merge(other) {
    this.flush();
    other.flush();
    this.cells += other.cells;
    this.noTokens += other.noTokens;
    this.tokenTotal += other.tokenTotal;
    this.chars.merge(other.chars);
    this.tokens.merge(other.tokens);
    this.topTokens.merge(other.topTokens);
  }
  toState() {
    this.flush();
    return {
      cells: this.cells,
      no_tokens: this.noTokens,
      chars: this.chars.toState(),
      tokens: this.tokens.toState(),
      token_total: this.tokenTotal,
      top_tokens: this.topTokens.toState()
    };
  }
};
function mergeTextStates(a, b) {
  const p = new TextProfiler(a);
  p.merge(new TextProfiler(b));
  return p.toState();
}
function summarizeText(state, rows, nulls) {
  const lengths = (s) => {
    const d = TDigest.fromState(s.sketch);
    return { min: d.min, max: d.max, mean: s.moments.mean, p50: d.quantile(0.5), p95: d.quantile(0.95) };
  };
  const top = FrequentItems.fromState(state.top_tokens);
  return {
    empty_share: rows === 0 ? 0 : (nulls + state.no_tokens) / rows,
    chars: lengths(state.chars),
    tokens: lengths(state.tokens),
    top_tokens: top.top(TOP_TOKENS).map(([token, count]) => ({ token, count })),
    vocabulary_size: top.exact ? top.counts.size : null
  };
}
function looksLikeText(column) {
  return column.type === "string" && column.text !== void 0 && column.text.tokens.mean >= TEXT_MIN_MEAN_TOKENS;
}

// src/profile/column.ts
var QUANTILES = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];
var HISTOGRAM_BINS = 20;
var TOP_CATEGORIES = 20;
var FREQUENT_CAPACITY = 1e3;
var CATEGORY_MAX_DISTINCT = 100;
var CATEGORY_MAX_DISTINCT_SHARE = 0.5;
var TYPE_DRIFT_MIN_NUMERIC_SHARE = 0.99;
var TYPE_DRIFT_EXAMPLES = 5;
var TYPE_DRIFT_SLACK = 20;
var ColumnProfiler = class {
  constructor(name) {
    this.name = name;
  }
  name;
  count = 0;
  nulls = 0;
  allNumeric = true;
  allInteger = true;
  allBoolean = true;
  allDatetime = true;
  /** Numeric values (or epoch ms for datetimes) buffered for moments and the digest. */
  values = [];
  moments = { n: 0, mean: 0, m2: 0 };
  digest = new TDigest();
  /** Fed the same values as the digest; stored only once the exact counts overflow (kllState). */
  kll = new KllSketch();
  frequent = new FrequentItems(FREQUENT_CAPACITY);
  hll = null;
  lengths = null;
  /** Numeric cells so far, while the column is numeric or may still be numeric with bad cells. */
  numericCells = 0;
  mixed = null;
  /** Every numeric value while there are at most PROFILE_SAMPLE_MAX_VALUES (null beyond). */
  sample = [];
  /** Text statistics, from the first non-numeric cell on. */
  text = null;
  /** For columns first seen part-way (JSONL), the rows before count as nulls. */
  addNulls(n) {
    this.count += n;
    this.nulls += n;
  }
  /** `file` and `row` locate the cell, for the type-drift examples. */
  add(cell, file = "", row = 0) {
    this.count++;
    if (cell === null) {
      this.nulls++;
      return;
    }
    let key;
    if (this.mixed !== null) this.trackMixed(cell, file, row);
    if (this.allNumeric) {
      const n = typeof cell === "boolean" ? void 0 : toNumber(cell);
      if (n !== void 0) {
        this.numericCells++;
        this.allBoolean = false;
        this.allDatetime = false;
        if (this.allInteger && !isIntegerCell(cell, n)) this.allInteger = false;
        this.values.push(n);
        if (this.values.length >= 4096) this.flushValues();
        if (this.hll !== null) this.countNumber(n, cell);
        else this.countValue(numberKey(n, cell));
        return;
      }
      this.dropNumeric();
      this.mixed = { other: 0, examples: [] };
      this.trackMixed(cell, file, row);
    }
    key = typeof cell === "string" ? cell : cell instanceof Date ? cell.toISOString() : String(cell);
    if (this.text === null) {
      this.text = new TextProfiler();
      for (const [k, c] of this.frequent.counts) this.text.add(k, c);
    }
    this.text.add(key);
    if (this.allBoolean && toBoolean(cell) === void 0) this.allBoolean = false;
    if (this.allDatetime) {
      const t = toDatetime(cell);
      if (t === void 0) this.allDatetime = false;
      else {
        this.values.push(t);
        if (this.values.length >= 4096) this.flushValues();
      }
    }
    if (!this.allDatetime && this.moments !== null && !this.allNumeric) this.dropValues();
    const len = key.length;
    const l = this.lengths;
    if (l === null) this.lengths = { min: len, max: len, sum: len };
    else {
      if (len < l.min) l.min = len;
      if (len > l.max) l.max = len;
      l.sum += len;
    }
    this.countValue(key);
  }
  trackMixed(cell, file, row) {
    const m = this.mixed;
    if (typeof cell !== "boolean" && toNumber(cell) !== void 0) {
      this.numericCells++;
      return;
    }
    m.other++;
    if (m.examples.length < TYPE_DRIFT_EXAMPLES)
      m.examples.push({ file, row: Math.max(1, row), value: boundedKey(typeof cell === "string" ? cell : String(cell)) });
    if (m.other > (1 - TYPE_DRIFT_MIN_NUMERIC_SHARE) * (this.numericCells + m.other) + TYPE_DRIFT_SLACK) this.mixed = null;
  }
  countValue(value) {
    const key = boundedKey(value);
    const f = this.frequent;
    if (this.hll === null) {
      if (f.counts.size < 2 * FREQUENT_CAPACITY - 1 || f.counts.has(key)) {
        f.add(key);
        return;
      }
      this.hll = new HyperLogLog();
      if (this.allNumeric) for (const k of f.counts.keys()) this.hll.addNumber(Number(k));
      else for (const k of f.counts.keys()) this.hll.add(k);
      if (this.allNumeric) {
        f.dropAll(this.count - this.nulls - 1);
      }
    }
    if (this.allNumeric) {
      this.countNumber(Number(value), value);
      return;
    }
    this.hll.add(key);
    f.add(key);
  }
  /** After the exact counts overflowed: numbers go to the distinct sketch by value. */
  countNumber(n, cell) {
    this.hll.addNumber(n);
    if (this.frequent.error === 0) this.frequent.add(numberKey(n, cell));
    else this.frequent.error++;
  }
  dropNumeric() {
    this.allNumeric = false;
    this.allInteger = false;
  }
  dropValues() {
    this.values = [];
    this.moments = null;
    this.digest = null;
    this.kll = null;
  }
  flushValues() {
    const v = this.values;
    if (v.length === 0 || this.moments === null || this.digest === null) return;
    if (this.sample !== null) {
      if (this.sample.length + v.length <= PROFILE_SAMPLE_MAX_VALUES) for (let i = 0; i < v.length; i++) this.sample.push(v[i]);
      else this.sample = null;
    }
    let sum = 0;
    for (let i = 0; i < v.length; i++) sum += v[i];
    const mean = sum / v.length;
    let m2 = 0;
    for (let i = 0; i < v.length; i++) {
      const d = v[i] - mean;
      m2 += d * d;
      this.digest.add(v[i]);
    }
    if (this.kll !== null && this.allNumeric) for (let i = 0; i < v.length; i++) this.kll.add(v[i]);
    this.moments = combineMoments(this.moments, { n: v.length, mean, m2 });
    this.values = [];
  }
  toState() {
    this.flushValues();
    const keepValues = (this.allNumeric || this.allDatetime) && this.moments !== null && this.moments.n > 0 && this.digest !== null;
    return {
      all_numeric: this.allNumeric,
      all_integer: this.allInteger,
      all_boolean: this.allBoolean,
      all_datetime: this.allDatetime,
      moments: keepValues ? { ...this.moments } : null,
      sketch: keepValues ? this.digest.toState() : null,
      frequent: this.frequent.toState(),
      hll: this.hll ? this.hll.toBase64() : null,
      lengths: this.lengths ? { ...this.lengths } : null,
      mixed: this.mixed ? { numeric: this.numericCells, other: this.mixed.other, examples: [...this.mixed.examples] } : null,
      ...this.allNumeric && keepValues && this.sample !== null && this.frequent.error > 0 ? { sample: valueCounts(Float64Array.from(this.sample).sort()) } : {},
      ...this.text ? { text: this.text.toState() } : {},
      kll: keepValues && this.allNumeric && this.kll !== null ? kllState(this.kll, this.frequent.error === 0 && this.hll === null) : null
    };
  }
};
var PROFILE_SAMPLE_MAX_VALUES = 2e4;
function valueCounts(sorted) {
  const values = [];
  const counts = [];
  for (let i = 0; i < sorted.length; i++) {
    if (values.length > 0 && values[values.length - 1] === sorted[i]) counts[counts.length - 1]++;
    else {
      values.push(sorted[i]);
      counts.push(1);
    }
  }
  return { values, counts };
}
function mergeSamples(a, b) {
  if (!a || !b) return void 0;
  const total = [...a.counts, ...b.counts].reduce((s, c) => s + c, 0);
  if (total > PROFILE_SAMPLE_MAX_VALUES) return void 0;
  const merged = /* @__PURE__ */ new Map();
  for (const s of [a, b]) s.values.forEach((v, i) => merged.set(v, (merged.get(v) ?? 0) + s.counts[i]));
  const values = [...merged.keys()].sort((x, y) => x - y);
  return { values, counts: values.map((v) => merged.get(v)) };
}
function kllState(kll, exactCounts) {
  return exactCounts || kll.n === 0 ? null : kll.toState();
}
function kllOf(s) {
  if (s.kll) return KllSketch.fromState(s.kll);
  if (s.sample) return KllSketch.fromCounts(s.sample.values.map((v, i) => [v, s.sample.counts[i]]));
  if (s.all_numeric && s.moments && s.moments.n > 0 && s.frequent.error === 0 && s.hll === null) {
    return KllSketch.fromCounts(s.frequent.items.map(([k, c]) => [Number(k), c]));
  }
  return null;
}
function mixedCounts(s) {
  if (s.all_numeric) return { numeric: s.moments?.n ?? 0, other: 0, examples: [] };
  return s.mixed ?? null;
}
function numberKey(n, cell) {
  const text = typeof cell === "string" ? cell : String(cell);
  return text.length > MAX_SKETCH_STRING ? String(n) : text;
}
function combineMoments(a, b) {
  if (a.n === 0) return { ...b };
  if (b.n === 0) return { ...a };
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  return { n, mean: a.mean + delta * b.n / n, m2: a.m2 + b.m2 + delta * delta * a.n * b.n / n };
}
function mergeStates(a, b) {
  const allNumeric = a.all_numeric && b.all_numeric;
  const allDatetime = a.all_datetime && b.all_datetime;
  const keep = allNumeric || allDatetime;
  let sketch = null;
  let moments = null;
  if (keep && a.sketch && b.sketch) {
    const d = TDigest.fromState(a.sketch);
    d.merge(TDigest.fromState(b.sketch));
    sketch = d.toState();
    moments = combineMoments(a.moments, b.moments);
  } else if (keep) {
    sketch = a.sketch ?? b.sketch;
    moments = a.moments ?? b.moments;
  }
  const frequent = FrequentItems.fromState(a.frequent);
  frequent.merge(FrequentItems.fromState(b.frequent));
  let hll = null;
  if (a.hll !== null || b.hll !== null || !frequent.exact) {
    const h = a.hll ? HyperLogLog.fromBase64(a.hll) : seededHll(a.frequent.items, a.all_numeric);
    h.merge(b.hll ? HyperLogLog.fromBase64(b.hll) : seededHll(b.frequent.items, b.all_numeric));
    hll = h.toBase64();
  }
  const lengths = a.lengths && b.lengths ? { min: Math.min(a.lengths.min, b.lengths.min), max: Math.max(a.lengths.max, b.lengths.max), sum: a.lengths.sum + b.lengths.sum } : a.lengths ?? b.lengths;
  const kllA = allNumeric && a.moments?.n ? kllOf(a) : null;
  const kllB = allNumeric && b.moments?.n ? kllOf(b) : null;
  let kll = null;
  if (allNumeric && (a.moments?.n ? kllA !== null : true) && (b.moments?.n ? kllB !== null : true)) {
    kll = kllA ?? kllB;
    if (kllA && kllB) kllA.merge(kllB);
  }
  const sample = !a.moments?.n ? b.sample : !b.moments?.n ? a.sample : mergeSamples(a.sample, b.sample);
  const keptSample = allNumeric && sample && !frequent.exact ? sample : void 0;
  const ma = mixedCounts(a);
  const mb = mixedCounts(b);
  const mixed = allNumeric || !ma || !mb ? null : { numeric: ma.numeric + mb.numeric, other: ma.other + mb.other, examples: [...ma.examples, ...mb.examples].slice(0, TYPE_DRIFT_EXAMPLES) };
  return {
    all_numeric: allNumeric,
    all_integer: a.all_integer && b.all_integer,
    all_boolean: a.all_boolean && b.all_boolean,
    all_datetime: allDatetime,
    moments,
    sketch,
    frequent: frequent.toState(),
    hll,
    lengths,
    mixed,
    ...keptSample ? { sample: keptSample } : {},
    kll: kll ? kllState(kll, frequent.exact && hll === null) : null,
    ...a.text && b.text ? { text: mergeTextStates(a.text, b.text) } : a.text || b.text ? { text: a.text ?? b.text } : {}
  };
}
function seededHll(items, numeric) {
  const h = new HyperLogLog();
  for (const [k] of items) {
    if (numeric) h.addNumber(Number(k));
    else h.add(k);
  }
  return h;
}
function summarizeColumn(name, count, nulls, state) {
  const nonNull = count - nulls;
  const frequent = FrequentItems.fromState(state.frequent);
  const distinctExact = state.hll === null && frequent.exact;
  const distinct = distinctExact ? frequent.counts.size : HyperLogLog.fromBase64(state.hll).estimate();
  const type = inferType(state, nonNull, distinct);
  const profile = {
    name,
    type,
    nullable: nulls > 0,
    count,
    nulls,
    distinct: { value: distinct, exact: distinctExact },
    state
  };
  const mixed = state.mixed;
  if (mixed && !state.all_numeric && mixed.other > 0 && mixed.numeric / (mixed.numeric + mixed.other) >= TYPE_DRIFT_MIN_NUMERIC_SHARE) {
    profile.type_drift = { numeric_share: mixed.numeric / (mixed.numeric + mixed.other), non_numeric: mixed.other, examples: mixed.examples };
  }
  if ((type === "number" || type === "integer") && state.sketch && state.moments) {
    profile.numeric = numericSummary(state, frequent, type === "integer");
  }
  if (type === "datetime" && state.sketch) {
    profile.datetime = { min: new Date(state.sketch.min).toISOString(), max: new Date(state.sketch.max).toISOString() };
  }
  if (nonNull > 0 && (type === "category" || type === "boolean" || type === "string" || type === "integer" && distinctExact)) {
    const values = frequent.top(TOP_CATEGORIES).map(([value, c]) => ({ value, count: c }));
    profile.top_categories = {
      values,
      exact: frequent.exact,
      other_count: nonNull - values.reduce((s, v) => s + v.count, 0)
    };
  }
  if (state.lengths && (type === "string" || type === "category")) {
    profile.string_length = { min: state.lengths.min, max: state.lengths.max, mean: state.lengths.sum / nonNull };
  }
  if (type === "string" && state.text && state.text.cells > 0) profile.text = summarizeText(state.text, count, nulls);
  return profile;
}
function inferType(state, nonNull, distinct) {
  if (nonNull === 0) return "string";
  if (state.all_boolean) return "boolean";
  if (state.all_integer) return "integer";
  if (state.all_numeric) return "number";
  if (state.all_datetime) return "datetime";
  return distinct <= CATEGORY_MAX_DISTINCT && distinct <= nonNull * CATEGORY_MAX_DISTINCT_SHARE ? "category" : "string";
}
function numericSummary(state, frequent, integer) {
  const digest = TDigest.fromState(state.sketch);
  const moments = state.moments;
  const quantiles = {};
  const exact = frequent.exact ? exactQuantiles(frequent) : void 0;
  for (const q of QUANTILES) quantiles[`p${Math.round(q * 100)}`] = exact ? exact(q) : digest.quantile(q);
  return {
    min: digest.min,
    max: digest.max,
    mean: moments.mean,
    std: moments.n > 1 ? Math.sqrt(moments.m2 / (moments.n - 1)) : 0,
    quantiles,
    histogram: histogram(digest, frequent, moments.n, integer)
  };
}
function histogram(digest, frequent, n, integer) {
  const lo = digest.min;
  const hi = digest.max;
  const span = hi - lo;
  const bins = span === 0 ? 1 : integer ? Math.min(HISTOGRAM_BINS, span + 1) : HISTOGRAM_BINS;
  const edges = Array.from({ length: bins + 1 }, (_, i) => i === bins ? hi : lo + span * i / bins);
  const counts = new Array(bins).fill(0);
  const binOf = (x) => span === 0 ? 0 : Math.min(bins - 1, Math.floor((x - lo) / span * bins));
  if (frequent.exact) {
    for (const [k, c] of frequent.counts) counts[binOf(Number(k))] += c;
    return { edges, counts };
  }
  let prev = 0;
  let assigned = 0;
  for (let i = 0; i < bins; i++) {
    const cum = i === bins - 1 ? n : Math.round(digest.cdf(edges[i + 1]) * n);
    counts[i] = Math.max(0, cum - prev);
    prev = Math.max(prev, cum);
    assigned += counts[i];
  }
  counts[bins - 1] += n - assigned;
  return { edges, counts };
}
function exactQuantiles(frequent) {
  const entries = [...frequent.counts].map(([k, c]) => [Number(k), c]).sort((a, b) => a[0] - b[0]);
  const ends = [];
  let total = 0;
  for (const [, c] of entries) ends.push(total += c);
  const at = (rank) => {
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (ends[mid] > rank) hi = mid;
      else lo = mid + 1;
    }
    return entries[lo][0];
  };
  return (q) => {
    const h = (total - 1) * q;
    const lo = Math.floor(h);
    const a = at(lo);
    return a + (h - lo) * (at(Math.min(total - 1, lo + 1)) - a);
  };
}

// src/profile/schema.ts
var PROFILE_SCHEMA_VERSION = 1;
var ColumnType = external_exports.enum(["number", "integer", "boolean", "category", "string", "datetime"]);
var TDigestStateSchema2 = external_exports.object({
  compression: external_exports.number().positive(),
  min: external_exports.number(),
  max: external_exports.number(),
  centroids: external_exports.array(external_exports.tuple([external_exports.number(), external_exports.number().positive()]))
});
var KllStateSchema = external_exports.object({
  k: external_exports.number().int().positive(),
  n: external_exports.number().nonnegative(),
  min: external_exports.number(),
  max: external_exports.number(),
  levels: external_exports.array(external_exports.string()),
  rng: external_exports.number().int().nonnegative(),
  variance: external_exports.number().nonnegative(),
  sigma_closed: external_exports.number().nonnegative(),
  parts_closed: external_exports.number().int().nonnegative(),
  error_sum: external_exports.number().nonnegative()
});
var FrequentStateSchema2 = external_exports.object({
  capacity: external_exports.number().int().positive(),
  error: external_exports.number().nonnegative(),
  items: external_exports.array(external_exports.tuple([external_exports.string(), external_exports.number().nonnegative()]))
});
var CellLocationSchema = external_exports.object({ file: external_exports.string(), row: external_exports.number().int().positive(), value: external_exports.string() });
var ColumnStateSchema = external_exports.object({
  all_numeric: external_exports.boolean(),
  all_integer: external_exports.boolean(),
  all_boolean: external_exports.boolean(),
  all_datetime: external_exports.boolean(),
  moments: external_exports.object({ n: external_exports.number(), mean: external_exports.number(), m2: external_exports.number() }).nullable(),
  sketch: TDigestStateSchema2.nullable(),
  frequent: FrequentStateSchema2,
  /** true once more distinct values were seen than `frequent` keeps exactly. */
  hll: external_exports.string().nullable(),
  lengths: external_exports.object({ min: external_exports.number(), max: external_exports.number(), sum: external_exports.number() }).nullable(),
  /**
   * A numeric column's every value, sorted, as distinct values with their counts, kept while the
   * column has at most PROFILE_SAMPLE_MAX_VALUES values (src/profile/column.ts): the drift check
   * against a small training set is then exact (docs/drift.md). Absent in older profiles and
   * above the limit.
   */
  sample: external_exports.object({ values: external_exports.array(external_exports.number()), counts: external_exports.array(external_exports.number().int().positive()) }).optional(),
  /**
   * Once a non-numeric cell turned a numeric column to text: numeric cells and the others, with
   * the first few offending cells, while it may still be numeric in ≥ 99% of cells (null after).
   */
  mixed: external_exports.object({ numeric: external_exports.number().int().nonnegative(), other: external_exports.number().int().nonnegative(), examples: external_exports.array(CellLocationSchema) }).nullable().optional(),
  /** Non-numeric columns: text statistics (src/profile/text.ts); absent in older profiles. */
  text: TextStateSchema.optional(),
  /**
   * Numeric columns whose values are no longer counted exactly: a KLL sketch whose rank error
   * is proven (drift reports it as statistic_error_bound). Absent in profiles written before it.
   */
  kll: KllStateSchema.nullable().optional()
});
var NumericSummarySchema = external_exports.object({
  min: external_exports.number(),
  max: external_exports.number(),
  mean: external_exports.number(),
  std: external_exports.number(),
  quantiles: external_exports.record(external_exports.string(), external_exports.number()),
  histogram: external_exports.object({ edges: external_exports.array(external_exports.number()), counts: external_exports.array(external_exports.number()) })
});
var ColumnProfileSchema = external_exports.object({
  name: external_exports.string(),
  type: ColumnType,
  nullable: external_exports.boolean(),
  count: external_exports.number().int().nonnegative(),
  nulls: external_exports.number().int().nonnegative(),
  distinct: external_exports.object({ value: external_exports.number().int().nonnegative(), exact: external_exports.boolean() }),
  numeric: NumericSummarySchema.optional(),
  datetime: external_exports.object({ min: external_exports.string(), max: external_exports.string() }).optional(),
  top_categories: external_exports.object({
    values: external_exports.array(external_exports.object({ value: external_exports.string(), count: external_exports.number() })),
    exact: external_exports.boolean(),
    other_count: external_exports.number()
  }).optional(),
  string_length: external_exports.object({ min: external_exports.number(), max: external_exports.number(), mean: external_exports.number() }).optional(),
  /**
   * Numeric in ≥ 99% of non-null cells but not all: a numeric column with bad cells, not text.
   * `non_numeric` counts the others; `examples` are the first of them (file, row, value).
   */
  type_drift: external_exports.object({ numeric_share: external_exports.number(), non_numeric: external_exports.number().int(), examples: external_exports.array(CellLocationSchema) }).optional(),
  /** Free-text (string) columns: lengths, empty share and top tokens. */
  text: TextSummarySchema.optional(),
  state: ColumnStateSchema
});
var ProfileSchema = external_exports.object({
  schema_version: external_exports.literal(PROFILE_SCHEMA_VERSION),
  kind: external_exports.literal("mlops/profile"),
  created_at: external_exports.string(),
  rows: external_exports.number().int().nonnegative(),
  sources: external_exports.array(external_exports.object({ file: external_exports.string(), rows: external_exports.number().int().nonnegative() })),
  columns: external_exports.array(ColumnProfileSchema)
});

// src/profile/profile.ts
var DatasetProfiler = class {
  columns = /* @__PURE__ */ new Map();
  rows = 0;
  sources = [];
  addBatch(batch) {
    const profilers = batch.columns.map((name) => this.column(name));
    const width = profilers.length;
    const rows = batch.rows;
    for (let c = 0; c < width; c++) {
      const p = profilers[c];
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        p.add(c < row.length ? row[c] : null, batch.file, batch.firstRow + r);
      }
    }
    this.rows += rows.length;
    for (const [name, p] of this.columns) if (!batch.columns.includes(name)) p.addNulls(rows.length);
    const last = this.sources[this.sources.length - 1];
    if (last && last.file === batch.file) last.rows += rows.length;
    else this.sources.push({ file: batch.file, rows: rows.length });
  }
  get rowCount() {
    return this.rows;
  }
  finish(now = /* @__PURE__ */ new Date()) {
    return {
      schema_version: PROFILE_SCHEMA_VERSION,
      kind: "mlops/profile",
      created_at: now.toISOString(),
      rows: this.rows,
      sources: this.sources,
      columns: [...this.columns.values()].map((p) => summarizeColumn(p.name, p.count, p.nulls, p.toState()))
    };
  }
  column(name) {
    let p = this.columns.get(name);
    if (!p) {
      p = new ColumnProfiler(name);
      p.addNulls(this.rows);
      this.columns.set(name, p);
    }
    return p;
  }
};
async function profileFiles(files, options = {}) {
  const profiler = new DatasetProfiler();
  for (const file of files) {
    for await (const batch of readBatches(file, options)) {
      profiler.addBatch(batch);
      options.onProgress?.(profiler.rowCount, file);
    }
  }
  return profiler.finish(options.now?.() ?? /* @__PURE__ */ new Date());
}
function mergeProfiles(profiles, now = /* @__PURE__ */ new Date()) {
  if (profiles.length === 0) throw new MlopsError("profile merge needs at least one profile");
  const order = [];
  const merged = /* @__PURE__ */ new Map();
  let rows = 0;
  for (const profile of profiles) {
    const present = new Set(profile.columns.map((c) => c.name));
    for (const col of profile.columns) {
      let acc = merged.get(col.name);
      if (!acc) {
        acc = { count: rows, nulls: rows, state: null };
        merged.set(col.name, acc);
        order.push(col.name);
      }
      acc.count += col.count;
      acc.nulls += col.nulls;
      acc.state = acc.state === null ? col.state : mergeStates(acc.state, col.state);
    }
    for (const [name, acc] of merged) {
      if (!present.has(name)) {
        acc.count += profile.rows;
        acc.nulls += profile.rows;
      }
    }
    rows += profile.rows;
  }
  return {
    schema_version: PROFILE_SCHEMA_VERSION,
    kind: "mlops/profile",
    created_at: now.toISOString(),
    rows,
    sources: profiles.flatMap((p) => p.sources),
    columns: order.map((name) => {
      const acc = merged.get(name);
      return summarizeColumn(name, acc.count, acc.nulls, acc.state);
    })
  };
}
function parseProfile(text, file) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new MlopsError(`${file}: not valid JSON (${err.message})`);
  }
  const version = json?.schema_version;
  if (typeof version === "number" && version > PROFILE_SCHEMA_VERSION) {
    throw new MlopsError(`${file}: profile schema_version ${version} is newer than this mlops supports (${PROFILE_SCHEMA_VERSION}); upgrade mlops`);
  }
  const result = ProfileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MlopsError(`${file}: not a valid profile: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data;
}

export {
  FrequentItems,
  KllSketch,
  TDigest,
  TOKEN_PATTERN,
  codePointLength,
  truncateText,
  tokenize,
  ngrams,
  TextProfiler,
  looksLikeText,
  combineMoments,
  PROFILE_SCHEMA_VERSION,
  ProfileSchema,
  profileFiles,
  mergeProfiles,
  parseProfile
};
