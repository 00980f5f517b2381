import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell } from '../../src/data/batch.ts';
import { DEMO_HOLDOUT, readCsv, writeDemoMlp } from '../../scripts/bench/_demo-mlp.ts';
import { cli, tempDir } from '../helpers.ts';
import { predict } from '../serve/http.ts';
import { startServerProcess } from '../serve/process.ts';

const NUMERIC = new Set(['age', 'tenure_months', 'monthly_charges', 'total_charges', 'support_calls']);

/** A holdout row as a client sends it: typed JSON, without the label (it arrives later). */
function request(columns: readonly string[], row: Cell[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  columns.forEach((c, j) => {
    if (c === 'churned') return;
    const v = row[j];
    out[c] = v === null ? null : NUMERIC.has(c) ? Number(v) : c === 'has_partner' ? v === 'true' : v;
  });
  return out;
}

const csv = (columns: readonly string[], rows: Cell[][]) => [columns.join(','), ...rows.map((r) => r.map((v) => v ?? '').join(','))].join('\n') + '\n';

test("late labels joined to the server's prediction logs give the metrics of evaluating the same rows directly", { timeout: 60_000 }, async () => {
  const dir = tempDir();
  const model = await writeDemoMlp(dir);
  const { columns, rows } = await readCsv(DEMO_HOLDOUT);
  const logDir = join(dir, 'predictions');
  const server = await startServerProcess([
    '--import',
    'tsx',
    'src/cli/main.ts',
    'serve',
    '--model',
    model,
    '--port',
    '0',
    '--model-version',
    '7',
    '--log-predictions',
    logDir,
  ]);
  try {
    for (let i = 0; i < rows.length; i += 100) {
      const reply = await predict(server.url, { instances: rows.slice(i, i + 100).map((r) => request(columns, r)) });
      assert.equal(reply.status, 200);
    }
  } finally {
    assert.equal(await server.stop(), 0);
  }

  // Labels arrive for 700 of the 1,000 customers, plus 40 the server never saw.
  const key = columns.indexOf('customer_id');
  const target = columns.indexOf('churned');
  const arrived = rows.slice(0, 700);
  const labels = join(dir, 'labels.csv');
  writeFileSync(labels, csv(['customer_id', 'churned'], [...arrived.map((r) => [r[key], r[target]]), ...Array.from({ length: 40 }, (_, i) => [`X${i}`, '1'])]));
  const direct = join(dir, 'arrived.csv');
  writeFileSync(direct, csv(columns, arrived));

  const viaLogs = await cli([
    'evaluate',
    '--model',
    model,
    '--data',
    `${logDir}/*.jsonl`,
    '--labels',
    labels,
    '--key',
    'customer_id',
    '--target',
    'churned',
    '--slices',
    'region',
    '--format',
    'json',
  ]);
  assert.equal(viaLogs.code, 0, viaLogs.stderr);
  assert.match(viaLogs.stderr, /labels joined on customer_id: 700 of 1000 logged rows matched, 300 without a label, 0 outside the window/);
  const joined = JSON.parse(viaLogs.stdout);
  const plain = await cli(['evaluate', '--model', model, '--data', direct, '--target', 'churned', '--slices', 'region', '--format', 'json']);
  const expected = JSON.parse(plain.stdout);
  assert.equal(joined.rows, 700);
  assert.deepEqual(joined.labels, {
    files: [labels],
    key: 'customer_id',
    target: 'churned',
    since: null,
    logged_rows: 1000,
    matched_rows: 700,
    unmatched_rows: 300,
    outside_window_rows: 0,
    labels: 740,
    labels_without_prediction: 40,
    served_versions: { '7': 700 },
  });
  for (const metric of ['accuracy', 'f1', 'roc_auc', 'pr_auc', 'log_loss', 'ece']) {
    assert.ok(
      Math.abs(joined.candidate.metrics[metric] - expected.candidate.metrics[metric]) < 1e-9,
      `${metric}: ${joined.candidate.metrics[metric]} vs ${expected.candidate.metrics[metric]}`,
    );
  }
  assert.deepEqual(joined.candidate.confusion, expected.candidate.confusion);
  assert.deepEqual(
    joined.slices.map((s: { value: string; rows: number }) => [s.value, s.rows]),
    expected.slices.map((s: { value: string; rows: number }) => [s.value, s.rows]),
  );

  // The same join judged by a gate the model cannot meet: exit 1 and the report says why.
  const gate = join(dir, 'gate.yml');
  writeFileSync(gate, `schema_version: 1\nrules: ["accuracy >= ${(expected.candidate.metrics.accuracy + 0.05).toFixed(3)}"]\n`);
  const failing = await cli([
    'evaluate',
    '--model',
    model,
    '--data',
    `${logDir}/*.jsonl`,
    '--labels',
    labels,
    '--key',
    'customer_id',
    '--target',
    'churned',
    '--gate',
    gate,
  ]);
  assert.equal(failing.code, 1);
  assert.match(failing.stdout, /## ❌ Evaluation gate failed: 1 of 1 rules/);
  assert.match(
    failing.stdout,
    /Late labels from `.*labels\.csv` joined on `customer_id`: 700 of 1,000 logged rows matched \(300 without a label yet\); served by `7` \(700\)\./,
  );

  // Too few labelled rows: no verdict, exit 0, every rule skipped.
  const early = await cli([
    'evaluate',
    '--model',
    model,
    '--data',
    `${logDir}/*.jsonl`,
    '--labels',
    labels,
    '--key',
    'customer_id',
    '--target',
    'churned',
    '--gate',
    gate,
    '--min-rows',
    '1000',
    '--format',
    'json',
  ]);
  assert.equal(early.code, 0, early.stderr);
  assert.match(early.stderr, /gate not applied: 700 rows evaluated, fewer than --min-rows 1000/);
  const skipped = JSON.parse(early.stdout);
  assert.equal(skipped.min_rows, 1000);
  assert.deepEqual(skipped.candidate.metrics, {});
  assert.deepEqual(
    skipped.verdict.results.map((r: { status: string }) => r.status),
    ['skipped'],
  );
});

test('evaluate --labels: usage errors exit 2 with what is missing; no matches is no verdict, and the report says the keys differ', async () => {
  const dir = tempDir();
  const model = await writeDemoMlp(dir);
  const noKey = await cli(['evaluate', '--model', model, '--data', DEMO_HOLDOUT, '--labels', DEMO_HOLDOUT, '--target', 'churned']);
  assert.equal(noKey.code, 2);
  assert.match(noKey.stderr, /--labels needs --key/);
  const since = await cli(['evaluate', '--model', model, '--data', DEMO_HOLDOUT, '--target', 'churned', '--since', '30d']);
  assert.equal(since.code, 2);
  assert.match(since.stderr, /--since goes with --labels FILE/);

  const labels = join(dir, 'labels.csv');
  writeFileSync(labels, 'customer_id,churned\n4001,1\n4002,0\n');
  const none = await cli(['evaluate', '--model', model, '--data', DEMO_HOLDOUT, '--labels', labels, '--key', 'customer_id', '--target', 'churned']);
  assert.equal(none.code, 0, none.stderr);
  assert.match(none.stdout, /## ⏭️ Evaluation gate not applied: too few rows/);
  assert.match(none.stdout, /2 of 2 labels match no logged row: check that `customer_id` holds the same ids in both/);
});
