import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { ResolvedRegistryModel } from '../registry/resolve.ts';
import { LineageSchema, type Lineage } from '../model/lineage.ts';
import { describeOnnx } from '../model/runtime.ts';
import { MlopsError, errorMessage } from '../util/errors.ts';
import { readText } from '../util/fs.ts';
import type { Profile } from '../profile/schema.ts';
import { FeatureRangeSchema, rangesFromOnnxMetadata, rangesFromProfile, type FeatureRanges } from './ranges.ts';

export const SERVING_SCHEMA_VERSION = 1;
export const SERVING_FILE = 'serving.json';

/** What ties a served model to its origin; it goes to /metadata and to the image's OCI labels. */
export const LineageSummarySchema = z.object({
  source_commit: z.string().optional(),
  source_repository: z.string().optional(),
  run_url: z.string().optional(),
  data_fingerprint: z.string().optional(),
  registry_commit: z.string().optional(),
  framework: z.string().optional(),
  trained_at: z.string().optional(),
  metrics: z.record(z.string(), z.number()).optional(),
});
export type LineageSummary = z.infer<typeof LineageSummarySchema>;

const TensorSchema = z.object({ name: z.string(), type: z.string(), shape: z.array(z.union([z.number(), z.string()])) });

/**
 * serving.json, written next to the model by `mlops build-context`: the served name, version
 * and lineage, so the container needs neither the registry nor git at run time.
 */
export const ServingManifestSchema = z.object({
  schema_version: z.literal(SERVING_SCHEMA_VERSION),
  kind: z.literal('mlops/serving-model'),
  name: z.string().min(1),
  version: z.string().min(1),
  model_file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.object({ inputs: z.array(TensorSchema), outputs: z.array(TensorSchema) }),
  lineage: LineageSummarySchema,
  /** What training saw of each numeric column (see ranges.ts); absent for a model that records neither profile nor preprocessing. */
  feature_ranges: z.record(z.string(), FeatureRangeSchema).optional(),
});
export type ServingManifest = z.infer<typeof ServingManifestSchema>;

/** A model file on disk with everything known about it, whichever way it was named. */
export interface ModelSource {
  modelFile: string;
  manifest: ServingManifest;
}

export type RegistryResolver = (ref: string, options: { cwd: string; env: NodeJS.ProcessEnv }) => Promise<ResolvedRegistryModel>;

export interface ResolveOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Overrides of the name and version (otherwise from the registry, serving.json, or the file). */
  name?: string;
  version?: string;
  /** Fetches registry references (src/registry/resolve.ts); without it they are refused. */
  resolveRegistry?: RegistryResolver;
}

/**
 * `registry:NAME#STAGE` / `registry:NAME@VERSION` fetch from the registry branch; a path to an
 * .onnx file takes its name and version from a serving.json beside it, else its lineage.json
 * beside it, else the file name and `sha-` + the first 12 hex digits of its sha256.
 */
export async function resolveModelSource(ref: string, options: ResolveOptions): Promise<ModelSource> {
  if (ref.startsWith('registry:')) {
    if (!options.resolveRegistry)
      throw new MlopsError(`${ref}: this server has no registry access; bake the model in with mlops build-context or pass an .onnx file`);
    const resolved = await options.resolveRegistry(ref, { cwd: options.cwd, env: options.env });
    const bytes = await readModel(resolved.modelFile);
    return {
      modelFile: resolved.modelFile,
      manifest: manifestFor(resolved.modelFile, bytes, {
        name: options.name ?? resolved.name,
        version: options.version ?? resolved.version,
        lineage: summaryFromRegistry(resolved.metadata),
        profile: resolved.profile,
      }),
    };
  }
  const modelFile = resolve(options.cwd, ref);
  const bytes = await readModel(modelFile);
  const stored = await readSiblingManifest(modelFile);
  if (stored) {
    if (stored.sha256 !== sha256(bytes))
      throw new MlopsError(`${join(dirname(modelFile), SERVING_FILE)}: its sha256 does not match ${basename(modelFile)} (rebuild the context)`);
    // A serving.json written before feature ranges existed: the graph's preprocessing still knows them.
    const ranges = stored.feature_ranges ?? nonEmpty(rangesFromOnnxMetadata(describeOnnx(bytes, modelFile).metadata));
    return {
      modelFile,
      manifest: { ...stored, name: options.name ?? stored.name, version: options.version ?? stored.version, ...(ranges ? { feature_ranges: ranges } : {}) },
    };
  }
  const lineage = await readSiblingLineage(modelFile);
  return {
    modelFile,
    manifest: manifestFor(modelFile, bytes, {
      name: options.name ?? basename(modelFile, extname(modelFile)),
      version: options.version ?? `sha-${sha256(bytes).slice(0, 12)}`,
      lineage: lineage ? summaryFromLineage(lineage) : {},
      profile: lineage?.data.profile,
    }),
  };
}

/** The training profile gives exact ranges; without one, the preprocessing stored in the graph gives approximate ones. */
function manifestFor(file: string, bytes: Uint8Array, fields: { name: string; version: string; lineage: LineageSummary; profile?: Profile }): ServingManifest {
  const { inputs, outputs, metadata } = describeOnnx(bytes, file);
  const ranges = nonEmpty(fields.profile ? rangesFromProfile(fields.profile) : rangesFromOnnxMetadata(metadata));
  return {
    schema_version: SERVING_SCHEMA_VERSION,
    kind: 'mlops/serving-model',
    name: fields.name,
    version: fields.version,
    model_file: basename(file),
    sha256: sha256(bytes),
    signature: { inputs, outputs },
    lineage: fields.lineage,
    ...(ranges ? { feature_ranges: ranges } : {}),
  };
}

function nonEmpty(ranges: FeatureRanges): FeatureRanges | undefined {
  return Object.keys(ranges).length > 0 ? ranges : undefined;
}

export function summaryFromLineage(lineage: Lineage): LineageSummary {
  return compact({
    source_commit: lineage.source.commit,
    source_repository: lineage.source.repository,
    run_url: lineage.source.run_url,
    data_fingerprint: lineage.data.fingerprint,
    framework: lineage.model.framework,
    trained_at: lineage.started_at,
    metrics: Object.keys(lineage.metrics).length > 0 ? lineage.metrics : undefined,
  });
}

/**
 * Reads the registry's version metadata leniently: serving must not break on an extra or missing
 * field. The stored training lineage wins over the registration's own source (the commit that
 * trained the model, not the one that registered it).
 */
function summaryFromRegistry(metadata: Record<string, unknown>): LineageSummary {
  const object = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const lineage = object(metadata.lineage);
  const trainedFrom = object(lineage.source);
  const registeredFrom = object(metadata.source);
  const from = (key: string) => text(trainedFrom[key]) ?? text(registeredFrom[key]);
  const metrics = object(metadata.metrics);
  const numeric = Object.fromEntries(Object.entries(metrics).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
  return compact({
    source_commit: from('commit'),
    source_repository: from('repository'),
    run_url: from('run_url'),
    data_fingerprint: text(object(lineage.data).fingerprint) ?? text(object(metadata.data).fingerprint),
    registry_commit: text(metadata.registry_commit),
    framework: text(object(metadata.model).framework),
    trained_at: text(lineage.started_at) ?? text(metadata.created_at),
    metrics: Object.keys(numeric).length > 0 ? numeric : undefined,
  });
}

async function readSiblingManifest(modelFile: string): Promise<ServingManifest | undefined> {
  const file = join(dirname(modelFile), SERVING_FILE);
  if (!existsSync(file)) return undefined;
  const parsed = ServingManifestSchema.safeParse(parseJson(await readText(file), file));
  if (!parsed.success)
    throw new MlopsError(`${file}: not a valid serving manifest (${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message})`);
  return parsed.data.model_file === basename(modelFile) ? parsed.data : undefined;
}

async function readSiblingLineage(modelFile: string): Promise<Lineage | undefined> {
  const file = join(dirname(modelFile), 'lineage.json');
  if (!existsSync(file)) return undefined;
  const parsed = LineageSchema.safeParse(parseJson(await readText(file), file));
  if (!parsed.success)
    throw new MlopsError(`${file}: not a valid lineage record (${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message})`);
  return parsed.data;
}

async function readModel(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (err) {
    throw new MlopsError(`${file}: cannot read the model (${errorMessage(err)})`);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new MlopsError(`${file}: not valid JSON (${errorMessage(err)})`);
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
