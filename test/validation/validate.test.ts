import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRules } from '../../src/validation/rules.ts';
import { validateFiles, type ValidationReport } from '../../src/validation/validate.ts';
import { profileFiles } from '../../src/profile/profile.ts';
import { tempFile } from '../helpers.ts';

async function check(csv: string, rulesYaml: string, reference?: string): Promise<ValidationReport> {
  const rules = parseRules(rulesYaml, 'rules.yml');
  const ref = reference ? await profileFiles([tempFile('ref.csv', reference)]) : undefined;
  return validateFiles([tempFile('data.csv', csv)], rules, { reference: ref });
}

function find(report: ValidationReport, rule: string, column: string | null) {
  const v = report.violations.find((x) => x.rule === rule && x.column === column);
  assert.ok(v, `expected a ${rule} violation on ${column}; got ${JSON.stringify(report.violations.map((x) => [x.rule, x.column]))}`);
  return v;
}

test('an out-of-range value and a null in a non-null column both fail, naming column and row', async () => {
  const report = await check('id,age\n1,30\n2,\n3,150\n4,40\n', 'version: 1\ncolumns:\n  age: { type: integer, nullable: false, min: 0, max: 120 }\n');
  assert.equal(report.ok, false);
  assert.equal(report.rows, 4);
  const nulls = find(report, 'not_null', 'age');
  assert.deepEqual([nulls.count, nulls.examples], [1, [2]]);
  const max = find(report, 'max', 'age');
  assert.deepEqual([max.count, max.examples, max.example_values], [1, [3], ['150']]);
  assert.equal(report.errors, 2);
});

test('type rules: integer, number, boolean, datetime', async () => {
  const report = await check(
    'i,n,b,d\n1,1.5,true,2024-01-01\n2.5,x,maybe,2024-13-45\n3,2,false,2024-02-03T10:00:00Z\n',
    'version: 1\ncolumns:\n  i: { type: integer }\n  n: { type: number }\n  b: { type: boolean }\n  d: { type: datetime }\n',
  );
  assert.deepEqual(find(report, 'type', 'i').examples, [2]);
  assert.deepEqual(find(report, 'type', 'n').example_values, ['x']);
  assert.deepEqual(find(report, 'type', 'b').example_values, ['maybe']);
  assert.deepEqual(find(report, 'type', 'd').example_values, ['2024-13-45']);
  assert.equal(report.violations.length, 4);
});

test('allowed values, regex and unique keys, with counts and capped examples', async () => {
  let csv = 'id,plan,email\n';
  for (let i = 1; i <= 12; i++) csv += `${i <= 10 ? i : 1},${i % 4 === 0 ? 'gold' : 'basic'},${i === 5 ? 'nope' : `u${i}@x.org`}\n`;
  const report = await check(
    csv,
    'version: 1\nmax_examples: 2\ncolumns:\n  id: { unique: true }\n  plan: { allowed: [basic, pro] }\n  email: { regex: "^[^@]+@[^@]+$" }\n',
  );
  const dup = find(report, 'unique', 'id');
  assert.deepEqual([dup.count, dup.examples], [2, [11, 12]]);
  const plan = find(report, 'allowed', 'plan');
  assert.deepEqual([plan.count, plan.examples], [3, [4, 8]]);
  assert.deepEqual(find(report, 'regex', 'email').examples, [5]);
});

test('max null fraction and row-count bounds are dataset-level rules', async () => {
  const report = await check('a,b\n1,\n2,\n3,x\n4,y\n', 'version: 1\ndataset:\n  row_count: { min: 5 }\ncolumns:\n  b: { max_null_fraction: 0.25 }\n');
  const nulls = find(report, 'max_null_fraction', 'b');
  assert.equal(nulls.count, 2);
  assert.match(nulls.message, /50% nulls/);
  assert.equal(find(report, 'row_count', null).count, 4);
});

test('warning-level rules are reported but leave ok true', async () => {
  const report = await check('a\n5\n50\n', 'version: 1\ncolumns:\n  a: { max: { value: 10, severity: warning } }\n');
  assert.equal(report.ok, true);
  assert.equal(report.warnings, 1);
  assert.equal(find(report, 'max', 'a').severity, 'warning');
});

test('a column-level severity applies to all its rules', async () => {
  const report = await check('a\n-1\n', 'version: 1\ncolumns:\n  a: { min: 0, severity: warning }\n');
  assert.equal(report.ok, true);
  assert.equal(find(report, 'min', 'a').severity, 'warning');
});

test('missing required columns and unexpected extra columns', async () => {
  const report = await check(
    'a,extra\n1,2\n',
    'version: 1\ndataset: { no_extra_columns: true }\ncolumns:\n  a: {}\n  b: { type: number }\n  c: { required: false }\n',
  );
  assert.match(find(report, 'required', 'b').message, /missing/);
  assert.ok(!report.violations.some((v) => v.column === 'c'));
  find(report, 'no_extra_columns', 'extra');
});

test('reference-profile rules: new categories and range outside reference ± tolerance', async () => {
  const reference = 'x,cat\n0,a\n10,b\n5,a\n';
  const report = await check(
    'x,cat\n11,a\n12,c\n-1,b\n',
    'version: 1\nreference: { profile: ref.json }\ncolumns:\n  x: { reference_range: { tolerance: 0.1 } }\n  cat: { new_categories: true }\n',
    reference,
  );
  // reference range [0, 10] widened by 10% of its span: [-1, 11]; only 12 is outside.
  const range = find(report, 'reference_range', 'x');
  assert.deepEqual([range.count, range.examples], [1, [2]]);
  const cats = find(report, 'new_categories', 'cat');
  assert.deepEqual([cats.count, cats.example_values], [1, ['c']]);
});

test('row numbers continue across files read as one dataset', async () => {
  const rules = parseRules('version: 1\ncolumns:\n  a: { max: 5 }\n', 'rules.yml');
  const report = await validateFiles([tempFile('1.csv', 'a\n1\n2\n'), tempFile('2.csv', 'a\n3\n9\n')], rules);
  assert.deepEqual(find(report, 'max', 'a').examples, [4]);
  assert.deepEqual(
    report.files.map((f) => [f.rows, f.first_row]),
    [
      [2, 1],
      [2, 3],
    ],
  );
});

test('rules-file mistakes are clear errors naming the path', () => {
  const cases: [string, RegExp][] = [
    ['version: 1\ncolumns:\n  age: { min: "zero" }\n', /columns\.age\.min: expected a value or \{ value, severity/],
    ['version: 1\ncolumns:\n  age: { minimum: 0 }\n', /columns\.age: unknown key "minimum"/],
    ['version: 2\n', /version: /],
    ['version: 1\ncolumns:\n  a: { regex: "([" }\n', /columns\.a\.regex: not a valid regular expression/],
    ['version: 1\ncolumns:\n  a: { new_categories: true }\n', /need a top-level reference/],
    ['version: 1\ncolumns: [\n', /rules\.yml:\d+:\d+: invalid YAML/],
    ['- 1\n', /rules\.yml: a rules file must be a YAML mapping/],
  ];
  for (const [yaml, pattern] of cases) assert.throws(() => parseRules(yaml, 'rules.yml'), pattern, yaml);
});
