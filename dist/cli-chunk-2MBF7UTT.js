import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  CLASSIFICATION_METRICS,
  REGRESSION_METRICS
} from "./cli-chunk-MTDV4XRP.js";

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
  METRIC_NAMES,
  canonicalMetric,
  aliasWarning,
  higherIsBetter,
  isOperational
};
