import { z } from 'zod';
import { codePointLength, tokenize } from '../data/tokenize.ts';
import { FrequentItems, boundedKey } from './frequent.ts';
import { TDigest } from './tdigest.ts';

/** Tokens whose counts the profile keeps (exactly up to 2× this many distinct tokens, then Misra–Gries). */
export const TOKEN_CAPACITY = 1000;
/** Distinct lengths counted exactly (then the t-digest stands in), as for numeric columns. */
const LENGTH_CAPACITY = 1000;
/** Tokens listed in the readable summary. */
const TOP_TOKENS = 20;
/** A string column is free text when its rows have at least this many tokens on average. */
export const TEXT_MIN_MEAN_TOKENS = 3;
/**
 * Distinct cells whose counts are held back before they reach the sketches: a category-like
 * column is tokenised once per value and costs one map update per cell.
 */
const PENDING_LIMIT = 256;

const FrequentStateSchema = z.object({
  capacity: z.number().int().positive(),
  error: z.number().nonnegative(),
  items: z.array(z.tuple([z.string(), z.number().nonnegative()])),
});

const TDigestStateSchema = z.object({
  compression: z.number().positive(),
  min: z.number(),
  max: z.number(),
  centroids: z.array(z.tuple([z.number(), z.number().positive()])),
});

/** A length distribution in the form a numeric column keeps: moments, t-digest, exact counts while few. */
const LengthStateSchema = z.object({
  moments: z.object({ n: z.number(), mean: z.number(), m2: z.number() }),
  sketch: TDigestStateSchema,
  counts: FrequentStateSchema,
});
export type LengthState = z.infer<typeof LengthStateSchema>;

/**
 * A string column's text statistics, mergeable like the rest of the column state: per non-null
 * cell its length in characters (code points) and in tokens (src/data/tokenize.ts), how many
 * cells have no token at all, and the token frequencies (heavy hitters, the reference
 * vocabulary for an out-of-vocabulary share).
 */
export const TextStateSchema = z.object({
  cells: z.number().int().nonnegative(),
  /** Non-null cells without a single token (blank, punctuation only). */
  no_tokens: z.number().int().nonnegative(),
  chars: LengthStateSchema,
  tokens: LengthStateSchema,
  token_total: z.number().nonnegative(),
  top_tokens: FrequentStateSchema,
});
export type TextState = z.infer<typeof TextStateSchema>;

export const TextSummarySchema = z.object({
  /** Rows missing, blank or without a token, over all rows. */
  empty_share: z.number(),
  chars: z.object({ min: z.number(), max: z.number(), mean: z.number(), p50: z.number(), p95: z.number() }),
  tokens: z.object({ min: z.number(), max: z.number(), mean: z.number(), p50: z.number(), p95: z.number() }),
  top_tokens: z.array(z.object({ token: z.string(), count: z.number() })),
  /** Distinct tokens seen, while counted exactly (null once the table overflowed). */
  vocabulary_size: z.number().int().nullable(),
});
export type TextSummary = z.infer<typeof TextSummarySchema>;

class LengthSketch {
  readonly digest: TDigest;
  readonly counts: FrequentItems;
  moments: { n: number; mean: number; m2: number };

  constructor(state?: LengthState) {
    this.digest = state ? TDigest.fromState(state.sketch) : new TDigest();
    this.counts = state ? FrequentItems.fromState(state.counts) : new FrequentItems(LENGTH_CAPACITY);
    this.moments = state ? { ...state.moments } : { n: 0, mean: 0, m2: 0 };
  }

  /** Cells by length: one merge of a weighted digest instead of a digest update per cell. */
  addCounts(lengths: Map<number, number>): void {
    const centroids: [number, number][] = [];
    const m = this.moments;
    for (const [x, times] of lengths) {
      if (times === 1) this.digest.add(x);
      else centroids.push([x, times]);
      this.counts.add(String(x), times);
      // West's weighted update of mean and sum of squared deviations.
      m.n += times;
      const d = x - m.mean;
      m.mean += (d * times) / m.n;
      m.m2 += times * d * (x - m.mean);
    }
    if (centroids.length === 0) return;
    centroids.sort((a, b) => a[0] - b[0]);
    const compression = this.digest.compression;
    this.digest.merge(TDigest.fromState({ compression, min: centroids[0][0], max: centroids[centroids.length - 1][0], centroids }));
  }

  merge(other: LengthSketch): void {
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
    this.moments = { n, mean: a.mean + (delta * b.n) / n, m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n };
  }

  toState(): LengthState {
    return { moments: { ...this.moments }, sketch: this.digest.toState(), counts: this.counts.toState() };
  }
}

/** Accumulates TextState over a column's cells. */
export class TextProfiler {
  cells = 0;
  noTokens = 0;
  tokenTotal = 0;
  readonly chars: LengthSketch;
  readonly tokens: LengthSketch;
  readonly topTokens: FrequentItems;
  private readonly pending = new Map<string, { chars: number; tokens: string[]; times: number }>();

  constructor(state?: TextState) {
    this.cells = state?.cells ?? 0;
    this.noTokens = state?.no_tokens ?? 0;
    this.tokenTotal = state?.token_total ?? 0;
    this.chars = new LengthSketch(state?.chars);
    this.tokens = new LengthSketch(state?.tokens);
    this.topTokens = state ? FrequentItems.fromState(state.top_tokens) : new FrequentItems(TOKEN_CAPACITY);
  }

  add(text: string, times = 1): void {
    let entry = this.pending.get(text);
    if (entry === undefined) {
      if (this.pending.size >= PENDING_LIMIT) this.flush();
      entry = { chars: codePointLength(text), tokens: tokenize(text), times: 0 };
      this.pending.set(text, entry);
    }
    entry.times += times;
  }

  private flush(): void {
    if (this.pending.size === 0) return;
    const chars = new Map<number, number>();
    const lengths = new Map<number, number>();
    for (const { chars: c, tokens, times } of this.pending.values()) {
      this.cells += times;
      chars.set(c, (chars.get(c) ?? 0) + times);
      lengths.set(tokens.length, (lengths.get(tokens.length) ?? 0) + times);
      if (tokens.length === 0) this.noTokens += times;
      this.tokenTotal += tokens.length * times;
      // A token can be 10,000 letters long: it is kept bounded like any sketched value.
      for (const t of tokens) this.topTokens.add(boundedKey(t), times);
    }
    this.chars.addCounts(chars);
    this.tokens.addCounts(lengths);
    this.pending.clear();
  }

  merge(other: TextProfiler): void {
    this.flush();
    other.flush();
    this.cells += other.cells;
    this.noTokens += other.noTokens;
    this.tokenTotal += other.tokenTotal;
    this.chars.merge(other.chars);
    this.tokens.merge(other.tokens);
    this.topTokens.merge(other.topTokens);
  }

  toState(): TextState {
    this.flush();
    return {
      cells: this.cells,
      no_tokens: this.noTokens,
      chars: this.chars.toState(),
      tokens: this.tokens.toState(),
      token_total: this.tokenTotal,
      top_tokens: this.topTokens.toState(),
    };
  }
}

export function mergeTextStates(a: TextState, b: TextState): TextState {
  const p = new TextProfiler(a);
  p.merge(new TextProfiler(b));
  return p.toState();
}

/** The readable summary of a column's text state; `rows` and `nulls` are the column's. */
export function summarizeText(state: TextState, rows: number, nulls: number): TextSummary {
  const lengths = (s: LengthState) => {
    const d = TDigest.fromState(s.sketch);
    return { min: d.min, max: d.max, mean: s.moments.mean, p50: d.quantile(0.5), p95: d.quantile(0.95) };
  };
  const top = FrequentItems.fromState(state.top_tokens);
  return {
    empty_share: rows === 0 ? 0 : (nulls + state.no_tokens) / rows,
    chars: lengths(state.chars),
    tokens: lengths(state.tokens),
    top_tokens: top.top(TOP_TOKENS).map(([token, count]) => ({ token, count })),
    vocabulary_size: top.exact ? top.counts.size : null,
  };
}

/** Free text rather than an identifier or a label: a string column averaging ≥ 3 tokens per row. */
export function looksLikeText(column: { type: string; text?: TextSummary }): boolean {
  return column.type === 'string' && column.text !== undefined && column.text.tokens.mean >= TEXT_MIN_MEAN_TOKENS;
}
