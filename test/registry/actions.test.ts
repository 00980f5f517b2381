import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAction } from '../helpers/action.ts';
import { bareRepo, head, jsonFile, modelFile } from './fixtures.ts';

/** A registry action as release-bot in run 99, with git's own settings (HOME) from this process. */
function runRegistryAction(name: string, inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  return runAction(name, inputs, { inheritEnv: true, env: { GITHUB_ACTOR: 'release-bot', GITHUB_RUN_ID: '99', ...env } });
}

test('actions/register and actions/promote: outputs, summary, rollback, failures as annotations', async () => {
  const remote = bareRepo();
  const model = modelFile('action');
  const common = { remote, branch: 'mlops-registry', backend: 'git', tags: 'false', token: '' };
  const reg = await runRegistryAction('register', { ...common, name: 'churn', model: model.file, metrics: jsonFile('m.json', { auc: 0.9 }), stage: 'staging' });
  assert.equal(reg.code, 0, reg.stdout);
  assert.deepEqual(reg.outputs, { version: 'v1', 'commit-sha': head(remote)! });
  assert.match(reg.summary, /Registered churn v1/);
  const reg2 = await runRegistryAction('register', { ...common, name: 'churn', model: model.file });
  assert.equal(reg2.outputs.version, 'v2');

  const p1 = await runRegistryAction('promote', { ...common, name: 'churn', version: 'v1', stage: 'production', reason: 'approved', rollback: 'false' });
  assert.equal(p1.code, 0, p1.stdout);
  assert.deepEqual(p1.outputs, { version: 'v1', 'previous-version': '', 'commit-sha': head(remote)! });
  const p2 = await runRegistryAction('promote', { ...common, name: 'churn', version: '2', stage: 'production', rollback: 'false' });
  assert.deepEqual([p2.outputs.version, p2.outputs['previous-version']], ['v2', 'v1']);
  const rb = await runRegistryAction('promote', { ...common, name: 'churn', stage: 'production', rollback: 'true', reason: 'error rate' });
  assert.equal(rb.code, 0, rb.stdout);
  assert.deepEqual([rb.outputs.version, rb.outputs['previous-version']], ['v1', 'v2']);
  assert.match(rb.summary, /Rolled back churn production: v2 → v1/);

  const before = head(remote);
  const bad = await runRegistryAction('promote', { ...common, name: 'churn', version: 'v7', stage: 'production', rollback: 'false' });
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /::error::churn v7 does not exist \(latest is v2\)/);
  assert.equal(head(remote), before);
});
