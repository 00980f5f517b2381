import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadModel } from '../../src/model/runtime.ts';
import { cli, readAll, tempDir, tempFile } from '../helpers.ts';
import { REVIEWS_CSV, writeTextModel } from '../serve/text-model.ts';

const dir = tempDir('mlops-predict-text-');
const modelFile = writeTextModel(dir);
const data = tempFile('reviews.csv', REVIEWS_CSV);

test('batch prediction on a text column: the raw reviews in, the runner’s predictions out', async () => {
  const out = join(dir, 'reviews.predictions.csv');
  const r = await cli(['predict', '--model', modelFile, '--data', data, '--out', out, '--keys', 'review_id', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).predicted, 6);
  const written = await readAll(out);
  const { columns, rows } = await readAll(data);
  const runner = await loadModel(modelFile);
  const direct = await runner.predict(columns, rows);
  await runner.close();
  const p = written.columns.indexOf('prediction');
  assert.deepEqual(
    written.rows.map((row) => row[p]),
    direct.predictions,
  );
  // R4 has no review: an all-zero TF-IDF block, so the platform weight alone (app +0.1) decides.
  assert.deepEqual(direct.predictions, ['positive', 'negative', 'positive', 'positive', 'negative', 'positive']);
});

test('evaluation and slices with a text feature', async () => {
  const r = await cli(['evaluate', '--model', modelFile, '--data', data, '--target', 'sentiment', '--slices', 'platform', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  // R4 (no review, app) scores on the platform alone, positive: the one miss.
  assert.equal(report.rows, 6);
  const slices = report.slices as { column: string; value: string; rows: number; candidate: { accuracy: number } }[];
  assert.deepEqual(
    slices.map((s) => [s.column, s.value, s.rows, s.candidate.accuracy]),
    [
      ['platform', 'app', 3, 2 / 3],
      ['platform', 'web', 3, 1],
    ],
  );
  assert.ok(Math.abs(report.candidate.metrics.accuracy - 5 / 6) < 1e-9, JSON.stringify(report.candidate.metrics));
});
