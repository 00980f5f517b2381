import * as core from '@actions/core';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  booleanInput,
  choiceInput,
  ensureActionRuntime,
  input,
  integerInput,
  listInput,
  optionalInput,
  runAction,
  writeOutputs,
} from '../../src/github/action.ts';
import { DEFAULT_PREDICT_BATCH } from '../../src/predict/predict.ts';
import { writeJson } from '../../src/util/fs.ts';

const bundleDir = dirname(fileURLToPath(import.meta.url));

/** Every input, read and checked before the runtime is installed or any row is read. */
function readPredictSettings() {
  const data = listInput('data');
  if (data.length === 0) input('data');
  const keys = listInput('keys');
  return {
    data,
    model: input('model'),
    shard: { index: integerInput('shard-index', { min: 0 }) ?? 0, count: integerInput('shard-count', { min: 1 }) ?? 1 },
    out: input('out', 'predictions'),
    outFormat: optionalInput('out-format') === undefined ? undefined : choiceInput('out-format', ['csv', 'jsonl', 'parquet'] as const, 'csv'),
    rejects: optionalInput('rejects'),
    keys: keys.length > 0 ? keys : undefined,
    batchSize: integerInput('batch-size', { min: 1 }) ?? DEFAULT_PREDICT_BATCH,
    rejectUnknownCategories: booleanInput('reject-unknown-categories', false),
    installRuntime: booleanInput('install-runtime', true),
    failOnRejects: booleanInput('fail-on-rejects', false),
  };
}

await runAction(async () => {
  const env = process.env;
  const { installRuntime, failOnRejects, shard, ...request } = readPredictSettings();
  // onnxruntime-node is native and not in the bundle: install the pinned version before the runtime is imported.
  await ensureActionRuntime('predict', bundleDir, { install: installRuntime, gpu: false });
  const { runPredict } = await import('../../src/predict/run.ts');
  const { predictMarkdown } = await import('../../src/predict/summary.ts');
  const { rowProgress } = await import('../../src/report/progress.ts');
  const progress = rowProgress(process.stdout, 'scored');
  const summary = await runPredict({
    ...request,
    shard,
    cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
    env,
    clock: () => performance.now(),
    onProgress: (rows) => progress.update(rows),
  });
  const summaryPath = join(env.RUNNER_TEMP ?? process.cwd(), 'predict-summary.json');
  await writeJson(summaryPath, summary);
  await core.summary.addRaw(predictMarkdown(summary)).write();
  writeOutputs({
    rows: String(summary.rows),
    predicted: String(summary.predicted),
    rejected: String(summary.rejected),
    'out-path': summary.files.map((f) => f.out).join('\n'),
    'rejects-path': summary.files.map((f) => f.rejects).join('\n'),
    summary: summaryPath,
  });
  if (summary.files.length === 0) core.notice(`shard ${shard.index} of ${shard.count} has no input files`);
  core.info(`${summary.rows} rows in, ${summary.predicted} predicted, ${summary.rejected} rejected (${Math.round(summary.rows_per_second)} rows/s)`);
  if (summary.rejected > 0) {
    const where = summary.files
      .filter((f) => f.rejected > 0)
      .map((f) => f.rejects)
      .join(', ');
    const message = `${summary.rejected} of ${summary.rows} rows rejected (reasons in ${where})`;
    if (failOnRejects) core.setFailed(message);
    else core.warning(message);
  }
});
