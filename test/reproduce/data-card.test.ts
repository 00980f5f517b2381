import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProfile } from '../../src/profile/profile.ts';
import { formatNumber } from '../../src/report/markdown.ts';
import { cli } from '../helpers.ts';
import { env, exampleCsv, git, project } from './helpers.ts';

const show = (remote: string, path: string) => execFileSync('git', ['--git-dir', remote, 'show', `mlops-registry:${path}`]).toString();

/** The Markdown tables between `heading` and the next heading: rows of cells, header row dropped. */
function tablesAfter(markdown: string, heading: string): string[][][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  assert.ok(start >= 0, `no ${heading}`);
  const tables: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#')) break;
    if (!line.startsWith('|')) {
      current = null;
      continue;
    }
    if (!current) tables.push((current = []));
    current.push(
      line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
  }
  return tables.map((t) => t.slice(2));
}

test('each registered version gets DATA_CARD.md in the same registry commit, and its numbers are the stored profile’s', async () => {
  // Some support_calls cells left empty, so missing shares are not all zero.
  const csv = exampleCsv(500)
    .split('\n')
    .map((line, i) =>
      i > 0 && i % 7 === 0 && line
        ? line
            .split(',')
            .map((c, j) => (j === 8 ? '' : c))
            .join(',')
        : line,
    )
    .join('\n');
  const trainYml = 'schema_version: 1\ntarget: churned\ntask: classification\ntraining: {epochs: 2, seed: 3}\nfeatures: {exclude: [region]}\n';
  const { dir, remote } = project({ 'data/train.csv': csv, 'train.yml': trainYml, '.gitignore': 'model/\n' });
  const train = await cli(['train', '--data', 'data/train.csv', '--config', 'train.yml', '--out', 'model'], {
    cwd: dir,
    env: env({ MLOPS_TF_BACKEND: 'cpu' }),
  });
  assert.equal(train.code, 0, train.stderr);
  const gate =
    'schema_version: 1\nrules:\n  - accuracy >= 0.5\n  - roc_auc >= 0.99\nslices:\n  columns: [plan]\n  min_rows: 100\n  rules:\n    - accuracy >= 0.5\n';
  writeFileSync(join(dir, 'gate.yml'), gate);
  const evaluate = await cli(
    ['evaluate', '--model', 'model/model.onnx', '--data', 'data/train.csv', '--target', 'churned', '--gate', 'gate.yml', '--format', 'json'],
    { cwd: dir, env: env() },
  );
  assert.equal(evaluate.code, 1, 'roc_auc >= 0.99 fails: the card must say so, not only passes');
  writeFileSync(join(dir, 'evaluation.json'), evaluate.stdout);
  const evaluation = JSON.parse(evaluate.stdout);
  const reg = await cli(
    [
      'registry',
      'register',
      'churn',
      '--model',
      'model/model.onnx',
      '--lineage',
      'model/lineage.json',
      '--evaluation',
      'evaluation.json',
      '--remote',
      remote,
      '--description',
      'Churn risk for retention offers',
    ],
    { cwd: dir, env: env() },
  );
  assert.equal(reg.code, 0, reg.stderr);

  const commit = execFileSync('git', ['--git-dir', remote, 'rev-parse', 'mlops-registry']).toString().trim();
  const changed = execFileSync('git', ['--git-dir', remote, 'show', '--name-only', '--format=', commit]).toString();
  assert.match(changed, /^models\/churn\/versions\/1\/DATA_CARD\.md$/m, 'written in the registering commit');
  const card = show(remote, 'models/churn/versions/1/DATA_CARD.md');
  const profile = parseProfile(show(remote, 'models/churn/versions/1/profile.json'), 'profile.json');
  const meta = JSON.parse(show(remote, 'models/churn/versions/1/metadata.json'));
  assert.equal(meta.data_card, 'DATA_CARD.md');

  assert.match(card, /^# Data card: churn v1$/m);
  const sha = createHash('sha256').update(csv).digest('hex');
  const [facts, sources] = tablesAfter(card, '## Sources');
  assert.deepEqual(facts, [
    ['fingerprint', `\`sha256:${sha}\``],
    ['rows profiled', String(profile.rows)],
    ['rows trained on', String(profile.rows)],
    ['columns', String(profile.columns.length)],
  ]);
  assert.equal(profile.rows, 500);
  assert.deepEqual(sources[0], [
    '`data/train.csv`',
    String(profile.sources[0].rows),
    formatNumber(Buffer.byteLength(csv)),
    `\`${sha}\``,
    `git \`data/train.csv\` at \`${git(dir, 'rev-parse', 'HEAD').slice(0, 12)}\``,
  ]);

  const [columns] = tablesAfter(card, '## Columns');
  assert.equal(columns.length, profile.columns.length);
  for (const [i, c] of profile.columns.entries()) {
    const [name, type, missing, share, distinct, min, max, mean, std] = columns[i];
    assert.deepEqual(
      [name, type, missing, distinct],
      [c.name, c.type, c.nulls.toLocaleString('en-US'), `${c.distinct.exact ? '' : '≈ '}${c.distinct.value}`],
      c.name,
    );
    assert.equal(share, `${((100 * c.nulls) / c.count).toFixed(1)}%`, c.name);
    if (c.numeric)
      assert.deepEqual(
        [min, max, mean, std],
        [String(c.numeric.min), String(c.numeric.max), formatNumber(c.numeric.mean), formatNumber(c.numeric.std)],
        c.name,
      );
    else if (c.datetime) assert.deepEqual([min, max], [c.datetime.min, c.datetime.max], c.name);
    else if (c.type === 'string') assert.deepEqual([min, max], [`${c.string_length!.min} chars`, `${c.string_length!.max} chars`], c.name);
    else assert.deepEqual([min, max, mean, std], ['', '', '', ''], c.name);
  }
  const calls = profile.columns.find((c) => c.name === 'support_calls')!;
  assert.equal(calls.nulls, Math.floor(500 / 7), 'every 7th row blanked');

  const [top] = tablesAfter(card, '### Top categories');
  const plan = profile.columns.find((c) => c.name === 'plan')!;
  assert.deepEqual(
    top.filter((r) => r[0] === 'plan'),
    plan
      .top_categories!.values.slice(0, 5)
      .map((v) => ['plan', `\`${v.value}\``, String(v.count), `${((100 * v.count) / (plan.count - plan.nulls)).toFixed(1)}%`]),
  );

  assert.match(card, /## Validation at training time\n\n_Not recorded\._/);
  const gaps = card.slice(card.indexOf('## Known gaps'));
  assert.match(gaps, /- `churned` is the target, not a feature\./);
  assert.match(gaps, /- `region`: excluded in the train config \(features\.exclude\)\./);
  assert.match(gaps, /- `customer_id`: skipped by the trainer: text or identifier\./);
  assert.match(gaps, /- `signup_date`: skipped by the trainer: datetime\./);

  const modelCard = show(remote, 'models/churn/versions/1/MODEL_CARD.md');
  assert.match(modelCard, /\[the data card\]\(DATA_CARD\.md\)/);
  assert.match(modelCard, /## Intended use\n\nChurn risk for retention offers/);
  assert.match(
    modelCard,
    /## Evaluation\n\nGate \*\*fail\*\* on 500 rows of `data\/train\.csv`, as a first model \(absolute rules only\); primary metric accuracy\./,
  );
  assert.equal(evaluation.primary_metric, 'accuracy');
  const [rules] = tablesAfter(modelCard, '## Evaluation');
  const auc = evaluation.candidate.metrics.roc_auc;
  assert.deepEqual(
    rules.map((r) => [r[0], r[1], r[4]]),
    [
      ['`accuracy >= 0.5`', 'accuracy', 'pass'],
      ['`roc_auc >= 0.99`', 'roc_auc', 'fail'],
    ],
  );
  assert.equal(rules[1][2], formatNumber(auc));
  const groups = new Set(evaluation.slices.filter((s: { column: string }) => s.column === 'plan').map((s: { value: string }) => s.value)).size;
  assert.equal(groups, 3);
  const sliceRules = evaluation.verdict.results.filter((r: { section: string }) => r.section === 'slices');
  const applied = sliceRules.filter((r: { status: string }) => r.status !== 'skipped').length;
  const failed = sliceRules.filter((r: { status: string }) => r.status === 'fail').length;
  assert.ok(sliceRules.length === 3 && applied >= 1, JSON.stringify(sliceRules));
  assert.match(
    modelCard,
    new RegExp(`Judged on slices of \`plan\` \\(3 groups\\): ${applied} slice rule checks applied, ${failed} failed, ${sliceRules.length - applied} skipped`),
  );
  assert.equal(meta.evaluation.verdict, 'fail');

  // registry get brings the data card along, and check finds nothing wrong.
  const got = await cli(['registry', 'get', 'churn@v1', '--out', 'got', '--remote', remote], { cwd: dir, env: env() });
  assert.equal(got.code, 0, got.stderr);
  const check = await cli(['registry', 'check', '--remote', remote, '--format', 'json'], { cwd: dir, env: env() });
  assert.equal(JSON.parse(check.stdout).ok, true, check.stdout);
});
