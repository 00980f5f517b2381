import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface ServeMetrics {
  registry: Registry;
  requests: Counter<'route' | 'status' | 'model_version'>;
  latency: Histogram<'route' | 'model_version'>;
  batchSize: Histogram<'model_version'>;
  predictions: Counter<'model_version'>;
  predictedClass: Counter<'class' | 'model_version'>;
  confidence: Histogram<'model_version'>;
  shadowErrors: Counter<'model_version'>;
  shadowSkipped: Counter<'model_version'>;
  outOfRange: Counter<'feature' | 'model_version'>;
  inFlight: Gauge;
}

/**
 * A registry of our own (never prom-client's global one, so two servers in a process don't
 * collide) whose every series carries the model name and version, so dashboards split by rollout.
 * With a canary, /predict series set `model_version` to the model that answered (the default
 * label, the primary's version, fills it in everywhere else).
 */
export function createMetrics(model: { name: string; version: string }, options: { processMetrics?: boolean } = {}): ServeMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ model_name: model.name, model_version: model.version });
  // Node's own process_* and nodejs_* series (CPU, memory, heap, event-loop lag, GC) in the same registry.
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'mlops_http_requests_total',
    help: 'HTTP requests answered, by route and status code.',
    labelNames: ['route', 'status', 'model_version'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'mlops_http_request_duration_seconds',
    help: 'Time from request start to response end, by route.',
    labelNames: ['route', 'model_version'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const batchSize = new Histogram({
    name: 'mlops_batch_size_rows',
    help: 'Rows per model call (micro-batches coalesce concurrent requests).',
    labelNames: ['model_version'] as const,
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    registers: [registry],
  });
  const predictions = new Counter({ name: 'mlops_predictions_total', help: 'Rows predicted.', labelNames: ['model_version'] as const, registers: [registry] });
  // Classification only: the predicted-class mix and how sure the model is are what shift first when inputs drift.
  const predictedClass = new Counter({
    name: 'mlops_predicted_class_total',
    help: 'Rows predicted, by predicted class (classification).',
    labelNames: ['class', 'model_version'] as const,
    registers: [registry],
  });
  const confidence = new Histogram({
    name: 'mlops_prediction_confidence',
    help: 'Probability of the predicted class per row (classification).',
    labelNames: ['model_version'] as const,
    buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99],
    registers: [registry],
  });
  const shadowErrors = new Counter({
    name: 'mlops_shadow_errors_total',
    help: 'Requests the shadow model failed on (the responses were not affected).',
    labelNames: ['model_version'] as const,
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: 'mlops_http_requests_in_flight',
    help: 'Requests being handled now (scrapes of /metrics excluded).',
    registers: [registry],
  });
  new Gauge({ name: 'mlops_model_info', help: 'The served model (always 1; name and version are labels).', registers: [registry] }).set(1);
  const shadowSkipped = new Counter({
    name: 'mlops_shadow_skipped_total',
    help: 'Requests the shadow model skipped because too many were already waiting on it.',
    labelNames: ['model_version'] as const,
    registers: [registry],
  });
  const outOfRange = new Counter({
    name: 'mlops_out_of_range_total',
    help: 'Feature values far outside the training range (answered with a warning, or 400 with --strict-ranges), by feature.',
    labelNames: ['feature', 'model_version'] as const,
    registers: [registry],
  });
  return { registry, requests, latency, batchSize, predictions, predictedClass, confidence, shadowErrors, shadowSkipped, outOfRange, inFlight };
}
