import type { EventEmitter } from 'node:events';
import { REGISTRY_LOCATION_HELP, registryLocationOptions, withRegistryLocation } from './registry-flags.ts';
import type { CliIO } from './command.ts';
import { oneOf, parseCommandArgs } from './args.ts';
import type { RegistryResolver } from '../serve/model-source.ts';
import { LOG_LEVELS } from '../serve/log.ts';
import { runServe, type ServeRequest } from '../serve/run.ts';
import { SERVE_DEFAULTS } from '../serve/server.ts';
import { MlopsError } from '../util/errors.ts';

export const SERVE_HELP = `mlops serve: answer predictions over HTTP from an ONNX model (local file or registry).

Usage:
  mlops serve --model registry:NAME#STAGE | registry:NAME@VERSION | model.onnx [options]

Options:
  --model REF             the model: a registry reference or an .onnx file            [MLOPS_MODEL]
  --port N                TCP port, 0 for any free one (default 8080)                 [MLOPS_PORT]
  --host H                address to bind (default 127.0.0.1; 0.0.0.0 in containers)  [MLOPS_HOST]
  --max-batch N           most rows per model call; 1 turns micro-batching off (default ${SERVE_DEFAULTS.maxBatch})
                                                                                      [MLOPS_MAX_BATCH]
  --max-wait-ms N         how long an idle model waits to fill a batch (default ${SERVE_DEFAULTS.maxWaitMs})
                                                                                      [MLOPS_MAX_WAIT_MS]
  --max-body SIZE         largest request body, e.g. 512kb, 4mb (default 1mb)         [MLOPS_MAX_BODY]
  --log-predictions DIR   append sampled request rows + predictions to DIR/*.jsonl    [MLOPS_LOG_PREDICTIONS]
  --sample F              fraction of rows to log, 0..1 (default 1)                   [MLOPS_SAMPLE]
  --shadow REF            also run this model on every request, after answering; its outputs
                          go to the prediction log only (shadow_prediction, shadow_model_version)
                                                                                      [MLOPS_SHADOW]
  --canary PCT            send PCT percent (0..100) of /predict requests to --canary-model; the
                          split hashes the request id, so a retried x-request-id gets the same model
                                                                                      [MLOPS_CANARY]
  --canary-model REF      the canary: a registry reference or an .onnx file           [MLOPS_CANARY_MODEL]
  --allow-unknown-categories  pass categories unseen in training to the model (encoded as all
                          zeros) instead of answering 400
  --strict-ranges         answer 400 to a number far outside the training range (more than 10
                          range widths past its min or max) instead of predicting with a warning
                                                                                      [MLOPS_STRICT_RANGES]
  --name NAME             served model name (default: registry name, serving.json, or file name)
  --model-version V       served version (default: registry version, serving.json, or sha-<12 hex>)
  --log-level L           debug, info (default), warn or error                        [MLOPS_LOG_LEVEL]
  --shutdown-timeout S    seconds in-flight requests get after SIGTERM (default 30) [MLOPS_SHUTDOWN_TIMEOUT_S]
  --headers-timeout S     seconds a client gets to send a request's headers, else 408 (default ${SERVE_DEFAULTS.headersTimeoutMs / 1000})
                                                                                      [MLOPS_HEADERS_TIMEOUT_S]
  --request-timeout S     seconds a client gets to send a whole request, else 408 (default ${SERVE_DEFAULTS.requestTimeoutMs / 1000})
                                                                                      [MLOPS_REQUEST_TIMEOUT_S]
  --max-connections N     most open connections; past it new ones are closed (default ${SERVE_DEFAULTS.maxConnections})
                                                                                      [MLOPS_MAX_CONNECTIONS]

${REGISTRY_LOCATION_HELP}
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
finish the requests already received, then exit 0.

Examples:
  mlops serve --model registry:churn#production --port 8080
  mlops serve --model out/model.onnx --log-predictions logs/predictions --sample 0.1
  mlops serve --model registry:churn#production --shadow registry:churn#staging --log-predictions logs
  mlops serve --model registry:churn#production --canary 10 --canary-model registry:churn#staging
  curl -s localhost:8080/predict -d '{"instances":[{"age":41,"plan":"basic"}]}'
`;

/** `mlops serve ARGV`: the flags and their MLOPS_* variables as a ServeRequest, then serve. */
export async function serveFromArgv(argv: string[], io: CliIO, signals: EventEmitter, resolveRegistry?: RegistryResolver): Promise<number> {
  return runServe(parseServeArgs(argv, io.env), io, signals, resolveRegistry);
}

/** The flags over their MLOPS_* variables, each checked before anything loads (a bad value fails in milliseconds). */
export function parseServeArgs(argv: string[], ioEnv: NodeJS.ProcessEnv): ServeRequest {
  const { values } = parseCommandArgs('serve', argv, {
      ...registryLocationOptions,
    model: { type: 'string', short: 'm' },
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    'max-batch': { type: 'string' },
    'max-wait-ms': { type: 'string' },
    'max-body': { type: 'string' },
    'log-predictions': { type: 'string' },
    sample: { type: 'string' },
    'allow-unknown-categories': { type: 'boolean' },
    'strict-ranges': { type: 'boolean' },
    'headers-timeout': { type: 'string' },
    'request-timeout': { type: 'string' },
    'max-connections': { type: 'string' },
    shadow: { type: 'string' },
    canary: { type: 'string' },
    'canary-model': { type: 'string' },
    name: { type: 'string' },
    'model-version': { type: 'string' },
    'log-level': { type: 'string' },
    'shutdown-timeout': { type: 'string' },
  });
  const env = withRegistryLocation(ioEnv, values);
  const setting = (flag: keyof typeof values, envName: string) => (values[flag] as string | undefined) ?? (env[envName] || undefined);
  const model = setting('model', 'MLOPS_MODEL');
  if (!model) throw new MlopsError('--model is required: a registry reference (registry:churn#production) or an .onnx file (see mlops serve --help)');
  const port = integer('--port', setting('port', 'MLOPS_PORT') ?? '8080', 0, 65535);
  const host = setting('host', 'MLOPS_HOST') ?? '127.0.0.1';
  const maxBatch = integer('--max-batch', setting('max-batch', 'MLOPS_MAX_BATCH') ?? String(SERVE_DEFAULTS.maxBatch), 1, 100_000);
  const maxWaitMs = integer('--max-wait-ms', setting('max-wait-ms', 'MLOPS_MAX_WAIT_MS') ?? String(SERVE_DEFAULTS.maxWaitMs), 0, 60_000);
  const maxBodyBytes = byteSize('--max-body', setting('max-body', 'MLOPS_MAX_BODY') ?? '1mb');
  const predictionDir = setting('log-predictions', 'MLOPS_LOG_PREDICTIONS');
  const sample = fraction('--sample', setting('sample', 'MLOPS_SAMPLE') ?? '1');
  const level = oneOf('serve', '--log-level', setting('log-level', 'MLOPS_LOG_LEVEL'), LOG_LEVELS, 'info');
  const shadowRef = setting('shadow', 'MLOPS_SHADOW');
  const canaryText = setting('canary', 'MLOPS_CANARY');
  const canaryRef = setting('canary-model', 'MLOPS_CANARY_MODEL');
  if ((canaryText === undefined) !== (canaryRef === undefined)) throw new MlopsError('--canary PCT and --canary-model REF go together (see mlops serve --help)');
  const canaryPercent = canaryText === undefined ? undefined : percent('--canary', canaryText);
  const shutdownTimeoutMs = integer('--shutdown-timeout', setting('shutdown-timeout', 'MLOPS_SHUTDOWN_TIMEOUT_S') ?? '30', 0, 3600) * 1000;
  const headersTimeoutS = integer('--headers-timeout', setting('headers-timeout', 'MLOPS_HEADERS_TIMEOUT_S') ?? String(SERVE_DEFAULTS.headersTimeoutMs / 1000), 1, 3600);
  const requestTimeoutS = integer('--request-timeout', setting('request-timeout', 'MLOPS_REQUEST_TIMEOUT_S') ?? String(SERVE_DEFAULTS.requestTimeoutMs / 1000), 1, 3600);
  // Node refuses a headers deadline past the request deadline; say so in our words.
  if (headersTimeoutS > requestTimeoutS) throw new MlopsError(`--headers-timeout (${headersTimeoutS}) cannot be longer than --request-timeout (${requestTimeoutS})`);
  const maxConnections = integer('--max-connections', setting('max-connections', 'MLOPS_MAX_CONNECTIONS') ?? String(SERVE_DEFAULTS.maxConnections), 1, 1_000_000);
  const strictRanges = values['strict-ranges'] === true || /^(1|true|yes)$/i.test(env.MLOPS_STRICT_RANGES ?? '');

  return {
    env,
    model,
    port,
    host,
    maxBatch,
    maxWaitMs,
    maxBodyBytes,
    predictionDir,
    sample,
    level,
    shadowRef,
    canary: canaryRef && canaryPercent !== undefined ? { ref: canaryRef, percent: canaryPercent } : undefined,
    shutdownTimeoutMs,
    headersTimeoutMs: headersTimeoutS * 1000,
    requestTimeoutMs: requestTimeoutS * 1000,
    maxConnections,
    strictRanges,
    allowUnknownCategories: values['allow-unknown-categories'] === true,
    name: values.name,
    version: values['model-version'],
  };
}

function integer(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min || n > max) throw new MlopsError(`${flag} must be a whole number from ${min} to ${max} (got "${text}")`);
  return n;
}

function percent(flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !(n >= 0 && n <= 100)) throw new MlopsError(`${flag} must be a percentage from 0 to 100 (got "${text}")`);
  return n;
}

function fraction(flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !(n >= 0 && n <= 1)) throw new MlopsError(`${flag} must be a number from 0 to 1 (got "${text}")`);
  return n;
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2 };

export function byteSize(flag: string, text: string): number {
  const m = /^(\d+)\s*(b|kb?|mb?)?$/i.exec(text.trim());
  if (!m || Number(m[1]) === 0) throw new MlopsError(`${flag} must be a size like 65536, 512kb or 4mb (got "${text}")`);
  return Number(m[1]) * UNITS[(m[2] ?? '').toLowerCase()];
}
