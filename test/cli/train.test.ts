import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LineageSchema } from '../../src/model/lineage.ts';
import { MetricsFileSchema } from '../../src/model/train-builtin.ts';
import { exportOnnx } from '../../src/model/onnx/export.ts';
import { loadModel } from '../../src/model/runtime.ts';
import type { TabularModel } from '../../src/model/tabular.ts';
import { listRuns } from '../../src/runs/store.ts';
import { cli, readAll, tempDir } from '../helpers.ts';

const EXAMPLE = resolve('templates/example');

test('mlops train (built-in) on the example writes model.onnx, metrics.json and a valid lineage', async () => {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'train.yml'),
    'schema_version: 1\ntarget: churned\ntraining: {epochs: 4, batch_size: 256, learning_rate: 0.05, seed: 7}\nfeatures: {exclude: [customer_id, signup_date]}\n',
  );
  copyFileSync(join(EXAMPLE, 'data/train.csv'), join(dir, 'train.csv'));
  const env = {
    MLOPS_TF_BACKEND: 'cpu',
    RUNNER_NAME: 'gpu-runner-7',
    RUNNER_ENVIRONMENT: 'self-hosted',
    RUNNER_OS: 'Linux',
    MLOPS_RUNNER_LABELS: 'gpu, a10',
    GITHUB_SHA: 'a'.repeat(40),
  };
  const r = await cli(['train', '--data', 'train.csv', '--task', 'classification', '--config', 'train.yml', '--out', 'out'], { cwd: dir, env });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^backend: cpu \(@tensorflow\/tfjs\)$/m);
  assert.match(r.stderr, /^epoch 4\/4  loss /m);
  assert.match(r.stderr, /^final: accuracy 0\.\d{4}  log_loss .* onnx parity /m);
  const metrics = JSON.parse(r.stdout);
  assert.ok(metrics.accuracy > 0.75);

  const lineage = LineageSchema.parse(JSON.parse(readFileSync(join(dir, 'out/lineage.json'), 'utf8')));
  const bytes = readFileSync(join(dir, 'train.csv'));
  assert.equal(lineage.data.fingerprint, 'sha256:' + createHash('sha256').update(bytes).digest('hex'));
  // A temporary folder outside any repository: the data is recorded as local.
  assert.deepEqual(lineage.data.files, [
    { path: 'train.csv', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, location: { kind: 'local' } },
  ]);
  assert.equal(lineage.data.rows, 4000);
  assert.equal(lineage.data.profile?.rows, 4000);
  assert.equal(lineage.model.file, 'model.onnx');
  assert.equal(
    lineage.model.sha256,
    createHash('sha256')
      .update(readFileSync(join(dir, 'out/model.onnx')))
      .digest('hex'),
  );
  assert.equal(lineage.model.task, 'classification');
  assert.equal(lineage.seed, 7);
  assert.equal(lineage.source.commit, 'a'.repeat(40));
  assert.equal(lineage.environment.runner_name, 'gpu-runner-7');
  assert.deepEqual(lineage.environment.runner_labels, ['self-hosted', 'Linux', 'gpu', 'a10']);
  assert.equal(lineage.environment.backend, 'cpu');
  assert.ok(lineage.environment.packages['onnxruntime-node'] && lineage.environment.packages['@tensorflow/tfjs-core']);
  assert.deepEqual(lineage.metrics, metrics);
  assert.equal((lineage.params.training as { epochs: number }).epochs, 4);
  // permutation importance on the validation rows, one value per feature, the baseline being the accuracy
  const importance = lineage.importance!;
  assert.equal(importance.metric, 'accuracy');
  assert.equal(importance.rows, lineage.params.validation_rows);
  assert.equal(importance.baseline, metrics.accuracy);
  assert.deepEqual(Object.keys(importance.values), lineage.params.features);
  const ranked = Object.entries(importance.values).sort((a, b) => b[1] - a[1]);
  assert.ok(ranked[0][1] > 0.01, `the most important feature moves accuracy: ${JSON.stringify(ranked)}`);

  const stored = MetricsFileSchema.parse(JSON.parse(readFileSync(join(dir, 'out/metrics.json'), 'utf8')));
  assert.deepEqual(stored.metrics, metrics);
  assert.equal(stored.history.length, 4);

  const holdout = await readAll(join(EXAMPLE, 'data/holdout.csv'));
  const runner = await loadModel(join(dir, 'out/model.onnx'));
  assert.deepEqual(runner.info.classes, ['0', '1']);
  assert.equal((await runner.predict(holdout.columns, holdout.rows.slice(0, 5))).probabilities!.length, 5);
  await runner.close();
});

test('mlops train: usage and config errors exit 2 with one clear line', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'bad.yml'), 'schema_version: 1\ntraining: {epochs: 0}\n');
  copyFileSync(join(EXAMPLE, 'data/train.csv'), join(dir, 'train.csv'));
  const cases: [string[], RegExp][] = [
    [['train', '--target', 'churned'], /--data is required/],
    [['train', '--data', 'train.csv'], /--target is required/],
    [['train', '--data', 'train.csv', '--target', 'nope'], /target column "nope" is not in the data/],
    [['train', '--data', 'train.csv', '--target', 'churned', '--task', 'ranking'], /--task must be one of classification, regression/],
    [['train', '--data', 'train.csv', '--target', 'churned', '--config', 'bad.yml'], /bad\.yml: training\.epochs: Too small/],
    [['train', '--data', 'train.csv', '--target', 'plan', '--task', 'regression'], /train\.csv, row 1, column "plan": target must be numeric/],
    [['train', '--command', 'true'], /--outputs is required with --command/],
    [['train', '--command', 'true', '--outputs', 'metrics.json'], /exactly one \.onnx model/],
  ];
  for (const [args, message] of cases) {
    const r = await cli(args, { cwd: dir, env: { MLOPS_TF_BACKEND: 'cpu' } });
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    // A failure inside training is still a run: the note saying where it was recorded is the only other line.
    const lines = r.stderr
      .trim()
      .split('\n')
      .filter((l) => !/^run \d{8}T\d{6}Z-[0-9a-f]{8} \(failed\) recorded in \S+$/.test(l));
    assert.equal(lines.length, 1, r.stderr);
  }
  const help = await cli(['train', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--command CMD/);
});

function tinyModel(): Uint8Array {
  const model: TabularModel = {
    info: { task: 'regression', target: 'y', features: [{ name: 'x', type: 'number' }], framework: 'my-framework 1.0' },
    preprocessing: { numeric: [{ name: 'x', type: 'number', mean: 0, std: 1 }], categorical: [] },
    layers: [{ inputs: 1, units: 1, weights: Float32Array.from([2]), bias: Float32Array.from([1]), activation: 'linear' }],
  };
  return exportOnnx(model, { producerVersion: 'test' });
}

/** A "user training script": prints a log, allocates memory, writes the outputs, exits with `code`. */
function userScript(dir: string, options: { code?: number } = {}): void {
  writeFileSync(join(dir, 'prebuilt.onnx'), tinyModel());
  const lines = [
    "import { copyFileSync, writeFileSync } from 'node:fs';",
    "console.log('epoch 1 loss 0.5');",
    "console.error('warning from the framework');",
    'const big = Buffer.alloc(64 * 1024 * 1024, 1);',
    "console.log('allocated', big.length);",
  ];
  lines.push("copyFileSync('prebuilt.onnx', 'model.onnx');");
  lines.push(`writeFileSync('metrics.json', '{"rmse": 0.25, "eval": {"r2": 0.9}, "note": "text"}');`);
  lines.push(`process.exit(${options.code ?? 0});`);
  writeFileSync(join(dir, 'train.mjs'), lines.join('\n') + '\n');
}

test('mlops train --command runs any framework, streams its log and records exit code, memory and outputs', async () => {
  const dir = tempDir();
  userScript(dir);
  copyFileSync(join(EXAMPLE, 'data/train.csv'), join(dir, 'train.csv'));
  const r = await cli(
    ['train', '--command', 'node train.mjs', '--outputs', 'model.onnx,metrics.json', '--data', 'train.csv', '--out', 'registered', '--seed', '5'],
    {
      cwd: dir,
      env: { PATH: process.env.PATH },
    },
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^epoch 1 loss 0\.5$/m);
  assert.match(r.stderr, /^warning from the framework$/m);
  assert.match(r.stderr, /^gpu: none found/m);
  assert.match(r.stderr, /^command exited with code 0 after \d+\.\ds, peak memory \d+\.\d MiB$/m);
  const lineage = LineageSchema.parse(JSON.parse(readFileSync(join(dir, 'registered/lineage.json'), 'utf8')));
  assert.ok(existsSync(join(dir, 'registered/model.onnx')) && existsSync(join(dir, 'registered/metrics.json')));
  assert.equal(lineage.model.framework, 'my-framework 1.0');
  assert.equal(lineage.model.task, 'regression');
  assert.deepEqual(lineage.metrics, { rmse: 0.25, 'eval.r2': 0.9 });
  assert.equal(lineage.run?.exit_code, 0);
  assert.equal(lineage.run?.command, 'node train.mjs');
  // The script holds a 64 MiB buffer; node itself adds ~40 MiB.
  assert.ok((lineage.run?.peak_memory_bytes ?? 0) > 64 * 2 ** 20, `peak ${lineage.run?.peak_memory_bytes}`);
  assert.equal(lineage.data.rows, 4000);
  assert.equal(lineage.data.files[0].path, 'train.csv');
  assert.equal(lineage.seed, 5);
  assert.ok(lineage.duration_s > 0);
});

test('a failing training command surfaces its exit code, writes no lineage and records a failed run', async () => {
  const dir = tempDir();
  userScript(dir, { code: 3 });
  const r = await cli(['train', '--command', 'node train.mjs', '--outputs', 'model.onnx,metrics.json', '--name', 'churn'], {
    cwd: dir,
    env: { PATH: process.env.PATH },
  });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^command exited with code 3 /m);
  assert.match(r.stderr, /the training command failed with exit code 3; no lineage written/);
  assert.equal(existsSync(join(dir, 'lineage.json')), false);
  const [run, ...others] = await listRuns({ dir: join(dir, '.mlops/runs') });
  assert.equal(others.length, 0);
  assert.equal(run.status, 'failed');
  assert.equal(run.model, 'churn');
  assert.equal(run.error, 'the training command failed with exit code 3');
  assert.deepEqual(run.params, { trainer: 'command', command: 'node train.mjs', outputs: '["model.onnx","metrics.json"]' });
  assert.deepEqual(run.metrics, {});
});

test('invalid outputs of a successful command fail the run (exit 1) without a lineage', async () => {
  const cases: [string, RegExp][] = [
    ["echo '{}' > metrics.json", /did not write model\.onnx/],
    ["echo nope > model.onnx && echo '{}' > metrics.json", /model\.onnx is not a loadable ONNX model/],
    ['cp prebuilt.onnx model.onnx && printf \'{"rmse": \' > metrics.json', /metrics\.json is not valid JSON/],
    ["cp prebuilt.onnx model.onnx && echo '[1, 2]' > metrics.json", /metrics\.json must be a JSON object/],
  ];
  for (const [command, message] of cases) {
    const dir = tempDir();
    writeFileSync(join(dir, 'prebuilt.onnx'), tinyModel());
    const r = await cli(['train', '--command', command, '--outputs', 'model.onnx,metrics.json'], { cwd: dir, env: { PATH: process.env.PATH } });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, message);
    assert.equal(existsSync(join(dir, 'lineage.json')), false);
  }
});
