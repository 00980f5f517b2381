import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, tempFile } from '../helpers.ts';
import { parseRules } from '../../src/validation/rules.ts';

const RULES = 'version: 1\ncolumns:\n  id: { unique: true }\n  age: { type: integer, nullable: false, min: 0, max: 120 }\n';

test('mlops validate exits 1 naming an out-of-range value and a null in a non-null column', async () => {
  const data = tempFile('people.csv', 'id,age\n1,30\n2,\n3,150\n');
  const rules = tempFile('rules.yml', RULES);
  const md = await cli(['validate', '--data', data, '--rules', rules]);
  assert.equal(md.code, 1);
  assert.match(md.stdout, /❌ \*\*Failed\*\*: 2 rules broken/);
  assert.match(md.stdout, /\| +❌ +\| not_null +\| age +\| +1 \| null in a non-null column +\| 2 /);
  assert.match(md.stdout, /\| +❌ +\| max +\| age +\| +1 \| above the maximum 120 +\| 3 +\| `150`/);

  const json = await cli(['validate', '--data', data, '--rules', rules, '--format', 'json']);
  assert.equal(json.code, 1);
  const report = JSON.parse(json.stdout);
  assert.equal(report.ok, false);
  assert.equal(report.rows, 3);
  assert.deepEqual(
    report.violations.map((v: Record<string, unknown>) => [v.rule, v.column, v.severity, v.count, v.examples]),
    [
      ['not_null', 'age', 'error', 1, [2]],
      ['max', 'age', 'error', 1, [3]],
    ],
  );
});

test('mlops validate exits 0 on clean data and writes --out', async () => {
  const dir = tempDir();
  const data = tempFile('ok.csv', 'id,age\n1,30\n2,40\n');
  const r = await cli(['validate', '--data', data, '--rules', tempFile('rules.yml', RULES), '--format', 'json', '--out', join(dir, 'r.json')]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).violations, []);
});

test('bad input gives one clear line and exit 2, never a stack trace', async () => {
  const rules = tempFile('rules.yml', RULES);
  const cases: [string[], RegExp][] = [
    [['validate', '--data', tempFile('m.csv', 'id,age\n1,2\n3\n'), '--rules', rules], /m\.csv, line 3, row 2, column "age": expected 2 fields but found 1/],
    [['validate', '--data', 'nope.csv', '--rules', rules], /nope\.csv: no such file/],
    [
      ['validate', '--data', tempFile('a.csv', 'a\n1\n'), '--rules', tempFile('r.yml', 'version: 1\ncolumns: { a: { mni: 1 } }\n')],
      /r\.yml: columns\.a: unknown key "mni"/,
    ],
    [['validate', '--data', tempFile('b.csv', 'a\n1\n')], /--rules is required/],
    [['validate', '--rules', rules, '--data', tempFile('c.csv', 'a\n'), '--format', 'xml'], /--format must be one of json, markdown/],
  ];
  for (const [args, pattern] of cases) {
    const r = await cli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test('--infer writes a rules file that the data itself passes', async () => {
  const dir = tempDir();
  const data = 'templates/example/data/train.csv';
  const out = join(dir, 'rules.yml');
  const r = await cli(['validate', '--infer', '--data', data, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const rules = parseRules(readFileSync(out, 'utf8'), out);
  assert.equal(rules.columns.age.type, 'integer');
  assert.deepEqual(rules.columns.plan.allowed, ['basic', 'premium', 'standard']);
  assert.equal(rules.columns.age.nullable, false);
  assert.ok(typeof rules.columns.total_charges.max_null_fraction === 'number');
  const check = await cli(['validate', '--data', data, '--rules', out, '--format', 'json']);
  assert.equal(check.code, 0, check.stdout);
});

test('the example rules pass on the example training data', async () => {
  const r = await cli(['validate', '--data', 'templates/example/data/train.csv', '--rules', 'templates/example/rules.yml']);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /4,000 rows checked/);
});

test('mlops --help lists the verbs; every verb has --help with usage and an example', async () => {
  const top = await cli(['--help']);
  assert.equal(top.code, 0);
  for (const verb of ['profile', 'validate']) {
    assert.match(top.stdout, new RegExp(`^  ${verb} `, 'm'));
    const h = await cli([verb, '--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /Usage:/);
    assert.match(h.stdout, /Examples?:/);
  }
  const unknown = await cli(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command "frobnicate"/);
});
