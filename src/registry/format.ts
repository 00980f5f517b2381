import { z } from 'zod';
import { LineageSchema } from '../model/lineage.ts';
import { MlopsError } from '../util/errors.ts';

/** Bumped on any change to the branch layout or a stored file that older readers cannot ignore. */
export const REGISTRY_SCHEMA_VERSION = 1;
export const DEFAULT_BRANCH = 'mlops-registry';
export const DEFAULT_STAGES = ['staging', 'production', 'archived'] as const;
/** Models above this size are stored as a pointer (URL + sha256) instead of in the branch. */
export const DEFAULT_MAX_INLINE_BYTES = 50 * 1024 * 1024;
/** Events per audit-log shard: appending rewrites one small blob, never the whole log. */
export const EVENTS_PER_SHARD = 100;

export const MODEL_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const STAGE_NAME = /^[a-z][a-z0-9-]{0,31}$/;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const RegistryConfigSchema = z.object({
  schema_version: z.literal(REGISTRY_SCHEMA_VERSION),
  kind: z.literal('mlops/registry'),
  stages: z.array(z.string().regex(STAGE_NAME)).min(1),
  created_at: z.string(),
});
export type RegistryConfig = z.infer<typeof RegistryConfigSchema>;

const StagePointerSchema = z.object({
  version: z.number().int().positive(),
  since: z.string(),
  /** Earlier holders, oldest first; rollback pops the last one. */
  history: z.array(z.number().int().positive()),
});
export type StagePointer = z.infer<typeof StagePointerSchema>;

export const ModelIndexSchema = z.object({
  schema_version: z.literal(REGISTRY_SCHEMA_VERSION),
  kind: z.literal('mlops/registry-index'),
  name: z.string().regex(MODEL_NAME),
  latest_version: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  stages: z.record(z.string(), StagePointerSchema),
  deprecated: z.record(z.string(), z.object({ at: z.string(), actor: z.string(), reason: z.string().optional() })),
  /** Container images built from a version (`mlops registry annotate`), newest last. */
  images: z
    .record(z.string(), z.array(z.object({ image: z.string(), digest: z.string().regex(/^sha256:[0-9a-f]{64}$/), at: z.string(), actor: z.string() })))
    .optional(),
});
export type ModelIndex = z.infer<typeof ModelIndexSchema>;

const TensorSchema = z.object({ name: z.string(), type: z.string(), shape: z.array(z.union([z.number(), z.string()])) });

export const ModelStorageSchema = z.discriminatedUnion('kind', [
  /** The model file lives next to metadata.json in the version folder. */
  z.object({ kind: z.literal('inline'), path: z.string() }),
  /** Too big for the branch: a release asset, Actions artifact or LFS URL, checked by sha256 on get. */
  z.object({ kind: z.literal('pointer'), url: z.string() }),
]);
export type ModelStorage = z.infer<typeof ModelStorageSchema>;

/** Where a version came from: the same record the training lineage keeps. */
export const SourceSchema = LineageSchema.shape.source;
export type Source = z.infer<typeof SourceSchema>;

/** Stored lineage leaves the (large) profile out: it lives in profile.json beside it. */
export const StoredLineageSchema = LineageSchema.extend({
  data: LineageSchema.shape.data.omit({ profile: true }),
});

/**
 * What the evaluate step judged a version on (`register --evaluation`, from its JSON report): the
 * gate's verdict and rules, and the slices, so the model card can say how it was let in.
 */
export const EvaluationSummarySchema = z.object({
  verdict: z.enum(['pass', 'fail']),
  primary_metric: z.string(),
  data: z.array(z.string()),
  rows: z.number().int().nonnegative(),
  /** The champion it was compared with (the report's model path), null for a first model. */
  champion: z.string().nullable(),
  rules: z.array(
    z.object({
      rule: z.string(),
      section: z.string(),
      slice: z.string().optional(),
      metric: z.string(),
      candidate: z.number().nullable(),
      threshold: z.number().nullable(),
      status: z.enum(['pass', 'fail', 'skipped']),
    }),
  ),
  /** Slice columns and how many groups each had. */
  slices: z.array(z.object({ column: z.string(), groups: z.number().int().nonnegative() })),
});
export type EvaluationSummary = z.infer<typeof EvaluationSummarySchema>;

export const VersionMetadataSchema = z.object({
  schema_version: z.literal(REGISTRY_SCHEMA_VERSION),
  kind: z.literal('mlops/registry-version'),
  name: z.string().regex(MODEL_NAME),
  version: z.number().int().positive(),
  created_at: z.string(),
  actor: z.string(),
  description: z.string().optional(),
  limitations: z.string().optional(),
  model: z.object({
    file: z.string(),
    sha256: Sha256,
    size_bytes: z.number().int().nonnegative(),
    format: z.string(),
    framework: z.string().optional(),
    signature: z.object({ inputs: z.array(TensorSchema), outputs: z.array(TensorSchema) }).optional(),
    /** A model with one [N, k] input (another framework's export): the k data columns, in order. */
    features: z.array(z.string()).optional(),
    storage: ModelStorageSchema,
  }),
  source: SourceSchema,
  params: z.record(z.string(), z.unknown()),
  metrics: z.record(z.string(), z.number()),
  data: z.object({
    fingerprint: z.string().optional(),
    rows: z.number().int().nonnegative().optional(),
    profile: z.string().optional(),
  }),
  lineage: StoredLineageSchema.optional(),
  card: z.string(),
  evaluation: EvaluationSummarySchema.optional(),
  /** DATA_CARD.md beside the model card (versions registered before data cards have none). */
  data_card: z.string().optional(),
});
export type VersionMetadata = z.infer<typeof VersionMetadataSchema>;

export const EVENT_TYPES = ['register', 'promote', 'rollback', 'deprecate', 'image'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EventSchema = z.object({
  schema_version: z.literal(REGISTRY_SCHEMA_VERSION),
  kind: z.literal('mlops/registry-event'),
  seq: z.number().int().positive(),
  type: z.enum(EVENT_TYPES),
  name: z.string(),
  version: z.number().int().positive(),
  stage: z.string().optional(),
  /** The version that held the stage before this event, if any. */
  previous: z.number().int().positive().optional(),
  at: z.string(),
  actor: z.string(),
  reason: z.string().optional(),
  /** For `image` events: the image reference with its digest (name@sha256:…). */
  image: z.string().optional(),
  run_id: z.string().optional(),
  run_url: z.string().optional(),
});
export type RegistryEvent = z.infer<typeof EventSchema>;

/** Where each file lives on the branch. */
export const paths = {
  config: 'registry.json',
  modelsDir: 'models',
  modelDir: (name: string) => `models/${name}`,
  index: (name: string) => `models/${name}/index.json`,
  versionsDir: (name: string) => `models/${name}/versions`,
  versionDir: (name: string, version: number) => `models/${name}/versions/${version}`,
  metadata: (name: string, version: number) => `models/${name}/versions/${version}/metadata.json`,
  eventsDir: (name: string) => `models/${name}/events`,
  eventShard: (name: string, seq: number) => `models/${name}/events/${String(Math.floor((seq - 1) / EVENTS_PER_SHARD)).padStart(6, '0')}.jsonl`,
};

/** Parses a stored JSON file against its schema; a broken file is named, never half-read. */
export function parseStored<T>(schema: z.ZodType<T>, text: string, where: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new MlopsError(`${where}: corrupt registry file, not valid JSON (${(err as Error).message})`);
  }
  const version = (json as { schema_version?: unknown })?.schema_version;
  if (typeof version === 'number' && version > REGISTRY_SCHEMA_VERSION) {
    throw new MlopsError(`${where}: registry schema_version ${version} is newer than this mlops supports (${REGISTRY_SCHEMA_VERSION}); upgrade mlops`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MlopsError(`${where}: corrupt registry file: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}

export function parseEvents(text: string, where: string): RegistryEvent[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, i }) => parseStored(EventSchema, line, `${where} line ${i + 1}`));
}

/** Stable JSON with a trailing newline, so both backends write byte-identical blobs. */
export function stringify(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

export function versionLabel(version: number): string {
  return `v${version}`;
}
