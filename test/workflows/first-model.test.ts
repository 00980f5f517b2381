import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { flattenConfig, parseProjectConfig } from '../../src/project/config.ts';
import { runAction } from '../helpers/action.ts';
import { cli, tempDir } from '../helpers.ts';
import { goodOnnx, weakOnnx, writeOnnx } from '../evaluate/onnx-models.ts';

type Yaml = Record<string, any>;

/**
 * The evaluate step of a reusable workflow, with its `${{ … }}` expressions filled from the
 * template mlops.yml as the config action would output them; project paths point into templates/.
 */
function evaluateStep(workflow: string): { inputs: Record<string, string>; env: Record<string, string> } {
  const config = flattenConfig(parseProjectConfig(readFileSync('templates/mlops.yml', 'utf8'), 'templates/mlops.yml'));
  const wf: Yaml = parse(readFileSync(workflow, 'utf8'));
  const steps = Object.values<Yaml>(wf.jobs).flatMap((j) => j.steps ?? []);
  const step = steps.find((s) => s.uses === './.mlops-actions/actions/evaluate');
  assert.ok(step, `${workflow} has an evaluate step`);
  const fill = (text: string) =>
    String(text).replace(/\$\{\{\s*(?:needs\.config|steps\.config)\.outputs\.(\w+)\s*\}\}/g, (_, key: string) => {
      assert.ok(key in config, `${workflow}: config output ${key}`);
      return config[key];
    });
  const inputs = Object.fromEntries(Object.entries<string>(step.with).map(([k, v]) => [k, fill(v)]));
  const env = Object.fromEntries(Object.entries<string>(step.env ?? {}).map(([k, v]) => [k, fill(v)]));
  for (const key of ['data', 'gate']) inputs[key] = join('templates', key === 'data' ? 'example' : '', inputs[key]);
  return { inputs, env };
}

for (const workflow of ['.github/workflows/ml-pr.yml', '.github/workflows/ml-retrain.yml']) {
  test(`${workflow}: the evaluate step passes on the first model (no registry branch yet), then compares with the champion`, { timeout: 120_000 }, async () => {
    const { inputs, env } = evaluateStep(workflow);
    assert.equal(inputs.baseline, 'registry:churn#production', 'the workflow always names the production champion');
    const dir = tempDir();
    const remote = join(dir, 'origin.git');
    execFileSync('git', ['init', '--bare', '--quiet', remote]);
    const registryEnv = { ...env, MLOPS_REGISTRY_REMOTE: remote, GITHUB_ACTOR: 'ci' };
    const run = (model: string) =>
      runAction(
        'evaluate',
        { ...inputs, model, 'report-path': join(dir, 'report.md'), 'json-path': join(dir, 'eval.json') },
        { env: { ...registryEnv, HOME: process.env.HOME ?? '' } },
      );

    const first = await run(writeOnnx(dir, 'good.onnx', goodOnnx));
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.equal(first.outputs.passed, 'true');
    assert.equal(JSON.parse(first.outputs.metrics).champion, null);
    const report = readFileSync(join(dir, 'report.md'), 'utf8');
    assert.match(report, /No production model yet: judged on absolute rules \(registry:churn#production: the registry branch does not exist yet\)/);
    assert.match(report, /`f1 >= champion - 0\.02` +\| ⏭️ skipped/);
    assert.equal(JSON.parse(readFileSync(join(dir, 'eval.json'), 'utf8')).first_model.baseline, 'registry:churn#production');

    // Once production holds a (weak) model, the same step compares with it.
    const reg = await cli(
      ['registry', 'register', 'churn', '--model', writeOnnx(dir, 'weak.onnx', weakOnnx), '--stage', 'production', '--branch', env.MLOPS_REGISTRY_BRANCH],
      { env: { ...process.env, ...registryEnv } },
    );
    assert.equal(reg.code, 0, reg.stderr);
    const second = await run(writeOnnx(dir, 'good2.onnx', goodOnnx));
    assert.equal(second.code, 0, second.stdout + second.stderr);
    const metrics = JSON.parse(second.outputs.metrics);
    assert.ok(metrics.champion.roc_auc < metrics.candidate.roc_auc);
    assert.equal(JSON.parse(readFileSync(join(dir, 'eval.json'), 'utf8')).first_model, undefined);
  });
}
