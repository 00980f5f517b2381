import { resolve } from 'node:path';
import type { Command } from '../command.ts';
import { defineCommand } from '../define.ts';
import { RUN_STORE_TEXT, openRunStore, runStoreOptions } from '../run-flags.ts';
import { higherIsBetter } from '../../metrics/names.ts';
import { readTrainConfig } from '../../model/train-config.ts';
import { collectSweep, sweepMarkdown } from '../../runs/collect.ts';
import { listRuns } from '../../runs/store.ts';
import { planSweep, sweepMatrix, type SweepPlan } from '../../model/sweep.ts';
import { MlopsError } from '../../util/errors.ts';
import { writeText } from '../../util/fs.ts';

const SWEEP_TEXT = `train.yml gains a sweep: section (parameter names are dotted train.yml paths):
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

One trial trains with: mlops train --data FILE --config train.yml --trial K [--artifact-name NAME]`;

const plan = defineCommand({
  name: 'sweep plan',
  summary: "print a sweep's trials and the GitHub Actions matrix that runs them.",
  usage: ['mlops sweep plan --config train.yml [--shards N] [--format text|json]'],
  options: {
    config: { type: 'string', value: 'FILE', required: true, description: 'train.yml with a sweep: section' },
    shards: {
      type: 'integer',
      value: 'N',
      range: { min: 1 },
      description:
        'N matrix jobs instead of one per trial, each running its trials in turn: {"include":[{"shard":0,"trials":"0 2 4"},{"shard":1,"trials":"1 3 5"}]}',
    },
    format: {
      type: 'choice',
      choices: ['text', 'json'],
      default: 'text',
      description:
        'text (the trial table, then "matrix: {...}") or json: {"id","method","metric","goal","seed","combinations","trials":[{"trial","params"}],"matrix":{"include":[{"trial":0},...]}}',
    },
  },
  text: `${SWEEP_TEXT}

The sweep id is a hash of the whole parsed train.yml (sweep and seed included), so every job that
reads the same file agrees on it and on trial K's values without talking to the others.`,
  examples: ['mlops sweep plan --config train.yml --format json | jq -c .matrix'],
  async run(values, io) {
    const planned = planSweep(await readTrainConfig(resolve(io.cwd, values.config)), values.config);
    const matrix = sweepMatrix(planned, values.shards);
    if (values.format === 'json') io.stdout.write(JSON.stringify({ ...planned, matrix }) + '\n');
    else io.stdout.write(planText(planned) + `matrix: ${JSON.stringify(matrix)}\n`);
    return 0;
  },
});

const collect = defineCommand({
  name: 'sweep collect',
  summary: "a sweep's leaderboard from its runs: the best trial and each parameter's effect.",
  usage: ['mlops sweep collect (--sweep ID | --config train.yml) [--metric M] [--goal G] [--format F] [--markdown FILE] [--json FILE]'],
  options: {
    sweep: { type: 'string', value: 'ID', description: 'the sweep (sw-…); with --config, taken from the file' },
    config: { type: 'string', value: 'FILE', description: 'train.yml with the sweep: section (also lists trials that have no run)' },
    metric: { type: 'string', value: 'M', description: "override the sweep's metric" },
    goal: { type: 'choice', choices: ['maximize', 'minimize'], description: "override the sweep's goal" },
    format: { type: 'choice', choices: ['markdown', 'json'], default: 'markdown', description: 'the report on stdout' },
    markdown: { type: 'string', value: 'FILE', description: 'also write the Markdown report here' },
    json: { type: 'string', value: 'FILE', description: 'also write the JSON report here' },
    ...runStoreOptions,
  },
  text: `collect reads the sweep's runs (each trial's latest run) and reports the leaderboard: ranked
trials, failed trials with their error (never hiding the others), trials without a run when
--config gives the plan, the best trial, and per parameter the mean and best metric per value,
Spearman's rank correlation for numeric ones and the most influential parameter (widest spread
of means), with Mermaid charts of the metric per trial and by that parameter.

${RUN_STORE_TEXT}

Exit codes: 0 ok (some trial reported the metric), 1 no trial reported it, 2 bad usage.`,
  examples: ['mlops sweep collect --config train.yml --runs-dir runs --markdown leaderboard.md --json leaderboard.json'],
  async run(values, io) {
    const planned = values.config ? planSweep(await readTrainConfig(resolve(io.cwd, values.config)), values.config) : undefined;
    const id = values.sweep ?? planned?.id;
    if (!id) throw new MlopsError('--sweep ID or --config train.yml is required (see mlops sweep collect --help)');
    if (planned && values.sweep && values.sweep !== planned.id)
      throw new MlopsError(`--sweep ${values.sweep} is not the sweep of ${values.config} (${planned.id}): the file changed since the sweep ran?`);
    const metric = values.metric ?? planned?.metric;
    if (!metric) throw new MlopsError('--metric is required without --config (see mlops sweep collect --help)');
    const goal = values.goal ?? (values.metric === undefined && planned ? planned.goal : higherIsBetter(metric) ? 'maximize' : 'minimize');
    const location = await openRunStore(values, io);
    try {
      const runs = await listRuns(location.source);
      const report = collectSweep(runs, { sweep: id, metric, goal, plan: planned });
      if (report.trials.length === 0) throw new MlopsError(`no runs of sweep ${id} in ${location.description}`, { exitCode: 1 });
      const markdown = sweepMarkdown(report);
      const json = JSON.stringify(report, null, 2) + '\n';
      if (values.markdown) await writeText(resolve(io.cwd, values.markdown), markdown);
      if (values.json) await writeText(resolve(io.cwd, values.json), json);
      io.stdout.write(values.format === 'json' ? json : markdown);
      return report.best ? 0 : 1;
    } finally {
      await location.close();
    }
  },
});

const SUBCOMMANDS = [plan, collect];

export const sweepCommand: Command = {
  name: 'sweep',
  help: `mlops sweep: hyperparameter sweeps over the built-in trainer, one trial per Actions job.

Usage:
${SUBCOMMANDS.flatMap((c) => c.spec.usage.map((u) => `  ${u}`)).join('\n')}
  mlops train --data FILE --config train.yml --trial K   (one trial)

Run \`mlops sweep SUB --help\` for a sub-command's options.
`,
  subcommands: SUBCOMMANDS,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const command = SUBCOMMANDS.find((c) => c.name === `sweep ${sub}`);
    if (!command) throw new MlopsError(`${sub ? `unknown subcommand "${sub}"` : 'missing subcommand'}: use plan or collect (see mlops sweep --help)`);
    return command.run(rest, io);
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
