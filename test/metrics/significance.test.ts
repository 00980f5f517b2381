import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mcnemar, mcnemarFromCounts, pairedBootstrap } from '../../src/metrics/significance.ts';
import { accuracy } from '../../src/metrics/classification.ts';
import { descendingOrder, rocAuc } from '../../src/metrics/ranking.ts';
import { chiSquareSf } from '../../src/stats/special.ts';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/metrics/metrics.json', import.meta.url), 'utf8'));

function close(actual: number | null, expected: number, label: string, tol = 1e-12) {
  assert.ok(actual !== null && Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${label}: ${actual} vs ${expected}`);
}

test('McNemar p-values agree with scipy (exact binomial below 25 discordant pairs, corrected chi-square above)', () => {
  for (const c of fixture.mcnemar) {
    const r = mcnemarFromCounts(c.b, c.c);
    assert.equal(r.method, c.method, `${c.b},${c.c}`);
    close(r.pValue, c.p, `p for ${c.b},${c.c}`, 1e-10);
    if (c.statistic !== null) close(r.statistic, c.statistic, 'statistic');
  }
});

test('McNemar counts discordant pairs from per-row correctness', () => {
  const r = mcnemar([true, true, false, false, true], [false, true, true, false, false]);
  assert.deepEqual([r.candidateOnly, r.championOnly], [2, 1]);
});

test('chi-square survival function matches known quantiles', () => {
  close(chiSquareSf(3.841458820694124, 1), 0.05, 'df1', 1e-12);
  close(chiSquareSf(5.991464547107979, 2), 0.05, 'df2', 1e-12);
  close(chiSquareSf(0.5, 1), 0.4795001221869535, 'small x', 1e-12);
});

const b = fixture.bootstrap;
const y = Int32Array.from(b.y_true);
const predA = Int32Array.from(b.score_a, (s: number) => (s >= 0.5 ? 1 : 0));
const predB = Int32Array.from(b.score_b, (s: number) => (s >= 0.5 ? 1 : 0));
const options = { resamples: b.resamples, seed: b.seed, confidence: b.confidence };

test('paired bootstrap of the accuracy difference matches an independent resampling implementation', () => {
  const r = pairedBootstrap(y.length, (w, which) => accuracy(y, which === 'candidate' ? predA : predB, w), options);
  close(r.observed, b.accuracy.observed, 'observed');
  close(r.lower, b.accuracy.lower, 'lower', 1e-9);
  close(r.upper, b.accuracy.upper, 'upper', 1e-9);
  assert.equal(r.skipped, 0);
});

test('paired bootstrap of the ROC AUC difference reuses one sort and matches materialised resamples', () => {
  const positive = Uint8Array.from(y);
  const orders = { candidate: descendingOrder(b.score_a), champion: descendingOrder(b.score_b) };
  const scores = { candidate: b.score_a, champion: b.score_b };
  const r = pairedBootstrap(y.length, (w, which) => rocAuc(positive, scores[which], orders[which], w), options);
  close(r.observed, b.roc_auc.observed, 'observed');
  close(r.lower, b.roc_auc.lower, 'lower', 1e-9);
  close(r.upper, b.roc_auc.upper, 'upper', 1e-9);
});

test('bootstrap is reproducible with a seed and changes with another seed', () => {
  const metric = (w: Float64Array | undefined, which: 'candidate' | 'champion') => accuracy(y, which === 'candidate' ? predA : predB, w);
  const one = pairedBootstrap(y.length, metric, options);
  const again = pairedBootstrap(y.length, metric, options);
  const other = pairedBootstrap(y.length, metric, { ...options, seed: options.seed + 1 });
  assert.deepEqual(one, again);
  assert.notDeepEqual([one.lower, one.upper], [other.lower, other.upper]);
});
