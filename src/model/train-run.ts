import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { SettingError } from '../util/errors.ts';
import type { Exec } from './lineage-record.ts';
import { runBuiltinTraining } from './train-builtin.ts';
import { runCommandTraining } from './train-command.ts';
import { defaultTrainConfig, readTrainConfig, type TrainConfig } from './train-config.ts';
import type { Lineage } from './lineage.ts';
import { TrialConfigError, planSweep, trialConfig } from './sweep.ts';
import { flattenParams } from '../runs/record.ts';
import type { RunRecord } from '../runs/schema.ts';

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
  /** Built-in: train trial K of the config's sweep: section. */
  trial?: number;
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
      lineage: Lineage;
      modelFile: string;
      lineageFile: string;
      metricsFile?: string;
      metrics: Record<string, number>;
      /** The tfjs backend that trained, or "command". */
      backend: string;
    };

/**
 * What a run record says about a training before it runs, so a failure still records it: the
 * params (the config as it will train, flattened), the sweep trial, and for the built-in trainer
 * the config itself. A trial whose values make an invalid config throws TrialConfigError, which
 * carries what it tried.
 */
export interface TrainPlan {
  params: RunRecord['params'];
  sweep?: { id: string; trial: number };
  config?: TrainConfig;
  target?: string;
  task?: 'classification' | 'regression';
}

export async function planTraining(r: TrainRequest): Promise<TrainPlan> {
  if (r.command !== undefined) {
    if (r.trial !== undefined) throw new SettingError(['trial', 'command'], (name) => `${name('trial')} is for the built-in trainer, not ${name('command')}`);
    return { params: { trainer: 'command', command: r.command, outputs: JSON.stringify(r.outputs), ...(r.seed === undefined ? {} : { seed: r.seed }) } };
  }
  if (r.dataFiles.length === 0)
    throw new SettingError(['data', 'command'], (name) => `${name('data')} is required (or ${name('command')} for your own training script)`);
  let config = r.config ? await readTrainConfig(resolve(r.cwd, r.config)) : defaultTrainConfig();
  let sweep: TrainPlan['sweep'];
  if (r.trial !== undefined) {
    if (!r.config || !config.sweep)
      throw new SettingError(['trial', 'config'], (name) => `${name('trial')} needs ${name('config')} with a sweep: section (see mlops sweep --help)`);
    const plan = planSweep(config, r.config);
    sweep = { id: plan.id, trial: r.trial };
    try {
      config = trialConfig(config, plan, r.trial, r.config).config;
    } catch (err) {
      if (err instanceof TrialConfigError) err.sweep = sweep;
      throw err;
    }
    r.log(
      `sweep ${plan.id} trial ${r.trial}: ${Object.entries(plan.trials[r.trial].params)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(' ')}`,
    );
  }
  if (r.seed !== undefined) config.training.seed = r.seed;
  const target = r.target ?? config.target;
  if (!target) throw new SettingError('target', (name) => `${name('target')} is required (or "target:" in the train config)`);
  const task = r.task ?? config.task ?? 'classification';
  const { sweep: _sweep, schema_version: _version, ...trained } = config;
  return { params: flattenParams({ ...trained, target, task }), ...(sweep ? { sweep } : {}), config, target, task };
}

export async function runTraining(r: TrainRequest, plan?: TrainPlan): Promise<TrainOutcome> {
  plan ??= await planTraining(r);
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
      lineage: result.lineage!,
      modelFile: result.modelFile!,
      lineageFile,
      metricsFile: metricsOut ? join(dirname(lineageFile), basename(metricsOut)) : undefined,
      metrics: result.metrics ?? {},
      backend: 'command',
    };
  }
  const result = await runBuiltinTraining({
    files: r.dataFiles.map((f) => resolve(r.cwd, f)),
    target: plan.target!,
    task: plan.task!,
    config: plan.config!,
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
    lineage: result.lineage,
    modelFile: result.modelFile,
    lineageFile: result.lineageFile,
    metricsFile: result.metricsFile,
    metrics: result.metrics,
    backend: result.lineage.environment.backend ?? 'unknown',
  };
}
