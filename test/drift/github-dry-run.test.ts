import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.ts';

const data = 'templates/example/data';

test('drift --github-dry-run writes the issue and dispatch requests it would send on drift', async () => {
  const dir = tempDir();
  const r = await cli(['drift', '--reference', `${data}/train.csv`, '--current', `${data}/current.csv`, '--model', 'churn', '--github-dry-run', dir]);
  assert.equal(r.code, 1, r.stderr);
  const issue = JSON.parse(readFileSync(join(dir, 'drift-issue.json'), 'utf8'));
  assert.equal(issue.route, 'POST /repos/{owner}/{repo}/issues');
  assert.equal(issue.body.title, 'Drift detected: churn');
  assert.deepEqual(issue.body.labels, ['drift']);
  assert.match(issue.body.body, /<!-- mlops-drift model="churn" -->/);
  const dispatch = JSON.parse(readFileSync(join(dir, 'retrain-dispatch.json'), 'utf8'));
  assert.equal(dispatch.route, 'POST /repos/{owner}/{repo}/dispatches');
  assert.equal(dispatch.body.event_type, 'mlops-retrain');
  assert.equal(dispatch.body.client_payload.model, 'churn');
  assert.ok(dispatch.body.client_payload.drifted_columns.includes('monthly_charges'));
});

test('drift --github-dry-run writes nothing when there is no drift', async () => {
  const dir = tempDir();
  const r = await cli(['drift', '--reference', `${data}/train.csv`, '--current', `${data}/holdout.csv`, '--github-dry-run', dir]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(!existsSync(join(dir, 'drift-issue.json')));
});
