import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { CHURN_COLUMNS, churnRows, toCsv } from '../../scripts/example-data.ts';
import { cli, tempDir, tempFile } from '../helpers.ts';

const train = resolve('templates/example/data/train.csv');
const shifted = resolve('templates/example/data/current.csv');
const unshifted = resolve('templates/example/data/holdout.csv');

test('demo: the shifted copy is flagged on the shifted columns, exit 1; the unshifted one is not, exit 0', async () => {
  const drift = await cli(['drift', '--reference', train, '--current', shifted]);
  assert.equal(drift.code, 1, drift.stderr);
  const r = JSON.parse(drift.stdout);
  assert.equal(r.dataset_drift, true);
  assert.match(drift.stderr, /^dataset drift: 5 of 10 columns drifted \(.*monthly_charges.*\), share 0\.500\n$/);
  for (const c of ['monthly_charges', 'support_calls', 'region']) assert.equal(r.columns[c].drifted, true, c);
  for (const c of ['age', 'tenure_months', 'plan', 'has_partner']) assert.equal(r.columns[c].drifted, false, c);

  const ok = await cli(['drift', '--reference', train, '--current', unshifted]);
  assert.equal(ok.code, 0, ok.stderr);
  const o = JSON.parse(ok.stdout);
  assert.equal(o.dataset_drift, false);
  assert.equal(o.share_drifted, 0);
});

test('--format json keeps the contract: dataset_drift, share_drifted, columns.<col>.{method, statistic, p_value, threshold, drifted}', async () => {
  const { code, stdout } = await cli(['drift', '--reference', train, '--current', unshifted, '--columns', 'age,plan,monthly_charges', '--format', 'json']);
  assert.equal(code, 0);
  const r = JSON.parse(stdout);
  assert.equal(typeof r.dataset_drift, 'boolean');
  assert.equal(typeof r.share_drifted, 'number');
  assert.deepEqual(Object.keys(r.columns), ['age', 'plan', 'monthly_charges']);
  for (const c of Object.values(r.columns) as Record<string, unknown>[]) {
    for (const key of ['method', 'statistic', 'threshold', 'drifted']) assert.ok(key in c, key);
    assert.equal('p_value' in c, c.method === 'ks' || c.method === 'chisquare');
  }
  // auto by the reference's size (4,000 rows), as Evidently: distances
  assert.equal(r.columns.age.method, 'wasserstein');
  assert.equal(r.columns.plan.method, 'js');
  // raw data on both sides: numeric columns compared exactly
  assert.equal(r.columns.age.exact, true);

  const ks = JSON.parse((await cli(['drift', '--reference', train, '--current', unshifted, '--columns', 'age,plan', '--method', 'ks'])).stdout);
  assert.deepEqual(Object.keys(ks.columns.age).slice(0, 5), ['method', 'statistic', 'p_value', 'threshold', 'drifted']);
  assert.equal(ks.columns.age.p_value_method, 'exact');
  assert.equal(ks.columns.age.log10_p_value, Math.log10(ks.columns.age.p_value));
  assert.equal(ks.columns.plan.method, 'js', 'ks does not fit a category: auto there');

  const js = JSON.parse((await cli(['drift', '--reference', train, '--current', unshifted, '--columns', 'age', '--method', 'wasserstein'])).stdout);
  assert.deepEqual(Object.keys(js.columns.age).slice(0, 4), ['method', 'statistic', 'threshold', 'drifted']);
  assert.equal(typeof js.columns.age.wasserstein_raw, 'number');
  assert.equal('p_value' in js.columns.age, false);
});

test('--config drift.yml sets per-column methods, thresholds and weights; --out and --report write files', async () => {
  const dir = tempDir();
  const config = join(dir, 'drift.yml');
  writeFileSync(
    config,
    [
      'schema_version: 1',
      'drift_share: 0.3',
      'columns:',
      '  monthly_charges: { method: psi, threshold: 0.2, weight: 3 }',
      '  customer_id: { skip: true }',
      '',
    ].join('\n'),
  );
  const out = join(dir, 'out/drift.json');
  const report = join(dir, 'out/drift.md');
  const { code, stdout } = await cli([
    'drift',
    '--reference',
    train,
    '--current',
    shifted,
    '--config',
    config,
    '--columns',
    'monthly_charges,age,plan,customer_id',
    '--out',
    out,
    '--report',
    report,
    '--format',
    'markdown',
  ]);
  assert.equal(code, 1);
  const r = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual([r.columns.monthly_charges.method, r.columns.monthly_charges.threshold, r.columns.monthly_charges.weight], ['psi', 0.2, 3]);
  assert.equal(r.share_drifted, 0.6);
  assert.equal(r.drift_share_threshold, 0.3);
  assert.equal(r.skipped.customer_id, 'skipped by the drift config');
  assert.equal(readFileSync(report, 'utf8'), stdout);
  assert.match(stdout, /^## Data drift: ⚠️ drift detected/);
  assert.match(
    stdout,
    /```mermaid\n%%\{init: .*\}%%\nxychart-beta\n {2}title "PSI vs threshold \(drift above the line\)"\n {2}x-axis \["monthly_charges"\]\n {2}y-axis "statistic" 0 --> /,
  );
  assert.match(stdout, /\| `monthly_charges` \| number +\| PSI +\| +1\.\d+ \|/);
});

test('errors exit 2 with one line naming the problem', async () => {
  const cases: [string[], RegExp][] = [
    [['--reference', train], /--current is required/],
    [['--reference', train, '--current', unshifted, '--method', 'tt'], /--method must be one of auto, ks, wasserstein, psi, js, chisquare/],
    [['--reference', train, '--current', unshifted, '--columns', 'nope'], /column "nope" not in the reference/],
    [['--reference', train, '--current', unshifted, '--drift-share', '2'], /--drift-share must be a number/],
    [['--reference', 'registry:churn#production', '--current', unshifted], /registry:churn#production/],
    [['--reference', train, '--current', '/nonexistent/x.csv'], /nonexistent/],
    [['--reference', train, '--current', unshifted, '--config', tempFile('bad.yml', 'schema_version: 1\nmethod: magic\n')], /bad\.yml: method: /],
  ];
  for (const [args, message] of cases) {
    const r = await cli(['drift', ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
  assert.match((await cli(['drift', '--help'])).stdout, /Exit codes: 0 no dataset drift, 1 dataset drift, 2 error/);
});

test('sharded current data: shard profiles merged give the same verdict as the whole data', async () => {
  const dir = tempDir();
  for (let s = 0; s < 3; s++)
    writeFileSync(join(dir, `shard-${s}.csv`), toCsv(CHURN_COLUMNS, churnRows({ rows: 2000, seed: 900 + s, shift: 0.6, idOffset: s * 2000 })));
  for (let s = 0; s < 3; s++) {
    // one matrix job each: `mlops profile` of its shard
    const p = await cli(['profile', '--data', join(dir, `shard-${s}.csv`), '--out', join(dir, `shard-${s}.json`)]);
    assert.equal(p.code, 0, p.stderr);
  }
  const whole = await cli(['drift', '--reference', train, '--current', 'shard-*.csv'], { cwd: dir });
  const sharded = await cli(['drift', '--reference', train, '--current', 'shard-*.json'], { cwd: dir });
  assert.equal(whole.code, sharded.code);
  const a = JSON.parse(whole.stdout);
  const b = JSON.parse(sharded.stdout);
  assert.equal(a.current_rows, 6000);
  assert.equal(b.current_rows, 6000);
  assert.deepEqual(b.drifted_columns, a.drifted_columns);
  assert.ok(a.drifted_columns.length > 0);
  for (const [name, col] of Object.entries(a.columns) as [string, { statistic: number; method: string }][]) {
    assert.equal(b.columns[name].method, col.method);
    assert.ok(
      Math.abs(b.columns[name].statistic - col.statistic) <= 0.01 * Math.max(1, col.statistic),
      `${name}: ${b.columns[name].statistic} vs ${col.statistic}`,
    );
  }
});

test('prediction logs (JSONL): the prediction column is reported as prediction drift, against a profile JSON', async () => {
  const dir = tempDir();
  const log = (n: number, offset: number, p: (i: number) => number) =>
    Array.from({ length: n }, (_, i) => JSON.stringify({ request_id: `r${offset + i}`, tenure: i % 50, prediction: p(i) })).join('\n') + '\n';
  writeFileSync(
    join(dir, 'train.jsonl'),
    log(3000, 0, (i) => ((i * 7919) % 1000) / 1000),
  );
  writeFileSync(
    join(dir, 'today.jsonl'),
    log(3000, 5000, (i) => 0.3 + (((i * 7919) % 1000) / 1000) * 0.7),
  );
  assert.equal((await cli(['profile', '--data', join(dir, 'train.jsonl'), '--out', join(dir, 'reference.json')])).code, 0);
  const r = await cli(['drift', '--reference', 'reference.json', '--current', 'today.jsonl'], { cwd: dir });
  const out = JSON.parse(r.stdout);
  assert.equal(out.prediction_drift.column, 'prediction');
  assert.equal(out.prediction_drift.drifted, true);
  assert.equal(out.prediction_drift.method, 'wasserstein');
  assert.equal(out.columns.tenure.drifted, false);
  assert.equal(out.skipped.request_id, 'string column: not tested for drift');
});
