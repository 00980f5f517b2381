import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/data/tokenize.ts';
import { sliceRows } from '../../src/evaluate/slices.ts';
import { sentimentRows } from '../../scripts/sentiment-data.ts';

test('a free-text slice column is cut into token-length quartiles, not one slice per review', () => {
  const reviews = sentimentRows({ rows: 400, seed: 9 }).map((r) => r[1]);
  const slices = sliceRows([...reviews, null]);
  const lengths = reviews.map((r) => tokenize(r).length);
  const sorted = [...lengths].sort((a, b) => a - b);
  // numpy's default quantile (linear interpolation), as the numeric bins use.
  const q = (p: number) => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    return sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
  };
  const edges = [q(0.25), q(0.5), q(0.75)];
  assert.deepEqual(
    slices.map((s) => s.value),
    [`< ${edges[0]} tokens`, `[${edges[0]}, ${edges[1]}) tokens`, `[${edges[1]}, ${edges[2]}) tokens`, `≥ ${edges[2]} tokens`, '(missing)'],
  );
  assert.equal(slices[0].indices.length, lengths.filter((n) => n < edges[0]).length);
  assert.equal(slices[3].indices.length, lengths.filter((n) => n >= edges[2]).length);
  // A short label column stays one slice per value.
  assert.deepEqual(
    sliceRows(['web', 'app', 'web']).map((s) => s.value),
    ['web', 'app'],
  );
});
