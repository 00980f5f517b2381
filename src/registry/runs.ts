import { resolve } from 'node:path';
import { buildRun, flattenParams, type RunParts } from '../runs/record.ts';
import { sourceInfo } from '../model/lineage-record.ts';
import { TrialConfigError } from '../model/sweep.ts';
import { planTraining, runTraining, type TrainOutcome, type TrainPlan, type TrainRequest } from '../model/train-run.ts';
import type { RunRecord } from '../runs/schema.ts';
import { RUNS_ROOT, importRunsToDir, runFile, runText, sameRun, writeRunToDir, type RunSource } from '../runs/store.ts';
import { MlopsError, errorMessage } from '../util/errors.ts';
import { openStore } from './open.ts';
import type { RegistryStore, Snapshot } from './store.ts';
import { mutate, type RetryPolicy } from './transaction.ts';

/** Where a run is written: a folder, or the registry branch through the compare-and-swap. */
export type RunTarget = { dir: string } | { store: RegistryStore; now: () => Date; retry?: Partial<RetryPolicy> };

/** The folder runs go to when neither --runs-dir nor a registry is configured. */
export const DEFAULT_RUNS_DIR = '.mlops/runs';

export interface RunLocationOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** --runs-dir (else MLOPS_RUNS_DIR). */
  runsDir?: string;
  remote?: string;
  branch?: string;
  backend?: 'git' | 'github';
  repo?: string;
  apiUrl?: string;
  cacheDir?: string;
  /** Write to the registry branch even when no remote is named (the checkout's origin, as the registry verbs default to). */
  registry?: boolean;
}

export interface RunLocation {
  /** Where, for messages: a folder or `<remote> (branch B)`. */
  description: string;
  source: RunSource;
  target: (now: () => Date) => RunTarget;
  close(): Promise<void>;
}

/**
 * Where runs are kept, the same for writing (`mlops train`) and reading (`mlops runs`):
 * `--runs-dir DIR` (or MLOPS_RUNS_DIR) when given; else the registry branch's `runs/` when a
 * registry is named (--remote, MLOPS_REGISTRY_REMOTE, or the github backend); else
 * `.mlops/runs` in the working directory. A local `mlops train` in a checkout therefore never
 * pushes to its origin unless asked to.
 */
export async function openRunLocation(o: RunLocationOptions): Promise<RunLocation> {
  const dirOption = o.runsDir ?? (o.env.MLOPS_RUNS_DIR || undefined);
  const backend = o.backend ?? (o.env.MLOPS_REGISTRY_BACKEND === 'github' ? 'github' : 'git');
  const registry = o.registry === true || o.remote !== undefined || !!o.env.MLOPS_REGISTRY_REMOTE || backend === 'github';
  if (dirOption !== undefined || !registry) {
    const dir = resolve(o.cwd, dirOption ?? DEFAULT_RUNS_DIR);
    return { description: dir, source: { dir }, target: () => ({ dir }), close: async () => undefined };
  }
  const store: RegistryStore = await openStore({
    backend,
    cwd: o.cwd,
    env: o.env,
    remote: o.remote,
    branch: o.branch,
    repo: o.repo,
    apiUrl: o.apiUrl,
    cacheDir: o.cacheDir,
  });
  return { description: store.description, source: { store }, target: (now) => ({ store, now }), close: () => store.close() };
}

/**
 * Writes a run once. A run is never rewritten: an existing id is refused, in a folder by a hard
 * link and on the branch by the compare-and-swap, which re-checks the id against every fresh
 * head it retries on. Returns where the record went.
 */
export async function writeRun(target: RunTarget, record: RunRecord): Promise<string> {
  if ('dir' in target) return writeRunToDir(target.dir, record);
  const text = runText(record);
  const path = `${RUNS_ROOT}/${runFile(record.id)}`;
  await mutate(
    target.store,
    async (snapshot) => {
      if ((await snapshot.readFile(path)) !== null)
        throw new MlopsError(`${target.store.description}: run ${record.id} already exists at ${path}; a run is never rewritten`);
      return { message: `run ${record.id}: ${record.model} ${record.status}`, changes: [{ path, content: Buffer.from(text) }], tags: [], result: undefined };
    },
    { now: target.now, retry: target.retry },
  );
  return `${target.store.description}:${path}`;
}

/**
 * Copies runs into a target (a sweep's trial records into the registry branch): runs already there
 * with the same content are skipped, a different record under an existing id is refused, and on
 * the branch all new runs land in one commit (none when nothing is new). Returns the ids written.
 */
export async function importRuns(target: RunTarget, runs: readonly RunRecord[]): Promise<string[]> {
  if ('dir' in target) return importRunsToDir(target.dir, runs);
  const texts = runs.map((run) => ({ run, text: runText(run), path: `${RUNS_ROOT}/${runFile(run.id)}` }));
  const freshIn = async (snapshot: Snapshot) => {
    const existing = await snapshot.readFiles(texts.map((t) => t.path));
    return texts.filter(({ run, text, path }, i) => {
      if (existing[i] === null) return true;
      if (!sameRun(existing[i]!, text, path)) throw new MlopsError(`${path}: a different run ${run.id} is already there; a run is never rewritten`);
      return false;
    });
  };
  if ((await freshIn(await target.store.snapshot())).length === 0) return [];
  const committed = await mutate(
    target.store,
    async (snapshot) => {
      const fresh = await freshIn(snapshot);
      const ids = fresh.map(({ run }) => run.id);
      return {
        message: `runs: ${ids.length} imported${ids.length > 0 ? ` (${ids[0]}${ids.length > 1 ? ` … ${ids.at(-1)}` : ''})` : ''}`,
        changes: fresh.map(({ path, text }) => ({ path, content: Buffer.from(text) })),
        tags: [],
        result: ids,
      };
    },
    { now: target.now, retry: target.retry },
  );
  return committed.result;
}

/** Builds the run and writes it where `location` says; returns the record and where it went. */
export async function saveRun(location: RunLocation, now: () => Date, parts: RunParts): Promise<{ run: RunRecord; where: string }> {
  const run = buildRun(parts);
  return { run, where: await writeRun(location.target(now), run) };
}

/**
 * One training, recorded whatever happens: `mlops train` and the train action both run it. The
 * plan (params, sweep trial) is made first, so a run that fails — an invalid trial, a trainer
 * error, a command that exits non-zero — is still recorded with what it tried and the error
 * line. A failed run's record that cannot be written only warns: the training error is the one
 * the user must see. Returns the outcome and the run it recorded.
 */
export async function trainAndRecord(
  request: TrainRequest,
  location: RunLocation,
  meta: {
    model: string;
    artifact?: (outcome: Extract<TrainOutcome, { failed: false }>) => RunRecord['artifact'];
    log: (line: string) => void;
    warn: (line: string) => void;
  },
): Promise<{ outcome: TrainOutcome; run?: RunRecord }> {
  const started = { at: request.now(), t0: performance.now() };
  let plan: TrainPlan | undefined;
  const save = async (parts: Partial<RunParts>) => {
    const { run, where } = await saveRun(location, request.now, {
      source: {},
      ...parts,
      params: plan?.params ?? {},
      ...(plan?.sweep ? { sweep: plan.sweep } : {}),
      model: meta.model,
      env: request.env,
      startedAt: started.at,
      durationMs: performance.now() - started.t0,
    });
    meta.log(`run ${run.id} (${run.status}) recorded in ${where}`);
    return run;
  };
  const failed = async (error: string) => {
    try {
      return await save({ error, source: await sourceInfo(request.env, request.exec, request.cwd) });
    } catch (err) {
      meta.warn(`the failed run was not recorded: ${errorMessage(err)}`);
      return undefined;
    }
  };
  try {
    plan = await planTraining(request);
  } catch (err) {
    if (err instanceof TrialConfigError) {
      plan = { params: flattenParams(err.attempted), ...(err.sweep ? { sweep: err.sweep } : {}) };
      await failed(err.message);
    }
    throw err;
  }
  let outcome: TrainOutcome;
  try {
    outcome = await runTraining(request, plan);
  } catch (err) {
    await failed(errorMessage(err));
    throw err;
  }
  if (outcome.failed) return { outcome, run: await failed(`the training command failed with exit code ${outcome.exitCode}`) };
  const { lineage } = outcome;
  const artifact = meta.artifact?.(outcome);
  const run = await save({
    metrics: outcome.metrics,
    dataFingerprint: lineage.data.fingerprint,
    source: lineage.source,
    backend: outcome.backend,
    gpus: lineage.environment.gpu,
    ...(artifact ? { artifact } : {}),
  });
  return { outcome, run };
}
