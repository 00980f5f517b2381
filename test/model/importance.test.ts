import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cell } from '../../src/data/batch.ts';
import { modelScore, permutationImportance } from '../../src/model/importance.ts';
import { mulberry32, normal } from '../../src/util/random.ts';

function rowsOf(n: number, seed: number): Cell[][] {
  const r = mulberry32(seed);
  return Array.from({ length: n }, () => [normal(r), normal(r), r() < 0.5 ? 'a' : 'b']);
}
const columns = ['x', 'noise', 'tag'];

test('permutation importance of a regression y = 2x: x ≈ 2 (its expected R² drop), an ignored feature exactly 0', async () => {
  const rows = rowsOf(20_000, 1);
  const labels = Float64Array.from(rows, (row) => 2 * (row[0] as number));
  // The "model" is the true function: R² = 1 on intact rows.
  const predict = async (_c: string[], rs: Cell[][]) => ({ predictions: rs.map((row) => 2 * (row[0] as number)) });
  const imp = await permutationImportance({
    columns,
    rows,
    features: ['x', 'noise', 'tag'],
    metric: 'r2',
    score: modelScore(predict, columns, labels, 'r2'),
    seed: 7,
  });
  assert.equal(imp.baseline, 1);
  // Shuffling x: 1 − Σ(2x − 2x')²/Σ(2x − mean)² → 1 − 2 = −1 in expectation, a drop of 2.
  assert.ok(Math.abs(imp.values.x - 2) < 0.05, `importance(x) ${imp.values.x}`);
  assert.ok(imp.std.x < 0.05);
  assert.equal(imp.values.noise, 0);
  assert.equal(imp.values.tag, 0);
  assert.equal(imp.repeats, 5);
  assert.equal(imp.rows, 20_000);
  // the rows given are left as they were
  assert.equal(labels[3], 2 * (rows[3][0] as number));
  // reproducible from the seed
  const again = await permutationImportance({ columns, rows, features: ['x'], metric: 'r2', score: modelScore(predict, columns, labels, 'r2'), seed: 7 });
  assert.equal(again.values.x, imp.values.x);
});

test('permutation importance of a classifier that reads only tag: accuracy drop ≈ 0.5 for tag, 0 for the others', async () => {
  const rows = rowsOf(10_000, 2);
  const labels = Float64Array.from(rows, (row) => (row[2] === 'a' ? 0 : 1));
  const predict = async (_c: string[], rs: Cell[][]) => ({
    predictions: rs.map((row) => row[2] as string),
    probabilities: rs.map((row) => (row[2] === 'a' ? [0.9, 0.1] : [0.2, 0.8])),
  });
  const imp = await permutationImportance({
    columns,
    rows,
    features: columns,
    metric: 'accuracy',
    score: modelScore(predict, columns, labels, 'accuracy'),
    seed: 3,
  });
  assert.equal(imp.baseline, 1);
  // a shuffled tag matches the label half of the time
  assert.ok(Math.abs(imp.values.tag - 0.5) < 0.02, `importance(tag) ${imp.values.tag}`);
  assert.equal(imp.values.x, 0);
  assert.equal(imp.values.noise, 0);
});
