// Evaluation benchmarks: end-to-end evaluation throughput of a small MLP ONNX model on 1M rows
// (read, predict, metrics, slices) against reading and predicting alone, and the paired
// bootstrap (1,000 resamples on 100k rows) against copy-and-sort resampling. Baselines run
// side by side in the same process.
// Run: node --import tsx scripts/bench/evaluate.ts [--rows 1000000]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readBatches } from '../../src/data/read.ts';
import { evaluateRunners } from '../../src/evaluate/evaluate.ts';
import { exportOnnx } from '../../src/model/onnx/export.ts';
import { loadModel } from '../../src/model/runtime.ts';
import type { TabularModel } from '../../src/model/tabular.ts';
import { PreparedClassification, accuracy, classificationMetric } from '../../src/metrics/classification.ts';
import { descendingOrder, rocAuc } from '../../src/metrics/ranking.ts';
import { pairedBootstrap } from '../../src/metrics/significance.ts';
import { mulberry32, normal } from '../../src/util/random.ts';

const N = 100_000;
const RESAMPLES = 1000;
const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;

const PLANS = ['basic', 'standard', 'premium'];

/** A 6→16→8→1 MLP (relu, relu, sigmoid) with fixed pseudo-random weights. */
function mlp(): TabularModel {
  const rand = mulberry32(9);
  const dense = (inputs: number, units: number, activation: 'relu' | 'sigmoid') => ({
    inputs,
    units,
    weights: Float32Array.from({ length: inputs * units }, () => (rand() - 0.5) * 0.8),
    bias: Float32Array.from({ length: units }, () => (rand() - 0.5) * 0.1),
    activation,
  });
  return {
    info: {
      task: 'classification',
      target: 'y',
      classes: ['0', '1'],
      features: [
        { name: 'a', type: 'number' },
        { name: 'b', type: 'number' },
        { name: 'c', type: 'number' },
        { name: 'plan', type: 'category', categories: PLANS },
      ],
    },
    preprocessing: {
      numeric: ['a', 'b', 'c'].map((name) => ({ name, type: 'number' as const, mean: 0, std: 1 })),
      categorical: [{ name: 'plan', categories: PLANS, mode: 'basic' }],
    },
    layers: [dense(6, 16, 'relu'), dense(16, 8, 'relu'), dense(8, 1, 'sigmoid')],
  };
}

async function writeCsv(file: string, rows: number): Promise<void> {
  const rand = mulberry32(3);
  const out = createWriteStream(file);
  out.write('a,b,c,plan,y\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const a = normal(rand);
    chunk += `${a.toFixed(4)},${normal(rand).toFixed(4)},${normal(rand).toFixed(4)},${PLANS[i % 3]},${a + normal(rand) > 0 ? 1 : 0}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

async function throughput(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mlops-bench-'));
  try {
    const data = join(dir, 'holdout.csv');
    const model = join(dir, 'mlp.onnx');
    await writeCsv(data, ROWS);
    writeFileSync(model, exportOnnx(mlp(), { producerVersion: 'bench' }));
    const runner = await loadModel(model);
    // Alternate the two runs and keep each one's best, so a busy machine skews both alike.
    let baseline = Number.POSITIVE_INFINITY;
    let ours = Number.POSITIVE_INFINITY;
    let predicted = 0;
    let ev: Awaited<ReturnType<typeof evaluateRunners>> | undefined;
    for (let round = 0; round < 2; round++) {
      let t = performance.now();
      predicted = 0;
      for await (const batch of readBatches(data)) predicted += (await runner.predict(batch.columns, batch.rows)).predictions.length;
      baseline = Math.min(baseline, (performance.now() - t) / 1000);
      t = performance.now();
      ev = await evaluateRunners({
        files: [data],
        target: 'y',
        candidate: { runner, name: 'mlp.onnx', file: model },
        sliceColumns: ['plan'],
        clock: () => performance.now(),
        now: () => new Date(),
      });
      ours = Math.min(ours, (performance.now() - t) / 1000);
    }
    await runner.close();
    console.log(`evaluation of a 6-16-8-1 MLP (ONNX, onnxruntime-node) on ${ROWS.toLocaleString('en-US')} CSV rows`);
    console.log('| run | seconds | rows/s |');
    console.log('| --- | ---: | ---: |');
    console.log(`| baseline: read + predict only | ${baseline.toFixed(2)} | ${Math.round(predicted / baseline).toLocaleString('en-US')} |`);
    console.log(
      `| mlops evaluate core: read + predict + all metrics + 3 slices + latency | ${ours.toFixed(2)} | ${Math.round(ev!.rows / ours).toLocaleString('en-US')} |`,
    );
    console.log(
      `evaluation costs ${(ours / baseline).toFixed(2)}× read + predict; accuracy ${ev!.candidate.metrics.accuracy?.toFixed(4)}, roc_auc ${ev!.candidate.metrics.roc_auc?.toFixed(4)} (best of 2 alternating runs each)\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await throughput();
if (process.env.BENCH_ONLY_THROUGHPUT) process.exit(0);

function syntheticPair(n: number) {
  const rand = mulberry32(5);
  const yTrue = new Int32Array(n);
  const probaA = new Float64Array(n * 2);
  const probaB = new Float64Array(n * 2);
  const predA = new Int32Array(n);
  const predB = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    yTrue[i] = rand() < 0.3 ? 1 : 0;
    const a = 1 / (1 + Math.exp(-(yTrue[i] * 1.6 - 0.8 + normal(rand))));
    const b = 1 / (1 + Math.exp(-(yTrue[i] * 1.2 - 0.6 + normal(rand))));
    probaA.set([1 - a, a], i * 2);
    probaB.set([1 - b, b], i * 2);
    predA[i] = a >= 0.5 ? 1 : 0;
    predB[i] = b >= 0.5 ? 1 : 0;
  }
  const classes = ['0', '1'];
  return {
    yTrue,
    a: new PreparedClassification({ classes, yTrue, yPred: predA, proba: probaA, k: 2 }),
    b: new PreparedClassification({ classes, yTrue, yPred: predB, proba: probaB, k: 2 }),
  };
}

/** The obvious implementation for accuracy: copy each resample's rows, then count. */
function naiveBootstrapAccuracy(yTrue: Int32Array, pa: Int32Array, pb: Int32Array, resamples: number, seed: number): number[] {
  const rand = mulberry32(seed);
  const n = yTrue.length;
  const diffs: number[] = [];
  const y = new Int32Array(n);
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rand() * n);
      y[i] = yTrue[j];
      a[i] = pa[j];
      b[i] = pb[j];
    }
    diffs.push(accuracy(y, a)! - accuracy(y, b)!);
  }
  return diffs;
}

/** The obvious implementation: copy each resample's rows, then sort them for AUC. */
function naiveBootstrapAuc(yTrue: Int32Array, sa: Float64Array, sb: Float64Array, resamples: number, seed: number): number[] {
  const rand = mulberry32(seed);
  const n = yTrue.length;
  const diffs: number[] = [];
  const pos = new Uint8Array(n);
  const ra = new Float64Array(n);
  const rb = new Float64Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rand() * n);
      pos[i] = yTrue[j];
      ra[i] = sa[j];
      rb[i] = sb[j];
    }
    diffs.push(rocAuc(pos, ra, descendingOrder(ra))! - rocAuc(pos, rb, descendingOrder(rb))!);
  }
  return diffs;
}

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, (performance.now() - t) / 1000];
}

const { yTrue, a, b } = syntheticPair(N);
const options = { resamples: RESAMPLES, seed: 1, confidence: 0.95 };
const [, accSeconds] = time(() => pairedBootstrap(N, (w, which) => accuracy(yTrue, (which === 'candidate' ? a : b).data.yPred, w), options));
const [, aucSeconds] = time(() => pairedBootstrap(N, (w, which) => classificationMetric(which === 'candidate' ? a : b, 'roc_auc', w), options));
const naiveResamples = 50;
const sa = a.oneVsRest(1).scores;
const sb = b.oneVsRest(1).scores;
const [, naiveSeconds] = time(() => naiveBootstrapAuc(yTrue, sa, sb, naiveResamples, 1));
const naivePer1000 = (naiveSeconds / naiveResamples) * RESAMPLES;
const [, naiveAccSeconds] = time(() => naiveBootstrapAccuracy(yTrue, a.data.yPred, b.data.yPred, RESAMPLES, 1));

console.log(`paired bootstrap, ${RESAMPLES.toLocaleString('en-US')} resamples on ${N.toLocaleString('en-US')} rows`);
console.log('| metric | ours: resample counts as weights (s) | baseline: copy each resample (+ sort for AUC) (s) | ratio |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| accuracy | ${accSeconds.toFixed(2)} | ${naiveAccSeconds.toFixed(2)} | ${(naiveAccSeconds / accSeconds).toFixed(1)}× |`);
console.log(
  `| roc_auc | ${aucSeconds.toFixed(2)} | ${naivePer1000.toFixed(2)} (from ${naiveResamples} resamples) | ${(naivePer1000 / aucSeconds).toFixed(1)}× |`,
);
