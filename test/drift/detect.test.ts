import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareColumn } from '../../src/drift/compare.ts';
import { detectDrift } from '../../src/drift/detect.ts';
import { DEFAULT_THRESHOLDS } from '../../src/drift/methods.ts';
import { PSI_EPSILON } from '../../src/drift/psi.ts';
import { mulberry32, normal } from '../../src/util/random.ts';
import { profileOf } from './helpers.ts';

function pick(rand: () => number, values: string[], weights: number[]): string {
  let u = rand() * weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < values.length; i++) if ((u -= weights[i]) < 0) return values[i];
  return values[values.length - 1];
}

/** Three numeric and two categorical columns; `shift` moves x's mean by that many stds. */
function dataset(seed: number, n: number, shift = 0) {
  const rand = mulberry32(seed);
  const cols: Record<string, (number | string)[]> = { x: [], y: [], z: [], plan: [], region: [] };
  for (let i = 0; i < n; i++) {
    cols.x.push(normal(rand) + shift);
    cols.y.push(Math.exp(normal(rand)));
    cols.z.push(Math.floor(rand() * 30));
    cols.plan.push(pick(rand, ['basic', 'standard', 'premium'], [5, 3, 2]));
    cols.region.push(pick(rand, ['north', 'south', 'east', 'west'], [3, 3, 2, 2]));
  }
  return profileOf(cols);
}

test('false-positive rate on samples from the same distribution at the default thresholds', () => {
  // A 1,000-row reference against 200-row windows: auto (by the reference's size, as Evidently)
  // picks KS and the two-sample chi-square, whose per-column false-positive rate is α = 0.05 by
  // construction; the dataset verdict needs 3 of 5 columns and so should (almost) never fire.
  const seeds = 100;
  const references = Array.from({ length: 10 }, (_, i) => dataset(7000 + i, 1000));
  let columnAlarms = 0;
  let datasetAlarms = 0;
  for (let s = 0; s < seeds; s++) {
    const r = detectDrift(references[s % references.length], dataset(s, 200));
    assert.deepEqual(
      Object.values(r.columns).map((c) => c.method),
      ['ks', 'ks', 'ks', 'chisquare', 'chisquare'],
    );
    columnAlarms += r.drifted_columns.length;
    if (r.dataset_drift) datasetAlarms++;
  }
  const columnRate = columnAlarms / (seeds * 5);
  process.stdout.write(`# per-column false-positive rate ${columnRate.toFixed(3)} over ${seeds * 5} column tests\n`);
  assert.ok(columnRate <= 0.09, `per-column false-positive rate ${columnRate}`);
  assert.ok(columnRate >= 0.01, `per-column rate ${columnRate}: a level-0.05 test that never fires is miscalibrated`);
  assert.equal(datasetAlarms, 0, `dataset false alarms in ${seeds} runs`);

  // 5,000 rows: the distances at threshold 0.1 have no false alarm at all.
  for (let s = 0; s < 10; s++) {
    const r = detectDrift(dataset(1000 + s, 5000), dataset(2000 + s, 5000));
    assert.deepEqual(
      Object.values(r.columns).map((c) => c.method),
      ['wasserstein', 'wasserstein', 'wasserstein', 'js', 'js'],
    );
    assert.deepEqual(r.drifted_columns, [], `seed ${s}`);
  }
});

test('a 0.5-std mean shift at 10k rows is detected in that column only, by every numeric method', () => {
  const ref = dataset(11, 10_000);
  const cur = dataset(12, 10_000, 0.5);
  const ks = detectDrift(ref, cur, { method: 'ks' });
  for (const method of ['auto', 'ks', 'wasserstein', 'psi', 'js'] as const) {
    const r = method === 'ks' ? ks : detectDrift(ref, cur, { method });
    assert.deepEqual(r.drifted_columns, ['x'], method);
    assert.equal(r.share_drifted, 0.2);
    assert.equal(r.dataset_drift, false);
  }
  const x = ks.columns.x;
  assert.equal(x.p_value_method, 'exact');
  assert.ok(x.p_value! < 1e-10 && x.statistic > 0.15, `KS D=${x.statistic} p=${x.p_value}`);
  const w = detectDrift(ref, cur).columns.x;
  assert.equal(w.method, 'wasserstein');
  assert.ok(Math.abs(w.statistic - 0.5) < 0.05, `normalised W1 ${w.statistic}`);
});

test('dataset drift uses the weighted share of drifted columns and the drift share threshold', () => {
  const ref = dataset(21, 3000);
  const cur = dataset(22, 3000, 1);
  assert.equal(detectDrift(ref, cur).share_drifted, 0.2);
  const weighted = detectDrift(ref, cur, { config: { schema_version: 1, columns: { x: { weight: 4 } } } });
  assert.equal(weighted.share_drifted, 0.5);
  assert.equal(weighted.dataset_drift, true);
  assert.equal(detectDrift(ref, cur, { driftShare: 0.2 }).dataset_drift, true);
  assert.equal(detectDrift(ref, cur, { driftShare: 0.21 }).dataset_drift, false);
  const skipped = detectDrift(ref, cur, { config: { schema_version: 1, columns: { x: { skip: true }, y: { method: 'psi', threshold: 0.5 } } } });
  assert.equal(skipped.skipped.x, 'skipped by the drift config');
  assert.deepEqual([skipped.columns.y.method, skipped.columns.y.threshold], ['psi', 0.5]);
  assert.equal(skipped.dataset_drift, false);
});

test('categorical columns: new and missing categories, goodness-of-fit chi-square pools new ones at an epsilon share', () => {
  const ref = profileOf({ c: [...Array(60).fill('a'), ...Array(30).fill('b'), ...Array(10).fill('c')] });
  const few = profileOf({ c: [...Array(59).fill('a'), ...Array(30).fill('b'), 'zz'] });
  const r = compareColumn(ref.columns[0], few.columns[0], { method: 'chisquare_gof', weight: 1 });
  assert.deepEqual(r.new_categories, ['zz']);
  assert.deepEqual(r.missing_categories, ['c']);
  // observed [59, 30, 0, 1] against expected shares [0.6, 0.3, 0.1, ε]·90 (renormalised)
  const shares = [0.6, 0.3, 0.1, PSI_EPSILON];
  const sum = shares.reduce((s, x) => s + x, 0);
  const obs = [59, 30, 0, 1];
  const expected = obs.reduce((s, x, i) => s + (x - (shares[i] / sum) * 90) ** 2 / ((shares[i] / sum) * 90), 0);
  assert.ok(Math.abs(r.statistic - expected) < 1e-9);
  assert.equal(r.drifted, true);

  const same = compareColumn(ref.columns[0], ref.columns[0], { method: 'auto', weight: 1 });
  assert.deepEqual([same.method, same.statistic, same.p_value, same.drifted], ['chisquare', 0, 1, false]);
  const single = profileOf({ c: Array(50).fill('only') });
  const one = compareColumn(single.columns[0], single.columns[0], { method: 'auto', weight: 1 });
  assert.deepEqual([one.statistic, one.p_value, one.drifted], [0, 1, false]);
  for (const method of ['js', 'psi'] as const) {
    const d = compareColumn(ref.columns[0], few.columns[0], { method, weight: 1 });
    assert.equal(d.method, method);
    assert.equal(d.threshold, DEFAULT_THRESHOLDS[method]);
  }
});

test('all-equal numeric columns, a method that does not fit a column type, and prediction drift', () => {
  const ref = profileOf({ k: Array(200).fill(3), prediction: Array.from({ length: 200 }, (_, i) => (i % 10) / 10) });
  const cur = profileOf({ k: Array(300).fill(3), prediction: Array.from({ length: 300 }, (_, i) => 0.5 + (i % 10) / 20) });
  const r = detectDrift(ref, cur, { method: 'chisquare' });
  // chisquare does not fit a numeric column: auto instead, which (Evidently's rule) compares a
  // numeric column with ≤ 2 distinct values by the two-proportion z-test on its values
  assert.equal(r.columns.k.method, 'z');
  assert.deepEqual([r.columns.k.statistic, r.columns.k.p_value, r.columns.k.drifted], [0, 1, false]);
  assert.equal(r.prediction_drift?.column, 'prediction');
  assert.equal(r.prediction_drift?.drifted, true);
  const w = detectDrift(ref, cur, { method: 'wasserstein', columns: ['k'] }).columns.k;
  assert.deepEqual([w.statistic, w.wasserstein_raw, w.drifted], [0, 0, false]);
});

test('many categories: shares for reports keep the 19 largest and sum the rest', () => {
  const ref = profileOf({ c: Array.from({ length: 3000 }, (_, i) => `k${i % 40}`) });
  const cur = profileOf({ c: Array.from({ length: 3000 }, (_, i) => `k${(i % 40) + 5}`) });
  const r = compareColumn(ref.columns[0], cur.columns[0], { method: 'auto', weight: 1 });
  assert.equal(r.method, 'js');
  assert.deepEqual(r.new_categories, ['k40', 'k41', 'k42', 'k43', 'k44']);
  assert.equal(r.shares.labels.length, 20);
  assert.equal(r.shares.labels[19], '(26 more)');
  assert.ok(Math.abs(r.shares.reference.reduce((s, x) => s + x, 0) - 1) < 1e-12);
  assert.ok(Math.abs(r.shares.current.reduce((s, x) => s + x, 0) - 1) < 1e-12);
});
