// templates/examples/pytorch/train.py through the command trainer, the registry, batch scoring
// and the gate, with Debian's PyTorch (python3-torch, python3-onnx: .ci/run installs them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.ts';

const PYTHON = '/usr/bin/python3';
const probe = spawnSync(PYTHON, ['-c', 'import torch, onnx'], { encoding: 'utf8' });
const skip =
  probe.status === 0
    ? false
    : `needs PyTorch and onnx for ${PYTHON} (apt-get install python3-torch python3-onnx): ${(probe.stderr || probe.error?.message || '').trim().split('\n').at(-1)}`;
const GIT_ENV = {
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
  PATH: process.env.PATH,
  HOME: process.env.HOME,
};
const data = 'test/fixtures/adoption/breast-cancer';

test('the PyTorch example trains, registers without a feature list, scores by column name and passes a gate', { skip, timeout: 180_000 }, async () => {
  const dir = tempDir();
  const out = join(dir, 'model');
  const command = `${PYTHON} templates/examples/pytorch/train.py --data ${data}/train.csv --target malignant --out ${out} --epochs 150 --seed 7`;
  const trained = await cli([
    'train',
    '--command',
    command,
    '--outputs',
    `${out}/model.onnx,${out}/metrics.json`,
    '--data',
    `${data}/train.csv`,
    '--out',
    out,
    '--seed',
    '7',
    // The run record goes beside the model, not into this checkout's .mlops/runs.
    '--runs-dir',
    join(dir, 'runs'),
  ]);
  assert.equal(trained.code, 0, trained.stderr);
  assert.equal(readdirSync(join(dir, 'runs'), { recursive: true }).filter((f) => String(f).endsWith('.json')).length, 1, 'one run recorded');
  const lineage = JSON.parse(readFileSync(join(out, 'lineage.json'), 'utf8'));
  assert.ok(lineage.metrics.accuracy > 0.9, `validation accuracy ${lineage.metrics.accuracy}`);

  const remote = join(tempDir(), 'remote.git');
  execFileSync('git', ['init', '--bare', '--quiet', remote]);
  const env = { ...GIT_ENV, MLOPS_REGISTRY_REMOTE: remote };
  const reg = await cli(
    ['registry', 'register', 'cancer', '--model', `${out}/model.onnx`, '--lineage', `${out}/lineage.json`, '--stage', 'production', '--remote', remote],
    { env },
  );
  assert.equal(reg.code, 0, reg.stderr);
  const shown = JSON.parse((await cli(['registry', 'show', 'cancer@v1', '--format', 'json', '--remote', remote], { env })).stdout);
  assert.equal(shown.metadata.model.features.length, 30, 'the order in the model metadata is stored with the version');

  const scored = join(dir, 'scored.csv');
  const predicted = await cli(['predict', '--model', 'registry:cancer#production', '--data', `${data}/holdout.csv`, '--out', scored], { env });
  assert.equal(predicted.code, 0, predicted.stderr);
  const [head, ...rows] = readFileSync(scored, 'utf8').trim().split('\n');
  assert.deepEqual(head.split(',').slice(1, 4), ['prediction', 'prob_0', 'prob_1'], 'classes from the model metadata');
  assert.equal(rows.length, 114);

  const gate = join(dir, 'gate.yml');
  writeFileSync(gate, 'schema_version: 1\nrules:\n  - accuracy >= 0.9\n  - roc_auc >= 0.95\n');
  const evaluated = await cli(
    ['evaluate', '--model', 'registry:cancer#production', '--data', `${data}/holdout.csv`, '--target', 'malignant', '--gate', gate, '--format', 'json'],
    { env },
  );
  assert.equal(evaluated.code, 0, evaluated.stderr + evaluated.stdout);
  assert.ok(JSON.parse(evaluated.stdout).candidate.metrics.accuracy > 0.9);
});
