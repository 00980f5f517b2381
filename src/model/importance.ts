import { z } from 'zod';
import type { Cell } from '../data/batch.ts';
import { mulberry32 } from '../util/random.ts';
import { regressionMetrics } from './train-metrics.ts';

/** scikit-learn's permutation_importance default: 5 shuffles per feature. */
export const IMPORTANCE_REPEATS = 5;

/**
 * Permutation importance as stored in the lineage (`importance`) and read by `mlops drift` to
 * weight columns: for each feature, the drop in the validation score when that feature's
 * values are shuffled across the validation rows, averaged over `repeats` shuffles
 * (Breiman 2001; scikit-learn's `permutation_importance` with the estimator's default score).
 */
export const ImportanceSchema = z.object({
  method: z.literal('permutation'),
  /** accuracy (classification) or r2 (regression), on the validation rows. */
  metric: z.enum(['accuracy', 'r2']),
  rows: z.number().int().positive(),
  repeats: z.number().int().positive(),
  seed: z.number().int(),
  baseline: z.number(),
  /** Feature → mean score drop (≈ 0 for a feature the model ignores; negative is noise). */
  values: z.record(z.string(), z.number()),
  /** Feature → standard deviation of the drop over the repeats. */
  std: z.record(z.string(), z.number()),
});
export type Importance = z.infer<typeof ImportanceSchema>;

export interface ImportanceInput {
  /** Column names of `rows`, in order. */
  columns: readonly string[];
  rows: readonly Cell[][];
  /** The columns to permute (the model's features). */
  features: readonly string[];
  metric: Importance['metric'];
  /** The model's score on rows (higher is better): see `modelScore`. */
  score: (rows: Cell[][]) => Promise<number>;
  repeats?: number;
  seed: number;
}

/**
 * Shuffles one feature at a time (Fisher–Yates from one mulberry32 stream, so the result is
 * reproducible) and scores the model on the shuffled rows; every other column keeps its values.
 */
export async function permutationImportance(input: ImportanceInput): Promise<Importance> {
  const repeats = input.repeats ?? IMPORTANCE_REPEATS;
  const rows = input.rows.map((r) => [...r]);
  const baseline = await input.score(rows);
  const rand = mulberry32(input.seed);
  const values: Record<string, number> = {};
  const std: Record<string, number> = {};
  for (const feature of input.features) {
    const j = input.columns.indexOf(feature);
    const original = rows.map((r) => r[j]);
    const drops: number[] = [];
    for (let k = 0; k < repeats; k++) {
      const shuffled = [...original];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const t = Math.floor(rand() * (i + 1));
        [shuffled[i], shuffled[t]] = [shuffled[t], shuffled[i]];
      }
      for (let i = 0; i < rows.length; i++) rows[i][j] = shuffled[i];
      drops.push(baseline - (await input.score(rows)));
    }
    for (let i = 0; i < rows.length; i++) rows[i][j] = original[i];
    const mean = drops.reduce((s, x) => s + x, 0) / repeats;
    values[feature] = mean;
    std[feature] = Math.sqrt(drops.reduce((s, x) => s + (x - mean) ** 2, 0) / repeats);
  }
  return { method: 'permutation', metric: input.metric, rows: rows.length, repeats, seed: input.seed, baseline, values, std };
}

/** What a prediction runner returns that the score needs: class probabilities or values. */
export interface ScoredPrediction {
  probabilities?: number[][];
  predictions: readonly unknown[];
}

/**
 * The estimator's default score as scikit-learn defines it: accuracy of the most probable
 * class against class indices (classification), R² against the target (regression).
 */
export function modelScore(
  predict: (columns: string[], rows: Cell[][]) => Promise<ScoredPrediction>,
  columns: readonly string[],
  labels: ArrayLike<number>,
  metric: Importance['metric'],
): (rows: Cell[][]) => Promise<number> {
  return async (rows) => {
    const out = await predict([...columns], rows);
    if (metric === 'r2') return regressionMetrics(labels, out.predictions.map(Number)).r2;
    const p = out.probabilities!;
    let hit = 0;
    for (let i = 0; i < p.length; i++) {
      let best = 0;
      for (let c = 1; c < p[i].length; c++) if (p[i][c] > p[i][best]) best = c;
      if (best === labels[i]) hit++;
    }
    return hit / p.length;
  };
}
