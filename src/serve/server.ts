import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { ModelRunner } from '../model/types.ts';
import { MlopsError } from '../util/errors.ts';
import { createBatcher, type Batcher, type Timers } from './batcher.ts';
import { silentLogger, type Logger } from './log.ts';
import { createMetrics, type ServeMetrics } from './metrics.ts';
import type { LoggedPrediction, PredictionLog } from './prediction-log.ts';
import { parsePredictBody, RequestError } from './request.ts';
import { routesToCanary } from './traffic-split.ts';

/** What /metadata and the metrics say about the model, beyond what the runner knows. */
export interface ServedModel {
  name: string;
  version: string;
  /** The ONNX signature (inputs/outputs) from the lineage, when there is one. */
  signature?: unknown;
  /** A short lineage summary: source commit, data fingerprint, registry commit, metrics. */
  lineage?: Record<string, unknown>;
}

export interface ServerOptions {
  runner: ModelRunner;
  model: ServedModel;
  /** Most rows per model call; 1 disables micro-batching. */
  maxBatch?: number;
  /** How long an idle model waits to fill a batch. */
  maxWaitMs?: number;
  /** Largest accepted request body; larger ones get 413. */
  maxBodyBytes?: number;
  /** Pass categories unseen in training to the model (it encodes them as all zeros) instead of answering 400. */
  allowUnknownCategories?: boolean;
  logger?: Logger;
  /** Monotonic milliseconds for latencies. */
  elapsedMs?: () => number;
  timers?: Timers;
  predictionLog?: PredictionLog;
  newRequestId?: () => string;
  /** How long close() lets in-flight requests finish before cutting connections. */
  shutdownTimeoutMs?: number;
  /**
   * A second model run on every /predict request after its response is sent: it never delays or
   * changes a response, its errors are only logged, and its outputs go to the prediction log.
   */
  shadow?: { runner: ModelRunner; model: ServedModel };
  /** Most requests waiting on the shadow; past it new requests skip the shadow (a slow shadow must not grow memory without bound). */
  maxShadowBacklog?: number;
  /** A second model answering `percent` (0..100) of /predict requests, chosen by request id (see routesToCanary). */
  canary?: { runner: ModelRunner; model: ServedModel; percent: number };
}

/** One loaded model with its own batcher: the primary, the canary or the shadow. */
interface Lane {
  runner: ModelRunner;
  model: ServedModel;
  batcher: Batcher;
}

export interface ServerHandle {
  server: Server;
  metrics: ServeMetrics;
  listen(port: number, host: string): Promise<{ host: string; port: number; url: string }>;
  /**
   * Graceful stop: stops accepting connections, answers /ready with 503, lets every request
   * already received finish, then closes the sockets. The runner and prediction log stay open
   * (their owner closes them).
   */
  close(): Promise<void>;
}

export const ROUTE_METHODS: Readonly<Record<string, string>> = { '/predict': 'POST', '/health': 'GET', '/ready': 'GET', '/metadata': 'GET', '/metrics': 'GET' };

export const SERVE_DEFAULTS = { maxBatch: 64, maxWaitMs: 0, maxBodyBytes: 1024 * 1024, shutdownTimeoutMs: 30_000, maxShadowBacklog: 1024 };

// Longer than the idle timeout of common load balancers (60 s), so they never reuse a connection we just closed.
const KEEP_ALIVE_MS = 65_000;

// A Map, not the object: a path like /constructor must not find Object.prototype members.
const ROUTES = new Map(Object.entries(ROUTE_METHODS));

export function createServer(options: ServerOptions): ServerHandle {
  const { runner, model } = options;
  const maxBatch = options.maxBatch ?? SERVE_DEFAULTS.maxBatch;
  const maxBodyBytes = options.maxBodyBytes ?? SERVE_DEFAULTS.maxBodyBytes;
  const logger = options.logger ?? silentLogger;
  const elapsedMs = options.elapsedMs ?? (() => performance.now());
  const newRequestId = options.newRequestId ?? randomUUID;
  const metrics = createMetrics(model);
  const features = runner.info.features;
  const classes = runner.info.classes;
  const lane = (laneRunner: ModelRunner, laneModel: ServedModel): Lane => {
    const names = laneRunner.info.features.map((f) => f.name);
    const batcher = createBatcher({
      predict: (rows) => laneRunner.predict(names, rows),
      maxBatch,
      maxWaitMs: options.maxWaitMs ?? SERVE_DEFAULTS.maxWaitMs,
      onBatch: (rows) => metrics.batchSize.observe({ model_version: laneModel.version }, rows),
      timers: options.timers,
    });
    return { runner: laneRunner, model: laneModel, batcher };
  };
  const primary = lane(runner, model);
  const canary = options.canary && options.canary.percent > 0 ? { ...lane(options.canary.runner, options.canary.model), percent: options.canary.percent } : undefined;
  const shadow = options.shadow ? lane(options.shadow.runner, options.shadow.model) : undefined;
  const shadowWork = new Set<Promise<void>>();

  const predictWith = async (target: Lane, body: unknown) => {
    const input = parsePredictBody(body, target.runner.info.features, { allowUnknownCategories: options.allowUnknownCategories });
    try {
      return { input, result: await target.batcher.submit(input.rows) };
    } catch (err) {
      // The runner rejects data it cannot encode with an MlopsError: that is the client's input.
      if (err instanceof MlopsError) throw new RequestError(400, err.message);
      throw err;
    }
  };

  // Runs once the response is out; the log waits for the shadow so each line holds both outputs.
  const runShadow = async (target: Lane, body: unknown, rows: LoggedPrediction[], meta: Parameters<PredictionLog['write']>[1]) => {
    try {
      const { result } = await predictWith(target, body);
      const shadowClasses = target.runner.info.classes;
      rows.forEach((row, i) => (row.shadow = { prediction: result.predictions[i], probabilities: result.probabilities?.[i], classes: shadowClasses, modelVersion: target.model.version }));
    } catch (err) {
      metrics.shadowErrors.inc({ model_version: target.model.version });
      logger.log('warn', 'shadow failed', { request_id: meta.requestId, shadow_version: target.model.version, error: (err as Error)?.message ?? String(err) });
    }
    options.predictionLog?.write(rows, meta);
  };

  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;

  const metadata = {
    name: model.name,
    version: model.version,
    task: runner.info.task,
    target: runner.info.target,
    features,
    ...(classes ? { classes } : {}),
    ...(runner.info.framework ? { framework: runner.info.framework } : {}),
    ...(model.signature ? { signature: model.signature } : {}),
    ...(model.lineage ? { lineage: model.lineage } : {}),
    ...(shadow ? { shadow: { name: shadow.model.name, version: shadow.model.version } } : {}),
    ...(canary ? { canary: { name: canary.model.name, version: canary.model.version, percent: canary.percent } } : {}),
  };

  // Responses written while draining close their connection, so keep-alive clients can't hold the server open.
  const sendJson = (res: ServerResponse, status: number, body: unknown) => {
    if (draining) res.setHeader('connection', 'close');
    return writeJson(res, status, body);
  };

  // `routed.version` names the model that answered /predict, for the metrics of failed requests too.
  const handle = async (req: IncomingMessage, res: ServerResponse, requestId: string, routed: { version?: string }): Promise<{ status: number; rows?: number }> => {
    const path = (req.url ?? '/').split('?')[0];
    const method = ROUTES.get(path);
    if (method === undefined) return sendJson(res, 404, { error: `no route ${path}; try POST /predict, GET /health, /ready, /metadata, /metrics` });
    if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
      res.setHeader('allow', method);
      return sendJson(res, 405, { error: `${path} accepts ${method}` });
    }
    switch (path) {
      case '/health':
        return sendJson(res, 200, { status: 'ok' });
      case '/ready':
        return draining ? sendJson(res, 503, { status: 'shutting down' }) : sendJson(res, 200, { status: 'ready', model: { name: model.name, version: model.version } });
      case '/metadata':
        return sendJson(res, 200, metadata);
      case '/metrics': {
        const text = await metrics.registry.metrics();
        if (draining) res.setHeader('connection', 'close');
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(text);
        return { status: 200 };
      }
    }
    const body = await readJsonBody(req, maxBodyBytes);
    const answering = canary && routesToCanary(requestId, canary.percent) ? canary : primary;
    const version = answering.model.version;
    routed.version = version;
    const answerClasses = answering.runner.info.classes;
    const { input, result } = await predictWith(answering, body);
    metrics.predictions.inc({ model_version: version }, input.rows.length);
    if (answerClasses) recordClassification(metrics, version, result.predictions, result.probabilities);
    const reply = sendJson(res, 200, {
      model: { name: answering.model.name, version },
      request_id: requestId,
      predictions: result.predictions,
      ...(result.probabilities ? { probabilities: result.probabilities, classes: answerClasses } : {}),
    });
    const logged: LoggedPrediction[] = input.records.map((record, i) => ({ record, prediction: result.predictions[i], probabilities: result.probabilities?.[i] }));
    const meta = { requestId, modelVersion: version, classes: answerClasses };
    if (shadow && shadowWork.size >= (options.maxShadowBacklog ?? SERVE_DEFAULTS.maxShadowBacklog)) {
      metrics.shadowSkipped.inc({ model_version: shadow.model.version });
      options.predictionLog?.write(logged, meta);
    } else if (shadow) {
      const work = runShadow(shadow, body, logged, meta).finally(() => shadowWork.delete(work));
      shadowWork.add(work);
    } else {
      options.predictionLog?.write(logged, meta);
    }
    return { ...reply, rows: input.rows.length };
  };

  const server = createHttpServer((req, res) => {
    const started = elapsedMs();
    const requestId = validRequestId(req.headers['x-request-id']) ?? newRequestId();
    const path = (req.url ?? '/').split('?')[0];
    const route = ROUTES.has(path) ? path : 'other';
    inFlight++;
    metrics.inFlight.inc();
    res.setHeader('x-request-id', requestId);
    const done = (status: number, rows: number | undefined, error?: string, version?: string) => {
      const seconds = (elapsedMs() - started) / 1000;
      const versionLabel = version === undefined ? {} : { model_version: version };
      metrics.requests.inc({ route, status: String(status), ...versionLabel });
      metrics.latency.observe({ route, ...versionLabel }, seconds);
      if (route !== '/metrics' && route !== '/health' && route !== '/ready') {
        logger.log(status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info', 'request', {
          request_id: requestId,
          method: req.method,
          path,
          status,
          duration_ms: Math.round(seconds * 1e6) / 1e3,
          ...(rows !== undefined ? { rows } : {}),
          ...(canary && version !== undefined ? { model_version: version } : {}),
          ...(error ? { error } : {}),
        });
      }
      inFlight--;
      metrics.inFlight.dec();
      if (inFlight === 0 && idle) idle();
    };
    const routed: { version?: string } = {};
    handle(req, res, requestId, routed).then(
      (r) => done(r.status, r.rows, undefined, routed.version),
      (err) => {
        if (err instanceof RequestError) {
          if (err.status === 413) res.setHeader('connection', 'close');
          sendJson(res, err.status, { error: err.message, ...(err.field ? { field: err.field } : {}), request_id: requestId });
          done(err.status, undefined, err.message, routed.version);
        } else {
          if (!res.headersSent) sendJson(res, 500, { error: 'internal error', request_id: requestId });
          else res.destroy();
          done(500, undefined, (err as Error)?.stack ?? String(err), routed.version);
        }
      },
    );
  });

  server.keepAliveTimeout = KEEP_ALIVE_MS;

  return {
    server,
    metrics,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          logger.log('info', 'listening', { host: address.address, port: address.port, model: model.name, version: model.version, max_batch: maxBatch });
          resolve({ host: address.address, port: address.port, url: `http://${shownHost}:${address.port}` });
        });
      });
    },
    async close() {
      if (draining) return;
      draining = true;
      logger.log('info', 'shutting down', { in_flight: inFlight });
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const finished = inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve));
      const timeoutMs = options.shutdownTimeoutMs ?? SERVE_DEFAULTS.shutdownTimeoutMs;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
      const outcome = await Promise.race([finished.then(() => 'finished' as const), timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') logger.log('warn', 'shutdown timeout: cutting remaining requests', { in_flight: inFlight });
      server.closeIdleConnections();
      if (outcome === 'timeout') server.closeAllConnections();
      await closed;
      await Promise.all(shadowWork);
      logger.log('info', 'stopped', {});
    },
  };
}

function recordClassification(metrics: ServeMetrics, version: string, predictions: (string | number)[], probabilities: number[][] | undefined): void {
  for (const [i, label] of predictions.entries()) {
    metrics.predictedClass.inc({ class: String(label), model_version: version });
    const row = probabilities?.[i];
    if (row && row.length > 0) metrics.confidence.observe({ model_version: version }, Math.max(...row));
  }
}

function writeJson(res: ServerResponse, status: number, body: unknown): { status: number } {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
  return { status };
}

async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new RequestError(413, `the body is ${declared} bytes; the limit is ${limit} (--max-body)`);
  const chunks = await new Promise<Buffer[]>((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void parts.push(chunk);
      // Answer now and discard the rest (not destroy: the 413 must still reach the client).
      req.off('data', onData);
      req.off('end', onEnd);
      req.resume();
      reject(new RequestError(413, `the body is over the ${limit}-byte limit (--max-body)`));
    };
    const onEnd = () => resolve(parts);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new RequestError(400, 'the body is empty: send JSON like {"instances": [{...}]}');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new RequestError(400, `the body is not valid JSON: ${(err as Error).message}`);
  }
}

/** Accepts a caller's request id for tracing when it is short and printable; otherwise we make one. */
function validRequestId(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && /^[\w.:-]{1,128}$/.test(value) ? value : undefined;
}
