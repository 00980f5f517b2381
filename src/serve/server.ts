import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { ModelRunner } from '../model/types.ts';
import { MlopsError } from '../util/errors.ts';
import { createBatcher, type Batcher, type Timers } from './batcher.ts';
import { silentLogger, type Logger } from './log.ts';
import { createMetrics, type ServeMetrics } from './metrics.ts';
import type { LoggedPrediction, PredictionLog } from './prediction-log.ts';
import { rangesForFeatures, type FeatureRanges } from './ranges.ts';
import { oneLine, parsePredictBody, RequestError, type PredictInput } from './request.ts';
import { routesToCanary } from './traffic-split.ts';

/** What /metadata and the metrics say about the model, beyond what the runner knows. */
export interface ServedModel {
  name: string;
  version: string;
  /** The ONNX signature (inputs/outputs) from the lineage, when there is one. */
  signature?: unknown;
  /** A short lineage summary: source commit, data fingerprint, registry commit, metrics. */
  lineage?: Record<string, unknown>;
  /** What training saw of the numeric features (serving.json `feature_ranges`): far outside gets a warning. */
  featureRanges?: FeatureRanges;
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
  /** Answer 400 to values far outside the training range instead of predicting with a warning. */
  strictRanges?: boolean;
  /** Slow clients: a request's headers must arrive within this, the whole request within `requestTimeoutMs` (else 408). */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Most open connections; past it new ones are closed at once. */
  maxConnections?: number;
  /** On close(), how long idle keep-alive connections stay open for a request already on its way. */
  drainIdleMs?: number;
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
  ranges: FeatureRanges;
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

export const SERVE_DEFAULTS = {
  maxBatch: 64,
  maxWaitMs: 0,
  maxBodyBytes: 1024 * 1024,
  shutdownTimeoutMs: 30_000,
  maxShadowBacklog: 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 1024,
  drainIdleMs: 1000,
};

/** The status counted (never sent) for a request whose client hung up first, as nginx logs it. */
export const CLIENT_CLOSED = 499;

/** Thrown while reading a body when the client goes away: not an error of ours or of the input. */
class ClientClosed extends Error {}

// How long without a new connection means the kernel's accept queue is empty (see drain).
const ACCEPT_QUIET_MS = 50;

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
    return { runner: laneRunner, model: laneModel, batcher, ranges: rangesForFeatures(laneModel.featureRanges ?? {}, laneRunner.info.features) };
  };
  const primary = lane(runner, model);
  const canary =
    options.canary && options.canary.percent > 0 ? { ...lane(options.canary.runner, options.canary.model), percent: options.canary.percent } : undefined;
  const shadow = options.shadow ? lane(options.shadow.runner, options.shadow.model) : undefined;
  const shadowWork = new Set<Promise<void>>();

  const predictWith = async (target: Lane, body: unknown) => {
    const input = parsePredictBody(body, target.runner.info.features, {
      allowUnknownCategories: options.allowUnknownCategories,
      ranges: target.ranges,
      strictRanges: options.strictRanges,
    });
    let result;
    try {
      result = await target.batcher.submit(input.rows);
    } catch (err) {
      // The runner rejects data it cannot encode with an MlopsError: that is the client's input.
      if (err instanceof MlopsError) throw new RequestError(400, err.message);
      throw err;
    }
    refuseNonFinite(input, result);
    return { input, result };
  };

  // Runs once the response is out; the log waits for the shadow so each line holds both outputs.
  const runShadow = async (target: Lane, body: unknown, rows: LoggedPrediction[], meta: Parameters<PredictionLog['write']>[1]) => {
    try {
      const { result } = await predictWith(target, body);
      const shadowClasses = target.runner.info.classes;
      rows.forEach(
        (row, i) =>
          (row.shadow = {
            prediction: result.predictions[i],
            probabilities: result.probabilities?.[i],
            classes: shadowClasses,
            modelVersion: target.model.version,
          }),
      );
    } catch (err) {
      metrics.shadowErrors.inc({ model_version: target.model.version });
      logger.log('warn', 'shadow failed', { request_id: meta.requestId, shadow_version: target.model.version, error: (err as Error)?.message ?? String(err) });
    }
    options.predictionLog?.write(rows, meta);
  };

  let draining = false;
  let accepted = 0;
  let graceOver = false;
  let closing: Promise<void> | undefined;
  let inFlight = 0;
  let idle: (() => void) | undefined;

  /**
   * Stop accepting, keep open connections for `drainIdleMs` so a request already on its way on an
   * idle keep-alive connection is still read and answered (with `connection: close`), then close
   * the idle ones and let the busy ones finish, up to the shutdown timeout.
   */
  const drain = async () => {
    // First accept what the kernel already completed: closing the listener resets those connections,
    // requests and all. Node accepts a queue of them over several turns of a busy event loop, so
    // keep accepting until ACCEPT_QUIET_MS pass without a new one (bounded by the grace, against a
    // flood). Responses get `connection: close` only once the listener is shut, so clients
    // reconnecting on them are refused (safe to retry) rather than queued and reset.
    const timeoutMs = options.shutdownTimeoutMs ?? SERVE_DEFAULTS.shutdownTimeoutMs;
    const graceMs = Math.min(options.drainIdleMs ?? SERVE_DEFAULTS.drainIdleMs, timeoutMs);
    const acceptUntil = elapsedMs() + graceMs;
    for (let seen = -1; seen !== accepted && elapsedMs() < acceptUntil;) {
      seen = accepted;
      await new Promise((resolve) => setTimeout(resolve, ACCEPT_QUIET_MS));
      // Timers run before the poll phase: after a busy stretch, let one poll accept before counting.
      await new Promise((resolve) => setImmediate(resolve));
    }
    draining = true;
    logger.log('info', 'shutting down', { in_flight: inFlight });
    // net's close, not http's: http.Server#close also destroys idle keep-alive connections at once,
    // resetting requests whose bytes are already in the socket but not yet read.
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    const finished = new Promise<void>((resolve) => (inFlight === 0 ? resolve() : (idle = resolve)));
    const timers: NodeJS.Timeout[] = [];
    const after = (ms: number) => new Promise<'timeout'>((resolve) => timers.push(setTimeout(() => resolve('timeout'), ms)));
    await Promise.race([closed, after(graceMs)]);
    graceOver = true;
    server.closeIdleConnections();
    const outcome = await Promise.race([Promise.all([closed, finished]).then(() => 'done' as const), after(timeoutMs - graceMs)]);
    timers.forEach(clearTimeout);
    if (outcome === 'timeout') {
      logger.log('warn', 'shutdown timeout: cutting remaining requests', { in_flight: inFlight });
      server.closeAllConnections();
      await closed;
    }
    // http's close now only stops its deadline checker (the listener and connections are gone).
    server.close();
    await Promise.all(shadowWork);
    logger.log('info', 'stopped', {});
  };

  const metadata = {
    name: model.name,
    version: model.version,
    task: runner.info.task,
    target: runner.info.target,
    features,
    ...(classes ? { classes } : {}),
    ...(runner.info.framework ? { framework: runner.info.framework } : {}),
    // A matrix-input model: which columns feed its one [N, k] input, in order, and who said so.
    ...(runner.info.matrix_input ? { input_mapping: runner.info.matrix_input } : {}),
    ...(model.signature ? { signature: model.signature } : {}),
    ...(model.lineage ? { lineage: model.lineage } : {}),
    ...(Object.keys(primary.ranges).length > 0 ? { feature_ranges: primary.ranges } : {}),
    ...(shadow ? { shadow: { name: shadow.model.name, version: shadow.model.version } } : {}),
    ...(canary ? { canary: { name: canary.model.name, version: canary.model.version, percent: canary.percent } } : {}),
  };

  // Responses written while draining close their connection, so keep-alive clients can't hold the server open.
  // A client already gone gets nothing written and is counted as CLIENT_CLOSED.
  const sendJson = (req: IncomingMessage, res: ServerResponse, status: number, body: unknown): { status: number } => {
    if (clientGone(req, res)) return { status: CLIENT_CLOSED };
    if (draining) res.setHeader('connection', 'close');
    return writeJson(res, status, body);
  };

  // `routed.version` names the model that answered /predict, for the metrics of failed requests too.
  const handle = async (
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    routed: { version?: string },
  ): Promise<{ status: number; rows?: number; warnings?: number }> => {
    const path = (req.url ?? '/').split('?')[0];
    const method = ROUTES.get(path);
    // Read any body before answering without it: a next request arriving in the same read as an
    // unread body was lost on a keep-alive connection.
    if (path !== '/predict' || req.method !== 'POST') await discardBody(req, res, maxBodyBytes);
    if (method === undefined) return sendJson(req, res, 404, { error: `no route ${path}; try POST /predict, GET /health, /ready, /metadata, /metrics` });
    if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
      res.setHeader('allow', method);
      return sendJson(req, res, 405, { error: `${path} accepts ${method}` });
    }
    switch (path) {
      case '/health':
        return sendJson(req, res, 200, { status: 'ok' });
      case '/ready':
        return draining
          ? sendJson(req, res, 503, { status: 'shutting down' })
          : sendJson(req, res, 200, { status: 'ready', model: { name: model.name, version: model.version } });
      case '/metadata':
        return sendJson(req, res, 200, metadata);
      case '/metrics': {
        const text = await metrics.registry.metrics();
        if (clientGone(req, res)) return { status: CLIENT_CLOSED };
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
    for (const w of input.warnings) metrics.outOfRange.inc({ feature: w.feature, model_version: version });
    if (answerClasses) recordClassification(metrics, version, result.predictions, result.probabilities);
    const reply = sendJson(req, res, 200, {
      model: { name: answering.model.name, version },
      request_id: requestId,
      predictions: result.predictions,
      ...(result.probabilities ? { probabilities: result.probabilities, classes: answerClasses } : {}),
      ...(input.warnings.length > 0 ? { warnings: input.warnings.map(({ field, message }) => ({ field, message })) } : {}),
    });
    const logged: LoggedPrediction[] = input.records.map((record, i) => ({
      record,
      prediction: result.predictions[i],
      probabilities: result.probabilities?.[i],
    }));
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
    return { ...reply, rows: input.rows.length, ...(input.warnings.length > 0 ? { warnings: input.warnings.length } : {}) };
  };

  const headersTimeout = options.headersTimeoutMs ?? SERVE_DEFAULTS.headersTimeoutMs;
  const requestTimeout = options.requestTimeoutMs ?? SERVE_DEFAULTS.requestTimeoutMs;
  const server = createHttpServer(
    {
      headersTimeout,
      requestTimeout,
      keepAliveTimeout: KEEP_ALIVE_MS,
      // Node checks both deadlines on this period (30 s by default): a fraction of the shorter one keeps them close to exact.
      connectionsCheckingInterval: Math.max(100, Math.min(headersTimeout, requestTimeout) / 4),
    },
    (req, res) => {
      const started = elapsedMs();
      const requestId = validRequestId(req.headers['x-request-id']) ?? newRequestId();
      const path = (req.url ?? '/').split('?')[0];
      const route = ROUTES.has(path) ? path : 'other';
      // The scrape is not traffic: counting it would make every scrape see itself in flight.
      const counted = route !== '/metrics';
      if (counted) {
        inFlight++;
        metrics.inFlight.inc();
      }
      res.setHeader('x-request-id', requestId);
      const done = (status: number, rows: number | undefined, error?: string, version?: string, warnings?: number) => {
        const seconds = (elapsedMs() - started) / 1000;
        // Always the label, even for requests that failed before routing: a missing label is a second series.
        const model_version = version ?? model.version;
        metrics.requests.inc({ route, status: String(status), model_version });
        metrics.latency.observe({ route, model_version }, seconds);
        if (route !== '/metrics' && route !== '/health' && route !== '/ready') {
          const level = status === CLIENT_CLOSED ? 'info' : status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
          logger.log(level, 'request', {
            request_id: requestId,
            method: req.method,
            path,
            status,
            duration_ms: Math.round(seconds * 1e6) / 1e3,
            ...(rows !== undefined ? { rows } : {}),
            ...(warnings !== undefined ? { warnings } : {}),
            ...(canary && version !== undefined ? { model_version: version } : {}),
            ...(error ? { error } : {}),
          });
        }
        if (counted) {
          inFlight--;
          metrics.inFlight.dec();
        }
        if (inFlight === 0 && idle) idle();
      };
      const routed: { version?: string } = {};
      handle(req, res, requestId, routed).then(
        (r) => done(r.status, r.rows, r.status === CLIENT_CLOSED ? 'client closed the connection' : undefined, routed.version, r.warnings),
        (err) => {
          if (err instanceof ClientClosed || clientGone(req, res)) {
            done(CLIENT_CLOSED, undefined, 'client closed the connection', routed.version);
          } else if (err instanceof RequestError) {
            if (err.status === 413) res.setHeader('connection', 'close');
            const sent = sendJson(req, res, err.status, { error: err.message, ...(err.field ? { field: err.field } : {}), request_id: requestId });
            done(sent.status, undefined, err.message, routed.version);
          } else {
            if (!res.headersSent) sendJson(req, res, 500, { error: 'internal error', request_id: requestId });
            else res.destroy();
            done(500, undefined, (err as Error)?.stack ?? String(err), routed.version);
          }
        },
      );
      // After the drain's grace, a connection closes as soon as its last response is out.
      res.once('close', () => graceOver && setImmediate(() => server.closeIdleConnections()));
    },
  );
  server.maxConnections = options.maxConnections ?? SERVE_DEFAULTS.maxConnections;
  server.on('connection', () => accepted++);

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
    close() {
      closing ??= drain();
      return closing;
    },
  };
}

function recordClassification(metrics: ServeMetrics, version: string, predictions: (string | number)[], probabilities: number[][] | undefined): void {
  // Counted per request and labels bound once: prom-client hashes the labels on every call.
  const perClass = new Map<string, number>();
  for (const label of predictions) perClass.set(String(label), (perClass.get(String(label)) ?? 0) + 1);
  for (const [label, n] of perClass) metrics.predictedClass.inc({ class: label, model_version: version }, n);
  if (!probabilities) return;
  const confidence = metrics.confidence.labels({ model_version: version });
  for (const row of probabilities) if (row.length > 0) confidence.observe(Math.max(...row));
}

/** A row the model answered with NaN or Infinity: its inputs overflowed the float32 arithmetic. A 400 naming the culprit. */
function refuseNonFinite(input: PredictInput, result: { predictions: (string | number)[]; probabilities?: number[][] }): void {
  const bad = result.predictions.findIndex(
    (p, i) => (typeof p === 'number' && !Number.isFinite(p)) || (result.probabilities?.[i]?.some((x) => !Number.isFinite(x)) ?? false),
  );
  if (bad < 0) return;
  const culprit = input.warnings.find((w) => w.row === bad);
  const where = culprit?.field ?? input.rowPath(bad);
  throw new RequestError(
    400,
    `${where}: the model's output for this row is not a number: its inputs overflow the model's float32 arithmetic${culprit ? ' (this value is far outside the training range)' : ''}`,
    where,
  );
}

/** The client hung up (or the socket was cut): nothing can be written any more. */
function clientGone(req: IncomingMessage, res: ServerResponse): boolean {
  // req.socket, not res.socket: a pipelined response has no socket until the one before it is out.
  return !res.writableEnded && (res.destroyed || req.socket.destroyed);
}

function writeJson(res: ServerResponse, status: number, body: unknown): { status: number } {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
  return { status };
}

/** The body up to `limit` bytes (else 413); `keep: false` reads and drops it. */
function readBody(req: IncomingMessage, limit: number, keep = true): Promise<Buffer[]> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit)
    return Promise.reject(new RequestError(413, `the body is ${declared} bytes; the limit is ${limit} (--max-body)`));
  return new Promise<Buffer[]>((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void (keep && parts.push(chunk));
      // Answer now and discard the rest (not destroy: the 413 must still reach the client).
      stop();
      req.resume();
      reject(new RequestError(413, `the body is over the ${limit}-byte limit (--max-body)`));
    };
    const onEnd = () => (stop(), resolve(parts));
    // Closed before the end of the body: the client hung up (node also emits 'error', ECONNRESET "aborted").
    const onClose = () => (stop(), reject(new ClientClosed('client closed the connection')));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', () => onClose());
  });
}

/** Reads and drops a body the route does not use; past the limit the connection closes after the answer. */
async function discardBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<void> {
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return;
  try {
    await readBody(req, limit, false);
  } catch (err) {
    if (!(err instanceof RequestError)) throw err;
    res.setHeader('connection', 'close');
  }
}

async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const text = Buffer.concat(await readBody(req, limit)).toString('utf8');
  if (text.trim() === '') throw new RequestError(400, 'the body is empty: send JSON like {"instances": [{...}]}');
  try {
    return JSON.parse(text);
  } catch (err) {
    // V8's message quotes the input around the error: escaped and cut, so it stays one short line.
    throw new RequestError(400, `the body is not valid JSON: ${oneLine((err as Error).message, 120)}`);
  }
}

/** Accepts a caller's request id for tracing when it is short and printable; otherwise we make one. */
function validRequestId(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && /^[\w.:-]{1,128}$/.test(value) ? value : undefined;
}
