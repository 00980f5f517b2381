import * as core from '@actions/core';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { booleanInput, choiceInput, ensureActionRuntime, input, listInput, optionalInput, runAction } from '../../src/github/action.ts';
import { MlopsError } from '../../src/util/errors.ts';
import { writeJson } from '../../src/util/fs.ts';
import { DEFAULT_PREDICT_BATCH } from '../../src/predict/predict.ts';

const bundleDir = dirname(fileURLToPath(import.meta.url));

function integerInput(name: string, min: number, fallback: number): number {
  const text = input(name, String(fallback));
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min) throw new MlopsError(`input "${name}" must be an integer ≥ ${min} (got "${text}")`);
  return n;
}

await runAction(async () => {
  const env = process.env;
  const data = listInput('data');
  if (data.length === 0) input('data');
  const model = input('model');
  const shard = { index: integerInput('shard-index', 0, 0), count: integerInput('shard-count', 1, 1) };
  // onnxruntime-node is native and not in the bundle: install the pinned version before the runtime is imported.
  await ensureActionRuntime('predict', bundleDir, { install: booleanInput('install-runtime', true), gpu: false });
  const { runPredict } = await import('../../src/predict/run.ts');
  const { predictMarkdown } = await import('../../src/predict/summary.ts');
  const { rowProgress } = await import('../../src/report/progress.ts');
  const progress = rowProgress(process.stdout, 'scored');
  const keys = listInput('keys');
  const summary = await runPredict({
    model,
    data,
    out: input('out', 'predictions'),
    outFormat: optionalInput('out-format') === undefined ? undefined : choiceInput('out-format', ['csv', 'jsonl', 'parquet'] as const, 'csv'),
    rejects: optionalInput('rejects'),
    keys: keys.length > 0 ? keys : undefined,
    batchSize: integerInput('batch-size', 1, DEFAULT_PREDICT_BATCH),
    rejectUnknownCategories: booleanInput('reject-unknown-categories', false),
    shard,
    cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
    env,
    clock: () => performance.now(),
    onProgress: (rows) => progress.update(rows),
  });
  const summaryPath = join(env.RUNNER_TEMP ?? process.cwd(), 'predict-summary.json');
  await writeJson(summaryPath, summary);
  await core.summary.addRaw(predictMarkdown(summary)).write();
  core.setOutput('rows', String(summary.rows));
  core.setOutput('predicted', String(summary.predicted));
  core.setOutput('rejected', String(summary.rejected));
  core.setOutput('out-path', summary.files.map((f) => f.out).join('\n'));
  core.setOutput('rejects-path', summary.files.map((f) => f.rejects).join('\n'));
  core.setOutput('summary', summaryPath);
  if (summary.files.length === 0) core.notice(`shard ${shard.index} of ${shard.count} has no input files`);
  core.info(`${summary.rows} rows in, ${summary.predicted} predicted, ${summary.rejected} rejected (${Math.round(summary.rows_per_second)} rows/s)`);
  if (summary.rejected > 0) {
    const where = summary.files.filter((f) => f.rejected > 0).map((f) => f.rejects).join(', ');
    const message = `${summary.rejected} of ${summary.rows} rows rejected (reasons in ${where})`;
    if (booleanInput('fail-on-rejects', false)) core.setFailed(message);
    else core.warning(message);
  }
});
