import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { fileError } from '../util/errors.ts';
import type { Profile } from '../profile/schema.ts';
import { LINEAGE_SCHEMA_VERSION, LineageSchema, type Lineage } from './lineage.ts';
import { describeOnnx } from './runtime.ts';

/** Runs a program and returns its stdout, or undefined when it is absent or fails. */
export type Exec = (file: string, args: string[], options?: { cwd?: string }) => Promise<string | undefined>;

export const execProgram: Exec = (file, args, options = {}) =>
  new Promise((resolve) => {
    execFile(file, args, { cwd: options.cwd, timeout: 15_000, encoding: 'utf8' }, (err, stdout) => resolve(err ? undefined : stdout));
  });

export type GpuInfo = NonNullable<Lineage['environment']['gpu']>[number];

/** GPUs as nvidia-smi reports them; empty when there is no NVIDIA driver. */
export async function queryGpus(exec: Exec): Promise<GpuInfo[]> {
  const out = await exec('nvidia-smi', ['--query-gpu=name,memory.total,driver_version', '--format=csv,noheader']);
  if (!out) return [];
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const [name = '', memory_total = '', driver_version = ''] = l.split(',').map((s) => s.trim());
      return { name, memory_total, driver_version };
    });
}

/**
 * The data fingerprint: sha256 over the training files' bytes concatenated in the given
 * (sorted) order, plus each file's own hash, so the same data gives the same key anywhere.
 */
export async function fingerprintFiles(files: readonly string[]): Promise<{ fingerprint: string; files: Lineage['data']['files'] }> {
  const all = createHash('sha256');
  const out: Lineage['data']['files'] = [];
  for (const path of files) {
    const one = createHash('sha256');
    let bytes = 0;
    try {
      for await (const chunk of createReadStream(path)) {
        all.update(chunk as Buffer);
        one.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
      }
    } catch (err) {
      throw fileError(path, err);
    }
    out.push({ path, sha256: one.digest('hex'), bytes });
  }
  return { fingerprint: `sha256:${all.digest('hex')}`, files: out };
}

/** Where the code came from: the Actions context when present, else the local git HEAD. */
export async function sourceInfo(env: NodeJS.ProcessEnv, exec: Exec, cwd: string): Promise<Lineage['source']> {
  const commit = env.GITHUB_SHA ?? (await exec('git', ['rev-parse', 'HEAD'], { cwd }))?.trim();
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runUrl = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  return prune({
    commit: commit || undefined,
    ref: env.GITHUB_REF,
    repository: env.GITHUB_REPOSITORY,
    run_id: env.GITHUB_RUN_ID,
    run_url: runUrl,
    actor: env.GITHUB_ACTOR,
    workflow: env.GITHUB_WORKFLOW,
  });
}

/**
 * Runner labels are not exposed to jobs, so they are rebuilt from what is: the runner's
 * environment (github-hosted/self-hosted), OS and arch, plus MLOPS_RUNNER_LABELS (the
 * action's `runner-labels` input) for custom labels such as "gpu".
 */
export function runnerLabels(env: NodeJS.ProcessEnv): string[] | undefined {
  const labels = [env.RUNNER_ENVIRONMENT, env.RUNNER_OS, env.RUNNER_ARCH, ...(env.MLOPS_RUNNER_LABELS ?? '').split(',')]
    .map((l) => l?.trim())
    .filter((l): l is string => !!l);
  return labels.length > 0 ? [...new Set(labels)] : undefined;
}

export function environmentInfo(env: NodeJS.ProcessEnv, gpus: GpuInfo[], packages: Record<string, string>, backend?: string): Lineage['environment'] {
  return prune({
    runner_name: env.RUNNER_NAME,
    runner_labels: runnerLabels(env),
    os: `${platform()} ${release()}`,
    arch: arch(),
    cpus: cpus().length,
    memory_bytes: totalmem(),
    gpu: gpus.length > 0 ? gpus : undefined,
    node: process.version,
    packages,
    backend,
  });
}

export interface LineageParts {
  modelFile: string;
  modelBytes: Uint8Array;
  framework: string;
  task?: 'classification' | 'regression';
  target?: string;
  params: Record<string, unknown>;
  metrics: Record<string, number>;
  data: { fingerprint: string; files: Lineage['data']['files']; rows: number; profile?: Profile };
  source: Lineage['source'];
  environment: Lineage['environment'];
  seed?: number;
  run?: Lineage['run'];
  importance?: Lineage['importance'];
  startedAt: Date;
  durationS: number;
}

/** Assembles and validates the record; `modelFile` is stored as given (relative to lineage.json). */
export function buildLineage(p: LineageParts): Lineage {
  const described = describeOnnx(p.modelBytes, p.modelFile);
  return LineageSchema.parse({
    schema_version: LINEAGE_SCHEMA_VERSION,
    kind: 'mlops/lineage',
    model: prune({
      file: p.modelFile,
      sha256: createHash('sha256').update(p.modelBytes).digest('hex'),
      size_bytes: p.modelBytes.length,
      format: 'onnx',
      framework: p.framework,
      task: p.task,
      target: p.target,
      signature: { inputs: described.inputs, outputs: described.outputs },
    }),
    params: p.params,
    metrics: Object.fromEntries(Object.entries(p.metrics).filter(([, v]) => Number.isFinite(v))),
    data: prune(p.data),
    source: p.source,
    environment: p.environment,
    ...(p.run === undefined ? {} : { run: prune(p.run) }),
    ...(p.seed === undefined ? {} : { seed: p.seed }),
    ...(p.importance === undefined ? {} : { importance: p.importance }),
    started_at: p.startedAt.toISOString(),
    duration_s: p.durationS,
  });
}

function prune<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
