import type { Cell } from '../data/batch.ts';
import { isIntegerCell, toBoolean, toDatetime, toNumber } from '../data/values.ts';
import { FrequentItems, MAX_SKETCH_STRING, boundedKey } from './frequent.ts';
import { HyperLogLog } from './hll.ts';
import { KllSketch } from './kll.ts';
import { TDigest } from './tdigest.ts';
import { TextProfiler, mergeTextStates, summarizeText } from './text.ts';
import type { CellLocation, ColumnProfile, ColumnState, ColumnType, NumericSummary } from './schema.ts';

export const QUANTILES = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];
const HISTOGRAM_BINS = 20;
const TOP_CATEGORIES = 20;
const FREQUENT_CAPACITY = 1000;
/** A string column is a category when it has at most this many distinct values... */
const CATEGORY_MAX_DISTINCT = 100;
/** ...and they repeat: distinct values are at most this share of non-null rows. */
const CATEGORY_MAX_DISTINCT_SHARE = 0.5;
/** A column numeric in at least this share of its non-null cells is numeric with bad cells (type drift). */
export const TYPE_DRIFT_MIN_NUMERIC_SHARE = 0.99;
const TYPE_DRIFT_EXAMPLES = 5;
/**
 * Bad cells beyond 1% of the cells so far plus this slack, and the column is taken as text: its
 * cells stop being parsed as numbers (a text column pays for at most this many parses).
 */
const TYPE_DRIFT_SLACK = 20;

/**
 * Accumulates one column's statistics. Type evidence is kept as "every value so far was X"
 * flags, and work for a type stops once a value rules it out, so a text column never pays
 * for number parsing after its first word.
 */
export class ColumnProfiler {
  count = 0;
  nulls = 0;
  allNumeric = true;
  allInteger = true;
  allBoolean = true;
  allDatetime = true;
  /** Numeric values (or epoch ms for datetimes) buffered for moments and the digest. */
  private values: number[] = [];
  private moments: { n: number; mean: number; m2: number } | null = { n: 0, mean: 0, m2: 0 };
  private digest: TDigest | null = new TDigest();
  /** Fed the same values as the digest; stored only once the exact counts overflow (kllState). */
  private kll: KllSketch | null = new KllSketch();
  readonly frequent = new FrequentItems(FREQUENT_CAPACITY);
  private hll: HyperLogLog | null = null;
  private lengths: { min: number; max: number; sum: number } | null = null;
  /** Numeric cells so far, while the column is numeric or may still be numeric with bad cells. */
  private numericCells = 0;
  private mixed: { other: number; examples: CellLocation[] } | null = null;
  /** Every numeric value while there are at most PROFILE_SAMPLE_MAX_VALUES (null beyond). */
  private sample: number[] | null = [];
  /** Text statistics, from the first non-numeric cell on. */
  private text: TextProfiler | null = null;

  constructor(readonly name: string) {}

  /** For columns first seen part-way (JSONL), the rows before count as nulls. */
  addNulls(n: number): void {
    this.count += n;
    this.nulls += n;
  }

  /** `file` and `row` locate the cell, for the type-drift examples. */
  add(cell: Cell, file = '', row = 0): void {
    this.count++;
    if (cell === null) {
      this.nulls++;
      return;
    }
    let key: string;
    if (this.mixed !== null) this.trackMixed(cell, file, row);
    if (this.allNumeric) {
      const n = typeof cell === 'boolean' ? undefined : toNumber(cell);
      if (n !== undefined) {
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
    key = typeof cell === 'string' ? cell : cell instanceof Date ? cell.toISOString() : String(cell);
    if (this.text === null) {
      // The numeric cells before this one are in the frequent table (exactly, while it is exact).
      this.text = new TextProfiler();
      for (const [k, c] of this.frequent.counts) this.text.add(k, c);
    }
    this.text.add(key);
    if (this.allBoolean && toBoolean(cell) === undefined) this.allBoolean = false;
    if (this.allDatetime) {
      const t = toDatetime(cell);
      if (t === undefined) this.allDatetime = false;
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

  private trackMixed(cell: Cell, file: string, row: number): void {
    const m = this.mixed!;
    if (typeof cell !== 'boolean' && toNumber(cell) !== undefined) {
      this.numericCells++;
      return;
    }
    m.other++;
    if (m.examples.length < TYPE_DRIFT_EXAMPLES)
      m.examples.push({ file, row: Math.max(1, row), value: boundedKey(typeof cell === 'string' ? cell : String(cell)) });
    if (m.other > (1 - TYPE_DRIFT_MIN_NUMERIC_SHARE) * (this.numericCells + m.other) + TYPE_DRIFT_SLACK) this.mixed = null;
  }

  private countValue(value: string): void {
    const key = boundedKey(value);
    const f = this.frequent;
    if (this.hll === null) {
      if (f.counts.size < 2 * FREQUENT_CAPACITY - 1 || f.counts.has(key)) {
        f.add(key);
        return;
      }
      // First overflow: seed the sketch with every distinct value seen so far, which leaves it in
      // exactly the state it would have had from hashing every cell.
      this.hll = new HyperLogLog();
      if (this.allNumeric) for (const k of f.counts.keys()) this.hll.addNumber(Number(k));
      else for (const k of f.counts.keys()) this.hll.add(k);
      if (this.allNumeric) {
        // Top values of a high-cardinality number column say nothing the histogram does not, and
        // keeping them is the profile's main cost: drop them, recording the undercount bound.
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
  private countNumber(n: number, cell: Cell): void {
    this.hll!.addNumber(n);
    if (this.frequent.error === 0) this.frequent.add(numberKey(n, cell));
    else this.frequent.error++;
  }

  private dropNumeric(): void {
    this.allNumeric = false;
    this.allInteger = false;
  }

  private dropValues(): void {
    this.values = [];
    this.moments = null;
    this.digest = null;
    this.kll = null;
  }

  private flushValues(): void {
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

  toState(): ColumnState {
    this.flushValues();
    const keepValues = (this.allNumeric || this.allDatetime) && this.moments !== null && this.moments.n > 0 && this.digest !== null;
    return {
      all_numeric: this.allNumeric,
      all_integer: this.allInteger,
      all_boolean: this.allBoolean,
      all_datetime: this.allDatetime,
      moments: keepValues ? { ...this.moments! } : null,
      sketch: keepValues ? this.digest!.toState() : null,
      frequent: this.frequent.toState(),
      hll: this.hll ? this.hll.toBase64() : null,
      lengths: this.lengths ? { ...this.lengths } : null,
      mixed: this.mixed ? { numeric: this.numericCells, other: this.mixed.other, examples: [...this.mixed.examples] } : null,
      ...(this.allNumeric && keepValues && this.sample !== null && this.frequent.error > 0
        ? { sample: valueCounts(Float64Array.from(this.sample).sort()) }
        : {}),
      ...(this.text ? { text: this.text.toState() } : {}),
      kll: keepValues && this.allNumeric && this.kll !== null ? kllState(this.kll, this.frequent.error === 0 && this.hll === null) : null,
    };
  }
}

/**
 * Training sets up to this many values per column keep them all in the profile (as sorted
 * value/count pairs, ~20 bytes a value in JSON: 400 kB for a column at the limit), so drift
 * against a registered small model is exact rather than sketched. Only stored when the exact
 * value counts (frequent items) no longer hold the column, which they would say already.
 */
export const PROFILE_SAMPLE_MAX_VALUES = 20000;

/** Sorted values → distinct values and their counts. */
export function valueCounts(sorted: ArrayLike<number>): { values: number[]; counts: number[] } {
  const values: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (values.length > 0 && values[values.length - 1] === sorted[i]) counts[counts.length - 1]++;
    else {
      values.push(sorted[i]);
      counts.push(1);
    }
  }
  return { values, counts };
}

/** Two shards' samples merged while the union stays within the limit. */
function mergeSamples(a: ColumnState['sample'], b: ColumnState['sample']): ColumnState['sample'] {
  if (!a || !b) return undefined;
  const total = [...a.counts, ...b.counts].reduce((s, c) => s + c, 0);
  if (total > PROFILE_SAMPLE_MAX_VALUES) return undefined;
  const merged = new Map<number, number>();
  for (const s of [a, b]) s.values.forEach((v, i) => merged.set(v, (merged.get(v) ?? 0) + s.counts[i]));
  const values = [...merged.keys()].sort((x, y) => x - y);
  return { values, counts: values.map((v) => merged.get(v)!) };
}

/** While a column's values are counted exactly the counts say everything the sketch could: it is not stored. */
function kllState(kll: KllSketch, exactCounts: boolean): ColumnState['kll'] {
  return exactCounts || kll.n === 0 ? null : kll.toState();
}

/** A shard's KLL sketch: stored, or rebuilt without error from its exact counts; null for neither. */
function kllOf(s: ColumnState): KllSketch | null {
  if (s.kll) return KllSketch.fromState(s.kll);
  // a profile that kept its sample before the sketch was stored
  if (s.sample) return KllSketch.fromCounts(s.sample.values.map((v, i) => [v, s.sample!.counts[i]]));
  if (s.all_numeric && s.moments && s.moments.n > 0 && s.frequent.error === 0 && s.hll === null) {
    return KllSketch.fromCounts(s.frequent.items.map(([k, c]) => [Number(k), c]));
  }
  return null;
}

/** Numeric and other cells of a shard, as far as type drift goes; null once it is plain text. */
function mixedCounts(s: ColumnState): { numeric: number; other: number; examples: CellLocation[] } | null {
  if (s.all_numeric) return { numeric: s.moments?.n ?? 0, other: 0, examples: [] };
  return s.mixed ?? null;
}

/**
 * A number's key in the frequent items: as written ("007" stays "007"), except that an absurdly
 * long spelling is stored as the number it reads as, which keeps the key bounded and still numeric.
 */
function numberKey(n: number, cell: Cell): string {
  const text = typeof cell === 'string' ? cell : String(cell);
  return text.length > MAX_SKETCH_STRING ? String(n) : text;
}

/** Chan et al.'s pairwise update: exact merge of count, mean and sum of squared deviations. */
export function combineMoments(
  a: { n: number; mean: number; m2: number },
  b: { n: number; mean: number; m2: number },
): { n: number; mean: number; m2: number } {
  if (a.n === 0) return { ...b };
  if (b.n === 0) return { ...a };
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  return { n, mean: a.mean + (delta * b.n) / n, m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n };
}

/** Merges two shards' states of the same column. */
export function mergeStates(a: ColumnState, b: ColumnState): ColumnState {
  const allNumeric = a.all_numeric && b.all_numeric;
  const allDatetime = a.all_datetime && b.all_datetime;
  // A side with no values (all null there) has no sketch; the other side's stands alone.
  const keep = allNumeric || allDatetime;
  let sketch = null;
  let moments = null;
  if (keep && a.sketch && b.sketch) {
    const d = TDigest.fromState(a.sketch);
    d.merge(TDigest.fromState(b.sketch));
    sketch = d.toState();
    moments = combineMoments(a.moments!, b.moments!);
  } else if (keep) {
    sketch = a.sketch ?? b.sketch;
    moments = a.moments ?? b.moments;
  }
  const frequent = FrequentItems.fromState(a.frequent);
  frequent.merge(FrequentItems.fromState(b.frequent));
  let hll: string | null = null;
  if (a.hll !== null || b.hll !== null || !frequent.exact) {
    const h = a.hll ? HyperLogLog.fromBase64(a.hll) : seededHll(a.frequent.items, a.all_numeric);
    h.merge(b.hll ? HyperLogLog.fromBase64(b.hll) : seededHll(b.frequent.items, b.all_numeric));
    hll = h.toBase64();
  }
  const lengths =
    a.lengths && b.lengths
      ? { min: Math.min(a.lengths.min, b.lengths.min), max: Math.max(a.lengths.max, b.lengths.max), sum: a.lengths.sum + b.lengths.sum }
      : (a.lengths ?? b.lengths);
  // Both shards' sketches (or exact counts) merged; dropped when the merged counts are still exact.
  const kllA = allNumeric && a.moments?.n ? kllOf(a) : null;
  const kllB = allNumeric && b.moments?.n ? kllOf(b) : null;
  let kll: KllSketch | null = null;
  if (allNumeric && (a.moments?.n ? kllA !== null : true) && (b.moments?.n ? kllB !== null : true)) {
    kll = kllA ?? kllB;
    if (kllA && kllB) kllA.merge(kllB);
  }
  // a shard that kept no sample (all null there) adds nothing to the other's
  const sample = !a.moments?.n ? b.sample : !b.moments?.n ? a.sample : mergeSamples(a.sample, b.sample);
  const keptSample = allNumeric && sample && !frequent.exact ? sample : undefined;
  const ma = mixedCounts(a);
  const mb = mixedCounts(b);
  const mixed =
    allNumeric || !ma || !mb
      ? null
      : { numeric: ma.numeric + mb.numeric, other: ma.other + mb.other, examples: [...ma.examples, ...mb.examples].slice(0, TYPE_DRIFT_EXAMPLES) };
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
    ...(keptSample ? { sample: keptSample } : {}),
    kll: kll ? kllState(kll, frequent.exact && hll === null) : null,
    ...(a.text && b.text ? { text: mergeTextStates(a.text, b.text) } : a.text || b.text ? { text: a.text ?? b.text } : {}),
  };
}

/** The sketch a shard would have built from its exactly-counted values (numbers by value). */
function seededHll(items: [string, number][], numeric: boolean): HyperLogLog {
  const h = new HyperLogLog();
  for (const [k] of items) {
    if (numeric) h.addNumber(Number(k));
    else h.add(k);
  }
  return h;
}

/** Derives the readable column summary from its mergeable state. */
export function summarizeColumn(name: string, count: number, nulls: number, state: ColumnState): ColumnProfile {
  const nonNull = count - nulls;
  const frequent = FrequentItems.fromState(state.frequent);
  const distinctExact = state.hll === null && frequent.exact;
  const distinct = distinctExact ? frequent.counts.size : HyperLogLog.fromBase64(state.hll!).estimate();
  const type = inferType(state, nonNull, distinct);
  const profile: ColumnProfile = {
    name,
    type,
    nullable: nulls > 0,
    count,
    nulls,
    distinct: { value: distinct, exact: distinctExact },
    state,
  };
  const mixed = state.mixed;
  if (mixed && !state.all_numeric && mixed.other > 0 && mixed.numeric / (mixed.numeric + mixed.other) >= TYPE_DRIFT_MIN_NUMERIC_SHARE) {
    profile.type_drift = { numeric_share: mixed.numeric / (mixed.numeric + mixed.other), non_numeric: mixed.other, examples: mixed.examples };
  }
  if ((type === 'number' || type === 'integer') && state.sketch && state.moments) {
    profile.numeric = numericSummary(state, frequent, type === 'integer');
  }
  if (type === 'datetime' && state.sketch) {
    profile.datetime = { min: new Date(state.sketch.min).toISOString(), max: new Date(state.sketch.max).toISOString() };
  }
  if (nonNull > 0 && (type === 'category' || type === 'boolean' || type === 'string' || (type === 'integer' && distinctExact))) {
    const values = frequent.top(TOP_CATEGORIES).map(([value, c]) => ({ value, count: c }));
    profile.top_categories = {
      values,
      exact: frequent.exact,
      other_count: nonNull - values.reduce((s, v) => s + v.count, 0),
    };
  }
  if (state.lengths && (type === 'string' || type === 'category')) {
    profile.string_length = { min: state.lengths.min, max: state.lengths.max, mean: state.lengths.sum / nonNull };
  }
  if (type === 'string' && state.text && state.text.cells > 0) profile.text = summarizeText(state.text, count, nulls);
  return profile;
}

function inferType(state: ColumnState, nonNull: number, distinct: number): ColumnType {
  if (nonNull === 0) return 'string';
  if (state.all_boolean) return 'boolean';
  if (state.all_integer) return 'integer';
  if (state.all_numeric) return 'number';
  if (state.all_datetime) return 'datetime';
  return distinct <= CATEGORY_MAX_DISTINCT && distinct <= nonNull * CATEGORY_MAX_DISTINCT_SHARE ? 'category' : 'string';
}

function numericSummary(state: ColumnState, frequent: FrequentItems, integer: boolean): NumericSummary {
  const digest = TDigest.fromState(state.sketch!);
  const moments = state.moments!;
  const quantiles: Record<string, number> = {};
  const exact = frequent.exact ? exactQuantiles(frequent) : undefined;
  for (const q of QUANTILES) quantiles[`p${Math.round(q * 100)}`] = exact ? exact(q) : digest.quantile(q);
  return {
    min: digest.min,
    max: digest.max,
    mean: moments.mean,
    std: moments.n > 1 ? Math.sqrt(moments.m2 / (moments.n - 1)) : 0,
    quantiles,
    histogram: histogram(digest, frequent, moments.n, integer),
  };
}

/**
 * Equal-width bins over [min, max]. Counts are exact while the column's distinct values are
 * all still counted exactly; otherwise they come from the digest's CDF, rounded so they add
 * up to the row count.
 */
function histogram(digest: TDigest, frequent: FrequentItems, n: number, integer: boolean) {
  const lo = digest.min;
  const hi = digest.max;
  const span = hi - lo;
  const bins = span === 0 ? 1 : integer ? Math.min(HISTOGRAM_BINS, span + 1) : HISTOGRAM_BINS;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + (span * i) / bins));
  const counts = new Array<number>(bins).fill(0);
  const binOf = (x: number): number => (span === 0 ? 0 : Math.min(bins - 1, Math.floor(((x - lo) / span) * bins)));
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

/**
 * While every distinct value is still counted, quantiles are computed exactly, with the same
 * linear interpolation between order statistics as numpy's default (h = (n−1)q).
 */
function exactQuantiles(frequent: FrequentItems): (q: number) => number {
  const entries = [...frequent.counts].map(([k, c]) => [Number(k), c] as const).sort((a, b) => a[0] - b[0]);
  const ends: number[] = [];
  let total = 0;
  for (const [, c] of entries) ends.push((total += c));
  const at = (rank: number): number => {
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
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
