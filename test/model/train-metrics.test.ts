import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { accuracy, logLoss, regressionMetrics, rocAuc } from '../../src/model/train-metrics.ts';
import { fitPreprocessing, transformRows } from '../../src/model/preprocess.ts';
import { parseTrainConfig } from '../../src/model/train-config.ts';
import { GPU_PACKAGES, RUNTIME_PACKAGES, missingPackages } from '../../src/util/runtime-packages.ts';

// Reference values from test/fixtures/train/make_metrics.py (numpy/scipy).
const fx = JSON.parse(readFileSync('test/fixtures/train/metrics.json', 'utf8'));

test('classification metrics match numpy/scipy (AUC with ties via Mann–Whitney U)', () => {
  const { labels, scores } = fx.classification;
  const probs = (scores as number[]).map((s) => {
    const p = Math.min(0.99, Math.max(0.01, s));
    return [1 - p, p];
  });
  assert.ok(Math.abs(rocAuc(labels, scores) - fx.classification.auc) < 1e-12);
  assert.ok(Math.abs(logLoss(labels, probs) - fx.classification.log_loss) < 1e-12);
  assert.equal(accuracy(labels, probs), fx.classification.accuracy);
  assert.ok(Number.isNaN(rocAuc([1, 1], [0.2, 0.3])), 'AUC is undefined with one class');
});

test('regression metrics match numpy', () => {
  const m = regressionMetrics(fx.regression.actual, fx.regression.predicted);
  assert.ok(Math.abs(m.rmse - fx.regression.rmse) < 1e-9);
  assert.ok(Math.abs(m.mae - fx.regression.mae) < 1e-9);
  assert.ok(Math.abs(m.r2 - fx.regression.r2) < 1e-9);
});

test('standardisation is fitted on present values (population std) and missing cells become the mean', () => {
  const rows = (fx.standardise.values as (number | null)[]).map((v) => [v === null ? null : String(v), v === null ? null : 'a']);
  const p = fitPreprocessing(
    [
      { name: 'x', type: 'number' },
      { name: 'g', type: 'category' },
    ],
    ['x', 'g'],
    rows,
  );
  assert.ok(Math.abs(p.numeric[0].mean - fx.standardise.mean) < 1e-9);
  assert.ok(Math.abs(p.numeric[0].std - fx.standardise.std) < 1e-9);
  assert.deepEqual(p.categorical, [{ name: 'g', categories: ['a'], mode: 'a' }]);
  const x = transformRows(
    p,
    ['x', 'g'],
    [
      [null, null],
      [String(fx.standardise.mean + fx.standardise.std), 'zzz'],
    ],
  );
  assert.deepEqual(Array.from(x.subarray(0, 2)), [0, 1], 'missing → mean → 0; missing category → mode');
  assert.ok(Math.abs(x[2] - 1) < 1e-6);
  assert.equal(x[3], 0, 'unseen category → all zeros');
});

test('train.yml: defaults, and errors that name the field', () => {
  const c = parseTrainConfig('schema_version: 1\nmodel: {type: mlp}', 'train.yml');
  assert.deepEqual(c.model.hidden_layers, [32, 16]);
  assert.equal(c.training.seed, 42);
  assert.throws(() => parseTrainConfig('schema_version: 2', 'train.yml'), /train\.yml: schema_version: /);
  assert.throws(() => parseTrainConfig('schema_version: 1\nmodel: {layers: [3]}', 'train.yml'), /train\.yml: model: unknown key "layers"/);
  assert.throws(() => parseTrainConfig('schema_version: 1\ntraining: {validation_split: 1.5}', 'train.yml'), /training\.validation_split: Too big/);
  assert.throws(() => parseTrainConfig('a: [', 'train.yml'), /train\.yml:\d+:\d+: invalid YAML/);
  assert.equal(parseTrainConfig('schema_version: 1\ntraining: {early_stopping: null}', 'x').training.early_stopping, null);
});

test('runtime packages the action installs are pinned to the versions package.json declares', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const declared = { ...pkg.dependencies, ...pkg.optionalDependencies };
  for (const [name, version] of Object.entries({ ...RUNTIME_PACKAGES, ...GPU_PACKAGES })) {
    assert.equal(declared[name]?.replace(/^\^/, ''), version, name);
  }
  assert.deepEqual(missingPackages(RUNTIME_PACKAGES, process.cwd()), []);
  assert.deepEqual(missingPackages({ 'no-such-package-mlops': '1.0.0' }, process.cwd()), ['no-such-package-mlops']);
});
