import { parseConfigFile } from '../util/config-file.ts';
import { z } from 'zod';
import { DRIFT_METHODS, METHOD_CHOICES } from './methods.ts';
import { TextDriftConfigSchema } from './text.ts';

export const DRIFT_CONFIG_SCHEMA_VERSION = 1;

const ColumnConfigSchema = z
  .object({
    method: z.enum(METHOD_CHOICES).optional(),
    threshold: z.number().positive().optional(),
    /** Weight in the share of drifted columns (default 1). */
    weight: z.number().nonnegative().optional(),
    /** Leave the column out of the check. */
    skip: z.boolean().optional(),
  })
  .strict();

/** drift.yml: defaults for the whole check plus per-column overrides. */
export const DriftConfigSchema = z
  .object({
    schema_version: z.literal(DRIFT_CONFIG_SCHEMA_VERSION),
    method: z.enum(METHOD_CHOICES).optional(),
    /** Per-method thresholds replacing the defaults (see docs/drift.md). */
    thresholds: z.partialRecord(z.enum(DRIFT_METHODS), z.number().positive()).optional(),
    /** Dataset drift when the (weighted) share of drifted columns reaches this. */
    drift_share: z.number().min(0).max(1).optional(),
    /** Number of reference-quantile bins for PSI and Jensen–Shannon on numeric columns. */
    bins: z.number().int().min(2).max(100).optional(),
    /** Column holding the model's output; its drift is reported as prediction drift. */
    prediction_column: z.string().optional(),
    /** The model's target column: its drift is reported as label drift. */
    target_column: z.string().optional(),
    columns: z.record(z.string(), ColumnConfigSchema).optional(),
    /** Thresholds of the tests on free-text columns (src/drift/text.ts). */
    text: TextDriftConfigSchema.optional(),
  })
  .strict();
export type DriftConfig = z.infer<typeof DriftConfigSchema>;
export type ColumnConfig = z.infer<typeof ColumnConfigSchema>;

export function parseDriftConfig(text: string, file: string): DriftConfig {
  return parseConfigFile(text, file, DriftConfigSchema, { expect: 'a drift config must be a YAML mapping with schema_version: 1' });
}
