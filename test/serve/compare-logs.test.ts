import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cli, tempFile } from '../helpers.ts';

const FIXTURE = 'test/fixtures/compare-logs';
const expected = JSON.parse(readFileSync(`${FIXTURE}/expected.json`, 'utf8'));

const close = (actual: number | null, wanted: number, what: string) =>
  assert.ok(actual !== null && Math.abs(actual - wanted) < 1e-9, `${what}: ${actual} vs ${wanted}`);

test('shadow logs: agreement, distributions, metrics and McNemar match the independent computation', async () => {
  const r = await cli([
    'compare-logs',
    '--logs',
    `${FIXTURE}/shadow/*.jsonl`,
    '--labels',
    `${FIXTURE}/labels.csv`,
    '--key',
    'id',
    '--target',
    'churned',
    '--format',
    'json',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  const want = expected.shadow;
  assert.equal(result.mode, 'shadow');
  assert.equal(result.rows, want.rows);
  assert.deepEqual(result.agreement, { rows: want.rows, agreeing: want.agreeing, rate: want.agreeing / want.rows });
  assert.deepEqual(
    result.models.map((m: any) => [m.role, m.version, m.rows, m.labelled_rows]),
    [
      ['primary', '3', 300, 250],
      ['shadow', '4', 300, 250],
    ],
  );
  close(result.models[0].predictions.find((p: any) => p.value === '1').share, want.primary_share_1, 'primary share of 1');
  for (const [i, role] of [
    [0, 'primary'],
    [1, 'shadow'],
  ] as const) {
    for (const name of ['accuracy', 'f1', 'roc_auc', 'log_loss']) close(result.models[i].metrics[name], want[role][name], `${role} ${name}`);
  }
  assert.equal(result.significance.candidateOnly, want.mcnemar.candidateOnly);
  assert.equal(result.significance.championOnly, want.mcnemar.championOnly);
  close(result.significance.pValue, want.mcnemar.pValue, 'McNemar p');
  assert.deepEqual(result.labels, { key: 'id', target: 'churned', matched_rows: 250, unmatched_rows: 50 });
});

test('canary logs: rows grouped by the version that answered, each with its own metrics', async () => {
  const r = await cli([
    'compare-logs',
    '--logs',
    `${FIXTURE}/canary/*.jsonl`,
    '--labels',
    `${FIXTURE}/labels.csv`,
    '--key',
    'id',
    '--target',
    'churned',
    '--format',
    'json',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  const want = expected.canary;
  assert.equal(result.mode, 'canary');
  assert.equal(result.agreement, undefined);
  assert.equal(result.significance, undefined);
  assert.deepEqual(
    result.models.map((m: any) => [m.version, m.rows, m.labelled_rows]),
    [
      ['3', want.rows_by_version['3'], want.labelled_by_version['3']],
      ['4', want.rows_by_version['4'], want.labelled_by_version['4']],
    ],
  );
  for (const name of ['accuracy', 'f1', 'roc_auc', 'log_loss']) {
    close(result.models[0].metrics[name], want.v3[name], `v3 ${name}`);
    close(result.models[1].metrics[name], want.v4[name], `v4 ${name}`);
  }
});

test('the Markdown report has the agreement, a distribution table, a metrics table and the test', async () => {
  const r = await cli(['compare-logs', '--logs', `${FIXTURE}/shadow/*.jsonl`, '--labels', `${FIXTURE}/labels.csv`, '--key', 'id', '--target', 'churned']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /## Production comparison \(shadow\)/);
  assert.match(r.stdout, /\*\*Agreement\*\* between primary and shadow: 82\.7% \(248 of 300 rows\)/);
  assert.match(r.stdout, /\| primary 3 \| +300 \|/);
  assert.match(r.stdout, /\| model +\| labelled rows \| accuracy \| +f1 \| roc_auc \| log_loss \|/);
  assert.match(r.stdout, /\| shadow 4 +\| +250 \| +0\.704 \|/);
  assert.match(r.stdout, /McNemar's test.*p = 0\.7604 — no significant difference at 5%/);
});

test('compare-logs usage and input errors exit 2 with one line', async () => {
  assert.match((await cli(['compare-logs'])).stderr, /--logs/);
  const noKey = await cli(['compare-logs', '--logs', `${FIXTURE}/shadow/*.jsonl`, '--labels', `${FIXTURE}/labels.csv`]);
  assert.equal(noKey.code, 2);
  assert.match(noKey.stderr, /--labels needs --key/);
  const notLog = tempFile('data.jsonl', '{"a": 1}\n');
  const bad = await cli(['compare-logs', '--logs', notLog]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /not a prediction log/);
  const wrongKey = await cli([
    'compare-logs',
    '--logs',
    `${FIXTURE}/shadow/*.jsonl`,
    '--labels',
    `${FIXTURE}/labels.csv`,
    '--key',
    'customer',
    '--target',
    'churned',
  ]);
  assert.match(wrongKey.stderr, /no key column "customer"/);
  assert.match((await cli(['compare-logs', '--help'])).stdout, /McNemar/);
});

test('regression logs: numeric summary per model and rmse/mae on labelled rows', async () => {
  const log = tempFile(
    'reg.jsonl',
    [
      { id: 'a', prediction: 10, model_version: '1', shadow_prediction: 12, shadow_model_version: '2' },
      { id: 'b', prediction: 20, model_version: '1', shadow_prediction: 20, shadow_model_version: '2' },
      { id: 'c', prediction: 30, model_version: '1', shadow_prediction: 27, shadow_model_version: '2' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n') + '\n',
  );
  const labels = tempFile('y.csv', 'id,y\na,11\nb,20\nc,33\n');
  const r = await cli(['compare-logs', '--logs', log, '--labels', labels, '--key', 'id', '--target', 'y', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const [primary, shadow] = JSON.parse(r.stdout).models;
  assert.deepEqual(primary.numeric, { mean: 20, min: 10, max: 30 });
  assert.equal(primary.distinct_values, 3);
  // primary errors 1, 0, 3; shadow errors 1, 0, 6.
  close(primary.metrics.rmse, Math.sqrt(10 / 3), 'primary rmse');
  close(primary.metrics.mae, 4 / 3, 'primary mae');
  close(shadow.metrics.rmse, Math.sqrt(37 / 3), 'shadow rmse');
  assert.equal(JSON.parse(r.stdout).agreement.agreeing, 1);
});
