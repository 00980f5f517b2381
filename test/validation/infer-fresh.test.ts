import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { profileFiles } from '../../src/profile/profile.ts';
import { inferRules } from '../../src/validation/infer.ts';
import { validateFiles, type ValidationReport } from '../../src/validation/validate.ts';
import { cli, tempDir } from '../helpers.ts';

// Fixtures: test/fixtures/adoption/export.py (scikit-learn's breast-cancer, wine and diabetes
// sets and a seeded synthetic orders table, each split 80/20 with a fixed seed).
const FIXTURES = 'test/fixtures/adoption';
const SETS = ['breast-cancer', 'wine', 'diabetes', 'orders'] as const;

const csv = (file: string) => {
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
  return { columns: header.split(','), rows: rows.map((r) => r.split(',')) };
};

async function rulesFor(set: string) {
  return inferRules(await profileFiles([join(FIXTURES, set, 'train.csv')]));
}

function write(dir: string, name: string, columns: string[], rows: string[][]): string {
  const file = join(dir, name);
  writeFileSync(file, [columns.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n');
  return file;
}

const errors = (r: ValidationReport) => r.violations.filter((v) => v.severity === 'error').map((v) => `${v.rule}:${v.column}`);

for (const set of SETS) {
  test(`inferred rules on ${set}: the clean holdout passes (warnings at most), each injected fault is an error`, async () => {
    const rules = await rulesFor(set);
    const holdout = join(FIXTURES, set, 'holdout.csv');
    const clean = await validateFiles([holdout], rules);
    assert.deepEqual(errors(clean), [], `clean ${set} holdout`);
    assert.equal(clean.ok, true);
    // Warnings are rare on clean data: at most one column in ten warns.
    assert.ok(clean.warnings <= Math.ceil(Object.keys(rules.columns).length / 10), `${clean.warnings} warnings`);
    const train = await validateFiles([join(FIXTURES, set, 'train.csv')], rules);
    assert.equal(train.violations.length, 0, 'the training data passes its own rules without a warning');

    const { columns, rows } = csv(holdout);
    const dir = tempDir();
    const numeric = columns.find((c) => rules.columns[c].type === 'number')!;
    const i = columns.indexOf(numeric);
    const inject = (name: string, change: (rows: string[][]) => string[][], cols = columns) =>
      validateFiles([write(dir, `${name}.csv`, cols, change(rows.map((r) => [...r])))], rules);

    const max = rules.columns[numeric].max as number;
    const far = await inject('range', (rs) => ((rs[3][i] = String(max * 10 + 1)), rs));
    assert.deepEqual(errors(far), [`max:${numeric}`], `range fault on ${numeric}`);
    const negative = await inject('negative', (rs) => ((rs[4][i] = String(-(max + 1))), rs));
    assert.deepEqual(errors(negative), [`min:${numeric}`]);
    const nulled = await inject('null', (rs) => ((rs[5][i] = ''), rs));
    assert.deepEqual(errors(nulled), [`not_null:${numeric}`]);
    const typed = await inject('type', (rs) => ((rs[6][i] = 'n/a-value'), rs));
    assert.deepEqual(errors(typed), [`type:${numeric}`]);
    assert.deepEqual(typed.violations.find((v) => v.rule === 'type')!.examples, [7]);
    const dropped = await inject(
      'missing',
      (rs) => rs.map((r) => r.filter((_, c) => c !== i)),
      columns.filter((c) => c !== numeric),
    );
    assert.ok(errors(dropped).includes(`required:${numeric}`), errors(dropped).join());
    assert.ok(
      errors(dropped).every((e) => e.endsWith(`:${numeric}`)),
      'only the dropped column is reported',
    );
  });
}

test('orders: an unknown category and a duplicate key are errors; a date, a key and free text are ruled as such', async () => {
  const rules = await rulesFor('orders');
  assert.deepEqual(rules.columns.order_id, { type: 'string', nullable: false, unique: true });
  assert.equal(rules.columns.ordered_at.type, 'datetime');
  assert.deepEqual(rules.columns.country.allowed, ['de', 'es', 'fr', 'it', 'nl']);
  assert.deepEqual(rules.columns.notes.unique, { value: true, severity: 'warning' });
  // rating has 5% nulls in training: a limit with room, not "never null".
  assert.equal(rules.columns.rating.nullable, undefined);
  assert.ok((rules.columns.rating.max_null_fraction as number) >= 0.07);
  // amount is never negative in training: the hard lower limit is 0.
  assert.equal(rules.columns.amount.min, 0);

  const { columns, rows } = csv(join(FIXTURES, 'orders', 'holdout.csv'));
  const dir = tempDir();
  const c = columns.indexOf('country');
  rows[2][c] = 'xx';
  rows[9][0] = rows[1][0];
  const r = await validateFiles([write(dir, 'faults.csv', columns, rows)], rules);
  assert.deepEqual(errors(r).sort(), ['allowed:country', 'unique:order_id']);
  assert.deepEqual(r.violations.find((v) => v.rule === 'unique')!.examples, [10]);
  assert.deepEqual(r.violations.find((v) => v.rule === 'allowed')!.example_values, ['xx']);
});

test('a large or rarely-seen category set warns about an unseen category instead of failing', async () => {
  const dir = tempDir();
  // 30 cities, each seen 3 times: more than 20 values, so a new city is news, not a fault.
  const cities = Array.from({ length: 30 }, (_, i) => `city${i}`);
  const train = write(
    dir,
    'train.csv',
    ['city', 'y'],
    cities.flatMap((c) => [
      [c, '1'],
      [c, '2'],
      [c, '3'],
    ]),
  );
  const rules = inferRules(await profileFiles([train]));
  assert.deepEqual(rules.columns.city.allowed, { value: [...cities].sort(), severity: 'warning' });
  const fresh = await validateFiles([write(dir, 'fresh.csv', ['city', 'y'], [['city99', '2']])], rules);
  assert.equal(fresh.ok, true);
  assert.deepEqual(
    fresh.violations.map((v) => `${v.rule}:${v.severity}:${v.message}`),
    ['allowed:warning:unseen category: not one of the listed values'],
  );
  // Five values but one seen once (Good–Turing: unseen values are likely): also a warning.
  const rare = write(
    dir,
    'rare.csv',
    ['tier', 'y'],
    [
      ...['a', 'b', 'c', 'd'].flatMap((t) => [
        [t, '1'],
        [t, '2'],
        [t, '3'],
      ]),
      ['e', '1'],
    ],
  );
  assert.equal((inferRules(await profileFiles([rare])).columns.tier.allowed as { severity: string }).severity, 'warning');
});

test('--key and id-like names make unique keys; numeric bounds follow the documented margins', async () => {
  const dir = tempDir();
  const rows = Array.from({ length: 100 }, (_, i) => [String(1000 + i), `u${i}`, String(i % 10), String(10 + (i % 21))]);
  const file = write(dir, 'd.csv', ['userId', 'handle', 'score', 'temp'], rows);
  const profile = await profileFiles([file]);
  const plain = inferRules(profile);
  assert.equal(plain.columns.userId.unique, true, 'all distinct and named like an id');
  assert.equal(plain.columns.userId.min, undefined, 'no range on a key: new ids are beyond the old ones');
  assert.deepEqual(plain.columns.handle.unique, { value: true, severity: 'warning' });
  const keyed = inferRules(profile, { keys: ['handle'] });
  assert.equal(keyed.columns.handle.unique, true);
  // temp: observed 10..30, range 20, IQR 9.5 (numpy: p25 14.75, p75 24.25): error band ± max(20, 28.5),
  // so max 58.5 rounded up to the integer 59 and min clamped at 0 (never negative); warning band ± 2.
  assert.deepEqual([plain.columns.temp.min, plain.columns.temp.max, plain.columns.temp.expected_range], [0, 59, { min: 8, max: 32 }]);
});

test('validate --infer --out refuses to overwrite an existing file without --force (exit 2)', async () => {
  const dir = tempDir();
  const out = join(dir, 'rules.yml');
  writeFileSync(out, '# hand-written\n');
  const data = join(FIXTURES, 'wine', 'train.csv');
  const refused = await cli(['validate', '--infer', '--data', data, '--out', out]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /rules\.yml already exists: refusing to overwrite it \(use --force/);
  assert.equal(readFileSync(out, 'utf8'), '# hand-written\n');
  const forced = await cli(['validate', '--infer', '--data', data, '--out', out, '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(readFileSync(out, 'utf8'), /expected_range/);
});
