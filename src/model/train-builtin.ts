import { mkdir, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { join, relative } from 'node:path';
import { profileFiles } from '../profile/profile.ts';
import { writeJson } from '../util/fs.ts';
import { MlopsError } from '../util/errors.ts';
import { loadBackend, BACKENDS, type BackendChoice } from './backend.ts';
import { loadTrainingData, selectFeatures } from './dataset.ts';
import { modelScore, permutationImportance } from './importance.ts';
import type { Lineage } from './lineage.ts';
import { locateFiles } from './data-location.ts';
import { buildLineage, environmentInfo, fingerprintFiles, queryGpus, sourceInfo, type Exec } from './lineage-record.ts';
import { exportOnnx } from './onnx/export.ts';
import { loadModel } from './runtime.ts';
import type { TrainConfig } from './train-config.ts';
import { trainTabular, type EpochRecord } from './trainer.ts';
import type { Task } from './types.ts';

/** Predictions of the exported ONNX model may differ from tfjs by float32 rounding only. */
export const PARITY_TOLERANCE = 1e-5;

export const METRICS_SCHEMA_VERSION = 1;

/** metrics.json of the built-in trainer: validation metrics plus the per-epoch history. */
export const MetricsFileSchema = z.object({
  schema_version: z.literal(METRICS_SCHEMA_VERSION),
  kind: z.literal('mlops/metrics'),
  split: z.literal('validation'),
  rows: z.number().int().nonnegative(),
  metrics: z.record(z.string(), z.number()),
  best_epoch: z.number().int().nonnegative(),
  stopped_early: z.boolean(),
  onnx_parity_max_abs_diff: z.number().nonnegative(),
  history: z.array(
    z.object({ epoch: z.number().int(), loss: z.number(), val_loss: z.number(), val_metric: z.number(), seconds: z.number(), rows_per_s: z.number() }),
  ),
});
export type MetricsFile = z.infer<typeof MetricsFileSchema>;

export interface BuiltinTrainOptions {
  files: string[];
  target: string;
  task: Task;
  config: TrainConfig;
  outDir: string;
  log: (line: string) => void;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  exec: Exec;
  cwd: string;
  producerVersion: string;
  delimiter?: string;
  /** Where training files can be fetched later, by path relative to cwd (--data-uri, mlops.yml data.locations). */
  dataUris?: Record<string, string>;
}

export interface BuiltinTrainResult {
  modelFile: string;
  metricsFile: string;
  lineageFile: string;
  metrics: Record<string, number>;
  lineage: Lineage;
  history: EpochRecord[];
  /** Largest |ONNX − tfjs| over the validation outputs (regression: in units of max(1, target std)). */
  parity: number;
}

/**
 * The whole built-in run: profile and fingerprint the data, fit with the best tfjs backend,
 * export ONNX with the preprocessing, check the ONNX against tfjs on the validation rows,
 * and write model.onnx, metrics.json and lineage.json into `outDir`.
 */
export async function runBuiltinTraining(o: BuiltinTrainOptions): Promise<BuiltinTrainResult> {
  const startedAt = o.now();
  const t0 = performance.now();
  // Before training, so a --data-uri naming no training file fails in a second, not after the fit.
  const fingerprint = await fingerprintFiles(o.files);
  const located = await locateFiles(
    o.files,
    fingerprint.files.map((f) => f.sha256),
    { cwd: o.cwd, exec: o.exec, env: o.env, uris: o.dataUris },
  );
  const profile = await profileFiles(o.files, { delimiter: o.delimiter, now: o.now });
  const { features, skipped, detected } = selectFeatures(profile, o.target, o.config.features);
  const data = await loadTrainingData(o.files, o.target, o.task, features, skipped, { delimiter: o.delimiter });
  o.log(
    `data: ${data.rows.length} rows from ${o.files.length} file(s)` +
      (data.droppedRows > 0 ? ` (${data.droppedRows} without a target dropped)` : '') +
      `; ${features.length} features: ${features.map((f) => `${f.name}:${f.type}`).join(', ')}`,
  );
  if (detected.length > 0) o.log(`free text detected, TF-IDF encoded in the model: ${detected.join(', ')} (set features.text to choose)`);
  if (skipped.length > 0) o.log(`skipped columns: ${skipped.join(', ')}`);
  if (data.classes) o.log(`classes: ${data.classes.join(', ')}`);

  const choice = backendChoice(o.env.MLOPS_TF_BACKEND, o.config.backend);
  const backend = await loadBackend(choice);
  o.log(`backend: ${backend.name} (${backend.package})${backend.skipped.length > 0 ? `; skipped ${backend.skipped.join('; ')}` : ''}`);

  const modelDesc =
    o.config.model.type === 'mlp'
      ? `MLP ${o.config.model.hidden_layers.join('×')} ${o.config.model.activation}`
      : o.task === 'classification'
        ? 'logistic regression'
        : 'linear regression';
  o.log(`training ${modelDesc}, seed ${o.config.training.seed}, up to ${o.config.training.epochs} epochs`);
  const result = trainTabular(data, o.task, o.target, o.config, backend, o.log);

  for (const t of result.model.preprocessing.text ?? []) {
    o.log(
      `text ${t.name}: TF-IDF vocabulary of ${t.vocabulary.length} terms (${t.unigrams} unigrams, ${t.vocabulary.length - t.unigrams} bigrams) from the training rows`,
    );
  }
  const onnxBytes = exportOnnx(result.model, { producerVersion: o.producerVersion });
  const modelFile = join(o.outDir, 'model.onnx');
  await mkdir(o.outDir, { recursive: true });
  await writeFile(modelFile, onnxBytes);

  // Regression outputs are in target units; float32 rounding grows with the target's scale.
  const parityScale = Math.max(1, result.model.targetScale?.std ?? 1);
  const parity = (await onnxParity(modelFile, data.columns, result.validation.rows, result.validation.outputs)) / parityScale;
  if (!(parity <= PARITY_TOLERANCE)) throw new MlopsError(`exported ONNX disagrees with the trained model (max |Δ| ${parity} > ${PARITY_TOLERANCE})`);
  const metrics = { ...result.metrics };
  const importance = await validationImportance(
    modelFile,
    data.columns,
    features.map((f) => f.name),
    result,
    o.task,
    o.config.training.seed,
  );
  o.log(
    `permutation importance (${importance.metric} drop, validation): ${Object.entries(importance.values)
      .map(([k, v]) => `${k} ${v.toFixed(4)}`)
      .join('  ')}`,
  );
  const durationS = (performance.now() - t0) / 1000;
  o.log(
    `final: ${Object.entries(result.metrics)
      .map(([k, v]) => `${k} ${v.toFixed(4)}`)
      .join('  ')}  (validation ${result.validationRows} rows, best epoch ${result.bestEpoch}/${result.history.length}, ` +
      `onnx parity ${parity.toExponential(1)}, ${durationS.toFixed(1)}s)`,
  );

  const metricsFile = join(o.outDir, 'metrics.json');
  await writeJson(
    metricsFile,
    MetricsFileSchema.parse({
      schema_version: METRICS_SCHEMA_VERSION,
      kind: 'mlops/metrics',
      split: 'validation',
      rows: result.validationRows,
      metrics,
      best_epoch: result.bestEpoch,
      stopped_early: result.stoppedEarly,
      onnx_parity_max_abs_diff: parity,
      history: result.history,
    }),
  );

  const tf = backend.tf;
  const ort = await import('onnxruntime-node');
  const packages: Record<string, string> = {
    'mlops-actions': o.producerVersion,
    '@tensorflow/tfjs-core': tf.version_core,
    'onnxruntime-node': ort.env.versions.node ?? 'unknown',
  };
  if (backend.package !== '@tensorflow/tfjs') packages[backend.package] = tf.version_core;
  const lineage = buildLineage({
    modelFile: 'model.onnx',
    modelBytes: onnxBytes,
    framework: `tensorflow.js ${tf.version_core} (${backend.name})`,
    task: o.task,
    target: o.target,
    params: {
      trainer: 'builtin',
      model: o.config.model,
      training: o.config.training,
      features: features.map((f) => f.name),
      // The config's feature block as given, so `mlops reproduce` selects the same columns the same way.
      feature_selection: o.config.features,
      skipped_columns: skipped,
      train_rows: result.trainRows,
      validation_rows: result.validationRows,
      best_epoch: result.bestEpoch,
      epochs_run: result.history.length,
    },
    metrics,
    data: {
      fingerprint: fingerprint.fingerprint,
      // Paths relative to the working directory, so the record is the same on every machine.
      files: fingerprint.files.map((f, i) => ({ ...f, path: relative(o.cwd, f.path), location: located.locations[i] })),
      rows: data.rows.length,
      profile: { ...profile, sources: profile.sources.map((s) => ({ ...s, file: relative(o.cwd, s.file) })) },
    },
    source: { ...(await sourceInfo(o.env, o.exec, o.cwd)), ...(located.directory !== undefined ? { directory: located.directory } : {}) },
    environment: environmentInfo(o.env, await queryGpus(o.exec), packages, backend.name),
    seed: o.config.training.seed,
    importance,
    startedAt,
    durationS: (performance.now() - t0) / 1000,
  });
  const lineageFile = join(o.outDir, 'lineage.json');
  await writeJson(lineageFile, lineage);
  return { modelFile, metricsFile, lineageFile, metrics, lineage, history: result.history, parity };
}

/** Permutation importance of each feature, scored by the exported ONNX model on the validation rows. */
async function validationImportance(
  modelFile: string,
  columns: string[],
  features: string[],
  result: { validation: { rows: Parameters<Awaited<ReturnType<typeof loadModel>>['predict']>[1]; labels: Float64Array } },
  task: Task,
  seed: number,
) {
  const runner = await loadModel(modelFile);
  try {
    const metric = task === 'regression' ? 'r2' : 'accuracy';
    const score = modelScore((c, rows) => runner.predict(c, rows), columns, result.validation.labels, metric);
    return await permutationImportance({ columns, rows: result.validation.rows, features, metric, score, seed });
  } finally {
    await runner.close();
  }
}

/** Runs the ONNX file on raw validation rows and returns the largest difference from tfjs. */
export async function onnxParity(
  modelFile: string,
  columns: string[],
  rows: Parameters<Awaited<ReturnType<typeof loadModel>>['predict']>[1],
  expected: number[][],
): Promise<number> {
  const runner = await loadModel(modelFile);
  try {
    const out = await runner.predict(columns, rows);
    let max = 0;
    for (let r = 0; r < rows.length; r++) {
      const got = out.probabilities ? out.probabilities[r] : [out.predictions[r] as number];
      for (let j = 0; j < expected[r].length; j++) max = Math.max(max, Math.abs(got[j] - expected[r][j]));
    }
    return max;
  } finally {
    await runner.close();
  }
}

function backendChoice(fromEnv: string | undefined, fromConfig: BackendChoice): BackendChoice {
  if (fromEnv === undefined || fromEnv === '') return fromConfig;
  if (!(BACKENDS as readonly string[]).includes(fromEnv)) throw new MlopsError(`MLOPS_TF_BACKEND must be one of ${BACKENDS.join(', ')} (got "${fromEnv}")`);
  return fromEnv as BackendChoice;
}
