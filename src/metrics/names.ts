import { CLASSIFICATION_METRICS } from './classification.ts';
import { REGRESSION_METRICS } from './regression.ts';

/** Measured by running the model, not from its predictions; gate `budgets` name these. */
export const OPERATIONAL_METRICS = ['size_mb', 'p50_latency_ms', 'p99_latency_ms', 'throughput_rows_per_s'] as const;

export const METRIC_NAMES: readonly string[] = [...CLASSIFICATION_METRICS, ...REGRESSION_METRICS, ...OPERATIONAL_METRICS];

/**
 * Old names still read (gate.yml, registry diffs of versions registered before the rename) and
 * what they mean now; whoever reads one warns that it is deprecated.
 */
export const METRIC_ALIASES: Readonly<Record<string, string>> = { auc: 'roc_auc' };

/** The current name of a metric (an alias resolved, any other name unchanged). */
export function canonicalMetric(name: string): string {
  return METRIC_ALIASES[name] ?? name;
}

/** The deprecation warning for a metric written under its old name. */
export function aliasWarning(written: string, where: string): string {
  return `${where}: metric "${written}" is deprecated, write "${canonicalMetric(written)}" (read as ${canonicalMetric(written)})`;
}

const LOWER_IS_BETTER = new Set(['log_loss', 'ece', 'rmse', 'mae', 'mape', 'size_mb', 'p50_latency_ms', 'p99_latency_ms']);

/** Whether a larger value is an improvement, for Δ colouring, "worse" slice flags and significance. */
export function higherIsBetter(metric: string): boolean {
  return !LOWER_IS_BETTER.has(metric);
}

export function isOperational(metric: string): boolean {
  return (OPERATIONAL_METRICS as readonly string[]).includes(metric);
}
