import { createHash } from 'node:crypto';
import { higherIsBetter } from '../metrics/names.ts';
import { TrainConfigSchema, type TrainConfig } from './train-config.ts';
import { MlopsError } from '../util/errors.ts';
import { mulberry32 } from '../util/random.ts';
import type { SweepConfig, SweepParameter } from './sweep-config.ts';

export type TrialValue = string | number | boolean | (string | number | boolean)[];

export interface Trial {
  trial: number;
  /** Dotted train.yml path → the value this trial trains with. */
  params: Record<string, TrialValue>;
}

export interface SweepPlan {
  id: string;
  method: SweepConfig['method'];
  metric: string;
  goal: 'maximize' | 'minimize';
  seed: number;
  trials: Trial[];
  /** Grid: how many combinations there are (more than the trials when max_trials cut them). */
  combinations?: number;
}

/**
 * The sweep's id, the same in every job that reads the same config: a hash of the whole parsed
 * train.yml (sweep, seed and base config alike, keys sorted, so comments and layout do not count).
 */
export function sweepId(config: TrainConfig): string {
  return `sw-${createHash('sha256').update(canonical(config)).digest('hex').slice(0, 12)}`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Rounds away float noise (0.1 + 0.2) so values print and compare as written. */
const tidy = (x: number) => Number(x.toPrecision(12));

function steps(min: number, max: number, step: number): number[] {
  const n = Math.floor((max - min) / step + 1e-9) + 1;
  return Array.from({ length: n }, (_, i) => tidy(min + i * step));
}

/** The values a parameter takes in a grid. */
function gridValues(name: string, spec: SweepParameter): TrialValue[] {
  if (Array.isArray(spec)) return spec;
  if (spec.step !== undefined) return steps(spec.min, spec.max, spec.step);
  if (spec.count === undefined)
    throw new MlopsError(`sweep.parameters.${name}: a grid needs a list, a step, or count points for a ${spec.log ? 'log ' : ''}range`);
  const count = spec.count;
  if (spec.log) {
    const [a, b] = [Math.log(spec.min), Math.log(spec.max)];
    return Array.from({ length: count }, (_, i) => tidy(Math.exp(a + ((b - a) * i) / (count - 1))));
  }
  return Array.from({ length: count }, (_, i) => tidy(spec.min + ((spec.max - spec.min) * i) / (count - 1)));
}

/** One random draw of a parameter. */
function drawValue(spec: SweepParameter, random: () => number): TrialValue {
  if (Array.isArray(spec)) return spec[Math.floor(random() * spec.length)];
  if (spec.step !== undefined) {
    const values = steps(spec.min, spec.max, spec.step);
    return values[Math.floor(random() * values.length)];
  }
  const u = random();
  if (spec.log) return Number(Math.exp(Math.log(spec.min) + u * (Math.log(spec.max) - Math.log(spec.min))).toPrecision(6));
  return Number((spec.min + u * (spec.max - spec.min)).toPrecision(6));
}

/** The gate's primary metric (src/evaluate): accuracy for classification, rmse for regression. */
export function defaultSweepMetric(task: 'classification' | 'regression'): string {
  return task === 'classification' ? 'accuracy' : 'rmse';
}

/**
 * The trials of the config's sweep. Grid: every combination, the last parameter changing
 * fastest, cut to max_trials. Random: max_trials draws from a generator seeded with `seed`, one
 * value per parameter in the order they are written, so a plan is the same on every machine.
 */
export function planSweep(config: TrainConfig, file = 'train.yml'): SweepPlan {
  const sweep = config.sweep;
  if (!sweep) throw new MlopsError(`${file}: no sweep: section (see docs/runs.md for sweep.method, sweep.parameters, sweep.max_trials)`);
  const metric = sweep.metric ?? defaultSweepMetric(config.task ?? 'classification');
  const goal = sweep.goal ?? (higherIsBetter(metric) ? 'maximize' : 'minimize');
  const names = Object.keys(sweep.parameters);
  let trials: Trial[];
  let combinations: number | undefined;
  if (sweep.method === 'grid') {
    const values = names.map((n) => gridValues(n, sweep.parameters[n]));
    combinations = values.reduce((n, v) => n * v.length, 1);
    const count = Math.min(combinations, sweep.max_trials ?? combinations);
    trials = Array.from({ length: count }, (_, t) => {
      const params: Record<string, TrialValue> = {};
      let rest = t;
      for (let i = names.length - 1; i >= 0; i--) {
        params[names[i]] = values[i][rest % values[i].length];
        rest = Math.floor(rest / values[i].length);
      }
      return { trial: t, params: Object.fromEntries(names.map((n) => [n, params[n]])) };
    });
  } else {
    const random = mulberry32(sweep.seed);
    trials = Array.from({ length: sweep.max_trials! }, (_, t) => ({
      trial: t,
      params: Object.fromEntries(names.map((n) => [n, drawValue(sweep.parameters[n], random)])),
    }));
  }
  return { id: sweepId(config), method: sweep.method, metric, goal, seed: sweep.seed, trials, ...(combinations === undefined ? {} : { combinations }) };
}

/**
 * The Actions matrix for the plan: one job per trial (`{"include":[{"trial":0},…]}`), or with
 * `shards` that many jobs, each running its trials in turn (`{"include":[{"shard":0,"trials":"0 3"},…]}`).
 */
export function sweepMatrix(plan: SweepPlan, shards?: number): { include: ({ trial: number } | { shard: number; trials: string })[] } {
  if (shards === undefined) return { include: plan.trials.map((t) => ({ trial: t.trial })) };
  const n = Math.min(shards, plan.trials.length);
  return {
    include: Array.from({ length: n }, (_, s) => ({
      shard: s,
      trials: plan.trials
        .filter((t) => t.trial % n === s)
        .map((t) => t.trial)
        .join(' '),
    })),
  };
}

/**
 * The config trial K trains: the base config with the trial's values set at their paths, the
 * sweep section dropped, and the result checked against train.yml's schema, so an invalid value
 * fails that trial with the path it came from. `attempted` is the merged config before the check,
 * so a failed trial still records what it tried.
 */
export function trialConfig(
  config: TrainConfig,
  plan: SweepPlan,
  trial: number,
  file = 'train.yml',
): { config: TrainConfig; attempted: Record<string, unknown> } {
  const t = plan.trials.find((x) => x.trial === trial);
  if (!t) throw new MlopsError(`--trial ${trial}: the sweep in ${file} has trials 0 to ${plan.trials.length - 1}`);
  const merged = structuredClone(config) as Record<string, unknown>;
  delete merged.sweep;
  for (const [path, value] of Object.entries(t.params)) {
    const parts = path.split('.');
    let node = merged;
    for (const part of parts.slice(0, -1)) {
      if (node[part] === null || typeof node[part] !== 'object') node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts.at(-1)!] = value;
  }
  const parsed = TrainConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TrialConfigError(`${file}: trial ${trial}: ${issue.path.join('.')}: ${issue.message} (from sweep.parameters)`, merged);
  }
  return { config: parsed.data, attempted: merged };
}

/** A trial whose values make an invalid config; carries what it tried, for its failed run record. */
export class TrialConfigError extends MlopsError {
  /** The trial it was, set by the training plan, for the failed run's record. */
  sweep?: { id: string; trial: number };
  constructor(
    message: string,
    readonly attempted: Record<string, unknown>,
  ) {
    super(message, { exitCode: 1 });
    this.name = 'TrialConfigError';
  }
}
