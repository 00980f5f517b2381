import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell } from '../../src/data/batch.ts';
import { collectPredictions } from '../../src/evaluate/collect.ts';
import { loadModel } from '../../src/model/runtime.ts';
import { DEMO_HOLDOUT, readCsv, writeDemoMlp } from '../../scripts/bench/_demo-mlp.ts';
import { cli, tempDir } from '../helpers.ts';
import { call, predict } from './http.ts';
import { startServerProcess } from './process.ts';
import { parsePrometheus, sampleValue } from './prometheus.ts';

/** Holdout rows as a JSON client sends them: numbers, booleans and strings by feature type. */
function typedInstances(columns: readonly string[], rows: Cell[][], features: { name: string; type: string }[]) {
  return rows.map((row) =>
    Object.fromEntries(
      columns.map((c, j) => {
        const f = features.find((x) => x.name === c);
        const v = row[j];
        if (!f || v === null) return [c, v];
        if (f.type === 'boolean') return [c, v === 'true'];
        if (f.type === 'number' || f.type === 'integer') return [c, Number(v)];
        return [c, v];
      }),
    ),
  );
}

test('mlops serve on the demo ONNX model predicts what the evaluate module predicts for the same rows', { timeout: 30_000 }, async () => {
  const dir = tempDir();
  const modelFile = await writeDemoMlp(dir);
  const runner = await loadModel(modelFile);
  const { columns, rows } = await readCsv(DEMO_HOLDOUT);
  const evaluated = await collectPredictions([DEMO_HOLDOUT], [runner], { target: 'churned', sliceColumns: [], sampleRows: 0, clock: () => 0 });
  assert.equal(evaluated.skippedRows, 0);
  const proba = evaluated.outputs[0].proba.toArray();
  const expected = {
    predictions: evaluated.outputs[0].labels.slice(0, 200),
    probabilities: Array.from({ length: 200 }, (_, i) => [proba[2 * i], proba[2 * i + 1]]),
  };
  const instances = typedInstances(columns, rows.slice(0, 200), runner.info.features);
  await runner.close();

  const logDir = join(dir, 'predictions');
  const server = await startServerProcess([
    '--import',
    'tsx',
    'src/cli/main.ts',
    'serve',
    '--model',
    modelFile,
    '--port',
    '0',
    '--model-version',
    '5',
    '--log-predictions',
    logDir,
    '--max-wait-ms',
    '2',
  ]);
  try {
    // Half as one request, half as concurrent single-row requests that get micro-batched.
    const whole = await predict(server.url, { instances: instances.slice(0, 100) });
    const single = await Promise.all(instances.slice(100).map((row) => predict(server.url, { instances: [row] })));
    assert.equal(whole.status, 200);
    assert.deepEqual(whole.json.model, { name: 'model', version: '5' });
    const got = [...whole.json.probabilities, ...single.map((r) => r.json.probabilities[0])];
    const labels = [...whole.json.predictions, ...single.map((r) => r.json.predictions[0])];
    assert.deepEqual(labels, expected.predictions);
    got.forEach((p: number[], i: number) =>
      assert.ok(Math.abs(p[1] - expected.probabilities[i][1]) < 1e-6, `row ${i}: ${p[1]} vs ${expected.probabilities[i][1]}`),
    );

    const { samples } = parsePrometheus((await call(`${server.url}/metrics`)).text);
    const calls = sampleValue(samples, 'mlops_batch_size_rows_count')!;
    assert.equal(sampleValue(samples, 'mlops_batch_size_rows_sum'), 200);
    assert.ok(calls < 101, `101 requests took ${calls} model calls: concurrent requests were batched`);

    const bad = await predict(server.url, { instances: [{ ...instances[0], contract: 'weekly' }] });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.field, 'instances[0].contract');
    const meta = (await call(`${server.url}/metadata`)).json;
    assert.deepEqual(
      meta.signature.outputs.map((o: { name: string }) => o.name),
      ['probabilities', 'label'],
    );
    assert.equal(meta.features.length, 9);
  } finally {
    assert.equal(await server.stop(), 0);
  }
  const files = readdirSync(logDir);
  assert.equal(files.length, 1);
  const logged = readFileSync(join(logDir, files[0]), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(logged.length, 200);
  const first = logged.find((l) => l.customer_id === instances[0].customer_id);
  assert.equal(first.model_version, '5');
  assert.equal(first.prediction, expected.predictions[0]);
  assert.equal(first.age, instances[0].age);
});

test('mlops serve: usage errors exit 2 with one line', async () => {
  const noModel = await cli(['serve']);
  assert.equal(noModel.code, 2);
  assert.match(noModel.stderr, /--model is required/);
  const badSize = await cli(['serve', '--model', 'm.onnx', '--max-body', '3 parsecs']);
  assert.match(badSize.stderr, /--max-body must be a size like 65536, 512kb or 4mb/);
  const badSample = await cli(['serve', '--model', 'm.onnx', '--sample', '2']);
  assert.match(badSample.stderr, /--sample must be a number from 0 to 1/);
  const missing = await cli(['serve', '--model', 'missing.onnx'], { cwd: tempDir() });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /missing\.onnx: cannot read the model/);
  const help = await cli(['serve', '--help']);
  assert.match(help.stdout, /POST \/predict/);
});

test('mlops serve on a port in use says so and exits 2', { timeout: 30_000 }, async () => {
  const dir = tempDir();
  const modelFile = await writeDemoMlp(dir);
  const { createServer } = await import('node:net');
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
  const port = (blocker.address() as { port: number }).port;
  try {
    const r = await cli(['serve', '--model', modelFile, '--port', String(port)], { env: { MLOPS_LOG_LEVEL: 'error' } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port} \\(the port is in use\\)`));
  } finally {
    blocker.close();
  }
});
