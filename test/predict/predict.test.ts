import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { parquetWriteFile } from 'hyparquet-writer';
import { GraphBuilder } from '../../src/model/onnx/graph.ts';
import { loadModel } from '../../src/model/runtime.ts';
import { openScoringModel } from '../../src/predict/model.ts';
import { planOutputs, shardFiles } from '../../src/predict/plan.ts';
import { predictFile } from '../../src/predict/predict.ts';
import { cli, readAll, tempDir } from '../helpers.ts';
import { writeChurnModel } from './churn-model.ts';

const current = 'templates/example/data/current.csv';
const dir = tempDir('mlops-predict-');
const modelFile = await writeChurnModel(dir);

/** The runner's own predictions for every row of a file, by row (one call, no batching). */
async function direct(file: string) {
  const { columns, rows } = await readAll(file);
  const runner = await loadModel(modelFile);
  const out = await runner.predict(columns, rows);
  await runner.close();
  return { columns, rows, out };
}

test('CSV in, CSV out: predictions and probabilities equal the runner called directly, with keys and model version', async () => {
  const out = join(dir, 'current.predictions.csv');
  const r = await cli(['predict', '--model', modelFile, '--data', current, '--out', out, '--keys', 'customer_id', '--batch-size', '333', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.equal(summary.rows, 1500);
  assert.equal(summary.predicted, 1500);
  assert.equal(summary.rejected, 0);
  assert.equal(summary.model.name, 'churn');
  assert.match(summary.model.version, /^sha256:[0-9a-f]{12}$/);
  // current.csv leaves total_charges empty for some new customers; the model imputes them, and says so.
  assert.equal(summary.imputed.total_charges, 26);
  assert.match(r.stderr, /1,500 rows in, 1,500 predicted, 0 rejected \([\d,]+ rows\/s\)/);

  const expected = await direct(current);
  const got = await readAll(out);
  assert.deepEqual(got.columns, ['customer_id', 'prediction', 'prob_0', 'prob_1', 'model', 'model_version']);
  assert.equal(got.rows.length, 1500);
  const id = expected.columns.indexOf('customer_id');
  got.rows.forEach((row, i) => {
    assert.equal(row[0], expected.rows[i][id]);
    assert.equal(row[1], expected.out.predictions[i]);
    assert.equal(Number(row[2]), expected.out.probabilities![i][0]);
    assert.equal(Number(row[3]), expected.out.probabilities![i][1]);
    assert.equal(row[4], 'churn');
    assert.equal(row[5], summary.model.version);
  });
  // Both classes occur, so a constant model could not pass.
  assert.ok(new Set(got.rows.map((row) => row[1])).size === 2);
  assert.equal(readFileSync(out + '.rejects.jsonl', 'utf8'), '');
});

test('Parquet in, Parquet out: typed keys survive, row groups are written as it goes, readable with hyparquet', async () => {
  const { columns, rows } = await readAll(current);
  const col = (name: string) => rows.map((r) => r[columns.indexOf(name)]);
  const num = (name: string) => col(name).map((v) => (v === null ? null : Number(v)));
  const input = join(dir, 'current.parquet');
  parquetWriteFile({
    filename: input,
    rowGroupSize: 400,
    columnData: [
      { name: 'id', data: rows.map((_, i) => i + 1), type: 'INT32' },
      ...['age', 'tenure_months', 'monthly_charges', 'total_charges', 'support_calls'].map((n) => ({ name: n, data: num(n), type: 'DOUBLE' as const })),
      { name: 'has_partner', data: col('has_partner').map((v) => v === 'true'), type: 'BOOLEAN' },
      ...['plan', 'contract', 'region'].map((n) => ({ name: n, data: col(n), type: 'STRING' as const })),
    ],
  });
  const out = join(dir, 'out', 'scores.parquet');
  const r = await cli(['predict', '--model', modelFile, '--data', input, '--out', out, '--batch-size', '256']);
  assert.equal(r.code, 0, r.stderr);
  const file = await asyncBufferFromFile(out);
  const metadata = await parquetMetadataAsync(file);
  assert.equal(Number(metadata.num_rows), 1500);
  const records = await parquetReadObjects({ file });
  const expected = await direct(current);
  // The default key is the column named id; its integer type is kept.
  assert.deepEqual(Object.keys(records[0]), ['id', 'prediction', 'prob_0', 'prob_1', 'model', 'model_version']);
  records.forEach((rec, i) => {
    assert.equal(rec.id, BigInt(i + 1));
    assert.equal(rec.prediction, expected.out.predictions[i]);
    assert.equal(rec.prob_1, expected.out.probabilities![i][1]);
    assert.equal(rec.model, 'churn');
  });
});

test('outputs are written while the input is still being read: Parquet one row group at a time, CSV as it goes', async () => {
  const big = join(dir, 'big.csv');
  const text = readFileSync(current, 'utf8').trimEnd().split('\n');
  const body = text.slice(1);
  const lines = [text[0]];
  // 1500 × 50 = 75,000 rows: more than one 65,536-row group.
  for (let k = 0; k < 50; k++) lines.push(...body);
  writeFileSync(big, lines.join('\n') + '\n');
  const model = await openScoringModel(modelFile, { cwd: process.cwd(), env: {} });
  try {
    for (const name of ['groups.parquet', 'groups.csv']) {
      const out = join(dir, name);
      // Output bytes on disk when 70,000 of 75,000 rows have been read (in the temporary file that becomes `out`).
      let sizeBeforeEnd = -1;
      const temporary = () =>
        join(
          dir,
          readdirSync(dir).find((f) => f.startsWith(`.${name}.`) && f.endsWith('.tmp'))!,
        );
      const result = await predictFile({
        model,
        data: big,
        out,
        rejects: out + '.rejects.jsonl',
        onProgress: (rows) => {
          if (rows >= 70000 && sizeBeforeEnd < 0) sizeBeforeEnd = statSync(temporary()).size;
        },
      });
      assert.equal(result.predicted, 75000);
      const final = statSync(out).size;
      assert.ok(sizeBeforeEnd > final / 2, `${name}: ${sizeBeforeEnd} of ${final} bytes written before the input ended`);
      if (name.endsWith('.parquet')) {
        const metadata = await parquetMetadataAsync(await asyncBufferFromFile(out));
        assert.deepEqual(
          metadata.row_groups.map((g) => Number(g.num_rows)),
          [65536, 75000 - 65536],
        );
      }
    }
  } finally {
    await model.runner.close();
  }
});

test('shards split a sorted file list round-robin; several files need a folder', () => {
  const files = ['a.csv', 'b.csv', 'c.csv', 'd.csv', 'e.csv'];
  assert.deepEqual(
    [0, 1].map((i) => shardFiles(files, i, 2)),
    [
      ['a.csv', 'c.csv', 'e.csv'],
      ['b.csv', 'd.csv'],
    ],
  );
  assert.deepEqual(shardFiles(files, 2, 6), ['c.csv']);
  assert.throws(() => shardFiles(files, 2, 2), /shard index must be 0\.\.1/);
  assert.deepEqual(planOutputs(['in/a.csv'], { out: 'o.parquet' }), [{ data: 'in/a.csv', out: 'o.parquet', rejects: 'o.parquet.rejects.jsonl' }]);
  assert.deepEqual(planOutputs(['x/a.csv', 'y/b.jsonl.gz'], { out: 'preds', rejects: 'bad' }), [
    { data: 'x/a.csv', out: join('preds', 'a.predictions.csv'), rejects: join('bad', 'a.predictions.csv.rejects.jsonl') },
    { data: 'y/b.jsonl.gz', out: join('preds', 'b.predictions.jsonl'), rejects: join('bad', 'b.predictions.jsonl.rejects.jsonl') },
  ]);
  assert.throws(() => planOutputs(['x/a.csv', 'y/a.csv'], { out: 'preds' }), /would both write preds\/a\.predictions\.csv/);
});

test('JSONL in, JSONL out; a row number column when the input has no key', async () => {
  const input = join(dir, 'rows.jsonl');
  writeFileSync(
    input,
    [
      {
        age: 30,
        tenure_months: 2,
        monthly_charges: 80.5,
        total_charges: 161,
        support_calls: 4,
        has_partner: false,
        plan: 'premium',
        contract: 'month-to-month',
        region: 'south',
      },
      {
        age: 61,
        tenure_months: 48,
        monthly_charges: 35,
        total_charges: 1680,
        support_calls: 0,
        has_partner: true,
        plan: 'basic',
        contract: 'two-year',
        region: 'north',
      },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n') + '\n',
  );
  const out = join(dir, 'rows.predictions.jsonl');
  const r = await cli(['predict', '--model', modelFile, '--data', input, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const lines = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const expected = await direct(input);
  assert.deepEqual(Object.keys(lines[0]), ['row', 'prediction', 'prob_0', 'prob_1', 'model', 'model_version']);
  assert.deepEqual(
    lines.map((l) => l.row),
    [1, 2],
  );
  assert.deepEqual(
    lines.map((l) => l.prediction),
    expected.out.predictions,
  );
  assert.deepEqual(
    lines.map((l) => l.prob_1),
    expected.out.probabilities!.map((p) => p[1]),
  );
  // The high-charge new customer churns, the long-tenure one does not.
  assert.deepEqual(expected.out.predictions, ['1', '0']);
});

test('bad rows go to the rejects file with row number and reason, the rest is scored, exit 1', async () => {
  const lines = readFileSync(current, 'utf8').trimEnd().split('\n').slice(0, 11);
  const header = lines[0].split(',');
  const set = (line: number, column: string, value: string) => {
    const cells = lines[line].split(',');
    cells[header.indexOf(column)] = value;
    lines[line] = cells.join(',');
  };
  set(2, 'age', 'forty');
  set(5, 'tenure_months', '3.5');
  set(6, 'has_partner', 'maybe');
  set(9, 'plan', 'gold');
  const input = join(dir, 'bad.csv');
  writeFileSync(input, lines.join('\n') + '\n');
  const out = join(dir, 'bad.predictions.csv');
  const r = await cli([
    'predict',
    '--model',
    modelFile,
    '--data',
    input,
    '--out',
    out,
    '--keys',
    'customer_id',
    '--reject-unknown-categories',
    '--format',
    'json',
  ]);
  assert.equal(r.code, 1, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.deepEqual([summary.rows, summary.predicted, summary.rejected], [10, 6, 4]);
  assert.deepEqual(summary.reject_reasons, {
    'age: not a number': 1,
    'tenure_months: not an integer': 1,
    'has_partner: not a boolean': 1,
    'plan: unknown category': 1,
  });
  const rejects = readFileSync(out + '.rejects.jsonl', 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    rejects.map((x) => [x.row, x.column, x.reason]),
    [
      [2, 'age', 'column "age": not a number (got "forty")'],
      [5, 'tenure_months', 'column "tenure_months": not an integer (got "3.5")'],
      [6, 'has_partner', 'column "has_partner": not a boolean (got "maybe")'],
      [9, 'plan', 'column "plan": unknown category (got "gold")'],
    ],
  );
  assert.equal(rejects[0].values.customer_id, 'C005002');
  assert.equal(rejects[0].file, input);
  const scored = (await readAll(out)).rows.map((row) => row[0]);
  assert.deepEqual(scored, ['C005001', 'C005003', 'C005004', 'C005007', 'C005008', 'C005010']);
  assert.match(r.stderr, /4 rejected/);
  // Without the flag an unseen category is scored (the model encodes it as all zeros).
  const lax = await cli(['predict', '--model', modelFile, '--data', input, '--out', out, '--format', 'json']);
  assert.equal(JSON.parse(lax.stdout).rejected, 3);
});

test('a plain ONNX model: missing values reject the row, and rows the runtime refuses are isolated by bisection', async () => {
  // y = table[i] + a: onnxruntime refuses an index outside 0..2, one row at a time.
  const g = new GraphBuilder();
  const i = g.input({ name: 'i', type: 'int64', shape: ['N', 1] });
  const a = g.input({ name: 'a', type: 'float', shape: ['N', 1] });
  const table = g.floats('table', [3], [10, 20, 30]);
  g.node('Add', [g.node('Gather', [table, i], { axis: 0 }), a], {}, { output: 'y' });
  g.output({ name: 'y', type: 'float', shape: ['N', 1] });
  const plain = join(dir, 'lookup.onnx');
  writeFileSync(plain, g.encode({ graphName: 'lookup', producer: 'other', producerVersion: '1', metadata: {} }));
  const rows = ['key,i,a', 'k1,0,1', 'k2,7,1', 'k3,2,', 'k4,1,0.5', 'k5,-9,0', 'k6,2,2', 'k7,1,1', 'k8,0,0'];
  const input = join(dir, 'lookup.csv');
  writeFileSync(input, rows.join('\n') + '\n');
  const out = join(dir, 'lookup.out.jsonl');
  const rejectsFile = join(dir, 'lookup-rejects.jsonl');
  const r = await cli(['predict', '--model', plain, '--data', input, '--out', out, '--rejects', rejectsFile, '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const rejects = readFileSync(rejectsFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    rejects.map((x) => x.row),
    [2, 3, 5],
  );
  assert.equal(rejects[1].reason, 'column "a": missing value');
  assert.match(rejects[0].reason, /^model refused the row: .*inference failed/);
  assert.deepEqual(rejects[0].values, { key: 'k2', i: '7', a: '1' });
  const scored = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    scored.map((s) => [s.key, s.prediction]),
    [
      ['k1', 11],
      ['k4', 20.5],
      ['k6', 32],
      ['k7', 21],
      ['k8', 10],
    ],
  );
  assert.equal(scored[0].model, 'lookup');
  assert.deepEqual(JSON.parse(r.stdout).reject_reasons, { 'model: refused': 2, 'a: missing value': 1 });
});

test('bad input is exit 2 with one line: missing feature column, missing key column, unreadable model', async () => {
  const input = join(dir, 'nofeature.csv');
  writeFileSync(input, 'customer_id,age\nC1,30\n');
  const out = join(dir, 'nofeature.out.csv');
  let r = await cli(['predict', '--model', modelFile, '--data', input, '--out', out]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nofeature\.csv: missing required features "tenure_months", .*"region" \(model churn needs age, /);
  assert.equal(existsSync(out), false, 'no half-written output is left behind');
  r = await cli(['predict', '--model', modelFile, '--data', current, '--out', out, '--keys', 'account']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /current\.csv: key column "account" not found/);
  r = await cli(['predict', '--model', join(dir, 'nope.onnx'), '--data', current, '--out', out]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nope\.onnx: cannot read model/);
  r = await cli(['predict', '--model', modelFile, '--data', current]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--out is required/);
  r = await cli(['predict', '--model', modelFile, '--data', current, '--out', out, '--batch-size', '0']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

test('several input files: one output each in a folder, in the chosen format', async () => {
  const outDir = join(dir, 'many');
  const r = await cli([
    'predict',
    '--model',
    modelFile,
    '--data',
    'templates/example/data/[ch]*.csv',
    '--out',
    outDir,
    '--out-format',
    'jsonl',
    '--format',
    'json',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.deepEqual(
    summary.files.map((f: { out: string; rows: number }) => [f.out, f.rows]),
    [
      [join(outDir, 'current.predictions.jsonl'), 1500],
      [join(outDir, 'holdout.predictions.jsonl'), 1000],
    ],
  );
  assert.equal(summary.rows, 2500);
  assert.equal(readFileSync(join(outDir, 'holdout.predictions.jsonl'), 'utf8').trim().split('\n').length, 1000);
  const one = await cli(['predict', '--model', modelFile, '--data', 'templates/example/data/[ch]*.csv', '--out', join(dir, 'x.csv')]);
  assert.equal(one.code, 2);
  assert.match(one.stderr, /2 data files but --out .*x\.csv is one file/);
});

test('--help teaches usage, output columns and exit codes', async () => {
  const r = await cli(['predict', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Usage:\n  mlops predict --model MODEL --data IN --out OUT/);
  assert.match(r.stdout, /1 some rows were rejected/);
  assert.match(r.stdout, /prob_<class>/);
});
