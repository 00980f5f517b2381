import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowChecker } from '../../src/predict/check-rows.ts';
import type { FeatureSpec } from '../../src/model/types.ts';

const features: FeatureSpec[] = [
  { name: 'x', type: 'number' },
  { name: 'n', type: 'integer' },
  { name: 'b', type: 'boolean' },
  { name: 'c', type: 'category', categories: ['a', 'b'] },
];
const positions = [0, 1, 2, 3];

test('cells the model can take pass: decimal strings, integer-valued floats, 0/1 booleans, typed JSON values', () => {
  const check = rowChecker(features, { imputesMissing: true, rejectUnknownCategories: true });
  const missing = new Map<string, number>();
  for (const row of [
    ['1.5', '3', 'true', 'a'],
    ['-2e3', '3.0', '0', 'b'],
    [4, 7, false, 'a'],
    ['.5', '-0', 'TRUE', 'b'],
  ]) {
    assert.equal(check.check(row, positions, missing), undefined, JSON.stringify(row));
  }
  assert.equal(missing.size, 0);
});

test('each wrong cell names its column and kind; the first problem in feature order wins', () => {
  const check = rowChecker(features, { imputesMissing: true, rejectUnknownCategories: true });
  const m = new Map<string, number>();
  assert.deepEqual(check.check(['12abc', '3', 'true', 'a'], positions, m), {
    column: 'x',
    kind: 'not a number',
    reason: 'column "x": not a number (got "12abc")',
  });
  assert.equal(check.check(['0x1F', '3', 'true', 'a'], positions, m)?.kind, 'not a number');
  assert.equal(check.check(['1', '3.5', 'yes', 'a'], positions, m)?.column, 'n');
  assert.equal(check.check(['1', '3', '2', 'a'], positions, m)?.kind, 'not a boolean');
  assert.equal(check.check(['1', '3', 'true', 'z'], positions, m)?.kind, 'unknown category');
  // Without the flag an unseen category is the model's business.
  assert.equal(rowChecker(features, { imputesMissing: true, rejectUnknownCategories: false }).check(['1', '3', 'true', 'z'], positions, m), undefined);
});

test('missing values: counted when the model imputes them, a reject when it does not; absent columns read as missing', () => {
  const m = new Map<string, number>();
  const imputing = rowChecker(features, { imputesMissing: true, rejectUnknownCategories: false });
  assert.equal(imputing.check([null, '1', null, 'a'], positions, m), undefined);
  assert.equal(imputing.check(['2'], [0, -1, -1, -1], m), undefined);
  assert.deepEqual(Object.fromEntries(m), { x: 1, b: 2, n: 1, c: 1 });
  const strict = rowChecker(features, { imputesMissing: false, rejectUnknownCategories: false });
  assert.deepEqual(strict.check(['1', null, 'true', 'a'], positions, new Map()), { column: 'n', kind: 'missing value', reason: 'column "n": missing value' });
});
