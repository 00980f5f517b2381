import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.ts';
import { bareRepo, head, jsonFile, modelFile } from './fixtures.ts';

function runAction(name: string, inputs: Record<string, string>, extraEnv: NodeJS.ProcessEnv = {}) {
  const dir = tempDir('mlops-action-');
  const output = join(dir, 'output');
  const summary = join(dir, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, GITHUB_ACTOR: 'release-bot', GITHUB_RUN_ID: '99', ...extraEnv };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return new Promise<{ code: number | null; stdout: string; outputs: Record<string, string>; summary: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `actions/${name}/main.ts`], { env });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stdout += d));
    child.on('close', (code) => {
      const outputs: Record<string, string> = {};
      for (const m of readFileSync(output, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3];
      resolve({ code, stdout, outputs, summary: readFileSync(summary, 'utf8') });
    });
  });
}

test('actions/register and actions/promote: outputs, summary, rollback, failures as annotations', async () => {
  const remote = bareRepo();
  const model = modelFile('action');
  const common = { remote, branch: 'mlops-registry', backend: 'git', tags: 'false', token: '' };
  const reg = await runAction('register', { ...common, name: 'churn', model: model.file, metrics: jsonFile('m.json', { auc: 0.9 }), stage: 'staging' });
  assert.equal(reg.code, 0, reg.stdout);
  assert.deepEqual(reg.outputs, { version: 'v1', 'commit-sha': head(remote)! });
  assert.match(reg.summary, /Registered churn v1/);
  const reg2 = await runAction('register', { ...common, name: 'churn', model: model.file });
  assert.equal(reg2.outputs.version, 'v2');

  const p1 = await runAction('promote', { ...common, name: 'churn', version: 'v1', stage: 'production', reason: 'approved', rollback: 'false' });
  assert.equal(p1.code, 0, p1.stdout);
  assert.deepEqual(p1.outputs, { version: 'v1', 'previous-version': '', 'commit-sha': head(remote)! });
  const p2 = await runAction('promote', { ...common, name: 'churn', version: '2', stage: 'production', rollback: 'false' });
  assert.deepEqual([p2.outputs.version, p2.outputs['previous-version']], ['v2', 'v1']);
  const rb = await runAction('promote', { ...common, name: 'churn', stage: 'production', rollback: 'true', reason: 'error rate' });
  assert.equal(rb.code, 0, rb.stdout);
  assert.deepEqual([rb.outputs.version, rb.outputs['previous-version']], ['v1', 'v2']);
  assert.match(rb.summary, /Rolled back churn production: v2 → v1/);

  const before = head(remote);
  const bad = await runAction('promote', { ...common, name: 'churn', version: 'v7', stage: 'production', rollback: 'false' });
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /::error::churn v7 does not exist \(latest is v2\)/);
  assert.equal(head(remote), before);
});
