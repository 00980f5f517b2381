import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runAction } from '../helpers/action.ts';
import { readAll, tempDir } from '../helpers.ts';
import { writeChurnModel } from './churn-model.ts';

const dir = tempDir('mlops-predict-action-');
const modelFile = await writeChurnModel(dir);

/** The predict action in `workspace`, the checkout of a runner's job. */
function runPredict(inputs: Record<string, string>, workspace: string) {
  return runAction('predict', inputs, { cwd: workspace, env: { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: workspace } });
}

test('action: scores one shard of a file list into a folder, outputs counts and paths, writes the job summary', async () => {
  const workspace = tempDir('mlops-ws-');
  for (const n of ['current', 'holdout', 'train']) copyFileSync(`templates/example/data/${n}.csv`, join(workspace, `${n}.csv`));
  const data = '*.csv';
  // A glob expands sorted: current, holdout, train → shard 0 of 2 is current and train.
  const r = await runPredict(
    { model: modelFile, data, out: 'preds', keys: 'customer_id', 'out-format': 'parquet', 'shard-index': '0', 'shard-count': '2' },
    workspace,
  );
  assert.equal(r.code, 0, r.stdout);
  assert.deepEqual([r.outputs.rows, r.outputs.predicted, r.outputs.rejected], ['5500', '5500', '0']);
  // Relative to the workspace, as upload-artifact and later steps read them.
  assert.deepEqual(r.outputs['out-path'].split('\n'), [join('preds', 'current.predictions.parquet'), join('preds', 'train.predictions.parquet')]);
  assert.deepEqual(
    r.outputs['rejects-path'].split('\n'),
    r.outputs['out-path'].split('\n').map((p) => p + '.rejects.jsonl'),
  );
  const written = await readAll(join(workspace, r.outputs['out-path'].split('\n')[1]));
  assert.equal(written.rows.length, 4000);
  assert.equal(written.rows[0][0], 'C000001');
  assert.match(r.summary, /### Batch scoring: `churn` `sha256:[0-9a-f]{12}`/);
  assert.match(r.summary, /all 5,500 rows scored/);
  assert.equal(JSON.parse(readFileSync(r.outputs.summary, 'utf8')).files.length, 2);
});

test('action: rejected rows are a warning by default and a failure with fail-on-rejects', async () => {
  const workspace = tempDir('mlops-ws-');
  const input = join(workspace, 'bad.csv');
  writeFileSync(
    input,
    'id,age,tenure_months,monthly_charges,total_charges,plan,contract,region,support_calls,has_partner\n1,40,12,50,600,basic,one-year,north,1,true\n2,old,12,50,600,basic,one-year,north,1,true\n',
  );
  let r = await runPredict({ model: modelFile, data: 'bad.csv', out: 'out.jsonl' }, workspace);
  assert.equal(r.code, 0, r.stdout);
  assert.deepEqual([r.outputs.rows, r.outputs.predicted, r.outputs.rejected], ['2', '1', '1']);
  assert.match(r.stdout, /::warning::1 of 2 rows rejected \(reasons in .*out\.jsonl\.rejects\.jsonl\)/);
  const rejects = JSON.parse(readFileSync(join(workspace, r.outputs['rejects-path']), 'utf8'));
  assert.deepEqual([rejects.row, rejects.reason], [2, 'column "age": not a number (got "old")']);
  assert.match(r.summary, /1 of 2 rows rejected/);
  assert.match(r.summary, /age: not a number/);
  r = await runPredict({ model: modelFile, data: 'bad.csv', out: 'out.jsonl', 'fail-on-rejects': 'true' }, workspace);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /::error::1 of 2 rows rejected/);
});

test('action: a bad input fails the step with one line', async () => {
  const workspace = tempDir('mlops-ws-');
  const r = await runPredict({ model: modelFile, data: 'nothing-*.csv' }, workspace);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /::error::no data files match "nothing-\*\.csv"/);
});
