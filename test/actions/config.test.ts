import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAction } from '../helpers/action.ts';
import { tempFile } from '../helpers.ts';

test('config action: every mlops.yml value becomes a step output', async () => {
  const r = await runAction('config', { config: 'templates/mlops.yml' }, { bundle: true });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.outputs.model_name, 'churn');
  assert.equal(r.outputs.model_target, 'churned');
  assert.equal(r.outputs.evaluation_slices, 'plan,contract');
  assert.equal(r.outputs.data_labelled, '');
  assert.equal(r.outputs.drift_share_threshold, '0.5');
});

test('config action: a wrong config fails naming the key', async () => {
  const bad = tempFile('mlops.yml', 'version: 1\nmodel: { name: churn, task: ranking, target: y }\ndata: { train: a, holdout: b }\n');
  const r = await runAction('config', { config: bad }, { bundle: true });
  assert.equal(r.code, 1);
  // Annotated on the offending line (the file is outside GITHUB_WORKSPACE, so it keeps its path).
  assert.match(r.stdout, new RegExp(`::error file=${bad},line=2::.*mlops\\.yml: model\\.task: `));
});
