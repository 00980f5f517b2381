import { resolve } from 'node:path';
import type { Command } from '../command.ts';
import { oneOf, parseCommandArgs, positiveInteger } from '../args.ts';
import { RUN_STORE_HELP, openRunStore, runStoreOptions } from '../run-flags.ts';
import { higherIsBetter } from '../../metrics/names.ts';
import { readTrainConfig } from '../../model/train-config.ts';
import { collectSweep, sweepMarkdown } from '../../runs/collect.ts';
import { listRuns } from '../../runs/store.ts';
import { planSweep, sweepMatrix, type SweepPlan } from '../../model/sweep.ts';
import { MlopsError } from '../../util/errors.ts';
import { writeText } from '../../util/fs.ts';

const help = `mlops sweep: hyperparameter sweeps over the built-in trainer, one trial per Actions job.

Usage:
  mlops sweep plan --config train.yml [--shards N] [--format text|json]
  mlops train --data FILE --config train.yml --trial K [--artifact-name NAME]   (one trial)
  mlops sweep collect (--sweep ID | --config train.yml) [--metric M] [--goal G] [--format F]
                      [--markdown FILE] [--json FILE]

train.yml gains a sweep: section (parameter names are dotted train.yml paths):
  sweep:
    method: grid                      # grid (every combination) or random (max_trials draws)
    parameters:
      model.type: [linear, mlp]                         # a list of values
      model.hidden_layers: [[16], [32, 16]]             # a value may be a list
      training.epochs: {min: 10, max: 30, step: 10}     # a range: 10, 20, 30
      training.learning_rate: {min: 0.001, max: 0.1, log: true}  # log-uniform (random),
                                                        # or add count: N for a grid
    max_trials: 6       # grid: the first N combinations; random: required
    seed: 7             # random draws (and the sweep id) depend on it
    metric: accuracy    # default: the gate's primary metric (accuracy; rmse for regression),
    goal: maximize      #   on the validation rows; goal: maximize, or minimize for a loss/error

plan prints the trials and the GitHub Actions matrix. The sweep id is a hash of the whole
parsed train.yml (sweep and seed included), so every job that reads the same file agrees on it
and on trial K's values without talking to the others.
  --shards N       N matrix jobs instead of one per trial, each running its trials in turn:
                   {"include":[{"shard":0,"trials":"0 2 4"},{"shard":1,"trials":"1 3 5"}]}
  --format F       text (default: the trial table, then "matrix: {...}") or json:
                   {"id","method","metric","goal","seed","combinations","trials":[{"trial","params"}],
                    "matrix":{"include":[{"trial":0},...]}}

collect reads the sweep's runs (each trial's latest run) and reports the leaderboard: ranked
trials, failed trials with their error (never hiding the others), trials without a run when
--config gives the plan, the best trial, and per parameter the mean and best metric per value,
Spearman's rank correlation for numeric ones and the most influential parameter (widest spread
of means), with Mermaid charts of the metric per trial and by that parameter.
  --sweep ID       the sweep (sw-…); with --config, taken from the file
  --metric M, --goal maximize|minimize   override the sweep's
  --format F       markdown (default) or json
  --markdown FILE, --json FILE           also write the report there

${RUN_STORE_HELP}
Exit codes: 0 ok (collect: some trial reported the metric), 1 no trial reported it, 2 bad usage.

Examples:
  mlops sweep plan --config train.yml --format json | jq -c .matrix
  mlops sweep collect --config train.yml --runs-dir runs --markdown leaderboard.md --json leaderboard.json
`;

export const sweepCommand: Command = {
  name: 'sweep',
  help,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub !== 'plan' && sub !== 'collect')
      throw new MlopsError(`${sub ? `unknown subcommand "${sub}"` : 'missing subcommand'}: use plan or collect (see mlops sweep --help)`);
    const { values } = parseCommandArgs(`sweep ${sub}`, rest, {
      ...runStoreOptions,
      config: { type: 'string' },
      shards: { type: 'string' },
      format: { type: 'string' },
      sweep: { type: 'string' },
      metric: { type: 'string' },
      goal: { type: 'string' },
      markdown: { type: 'string' },
      json: { type: 'string' },
    });
    const plan = values.config ? planSweep(await readTrainConfig(resolve(io.cwd, values.config)), values.config) : undefined;
    if (sub === 'plan') {
      if (!plan) throw new MlopsError('--config is required (see mlops sweep --help)');
      const shards = values.shards === undefined ? undefined : positiveInteger('--shards', values.shards);
      const format = oneOf('sweep plan', '--format', values.format, ['text', 'json'] as const, 'text');
      const matrix = sweepMatrix(plan, shards);
      if (format === 'json') io.stdout.write(JSON.stringify({ ...plan, matrix }) + '\n');
      else io.stdout.write(planText(plan) + `matrix: ${JSON.stringify(matrix)}\n`);
      return 0;
    }
    const id = values.sweep ?? plan?.id;
    if (!id) throw new MlopsError('--sweep ID or --config train.yml is required (see mlops sweep --help)');
    if (plan && values.sweep && values.sweep !== plan.id)
      throw new MlopsError(`--sweep ${values.sweep} is not the sweep of ${values.config} (${plan.id}): the file changed since the sweep ran?`);
    const metric = values.metric ?? plan?.metric;
    if (!metric) throw new MlopsError('--metric is required without --config (see mlops sweep --help)');
    const goal = oneOf(
      'sweep collect',
      '--goal',
      values.goal,
      ['maximize', 'minimize'] as const,
      values.metric === undefined && plan ? plan.goal : higherIsBetter(metric) ? 'maximize' : 'minimize',
    );
    const format = oneOf('sweep collect', '--format', values.format, ['markdown', 'json'] as const, 'markdown');
    const location = await openRunStore('sweep collect', values, io);
    try {
      const runs = await listRuns(location.source);
      const report = collectSweep(runs, { sweep: id, metric, goal, plan });
      if (report.trials.length === 0) throw new MlopsError(`no runs of sweep ${id} in ${location.description}`, { exitCode: 1 });
      const markdown = sweepMarkdown(report);
      const json = JSON.stringify(report, null, 2) + '\n';
      if (values.markdown) await writeText(resolve(io.cwd, values.markdown), markdown);
      if (values.json) await writeText(resolve(io.cwd, values.json), json);
      io.stdout.write(format === 'json' ? json : markdown);
      return report.best ? 0 : 1;
    } finally {
      await location.close();
    }
  },
};

function planText(plan: SweepPlan): string {
  const names = Object.keys(plan.trials[0]?.params ?? {});
  const rows = plan.trials.map((t) => [String(t.trial), ...names.map((n) => JSON.stringify(t.params[n]))]);
  const header = ['trial', ...names];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const of = plan.combinations !== undefined && plan.combinations > plan.trials.length ? ` (the first of ${plan.combinations} combinations)` : '';
  return [
    `sweep ${plan.id}: ${plan.method}, ${plan.trials.length} trials${of}, ${plan.metric} (${plan.goal})${plan.method === 'random' ? `, seed ${plan.seed}` : ''}`,
    line(header),
    ...rows.map(line),
    '',
  ].join('\n');
}
