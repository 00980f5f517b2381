import { parseFeatureList } from '../model/feature-order.ts';
import { LineageSchema, type Lineage } from '../model/lineage.ts';
import { parseProfile } from '../profile/profile.ts';
import type { Profile } from '../profile/schema.ts';
import { MlopsError } from '../util/errors.ts';
import { readText } from '../util/fs.ts';
import { gitText } from './git.ts';
import { resolve } from 'node:path';
import { DEFAULT_MAX_INLINE_BYTES, type EvaluationSummary, type Source } from './format.ts';
import { register, type RegisterResult, type RegistryContext } from './operations.ts';
import type { Committed } from './transaction.ts';

/** Who is acting and from which workflow run: flags first, then the Actions environment. */
export function actorFromEnv(env: NodeJS.ProcessEnv, flags: { actor?: string; runId?: string; runUrl?: string } = {}) {
  const id = flags.runId ?? (env.GITHUB_RUN_ID || undefined);
  const url =
    flags.runUrl ??
    (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined);
  return {
    actor: flags.actor ?? (env.GITHUB_ACTOR || env.USER || 'unknown'),
    run: { ...(id ? { id } : {}), ...(url ? { url } : {}) },
  };
}

/** The source commit of a registration: --commit, GITHUB_SHA, or HEAD of the checkout at cwd. */
export async function sourceFromEnv(
  env: NodeJS.ProcessEnv,
  cwd: string,
  flags: { commit?: string; actor: string; runId?: string; runUrl?: string },
): Promise<Source> {
  const commit = flags.commit ?? (env.GITHUB_SHA || (await gitText(['rev-parse', 'HEAD'], { cwd }).catch(() => undefined)));
  const source: Source = {
    commit,
    ref: env.GITHUB_REF || undefined,
    repository: env.GITHUB_REPOSITORY || undefined,
    run_id: flags.runId,
    run_url: flags.runUrl,
    actor: flags.actor,
    workflow: env.GITHUB_WORKFLOW || undefined,
  };
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined)) as Source;
}

async function readJson(file: string): Promise<unknown> {
  const text = await readText(file);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new MlopsError(`${file}: not valid JSON (${(err as Error).message})`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{"roc_auc": 0.91}` or any report with a `metrics` object; only numeric entries are kept. */
export async function readMetricsFile(file: string): Promise<Record<string, number>> {
  const json = await readJson(file);
  const body = isObject(json) && isObject(json.metrics) ? json.metrics : json;
  if (!isObject(body)) throw new MlopsError(`${file}: expected a JSON object of metric name to number`);
  const metrics = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'number' && Number.isFinite(v))) as Record<string, number>;
  if (Object.keys(metrics).length === 0) throw new MlopsError(`${file}: no numeric metrics found (expected e.g. {"roc_auc": 0.91})`);
  return metrics;
}

/** `{"max_depth": 6}` or any document with a `params` object. */
export async function readParamsFile(file: string): Promise<Record<string, unknown>> {
  const json = await readJson(file);
  const body = isObject(json) && isObject(json.params) ? json.params : json;
  if (!isObject(body)) throw new MlopsError(`${file}: expected a JSON object of parameter name to value`);
  return body;
}

export async function readProfileFile(file: string): Promise<Profile> {
  return parseProfile(await readText(file), file);
}

export async function readLineageFile(file: string): Promise<Lineage> {
  const result = LineageSchema.safeParse(await readJson(file));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MlopsError(`${file}: not a valid lineage: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}

export interface RegisterFiles {
  name: string;
  model: string;
  lineage?: string;
  metrics?: string;
  params?: string;
  profile?: string;
  /** Already read, by the caller (src/evaluate/registry-summary.ts): the registry sits below evaluate. */
  evaluation?: EvaluationSummary;
  stage?: string;
  reason?: string;
  commit?: string;
  description?: string;
  limitations?: string;
  framework?: string;
  /** Comma-separated (or a JSON list): the column order of a matrix-input model. */
  features?: string;
  modelUrl?: string;
  maxInlineBytes?: number;
}

/** Reads the files a registration names (paths relative to cwd) and registers the model. */
export async function registerFromFiles(
  ctx: RegistryContext,
  files: RegisterFiles,
  where: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Committed<RegisterResult>> {
  const read = <T>(file: string | undefined, reader: (f: string) => Promise<T>) => (file ? reader(resolve(where.cwd, file)) : Promise.resolve(undefined));
  const evaluation = files.evaluation;
  const [lineage, metrics, params, profile] = await Promise.all([
    read(files.lineage, readLineageFile),
    read(files.metrics, readMetricsFile),
    read(files.params, readParamsFile),
    read(files.profile, readProfileFile),
  ]);
  const source = await sourceFromEnv(where.env, where.cwd, { commit: files.commit, actor: ctx.actor, runId: ctx.run.id, runUrl: ctx.run.url });
  return register(ctx, {
    name: files.name,
    modelFile: resolve(where.cwd, files.model),
    modelUrl: files.modelUrl,
    maxInlineBytes: files.maxInlineBytes ?? DEFAULT_MAX_INLINE_BYTES,
    ...(metrics ? { metrics } : {}),
    ...(params ? { params } : {}),
    ...(profile ? { profile } : {}),
    ...(lineage ? { lineage } : {}),
    ...(evaluation ? { evaluation } : {}),
    source,
    framework: files.framework,
    ...(files.features !== undefined ? { features: parseFeatureList(files.features, 'features') } : {}),
    description: files.description,
    limitations: files.limitations,
    stage: files.stage,
    reason: files.reason,
  });
}
