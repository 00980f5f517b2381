import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { SettingError } from '../util/errors.ts';
import type { Exec } from './lineage-record.ts';
import { runBuiltinTraining } from './train-builtin.ts';
import { runCommandTraining } from './train-command.ts';
import { defaultTrainConfig, readTrainConfig } from './train-config.ts';

/**
 * One training run as both surfaces ask for it (`mlops train` and the train action): a user's
 * command when `command` is set, else the built-in trainer. The surfaces read and check their
 * flags or inputs into this request; the branching, the config and seed handling live here once.
 * Errors about settings are SettingErrors, worded by the surface (`--target`, `input "target"`).
 */
export interface TrainRequest {
  /** Run this with sh -c instead of the built-in trainer. */
  command?: string;
  /** With `command`: the files it writes (one .onnx, optionally a metrics .json). */
  outputs: string[];
  /** Training data, already expanded from globs, relative to `cwd` (optional with `command`). */
  dataFiles: string[];
  target?: string;
  task?: 'classification' | 'regression';
  /** train.yml, relative to `cwd`. */
  config?: string;
  /** Where the model, metrics and lineage go (built-in default: model; command default: the model's folder). */
  out?: string;
  delimiter?: string;
  /** Built-in: overrides training.seed; command: recorded as the seed the command used. */
  seed?: number;
  /** Where each training file can be fetched later (path → URI), recorded in the lineage for `mlops reproduce`. */
  dataUris?: Record<string, string>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  exec: Exec;
  stdout: Writable;
  stderr: Writable;
  log: (line: string) => void;
  producerVersion: string;
}

export type TrainOutcome =
  | { trainer: 'command'; failed: true; exitCode: number }
  | {
      trainer: 'command' | 'builtin';
      failed: false;
      modelFile: string;
      lineageFile: string;
      metricsFile?: string;
      metrics: Record<string, number>;
      /** The tfjs backend that trained, or "command". */
      backend: string;
    };

export async function runTraining(r: TrainRequest): Promise<TrainOutcome> {
  if (r.command !== undefined) {
    const result = await runCommandTraining({
      command: r.command,
      outputs: r.outputs,
      outDir: r.out,
      dataFiles: r.dataFiles,
      cwd: r.cwd,
      env: r.env,
      now: r.now,
      exec: r.exec,
      stdout: r.stdout,
      stderr: r.stderr,
      log: r.log,
      producerVersion: r.producerVersion,
      seed: r.seed,
      dataUris: r.dataUris,
    });
    if (result.exitCode !== 0) return { trainer: 'command', failed: true, exitCode: result.exitCode };
    const lineageFile = result.lineageFile!;
    const metricsOut = r.outputs.find((f) => f.endsWith('.json'));
    return {
      trainer: 'command',
      failed: false,
      modelFile: result.modelFile!,
      lineageFile,
      metricsFile: metricsOut ? join(dirname(lineageFile), basename(metricsOut)) : undefined,
      metrics: result.metrics ?? {},
      backend: 'command',
    };
  }
  if (r.dataFiles.length === 0) throw new SettingError(['data', 'command'], (name) => `${name('data')} is required (or ${name('command')} for your own training script)`);
  const config = r.config ? await readTrainConfig(resolve(r.cwd, r.config)) : defaultTrainConfig();
  if (r.seed !== undefined) config.training.seed = r.seed;
  const target = r.target ?? config.target;
  if (!target) throw new SettingError('target', (name) => `${name('target')} is required (or "target:" in the train config)`);
  const result = await runBuiltinTraining({
    files: r.dataFiles.map((f) => resolve(r.cwd, f)),
    target,
    task: r.task ?? config.task ?? 'classification',
    config,
    outDir: resolve(r.cwd, r.out ?? 'model'),
    log: r.log,
    env: r.env,
    now: r.now,
    exec: r.exec,
    cwd: r.cwd,
    producerVersion: r.producerVersion,
    delimiter: r.delimiter,
    dataUris: r.dataUris,
  });
  return {
    trainer: 'builtin',
    failed: false,
    modelFile: result.modelFile,
    lineageFile: result.lineageFile,
    metricsFile: result.metricsFile,
    metrics: result.metrics,
    backend: result.lineage.environment.backend ?? 'unknown',
  };
}
