import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateRunners, type EvaluateOptions } from '../../src/evaluate/evaluate.ts';
import { parseGate } from '../../src/evaluate/gate.ts';
import { DataError, MlopsError } from '../../src/util/errors.ts';
import { readAll, tempDir, tempFile } from '../helpers.ts';
import { formulaClassifier, formulaRegressor, goodChurn, num, weakChurn } from './runners.ts';

const HOLDOUT = new URL('../../templates/example/data/holdout.csv', import.meta.url).pathname;

/** A clock that advances 1 ms per reading, so timings are exact. */
function tickClock() {
  let t = 0;
  return () => t++;
}

const base = (overrides: Partial<EvaluateOptions>): EvaluateOptions => ({
  files: [HOLDOUT],
  target: 'churned',
  candidate: { runner: goodChurn, name: 'good.onnx' },
  clock: tickClock(),
  now: () => new Date('2026-01-01T00:00:00Z'),
  ...overrides,
});

test('streams the data in batches through the model and computes metrics on every row', async () => {
  const runner = formulaClassifier((get) => (num(get('support_calls')) >= 2 ? 0.8 : 0.2));
  const ev = await evaluateRunners(base({ candidate: { runner, name: 'm' }, readOptions: { batchSize: 128 }, latencyRows: 10 }));
  const { columns, rows } = await readAll(HOLDOUT);
  const [calls, target] = [columns.indexOf('support_calls'), columns.indexOf('churned')];
  const right = rows.filter((r) => (Number(r[calls]) >= 2 ? '1' : '0') === r[target]).length;
  assert.equal(ev.rows, 1000);
  assert.equal(ev.candidate.metrics.accuracy, right / 1000);
  assert.deepEqual(runner.calls.slice(0, 8), [128, 128, 128, 128, 128, 128, 128, 104]);
  assert.deepEqual(runner.calls.slice(8), new Array(15).fill(1), '5 warm-up + 10 timed single-row calls');
  const tp = rows.filter((r) => Number(r[calls]) >= 2 && r[target] === '1').length;
  assert.deepEqual(ev.candidate.confusion!.matrix[1][1], tp);
});

test('operational metrics: size from the file, latency quantiles and throughput from the clock', async () => {
  const file = tempFile('m.onnx', new Uint8Array(2_500_000));
  const ev = await evaluateRunners(base({ candidate: { runner: goodChurn, name: 'm.onnx', file }, readOptions: { batchSize: 250 }, latencyRows: 20 }));
  assert.equal(ev.candidate.metrics.size_mb, 2.5);
  assert.equal(ev.candidate.metrics.p50_latency_ms, 1);
  assert.equal(ev.candidate.metrics.p99_latency_ms, 1);
  assert.equal(ev.candidate.metrics.throughput_rows_per_s, 1000 / (4 / 1000), '4 batches of 1 ms each');
});

test('rows with an empty target are skipped and counted; "1.0" in the data is class "1"; unknown labels are kept', async () => {
  const file = tempFile('d.csv', 'x,y\n1,1.0\n2,\n3,0\n4,maybe\n');
  const runner = formulaClassifier((get) => (num(get('x')) >= 2 ? 0.9 : 0.1));
  const ev = await evaluateRunners(base({ files: [file], target: 'y', candidate: { runner, name: 'm' } }));
  assert.equal(ev.rows, 3);
  assert.equal(ev.skipped_rows, 1);
  assert.deepEqual(ev.candidate.confusion!.labels, ['0', '1', 'maybe']);
  assert.deepEqual(ev.candidate.confusion!.matrix, [
    [0, 1, 0],
    [1, 0, 0],
    [0, 1, 0],
  ]);
  assert.equal(ev.candidate.metrics.accuracy, 0);
});

test('slices per category and per numeric bin, flagged where the candidate is worse', async () => {
  const gate = parseGate('schema_version: 1\nslices: {columns: [region], bins: {tenure_months: [12, 24, 1000]}}', 'g');
  const ev = await evaluateRunners(base({ champion: { runner: weakChurn, name: 'weak' }, gate, sliceColumns: ['tenure_months'] }));
  const { columns, rows } = await readAll(HOLDOUT);
  const region = columns.indexOf('region');
  const regions = ev.slices.filter((s) => s.column === 'region');
  for (const s of regions) assert.equal(s.rows, rows.filter((r) => r[region] === s.value).length, s.value);
  assert.deepEqual(
    regions.map((s) => s.value),
    ['north', 'east', 'south', 'west'],
    'largest first',
  );
  const tenure = ev.slices.filter((s) => s.column === 'tenure_months');
  assert.deepEqual(
    tenure.map((s) => s.value),
    ['< 12', '[12, 24)', '[24, 1,000)', '≥ 1,000'],
  );
  const t = columns.indexOf('tenure_months');
  assert.equal(tenure[0].rows, rows.filter((r) => Number(r[t]) < 12).length);
  const empty = tenure[3];
  assert.equal(empty.rows, 0);
  assert.equal(empty.candidate.accuracy, null);
  assert.equal(empty.worse, null);
  assert.equal(tenure[0].worse, true, 'the good model loses to the weak one on short tenure');
  assert.equal(
    regions.every((s) => s.worse === false),
    true,
  );
});

test('a slice holding one class has no ROC AUC but keeps accuracy', async () => {
  const ev = await evaluateRunners(base({ sliceColumns: ['churned'] }));
  assert.equal(ev.slices.length, 2);
  for (const s of ev.slices) {
    assert.equal(s.candidate.roc_auc, null);
    assert.ok(s.candidate.accuracy !== null && s.candidate.accuracy > 0);
  }
});

const gateYaml = `schema_version: 1
rules: [accuracy >= 0.7, f1 >= champion - 0.01, roc_auc >= 0.75]
budgets: [p99_latency_ms <= 5]
slices: {columns: [region], rules: [accuracy >= 0.65]}
require_significant_improvement: {metric: accuracy, resamples: 300, seed: 11}
`;

test('a better candidate passes the gate and a worse one fails with the failing rules named', async () => {
  const gate = parseGate(gateYaml, 'gate.yml');
  const better = await evaluateRunners(base({ champion: { runner: weakChurn, name: 'weak' }, gate }));
  assert.equal(better.verdict.verdict, 'pass');
  assert.equal(better.significance!.significant, true);
  assert.ok(better.significance!.mcnemar!.pValue < 1e-6);
  const worse = await evaluateRunners(base({ candidate: { runner: weakChurn, name: 'weak' }, champion: { runner: goodChurn, name: 'good' }, gate }));
  assert.equal(worse.verdict.verdict, 'fail');
  const failed = worse.verdict.results.filter((r) => r.status === 'fail').map((r) => r.rule + (r.slice ? ` @ ${r.slice}` : ''));
  assert.deepEqual(failed, [
    'accuracy >= 0.7',
    'f1 >= champion - 0.01',
    'roc_auc >= 0.75',
    'accuracy >= 0.65 @ region=north',
    'accuracy >= 0.65 @ region=east',
    'accuracy >= 0.65 @ region=south',
    'accuracy >= 0.65 @ region=west',
    'significant improvement in accuracy',
  ]);
  const again = await evaluateRunners(base({ candidate: { runner: weakChurn, name: 'weak' }, champion: { runner: goodChurn, name: 'good' }, gate }));
  assert.deepEqual(again.significance, worse.significance, 'seeded bootstrap is reproducible');
});

test('regression models get RMSE, MAE, R² and MAPE', async () => {
  const runner = formulaRegressor((get) => num(get('tenure_months')) * num(get('monthly_charges')));
  const ev = await evaluateRunners(
    base({ target: 'total_charges', candidate: { runner, name: 'r' }, gate: parseGate('schema_version: 1\nrules: [r2 >= 0.9]', 'g') }),
  );
  const { columns, rows } = await readAll(HOLDOUT);
  const [a, b, y] = ['tenure_months', 'monthly_charges', 'total_charges'].map((c) => columns.indexOf(c));
  const used = rows.filter((r) => r[y] !== null);
  const err = used.map((r) => Number(r[y]) - Number(r[a]) * Number(r[b]));
  const rmse = Math.sqrt(err.reduce((s, e) => s + e * e, 0) / used.length);
  assert.ok(Math.abs(ev.candidate.metrics.rmse! - rmse) < 1e-9 * rmse);
  assert.equal(ev.primary_metric, 'rmse');
  assert.equal(ev.verdict.verdict, 'pass');
  assert.deepEqual(Object.keys(ev.candidate.metrics).slice(0, 4), ['rmse', 'mae', 'r2', 'mape']);
});

test('input problems are one clear error: models of different tasks, missing target or slice column', async () => {
  const regressor = formulaRegressor(() => 1);
  await assert.rejects(
    evaluateRunners(base({ champion: { runner: regressor, name: 'r' } })),
    (e: unknown) => e instanceof MlopsError && /classification model but the baseline is a regression model/.test(e.message),
  );
  await assert.rejects(evaluateRunners(base({ target: 'label' })), (e: unknown) => e instanceof DataError && /no target column "label"/.test(e.message));
  await assert.rejects(
    evaluateRunners(base({ sliceColumns: ['segment'] })),
    (e: unknown) => e instanceof DataError && /no slice column "segment"/.test(e.message),
  );
  const broken = formulaClassifier((get) => (num(get('x')) > 1 ? Number.NaN : 0.5));
  const twoRows = tempFile('n.csv', 'x,y\n1,0\n2,1\n');
  await assert.rejects(
    evaluateRunners(base({ files: [twoRows], target: 'y', candidate: { runner: broken, name: 'b' } })),
    /n\.csv: the model returned probabilities \[NaN, NaN\] for row 2: metrics need finite numbers/,
  );
  await assert.rejects(
    evaluateRunners(base({ files: [tempFile('e.csv', 'x,y\n1,\n')], target: 'y' })),
    /no rows with a value in the target column "y" in .*e\.csv: nothing to evaluate/,
  );
  const dir = tempDir();
  writeFileSync(join(dir, 'r.csv'), 'x,y\n1,abc\n');
  await assert.rejects(
    evaluateRunners(base({ files: [join(dir, 'r.csv')], target: 'y', candidate: { runner: regressor, name: 'r' } })),
    /row 1, column "y": target "abc" is not a number/,
  );
});
