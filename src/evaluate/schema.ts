import { z } from 'zod';
import { MlopsError } from '../util/errors.ts';
import type { Evaluation } from './types.ts';

/** The stored evaluation document (`--format json`, the action's json-path), read back by tools. */
const scalars = z.record(z.string(), z.number().nullable());
const modelEvaluation = z.object({
  model: z.string(),
  metrics: scalars,
  perClass: z.array(z.object({ label: z.string(), precision: z.number(), recall: z.number(), f1: z.number(), support: z.number() })).optional(),
  confusion: z.object({ labels: z.array(z.string()), matrix: z.array(z.array(z.number())) }).optional(),
  calibration: z.array(z.object({ lower: z.number(), upper: z.number(), count: z.number(), confidence: z.number(), accuracy: z.number() })).optional(),
  curves: z
    .object({
      roc: z.object({ fpr: z.array(z.number()), tpr: z.array(z.number()) }),
      pr: z.object({ recall: z.array(z.number()), precision: z.array(z.number()) }),
    })
    .optional(),
  residuals: z.object({ edges: z.array(z.number()), counts: z.array(z.number().int()), clipped: z.number().int() }).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});
// JSON has no NaN: an undefined bootstrap bound is written as null.
const num = z
  .number()
  .nullable()
  .transform((v) => v ?? Number.NaN);

export const evaluationSchema = z.object({
  schema_version: z.literal(1),
  kind: z.literal('evaluation'),
  generated_at: z.string(),
  task: z.enum(['classification', 'regression']),
  target: z.string(),
  data: z.array(z.string()),
  rows: z.number().int(),
  skipped_rows: z.number().int(),
  primary_metric: z.string(),
  candidate: modelEvaluation,
  champion: modelEvaluation.nullable(),
  slices: z.array(
    z.object({
      column: z.string(),
      value: z.string(),
      rows: z.number().int(),
      candidate: scalars,
      champion: scalars.nullable(),
      worse: z.boolean().nullable(),
    }),
  ),
  significance: z
    .object({
      metric: z.string(),
      bootstrap: z.object({
        observed: num,
        lower: num,
        upper: num,
        confidence: z.number(),
        resamples: z.number().int(),
        skipped: z.number().int(),
        seed: z.number().int(),
      }),
      mcnemar: z
        .object({
          candidateOnly: z.number().int(),
          championOnly: z.number().int(),
          statistic: z.number().nullable(),
          pValue: z.number(),
          method: z.enum(['exact', 'chi-square']),
        })
        .nullable(),
      significant: z.boolean(),
      reason: z.string(),
    })
    .nullable(),
  verdict: z.object({
    verdict: z.enum(['pass', 'fail']),
    passed: z.boolean(),
    hasChampion: z.boolean(),
    results: z.array(
      z.object({
        rule: z.string(),
        section: z.enum(['rules', 'budgets', 'slices', 'significance']),
        slice: z.string().optional(),
        metric: z.string(),
        candidate: z.number().nullable(),
        champion: z.number().nullable(),
        threshold: z.number().nullable(),
        status: z.enum(['pass', 'fail', 'skipped']),
        reason: z.string(),
      }),
    ),
    notes: z.array(z.string()),
  }),
  min_rows: z.number().int().optional(),
  labels: z
    .object({
      files: z.array(z.string()),
      key: z.string(),
      target: z.string(),
      since: z.string().nullable(),
      logged_rows: z.number().int(),
      matched_rows: z.number().int(),
      unmatched_rows: z.number().int(),
      outside_window_rows: z.number().int(),
      labels: z.number().int(),
      labels_without_prediction: z.number().int(),
      served_versions: z.record(z.string(), z.number().int()),
    })
    .optional(),
});

export function parseEvaluation(text: string, file: string): Evaluation {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new MlopsError(`${file}: not JSON (${(err as Error).message})`);
  }
  const result = evaluationSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MlopsError(`${file}: not an evaluation document: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data as Evaluation;
}
