import { z } from 'zod';
import { ProfileSchema } from '../profile/schema.ts';
import { ImportanceSchema } from './importance.ts';

export const LINEAGE_SCHEMA_VERSION = 1;

/**
 * Where a training file can be fetched from by a later run (`mlops reproduce`); never with
 * credentials (URLs are stored without userinfo or signature parameters). Optional, so
 * lineage written before locations existed still loads.
 */
export const DataLocationSchema = z.discriminatedUnion('kind', [
  /** Tracked in the repository at `commit`, path from the repository root; `lfs` when the blob is a Git LFS pointer. */
  z.object({
    kind: z.literal('git'),
    path: z.string(),
    commit: z.string().optional(),
    lfs: z.object({ oid: z.string().regex(/^sha256:[0-9a-f]{64}$/), size: z.number().int().nonnegative() }).optional(),
  }),
  /** Untracked, or changed since the commit: only the training machine had it, at the file's path. */
  z.object({ kind: z.literal('local') }),
  /** An Actions artifact of a workflow run. */
  z.object({ kind: z.literal('artifact'), name: z.string(), run_id: z.string().optional(), repository: z.string().optional() }),
  /** A GitHub release asset. */
  z.object({ kind: z.literal('release'), uri: z.string(), repository: z.string(), tag: z.string(), asset: z.string() }),
  /** s3://, gs://, https:// … as given with --data-uri or mlops.yml data.locations. */
  z.object({ kind: z.literal('url'), uri: z.string() }),
]);
export type DataLocation = z.infer<typeof DataLocationSchema>;

/**
 * What a training run records so it can be reproduced and audited. Both trainers write it as
 * lineage.json next to the model; the registry stores it with the version.
 */
export const LineageSchema = z.object({
  schema_version: z.literal(LINEAGE_SCHEMA_VERSION),
  kind: z.literal('mlops/lineage'),
  model: z.object({
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size_bytes: z.number().int().nonnegative(),
    format: z.literal('onnx'),
    framework: z.string(),
    task: z.enum(['classification', 'regression']).optional(),
    target: z.string().optional(),
    signature: z.object({
      inputs: z.array(z.object({ name: z.string(), type: z.string(), shape: z.array(z.union([z.number(), z.string()])) })),
      outputs: z.array(z.object({ name: z.string(), type: z.string(), shape: z.array(z.union([z.number(), z.string()])) })),
    }),
  }),
  params: z.record(z.string(), z.unknown()),
  metrics: z.record(z.string(), z.number()),
  data: z.object({
    /** sha256 over the training files' bytes, in order: "sha256:<hex>". */
    fingerprint: z.string(),
    files: z.array(z.object({ path: z.string(), sha256: z.string(), bytes: z.number().int().nonnegative(), location: DataLocationSchema.optional() })),
    rows: z.number().int().nonnegative(),
    profile: ProfileSchema.optional(),
  }),
  source: z.object({
    commit: z.string().optional(),
    /** The training's working directory relative to the repository root (data paths are relative to it). */
    directory: z.string().optional(),
    ref: z.string().optional(),
    repository: z.string().optional(),
    run_id: z.string().optional(),
    run_url: z.string().optional(),
    actor: z.string().optional(),
    workflow: z.string().optional(),
  }),
  environment: z.object({
    runner_name: z.string().optional(),
    runner_labels: z.array(z.string()).optional(),
    os: z.string(),
    arch: z.string(),
    cpus: z.number().int(),
    memory_bytes: z.number(),
    gpu: z.array(z.object({ name: z.string(), memory_total: z.string(), driver_version: z.string() })).optional(),
    node: z.string(),
    packages: z.record(z.string(), z.string()),
    backend: z.string().optional(),
  }),
  /** How the training process ran (command trainer; the built-in one records its duration only). */
  run: z
    .object({
      command: z.string().optional(),
      exit_code: z.number().int().optional(),
      peak_memory_bytes: z.number().nonnegative().optional(),
    })
    .optional(),
  seed: z.number().int().optional(),
  /** Permutation importance of each feature on the validation rows (built-in trainer); mlops drift weights columns by it. */
  importance: ImportanceSchema.optional(),
  started_at: z.string(),
  duration_s: z.number().nonnegative(),
});
export type Lineage = z.infer<typeof LineageSchema>;
