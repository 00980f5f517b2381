import { z } from 'zod';

export const RUN_SCHEMA_VERSION = 1;

/**
 * One training run, registered or not: what `mlops runs` searches and the site lists. Small on
 * purpose (no model, no profile) so 10,000 of them stay cheap to read. A run is written once and
 * never rewritten; it lives at `runs/<yyyy-mm>/<id>.json` on the registry branch or in a
 * `--runs-dir` folder with the same layout.
 */
export const RunRecordSchema = z.object({
  schema_version: z.literal(RUN_SCHEMA_VERSION),
  kind: z.literal('mlops/run'),
  /** Sortable and unique: `<yyyymmddThhmmssZ>-<8 hex>`. */
  id: z.string().regex(/^\d{8}T\d{6}Z-[0-9a-f]{8}$/),
  model: z.string(),
  status: z.enum(['ok', 'failed']),
  /** One line saying why a failed run failed. */
  error: z.string().optional(),
  /** The training config flattened to dotted keys (`model.hidden_units`, `seed`). */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  metrics: z.record(z.string(), z.number()),
  tags: z.record(z.string(), z.string()).default({}),
  data_fingerprint: z.string().optional(),
  source: z.object({
    commit: z.string().optional(),
    ref: z.string().optional(),
    pr: z.number().int().optional(),
    workflow_run_url: z.string().optional(),
  }),
  environment: z.object({
    runner: z.string().optional(),
    backend: z.string().optional(),
    gpu: z.string().optional(),
  }),
  started_at: z.string(),
  duration_ms: z.number().nonnegative(),
  sweep: z.object({ id: z.string(), trial: z.number().int().nonnegative() }).optional(),
  artifact: z.object({ kind: z.enum(['actions-artifact', 'local']), name: z.string().optional(), path: z.string().optional() }).optional(),
  /** The registry version this run became, when it was registered. */
  registered_as: z.string().optional(),
});
export type RunRecord = z.infer<typeof RunRecordSchema>;
