import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseTrainConfig } from '../../src/model/train-config.ts';
import { collectSweep, spearmanRho, sweepMarkdown } from '../../src/runs/collect.ts';
import { planSweep, sweepId, sweepMatrix, trialConfig, TrialConfigError } from '../../src/model/sweep.ts';
import { run } from './fixtures.ts';

const config = (sweep: string, base = 'target: churned\n') =>
  parseTrainConfig(`schema_version: 1\n${base}sweep:\n${sweep.replace(/^/gm, '  ')}\n`, 'train.yml');
const reference = JSON.parse(readFileSync('test/fixtures/runs/spearman.json', 'utf8')) as Record<string, number>;

test('grid: every combination, the last parameter fastest; ranges by step and log count; max_trials cuts', () => {
  const c = config(
    'method: grid\nparameters:\n  model.type: [linear, mlp]\n  training.epochs: {min: 10, max: 30, step: 10}\n  training.learning_rate: {min: 0.001, max: 0.1, log: true, count: 3}',
  );
  const plan = planSweep(c);
  assert.equal(plan.trials.length, 18);
  assert.equal(plan.combinations, 18);
  assert.deepEqual(plan.trials[0].params, { 'model.type': 'linear', 'training.epochs': 10, 'training.learning_rate': 0.001 });
  assert.deepEqual(plan.trials[1].params, { 'model.type': 'linear', 'training.epochs': 10, 'training.learning_rate': 0.01 });
  assert.deepEqual(plan.trials[17].params, { 'model.type': 'mlp', 'training.epochs': 30, 'training.learning_rate': 0.1 });
  assert.deepEqual([...new Set(plan.trials.map((t) => t.params['training.epochs']))], [10, 20, 30]);
  assert.deepEqual(
    planSweep(config('parameters:\n  training.l2: {min: 0, max: 0.3, step: 0.1}')).trials.map((t) => t.params['training.l2']),
    [0, 0.1, 0.2, 0.3],
    'no float noise',
  );
  const cut = planSweep(config('parameters:\n  model.type: [linear, mlp]\n  training.epochs: [1, 2, 3]\nmax_trials: 4'));
  assert.deepEqual([cut.trials.length, cut.combinations], [4, 6]);
  assert.equal(plan.metric, 'accuracy', "the gate's primary metric for classification");
  assert.equal(plan.goal, 'maximize');
  const regression = planSweep(config('parameters:\n  training.epochs: [1, 2]', 'target: price\ntask: regression\n'));
  assert.deepEqual([regression.metric, regression.goal], ['rmse', 'minimize']);
  assert.throws(
    () => planSweep(config('parameters:\n  training.learning_rate: {min: 0.001, max: 0.1, log: true}')),
    /sweep\.parameters\.training\.learning_rate: a grid needs a list, a step, or count points for a log range/,
  );
});

test('random: seeded draws are the same every time, change with the seed, and stay in their ranges; log-uniform spreads over decades', () => {
  const text = (seed: number) =>
    `method: random\nmax_trials: 2000\nseed: ${seed}\nparameters:\n  training.learning_rate: {min: 0.0001, max: 1, log: true}\n  training.batch_size: {min: 16, max: 128, step: 16}\n  model.activation: [relu, tanh]`;
  const a = planSweep(config(text(7)));
  assert.deepEqual(planSweep(config(text(7))).trials, a.trials, 'reproducible');
  assert.notDeepEqual(planSweep(config(text(8))).trials, a.trials);
  assert.notEqual(sweepId(config(text(7))), sweepId(config(text(8))), 'the seed is part of the sweep id');
  assert.equal(sweepId(config(text(7))), a.id);
  const lr = a.trials.map((t) => t.params['training.learning_rate'] as number);
  assert.ok(lr.every((x) => x >= 0.0001 && x <= 1));
  // Log-uniform over 4 decades: each decade holds about a quarter of the draws (uniform would put 90% in the last).
  const perDecade = [-4, -3, -2, -1].map((d) => lr.filter((x) => Math.log10(x) >= d && Math.log10(x) < d + 1).length / lr.length);
  for (const share of perDecade) assert.ok(Math.abs(share - 0.25) < 0.04, `decade shares ${perDecade}`);
  const batch = new Set(a.trials.map((t) => t.params['training.batch_size']));
  assert.deepEqual(
    [...batch].sort((x, y) => (x as number) - (y as number)),
    [16, 32, 48, 64, 80, 96, 112, 128],
  );
  assert.throws(() => config('method: random\nparameters:\n  training.epochs: [1, 2]'), /sweep\.max_trials: method random needs max_trials/);
});

test('the sweep id follows the parsed config, not its layout', () => {
  const a = config('parameters:\n  training.epochs: [1, 2]');
  const b = parseTrainConfig('# a comment\nschema_version: 1\nsweep: {parameters: {training.epochs: [1, 2]}}\ntarget: churned\n', 'x.yml');
  assert.equal(sweepId(a), sweepId(b));
  assert.match(sweepId(a), /^sw-[0-9a-f]{12}$/);
  assert.notEqual(sweepId(a), sweepId(config('parameters:\n  training.epochs: [1, 3]')));
});

test('the matrix: one job per trial, or shards that split the trials round-robin', () => {
  const plan = planSweep(config('parameters:\n  training.epochs: [1, 2, 3, 4, 5]'));
  assert.deepEqual(sweepMatrix(plan), { include: [0, 1, 2, 3, 4].map((trial) => ({ trial })) });
  assert.deepEqual(sweepMatrix(plan, 2), {
    include: [
      { shard: 0, trials: '0 2 4' },
      { shard: 1, trials: '1 3' },
    ],
  });
  assert.deepEqual(sweepMatrix(plan, 9).include.length, 5, 'never more shards than trials');
});

test("trial K's config: its values at their paths, the sweep dropped; an invalid value fails with its path and what it tried", () => {
  const c = config('parameters:\n  model.hidden_layers: [[16], [32, 16]]\n  training.learning_rate: [0.01, -1]');
  const plan = planSweep(c);
  const t2 = trialConfig(c, plan, 2).config;
  assert.deepEqual(t2.model.hidden_layers, [32, 16]);
  assert.equal(t2.training.learning_rate, 0.01);
  assert.equal(t2.training.epochs, 50, 'the rest of the config stays');
  assert.equal(t2.sweep, undefined);
  assert.equal(c.sweep !== undefined, true, 'the input config is not changed');
  try {
    trialConfig(c, plan, 1);
    assert.fail('trial 1 has learning_rate -1');
  } catch (err) {
    assert.ok(err instanceof TrialConfigError);
    assert.equal(err.exitCode, 1);
    assert.match(err.message, /^train\.yml: trial 1: training\.learning_rate: Too small: expected number to be >0 \(from sweep\.parameters\)$/);
    assert.equal((err.attempted.training as { learning_rate: number }).learning_rate, -1);
  }
  assert.throws(() => trialConfig(c, plan, 4), /--trial 4: the sweep in train\.yml has trials 0 to 3/);
});

test("Spearman's rho with ties matches scipy", () => {
  assert.ok(Math.abs(spearmanRho([0.001, 0.01, 0.1, 0.01], [0.66, 0.83, 0.84, 0.835])! - reference.collect) < 1e-12);
  assert.ok(Math.abs(spearmanRho([1, 2, 2, 3, 4, 4, 5], [3, 1, 1, 4, 2, 5, 5])! - reference.ties) < 1e-12);
  assert.equal(spearmanRho([1, 1, 1], [1, 2, 3]), null);
});

test('collect: ranks toward the goal, lists failed and missing trials after, means per value, the most influential parameter', () => {
  const c = config('parameters:\n  model.type: [linear, mlp]\n  training.learning_rate: [0.001, 0.01, 0.1]');
  const plan = planSweep(c);
  const trialRun = (trial: number, id: string, accuracy: number | null, over = {}) =>
    run(id, {
      sweep: { id: plan.id, trial },
      params: {
        'model.type': plan.trials[trial].params['model.type'] as string,
        'training.learning_rate': plan.trials[trial].params['training.learning_rate'] as number,
        'training.epochs': 50,
      },
      metrics: accuracy === null ? {} : { accuracy },
      ...(accuracy === null ? { status: 'failed' as const, error: 'out of memory' } : {}),
      ...over,
    });
  const runs = [
    trialRun(0, '20260101T000000Z-00000000', 0.66),
    trialRun(1, '20260101T000001Z-00000001', 0.7),
    trialRun(1, '20260101T000009Z-00000011', 0.83, {}), // a re-run of trial 1 supersedes the first
    trialRun(2, '20260101T000002Z-00000002', 0.84),
    trialRun(3, '20260101T000003Z-00000003', null),
    trialRun(4, '20260101T000004Z-00000004', 0.835),
    run('20260101T000005Z-00000005', { sweep: { id: 'sw-000000000000', trial: 5 } }), // another sweep
  ];
  const report = collectSweep(runs, { sweep: plan.id, metric: 'accuracy', goal: 'maximize', plan });
  assert.deepEqual(report.counts, { ok: 4, failed: 1, missing: 1 });
  assert.deepEqual(
    report.trials.map((t) => [t.trial, t.rank ?? null, t.status]),
    [
      [2, 1, 'ok'],
      [4, 2, 'ok'],
      [1, 3, 'ok'],
      [0, 4, 'ok'],
      [3, null, 'failed'],
      [5, null, 'missing'],
    ],
  );
  assert.equal(report.best?.trial, 2);
  assert.equal(report.best?.run_id, '20260101T000002Z-00000002');
  assert.equal(report.trials.find((t) => t.trial === 1)?.metric, 0.83, "trial 1's latest run counts");
  assert.equal(report.trials.find((t) => t.trial === 3)?.error, 'out of memory');
  const lr = report.effects.find((e) => e.name === 'training.learning_rate')!;
  assert.deepEqual(
    lr.values.map((v) => [v.value, v.trials, Number(v.mean.toFixed(6)), v.best]),
    [
      [0.001, 1, 0.66, 0.66],
      [0.01, 2, 0.8325, 0.835],
      [0.1, 1, 0.84, 0.84],
    ],
  );
  assert.ok(Math.abs(lr.spread - 0.18) < 1e-12);
  assert.ok(Math.abs(lr.spearman! - reference.collect) < 1e-12);
  const type = report.effects.find((e) => e.name === 'model.type')!;
  assert.deepEqual(
    type.values.map((v) => [v.value, v.trials, Number(v.mean.toFixed(6))]),
    [
      ['linear', 3, 0.776667],
      ['mlp', 1, 0.835],
    ],
  );
  assert.equal(type.spearman, null, 'not numeric');
  assert.equal(report.most_influential, 'training.learning_rate');

  const minimize = collectSweep(runs, { sweep: plan.id, metric: 'accuracy', goal: 'minimize', plan });
  assert.equal(minimize.best?.trial, 0);
  const unplanned = collectSweep(runs, { sweep: plan.id, metric: 'accuracy', goal: 'maximize' });
  assert.deepEqual(unplanned.counts, { ok: 4, failed: 1, missing: 0 }, 'without the plan a trial with no run is unknown');
  assert.deepEqual(
    unplanned.effects.map((e) => e.name),
    ['model.type', 'training.learning_rate'],
    'the params that vary (epochs does not)',
  );

  const md = sweepMarkdown(report);
  assert.match(md, /6 trials: 4 ok, 1 failed, 1 without a run\. Best: \*\*trial 2\*\*, accuracy 0\.84 \(run `20260101T000002Z-00000002`\)\./);
  assert.match(md, /\|\s+\|\s+3 \|\s+\| mlp\s+\| 0\.001\s+\| failed: out of memory\s+\|/);
  assert.match(md, /\|\s+\|\s+5 \|\s+\| mlp\s+\| 0\.1\s+\| no run recorded\s+\|/);
  assert.match(md, /x-axis \["t0", "t1", "t2", "t4"\]\n  y-axis "accuracy" 0 --> 0\.84\n  bar \[0\.66, 0\.83, 0\.84, 0\.835\]/);
  assert.match(md, /Most influential: `training\.learning_rate` \(mean accuracy spread 0\.18\)/);
  assert.match(md, /training\.learning_rate \(Spearman ρ 0\.9487\)/);
});
