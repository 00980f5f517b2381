import { basename, dirname, extname } from 'node:path';
import type { Cell } from '../data/batch.ts';
import { readBatches } from '../data/read.ts';
import { selectFeatures } from '../model/dataset.ts';
import { defaultTrainConfig } from '../model/train-config.ts';
import type { Task } from '../model/types.ts';
import { openTableWriter } from '../predict/writers.ts';
import type { ColumnProfile, Profile } from '../profile/schema.ts';
import { describeTypeDrift } from '../profile/type-drift.ts';
import { SettingError } from '../util/errors.ts';
import { mulberry32 } from '../util/random.ts';
import { inferRules, inferredHeader, isKeyColumn, rulesToYaml } from '../validation/infer.ts';

/** An integer target with at most this many distinct values is a class label (task auto). */
const MAX_CLASS_VALUES = 20;
/** Slices on columns with 2..this many values; at most MAX_SLICE_COLUMNS of them. */
const MAX_SLICE_VALUES = 10;
const MAX_SLICE_COLUMNS = 3;
/** The holdout share when init splits one file; the seed makes the split reproducible. */
export const HOLDOUT_SHARE = 0.2;
const SPLIT_SEED = 20261201;

export interface FitOptions {
  /** The data file as the project names it (relative to the repo root). */
  data: string;
  target: string;
  task: 'auto' | Task;
  name?: string;
  keys: string[];
  /** Where the train and holdout data live, as mlops.yml will name them. */
  train: string;
  holdout: string;
}

export interface FittedProject {
  name: string;
  task: Task;
  features: string[];
  excluded: { name: string; reason: string }[];
  sliceColumns: string[];
  warnings: string[];
  files: Record<string, string>;
}

/** A model name from the file: its stem, or its folder's name when the stem says nothing (train.csv). */
export function modelNameFor(file: string): string {
  const stem = basename(file, extname(file)).replace(/[-_.]?(train|training)$/i, '');
  const generic = /^(|train|training|data|dataset|all|full|raw)$/i.test(stem);
  const raw = generic ? basename(dirname(file)) : stem;
  const name = raw
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '');
  return name === '' || name === '.' ? 'model' : name.slice(0, 64);
}

export function detectTask(target: ColumnProfile): Task {
  if (target.type === 'number') return 'regression';
  if (target.type === 'integer') return target.distinct.exact && target.distinct.value <= MAX_CLASS_VALUES ? 'classification' : 'regression';
  return 'classification';
}

/**
 * The configs `mlops init --data` writes, fitted to the training data's profile: rules that
 * hold on fresh data, the features the trainer will use (and why the others are left out),
 * a gate whose absolute rules any useful model passes (beat the constant prediction), slices
 * on the low-cardinality columns, drift settings and mlops.yml pointing at the data.
 */
export function fitProject(profile: Profile, options: FitOptions): FittedProject {
  const byName = new Map(profile.columns.map((c) => [c.name, c]));
  const target = byName.get(options.target);
  if (!target)
    throw new SettingError(
      'target',
      (name) => `${name('target')} "${options.target}" is not a column of ${options.data} (columns: ${[...byName.keys()].join(', ')})`,
    );
  if (target.count === target.nulls)
    throw new SettingError('target', (name) => `${name('target')} "${options.target}" is empty in every row of ${options.data}`);
  for (const k of options.keys) if (!byName.has(k)) throw new SettingError('key', (name) => `${name('key')} "${k}" is not a column of ${options.data}`);
  const task = options.task === 'auto' ? detectTask(target) : options.task;
  if (task === 'regression' && target.type !== 'number' && target.type !== 'integer') {
    throw new SettingError(
      ['target', 'task'],
      (name) => `${name('target')} "${options.target}" is not numeric (type ${target.type}): use ${name('task')} classification`,
    );
  }
  const name = options.name ?? modelNameFor(options.data);
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name))
    throw new SettingError('name', (setting) => `${setting('name')} "${name}": lowercase letters, digits, ".", "_" and "-", starting with a letter or digit`);

  const warnings: string[] = [];
  const excluded: { name: string; reason: string }[] = [];
  const candidates: ColumnProfile[] = [];
  for (const c of profile.columns) {
    if (c.name === options.target) continue;
    if (isKeyColumn(c, options.keys)) excluded.push({ name: c.name, reason: 'identifier: a key, every value distinct' });
    else if (c.type_drift) {
      warnings.push(describeTypeDrift(c));
      excluded.push({
        name: c.name,
        reason: `numeric but for ${c.type_drift.non_numeric} cell(s) (row ${c.type_drift.examples[0].row}: ${JSON.stringify(c.type_drift.examples[0].value)}): fix them, then use it`,
      });
    } else candidates.push(c);
  }
  // The trainer's own choice on the rest, so train.yml says exactly what training will do.
  const defaults = defaultTrainConfig().features;
  const pool: Profile = { ...profile, columns: [target, ...candidates] };
  const { features, skipped } = selectFeatures(pool, options.target, { ...defaults, exclude: [] });
  for (const s of skipped) {
    const m = /^(.*) \((.*)\)$/.exec(s)!;
    excluded.push({ name: m[1], reason: reasonText(m[2]) });
  }
  const featureNames = features.map((f) => f.name);
  const sliceColumns = candidates
    .filter((c) => featureNames.includes(c.name) && c.distinct.exact && c.distinct.value >= 2 && c.distinct.value <= MAX_SLICE_VALUES)
    .sort((a, b) => a.distinct.value - b.distinct.value)
    .slice(0, MAX_SLICE_COLUMNS)
    .map((c) => c.name);

  const rules = inferRules(profile, { keys: options.keys });
  if (task === 'classification' && target.top_categories?.exact) {
    // The labels a classifier may see are exactly the classes it was trained on.
    rules.columns[options.target].allowed = target.state.frequent.items.map(([k]) => k).sort();
  }
  const files: Record<string, string> = {
    'rules.yml': rulesToYaml(rules, inferredHeader(options.train, profile.rows)),
    'train.yml': trainYaml(options, task, features, excluded, profile.rows),
    'gate.yml': gateYaml(task, target, sliceColumns),
    'drift.yml': driftYaml(options.target, excluded),
    'mlops.yml': mlopsYaml(name, task, options, sliceColumns, featureNames),
  };
  return { name, task, features: featureNames, excluded, sliceColumns, warnings, files };
}

function reasonText(reason: string): string {
  if (reason === 'text or identifier') return 'free text or an identifier (many distinct strings)';
  if (reason === 'datetime') return 'a date: derive numeric features (age, weekday) from it first';
  return reason;
}

const yamlKey = (name: string) => (/^[A-Za-z_][\w.-]*$/.test(name) ? name : JSON.stringify(name));

function trainYaml(o: FitOptions, task: Task, features: { name: string; type: string }[], excluded: { name: string; reason: string }[], rows: number): string {
  const lines = [
    `# Fitted by mlops init to ${o.train} (${rows} rows): what the built-in trainer fits (docs/training.md).`,
    `# mlops train --data ${o.train} --config train.yml --out model`,
    'schema_version: 1',
    `target: ${yamlKey(o.target)}`,
    `task: ${task}`,
    'model:',
    '  type: linear           # logistic regression (classification) or linear regression; mlp for a small network',
    'training:',
    '  epochs: 50',
    '  learning_rate: 0.01',
    '  validation_split: 0.2',
    '  seed: 42',
    'features:',
    '  include:',
    ...features.map((f) => `    - ${yamlKey(f.name)}  # ${f.type === 'text' ? 'free text: tokenised and TF-IDF encoded inside the model' : f.type}`),
  ];
  if (excluded.length > 0) lines.push('  exclude:', ...excluded.map((e) => `    - ${yamlKey(e.name)}  # ${e.reason}`));
  return lines.join('\n') + '\n';
}

function gateYaml(task: Task, target: ColumnProfile, sliceColumns: string[]): string {
  const lines = [
    '# The evaluation gate, fitted by mlops init: when may a candidate replace the production model?',
    '# The first model (no production model yet) is judged on the absolute rules; later ones also on',
    '# the relative rules against the champion (docs/evaluation.md). Raise the bars as you learn.',
    'schema_version: 1',
    'rules:',
  ];
  if (task === 'classification') {
    const items = target.state.frequent.items;
    const total = items.reduce((s, [, n]) => s + n, 0);
    const [top, count] = items.reduce((a, b) => (b[1] > a[1] ? b : a));
    const share = Math.floor((count / total) * 100) / 100;
    lines.push(
      `  - accuracy >= ${share}            # always answering "${top}" scores ${(count / total).toFixed(3)}: a model must do at least that`,
      '  - accuracy >= champion - 0.02',
      '  - log_loss <= champion + 0.02',
    );
  } else {
    lines.push('  - r2 >= 0                 # at least as good as predicting the mean', '  - rmse <= champion * 1.05', '  - mae <= champion * 1.05');
  }
  lines.push('budgets:', '  - p99_latency_ms <= 50      # single-row latency on the CI runner', '  - size_mb <= 50');
  if (sliceColumns.length > 0) {
    const metric = task === 'classification' ? 'accuracy >= champion - 0.05' : 'rmse <= champion * 1.1';
    lines.push(
      'slices:',
      `  columns: [${sliceColumns.map(yamlKey).join(', ')}]`,
      '  min_rows: 30                # smaller slices are reported, their rules skipped',
      '  rules:',
      `    - ${metric}`,
    );
  }
  return lines.join('\n') + '\n';
}

function driftYaml(target: string, excluded: { name: string; reason: string }[]): string {
  const lines = [
    '# Drift settings fitted by mlops init (mlops drift --config drift.yml; docs/drift.md).',
    '# Columns the model does not use are left out of the check.',
    'schema_version: 1',
    'method: auto',
    'columns:',
    `  ${yamlKey(target)}: { skip: true }  # the target: its drift shows as performance drift`,
    ...excluded.map((e) => `  ${yamlKey(e.name)}: { skip: true }  # ${e.reason}`),
  ];
  return lines.join('\n') + '\n';
}

function mlopsYaml(name: string, task: Task, o: FitOptions, sliceColumns: string[], features: string[]): string {
  const list = (xs: string[]) => `[${xs.map(yamlKey).join(', ')}]`;
  const lines = [
    `# The project config read by the reusable workflows (mlops config checks it), fitted by mlops init to ${o.data}.`,
    'version: 1',
    'model:',
    `  name: ${name}`,
    `  task: ${task}`,
    `  target: ${yamlKey(o.target)}`,
    'data:',
    `  train: ${o.train}`,
    `  holdout: ${o.holdout}`,
    '  # For the scheduled drift check: fresh rows (a path or glob; prediction logs work too).',
    '  # current: data/current.csv',
    'validation:',
    '  rules: rules.yml',
    'training:',
    '  config: train.yml',
    'evaluation:',
    '  gate: gate.yml',
    ...(sliceColumns.length > 0 ? [`  slices: ${list(sliceColumns)}`] : []),
    'registry:',
    '  branch: mlops-registry',
    '  tags: true',
    'drift:',
    '  method: auto',
    '  share_threshold: 0.5',
    `  columns: ${list(features)}`,
    '  on_drift: issue-and-retrain',
    'container:',
    `  image: ghcr.io/OWNER/${name}`,
  ];
  return lines.join('\n') + '\n';
}

/**
 * Splits one data file into train and holdout CSVs (a seeded 80/20 shuffle: the same file
 * always splits the same way), so the first pull request evaluates on rows training never saw.
 */
export async function splitData(
  file: string,
  trainOut: string,
  holdoutOut: string,
  options: { delimiter?: string } = {},
): Promise<{ train: number; holdout: number }> {
  let columns: readonly string[] = [];
  const rows: Cell[][] = [];
  for await (const batch of readBatches(file, options)) {
    columns = batch.columns;
    for (const r of batch.rows) rows.push(columns.map((_, i) => r[i] ?? null));
  }
  if (rows.length < 10)
    throw new SettingError('holdout', (name) => `${file}: ${rows.length} rows, too few to split into train and holdout (pass ${name('holdout')} FILE)`);
  const rand = mulberry32(SPLIT_SEED);
  const order = rows.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const cut = Math.max(1, Math.round(rows.length * HOLDOUT_SHARE));
  // Original row order within each part, so the files diff readably against the source.
  const holdoutIdx = order.slice(0, cut).sort((a, b) => a - b);
  const held = new Set(holdoutIdx);
  const cols = columns.map((name) => ({ name }));
  const trainWriter = openTableWriter(trainOut, 'csv', cols);
  await trainWriter.write(rows.filter((_, i) => !held.has(i)));
  await trainWriter.close();
  const holdoutWriter = openTableWriter(holdoutOut, 'csv', cols);
  await holdoutWriter.write(holdoutIdx.map((i) => rows[i]));
  await holdoutWriter.close();
  return { train: rows.length - cut, holdout: cut };
}
