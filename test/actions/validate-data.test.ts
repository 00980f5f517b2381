import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../helpers/action.ts';
import { tempDir, tempFile } from '../helpers.ts';

test('validate-data action: passing data sets outputs and writes the summary', async () => {
  const r = await runAction(
    'validate-data',
    { data: 'templates/example/data/*.csv', rules: 'templates/example/rules.yml', 'report-path': join(tempFile('x', '').replace(/x$/, ''), 'report.md') },
    { bundle: true },
  );
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.outputs.ok, 'true');
  assert.equal(r.outputs.errors, '0');
  assert.equal(r.outputs.rows, String(4000 + 1000 + 1500 + 3000));
  assert.match(r.summary, /## Data validation\n\n✅ \*\*Passed\*\*/);
  assert.ok(existsSync(r.outputs['report-path']));
});

test('validate-data action: an error-level violation fails the step with annotations', async () => {
  const data = tempFile('bad.csv', 'id,age\n1,30\n2,\n3,150\n');
  const rules = tempFile('rules.yml', 'version: 1\ncolumns:\n  age: { type: integer, nullable: false, max: 120 }\n');
  const r = await runAction(
    'validate-data',
    { data, rules, 'json-path': join(data, '..', 'out.json'), 'report-path': join(data, '..', 'out.md') },
    { bundle: true },
  );
  assert.equal(r.code, 1);
  assert.equal(r.outputs.ok, 'false');
  assert.equal(r.outputs.violations, '2');
  // Row 3 is line 4 of the file (after the header); the file is outside GITHUB_WORKSPACE, so it keeps its path.
  assert.match(r.stdout, new RegExp(`::error title=data validation,file=${data},line=4::max on age: 1 row\\(s\\), above the maximum 120 \\(rows 3\\)`));
  assert.match(r.stdout, /::error::data validation failed: 2 error\(s\)/);
  assert.match(r.summary, /❌ \*\*Failed\*\*/);
  assert.equal(JSON.parse(readFileSync(r.outputs['json-path'], 'utf8')).violations.length, 2);
});

test('validate-data action: fail-on never keeps the step green; a warning fails with fail-on warning', async () => {
  const data = tempFile('w.csv', 'a\n50\n');
  const rules = tempFile('rules.yml', 'version: 1\ncolumns:\n  a: { max: { value: 10, severity: warning } }\n');
  const never = await runAction(
    'validate-data',
    { data, rules, 'fail-on': 'never', 'json-path': join(data, '..', 'a.json'), 'report-path': join(data, '..', 'a.md') },
    { bundle: true },
  );
  assert.equal(never.code, 0);
  const warn = await runAction(
    'validate-data',
    { data, rules, 'fail-on': 'warning', 'json-path': join(data, '..', 'b.json'), 'report-path': join(data, '..', 'b.md') },
    { bundle: true },
  );
  assert.equal(warn.code, 1);
  assert.equal(warn.outputs.ok, 'true');
});

test('validate-data action: a bad input fails with one clear message', async () => {
  const r = await runAction('validate-data', { data: 'missing.csv', rules: 'templates/example/rules.yml', 'fail-on': 'sometimes' }, { bundle: true });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /::error::input "fail-on" must be one of error, warning, never/);
});

test('validate-data action: annotations point at the data line of the first bad row and at the rules line of a dataset rule', async () => {
  const dir = tempDir();
  // A blank line and a quoted newline: data row 3 starts on line 6, row 4 on line 7.
  writeFileSync(join(dir, 'a.csv'), 'id,age,note\n1,30,ok\n\n2,40,"two\nlines"\n3,150,x\n4,,y\n');
  writeFileSync(join(dir, 'b.jsonl'), '{"id":5,"age":20,"note":"z"}\n\n{"id":6,"age":999,"note":"z"}\n');
  writeFileSync(
    join(dir, 'rules.yml'),
    [
      'version: 1',
      'dataset:',
      '  row_count: { min: 100 }',
      'columns:',
      '  id: { type: integer }',
      '  age:',
      '    max: 120',
      '    nullable: { value: false, severity: warning }',
      '  note: { type: string }',
      '  region: { type: string }',
      '',
    ].join('\n'),
  );
  const r = await runAction(
    'validate-data',
    { data: 'a.csv\nb.jsonl', rules: 'rules.yml', 'json-path': 'out.json', 'report-path': 'out.md' },
    { env: { GITHUB_WORKSPACE: dir }, cwd: dir, bundle: true },
  );
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const annotations = r.stdout.split('\n').filter((l) => /^::(error|warning) /.test(l));
  const at = (text: string) => annotations.find((l) => l.includes(text));
  assert.match(at('max on age') ?? '', /^::error title=data validation,file=a\.csv,line=6::max on age: 2 row\(s\), above the maximum 120 \(rows 3, 6\)$/);
  assert.match(at('not_null on age') ?? '', /^::warning title=data validation,file=a\.csv,line=7::not_null on age: 1 row/);
  assert.match(at('row_count') ?? '', /^::error title=data validation,file=rules\.yml,line=3::row_count: /);
  assert.match(at('required on region') ?? '', /^::error title=data validation,file=rules\.yml,line=10::required on region: /);
});

test('validate-data action: a wrong rules file is annotated on the offending line', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'd.csv'), 'a\n1\n');
  writeFileSync(join(dir, 'rules.yml'), 'version: 1\ncolumns:\n  a:\n    type: integer\n    maximum: 3\n');
  const r = await runAction('validate-data', { data: 'd.csv', rules: 'rules.yml' }, { env: { GITHUB_WORKSPACE: dir }, cwd: dir, bundle: true });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /^::error file=rules\.yml,line=5::rules\.yml: columns\.a: unknown key "maximum"$/m);
  writeFileSync(join(dir, 'rules.yml'), 'version: 1\ncolumns:\n  a: { type: integer,\n');
  const bad = await runAction('validate-data', { data: 'd.csv', rules: 'rules.yml' }, { env: { GITHUB_WORKSPACE: dir }, cwd: dir, bundle: true });
  assert.match(bad.stdout, /^::error file=rules\.yml,line=\d+::rules\.yml:\d+:\d+: invalid YAML/m);
});
