import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBundledAction } from './run-action.ts';
import { tempFile } from '../helpers.ts';

test('validate-data action: passing data sets outputs and writes the summary', () => {
  const r = runBundledAction('validate-data', {
    data: 'templates/example/data/*.csv',
    rules: 'templates/example/rules.yml',
    'report-path': join(tempFile('x', '').replace(/x$/, ''), 'report.md'),
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.outputs.ok, 'true');
  assert.equal(r.outputs.errors, '0');
  assert.equal(r.outputs.rows, String(4000 + 1000 + 1500 + 3000));
  assert.match(r.summary, /## Data validation\n\n✅ \*\*Passed\*\*/);
  assert.ok(existsSync(r.outputs['report-path']));
});

test('validate-data action: an error-level violation fails the step with annotations', () => {
  const data = tempFile('bad.csv', 'id,age\n1,30\n2,\n3,150\n');
  const rules = tempFile('rules.yml', 'version: 1\ncolumns:\n  age: { type: integer, nullable: false, max: 120 }\n');
  const r = runBundledAction('validate-data', { data, rules, 'json-path': join(data, '..', 'out.json'), 'report-path': join(data, '..', 'out.md') });
  assert.equal(r.status, 1);
  assert.equal(r.outputs.ok, 'false');
  assert.equal(r.outputs.violations, '2');
  assert.match(r.stdout, /::error title=data validation::max on age: 1 row\(s\), above the maximum 120 \(rows 3\)/);
  assert.match(r.stdout, /::error::data validation failed: 2 error\(s\)/);
  assert.match(r.summary, /❌ \*\*Failed\*\*/);
  assert.equal(JSON.parse(readFileSync(r.outputs['json-path'], 'utf8')).violations.length, 2);
});

test('validate-data action: fail-on never keeps the step green; a warning fails with fail-on warning', () => {
  const data = tempFile('w.csv', 'a\n50\n');
  const rules = tempFile('rules.yml', 'version: 1\ncolumns:\n  a: { max: { value: 10, severity: warning } }\n');
  const never = runBundledAction('validate-data', { data, rules, 'fail-on': 'never', 'json-path': join(data, '..', 'a.json'), 'report-path': join(data, '..', 'a.md') });
  assert.equal(never.status, 0);
  const warn = runBundledAction('validate-data', { data, rules, 'fail-on': 'warning', 'json-path': join(data, '..', 'b.json'), 'report-path': join(data, '..', 'b.md') });
  assert.equal(warn.status, 1);
  assert.equal(warn.outputs.ok, 'true');
});

test('validate-data action: a bad input fails with one clear message', () => {
  const r = runBundledAction('validate-data', { data: 'missing.csv', rules: 'templates/example/rules.yml', 'fail-on': 'sometimes' });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /::error::input "fail-on" must be one of error, warning, never/);
});
