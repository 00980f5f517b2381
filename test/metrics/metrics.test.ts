import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  PreparedClassification,
  classificationMetric,
  classificationMetrics,
  confusionMatrix,
  perClassScores,
  subsetClassification,
  type ClassificationData,
} from '../../src/metrics/classification.ts';
import { averagePrecision, descendingOrder, rocAuc } from '../../src/metrics/ranking.ts';
import { regressionMetrics } from '../../src/metrics/regression.ts';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/metrics/metrics.json', import.meta.url), 'utf8'));

function close(actual: number | null | undefined, expected: number, label: string, tol = 1e-12) {
  assert.ok(actual !== null && actual !== undefined, `${label}: got ${actual}`);
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${label}: ${actual} vs ${expected}`);
}

function dataOf(c: { classes: string[]; k: number; y_true: number[]; y_pred: number[]; proba: number[] }): ClassificationData {
  return { classes: c.classes, k: c.k, yTrue: Int32Array.from(c.y_true), yPred: Int32Array.from(c.y_pred), proba: Float64Array.from(c.proba) };
}

for (const c of fixture.classification) {
  test(`classification metrics agree with the independent python values: ${c.name}`, () => {
    const m = classificationMetrics(new PreparedClassification(dataOf(c)));
    for (const [name, expected] of Object.entries(c.expected as Record<string, number>)) close(m.scalars[name], expected, name);
    assert.deepEqual(m.confusion.matrix, c.confusion);
    assert.equal(m.perClass.length, c.per_class.length);
    m.perClass.forEach((p, i) => {
      assert.equal(p.label, c.per_class[i].label);
      close(p.f1, c.per_class[i].f1, `${p.label} f1`);
      assert.equal(p.support, c.per_class[i].support);
    });
  });
}

test('single metrics match the full computation (the bootstrap path)', () => {
  const prep = new PreparedClassification(dataOf(fixture.classification[1]));
  const all = classificationMetrics(prep).scalars;
  for (const name of Object.keys(all)) assert.equal(classificationMetric(prep, name), all[name], name);
});

test('published scikit-learn examples: ROC AUC, average precision, log loss, F1, confusion matrix, regression', () => {
  const p = fixture.published;
  const order = descendingOrder(p.roc_auc_doc.scores);
  assert.equal(rocAuc(p.roc_auc_doc.positive, p.roc_auc_doc.scores, order), 0.75);
  close(averagePrecision(p.average_precision_doc.positive, p.average_precision_doc.scores, order), 0.8333333333333333, 'ap');

  const ll = classificationMetrics(
    new PreparedClassification({
      classes: ['ham', 'spam'],
      k: 2,
      yTrue: Int32Array.from([1, 0, 0, 1]),
      yPred: Int32Array.from([1, 0, 0, 1]),
      proba: Float64Array.from(p.log_loss_doc.proba),
    }),
  );
  close(ll.scalars.log_loss, p.log_loss_doc.expected, 'log loss', 1e-15);

  const f1 = classificationMetrics(
    new PreparedClassification({ classes: ['0', '1', '2'], k: 3, yTrue: Int32Array.from(p.f1_doc.y_true), yPred: Int32Array.from(p.f1_doc.y_pred) }),
  );
  close(f1.scalars.f1_macro, p.f1_doc.f1_macro, 'f1 macro');
  close(f1.scalars.f1_weighted, p.f1_doc.f1_weighted, 'f1 weighted');
  assert.equal(f1.scalars.roc_auc, null, 'no probabilities, no AUC');

  assert.deepEqual(confusionMatrix(Int32Array.from(p.confusion_doc.y_true), Int32Array.from(p.confusion_doc.y_pred), 3), p.confusion_doc.matrix);

  const r = regressionMetrics(Float64Array.from(p.regression_doc.y_true), Float64Array.from(p.regression_doc.y_pred));
  close(r.r2, p.regression_doc.r2, 'r2');
  close(r.mae, p.regression_doc.mae, 'mae');
  close(r.rmse, p.regression_doc.rmse, 'rmse');
  close(r.mape, p.regression_doc.mape, 'mape');
});

test('regression metrics agree with the independent python values', () => {
  const r = regressionMetrics(Float64Array.from(fixture.regression.y_true), Float64Array.from(fixture.regression.y_pred));
  for (const [name, expected] of Object.entries(fixture.regression.expected as Record<string, number>)) close(r[name], expected, name);
});

test('AUC ties: all scores equal gives 0.5 and a tie across classes counts one half', () => {
  const positive = [1, 0, 1, 0];
  const flat = [0.3, 0.3, 0.3, 0.3];
  assert.equal(rocAuc(positive, flat, descendingOrder(flat)), 0.5);
  const tied = [0.9, 0.5, 0.5, 0.1];
  // pairs (pos, neg): (0.9,0.5)=1, (0.9,0.1)=1, (0.5,0.5)=½, (0.5,0.1)=1 → 3.5 / 4
  assert.equal(rocAuc([1, 1, 0, 0], tied, descendingOrder(tied)), 0.875);
  // average precision treats the tie as one threshold: P=2/3 at R=1 after 0.9 (P=1, R=½)
  close(averagePrecision([1, 1, 0, 0], tied, descendingOrder(tied)), 0.5 * 1 + 0.5 * (2 / 3), 'ap ties');
});

test('a single-class slice has no AUC and an empty slice no metrics at all', () => {
  const data = dataOf(fixture.classification[0]);
  const ones = [...data.yTrue.keys()].filter((i) => data.yTrue[i] === 1);
  const single = classificationMetrics(new PreparedClassification(subsetClassification(data, ones)));
  assert.equal(single.scalars.roc_auc, null);
  assert.ok(single.scalars.pr_auc !== null && single.scalars.pr_auc > 0.99, 'AP of all-positive rows is 1');
  assert.ok(single.scalars.accuracy! > 0 && single.scalars.accuracy! < 1);
  const empty = classificationMetrics(new PreparedClassification(subsetClassification(data, [])));
  for (const [name, v] of Object.entries(empty.scalars)) assert.equal(v, null, name);
  assert.deepEqual(regressionMetrics(new Float64Array(0), new Float64Array(0)), { rmse: null, mae: null, r2: null, mape: null });
});

test('weights act as repeated rows, as scikit-learn sample_weight', () => {
  const data = dataOf(fixture.classification[1]);
  const weights = Float64Array.from(data.yTrue, (_, i) => i % 3);
  const repeated: number[] = [];
  weights.forEach((w, i) => {
    for (let j = 0; j < w; j++) repeated.push(i);
  });
  const weighted = classificationMetrics(new PreparedClassification(data), weights).scalars;
  const copied = classificationMetrics(new PreparedClassification(subsetClassification(data, repeated))).scalars;
  for (const name of Object.keys(copied)) close(weighted[name], copied[name]!, name, 1e-12);
});

test('precision of a class never predicted is 0 (zero_division) and absent classes do not enter the macro average', () => {
  const scores = perClassScores(confusionMatrix(Int32Array.from([0, 1, 1]), Int32Array.from([0, 0, 0]), 3), ['a', 'b', 'c']);
  assert.deepEqual(
    scores.map((s) => [s.label, s.precision, s.recall]),
    [
      ['a', 1 / 3, 1],
      ['b', 0, 0],
    ],
  );
});

test('regression: constant truth gives R² 1 when exact and 0 otherwise', () => {
  assert.equal(regressionMetrics(Float64Array.from([2, 2]), Float64Array.from([2, 2])).r2, 1);
  assert.equal(regressionMetrics(Float64Array.from([2, 2]), Float64Array.from([2, 3])).r2, 0);
});

test('descending order: highest score first, ties in row order, NaN last', () => {
  assert.deepEqual([...descendingOrder([0.2, 0.9, 0.2, Number.NaN, 0.5, 0.9, 0])], [1, 5, 4, 0, 2, 6, 3]);
  const nan = [0.9, Number.NaN, 0.1, Number.NaN];
  // pairs: 0.9 beats NaN and 0.1 (2), NaN ties NaN (½), NaN loses to 0.1 (0) → 2.5 / 4
  assert.equal(rocAuc([1, 0, 0, 1], nan, descendingOrder(nan)), 0.625, 'NaN scores rank lowest, tied with each other');
  assert.deepEqual([...descendingOrder([])], []);
  const scores = Array.from({ length: 2000 }, (_, i) => ((i * 7919) % 113) / 113);
  const expected = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  assert.deepEqual([...descendingOrder(scores)], expected);
});

test('subsets reuse the parent score order and give the same metrics as sorting each subset', () => {
  const data = dataOf(fixture.classification[1]);
  const parent = new PreparedClassification(data);
  const groups = [[], [0, 3, 6, 9, 30, 60, 90, 150], [...data.yTrue.keys()].filter((i) => i % 3 === 1)];
  const fromParent = parent.subsets(groups);
  groups.forEach((g, gi) => {
    const direct = classificationMetrics(new PreparedClassification(subsetClassification(data, g))).scalars;
    assert.deepEqual(classificationMetrics(fromParent[gi]).scalars, direct, `group ${gi}`);
  });
  const binary = new PreparedClassification(dataOf(fixture.classification[0]));
  const halves = [[...Array(200).keys()], [...Array(200).keys()].map((i) => i + 200)];
  binary.subsets(halves).forEach((p, gi) => {
    assert.deepEqual(p.oneVsRest(1).order, new PreparedClassification(subsetClassification(binary.data, halves[gi])).oneVsRest(1).order, 'ties keep row order');
  });
});
