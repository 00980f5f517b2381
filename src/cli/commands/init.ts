import type { CliIO } from '../command.ts';
import { defineCommand } from '../define.ts';
import { findTemplatesDir, fittedPlan, scaffold, templatePlan } from '../../project/init.ts';
import { fitProject, HOLDOUT_SHARE, modelNameFor, splitData, type FitOptions } from '../../project/fit.ts';
import { profileFiles } from '../../profile/profile.ts';
import { MlopsError } from '../../util/errors.ts';
import { pathExists } from '../../util/fs.ts';
import { isAbsolute, join, relative, resolve } from 'node:path';

export const initCommand = defineCommand({
  name: 'init',
  summary: 'scaffold the ML loop into a project repository.',
  usage: [
    'mlops init [--dir .] [--force] [--no-example]',
    'mlops init --data FILE --target COL [--task auto|classification|regression] [--name NAME]',
    '           [--key COL] [--holdout FILE] [--dir .] [--force]',
  ],
  options: {
    dir: { type: 'string', value: 'DIR', default: '.', description: 'the repository to scaffold (the current directory by default)' },
    force: { type: 'boolean', description: 'overwrite existing workflows and configs (never data/)' },
    'no-example': { type: 'boolean', description: 'skip the example data (without --data)' },
    data: {
      type: 'string',
      value: 'FILE',
      description: 'your training data (CSV/TSV, JSONL, Parquet) inside the repository',
      group: 'Fitted to your data (--data)',
    },
    target: { type: 'string', value: 'COL', description: 'the column to predict (required with --data)', group: 'Fitted to your data (--data)' },
    task: {
      type: 'choice',
      choices: ['auto', 'classification', 'regression'],
      description: 'auto (default: numeric target with many values → regression, else classification), classification or regression',
      group: 'Fitted to your data (--data)',
    },
    name: {
      type: 'string',
      value: 'NAME',
      description: "the model's registry name (default: from the file or folder name)",
      group: 'Fitted to your data (--data)',
    },
    key: {
      type: 'list',
      value: 'COL',
      description:
        'a key column (unique, never null, not a feature); repeatable. All-distinct columns named like ids (id, order_id, userId) are keys without it',
      group: 'Fitted to your data (--data)',
    },
    holdout: { type: 'string', value: 'FILE', description: 'held-out data for evaluation, instead of splitting --data', group: 'Fitted to your data (--data)' },
  },
  text: `Writes the caller workflows (.github/workflows/ml-pr.yml, ml-release.yml, ml-drift.yml,
ml-retrain.yml, ml-batch.yml), mlops.yml (the project config), rules.yml, gate.yml and
train.yml.

Without --data: the churn example's configs and, unless --no-example, its data under data/.

With --data: configs fitted to your data, so the first pull request goes green with no file
edited: rules.yml inferred with tolerant bounds (see mlops validate --help), train.yml with the
task and the feature list (identifiers, free text and dates excluded, the reason as a comment),
gate.yml with the task's metrics (absolute rules any useful model passes: beat the constant
prediction; relative rules against the champion) and slices on low-cardinality columns,
drift.yml, and mlops.yml pointing at the data. Without --holdout, FILE is split (seeded,
80/20) into data/NAME-train.csv and data/NAME-holdout.csv; FILE itself is never changed.

Existing files are never overwritten without --force; when any would be, nothing is written.
--force replaces workflows and configs but never anything under data/ (existing data files are
kept, and fitted to).`,
  examples: [
    'mlops init',
    'mlops init --data data/orders.csv --target returned --key order_id',
    'mlops init --data data/train.csv --holdout data/holdout.csv --target price --task regression',
  ],
  async run(values, io) {
    const target = resolve(io.cwd, values.dir);
    const templates = await findTemplatesDir(import.meta.url);
    if (values.data === undefined) {
      for (const flag of ['target', 'task', 'name', 'key', 'holdout'] as const) {
        const given = values[flag];
        if (Array.isArray(given) ? given.length > 0 : given !== undefined)
          throw new MlopsError(`mlops init: --${flag} goes with --data FILE (configs fitted to your data)`);
      }
      const { written, kept } = await scaffold(templatePlan(templates, !values['no-example']), target, { force: values.force });
      report(io, written, kept);
      io.stdout.write(
        `\nNext: this is the churn example; it runs as is. For your own data: mlops init --data FILE --target COLUMN --force\n` +
          `(configs fitted to it; data/ is kept). Then commit, push and open a pull request.\n`,
      );
      return 0;
    }
    if (values['no-example']) throw new MlopsError('mlops init: --no-example goes without --data (with --data no example data is written)');
    if (values.target === undefined) throw new MlopsError('mlops init --data needs --target COLUMN: the column to predict');
    return initFitted(io, target, templates, {
      data: values.data,
      target: values.target,
      task: values.task ?? 'auto',
      name: values.name,
      keys: values.key,
      holdout: values.holdout,
      force: values.force,
    });
  },
});

interface FittedRequest {
  data: string;
  target: string;
  task: FitOptions['task'];
  name?: string;
  keys: string[];
  holdout?: string;
  force: boolean;
}

async function initFitted(io: CliIO, repo: string, templates: string, r: FittedRequest): Promise<number> {
  const inRepo = (file: string, flag: string) => {
    const abs = resolve(io.cwd, file);
    const rel = relative(repo, abs).split('\\').join('/');
    if (rel.startsWith('..') || isAbsolute(rel)) throw new MlopsError(`${flag} ${file} is outside ${repo}: the workflows read data from the repository`);
    return { abs, rel };
  };
  const data = inRepo(r.data, '--data');
  if (!(await pathExists(data.abs))) throw new MlopsError(`--data ${r.data}: no such file`);
  const name = r.name ?? modelNameFor(data.rel);
  const split = r.holdout === undefined ? { train: `data/${name}-train.csv`, holdout: `data/${name}-holdout.csv` } : undefined;
  const holdout = r.holdout === undefined ? undefined : inRepo(r.holdout, '--holdout');
  if (holdout && !(await pathExists(holdout.abs))) throw new MlopsError(`--holdout ${r.holdout}: no such file`);
  const fitOptions = (train: string, held: string): FitOptions => ({
    data: data.rel,
    target: r.target,
    task: r.task,
    name,
    keys: r.keys,
    train,
    holdout: held,
  });

  // Check the options against the whole file before anything is written.
  const whole = fitProject(await profileFiles([data.abs], { now: io.now }), fitOptions(split?.train ?? data.rel, split?.holdout ?? holdout!.rel));
  const plan = fittedPlan(templates, whole.files);
  const conflicts: string[] = [];
  for (const p of plan) if (await pathExists(join(repo, p.to))) conflicts.push(p.to);
  const splitExists = split ? (await pathExists(join(repo, split.train))) || (await pathExists(join(repo, split.holdout))) : false;
  if (split && splitExists && !r.force) conflicts.push(split.train, split.holdout);
  if (conflicts.length > 0 && !r.force)
    throw new MlopsError(`refusing to overwrite ${conflicts.join(', ')} in ${repo} (use --force to replace them; data/ is never replaced)`);

  const dataLines: string[] = [];
  if (split && splitExists) {
    // --force never touches data/: an earlier split stays, and the configs are fitted to it.
    for (const f of [split.train, split.holdout]) {
      if (!(await pathExists(join(repo, f)))) throw new MlopsError(`${f} is missing but its pair exists: restore it or remove both to split ${r.data} again`);
    }
    dataLines.push(`  kept ${split.train} and ${split.holdout} (data/ is never replaced)`);
  } else if (split) {
    const n = await splitData(data.abs, join(repo, split.train), join(repo, split.holdout));
    dataLines.push(
      `  wrote ${split.train} (${n.train} rows) and ${split.holdout} (${n.holdout} rows): a seeded ${100 - HOLDOUT_SHARE * 100}/${HOLDOUT_SHARE * 100} split of ${data.rel}`,
    );
  }
  const trainFile = split ? join(repo, split.train) : data.abs;
  const fitted = split ? fitProject(await profileFiles([trainFile], { now: io.now }), fitOptions(split.train, split.holdout)) : whole;
  const { written, kept } = await scaffold(fittedPlan(templates, fitted.files), repo, { force: true });
  report(io, written, kept);
  io.stdout.write(dataLines.map((l) => l + '\n').join(''));
  io.stdout.write(
    `\nmodel ${fitted.name}: ${fitted.task} on "${r.target}", ${fitted.features.length} features` +
      (fitted.excluded.length > 0 ? `; left out: ${fitted.excluded.map((e) => `${e.name} (${e.reason.split(/[:(]/)[0].trim()})`).join(', ')}` : '') +
      (fitted.sliceColumns.length > 0 ? `; slices: ${fitted.sliceColumns.join(', ')}` : '') +
      '\n',
  );
  for (const w of fitted.warnings) io.stderr.write(`warning: ${w}\n`);
  io.stdout.write(
    `\nNext: review rules.yml, train.yml and gate.yml (fitted to your data; edit freely), commit, push and open a\n` +
      `pull request. The first one is judged on gate.yml's absolute rules (no production model yet).\n`,
  );
  return 0;
}

function report(io: CliIO, written: string[], kept: string[]): void {
  io.stdout.write(written.map((f) => `  wrote ${f}\n`).join('') + kept.map((f) => `  kept ${f} (data/ is never replaced)\n`).join(''));
}
