import { z } from 'zod';
import { parseConfigFile } from '../util/config-file.ts';

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
    evaluation: z.object({ gate: z.string().optional(), slices: z.array(z.string()).optional() }).strict().default({}),
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
  })
  .strict();
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
    if (Array.isArray(value)) out[prefix] = value.join(',');
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}_${k}` : k, v);
    else out[prefix] = String(value);
  };
  walk('', config);
  for (const key of ['data_current', 'data_current_command', 'data_labelled', 'validation_rules', 'training_config', 'training_command', 'training_outputs', 'evaluation_gate', 'evaluation_slices', 'drift_columns', 'container_image']) {
    out[key] ??= '';
  }
  return out;
}
