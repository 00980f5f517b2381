import { z } from 'zod';
import type { Cell } from '../data/batch.ts';
import { cellText } from '../data/values.ts';
import { ngrams, tokenize } from '../data/tokenize.ts';
import { MlopsError } from '../util/errors.ts';

/**
 * A text column's fitted TF-IDF, saved with the model. `vocabulary` lists unigrams first, then
 * bigrams ("not good"), each group sorted; the encoded block has one value per term in that
 * order: count × idf, then the block divided by its L2 norm (an all-zero block stays zero).
 * idf = ln((1 + n) / (1 + df)) + 1 over the n training rows, scikit-learn's `smooth_idf=True`.
 */
export const TextStepSchema = z.object({
  name: z.string(),
  vocabulary: z.array(z.string()).min(1),
  idf: z.array(z.number().positive()),
  unigrams: z.number().int().nonnegative(),
  max_ngram: z.union([z.literal(1), z.literal(2)]),
});
export type TextStep = z.infer<typeof TextStepSchema>;

export interface TfidfOptions {
  /** Keep at most this many terms, the most frequent over the training rows. */
  max_features: number;
  /** A term must appear in at least this many training rows. */
  min_df: number;
  max_ngram: 1 | 2;
}

/** A text cell as the graph sees it: missing is the empty string. */
export function textCell(cell: Cell): string {
  return cell === null ? '' : cellText(cell);
}

/**
 * Fits the vocabulary and idf on training rows only. Terms with document frequency below
 * `min_df` are dropped, then the `max_features` most frequent (total count; ties by term) kept.
 */
export function fitText(name: string, texts: readonly string[], options: TfidfOptions): TextStep {
  const df = new Map<string, number>();
  const total = new Map<string, number>();
  for (const text of texts) {
    const terms = ngrams(tokenize(text), options.max_ngram);
    for (const t of terms) total.set(t, (total.get(t) ?? 0) + 1);
    for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const kept = [...df.keys()]
    .filter((t) => df.get(t)! >= options.min_df)
    .sort((a, b) => total.get(b)! - total.get(a)! || (a < b ? -1 : 1))
    .slice(0, options.max_features);
  if (kept.length === 0) {
    throw new MlopsError(`text column "${name}": no term appears in ${options.min_df} or more training rows (lower features.tfidf.min_df, or drop the column)`);
  }
  const isBigram = (t: string) => t.includes(' ');
  const unigrams = kept.filter((t) => !isBigram(t)).sort();
  const bigrams = kept.filter(isBigram).sort();
  const vocabulary = [...unigrams, ...bigrams];
  const n = texts.length;
  return {
    name,
    vocabulary,
    idf: vocabulary.map((t) => Math.log((1 + n) / (1 + df.get(t)!)) + 1),
    unigrams: unigrams.length,
    max_ngram: options.max_ngram,
  };
}

/**
 * Writes one row's TF-IDF block into `out` at `offset`, rounding to float32 where the graph
 * does: TfIdfVectorizer gives count × float32(idf), LpNormalization divides by the norm.
 */
export function encodeText(step: TextStep, index: Map<string, number>, idf: Float32Array, text: string, out: Float32Array, offset: number): void {
  const counts = new Map<number, number>();
  for (const t of ngrams(tokenize(text), step.max_ngram)) {
    const k = index.get(t);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let sq = 0;
  for (const [k, c] of counts) {
    const v = Math.fround(c * idf[k]);
    out[offset + k] = v;
    sq = Math.fround(sq + Math.fround(v * v));
  }
  if (sq === 0) return;
  const norm = Math.fround(Math.sqrt(sq));
  for (const k of counts.keys()) out[offset + k] = Math.fround(out[offset + k] / norm);
}

/** The lookup tables encodeText needs, built once per step. */
export function textTables(step: TextStep): { index: Map<string, number>; idf: Float32Array } {
  return { index: new Map(step.vocabulary.map((t, i) => [t, i])), idf: Float32Array.from(step.idf) };
}
