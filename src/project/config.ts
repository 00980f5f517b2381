import { z } from 'zod';
import { parseConfigFile } from '../util/config-file.ts';
import { parseSince } from '../evaluate/label-join.ts';

export const PROJECT_SCHEMA_VERSION = 1;

/**
 * `mlops.yml`: the one file a project repo edits to adopt the loop. The reusable workflows read
 * it through `mlops config`, so a workflow never hard-codes a path, a model name or a rule.
 */
export const ProjectConfigSchema = z
  .object({
    version: z.literal(PROJECT_SCHEMA_VERSION),
    model: z
      .object({
        name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, ".", "_" and "-"'),
        task: z.enum(['classification', 'regression']),
        target: z.string().min(1),
      })
      .strict(),
    data: z
      .object({
        train: z.string().min(1),
        holdout: z.string().min(1),
        /** What the drift check compares with the reference: a path or glob (prediction logs too). */
        current: z.string().optional(),
        /** Or a command that writes the current data to the path in `current`. */
        current_command: z.string().optional(),
        /** Recent data whose labels have arrived: the drift check evaluates production on it (performance drift). */
        labelled: z.string().optional(),
        /**
         * Where training files can be fetched from later, by path: s3://, gs://, https://,
         * artifact:NAME[@RUN_ID]; recorded in the lineage (without credentials) for `mlops reproduce`.
         */
        locations: z.record(z.string(), z.string()).optional(),
      })
      .strict(),
    validation: z.object({ rules: z.string() }).strict().optional(),
    training: z
      .object({
        config: z.string().optional(),
        /** Any-framework trainer: a command that writes the outputs below. */
        command: z.string().optional(),
        outputs: z.array(z.string()).optional(),
      })
      .strict()
      .default({}),
    evaluation: z
      .object({ gate: z.string().optional(), slices: z.array(z.string()).optional() })
      .strict()
      .default({}),
    registry: z
      .object({ branch: z.string().default('mlops-registry'), tags: z.boolean().default(false) })
      .strict()
      .default({ branch: 'mlops-registry', tags: false }),
    drift: z
      .object({
        method: z.enum(['auto', 'ks', 'wasserstein', 'psi', 'js', 'chisquare']).default('auto'),
        share_threshold: z.number().min(0).max(1).default(0.5),
        columns: z.array(z.string()).optional(),
        /** What a detected drift does: open an issue, and/or dispatch the retrain workflow. */
        on_drift: z.enum(['issue', 'retrain', 'issue-and-retrain', 'none']).default('issue-and-retrain'),
      })
      .strict()
      .default({ method: 'auto', share_threshold: 0.5, on_drift: 'issue-and-retrain' }),
    container: z.object({ image: z.string().optional() }).strict().default({}),
    /**
     * Performance drift from late labels: the scheduled check joins the labels that arrived to
     * the logged predictions by key and judges the production model with the gate.
     */
    performance: z
      .object({
        /** Prediction logs (mlops serve --log-predictions) or any rows holding the key: path or glob. */
        logs: z.string().min(1),
        /** Arrived labels: files holding the key and the model's target column, path or glob. */
        labels: z.string().min(1),
        key: z.string().min(1),
        /** A command that fetches the logs and/or labels into those paths first. */
        export_command: z.string().optional(),
        /** Only rows logged since: 30d, 12h, 2w, 90m or an ISO date. */
        since: z
          .string()
          .refine((text) => canParseSince(text), { message: 'a span such as 30d, 12h, 2w or 90m, or an ISO date such as 2026-11-01' })
          .optional(),
        /** Fewer labelled rows than this: no verdict (labels still arriving). */
        min_rows: z.number().int().min(0).default(100),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((c) => !(c.performance && c.data.labelled), {
    message: 'set performance (labels joined to prediction logs) or data.labelled (rows that hold their labels), not both',
    path: ['performance'],
  });
export type ProjectConfig = z.infer<typeof ProjectConfigSchema>;

export function parseProjectConfig(text: string, file: string): ProjectConfig {
  return parseConfigFile(text, file, ProjectConfigSchema, { expect: 'mlops.yml must be a YAML mapping with version: 1, model: and data:' });
}

/**
 * Flattens the config into `snake_case` keys (`model_name`, `data_train`, …) for workflow
 * step outputs; lists become comma-separated and absent values empty strings.
 */
export function flattenConfig(config: ProjectConfig): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (prefix: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    // Keyed by file path: one JSON output, not an output per path.
    if (prefix === 'data_locations') out[prefix] = JSON.stringify(value);
    else if (Array.isArray(value)) out[prefix] = value.join(',');
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}_${k}` : k, v);
    else out[prefix] = String(value);
  };
  walk('', config);
  for (const key of [
    'data_current',
    'data_current_command',
    'data_labelled',
    'data_locations',
    'validation_rules',
    'training_config',
    'training_command',
    'training_outputs',
    'evaluation_gate',
    'evaluation_slices',
    'drift_columns',
    'container_image',
    ...PERFORMANCE_KEYS,
  ]) {
    out[key] ??= '';
  }
  return out;
}

const PERFORMANCE_KEYS = ['logs', 'labels', 'key', 'export_command', 'since', 'min_rows'].map((k) => `performance_${k}`);

function canParseSince(text: string): boolean {
  try {
    parseSince(text, new Date(0));
    return true;
  } catch {
    return false;
  }
}
