import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/metrics/ranking.ts
function descendingOrder(scores) {
  const keys = new Float64Array(scores.length);
  const order = new Uint32Array(keys.length);
  for (let i = 0; i < order.length; i++) {
    keys[i] = Number.isNaN(scores[i]) ? Number.NEGATIVE_INFINITY : scores[i];
    order[i] = i;
  }
  order.sort((a, b) => keys[b] - keys[a] || a - b);
  return order;
}
function tied(a, b) {
  return a === b || a !== a && b !== b;
}
function rocAuc(positive, scores, order, weights) {
  let tp = 0;
  let fp = 0;
  let area = 0;
  let i = 0;
  const n = order.length;
  while (i < n) {
    const s = scores[order[i]];
    let groupPos = 0;
    let groupNeg = 0;
    while (i < n && tied(scores[order[i]], s)) {
      const row = order[i];
      const w = weights ? weights[row] : 1;
      if (positive[row]) groupPos += w;
      else groupNeg += w;
      i++;
    }
    area += groupNeg * (tp + groupPos / 2);
    tp += groupPos;
    fp += groupNeg;
  }
  if (tp === 0 || fp === 0) return null;
  return area / (tp * fp);
}
function averagePrecision(positive, scores, order, weights) {
  let totalPos = 0;
  for (let i2 = 0; i2 < order.length; i2++) if (positive[i2]) totalPos += weights ? weights[i2] : 1;
  if (totalPos === 0) return null;
  let tp = 0;
  let fp = 0;
  let ap = 0;
  let i = 0;
  const n = order.length;
  while (i < n) {
    const s = scores[order[i]];
    let groupPos = 0;
    let groupAll = 0;
    while (i < n && tied(scores[order[i]], s)) {
      const row = order[i];
      const w = weights ? weights[row] : 1;
      if (positive[row]) groupPos += w;
      groupAll += w;
      i++;
    }
    tp += groupPos;
    fp += groupAll - groupPos;
    if (groupPos > 0) ap += groupPos / totalPos * (tp / (tp + fp));
  }
  return ap;
}

// src/metrics/classification.ts
var CLASSIFICATION_METRICS = [
  "accuracy",
  "precision",
  "recall",
  "f1",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "precision_weighted",
  "recall_weighted",
  "f1_weighted",
  "roc_auc",
  "pr_auc",
  "log_loss",
  "ece"
];
var EPS = 2220446049250313e-31;
var CALIBRATION_BINS = 10;
var PreparedClassification = class _PreparedClassification {
  constructor(data) {
    this.data = data;
  }
  data;
  orders = /* @__PURE__ */ new Map();
  get n() {
    return this.data.yTrue.length;
  }
  get binary() {
    return this.data.k === 2;
  }
  /** One-vs-rest view of class `c`: positives, its probability column and their descending order. */
  oneVsRest(c, order) {
    let cached = this.orders.get(c);
    if (!cached) {
      const { yTrue, proba, k } = this.data;
      const n = yTrue.length;
      const positive = new Uint8Array(n);
      const scores = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        positive[i] = yTrue[i] === c ? 1 : 0;
        scores[i] = proba ? proba[i * k + c] : 0;
      }
      cached = { positive, scores, order: order ?? descendingOrder(scores) };
      this.orders.set(c, cached);
    }
    return cached;
  }
  /** The classes ranking metrics score: the positive class of a binary model, else every class. */
  rankedClasses() {
    if (!this.data.proba) return [];
    return this.binary ? [1] : Array.from({ length: this.data.k }, (_, c) => c);
  }
  /**
   * Disjoint row groups (each in ascending row order) as datasets of their own. Their score
   * orders come from this one's in a single pass per class instead of a sort per group, which
   * matters for hundreds of slices over a million rows; ties keep row order either way.
   */
  subsets(groups) {
    const out = groups.map((g) => new _PreparedClassification(subsetClassification(this.data, g)));
    const groupOf = new Int32Array(this.n).fill(-1);
    const position = new Uint32Array(this.n);
    groups.forEach((g, gi) => {
      for (let j = 0; j < g.length; j++) {
        groupOf[g[j]] = gi;
        position[g[j]] = j;
      }
    });
    for (const c of this.rankedClasses()) {
      const orders = groups.map((g) => new Uint32Array(g.length));
      const filled = new Uint32Array(groups.length);
      for (const row of this.oneVsRest(c).order) {
        const gi = groupOf[row];
        if (gi >= 0) orders[gi][filled[gi]++] = position[row];
      }
      out.forEach((p, gi) => p.oneVsRest(c, orders[gi]));
    }
    return out;
  }
};
function confusionMatrix(yTrue, yPred, nClasses, weights) {
  const m = Array.from({ length: nClasses }, () => new Array(nClasses).fill(0));
  for (let i = 0; i < yTrue.length; i++) m[yTrue[i]][yPred[i]] += weights ? weights[i] : 1;
  return m;
}
function accuracy(yTrue, yPred, weights) {
  let right = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights ? weights[i] : 1;
    total += w;
    if (yTrue[i] === yPred[i]) right += w;
  }
  return total > 0 ? right / total : null;
}
function perClassScores(matrix, classes) {
  const out = [];
  for (let c = 0; c < matrix.length; c++) {
    let support = 0;
    let predicted = 0;
    for (let j = 0; j < matrix.length; j++) {
      support += matrix[c][j];
      predicted += matrix[j][c];
    }
    if (support === 0 && predicted === 0) continue;
    const tp = matrix[c][c];
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    out.push({ label: classes[c], precision, recall, f1, support });
  }
  return out;
}
function averages(scores) {
  const total = scores.reduce((s, c) => s + c.support, 0);
  const out = {};
  for (const key of ["precision", "recall", "f1"]) out[`${key}_macro`] = scores.length ? scores.reduce((s, c) => s + c[key], 0) / scores.length : null;
  for (const key of ["precision", "recall", "f1"])
    out[`${key}_weighted`] = total > 0 ? scores.reduce((s, c) => s + c[key] * c.support, 0) / total : null;
  return out;
}
function precisionRecallF1(prep, perClass) {
  const avg = averages(perClass);
  if (!prep.binary) return { precision: avg.precision_macro, recall: avg.recall_macro, f1: avg.f1_macro, ...avg };
  const positive = perClass.find((c) => c.label === prep.data.classes[1]);
  const pick = (key) => perClass.length === 0 ? null : positive?.[key] ?? 0;
  return { precision: pick("precision"), recall: pick("recall"), f1: pick("f1"), ...avg };
}
function logLoss(yTrue, proba, k, weights) {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    const t = yTrue[i];
    const p = t < k ? Math.min(Math.max(proba[i * k + t], EPS), 1 - EPS) : EPS;
    sum += -Math.log(p) * w;
    total += w;
  }
  return total > 0 ? sum / total : null;
}
function calibration(yTrue, proba, k, weights) {
  const count = new Float64Array(CALIBRATION_BINS);
  const conf = new Float64Array(CALIBRATION_BINS);
  const right = new Float64Array(CALIBRATION_BINS);
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    let best = 0;
    for (let c = 1; c < k; c++) if (proba[i * k + c] > proba[i * k + best]) best = c;
    const p = proba[i * k + best];
    const b = Math.min(CALIBRATION_BINS - 1, Math.max(0, Math.ceil(p * CALIBRATION_BINS) - 1));
    count[b] += w;
    conf[b] += p * w;
    if (best === yTrue[i]) right[b] += w;
    total += w;
  }
  const bins = [];
  let ece = 0;
  for (let b = 0; b < CALIBRATION_BINS; b++) {
    if (count[b] === 0) continue;
    const bin = {
      lower: b / CALIBRATION_BINS,
      upper: (b + 1) / CALIBRATION_BINS,
      count: count[b],
      confidence: conf[b] / count[b],
      accuracy: right[b] / count[b]
    };
    bins.push(bin);
    ece += count[b] / total * Math.abs(bin.accuracy - bin.confidence);
  }
  return { ece: total > 0 ? ece : null, bins };
}
function rocAucScore(prep, weights) {
  if (!prep.data.proba) return null;
  if (prep.binary) {
    const v = prep.oneVsRest(1);
    return rocAuc(v.positive, v.scores, v.order, weights);
  }
  return macro(prep, (c) => {
    const v = prep.oneVsRest(c);
    return rocAuc(v.positive, v.scores, v.order, weights);
  });
}
function prAucScore(prep, weights) {
  if (!prep.data.proba) return null;
  if (prep.binary) {
    const v = prep.oneVsRest(1);
    return averagePrecision(v.positive, v.scores, v.order, weights);
  }
  return macro(prep, (c) => {
    const v = prep.oneVsRest(c);
    return averagePrecision(v.positive, v.scores, v.order, weights);
  });
}
function macro(prep, perClass) {
  let sum = 0;
  let used = 0;
  for (let c = 0; c < prep.data.k; c++) {
    const v = perClass(c);
    if (v === null) continue;
    sum += v;
    used++;
  }
  return used > 0 ? sum / used : null;
}
function classificationMetrics(prep, weights) {
  const { yTrue, yPred, proba, k, classes } = prep.data;
  const matrix = confusionMatrix(yTrue, yPred, classes.length, weights);
  const perClass = perClassScores(matrix, classes);
  const cal = proba ? calibration(yTrue, proba, k, weights) : { ece: null, bins: [] };
  const scalars = {
    accuracy: accuracy(yTrue, yPred, weights),
    ...precisionRecallF1(prep, perClass),
    roc_auc: rocAucScore(prep, weights),
    pr_auc: prAucScore(prep, weights),
    log_loss: proba ? logLoss(yTrue, proba, k, weights) : null,
    ece: cal.ece
  };
  return { scalars, perClass, confusion: { labels: classes, matrix }, calibration: cal.bins };
}
function classificationMetric(prep, name, weights) {
  const { yTrue, yPred, proba, k } = prep.data;
  switch (name) {
    case "accuracy":
      return accuracy(yTrue, yPred, weights);
    case "roc_auc":
      return rocAucScore(prep, weights);
    case "pr_auc":
      return prAucScore(prep, weights);
    case "log_loss":
      return proba ? logLoss(yTrue, proba, k, weights) : null;
    case "ece":
      return proba ? calibration(yTrue, proba, k, weights).ece : null;
    default: {
      const matrix = confusionMatrix(yTrue, yPred, prep.data.classes.length, weights);
      return precisionRecallF1(prep, perClassScores(matrix, prep.data.classes))[name] ?? null;
    }
  }
}
function subsetClassification(data, indices) {
  const n = indices.length;
  const yTrue = new Int32Array(n);
  const yPred = new Int32Array(n);
  const proba = data.proba ? new Float64Array(n * data.k) : void 0;
  for (let i = 0; i < n; i++) {
    const r = indices[i];
    yTrue[i] = data.yTrue[r];
    yPred[i] = data.yPred[r];
    if (proba) proba.set(data.proba.subarray(r * data.k, (r + 1) * data.k), i * data.k);
  }
  return { classes: data.classes, yTrue, yPred, proba, k: data.k };
}

// src/metrics/regression.ts
var REGRESSION_METRICS = ["rmse", "mae", "r2", "mape"];
var EPS2 = 2220446049250313e-31;
function regressionMetrics(yTrue, yPred, weights) {
  let total = 0;
  let sumY = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights ? weights[i] : 1;
    total += w;
    sumY += w * yTrue[i];
  }
  if (total === 0) return { rmse: null, mae: null, r2: null, mape: null };
  const meanY = sumY / total;
  let se = 0;
  let ae = 0;
  let ape = 0;
  let ssTot = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    const err = yTrue[i] - yPred[i];
    se += w * err * err;
    ae += w * Math.abs(err);
    ape += w * Math.abs(err) / Math.max(Math.abs(yTrue[i]), EPS2);
    const d = yTrue[i] - meanY;
    ssTot += w * d * d;
  }
  const r2 = ssTot === 0 ? se === 0 ? 1 : 0 : 1 - se / ssTot;
  return { rmse: Math.sqrt(se / total), mae: ae / total, r2, mape: ape / total };
}
function subsetRegression(values, indices) {
  const out = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = values[indices[i]];
  return out;
}

// src/metrics/names.ts
var OPERATIONAL_METRICS = ["size_mb", "p50_latency_ms", "p99_latency_ms", "throughput_rows_per_s"];
var METRIC_NAMES = [...CLASSIFICATION_METRICS, ...REGRESSION_METRICS, ...OPERATIONAL_METRICS];
var METRIC_ALIASES = { auc: "roc_auc" };
function canonicalMetric(name) {
  return METRIC_ALIASES[name] ?? name;
}
function aliasWarning(written, where) {
  return `${where}: metric "${written}" is deprecated, write "${canonicalMetric(written)}" (read as ${canonicalMetric(written)})`;
}
var LOWER_IS_BETTER = /* @__PURE__ */ new Set(["log_loss", "ece", "rmse", "mae", "mape", "size_mb", "p50_latency_ms", "p99_latency_ms"]);
function higherIsBetter(metric) {
  return !LOWER_IS_BETTER.has(metric);
}
function isOperational(metric) {
  return OPERATIONAL_METRICS.includes(metric);
}

export {
  PreparedClassification,
  classificationMetrics,
  classificationMetric,
  regressionMetrics,
  subsetRegression,
  METRIC_NAMES,
  canonicalMetric,
  aliasWarning,
  higherIsBetter,
  isOperational
};
