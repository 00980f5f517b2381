import { z } from 'zod';
import type { Cell } from '../data/batch.ts';
import { cellText, toBoolean, toNumber } from '../data/values.ts';
import { encodeText, fitText, textCell, textTables, TextStepSchema, type TextStep, type TfidfOptions } from './text-features.ts';
import type { FeatureSpec } from './types.ts';

/**
 * The transform fitted on the training set and saved with the model: numeric columns are
 * mean-imputed then standardised, categoricals are mode-imputed then one-hot encoded (an
 * unseen category encodes as all zeros), text columns are TF-IDF vectors (src/model/text-features.ts).
 * The encoded row is the numeric block in `numeric` order, then one block per categorical in
 * `categorical` order, then one block per text column in `text` order.
 */
export const PreprocessingSchema = z.object({
  numeric: z.array(z.object({ name: z.string(), type: z.enum(['number', 'integer', 'boolean']), mean: z.number(), std: z.number().positive() })),
  categorical: z.array(z.object({ name: z.string(), categories: z.array(z.string()).min(1), mode: z.string() })),
  /** Absent when the model has no text feature (and in models written before text features). */
  text: z.array(TextStepSchema).optional(),
});
export type Preprocessing = z.infer<typeof PreprocessingSchema>;
export type NumericStep = Preprocessing['numeric'][number];
export type CategoryStep = Preprocessing['categorical'][number];

export function encodedWidth(p: Preprocessing): number {
  return p.numeric.length + p.categorical.reduce((n, c) => n + c.categories.length, 0) + textSteps(p).reduce((n, t) => n + t.vocabulary.length, 0);
}

export function textSteps(p: Preprocessing): TextStep[] {
  return p.text ?? [];
}

/** A numeric cell as the graph sees it: booleans are 1/0, anything unreadable is missing (NaN). */
export function numericCell(cell: Cell): number {
  const n = toNumber(cell);
  if (n !== undefined) return n;
  const b = toBoolean(cell);
  if (b !== undefined) return b ? 1 : 0;
  return Number.NaN;
}

/** A categorical cell as the graph sees it: missing is the empty string. */
export function categoryCell(cell: Cell): string {
  return cell === null ? '' : cellText(cell);
}

/** TF-IDF settings when train.yml gives none (features.tfidf). */
export const DEFAULT_TFIDF: TfidfOptions = { max_features: 5000, min_df: 2, max_ngram: 2 };

/** Fits the transform on training rows; `features` fixes which columns are used and how. */
export function fitPreprocessing(
  features: readonly FeatureSpec[],
  columns: readonly string[],
  rows: readonly Cell[][],
  tfidf: TfidfOptions = DEFAULT_TFIDF,
): Preprocessing {
  const numeric: NumericStep[] = [];
  const categorical: CategoryStep[] = [];
  const text: TextStep[] = [];
  for (const f of features) {
    const c = columns.indexOf(f.name);
    if (f.type === 'text') {
      text.push(
        fitText(
          f.name,
          rows.map((row) => textCell(row[c] ?? null)),
          tfidf,
        ),
      );
    } else if (f.type === 'category') {
      const counts = new Map<string, number>();
      for (const row of rows) {
        const v = categoryCell(row[c] ?? null);
        if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const categories = f.categories ?? [...counts.keys()].sort();
      let mode = categories[0];
      for (const cat of categories) if ((counts.get(cat) ?? 0) > (counts.get(mode) ?? 0)) mode = cat;
      categorical.push({ name: f.name, categories, mode });
    } else {
      let n = 0;
      let sum = 0;
      let sq = 0;
      for (const row of rows) {
        const v = numericCell(row[c] ?? null);
        if (Number.isNaN(v)) continue;
        n++;
        sum += v;
        sq += v * v;
      }
      const mean = n === 0 ? 0 : sum / n;
      const variance = n === 0 ? 0 : Math.max(0, sq / n - mean * mean);
      const std = Math.sqrt(variance);
      // A constant column carries no signal; std 1 keeps it at 0 instead of dividing by zero.
      numeric.push({ name: f.name, type: f.type, mean, std: std > 1e-12 ? std : 1 });
    }
  }
  return { numeric, categorical, ...(text.length > 0 ? { text } : {}) };
}

/**
 * Encodes rows into a row-major float32 matrix exactly as the exported ONNX graph does:
 * every arithmetic step is rounded to float32 in the graph's order, so the two agree bit
 * for bit on the preprocessing and parity is limited only by the layers' arithmetic.
 */
export function transformRows(p: Preprocessing, columns: readonly string[], rows: readonly Cell[][]): Float32Array {
  const width = encodedWidth(p);
  const out = new Float32Array(rows.length * width);
  const numIdx = p.numeric.map((s) => columns.indexOf(s.name));
  const catIdx = p.categorical.map((s) => columns.indexOf(s.name));
  const means = p.numeric.map((s) => Math.fround(s.mean));
  const stds = p.numeric.map((s) => Math.fround(s.std));
  const catMaps = p.categorical.map((s) => new Map(s.categories.map((c, i) => [c, i])));
  const modes = p.categorical.map((s, i) => catMaps[i].get(s.mode) ?? -1);
  const texts = textSteps(p);
  const textIdx = texts.map((s) => columns.indexOf(s.name));
  const tables = texts.map(textTables);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let o = r * width;
    for (let j = 0; j < numIdx.length; j++) {
      let x = Math.fround(numericCell(numIdx[j] < 0 ? null : (row[numIdx[j]] ?? null)));
      if (Number.isNaN(x)) x = means[j];
      out[o++] = Math.fround(Math.fround(x - means[j]) / stds[j]);
    }
    for (let j = 0; j < catIdx.length; j++) {
      const v = categoryCell(catIdx[j] < 0 ? null : (row[catIdx[j]] ?? null));
      const k = v === '' ? modes[j] : (catMaps[j].get(v) ?? -1);
      if (k >= 0) out[o + k] = 1;
      o += p.categorical[j].categories.length;
    }
    for (let j = 0; j < textIdx.length; j++) {
      encodeText(texts[j], tables[j].index, tables[j].idf, textCell(textIdx[j] < 0 ? null : (row[textIdx[j]] ?? null)), out, o);
      o += texts[j].vocabulary.length;
    }
  }
  return out;
}
