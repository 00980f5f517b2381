import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { binaryCurves, CURVE_POINTS, residualHistogram } from '../../src/metrics/curves.ts';
import { descendingOrder } from '../../src/metrics/ranking.ts';

// Made by test/fixtures/metrics/make_curves.py (numpy, independent of src/metrics/curves.ts).
const fixture = JSON.parse(readFileSync(new URL('../fixtures/metrics/curves.json', import.meta.url), 'utf8'));

for (const c of fixture.classification) {
  test(`ROC and precision-recall grid curves agree with numpy: ${c.name}`, () => {
    const scores = Float64Array.from(c.scores);
    const curves = binaryCurves(Uint8Array.from(c.positive), scores, descendingOrder(scores));
    assert.ok(curves);
    assert.equal(curves.roc.tpr.length, CURVE_POINTS);
    assert.deepEqual(
      curves.roc.fpr,
      Array.from({ length: 21 }, (_, i) => Number((i / 20).toFixed(4))),
    );
    assert.deepEqual(curves.roc.tpr, c.roc);
    assert.deepEqual(curves.pr.precision, c.pr);
    assert.equal(curves.roc.tpr[20], 1, 'the ROC curve ends at (1, 1)');
  });
}

test('curves are undefined with one class only', () => {
  const scores = Float64Array.from([0.2, 0.4]);
  assert.equal(binaryCurves(Uint8Array.from([1, 1]), scores, descendingOrder(scores)), null);
  assert.equal(binaryCurves(Uint8Array.from([0, 0]), scores, descendingOrder(scores)), null);
});

test('a perfect ranking has ROC TPR 1 from FPR 0 and precision 1 at every recall', () => {
  const scores = Float64Array.from([0.9, 0.8, 0.3, 0.1]);
  const curves = binaryCurves(Uint8Array.from([1, 1, 0, 0]), scores, descendingOrder(scores))!;
  assert.deepEqual(curves.roc.tpr, new Array(21).fill(1));
  assert.deepEqual(curves.pr.precision, new Array(21).fill(1));
});

for (const c of fixture.regression) {
  test(`residual histogram agrees with numpy: ${c.name}`, () => {
    const h = residualHistogram(Float64Array.from(c.y_true), Float64Array.from(c.y_pred))!;
    assert.equal(h.edges.length, 13);
    h.edges.forEach((e, i) => assert.ok(Math.abs(e - c.edges[i]) <= 1e-9 * Math.max(1, Math.abs(e)), `edge ${i}: ${e} vs ${c.edges[i]}`));
    assert.deepEqual(h.counts, c.counts);
    assert.equal(h.clipped, c.clipped);
    assert.equal(
      h.counts.reduce((a, b) => a + b, 0),
      c.y_true.length,
    );
  });
}
