import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportOnnx } from '../../src/model/onnx/export.ts';
import { LineageSchema } from '../../src/model/lineage.ts';
import { startActionsServices } from '../actions-services.ts';
import { tempDir } from '../helpers.ts';
import { runAction } from '../helpers/action.ts';

/** The train action in `cwd`, the job's checkout. */
function runTrain(cwd: string, inputs: Record<string, string>, env: Record<string, string>) {
  return runAction('train', inputs, { cwd, env: { GITHUB_WORKSPACE: cwd, RUNNER_TEMP: cwd, ...env } });
}

// One service instance for the first two tests: the second job restores what the first cached.
const services = await startActionsServices({ artifactId: '777' });
after(() => services.close());

test('train action (built-in): trains, saves the data cache, uploads model + lineage, writes outputs and summary', async () => {
  {
    const dir = tempDir();
    copyFileSync('templates/example/data/train.csv', join(dir, 'train.csv'));
    writeFileSync(join(dir, 'train.yml'), 'schema_version: 1\ntarget: churned\ntraining: {epochs: 2, batch_size: 256, learning_rate: 0.05}\n');
    const r = await runTrain(
      dir,
      { data: 'train.csv', config: 'train.yml', 'data-cache-key': 'churn-data-v1', backend: 'cpu', 'runner-labels': 'self-hosted, gpu' },
      { ...services.env, RUNNER_NAME: 'runner-1' },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /no cached data under churn-data-v1/);
    assert.match(r.stdout, /^epoch 2\/2  loss /m);
    assert.equal(r.outputs['artifact-id'], '777');
    assert.equal(r.outputs['data-cache-hit'], 'false');
    assert.equal(r.outputs['data-cache-key'], 'churn-data-v1');
    assert.equal(r.outputs.backend, 'cpu');
    assert.match(r.outputs['data-fingerprint'], /^sha256:[0-9a-f]{64}$/);
    assert.equal(r.outputs['model-path'], join(dir, 'model/model.onnx'));
    const metrics = JSON.parse(r.outputs.metrics);
    assert.ok(metrics.accuracy > 0.7);
    const lineage = LineageSchema.parse(JSON.parse(readFileSync(r.outputs['lineage-path'], 'utf8')));
    assert.equal(lineage.data.fingerprint, r.outputs['data-fingerprint']);
    assert.deepEqual(lineage.environment.runner_labels, ['self-hosted', 'gpu']);
    assert.equal(lineage.environment.runner_name, 'runner-1');

    // The cache service got the data under the user's key.
    assert.ok(services.caches.get('churn-data-v1')!.length > 0);
    // The artifact is a zip holding the three files.
    const reserve = services.requests.find((q) => q.path.endsWith('/CreateArtifact'))!;
    assert.equal(JSON.parse(reserve.body.toString()).name, 'model');
    const zip = services.artifacts.get('model')!;
    assert.equal(zip.subarray(0, 2).toString(), 'PK');
    for (const name of ['model.onnx', 'lineage.json', 'metrics.json']) assert.ok(zip.includes(name), `${name} in the artifact`);

    assert.match(r.summary, /^## Training/m);
    assert.match(r.summary, /\| accuracy +\| +0\.\d{4} \|/);
    assert.match(r.summary, /backend `cpu`/);
  }
});

test('train action (command): a later job restores the data from the cache and records the command run', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'prebuilt.onnx'), tinyModel());
  const saves = services.requests.filter((q) => q.method === 'POST' && q.path === '/_apis/artifactcache/caches').length;
  const r = await runTrain(
    dir,
    {
      command: 'cp prebuilt.onnx model.onnx && echo \'{"rmse": 0.5}\' > metrics.json',
      outputs: 'model.onnx,metrics.json',
      data: 'train.csv',
      'data-cache-key': 'churn-data-v1',
      'upload-artifact': 'false',
    },
    services.env,
  );
  assert.equal(r.code, 0, r.stdout);
  assert.equal(r.outputs['data-cache-hit'], 'true');
  assert.deepEqual(readFileSync(join(dir, 'train.csv')), readFileSync('templates/example/data/train.csv'));
  assert.equal(r.outputs.backend, 'command');
  assert.equal(r.outputs['artifact-id'], '');
  assert.deepEqual(JSON.parse(r.outputs.metrics), { rmse: 0.5 });
  const lineage = LineageSchema.parse(JSON.parse(readFileSync(join(dir, 'lineage.json'), 'utf8')));
  assert.equal(lineage.data.fingerprint, r.outputs['data-fingerprint']);
  assert.equal(lineage.run?.exit_code, 0);
  assert.equal(lineage.data.rows, 4000);
  assert.equal(
    services.requests.filter((q) => q.method === 'POST' && q.path === '/_apis/artifactcache/caches').length,
    saves,
    'a cache hit is not saved again',
  );
});

test('train action: seed and delimiter reach the built-in trainer, as --seed and --delimiter do in mlops train', async () => {
  const dir = tempDir();
  // A colon-separated file: the header sniffing (, ; tab |) would read it as one column without the input.
  const rows = readFileSync('templates/example/data/train.csv', 'utf8').trim().split('\n').slice(0, 400);
  writeFileSync(join(dir, 'train.csv'), rows.map((r) => r.replaceAll(',', ':')).join('\n') + '\n');
  writeFileSync(
    join(dir, 'train.yml'),
    'schema_version: 1\ntarget: churned\ntraining: {epochs: 1, batch_size: 128, seed: 1}\nfeatures: {exclude: [customer_id, signup_date]}\n',
  );
  const r = await runTrain(
    dir,
    { data: 'train.csv', config: 'train.yml', seed: '9', delimiter: ':', backend: 'cpu', 'upload-artifact': 'false', 'cache-data': 'false' },
    services.env,
  );
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /seed 9,/);
  const lineage = LineageSchema.parse(JSON.parse(readFileSync(r.outputs['lineage-path'], 'utf8')));
  assert.equal(lineage.seed, 9);

  const bad = await runTrain(dir, { data: 'train.csv', seed: 'lucky', 'upload-artifact': 'false' }, services.env);
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /::error::input "seed" must be an integer \(got "lucky"\)/);
  assert.doesNotMatch(bad.stdout, /GPU:/, 'the inputs are checked before the GPU query and the runtime install');
});

test('train action fails clearly when require-gpu is true and there is no GPU', async () => {
  const dir = tempDir();
  const r = await runTrain(dir, { command: 'true', outputs: 'model.onnx', 'require-gpu': 'true' }, { PATH: '/usr/bin:/bin' });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /::error::require-gpu is true but no GPU was found/);
  assert.equal(r.outputs['model-path'], undefined);
  rmSync(dir, { recursive: true, force: true });
});
function tinyModel(): Uint8Array {
  return exportOnnx(
    {
      info: { task: 'regression', target: 'y', features: [{ name: 'age', type: 'integer' }] },
      preprocessing: { numeric: [{ name: 'age', type: 'integer', mean: 40, std: 10 }], categorical: [] },
      layers: [{ inputs: 1, units: 1, weights: Float32Array.from([1]), bias: Float32Array.from([0]), activation: 'linear' }],
    },
    { producerVersion: 'test' },
  );
}
