import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, tempFile } from '../helpers.ts';
import { parseProjectConfig } from '../../src/project/config.ts';

test('mlops config checks mlops.yml, fills defaults and prints workflow outputs', async () => {
  const r = await cli(['config', '--config', 'templates/mlops.yml', '--format', 'env']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^model_name=churn$/m);
  assert.match(r.stdout, /^data_train=data\/train\.csv$/m);
  assert.match(r.stdout, /^registry_branch=mlops-registry$/m);
  assert.match(r.stdout, /^drift_share_threshold=0\.5$/m);

  const out = tempFile('github_output', '');
  const g = await cli(['config', '--config', 'templates/mlops.yml', '--github-output'], { env: { GITHUB_OUTPUT: out } });
  assert.equal(g.code, 0);
  assert.match(readFileSync(out, 'utf8'), /^model_target=churned$/m);
});

test('a wrong mlops.yml names the key', async () => {
  const cases: [string, RegExp][] = [
    ['version: 1\nmodel: { name: Churn, task: classification, target: y }\ndata: { train: a, holdout: b }\n', /model\.name: lowercase/],
    ['version: 1\nmodel: { name: c, task: clustering, target: y }\ndata: { train: a, holdout: b }\n', /model\.task: /],
    ['version: 1\nmodel: { name: c, task: regression, target: y }\ndata: { train: a, holdout: b }\ndrfit: {}\n', /unknown key "drfit"/],
  ];
  for (const [yaml, pattern] of cases) {
    assert.throws(() => parseProjectConfig(yaml, 'mlops.yml'), pattern);
    const r = await cli(['config', '--config', tempFile('mlops.yml', yaml)]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, pattern);
  }
});

test('mlops.yml performance: late labels joined to prediction logs become workflow outputs; since is checked; not with data.labelled', async () => {
  const base = 'version: 1\nmodel: { name: churn, task: classification, target: churned }\n';
  const yaml = `${base}data: { train: a.csv, holdout: b.csv }\nperformance:\n  logs: 'logs/*.jsonl'\n  labels: labels/*.csv\n  key: customer_id\n  since: 30d\n`;
  const r = await cli(['config', '--config', tempFile('mlops.yml', yaml), '--format', 'env']);
  assert.equal(r.code, 0, r.stderr);
  for (const line of ['performance_logs=logs/*.jsonl', 'performance_labels=labels/*.csv', 'performance_key=customer_id', 'performance_since=30d', 'performance_min_rows=100', 'performance_export_command=', 'data_labelled=']) {
    assert.ok(r.stdout.split('\n').includes(line), `${line} in\n${r.stdout}`);
  }
  const none = await cli(['config', '--config', 'templates/mlops.yml', '--format', 'env']);
  assert.match(none.stdout, /^performance_logs=$/m);

  const cases: [string, RegExp][] = [
    [yaml.replace('30d', 'last month'), /performance\.since: a span such as 30d/],
    [yaml.replace('  key: customer_id\n', ''), /performance\.key: /],
    [yaml.replace('holdout: b.csv', 'holdout: b.csv, labelled: c.csv'), /performance: set performance \(labels joined to prediction logs\) or data\.labelled/],
  ];
  for (const [text, pattern] of cases) assert.throws(() => parseProjectConfig(text, 'mlops.yml'), pattern);
});

test('mlops init scaffolds the template and refuses to overwrite without --force', async () => {
  const dir = tempDir();
  const first = await cli(['init', '--dir', dir]);
  assert.equal(first.code, 0, first.stderr);
  for (const f of ['.github/workflows/ml-pr.yml', '.github/workflows/ml-drift.yml', 'mlops.yml', 'rules.yml', 'gate.yml', 'train.yml', 'data/train.csv']) {
    assert.ok(existsSync(join(dir, f)), f);
  }
  writeFileSync(join(dir, 'mlops.yml'), '# mine\n');
  const second = await cli(['init', '--dir', dir]);
  assert.equal(second.code, 2);
  assert.match(second.stderr, /refusing to overwrite .*mlops\.yml.*--force/);
  assert.equal(readFileSync(join(dir, 'mlops.yml'), 'utf8'), '# mine\n');
  const forced = await cli(['init', '--dir', dir, '--force']);
  assert.equal(forced.code, 0);
  assert.match(readFileSync(join(dir, 'mlops.yml'), 'utf8'), /name: churn/);
  const bare = tempDir();
  assert.equal((await cli(['init', '--dir', bare, '--no-example'])).code, 0);
  assert.ok(!existsSync(join(bare, 'data/train.csv')));
});
