import type { Command, CliIO } from '../command.ts';
import { listOption, oneOf, parseCommandArgs } from '../args.ts';
import { VERSION } from '../../version.ts';
import { expandDataPaths } from '../../data/read.ts';
import { MlopsError } from '../../util/errors.ts';
import { execProgram } from '../../model/lineage-record.ts';
import { defaultTrainConfig, readTrainConfig, TRAIN_CONFIG_SCHEMA_VERSION } from '../../model/train-config.ts';
import { runBuiltinTraining } from '../../model/train-builtin.ts';
import { runCommandTraining } from '../../model/train-command.ts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDataUriFlags } from '../../model/data-location.ts';
import { parseProjectConfig } from '../../project/config.ts';
import { readText } from '../../util/fs.ts';

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
  The data is split into training and validation rows with the seed; preprocessing (mean/mode
  imputation, standardisation, one-hot) is fitted on the training rows and exported inside the
  ONNX graph, which is checked against the tfjs model on the validation rows before it is written.
  Backend: the best installed of tfjs-node-gpu, tfjs-node, wasm, cpu; MLOPS_TF_BACKEND forces one.

Where the data lives (both trainers; recorded per file in the lineage for mlops reproduce):
  --data-uri PATH=URI  where a training file can be fetched later: s3://, gs://, https:// (a
                   GitHub release URL is recorded as a release asset) or artifact:NAME[@RUN_ID]
                   (an Actions artifact); repeatable; overrides data.locations in mlops.yml.
                   Userinfo and signature/token query parameters are never recorded.
  Without one, a file committed at HEAD (plain or a Git LFS pointer) is recorded as a git path
  at that commit, and any other file as local (only this machine has it).

Command trainer (any framework):
  --command CMD    run CMD with sh -c, streaming its log; exit code, duration, peak memory and GPUs
                   (nvidia-smi) are recorded
  --outputs LIST   files CMD writes: exactly one .onnx model and optionally a metrics .json (a flat
                   object of numbers); the model must load in onnxruntime
  --data FILE      optional: the training data, for the fingerprint and profile in the lineage
  --out DIR        where lineage.json and copies of the outputs go (default: the model's folder)
  --seed N         record the seed the command used
  A failing command exits 1 with its exit code in the message and writes no lineage.

Exit codes: 0 trained, 1 the training command failed or its outputs are invalid, 2 bad usage or input.

Examples:
  mlops train --data data/train.csv --target churned --task classification --config train.yml --out model
  MLOPS_TF_BACKEND=cpu mlops train --data 'data/*.parquet' --target price --task regression
  mlops train --command "python train.py" --outputs model.onnx,metrics.json --data data/train.csv
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
      'data-uri': { type: 'string', multiple: true },
    });
    const log = (line: string) => io.stderr.write(line + '\n');
    const data = listOption(values.data);
    const dataUris = { ...(await projectLocations(io.cwd)), ...parseDataUriFlags((values['data-uri'] as string[] | undefined) ?? []) };
    if (values.command !== undefined) {
      for (const flag of ['target', 'task', 'config'] as const) {
        if (values[flag] !== undefined) throw new MlopsError(`--${flag} is for the built-in trainer, not --command (see mlops train --help)`);
      }
      const outputs = listOption(values.outputs);
      if (outputs.length === 0) throw new MlopsError('--outputs is required with --command, e.g. --outputs model.onnx,metrics.json');
      const seed = values.seed === undefined ? undefined : Number(values.seed);
      if (seed !== undefined && !Number.isInteger(seed)) throw new MlopsError(`--seed must be an integer (got "${values.seed}")`);
      const files = data.length > 0 ? await expandDataPaths(data, io.cwd) : [];
      const result = await runCommandTraining({
        command: values.command,
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
        dataUris,
      });
      if (result.exitCode !== 0) {
        log(`mlops train: the training command failed with exit code ${result.exitCode}; nothing recorded`);
        return 1;
      }
      log(`wrote ${result.lineageFile} (model ${result.modelFile})`);
      return 0;
    }
    if (values.outputs !== undefined) throw new MlopsError('--outputs goes with --command (see mlops train --help)');
    return builtin(values, data, dataUris, io, log);
  },
};

/** data.locations of the project's mlops.yml, when there is one in the working directory. */
async function projectLocations(cwd: string): Promise<Record<string, string>> {
  const file = resolve(cwd, 'mlops.yml');
  if (!existsSync(file)) return {};
  return parseProjectConfig(await readText(file), 'mlops.yml').data.locations ?? {};
}

async function builtin(
  values: { target?: string; task?: string; config?: string; out?: string; delimiter?: string; seed?: string },
  data: string[],
  dataUris: Record<string, string>,
  io: CliIO,
  log: (line: string) => void,
): Promise<number> {
  if (data.length === 0) throw new MlopsError('--data is required (or --command for your own training script; see mlops train --help)');
  const config = values.config ? await readTrainConfig(resolve(io.cwd, values.config)) : defaultTrainConfig();
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
  const result = await runBuiltinTraining({
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
    dataUris,
  });
  log(`wrote ${result.modelFile}, ${result.metricsFile}, ${result.lineageFile}`);
  io.stdout.write(JSON.stringify(result.metrics) + '\n');
  return 0;
}
