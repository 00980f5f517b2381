import type { Scalar, Tensor, Variable } from '@tensorflow/tfjs';
import { mulberry32 } from '../util/random.ts';
import type { Backend, TF } from './backend.ts';
import type { TrainingData } from './dataset.ts';
import { encodedWidth, fitPreprocessing, transformRows } from './preprocess.ts';
import type { Activation, DenseLayer, TabularModel } from './tabular.ts';
import type { TrainConfig } from './train-config.ts';
import { accuracy, logLoss, regressionMetrics, rocAuc } from './train-metrics.ts';
import type { Task } from './types.ts';

export interface EpochRecord {
  epoch: number;
  loss: number;
  val_loss: number;
  /** val_accuracy (classification) or val_rmse (regression). */
  val_metric: number;
  seconds: number;
  rows_per_s: number;
}

export interface TrainResult {
  model: TabularModel;
  metrics: Record<string, number>;
  history: EpochRecord[];
  bestEpoch: number;
  stoppedEarly: boolean;
  trainRows: number;
  validationRows: number;
  /** Validation rows (raw) and the tfjs model's outputs on them: probabilities [n×K] or values [n]. */
  validation: { rows: TrainingData['rows']; labels: Float64Array; outputs: number[][] };
}

interface Net {
  weights: Variable[];
  biases: Variable[];
  hidden: Activation;
}

/**
 * Fits a logistic/linear regression or an MLP with TensorFlow.js. Everything random (the
 * split, the initial weights, the batch order) comes from one mulberry32 seed, and batches
 * are built in JS rather than by tf's shuffler, so a CPU run is bit-for-bit repeatable.
 * The preprocessing is fitted on the training split only; early stopping watches the
 * validation loss and the best epoch's weights are the ones kept.
 */
export function trainTabular(data: TrainingData, task: Task, target: string, config: TrainConfig, backend: Backend, log: (line: string) => void): TrainResult {
  const tf = backend.tf;
  const t = config.training;
  const rand = mulberry32(t.seed);
  const order = permutation(data.rows.length, rand);
  const nVal = Math.max(1, Math.round(data.rows.length * t.validation_split));
  const valIdx = order.slice(0, nVal);
  const trainIdx = order.slice(nVal);
  const trainRows = trainIdx.map((i) => data.rows[i]);
  const valRows = valIdx.map((i) => data.rows[i]);
  const yTrainRaw = Float64Array.from(trainIdx, (i) => data.labels[i]);
  const yVal = Float64Array.from(valIdx, (i) => data.labels[i]);

  const tfidf = config.features.tfidf;
  const preprocessing = fitPreprocessing(data.features, data.columns, trainRows, {
    max_features: tfidf.max_features,
    min_df: tfidf.min_df,
    max_ngram: tfidf.ngrams,
  });
  const width = encodedWidth(preprocessing);
  const xTrain = transformRows(preprocessing, data.columns, trainRows);
  const xVal = transformRows(preprocessing, data.columns, valRows);

  const classes = data.classes ?? [];
  const outUnits = task === 'regression' || classes.length === 2 ? 1 : classes.length;
  const targetScale = task === 'regression' ? scaleOf(yTrainRaw) : undefined;
  const yTrain = targetScale ? yTrainRaw.map((y) => (y - targetScale.mean) / targetScale.std) : yTrainRaw;
  const yValScaled = targetScale ? yVal.map((y) => (y - targetScale.mean) / targetScale.std) : yVal;

  const sizes = [width, ...(config.model.type === 'mlp' ? config.model.hidden_layers : []), outUnits];
  const net = initNet(tf, sizes, config.model.activation, rand);
  const optimizer = t.optimizer === 'adam' ? tf.train.adam(t.learning_rate) : tf.train.sgd(t.learning_rate);
  const yTensor = (y: ArrayLike<number>, idx: number[] | null) => labelsTensor(tf, task, outUnits, y, idx);

  const xValT = tf.tensor2d(xVal, [nVal, width]);
  const yValT = yTensor(task === 'regression' ? yValScaled : yVal, null);
  const lossOf = (x: Tensor, y: Tensor) => {
    const out = forward(tf, net, x);
    let loss: Tensor;
    if (task === 'regression') loss = tf.losses.meanSquaredError(y, out);
    else if (outUnits === 1) loss = tf.losses.sigmoidCrossEntropy(y, out);
    else loss = tf.losses.softmaxCrossEntropy(y, out);
    if (t.l2 > 0) for (const w of net.weights) loss = loss.add(w.square().sum().mul(t.l2));
    return loss;
  };

  const history: EpochRecord[] = [];
  let best = { loss: Number.POSITIVE_INFINITY, epoch: 0, weights: snapshot(net) };
  let stale = 0;
  let stoppedEarly = false;
  const nTrain = trainIdx.length;
  const xb = new Float32Array(t.batch_size * width);
  for (let epoch = 1; epoch <= t.epochs; epoch++) {
    const started = performance.now();
    const batchOrder = permutation(nTrain, rand);
    let lossSum = 0;
    for (let start = 0; start < nTrain; start += t.batch_size) {
      const idx = batchOrder.slice(start, start + t.batch_size);
      for (let r = 0; r < idx.length; r++) xb.set(xTrain.subarray(idx[r] * width, idx[r] * width + width), r * width);
      lossSum +=
        tf.tidy(() => {
          const x = tf.tensor2d(xb.subarray(0, idx.length * width), [idx.length, width]);
          const y = yTensor(yTrain, idx);
          return optimizer.minimize(() => lossOf(x, y) as Scalar, true, [...net.weights, ...net.biases])!.dataSync()[0];
        }) * idx.length;
    }
    const valLoss = tf.tidy(() => lossOf(xValT, yValT).dataSync()[0]);
    const outputs = predictMatrix(tf, net, xValT, task, outUnits);
    const valMetric = task === 'regression' ? regressionMetrics(yVal, unscale(outputs, targetScale)).rmse : accuracy(yVal, outputs);
    const seconds = (performance.now() - started) / 1000;
    const record = { epoch, loss: lossSum / nTrain, val_loss: valLoss, val_metric: valMetric, seconds, rows_per_s: nTrain / seconds };
    history.push(record);
    log(
      `epoch ${String(epoch).padStart(String(t.epochs).length)}/${t.epochs}  loss ${fmt(record.loss)}  val_loss ${fmt(valLoss)}  ` +
        `${task === 'regression' ? 'val_rmse' : 'val_accuracy'} ${fmt(valMetric)}  ${seconds.toFixed(2)}s (${Math.round(record.rows_per_s)} rows/s)`,
    );
    const minDelta = t.early_stopping?.min_delta ?? 0;
    if (valLoss < best.loss - minDelta) {
      best = { loss: valLoss, epoch, weights: snapshot(net) };
      stale = 0;
    } else if (t.early_stopping && ++stale >= t.early_stopping.patience) {
      stoppedEarly = true;
      log(`early stopping: val_loss has not improved by ${minDelta} for ${t.early_stopping.patience} epochs; keeping epoch ${best.epoch}`);
      break;
    }
  }
  restore(tf, net, best.weights);
  const outputs = predictMatrix(tf, net, xValT, task, outUnits);
  xValT.dispose();
  yValT.dispose();

  const metrics: Record<string, number> = {};
  if (task === 'regression') Object.assign(metrics, regressionMetrics(yVal, unscale(outputs, targetScale)));
  else {
    metrics.accuracy = accuracy(yVal, outputs);
    metrics.log_loss = logLoss(yVal, outputs);
    if (classes.length === 2)
      metrics.roc_auc = rocAuc(
        yVal,
        outputs.map((p) => p[1]),
      );
  }
  metrics.val_loss = best.loss;

  const layers: DenseLayer[] = net.weights.map((w, i) => ({
    inputs: sizes[i],
    units: sizes[i + 1],
    weights: Float32Array.from(w.dataSync()),
    bias: Float32Array.from(net.biases[i].dataSync()),
    activation: i < net.weights.length - 1 ? net.hidden : task === 'regression' ? 'linear' : outUnits === 1 ? 'sigmoid' : 'softmax',
  }));
  for (const v of [...net.weights, ...net.biases]) v.dispose();
  optimizer.dispose();

  const featureSpecs = data.features.map((f) => {
    const cat = preprocessing.categorical.find((c) => c.name === f.name);
    return cat ? { ...f, categories: cat.categories } : f;
  });
  const model: TabularModel = {
    info: { task, target, features: featureSpecs, ...(task === 'classification' ? { classes } : {}), framework: `tensorflow.js ${backend.name}` },
    preprocessing,
    layers,
    ...(targetScale ? { targetScale } : {}),
  };
  // Undo the target scaling in float32, as the graph's Mul/Add do, so parity compares like with like.
  const outputsForParity =
    task === 'regression' && targetScale
      ? outputs.map((o) => [Math.fround(Math.fround(o[0] * Math.fround(targetScale.std)) + Math.fround(targetScale.mean))])
      : outputs;
  return {
    model,
    metrics,
    history,
    bestEpoch: best.epoch,
    stoppedEarly,
    trainRows: nTrain,
    validationRows: nVal,
    validation: { rows: valRows, labels: yVal, outputs: outputsForParity },
  };
}

function initNet(tf: TF, sizes: number[], hidden: Activation, rand: () => number): Net {
  const weights: Variable[] = [];
  const biases: Variable[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    // Glorot uniform from our own PRNG: tf's initialisers are seeded per call, not per run.
    const limit = Math.sqrt(6 / (sizes[i] + sizes[i + 1]));
    const w = Float32Array.from({ length: sizes[i] * sizes[i + 1] }, () => (rand() * 2 - 1) * limit);
    weights.push(tf.variable(tf.tensor2d(w, [sizes[i], sizes[i + 1]]), true, `w${i}`));
    biases.push(tf.variable(tf.zeros([sizes[i + 1]]), true, `b${i}`));
  }
  return { weights, biases, hidden };
}

/** Logits (or regression values) for a batch: hidden layers use the configured activation. */
function forward(tf: TF, net: Net, x: Tensor): Tensor {
  let h = x;
  net.weights.forEach((w, i) => {
    h = tf.add(tf.matMul(h, w), net.biases[i]);
    if (i < net.weights.length - 1) h = net.hidden === 'tanh' ? tf.tanh(h) : tf.relu(h);
  });
  return h;
}

/** The model's outputs row by row: class probabilities, or the (scaled) regression value. */
function predictMatrix(tf: TF, net: Net, x: Tensor, task: Task, outUnits: number): number[][] {
  const values = tf.tidy(() => {
    const out = forward(tf, net, x);
    if (task === 'regression') return out;
    return outUnits === 1 ? tf.sigmoid(out) : tf.softmax(out);
  });
  const data = values.dataSync();
  const n = values.shape[0];
  values.dispose();
  const rows: number[][] = [];
  for (let r = 0; r < n; r++) {
    if (task === 'classification' && outUnits === 1) rows.push([1 - data[r], data[r]]);
    else rows.push(Array.from(data.subarray(r * outUnits, r * outUnits + outUnits)));
  }
  return rows;
}

function labelsTensor(tf: TF, task: Task, outUnits: number, y: ArrayLike<number>, idx: number[] | null): Tensor {
  const n = idx ? idx.length : y.length;
  const at = (r: number) => y[idx ? idx[r] : r];
  if (task === 'regression' || outUnits === 1)
    return tf.tensor2d(
      Float32Array.from({ length: n }, (_, r) => at(r)),
      [n, 1],
    );
  const oneHot = new Float32Array(n * outUnits);
  for (let r = 0; r < n; r++) oneHot[r * outUnits + at(r)] = 1;
  return tf.tensor2d(oneHot, [n, outUnits]);
}

function snapshot(net: Net): Float32Array[] {
  return [...net.weights, ...net.biases].map((v) => Float32Array.from(v.dataSync()));
}

function restore(tf: TF, net: Net, values: Float32Array[]): void {
  [...net.weights, ...net.biases].forEach((v, i) => tf.tidy(() => v.assign(tf.tensor(values[i], v.shape))));
}

function permutation(n: number, rand: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function scaleOf(y: Float64Array): { mean: number; std: number } {
  let mean = 0;
  for (const v of y) mean += v / y.length;
  let sq = 0;
  for (const v of y) sq += (v - mean) ** 2;
  const std = Math.sqrt(sq / y.length);
  return { mean, std: std > 1e-12 ? std : 1 };
}

function unscale(outputs: number[][], scale: { mean: number; std: number } | undefined): number[] {
  return outputs.map((o) => (scale ? o[0] * scale.std + scale.mean : o[0]));
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(4) : String(x);
}
