import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.ts';
import { goodOnnx, weakOnnx, writeOnnx } from './onnx-models.ts';

const HOLDOUT = 'templates/example/data/holdout.csv';

/** An empty bare repository as the registry remote, and the two example models. */
function emptyRegistry() {
  const dir = tempDir();
  const remote = join(dir, 'registry.git');
  execFileSync('git', ['init', '--bare', '--quiet', remote]);
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTOR: 'ci', MLOPS_REGISTRY_REMOTE: remote };
  return { dir, env, weak: writeOnnx(dir, 'weak.onnx', weakOnnx), good: writeOnnx(dir, 'good.onnx', goodOnnx) };
}

test('evaluate takes registry references for the candidate too: the production model on fresh labels (performance drift)', async () => {
  const { dir, env, weak, good } = emptyRegistry();
  assert.equal((await cli(['registry', 'register', 'churn', '--model', weak, '--stage', 'production'], { env })).code, 0);

  const gate = join(dir, 'gate.yml');
  (await import('node:fs')).writeFileSync(gate, 'schema_version: 1\nrules: ["roc_auc >= 0.75"]\n');
  const production = await cli(
    ['evaluate', '--model', 'registry:churn#production', '--data', HOLDOUT, '--target', 'churned', '--gate', gate, '--format', 'json'],
    { env },
  );
  assert.equal(production.code, 1, 'the weak production model fails an absolute rule on labelled data');
  assert.equal(JSON.parse(production.stdout).verdict.passed, false);

  const candidate = await cli(
    ['evaluate', '--model', good, '--baseline', 'registry:churn@v1', '--data', HOLDOUT, '--target', 'churned', '--gate', gate, '--format', 'json'],
    { env },
  );
  assert.equal(candidate.code, 0, candidate.stderr);
  const result = JSON.parse(candidate.stdout);
  assert.ok(result.candidate.metrics.roc_auc > result.champion.metrics.roc_auc);
});

test('a baseline that names nothing yet is first-model mode; a malformed one or an unreachable registry stays exit 2', async () => {
  const { dir, env, weak, good } = emptyRegistry();
  const gate = join(dir, 'gate.yml');
  (await import('node:fs')).writeFileSync(gate, 'schema_version: 1\nrules: ["roc_auc >= 0.75", "roc_auc >= champion - 0.01"]\nslices: { columns: [region] }\n');
  const evaluate = (model: string, baseline: string, format = 'json', e: NodeJS.ProcessEnv = env) =>
    cli(['evaluate', '--model', model, '--baseline', baseline, '--data', HOLDOUT, '--target', 'churned', '--gate', gate, '--format', format], { env: e });

  // No registry branch at all, then a branch without this model, then the model with no production version.
  const r = await evaluate(good, 'registry:churn#production');
  assert.equal(r.code, 0, r.stderr);
  const ev = JSON.parse(r.stdout);
  assert.equal(ev.champion, null);
  assert.equal(ev.verdict.hasChampion, false);
  assert.deepEqual(ev.first_model, { baseline: 'registry:churn#production', reason: 'the registry branch does not exist yet' });
  assert.deepEqual(
    ev.verdict.results.map((x: { rule: string; status: string }) => `${x.rule}: ${x.status}`),
    ['roc_auc >= 0.75: pass', 'roc_auc >= champion - 0.01: skipped'],
  );
  assert.equal((await cli(['registry', 'register', 'other', '--model', weak], { env })).code, 0);
  const noModel = JSON.parse((await evaluate(good, 'registry:churn#production')).stdout);
  assert.match(noModel.first_model.reason, /no model named "churn" in the registry yet/);
  assert.equal((await cli(['registry', 'register', 'churn', '--model', weak, '--stage', 'staging'], { env })).code, 0);
  const emptyStage = await evaluate(good, 'registry:churn#production', 'markdown');
  assert.equal(emptyStage.code, 0, emptyStage.stderr);
  assert.match(
    emptyStage.stdout,
    /No production model yet: judged on absolute rules \(registry:churn#production: no version of churn is in stage production yet\)/,
  );
  assert.match(emptyStage.stdout, /\| metric +\| candidate +\| rule +\| result +\|/, 'no empty champion columns');
  assert.doesNotMatch(emptyStage.stdout, /champion roc_auc|\| Δ/);

  // First-model mode still fails on an absolute rule: exit 1, not 0.
  const weakFirst = await evaluate(weak, 'registry:churn#production');
  assert.equal(weakFirst.code, 1);
  assert.equal(JSON.parse(weakFirst.stdout).verdict.passed, false);

  // Staging holds v1, so #staging resolves and the relative rule is checked against it.
  const staged = JSON.parse((await evaluate(good, 'registry:churn#staging')).stdout);
  assert.equal(staged.first_model, undefined);
  assert.ok(staged.champion.metrics.roc_auc < staged.candidate.metrics.roc_auc);

  const malformed = await evaluate(good, 'registry:Churn!#production');
  assert.equal(malformed.code, 2);
  assert.match(malformed.stderr, /not a model name/);
  const noStage = await evaluate(good, 'registry:churn');
  assert.equal(noStage.code, 2);
  const unknownStage = await evaluate(good, 'registry:churn#prod');
  assert.equal(unknownStage.code, 2);
  assert.match(unknownStage.stderr, /unknown stage "prod"/);
  const unreachable = await evaluate(good, 'registry:churn#production', 'json', { ...env, MLOPS_REGISTRY_REMOTE: join(dir, 'no-such.git') });
  assert.equal(unreachable.code, 2);
  assert.match(unreachable.stderr, /cannot read the registry/);
});
