import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { Lineage } from '../model/lineage.ts';
import type { Exec } from '../model/lineage-record.ts';
import { runBuiltinTraining } from '../model/train-builtin.ts';
import { runCommandTraining } from '../model/train-command.ts';
import { TRAIN_CONFIG_SCHEMA_VERSION, TrainConfigSchema, type TrainConfig } from '../model/train-config.ts';
import { fetchVersion, type Download } from '../registry/fetch-model.ts';
import { versionLabel } from '../registry/format.ts';
import { readMetadata, resolveVersion } from '../registry/operations.ts';
import type { ModelRef } from '../registry/refs.ts';
import type { Snapshot } from '../registry/store.ts';
import { MlopsError, errorMessage } from '../util/errors.ts';
import { compareInitializers, compareMetrics } from './compare.ts';
import { fetchTrainingData } from './fetch-data.ts';
import type { Git, RunArgv } from './process.ts';
import { REPRODUCE_REPORT_SCHEMA_VERSION, ReproduceReportSchema, summarize, type ReproduceReport } from './report.ts';
import { materialiseCommit } from './source.ts';

export interface ReproduceOptions {
  snapshot: Snapshot;
  ref: ModelRef;
  /** The user's checkout: the recorded commit is checked out from its repository. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  git: Git;
  run: RunArgv;
  exec: Exec;
  download?: Download;
  /** `--fetch-command` split into words; empty when not given. */
  fetchCommand: string[];
  /** Absolute metric tolerance for runs that cannot be bit-exact. */
  tolerance: number;
  producerVersion: string;
  /** Where the reproduced model, metrics and lineage are kept (under reproduced/); nothing is kept without it. */
  outDir?: string;
  log: (line: string) => void;
  /** The command trainer's own output goes here (stderr: stdout carries the report). */
  commandOutput: Writable;
}

/** GPU kernels are not bit-reproducible (reduction order, atomics): those runs compare metrics within a tolerance. */
const GPU_BACKENDS = new Set(['tensorflow-gpu']);

/**
 * Re-runs the training a registered version records and says whether it came out the same:
 * source at the recorded commit (a temporary worktree), each data file fetched and checked
 * against its sha256, the recorded trainer with the recorded config, seed and backend, then
 * weights and metrics compared. Data that hashes differently stops before training (the
 * report says which file); everything temporary is removed on the way out.
 */
export async function reproduce(o: ReproduceOptions): Promise<ReproduceReport> {
  const version = await resolveVersion(o.snapshot, o.ref);
  const label = `${o.ref.name} ${versionLabel(version)}`;
  const meta = await readMetadata(o.snapshot, o.ref.name, version);
  const lineage = meta.lineage;
  if (!lineage) throw new MlopsError(`${label} was registered without a lineage (mlops registry register --lineage): there is no training record to reproduce`);
  const commit = lineage.source.commit;
  if (!commit) throw new MlopsError(`${label}: its lineage records no source commit, so the code it was trained with is unknown`);
  const trainer: ReproduceReport['trainer'] | undefined =
    lineage.params.trainer === 'command' ? 'command' : lineage.params.trainer === 'builtin' ? 'builtin' : undefined;
  if (!trainer) throw new MlopsError(`${label}: its lineage records no trainer (params.trainer builtin or command)`);
  const backend = lineage.environment.backend;
  const exact = trainer === 'builtin' && !GPU_BACKENDS.has(backend ?? '');

  const scratch = await mkdtemp(join(o.env.RUNNER_TEMP || tmpdir(), `mlops-reproduce-${o.ref.name}-`));
  try {
    const registered = await fetchVersion(o.snapshot, { name: o.ref.name, version }, join(scratch, 'registered'), o.download);
    o.log(`reproducing ${label}: ${trainer} trainer${backend ? ` (${backend})` : ''} at ${commit.slice(0, 12)}`);
    const source = await materialiseCommit(o.git, o.cwd, commit, scratch);
    try {
      const workDir = resolve(source.dir, lineage.source.directory ?? '');
      const data = await fetchTrainingData(lineage.data.files, {
        git: o.git,
        run: o.run,
        source,
        workDir,
        fetchCommand: o.fetchCommand,
        env: o.env,
        log: o.log,
      });
      for (const d of data)
        o.log(`data ${d.path}: ${d.matched ? 'sha256 matches' : `sha256 ${d.sha256_actual}, the lineage records ${d.sha256_expected}`} (${d.via})`);
      const base: Omit<ReproduceReport, 'reproduced' | 'summary' | 'metrics' | 'weights'> = {
        schema_version: REPRODUCE_REPORT_SCHEMA_VERSION,
        kind: 'mlops/reproduce-report',
        model: o.ref.name,
        version: versionLabel(version),
        commit,
        trainer,
        ...(backend ? { backend } : {}),
        mode: exact ? 'exact' : 'tolerance',
        tolerance: exact ? null : o.tolerance,
        data,
      };
      if (data.some((d) => !d.matched)) return finish({ ...base, metrics: [] });

      const out = join(scratch, 'out');
      const trained =
        trainer === 'builtin'
          ? await trainBuiltin(
              lineage,
              data.map((d) => resolve(workDir, d.path)),
              workDir,
              out,
              o,
              label,
            )
          : await trainCommand(lineage, workDir, out, o, label);
      if ('failed' in trained) throw new MlopsError(`${label}: ${trained.failed}`, { exitCode: 1 });
      const weights = compareInitializers(await readFile(registered.modelFile), await readFile(trained.modelFile));
      const metrics = compareMetrics(lineage.metrics, trained.metrics, exact ? null : o.tolerance);
      if (o.outDir) await keep(trained, resolve(o.cwd, o.outDir, 'reproduced'));
      return finish({ ...base, weights, metrics });
    } finally {
      await source.cleanup();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function finish(r: Omit<ReproduceReport, 'reproduced' | 'summary'>): ReproduceReport {
  const dataOk = r.data.every((d) => d.matched);
  const metricsOk = r.metrics.every((m) => m.matched);
  // Without metrics to compare (a command that writes none) only identical weights show it reproduced.
  const weightsDecide = r.mode === 'exact' || r.metrics.length === 0;
  const reproduced = dataOk && metricsOk && (!weightsDecide || r.weights?.identical === true);
  return ReproduceReportSchema.parse({ ...r, reproduced, summary: summarize(r) });
}

type Trained = { modelFile: string; metrics: Record<string, number>; files: string[] } | { failed: string };

/** The train.yml the version was trained with, rebuilt from the lineage's params. */
export function recordedTrainConfig(lineage: Lineage, label: string): TrainConfig {
  const p = lineage.params;
  const features = p.feature_selection ?? (Array.isArray(p.features) ? { include: p.features } : undefined);
  const parsed = TrainConfigSchema.safeParse({
    schema_version: TRAIN_CONFIG_SCHEMA_VERSION,
    ...(lineage.model.target ? { target: lineage.model.target } : {}),
    ...(lineage.model.task ? { task: lineage.model.task } : {}),
    model: p.model,
    training: p.training,
    ...(features ? { features } : {}),
    ...(lineage.environment.backend ? { backend: lineage.environment.backend } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MlopsError(`${label}: the lineage's training parameters are not a train config this mlops reads (${issue.path.join('.')}: ${issue.message})`);
  }
  return parsed.data;
}

async function trainBuiltin(lineage: Lineage, files: string[], cwd: string, outDir: string, o: ReproduceOptions, label: string): Promise<Trained> {
  const config = recordedTrainConfig(lineage, label);
  if (!config.target || !config.task) throw new MlopsError(`${label}: the lineage records no target and task`);
  // The recorded backend, not whatever MLOPS_TF_BACKEND this shell has.
  const env = { ...o.env };
  delete env.MLOPS_TF_BACKEND;
  const r = await runBuiltinTraining({
    files,
    target: config.target,
    task: config.task,
    config,
    outDir,
    log: o.log,
    env,
    now: o.now,
    exec: o.exec,
    cwd,
    producerVersion: o.producerVersion,
  });
  return { modelFile: r.modelFile, metrics: r.metrics, files: [r.modelFile, r.metricsFile, r.lineageFile] };
}

async function trainCommand(lineage: Lineage, cwd: string, outDir: string, o: ReproduceOptions, label: string): Promise<Trained> {
  const command = lineage.run?.command ?? (typeof lineage.params.command === 'string' ? lineage.params.command : undefined);
  const outputs = Array.isArray(lineage.params.outputs) ? (lineage.params.outputs as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  if (!command || outputs.length === 0) throw new MlopsError(`${label}: the lineage records no training command and outputs`);
  let r;
  try {
    r = await runCommandTraining({
      command,
      outputs,
      outDir,
      dataFiles: lineage.data.files.map((f) => f.path),
      cwd,
      env: o.env,
      now: o.now,
      exec: o.exec,
      stdout: o.commandOutput,
      stderr: o.commandOutput,
      log: o.log,
      producerVersion: o.producerVersion,
      seed: lineage.seed,
    });
  } catch (err) {
    if (err instanceof MlopsError && err.exitCode === 1) return { failed: errorMessage(err) };
    throw err;
  }
  if (r.exitCode !== 0 || !r.modelFile || !r.metrics) return { failed: `the recorded training command exited with code ${r.exitCode}` };
  return { modelFile: r.modelFile, metrics: r.metrics, files: [r.modelFile, r.lineageFile!] };
}

async function keep(trained: Exclude<Trained, { failed: string }>, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const f of trained.files) await copyFile(f, join(dir, basename(f)));
}
