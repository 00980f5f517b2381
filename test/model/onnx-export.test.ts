import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportOnnx } from '../../src/model/onnx/export.ts';
import { GraphBuilder } from '../../src/model/onnx/graph.ts';
import { describeOnnx, loadModel } from '../../src/model/runtime.ts';
import { transformRows } from '../../src/model/preprocess.ts';
import type { TabularModel } from '../../src/model/tabular.ts';
import { tempDir, tempFile } from '../helpers.ts';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function save(bytes: Uint8Array, name = 'model.onnx'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, bytes);
  return file;
}

const logistic: TabularModel = {
  info: {
    task: 'classification',
    target: 'churned',
    classes: ['no', 'yes'],
    features: [
      { name: 'age', type: 'number' },
      { name: 'plan', type: 'category', categories: ['a', 'b', 'c'] },
    ],
  },
  preprocessing: {
    numeric: [{ name: 'age', type: 'number', mean: 40, std: 10 }],
    categorical: [{ name: 'plan', categories: ['a', 'b', 'c'], mode: 'b' }],
  },
  layers: [{ inputs: 4, units: 1, weights: Float32Array.from([0.5, 1, -1, 2]), bias: Float32Array.from([-0.25]), activation: 'sigmoid' }],
};

test('logistic regression with imputation, standardisation and one-hot runs in onnxruntime on raw rows', async () => {
  const file = save(exportOnnx(logistic, { producerVersion: 'test' }));
  const runner = await loadModel(file);
  assert.deepEqual(runner.info, logistic.info);
  // age 50 → z=1, plan c → [0,0,1]: logit 0.5 + 2 - 0.25 = 2.25
  // age missing → mean → z=0, plan missing → mode b → [0,1,0]: logit -1 - 0.25 = -1.25
  // age 30 → z=-1, plan unseen → zeros: logit -0.5 - 0.25 = -0.75
  const out = await runner.predict(
    ['id', 'plan', 'age'],
    [
      ['x1', 'c', '50'],
      ['x2', null, null],
      ['x3', 'zzz', 30],
    ],
  );
  const expected = [sigmoid(2.25), sigmoid(-1.25), sigmoid(-0.75)];
  assert.deepEqual(out.predictions, ['yes', 'no', 'no']);
  out.probabilities!.forEach((p, i) => {
    assert.ok(Math.abs(p[1] - expected[i]) < 1e-6, `row ${i}: ${p[1]} vs ${expected[i]}`);
    assert.ok(Math.abs(p[0] + p[1] - 1) < 1e-6);
  });
  assert.ok(Math.abs(out.probabilities![0][1] - 0.9046505351) < 1e-6);
  await runner.close();
});

test('plain onnxruntime consumers get class names from the label output', async () => {
  const ort = await import('onnxruntime-node');
  const session = await ort.InferenceSession.create(exportOnnx(logistic, { producerVersion: 'test' }));
  const out = await session.run({
    age: new ort.Tensor('float32', Float32Array.from([50, Number.NaN]), [2, 1]),
    plan: new ort.Tensor('string', ['c', ''], [2, 1]),
  });
  assert.deepEqual(Array.from(out.label.data as string[]), ['yes', 'no']);
  assert.deepEqual(out.probabilities.dims, [2, 2]);
  await session.release();
});

test('the exported graph declares one raw input per feature and writes model info metadata', () => {
  const d = describeOnnx(exportOnnx(logistic, { producerVersion: 'test' }));
  assert.deepEqual(d.inputs, [
    { name: 'age', type: 'float', shape: ['N', 1] },
    { name: 'plan', type: 'string', shape: ['N', 1] },
  ]);
  assert.deepEqual(
    d.outputs.map((o) => o.name),
    ['probabilities', 'label'],
  );
  assert.deepEqual(JSON.parse(d.metadata['mlops.model_info']), logistic.info);
  assert.deepEqual(JSON.parse(d.metadata['mlops.preprocessing']), logistic.preprocessing);
});

test('linear regression undoes the target scaling; booleans feed as 1/0', async () => {
  const model: TabularModel = {
    info: {
      task: 'regression',
      target: 'y',
      features: [
        { name: 'x', type: 'number' },
        { name: 'flag', type: 'boolean' },
      ],
    },
    preprocessing: {
      numeric: [
        { name: 'x', type: 'number', mean: 2, std: 4 },
        { name: 'flag', type: 'boolean', mean: 0.5, std: 0.5 },
      ],
      categorical: [],
    },
    layers: [{ inputs: 2, units: 1, weights: Float32Array.from([2, -1]), bias: Float32Array.from([0.5]), activation: 'linear' }],
    targetScale: { mean: 100, std: 10 },
  };
  const runner = await loadModel(save(exportOnnx(model, { producerVersion: 'test' })));
  const out = await runner.predict(
    ['x', 'flag'],
    [
      ['10', 'true'],
      ['-2', false],
    ],
  );
  // row 1: z = [2, 1] → 4 - 1 + 0.5 = 3.5 → 135; row 2: z = [-1, -1] → -2 + 1 + 0.5 = -0.5 → 95
  assert.ok(Math.abs((out.predictions[0] as number) - 135) < 1e-4);
  assert.ok(Math.abs((out.predictions[1] as number) - 95) < 1e-4);
  assert.equal(out.probabilities, undefined);
  await runner.close();
});

test('an MLP (relu hidden layer, softmax over 3 classes) matches a float64 reference', async () => {
  const model: TabularModel = {
    info: {
      task: 'classification',
      target: 'k',
      classes: ['a', 'b', 'c'],
      features: [
        { name: 'u', type: 'number' },
        { name: 'v', type: 'integer' },
        { name: 'g', type: 'category', categories: ['p', 'q'] },
      ],
    },
    preprocessing: {
      numeric: [
        { name: 'u', type: 'number', mean: 1, std: 2 },
        { name: 'v', type: 'integer', mean: 3, std: 1.5 },
      ],
      categorical: [{ name: 'g', categories: ['p', 'q'], mode: 'q' }],
    },
    layers: [
      {
        inputs: 4,
        units: 3,
        weights: Float32Array.from([0.1, -0.2, 0.3, 0.4, 0.5, -0.6, -0.7, 0.8, 0.9, 1.0, -1.1, 0.2]),
        bias: Float32Array.from([0.01, -0.02, 0.03]),
        activation: 'relu',
      },
      {
        inputs: 3,
        units: 3,
        weights: Float32Array.from([1, -1, 0.5, -0.5, 2, 0.25, 0.75, -0.25, 1.5]),
        bias: Float32Array.from([0, 0.1, -0.1]),
        activation: 'softmax',
      },
    ],
  };
  const columns = ['u', 'v', 'g'];
  const rows = [
    ['3', '6', 'p'],
    [null, '0', 'q'],
    ['-1.5', null, null],
  ];
  const x = transformRows(model.preprocessing, columns, rows);
  const reference = rows.map((_, r) => {
    let h = Array.from(x.subarray(r * 4, r * 4 + 4));
    for (const layer of model.layers) {
      const z = Array.from({ length: layer.units }, (_, j) => h.reduce((s, xi, i) => s + xi * layer.weights[i * layer.units + j], layer.bias[j]));
      if (layer.activation === 'relu') h = z.map((v) => Math.max(0, v));
      else {
        const e = z.map((v) => Math.exp(v - Math.max(...z)));
        h = e.map((v) => v / e.reduce((a, b) => a + b, 0));
      }
    }
    return h;
  });
  const runner = await loadModel(save(exportOnnx(model, { producerVersion: 'test' })));
  const out = await runner.predict(columns, rows);
  for (let r = 0; r < rows.length; r++) {
    for (let j = 0; j < 3; j++) assert.ok(Math.abs(out.probabilities![r][j] - reference[r][j]) < 1e-6);
    const best = reference[r].indexOf(Math.max(...reference[r]));
    assert.equal(out.predictions[r], ['a', 'b', 'c'][best]);
  }
  await runner.close();
});

test('a plain ONNX model without our metadata is fed by column name', async () => {
  const g = new GraphBuilder();
  const a = g.input({ name: 'a', type: 'float', shape: ['N', 1] });
  const b = g.input({ name: 'b', type: 'float', shape: ['N', 1] });
  g.node('Add', [a, b], {}, { output: 'y' });
  g.output({ name: 'y', type: 'float', shape: ['N', 1] });
  const runner = await loadModel(save(g.encode({ graphName: 'plain', producer: 'other', producerVersion: '1', metadata: {} })));
  assert.equal(runner.info.task, 'regression');
  assert.deepEqual(
    runner.info.features.map((f) => f.name),
    ['a', 'b'],
  );
  assert.deepEqual(
    (
      await runner.predict(
        ['b', 'a'],
        [
          ['1.5', '2'],
          ['3', '-1'],
        ],
      )
    ).predictions,
    [3.5, 2],
  );
  await assert.rejects(runner.predict(['a'], [['1']]), /missing required feature "b"/);
  await runner.close();
});

test('a file that is not ONNX is a clear error', async () => {
  await assert.rejects(loadModel(tempFile('bad.onnx', 'hello, not protobuf')), /bad\.onnx: (not an ONNX model|onnxruntime cannot load)/);
  await assert.rejects(loadModel(join(tempDir(), 'missing.onnx')), /missing\.onnx: cannot read model/);
});
