import type { Command, CliIO } from '../command.ts';
import { listOption, oneOf, parseCommandArgs } from '../args.ts';
import { VERSION } from '../../version.ts';
import { expandDataPaths } from '../../data/read.ts';
import { MlopsError, errorMessage } from '../../util/errors.ts';
import { execProgram, sourceInfo } from '../../model/lineage-record.ts';
import { defaultTrainConfig, readTrainConfig, TRAIN_CONFIG_SCHEMA_VERSION, type TrainConfig } from '../../model/train-config.ts';
import { runBuiltinTraining } from '../../model/train-builtin.ts';
import { runCommandTraining } from '../../model/train-command.ts';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseProjectConfig } from '../../project/config.ts';
import { flattenParams, type RunParts } from '../../runs/record.ts';
import { planSweep, trialConfig, TrialConfigError } from '../../model/sweep.ts';
import { openRunLocation, saveRun, DEFAULT_RUNS_DIR, type RunLocation } from '../../registry/runs.ts';
import { registryLocationOptions } from '../registry-flags.ts';

const help = `mlops train: train a model and record its lineage (data fingerprint, profile, git SHA, runner, hardware).

Usage:
  mlops train --data FILE... --target COLUMN --task classification|regression [--config train.yml] [--out DIR]
  mlops train --command "CMD" --outputs model.onnx[,metrics.json] [--data FILE...] [--out DIR]

Built-in trainer (TensorFlow.js; logistic/linear regression or an MLP):
  --data FILE      training data: CSV/TSV, JSONL or Parquet; globs and repeated flags read several files
  --target COL     the column to predict (or "target:" in the config)
  --task T         classification or regression (or "task:" in the config; default classification)
  --config FILE    train.yml (schema_version: ${TRAIN_CONFIG_SCHEMA_VERSION}): model type and layers, epochs, batch size,
                   learning rate, validation split, early stopping, seed, features to include/exclude,
                   backend (auto, tensorflow-gpu, tensorflow, wasm, cpu); every field has a default
  --out DIR        where model.onnx, metrics.json and lineage.json go (default: model)
  --delimiter C    CSV delimiter (default: detected)
  --seed N         override training.seed (split, initial weights, batch order)
  --trial K        train trial K of the config's sweep: (see mlops sweep plan) its parameter
                   values replace the config's; the run records the sweep id and K
  The data is split into training and validation rows with the seed; preprocessing (mean/mode
  imputation, standardisation, one-hot) is fitted on the training rows and exported inside the
  ONNX graph, which is checked against the tfjs model on the validation rows before it is written.
  Backend: the best installed of tfjs-node-gpu, tfjs-node, wasm, cpu; MLOPS_TF_BACKEND forces one.

Command trainer (any framework):
  --command CMD    run CMD with sh -c, streaming its log; exit code, duration, peak memory and GPUs
                   (nvidia-smi) are recorded
  --outputs LIST   files CMD writes: exactly one .onnx model and optionally a metrics .json (a flat
                   object of numbers); the model must load in onnxruntime
  --data FILE      optional: the training data, for the fingerprint and profile in the lineage
  --out DIR        where lineage.json and copies of the outputs go (default: the model's folder)
  --seed N         record the seed the command used
  A failing command exits 1 with its exit code in the message and writes no lineage.

Every run is recorded, failed ones too (status failed and the error line), as one small JSON
record (params, metrics, data fingerprint, commit, ref, PR, runner, backend, GPU, duration):
  --name NAME      the model the run trains (default: model.name of ./mlops.yml, else the
                   working directory's name)
  --runs-dir DIR   write the record under DIR/<yyyy-mm>/<id>.json   [MLOPS_RUNS_DIR]
  --remote URL|PATH, --branch NAME
                   write it to runs/ on the registry branch instead   [MLOPS_REGISTRY_REMOTE,
                   MLOPS_REGISTRY_BRANCH; MLOPS_REGISTRY_BACKEND=github for the REST API]
  --artifact-name N  the Actions artifact the model is uploaded as (recorded in the run)
  Default: the registry branch when a registry is named, else ${DEFAULT_RUNS_DIR} in the working
  directory (a local run never pushes to your origin unless asked). See mlops runs --help.

Exit codes: 0 trained, 1 the training command failed or its outputs are invalid, 2 bad usage or input.

Examples:
  mlops train --data data/train.csv --target churned --task classification --config train.yml --out model
  MLOPS_TF_BACKEND=cpu mlops train --data 'data/*.parquet' --target price --task regression
  mlops train --command "python train.py" --outputs model.onnx,metrics.json --data data/train.csv
  mlops train --data data/train.csv --config train.yml --trial 3 --runs-dir runs
`;

export const trainCommand: Command = {
  name: 'train',
  help,
  async run(argv, io) {
    const { values } = parseCommandArgs('train', argv, {
      data: { type: 'string', multiple: true },
      target: { type: 'string' },
      task: { type: 'string' },
      config: { type: 'string' },
      out: { type: 'string', short: 'o' },
      delimiter: { type: 'string' },
      command: { type: 'string' },
      outputs: { type: 'string', multiple: true },
      seed: { type: 'string' },
      trial: { type: 'string' },
      name: { type: 'string' },
      'runs-dir': { type: 'string' },
      'artifact-name': { type: 'string' },
      ...registryLocationOptions,
    });
    const log = (line: string) => io.stderr.write(line + '\n');
    const data = listOption(values.data);
    const location = await openRunLocation({ cwd: io.cwd, env: io.env, runsDir: values['runs-dir'], remote: values.remote, branch: values.branch });
    try {
      const recorder = runRecorder(location, io, log, values.name ?? (await projectModelName(io.cwd)) ?? basename(io.cwd), values['artifact-name']);
      if (values.command !== undefined) return await commandTraining(values, data, io, log, recorder);
      if (values.outputs !== undefined) throw new MlopsError('--outputs goes with --command (see mlops train --help)');
      return await builtin(values, data, io, log, recorder);
    } finally {
      await location.close();
    }
  },
};

/** The model name of the project's mlops.yml in the working directory, when there is a valid one. */
async function projectModelName(cwd: string): Promise<string | undefined> {
  const text = await readFile(join(cwd, 'mlops.yml'), 'utf8').catch(() => null);
  if (text === null) return undefined;
  try {
    return parseProjectConfig(text, 'mlops.yml').model.name;
  } catch {
    // A broken mlops.yml is `mlops config`'s to report; training does not depend on it.
    return undefined;
  }
}

type Recorder = (parts: Omit<RunParts, 'model' | 'env' | 'startedAt' | 'durationMs' | 'artifact'> & { outDir?: string }, started: { at: Date; t0: number }) => Promise<void>;

/** Writes one run record and says where; a failure to record is an error of its own (exit 2). */
function runRecorder(location: RunLocation, io: CliIO, log: (line: string) => void, model: string, artifactName: string | undefined): Recorder {
  return async (parts, started) => {
    const { outDir, ...rest } = parts;
    const artifact = artifactName ? { kind: 'actions-artifact' as const, name: artifactName } : outDir ? { kind: 'local' as const, path: relative(io.cwd, outDir) || '.' } : undefined;
    const { run, where } = await saveRun(location, io.now, { ...rest, model, env: io.env, startedAt: started.at, durationMs: performance.now() - started.t0, ...(artifact ? { artifact } : {}) });
    log(`run ${run.id} (${run.status}) recorded in ${where}`);
  };
}

/** Records the failed run, then lets the training error go on to the user; a failed record only warns here. */
async function recordFailure(record: Recorder, parts: Parameters<Recorder>[0], started: { at: Date; t0: number }, log: (line: string) => void): Promise<void> {
  try {
    await record(parts, started);
  } catch (err) {
    log(`warning: the failed run was not recorded: ${errorMessage(err)}`);
  }
}

async function commandTraining(
  values: { target?: string; task?: string; config?: string; out?: string; outputs?: string[]; seed?: string; command?: string; trial?: string },
  data: string[],
  io: CliIO,
  log: (line: string) => void,
  record: Recorder,
): Promise<number> {
  for (const flag of ['target', 'task', 'config', 'trial'] as const) {
    if (values[flag] !== undefined) throw new MlopsError(`--${flag} is for the built-in trainer, not --command (see mlops train --help)`);
  }
  const outputs = listOption(values.outputs);
  if (outputs.length === 0) throw new MlopsError('--outputs is required with --command, e.g. --outputs model.onnx,metrics.json');
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new MlopsError(`--seed must be an integer (got "${values.seed}")`);
  const files = data.length > 0 ? await expandDataPaths(data, io.cwd) : [];
  const started = { at: io.now(), t0: performance.now() };
  const params = { trainer: 'command', command: values.command!, outputs: JSON.stringify(outputs), ...(seed === undefined ? {} : { seed }) };
  const failed = async (error: string) => recordFailure(record, { params, error, source: await sourceInfo(io.env, execProgram, io.cwd) }, started, log);
  let result;
  try {
    result = await runCommandTraining({
      command: values.command!,
      outputs,
      outDir: values.out,
      dataFiles: files,
      cwd: io.cwd,
      env: io.env,
      now: io.now,
      exec: execProgram,
      stdout: io.stdout,
      stderr: io.stderr,
      log,
      producerVersion: VERSION,
      seed,
    });
  } catch (err) {
    await failed(errorMessage(err));
    throw err;
  }
  if (result.exitCode !== 0) {
    await failed(`the training command failed with exit code ${result.exitCode}`);
    log(`mlops train: the training command failed with exit code ${result.exitCode}; no lineage written`);
    return 1;
  }
  const lineage = result.lineage!;
  await record(
    { params, metrics: result.metrics, dataFingerprint: lineage.data.fingerprint, source: lineage.source, backend: 'command', gpus: result.gpus, outDir: dirname(result.modelFile!) },
    started,
  );
  log(`wrote ${result.lineageFile} (model ${result.modelFile})`);
  return 0;
}

async function builtin(
  values: { target?: string; task?: string; config?: string; out?: string; delimiter?: string; seed?: string; trial?: string },
  data: string[],
  io: CliIO,
  log: (line: string) => void,
  record: Recorder,
): Promise<number> {
  if (data.length === 0) throw new MlopsError('--data is required (or --command for your own training script; see mlops train --help)');
  const started = { at: io.now(), t0: performance.now() };
  const configFile = values.config ? resolve(io.cwd, values.config) : undefined;
  let config = configFile ? await readTrainConfig(configFile) : defaultTrainConfig();
  let sweep: { id: string; trial: number } | undefined;
  if (values.trial !== undefined) {
    if (!configFile || !config.sweep) throw new MlopsError('--trial needs --config with a sweep: section (see mlops sweep --help)');
    const trial = Number(values.trial);
    if (!/^\d+$/.test(values.trial) || !Number.isSafeInteger(trial)) throw new MlopsError(`--trial must be a trial number, 0 or more (got "${values.trial}")`);
    const plan = planSweep(config, values.config!);
    sweep = { id: plan.id, trial };
    try {
      config = trialConfig(config, plan, trial, values.config!).config;
    } catch (err) {
      if (!(err instanceof TrialConfigError)) throw err;
      const source = await sourceInfo(io.env, execProgram, io.cwd);
      await recordFailure(record, { params: flattenParams(err.attempted), error: err.message, source, sweep }, started, log);
      throw err;
    }
    log(`sweep ${plan.id} trial ${trial}: ${Object.entries(plan.trials[trial].params).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')}`);
  }
  if (values.seed !== undefined) {
    const seed = Number(values.seed);
    if (!Number.isInteger(seed)) throw new MlopsError(`--seed must be an integer (got "${values.seed}")`);
    config.training.seed = seed;
  }
  const target = values.target ?? config.target;
  if (!target) throw new MlopsError('--target is required (or "target:" in the train config)');
  const task = oneOf('train', '--task', values.task, ['classification', 'regression'] as const, config.task ?? 'classification');
  const files = (await expandDataPaths(data, io.cwd)).map((f) => resolve(io.cwd, f));
  const outDir = resolve(io.cwd, values.out ?? 'model');
  const params = runParams(config, target, task);
  let result;
  try {
    result = await runBuiltinTraining({
      files,
      target,
      task,
      config,
      outDir,
      log,
      env: io.env,
      now: io.now,
      exec: execProgram,
      cwd: io.cwd,
      producerVersion: VERSION,
      delimiter: values.delimiter,
    });
  } catch (err) {
    await recordFailure(record, { params, error: errorMessage(err), source: await sourceInfo(io.env, execProgram, io.cwd), ...(sweep ? { sweep } : {}) }, started, log);
    throw err;
  }
  const lineage = result.lineage;
  await record(
    {
      params,
      metrics: result.metrics,
      dataFingerprint: lineage.data.fingerprint,
      source: lineage.source,
      backend: lineage.environment.backend,
      gpus: lineage.environment.gpu,
      outDir,
      ...(sweep ? { sweep } : {}),
    },
    started,
  );
  log(`wrote ${result.modelFile}, ${result.metricsFile}, ${result.lineageFile}`);
  io.stdout.write(JSON.stringify(result.metrics) + '\n');
  return 0;
}

/** The run's params: the config as trained (sweep section aside), with the target and task it used. */
export function runParams(config: TrainConfig, target: string, task: string) {
  const { sweep: _sweep, schema_version: _version, ...rest } = config;
  return flattenParams({ ...rest, target, task });
}
