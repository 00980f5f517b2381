import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeProfiles, profileFiles } from '../../src/profile/profile.ts';
import { cli, tempDir } from '../helpers.ts';

/** The example's training data with one `forty` in the numeric age column (row 17). */
function withBadAge(dir: string): string {
  const lines = readFileSync('templates/example/data/train.csv', 'utf8').split('\n');
  const age = lines[0].split(',').indexOf('age');
  const cells = lines[17].split(',');
  cells[age] = 'forty';
  lines[17] = cells.join(',');
  const file = join(dir, 'train.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

test('profile: a column numeric in ≥ 99% of cells reports its bad cells (file, row, value); shards merge to the same', async () => {
  const dir = tempDir();
  const file = withBadAge(dir);
  const profile = await profileFiles([file]);
  const age = profile.columns.find((c) => c.name === 'age')!;
  const rows = profile.rows;
  assert.deepEqual(age.type_drift, { numeric_share: (rows - 1) / rows, non_numeric: 1, examples: [{ file, row: 17, value: 'forty' }] });
  assert.equal(profile.columns.find((c) => c.name === 'region')!.type_drift, undefined, 'a text column is not type drift');
  assert.equal(profile.columns.find((c) => c.name === 'tenure_months')!.type_drift, undefined, 'an all-numeric column is not either');
  // The same from two shards: one all-numeric, one holding the bad cell.
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const a = join(dir, 'a.csv');
  const b = join(dir, 'b.csv');
  writeFileSync(a, [lines[0], ...lines.slice(1, 11)].join('\n') + '\n');
  writeFileSync(b, [lines[0], ...lines.slice(11)].join('\n') + '\n');
  const merged = mergeProfiles([await profileFiles([a]), await profileFiles([b])]);
  assert.deepEqual(merged.columns.find((c) => c.name === 'age')!.type_drift, {
    numeric_share: (rows - 1) / rows,
    non_numeric: 1,
    examples: [{ file: b, row: 7, value: 'forty' }],
  });

  const cmd = await cli(['profile', '--data', file, '--out', join(dir, 'p.json')]);
  assert.equal(cmd.code, 0);
  assert.match(
    cmd.stderr,
    new RegExp(`warning: column "age" is numeric in 99\\.\\d% of ${rows} cells, not in 1: ${file.replace(/[.]/g, '\\.')} row 17: "forty"`),
  );
});

test('1 bad cell in 50 (98% numeric) is text, not type drift', async () => {
  const dir = tempDir();
  const file = join(dir, 'd.csv');
  writeFileSync(file, 'x\n' + Array.from({ length: 49 }, (_, i) => String(i)).join('\n') + '\nforty\n');
  const [x] = (await profileFiles([file])).columns;
  assert.equal(x.type_drift, undefined);
});

test('train exits 2 naming the bad cell; excluding the column or declaring it categorical trains', { timeout: 120_000 }, async () => {
  const dir = tempDir();
  withBadAge(dir);
  const base = 'schema_version: 1\ntarget: churned\ntraining: {epochs: 2, batch_size: 256, seed: 7}\n';
  const train = (features: string) => {
    writeFileSync(join(dir, 'train.yml'), base + `features: {exclude: [customer_id, signup_date${features}]}\n`);
    return cli(['train', '--data', 'train.csv', '--task', 'classification', '--config', 'train.yml', '--out', 'out'], {
      cwd: dir,
      env: { MLOPS_TF_BACKEND: 'cpu' },
    });
  };
  const failed = await train('');
  assert.equal(failed.code, 2, failed.stderr);
  assert.match(
    failed.stderr,
    /column "age" is numeric in 99\.\d% of \d+ cells, not in 1: \S*train\.csv row 17: "forty"\. Fix those cells, list "age" under features\.exclude, or declare it in features\.categorical/,
  );
  assert.doesNotMatch(failed.stderr, /\n\s+at /, 'no stack trace');
  const excluded = await train(', age');
  assert.equal(excluded.code, 0, excluded.stderr);
  assert.match(excluded.stderr, /features: (?!.*\bage:).*/);
  writeFileSync(join(dir, 'train.yml'), base + 'features: {exclude: [customer_id, signup_date], categorical: [age]}\n');
  const categorical = await cli(['train', '--data', 'train.csv', '--task', 'classification', '--config', 'train.yml', '--out', 'out2'], {
    cwd: dir,
    env: { MLOPS_TF_BACKEND: 'cpu' },
  });
  assert.equal(categorical.code, 0, categorical.stderr);
  assert.match(categorical.stderr, /age:category/);

  // validate --infer rules the column as a number, so validation names the same cell.
  const rules = await cli(['validate', '--infer', '--data', 'train.csv', '--out', 'rules.yml'], { cwd: dir });
  assert.equal(rules.code, 0, rules.stderr);
  assert.match(rules.stderr, /warning: column "age" is numeric/);
  assert.match(
    readFileSync(join(dir, 'rules.yml'), 'utf8'),
    /age:\n    type: number\n    nullable: false\n  [a-z]/,
    'a number with its null rule, no category list',
  );
  const v = await cli(['validate', '--data', 'train.csv', '--rules', 'rules.yml', '--format', 'json'], { cwd: dir });
  assert.equal(v.code, 1);
  const report = JSON.parse(v.stdout);
  assert.deepEqual(
    report.violations.map((x: { rule: string; column: string; examples: number[]; example_values: string[] }) => [
      x.rule,
      x.column,
      x.examples,
      x.example_values,
    ]),
    [['type', 'age', [17], ['forty']]],
  );
});
