import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.ts';
import { goodOnnx, weakOnnx, writeOnnx } from './onnx-models.ts';

const HOLDOUT = 'templates/example/data/holdout.csv';

test('evaluate takes registry references for the candidate too: the production model on fresh labels (performance drift)', async () => {
  const dir = tempDir();
  const remote = join(dir, 'registry.git');
  execFileSync('git', ['init', '--bare', '--quiet', remote]);
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTOR: 'ci', MLOPS_REGISTRY_REMOTE: remote };
  const weak = writeOnnx(dir, 'weak.onnx', weakOnnx);
  const good = writeOnnx(dir, 'good.onnx', goodOnnx);
  assert.equal((await cli(['registry', 'register', 'churn', '--model', weak, '--stage', 'production'], { env })).code, 0);

  const gate = join(dir, 'gate.yml');
  (await import('node:fs')).writeFileSync(gate, 'schema_version: 1\nrules: ["roc_auc >= 0.75"]\n');
  const production = await cli(['evaluate', '--model', 'registry:churn#production', '--data', HOLDOUT, '--target', 'churned', '--gate', gate, '--format', 'json'], { env });
  assert.equal(production.code, 1, 'the weak production model fails an absolute rule on labelled data');
  assert.equal(JSON.parse(production.stdout).verdict.passed, false);

  const candidate = await cli(['evaluate', '--model', good, '--baseline', 'registry:churn@v1', '--data', HOLDOUT, '--target', 'churned', '--gate', gate, '--format', 'json'], { env });
  assert.equal(candidate.code, 0, candidate.stderr);
  const result = JSON.parse(candidate.stdout);
  assert.ok(result.candidate.metrics.roc_auc > result.champion.metrics.roc_auc);
});
