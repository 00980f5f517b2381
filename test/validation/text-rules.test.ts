import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRules } from '../../src/validation/rules.ts';
import { validateFiles } from '../../src/validation/validate.ts';
import { cli, tempFile } from '../helpers.ts';

const CSV = 'id,review\n1,Great film. Loved it.\n2,ok\n3,"<b>Buy now</b> at spam.example"\n4,\n5,!!!\n6,' + 'long '.repeat(30) + '\n';
const RULES = `version: 1
columns:
  review:
    type: text
    min_length: 5
    max_length: { value: 100, severity: warning }
    max_empty_fraction: 0.2
    pattern: "[\\\\p{L}]{2,}"
`;

test('text rules: min_length, max_length, max_empty_fraction and pattern, with rows and values', async () => {
  const report = await validateFiles([tempFile('reviews.csv', CSV)], parseRules(RULES, 'rules.yml'));
  const by = (rule: string) => report.violations.find((v) => v.rule === rule && v.column === 'review')!;
  assert.deepEqual([by('min_length').count, by('min_length').examples, by('min_length').example_values], [2, [2, 5], ['ok', '!!!']]);
  assert.deepEqual([by('max_length').count, by('max_length').examples, by('max_length').severity], [1, [6], 'warning']);
  assert.deepEqual([by('pattern').count, by('pattern').examples], [1, [5]]);
  // Row 4 is missing and row 5 has no word: 2 of 6 rows empty > 20%.
  assert.equal(by('max_empty_fraction').count, 2);
  assert.match(by('max_empty_fraction').message, /33.3% of rows empty/);
  assert.equal(by('min_length').first_location?.file.endsWith('reviews.csv'), true);
  assert.equal(report.errors, 3);
  assert.equal(report.warnings, 1);
});

test('validate names file, row and column for a text rule, and a bad pattern is a one-line config error', async () => {
  const data = tempFile('reviews.csv', CSV);
  const rules = tempFile('rules.yml', RULES);
  const r = await cli(['validate', '--data', data, '--rules', rules]);
  assert.equal(r.code, 1);
  assert.match(r.stdout + r.stderr, /review/);
  assert.match(r.stdout + r.stderr, /min_length/);
  assert.throws(
    () => parseRules('version: 1\ncolumns:\n  review: { pattern: "(" }\n', 'rules.yml'),
    /rules\.yml: columns\.review\.pattern: not a valid regular expression/,
  );
});

test('--infer gives a free-text column the text rules: a clean holdout passes, an app batch with 8% empty reviews does not', async () => {
  const { sentimentRows, toQuotedCsv, SENTIMENT_COLUMNS } = await import('../../scripts/sentiment-data.ts');
  const { profileFiles } = await import('../../src/profile/profile.ts');
  const { inferRules } = await import('../../src/validation/infer.ts');
  const csv = (o: Parameters<typeof sentimentRows>[0]) => tempFile('reviews.csv', toQuotedCsv(SENTIMENT_COLUMNS, sentimentRows(o)));
  const rules = inferRules(await profileFiles([csv({ rows: 2000, seed: 1 })]));
  const review = rules.columns.review;
  assert.equal(review.type, 'text');
  assert.equal(review.max_empty_fraction, 0.02);
  assert.equal(review.nullable, false);
  assert.equal(rules.columns.review_id.type, 'string');
  const clean = await validateFiles([csv({ rows: 1000, seed: 2 })], rules);
  assert.equal(clean.errors, 0, JSON.stringify(clean.violations));
  const shifted = await validateFiles([csv({ rows: 1000, seed: 3, shift: true })], rules);
  assert.deepEqual(
    shifted.violations.filter((v) => v.severity === 'error').map((v) => [v.rule, v.column]),
    [
      ['not_null', 'review'],
      ['max_empty_fraction', 'review'],
    ],
  );
});
