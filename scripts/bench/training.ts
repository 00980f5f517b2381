// Training and inference throughput, measured side by side on this machine:
//   node --import tsx scripts/bench/training.ts [--rows 100000] [--epochs 2]
// 1. the example MLP (templates/example/train.yml) fitted on each installed tfjs backend,
// 2. an MLP on synthetic rows × 20 features: training rows/s per epoch per backend,
// 3. the exported ONNX model in onnxruntime-node vs the tfjs forward pass: rows/s at batch 1 and 1024.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Cell } from '../../src/data/batch.ts';
import { activateBackend, loadBackend, type Backend } from '../../src/model/backend.ts';
import { loadTrainingData, selectFeatures, type TrainingData } from '../../src/model/dataset.ts';
import { exportOnnx } from '../../src/model/onnx/export.ts';
import { loadModel } from '../../src/model/runtime.ts';
import { readTrainConfig, parseTrainConfig } from '../../src/model/train-config.ts';
import { trainTabular } from '../../src/model/trainer.ts';
import { profileFiles } from '../../src/profile/profile.ts';
import { table } from '../../src/report/markdown.ts';
import { mulberry32, normal } from '../../src/util/random.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, epochs: { type: 'string', default: '2' } } });
const ROWS = Number(values.rows);
const EPOCHS = Number(values.epochs);
const quiet = () => {};

const backends: Backend[] = [];
for (const name of ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const) {
  try {
    backends.push(await loadBackend(name));
  } catch (err) {
    console.log(`backend ${name}: not available (${(err as Error).message})`);
  }
}

// 1. The example MLP, fitted end to end on each backend.
const exampleFiles = ['templates/example/data/train.csv'];
const exampleConfig = await readTrainConfig('templates/example/train.yml');
exampleConfig.training.early_stopping = null;
exampleConfig.training.epochs = 10;
const profile = await profileFiles(exampleFiles);
const picked = selectFeatures(profile, 'churned', exampleConfig.features);
const example = await loadTrainingData(exampleFiles, 'churned', 'classification', picked.features, picked.skipped);
// Backends alternate over several rounds and the best time counts, so a burst of load on a
// shared machine does not land on one backend only.
const fit = backends.map((b) => ({ backend: b.name, seconds: Number.POSITIVE_INFINITY, accuracy: 0 }));
for (const b of backends) {
  await activateBackend(b);
  trainTabular(example, 'classification', 'churned', { ...exampleConfig, training: { ...exampleConfig.training, epochs: 1 } }, b, quiet); // warm-up
}
for (let round = 0; round < 3; round++) {
  for (const [i, b] of backends.entries()) {
    await activateBackend(b);
    const t0 = performance.now();
    const r = trainTabular(example, 'classification', 'churned', exampleConfig, b, quiet);
    fit[i].seconds = Math.min(fit[i].seconds, (performance.now() - t0) / 1000);
    fit[i].accuracy = r.metrics.accuracy;
  }
}
const cpuFit = fit.find((f) => f.backend === 'cpu')?.seconds;
console.log(`\nExample MLP 16×8 (3,200 training rows, 10 epochs, batch 64; best of 3 alternating rounds)\n`);
console.log(
  table(
    ['backend', 'fit s', 'speed vs cpu', 'val accuracy'],
    fit.map((f) => [f.backend, f.seconds.toFixed(2), cpuFit ? `${(cpuFit / f.seconds).toFixed(2)}×` : '', f.accuracy.toFixed(4)]),
    ['l', 'r', 'r', 'r'],
  ),
);

// 2. Synthetic MLP throughput.
const synthetic = syntheticData(ROWS, 20);
const bigConfig = parseTrainConfig(
  `schema_version: 1\nmodel: {type: mlp, hidden_layers: [64, 32]}\ntraining: {epochs: ${EPOCHS}, batch_size: 256, validation_split: 0.1, early_stopping: null}`,
  'bench',
);
const throughput: { backend: string; rowsPerS: number }[] = [];
let trained: ReturnType<typeof trainTabular> | undefined;
for (const b of backends) {
  await activateBackend(b);
  const r = trainTabular(synthetic, 'classification', 'y', bigConfig, b, quiet);
  // The first epoch includes kernel warm-up; report the best epoch's rate.
  throughput.push({ backend: b.name, rowsPerS: Math.max(...r.history.map((h) => h.rows_per_s)) });
  trained ??= r;
}
const cpuRate = throughput.find((t) => t.backend === 'cpu')?.rowsPerS;
console.log(`\nMLP 64×32 on ${ROWS.toLocaleString('en-US')} rows × 20 features, batch 256 (training rows/s, best of ${EPOCHS} epochs)\n`);
console.log(
  table(
    ['backend', 'rows/s', 'vs cpu'],
    throughput.map((t) => [t.backend, Math.round(t.rowsPerS), cpuRate ? `${(t.rowsPerS / cpuRate).toFixed(2)}×` : '']),
    ['l', 'r', 'r'],
  ),
);

// 3. Inference: ONNX (raw rows in, preprocessing in the graph) vs the tfjs forward pass.
const file = join(tmpdir(), `mlops-bench-${process.pid}.onnx`);
writeFileSync(file, exportOnnx(trained!.model, { producerVersion: 'bench' }));
const runner = await loadModel(file);
const rows = synthetic.rows.slice(0, 8192);
const inference: (string | number)[][] = [];
for (const batch of [1, 1024]) {
  const n = batch === 1 ? 2000 : rows.length;
  const t0 = performance.now();
  for (let i = 0; i < n; i += batch) await runner.predict(synthetic.columns, rows.slice(i % rows.length, (i % rows.length) + batch));
  inference.push(['onnxruntime-node (raw rows)', batch, Math.round(n / ((performance.now() - t0) / 1000))]);
}
await runner.close();
const tfBackend = backends.find((b) => b.name === 'cpu') ?? backends[0];
await activateBackend(tfBackend);
const tf = tfBackend.tf;
const { encodedWidth, transformRows } = await import('../../src/model/preprocess.ts');
const width = encodedWidth(trained!.model.preprocessing);
const weights = trained!.model.layers.map((l) => ({ w: tf.tensor2d(l.weights, [l.inputs, l.units]), b: tf.tensor1d(l.bias), act: l.activation }));
for (const batch of [1, 1024]) {
  const n = batch === 1 ? 2000 : rows.length;
  const t0 = performance.now();
  for (let i = 0; i < n; i += batch) {
    const slice = rows.slice(i % rows.length, (i % rows.length) + batch);
    const x = transformRows(trained!.model.preprocessing, synthetic.columns, slice);
    tf.tidy(() => {
      let h = tf.tensor2d(x, [slice.length, width]);
      for (const l of weights) {
        h = tf.add(tf.matMul(h, l.w), l.b);
        h = l.act === 'relu' ? tf.relu(h) : l.act === 'sigmoid' ? tf.sigmoid(h) : h;
      }
      h.dataSync();
    });
  }
  inference.push([`tfjs ${tf.getBackend()} (JS preprocessing)`, batch, Math.round(n / ((performance.now() - t0) / 1000))]);
}
console.log(`\nInference on the exported MLP (rows/s)\n`);
console.log(table(['runtime', 'batch', 'rows/s'], inference, ['l', 'r', 'r']));

function syntheticData(n: number, features: number): TrainingData {
  const rand = mulberry32(99);
  const columns = [...Array.from({ length: features - 2 }, (_, i) => `x${i}`), 'c0', 'c1', 'y'];
  const rows: Cell[][] = [];
  const labels = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const xs = Array.from({ length: features - 2 }, () => normal(rand));
    const c0 = ['a', 'b', 'c', 'd'][Math.floor(rand() * 4)];
    const c1 = ['u', 'v'][Math.floor(rand() * 2)];
    const z = xs[0] - 0.5 * xs[1] + xs[2] * xs[3] + (c0 === 'a' ? 1 : 0) + 0.5 * normal(rand);
    labels[r] = z > 0 ? 1 : 0;
    rows.push([...xs, c0, c1, String(labels[r])]);
  }
  return {
    columns,
    rows,
    features: [
      ...columns.slice(0, features - 2).map((name) => ({ name, type: 'number' as const })),
      { name: 'c0', type: 'category' },
      { name: 'c1', type: 'category' },
    ],
    labels,
    classes: ['0', '1'],
    skipped: [],
    droppedRows: 0,
  };
}
