import { hostname } from 'node:os';
import type { EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';
import { loadModel } from '../model/runtime.ts';
import { MlopsError } from '../util/errors.ts';
import { jsonLogger, type LogLevel } from './log.ts';
import { resolveModelSource, type RegistryResolver } from './model-source.ts';
import { openPredictionLog } from './prediction-log.ts';
import { createServer } from './server.ts';
import { nextShutdownSignal } from './signals.ts';

/** Everything `mlops serve` runs with, parsed and checked (src/cli/serve-args.ts reads it from flags and MLOPS_*). */
export interface ServeRequest {
  /** The environment registry references are resolved in (MLOPS_REGISTRY_*, GITHUB_*). */
  env: NodeJS.ProcessEnv;
  /** A registry reference or an .onnx file. */
  model: string;
  port: number;
  host: string;
  maxBatch: number;
  maxWaitMs: number;
  maxBodyBytes: number;
  /** Where sampled rows and predictions are appended; none logs nothing. */
  predictionDir?: string;
  sample: number;
  level: LogLevel;
  shadowRef?: string;
  canary?: { ref: string; percent: number };
  shutdownTimeoutMs: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  maxConnections: number;
  strictRanges: boolean;
  allowUnknownCategories: boolean;
  /** The primary model's column order when it takes one [N, k] matrix. */
  features?: string[];
  /** Served name and version, over the registry's, serving.json's or the file's. */
  name?: string;
  version?: string;
}

/**
 * Serves until a shutdown signal arrives on `signals` (the process, or an emitter in tests).
 * Registry references need `resolveRegistry`; the container's entry passes none, so the image
 * bundle stays free of the registry and git code (the model is baked in at build time).
 */
export async function runServe(
  request: ServeRequest,
  io: { stdout: Writable; cwd: string; now: () => Date },
  signals: EventEmitter,
  resolveRegistry?: RegistryResolver,
): Promise<number> {
  const { env, port, host, canary: canaryOf } = request;
  const logger = jsonLogger(io.stdout, { level: request.level, now: io.now });
  const source = await resolveModelSource(request.model, { cwd: io.cwd, env, name: request.name, version: request.version, resolveRegistry });
  const runner = await loadModel(source.modelFile, { features: request.features });
  // Second models keep their own name and version: the log and the responses must tell them apart.
  const loadSecond = async (ref: string) => {
    const second = await resolveModelSource(ref, { cwd: io.cwd, env, resolveRegistry });
    const { manifest: m } = second;
    return {
      runner: await loadModel(second.modelFile),
      model: { name: m.name, version: m.version, signature: m.signature, lineage: m.lineage, featureRanges: m.feature_ranges },
    };
  };
  const shadow = request.shadowRef ? await loadSecond(request.shadowRef) : undefined;
  const canary = canaryOf ? { ...(await loadSecond(canaryOf.ref)), percent: canaryOf.percent } : undefined;
  const closeRunners = async () => {
    await runner.close();
    await shadow?.runner.close();
    await canary?.runner.close();
  };
  const predictionLog = request.predictionDir
    ? await openPredictionLog({
        dir: request.predictionDir,
        sample: request.sample,
        random: Math.random,
        now: io.now,
        instance: `${hostname()}-${process.pid}`,
      })
    : undefined;
  const { manifest } = source;
  const handle = createServer({
    runner,
    model: { name: manifest.name, version: manifest.version, signature: manifest.signature, lineage: manifest.lineage, featureRanges: manifest.feature_ranges },
    maxBatch: request.maxBatch,
    maxWaitMs: request.maxWaitMs,
    maxBodyBytes: request.maxBodyBytes,
    allowUnknownCategories: request.allowUnknownCategories,
    strictRanges: request.strictRanges,
    headersTimeoutMs: request.headersTimeoutMs,
    requestTimeoutMs: request.requestTimeoutMs,
    maxConnections: request.maxConnections,
    logger,
    predictionLog,
    shutdownTimeoutMs: request.shutdownTimeoutMs,
    shadow,
    canary,
  });
  if (shadow) logger.log('info', 'shadow model', { name: shadow.model.name, version: shadow.model.version });
  if (canary) logger.log('info', 'canary model', { name: canary.model.name, version: canary.model.version, percent: canary.percent });
  // Listen for signals before binding, so a SIGTERM that races startup still drains cleanly.
  const signal = nextShutdownSignal(signals);
  try {
    await handle.listen(port, host);
  } catch (err) {
    signal.stop();
    await predictionLog?.close();
    await closeRunners();
    const code = (err as NodeJS.ErrnoException).code;
    throw new MlopsError(`cannot listen on ${host}:${port} (${code === 'EADDRINUSE' ? 'the port is in use' : (err as Error).message})`);
  }
  logger.log('info', 'received signal', { signal: await signal.received });
  await handle.close();
  await predictionLog?.close();
  await closeRunners();
  return 0;
}
