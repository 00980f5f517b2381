import type { EventEmitter } from 'node:events';
import { featuresOption } from './args.ts';
import { defineCommand, type DefinedCommand } from './define.ts';
import { REGISTRY_ENV_HELP, registryLocationOptions, withRegistryLocation } from './registry-flags.ts';
import { LOG_LEVELS } from '../serve/log.ts';
import type { RegistryResolver } from '../serve/model-source.ts';
import { runServe } from '../serve/run.ts';
import { SERVE_DEFAULTS } from '../serve/server.ts';
import { MlopsError } from '../util/errors.ts';

/**
 * `mlops serve`, declared once for both of its entries: the CLI verb (with the registry resolver)
 * and the container's server bundle (src/cli/serve-main.ts, without it: the image stays free of
 * the registry and git code, the model is baked in at build time).
 */
export function createServeCommand(signals: EventEmitter, resolveRegistry?: RegistryResolver): DefinedCommand {
  return defineCommand({
    name: 'serve',
    summary: 'answer predictions over HTTP from an ONNX model (local file or registry).',
    usage: ['mlops serve --model registry:NAME#STAGE | registry:NAME@VERSION | model.onnx [options]'],
    options: {
      model: { type: 'string', short: 'm', value: 'REF', env: 'MLOPS_MODEL', description: 'the model: a registry reference or an .onnx file' },
      features: { ...featuresOption.features, env: 'MLOPS_FEATURES' },
      port: { type: 'integer', short: 'p', range: { min: 0, max: 65535 }, default: 8080, env: 'MLOPS_PORT', description: 'TCP port, 0 for any free one' },
      host: { type: 'string', value: 'H', default: '127.0.0.1', env: 'MLOPS_HOST', description: 'address to bind (0.0.0.0 in containers)' },
      'max-batch': {
        type: 'integer',
        range: { min: 1, max: 100_000 },
        default: SERVE_DEFAULTS.maxBatch,
        env: 'MLOPS_MAX_BATCH',
        description: 'most rows per model call; 1 turns micro-batching off',
      },
      'max-wait-ms': {
        type: 'integer',
        range: { min: 0, max: 60_000 },
        default: SERVE_DEFAULTS.maxWaitMs,
        env: 'MLOPS_MAX_WAIT_MS',
        description: 'how long an idle model waits to fill a batch',
      },
      'max-body': { type: 'bytes', default: '1mb', env: 'MLOPS_MAX_BODY', description: 'largest request body, e.g. 512kb, 4mb' },
      'log-predictions': {
        type: 'string',
        value: 'DIR',
        env: 'MLOPS_LOG_PREDICTIONS',
        description: 'append sampled request rows + predictions to DIR/*.jsonl',
      },
      sample: { type: 'fraction', value: 'F', default: 1, env: 'MLOPS_SAMPLE', description: 'fraction of rows to log, 0..1' },
      shadow: {
        type: 'string',
        value: 'REF',
        env: 'MLOPS_SHADOW',
        description:
          'also run this model on every request, after answering; its outputs go to the prediction log only (shadow_prediction, shadow_model_version)',
      },
      canary: {
        type: 'percent',
        value: 'PCT',
        env: 'MLOPS_CANARY',
        description:
          'send PCT percent (0..100) of /predict requests to --canary-model; the split hashes the request id, so a retried x-request-id gets the same model',
      },
      'canary-model': { type: 'string', value: 'REF', env: 'MLOPS_CANARY_MODEL', description: 'the canary: a registry reference or an .onnx file' },
      'allow-unknown-categories': {
        type: 'boolean',
        description: 'pass categories unseen in training to the model (encoded as all zeros) instead of answering 400',
      },
      'strict-ranges': {
        type: 'boolean',
        env: 'MLOPS_STRICT_RANGES',
        description:
          'answer 400 to a number far outside the training range (more than 10 range widths past its min or max) instead of predicting with a warning',
      },
      name: { type: 'string', value: 'NAME', description: 'served model name (default: registry name, serving.json, or file name)' },
      'model-version': { type: 'string', value: 'V', description: 'served version (default: registry version, serving.json, or sha-<12 hex>)' },
      'log-level': { type: 'choice', choices: LOG_LEVELS, default: 'info', env: 'MLOPS_LOG_LEVEL', description: 'the least severe log line written' },
      'shutdown-timeout': {
        type: 'integer',
        value: 'S',
        range: { min: 0, max: 3600 },
        default: 30,
        env: 'MLOPS_SHUTDOWN_TIMEOUT_S',
        description: 'seconds in-flight requests get after SIGTERM',
      },
      'headers-timeout': {
        type: 'integer',
        value: 'S',
        range: { min: 1, max: 3600 },
        default: SERVE_DEFAULTS.headersTimeoutMs / 1000,
        env: 'MLOPS_HEADERS_TIMEOUT_S',
        description: "seconds a client gets to send a request's headers, else 408",
      },
      'request-timeout': {
        type: 'integer',
        value: 'S',
        range: { min: 1, max: 3600 },
        default: SERVE_DEFAULTS.requestTimeoutMs / 1000,
        env: 'MLOPS_REQUEST_TIMEOUT_S',
        description: 'seconds a client gets to send a whole request, else 408',
      },
      'max-connections': {
        type: 'integer',
        range: { min: 1, max: 1_000_000 },
        default: SERVE_DEFAULTS.maxConnections,
        env: 'MLOPS_MAX_CONNECTIONS',
        description: 'most open connections; past it new ones are closed',
      },
      ...registryLocationOptions,
    },
    text: `${REGISTRY_ENV_HELP}

Endpoints:
  POST /predict   {"instances": [{"age": 41, "plan": "basic"}]} or {"inputs": {"age": [41], "plan": ["basic"]}}
                  → {"model": {name, version}, "predictions": [...], "probabilities": [[...]], "classes": [...]}
                  Bad input is a 400 naming the field ({"error", "field"}); an oversized body is a 413.
                  Numbers far outside the training range add "warnings": [{"field", "message"}].
  GET  /health    liveness            GET /ready     200 once the model is loaded, 503 while stopping
  GET  /metadata  name, version, features, signature, lineage
  GET  /metrics   Prometheus text: requests by status, latency, batch sizes, model version label

Logs are JSON lines on stdout. Prediction logs are JSONL files (rotated at 64 MiB and each UTC
day) with the request's columns plus prediction, probability_<class>, model_version, timestamp and
request_id (and shadow_* with --shadow): point \`mlops drift --current\` at them, and
\`mlops compare-logs\` to compare the shadow or canary with the primary. SIGTERM or SIGINT stop accepting connections,
finish the requests already received, then exit 0.`,
    examples: [
      'mlops serve --model registry:churn#production --port 8080',
      'mlops serve --model out/model.onnx --log-predictions logs/predictions --sample 0.1',
      'mlops serve --model registry:churn#production --shadow registry:churn#staging --log-predictions logs',
      'mlops serve --model registry:churn#production --canary 10 --canary-model registry:churn#staging',
      `curl -s localhost:8080/predict -d '{"instances":[{"age":41,"plan":"basic"}]}'`,
    ],
    async run(values, io) {
      if (!values.model)
        throw new MlopsError('--model is required: a registry reference (registry:churn#production) or an .onnx file (see mlops serve --help)');
      const canaryRef = values['canary-model'];
      if ((values.canary === undefined) !== (canaryRef === undefined))
        throw new MlopsError('--canary PCT and --canary-model REF go together (see mlops serve --help)');
      const headersTimeoutS = values['headers-timeout'];
      const requestTimeoutS = values['request-timeout'];
      // Node refuses a headers deadline past the request deadline; say so in our words.
      if (headersTimeoutS > requestTimeoutS)
        throw new MlopsError(`--headers-timeout (${headersTimeoutS}) cannot be longer than --request-timeout (${requestTimeoutS})`);
      return runServe(
        {
          env: withRegistryLocation(io.env, values),
          model: values.model,
          port: values.port,
          host: values.host,
          maxBatch: values['max-batch'],
          maxWaitMs: values['max-wait-ms'],
          maxBodyBytes: values['max-body'],
          predictionDir: values['log-predictions'],
          sample: values.sample,
          level: values['log-level'],
          shadowRef: values.shadow,
          canary: canaryRef !== undefined && values.canary !== undefined ? { ref: canaryRef, percent: values.canary } : undefined,
          shutdownTimeoutMs: values['shutdown-timeout'] * 1000,
          headersTimeoutMs: headersTimeoutS * 1000,
          requestTimeoutMs: requestTimeoutS * 1000,
          maxConnections: values['max-connections'],
          strictRanges: values['strict-ranges'],
          allowUnknownCategories: values['allow-unknown-categories'],
          name: values.name,
          version: values['model-version'],
          ...(values.features.length > 0 ? { features: values.features } : {}),
        },
        io,
        signals,
        resolveRegistry,
      );
    },
  });
}
