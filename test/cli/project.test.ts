import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  for (const line of [
    'performance_logs=logs/*.jsonl',
    'performance_labels=labels/*.csv',
    'performance_key=customer_id',
    'performance_since=30d',
    'performance_min_rows=100',
    'performance_export_command=',
    'data_labelled=',
  ]) {
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

test("mlops init --force keeps data/ as it is (the example data is the user's once written)", async () => {
  const dir = tempDir();
  assert.equal((await cli(['init', '--dir', dir])).code, 0);
  writeFileSync(join(dir, 'data/train.csv'), 'mine\n');
  const forced = await cli(['init', '--dir', dir, '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, /kept data\/train\.csv \(data\/ is never replaced\)/);
  assert.equal(readFileSync(join(dir, 'data/train.csv'), 'utf8'), 'mine\n');
  assert.match(forced.stdout, /Next: this is the churn example; it runs as is\. For your own data: mlops init --data FILE --target COLUMN --force/);
});

test('mlops init --data fits the configs to the data: task, features with reasons, gate, slices, split; --force never touches data/', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'data'));
  const source = readFileSync('test/fixtures/adoption/orders/train.csv', 'utf8');
  writeFileSync(join(dir, 'data/orders.csv'), source);
  const r = await cli(['init', '--data', 'data/orders.csv', '--target', 'returned'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /wrote data\/orders-train\.csv \(960 rows\) and data\/orders-holdout\.csv \(240 rows\): a seeded 80\/20 split of data\/orders\.csv/);
  assert.equal(readFileSync(join(dir, 'data/orders.csv'), 'utf8'), source, 'the input is never changed');
  const train = readFileSync(join(dir, 'train.yml'), 'utf8');
  assert.match(train, /^task: classification$/m);
  assert.match(
    train,
    /include:\n    - amount  # number\n    - quantity  # integer\n    - country  # category\n    - channel  # category\n    - rating  # number\n/,
  );
  assert.match(train, /- order_id  # identifier: a key, every value distinct/);
  assert.match(train, /- ordered_at  # a date: derive numeric features/);
  // notes reads as free text (≥ 3 tokens per row): a text feature, TF-IDF inside the model.
  assert.match(train, /- notes  # free text: tokenised and TF-IDF encoded inside the model/);
  const gate = readFileSync(join(dir, 'gate.yml'), 'utf8');
  // 190 of the 960 training rows have returned = 1: always answering 0 scores 0.802.
  const ones = readFileSync(join(dir, 'data/orders-train.csv'), 'utf8')
    .trimEnd()
    .split('\n')
    .slice(1)
    .filter((l) => l.endsWith(',1')).length;
  const majority = 1 - ones / 960;
  assert.match(gate, new RegExp(`- accuracy >= ${Math.floor(majority * 100) / 100} +# always answering "0" scores ${majority.toFixed(3)}`));
  assert.match(gate, /columns: \[channel, country, quantity\]/);
  const mlops = readFileSync(join(dir, 'mlops.yml'), 'utf8');
  assert.match(
    mlops,
    /name: orders\n  task: classification\n  target: returned\ndata:\n  train: data\/orders-train\.csv\n  holdout: data\/orders-holdout\.csv/,
  );
  assert.match(readFileSync(join(dir, 'drift.yml'), 'utf8'), /order_id: \{ skip: true \}/);
  assert.match(
    readFileSync(join(dir, 'rules.yml'), 'utf8'),
    /returned:\n    type: integer\n    nullable: false\n    min: 0\n    max: 2\n    expected_range:\n      min: 0\n      max: 2\n    allowed:\n      - "0"\n      - "1"/,
  );
  assert.equal((await cli(['config'], { cwd: dir })).code, 0, 'mlops.yml is valid');

  const again = await cli(['init', '--data', 'data/orders.csv', '--target', 'returned'], { cwd: dir });
  assert.equal(again.code, 2);
  assert.match(again.stderr, /refusing to overwrite .*mlops\.yml.*data\/orders-train\.csv/);
  writeFileSync(join(dir, 'data/orders-holdout.csv'), readFileSync(join(dir, 'data/orders-holdout.csv'), 'utf8') + '# a hand edit\n');
  const before = readFileSync(join(dir, 'data/orders-holdout.csv'), 'utf8');
  const forced = await cli(['init', '--data', 'data/orders.csv', '--target', 'returned', '--task', 'classification', '--name', 'returns', '--force'], {
    cwd: dir,
  });
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(readFileSync(join(dir, 'mlops.yml'), 'utf8'), /name: returns/);
  assert.equal(readFileSync(join(dir, 'data/orders-holdout.csv'), 'utf8'), before, '--force never touches data/');
  assert.ok(existsSync(join(dir, 'data/returns-train.csv')), 'a new name splits to new files');

  const errors: [string[], RegExp][] = [
    [['init', '--data', 'data/orders.csv'], /--data needs --target COLUMN/],
    [['init', '--data', 'data/orders.csv', '--target', 'nope'], /--target "nope" is not a column of data\/orders\.csv/],
    [['init', '--data', 'data/orders.csv', '--target', 'country', '--task', 'regression'], /--target "country" is not numeric/],
    [['init', '--data', 'data/missing.csv', '--target', 'x'], /--data data\/missing\.csv: no such file/],
    [['init', '--target', 'x'], /--target goes with --data FILE/],
    [
      ['init', '--data', 'data/orders.csv', '--target', 'returned', '--dir', 'sub'],
      /--data data\/orders\.csv is outside .*sub: the workflows read data from the repository/,
    ],
  ];
  for (const [args, pattern] of errors) {
    const e = await cli(args, { cwd: dir });
    assert.equal(e.code, 2, args.join(' '));
    assert.match(e.stderr, pattern);
  }
});

test('mlops init --data --holdout points mlops.yml at both files and splits nothing; --task auto picks regression', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'data'));
  for (const f of ['train.csv', 'holdout.csv']) writeFileSync(join(dir, 'data', f), readFileSync(join('test/fixtures/adoption/diabetes', f)));
  const r = await cli(['init', '--data', 'data/train.csv', '--holdout', 'data/holdout.csv', '--target', 'progression', '--name', 'diabetes'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /model diabetes: regression on "progression", 10 features; slices: sex/);
  assert.match(readFileSync(join(dir, 'mlops.yml'), 'utf8'), /train: data\/train\.csv\n  holdout: data\/holdout\.csv/);
  assert.match(readFileSync(join(dir, 'gate.yml'), 'utf8'), /- r2 >= 0 .*\n  - rmse <= champion \* 1\.05/);
  assert.deepEqual(readdirSync(join(dir, 'data')).sort(), ['holdout.csv', 'train.csv']);
});
