import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeRun } from '../../src/registry/runs.ts';
import { listRuns } from '../../src/runs/store.ts';
import { cli, tempDir } from '../helpers.ts';
import { BRANCH, bareRepo, git } from '../registry/fixtures.ts';
import { run } from './fixtures.ts';

async function runsDir() {
  const dir = tempDir();
  await writeRun({ dir }, run('20260101T000000Z-00000001', { metrics: { roc_auc: 0.81, accuracy: 0.7 }, params: { 'model.type': 'mlp', lr: 0.01, seed: 7 } }));
  await writeRun(
    { dir },
    run('20260102T000000Z-00000002', { model: 'fraud', metrics: { roc_auc: 0.9 }, params: { 'model.type': 'linear', lr: 0.1, seed: 7 } }),
  );
  await writeRun({ dir }, run('20260103T000000Z-00000003', { status: 'failed', error: 'boom, "quoted"', metrics: {}, params: { 'model.type': 'mlp', lr: 1 } }));
  return dir;
}

test('runs list: --where, --sort, --limit, --model and the four formats', async () => {
  const dir = await runsDir();
  const list = (...args: string[]) => cli(['runs', 'list', '--runs-dir', dir, ...args]);
  const json = async (...args: string[]) => JSON.parse((await list(...args, '--format', 'json')).stdout).map((r: { id: string }) => r.id.slice(-1));
  assert.deepEqual(await json(), ['3', '2', '1'], 'newest first by default');
  assert.deepEqual(await json('--sort', '-metrics.roc_auc'), ['2', '1', '3'], 'the failed run without roc_auc last');
  assert.deepEqual(await json('--sort', 'metrics.roc_auc'), ['1', '2', '3']);
  assert.deepEqual(await json('--where', "status = 'ok' and params.lr < 0.05"), ['1']);
  assert.deepEqual(await json('--model', 'fraud'), ['2']);
  assert.deepEqual(await json('--sort', 'params.model.type,-params.lr', '--limit', '2'), ['2', '3']);

  const table = await list('--sort', '-metrics.roc_auc');
  assert.equal(table.code, 0, table.stderr);
  assert.deepEqual(table.stdout.split('\n').slice(0, 3), [
    'id                         model  status  started_at            metrics.roc_auc  metrics.accuracy',
    '-------------------------  -----  ------  --------------------  ---------------  ----------------',
    '20260102T000000Z-00000002  fraud  ok      2026-01-02T00:00:00Z              0.9',
  ]);
  assert.match(table.stdout, /\n3 runs\n$/);
  const csv = await list('--format', 'csv', '--columns', 'params.lr,error');
  assert.equal(csv.stdout.split('\n')[0], 'id,model,status,started_at,params.lr,error,metrics.accuracy,metrics.roc_auc');
  assert.equal(csv.stdout.split('\n')[1], '20260103T000000Z-00000003,churn,failed,2026-01-03T00:00:00Z,1,"boom, ""quoted""",,');
  const md = await list('--format', 'markdown', '--sort', '-metrics.roc_auc', '--limit', '1');
  assert.match(
    md.stdout,
    /^\| id +\| model \| status \| started_at +| metrics\.roc_auc \|\n\| :-+.*\n\| 20260102T000000Z-00000002 \| fraud \| ok +\| 2026-01-02T00:00:00Z \| +0\.9 \|\n$/,
  );
});

test('runs list: a bad --where or --sort is one line with the column, exit 2', async () => {
  const dir = await runsDir();
  const r = await cli(['runs', 'list', '--runs-dir', dir, '--where', "metrics.roc_auc > 'x'"]);
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr,
    `mlops runs: error: --where: column 19: metrics.roc_auc is a number: compare it with a number, not 'x' (in "metrics.roc_auc > 'x'")\n`,
  );
  const s = await cli(['runs', 'list', '--runs-dir', dir, '--sort', '-metrics.roc_auc', '--sort', 'nope ASC']);
  assert.equal(s.code, 2);
  assert.match(s.stderr, /^mlops runs: error: --sort: column 1: unknown key "nope"/);
  assert.equal((await cli(['runs', 'frobnicate'])).code, 2);
});

test('runs show, diff, best', async () => {
  const dir = await runsDir();
  const show = await cli(['runs', 'show', '20260103', '--runs-dir', dir]);
  assert.equal(show.code, 0, show.stderr);
  assert.match(show.stdout, /^id: 20260103T000000Z-00000003\nmodel: churn\nstatus: failed\nerror: boom, "quoted"\n/);
  assert.match(show.stdout, /\nparams\n  lr: 1\n  model\.type: mlp\n/);
  assert.equal((await cli(['runs', 'show', '20990101T000000Z-00000000', '--runs-dir', dir])).code, 1);

  const diff = await cli(['runs', 'diff', '20260101T000000Z-00000001', '20260102T000000Z-00000002', '--runs-dir', dir]);
  assert.equal(diff.code, 0, diff.stderr);
  const lines = diff.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^ +key +20260101T000000Z-00000001 +20260102T000000Z-00000002 +B − A$/);
  assert.match(diff.stdout, /≠  metrics\.accuracy +0\.7\n/);
  assert.match(diff.stdout, /≠  metrics\.roc_auc +0\.81 +0\.9 +\+0\.09\n/);
  assert.match(diff.stdout, /≠  params\.lr +0\.01 +0\.1\n/);
  assert.match(diff.stdout, /≠  model +churn +fraud\n/);
  assert.doesNotMatch(diff.stdout, /params\.seed/, 'shared params only with --all');
  const diffJson = JSON.parse(
    (await cli(['runs', 'diff', '20260101T000000Z-00000001', '20260102T000000Z-00000002', '--runs-dir', dir, '--format', 'json', '--all'])).stdout,
  );
  assert.deepEqual(
    diffJson.rows.find((r: { key: string }) => r.key === 'params.seed'),
    { key: 'params.seed', a: 7, b: 7, differs: false },
  );

  const best = JSON.parse((await cli(['runs', 'best', '--metric', 'roc_auc', '--runs-dir', dir, '--format', 'json'])).stdout);
  assert.equal(best.id, '20260102T000000Z-00000002');
  const churn = JSON.parse((await cli(['runs', 'best', '--metric', 'roc_auc', '--where', "model = 'churn'", '--runs-dir', dir, '--format', 'json'])).stdout);
  assert.equal(churn.id, '20260101T000000Z-00000001');
  const lowest = JSON.parse((await cli(['runs', 'best', '--metric', 'roc_auc', '--goal', 'minimize', '--runs-dir', dir, '--format', 'json'])).stdout);
  assert.equal(lowest.id, '20260101T000000Z-00000001');
  const none = await cli(['runs', 'best', '--metric', 'f1', '--runs-dir', dir]);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /no ok run with metrics\.f1 among 3 matching runs/);
});

test('a sweep end to end on the registry branch: plan, two trials (one invalid, recorded as failed), collect, import', { timeout: 240_000 }, async () => {
  const dir = tempDir();
  const remote = bareRepo();
  copyFileSync(resolve('templates/example/data/train.csv'), join(dir, 'train.csv'));
  writeFileSync(
    join(dir, 'train.yml'),
    'schema_version: 1\ntarget: churned\ntraining: {epochs: 2, batch_size: 512, seed: 3}\nfeatures: {exclude: [customer_id, signup_date]}\n' +
      'sweep:\n  parameters:\n    training.learning_rate: [0.05, -1]\n  metric: accuracy\n',
  );
  const env = { MLOPS_TF_BACKEND: 'cpu', GITHUB_REF: 'refs/pull/12/merge', GITHUB_SHA: 'c'.repeat(40), RUNNER_NAME: 'runner-3', PATH: process.env.PATH };
  const plan = await cli(['sweep', 'plan', '--config', 'train.yml', '--format', 'json'], { cwd: dir });
  assert.equal(plan.code, 0, plan.stderr);
  const { id, matrix, trials } = JSON.parse(plan.stdout);
  assert.deepEqual(matrix, { include: [{ trial: 0 }, { trial: 1 }] });
  assert.deepEqual(trials[1], { trial: 1, params: { 'training.learning_rate': -1 } });
  const text = await cli(['sweep', 'plan', '--config', 'train.yml'], { cwd: dir });
  assert.equal(
    text.stdout,
    `sweep ${id}: grid, 2 trials, accuracy (maximize)\ntrial  training.learning_rate\n0      0.05\n1      -1\nmatrix: {"include":[{"trial":0},{"trial":1}]}\n`,
  );

  const trial = (k: number) =>
    cli(
      [
        'train',
        '--data',
        'train.csv',
        '--config',
        'train.yml',
        '--trial',
        String(k),
        '--out',
        `m${k}`,
        '--name',
        'churn',
        '--remote',
        remote,
        '--artifact-name',
        `sweep-trial-${k}`,
      ],
      { cwd: dir, env },
    );
  const ok = await trial(0);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stderr, new RegExp(`^sweep ${id} trial 0: training.learning_rate=0.05$`, 'm'));
  const bad = await trial(1);
  assert.equal(bad.code, 1, 'an invalid trial value fails the trial (exit 1)');
  assert.match(bad.stderr, /mlops train: error: train\.yml: trial 1: training\.learning_rate: Too small/);
  assert.equal(git(remote, 'log', '--format=%s', BRANCH).split('\n').length, 2, 'two runs, two commits');

  const runs = await listRuns({ store: await (await import('../../src/registry/git-store.ts')).openGitStore({ remote, branch: BRANCH }) });
  assert.equal(runs.length, 2);
  const [first, second] = runs.sort((a, b) => a.sweep!.trial - b.sweep!.trial);
  assert.deepEqual([first.status, second.status], ['ok', 'failed']);
  assert.deepEqual(first.sweep, { id, trial: 0 });
  assert.equal(first.params['training.learning_rate'], 0.05);
  assert.equal(first.params['training.epochs'], 2);
  assert.equal(first.params.target, 'churned');
  assert.equal(first.params['model.hidden_layers'], '[32,16]');
  assert.ok(first.metrics.accuracy > 0.5);
  assert.match(first.data_fingerprint!, /^sha256:[0-9a-f]{64}$/);
  assert.deepEqual(first.source, { commit: 'c'.repeat(40), ref: 'refs/pull/12/merge', pr: 12 });
  assert.deepEqual(first.environment, { runner: 'runner-3', backend: 'cpu' });
  assert.deepEqual(first.artifact, { kind: 'actions-artifact', name: 'sweep-trial-1'.replace('1', '0') });
  assert.equal(second.params['training.learning_rate'], -1);
  assert.match(second.error!, /^train\.yml: trial 1: training\.learning_rate: Too small/);

  const collect = await cli(['sweep', 'collect', '--config', 'train.yml', '--remote', remote, '--json', 'board.json', '--format', 'json'], { cwd: dir });
  assert.equal(collect.code, 0, collect.stderr);
  const board = JSON.parse(collect.stdout);
  assert.deepEqual(board.counts, { ok: 1, failed: 1, missing: 0 });
  assert.equal(board.best.trial, 0);
  assert.equal(board.best.metric, first.metrics.accuracy);

  // A trial job's folder imported into the branch: new runs in one commit, known ones skipped.
  const local = join(dir, 'local-runs');
  const lone = run('20260301T000000Z-000000aa', { sweep: { id, trial: 2 } });
  await writeRun({ dir: local }, lone);
  await writeRun({ dir: local }, first);
  const imported = await cli(['runs', 'import', local, '--remote', remote]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stderr, /^imported 1 of 2 runs from .* \(1 already there\)\n$/);
  assert.equal((await cli(['runs', 'import', local, '--remote', remote])).stderr.startsWith('imported 0 of 2'), true);
  assert.equal(git(remote, 'log', '--format=%s', BRANCH).split('\n').length, 3, 'no empty commit for a second import');
  const list = JSON.parse(
    (await cli(['runs', 'list', '--remote', remote, '--where', `sweep.id = '${id}'`, '--sort', 'sweep.trial', '--format', 'json'])).stdout,
  );
  assert.deepEqual(
    list.map((r: { sweep: { trial: number } }) => r.sweep.trial),
    [0, 1, 2],
  );
});
