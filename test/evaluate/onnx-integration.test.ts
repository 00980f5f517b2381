import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.ts';
import { goodOnnx, weakOnnx, writeOnnx } from './onnx-models.ts';

const HOLDOUT = new URL('../../templates/example/data/holdout.csv', import.meta.url).pathname;
const GATE = `schema_version: 1
rules: [accuracy >= 0.7, f1 >= champion - 0.01, roc_auc >= 0.75]
budgets: [p99_latency_ms <= 250, size_mb <= 1]
slices: {columns: [region], rules: [accuracy >= 0.65]}
require_significant_improvement: {metric: accuracy, resamples: 200, seed: 4}
`;

function workspace(): string {
  const dir = tempDir();
  writeOnnx(dir, 'good.onnx', goodOnnx);
  writeOnnx(dir, 'weak.onnx', weakOnnx);
  writeFileSync(join(dir, 'gate.yml'), GATE);
  return dir;
}

test('mlops evaluate with real ONNX models in onnxruntime-node: the better candidate passes', async () => {
  const dir = workspace();
  const r = await cli(
    [
      'evaluate',
      '--model',
      'good.onnx',
      '--baseline',
      'weak.onnx',
      '--data',
      HOLDOUT,
      '--target',
      'churned',
      '--gate',
      'gate.yml',
      '--format',
      'json',
      '--out',
      'eval.json',
    ],
    { cwd: dir },
  );
  assert.equal(r.code, 0, r.stderr);
  const ev = JSON.parse(readFileSync(join(dir, 'eval.json'), 'utf8'));
  // The formulas of the hand-written runners (accuracy 0.726, AUC 0.77702 in float64); in
  // float32 the rows that sit exactly on logit 0 may fall on either side: one row at most here.
  assert.ok(Math.abs(ev.candidate.metrics.accuracy - 0.726) < 0.0015, String(ev.candidate.metrics.accuracy));
  assert.equal(ev.champion.metrics.accuracy, 0.601);
  assert.ok(Math.abs(ev.candidate.metrics.roc_auc - 0.7770203695883855) < 1e-3, String(ev.candidate.metrics.roc_auc));
  assert.ok(ev.candidate.metrics.size_mb > 0 && ev.candidate.metrics.size_mb < 0.01);
  assert.ok(ev.candidate.metrics.p50_latency_ms > 0 && ev.candidate.metrics.p99_latency_ms >= ev.candidate.metrics.p50_latency_ms);
  assert.ok(ev.candidate.metrics.throughput_rows_per_s > 1000);
  assert.equal(ev.significance.significant, true);
});

test('mlops evaluate with real ONNX models: the worse candidate fails (exit 1) with the failing rules named', async () => {
  const dir = workspace();
  const r = await cli(
    ['evaluate', '--model', 'weak.onnx', '--baseline', 'good.onnx', '--data', HOLDOUT, '--target', 'churned', '--gate', 'gate.yml', '--out', 'report.md'],
    { cwd: dir },
  );
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /gate failed: accuracy >= 0\.7 \(0\.601 < 0\.7\); f1 >= champion - 0\.01 .*; roc_auc >= 0\.75 .*; accuracy >= 0\.65 @ region=north .*; significant improvement in accuracy/,
  );
  const md = readFileSync(join(dir, 'report.md'), 'utf8');
  assert.match(md, /^## ❌ Evaluation gate failed: 8 of 10 rules/);
});

test('multiclass (softmax) and regression ONNX models through onnxruntime-node', async () => {
  const { evaluateRunners } = await import('../../src/evaluate/evaluate.ts');
  const { loadModel } = await import('../../src/model/runtime.ts');
  const { readAll } = await import('../helpers.ts');
  const dir = tempDir();
  const plans = ['basic', 'standard', 'premium'];
  // Logits favour basic below 50, premium above 75 per month: w·(charges/10) + b.
  const multiclass = writeOnnx(dir, 'plan.onnx', {
    info: { task: 'classification', target: 'plan', classes: plans, features: [{ name: 'monthly_charges', type: 'number' }] },
    preprocessing: { numeric: [{ name: 'monthly_charges', type: 'number', mean: 0, std: 10 }], categorical: [] },
    layers: [{ inputs: 1, units: 3, weights: Float32Array.from([-2, 0, 2]), bias: Float32Array.from([10, 0, -15]), activation: 'softmax' }],
  });
  const regression = writeOnnx(dir, 'total.onnx', {
    info: {
      task: 'regression',
      target: 'total_charges',
      features: [
        { name: 'tenure_months', type: 'number' },
        { name: 'monthly_charges', type: 'number' },
      ],
    },
    preprocessing: {
      numeric: [
        { name: 'tenure_months', type: 'number', mean: 0, std: 1 },
        { name: 'monthly_charges', type: 'number', mean: 0, std: 1 },
      ],
      categorical: [],
    },
    layers: [{ inputs: 2, units: 1, weights: Float32Array.from([60, 20]), bias: Float32Array.from([-1500]), activation: 'linear' }],
  });
  let t = 0;
  const common = { files: [HOLDOUT], clock: () => t++, now: () => new Date(0) };
  const { columns, rows } = await readAll(HOLDOUT);
  const [charges, plan, tenure, total] = ['monthly_charges', 'plan', 'tenure_months', 'total_charges'].map((c) => columns.indexOf(c));

  const runner = await loadModel(multiclass);
  const mc = await evaluateRunners({ ...common, target: 'plan', candidate: { runner, name: 'plan.onnx' } });
  await runner.close();
  const predicted = (x: number) => {
    const logits = [-2 * (x / 10) + 10, 0, 2 * (x / 10) - 15];
    return plans[logits.indexOf(Math.max(...logits))];
  };
  const right = rows.filter((r) => predicted(Number(r[charges])) === r[plan]).length;
  assert.equal(mc.candidate.metrics.accuracy, right / rows.length);
  assert.deepEqual(mc.candidate.confusion!.labels, plans);
  assert.equal(mc.candidate.perClass!.length, 3);
  assert.ok(mc.candidate.metrics.roc_auc! > 0.5 && mc.candidate.metrics.roc_auc! <= 1, 'one-vs-rest AUC');
  assert.equal(mc.candidate.metrics.f1, mc.candidate.metrics.f1_macro, 'multiclass f1 is the macro average');

  const reg = await loadModel(regression);
  const rg = await evaluateRunners({ ...common, target: 'total_charges', candidate: { runner: reg, name: 'total.onnx' } });
  await reg.close();
  const used = rows.filter((r) => r[total] !== null);
  const mae = used.reduce((s, r) => s + Math.abs(Number(r[total]) - (60 * Number(r[tenure]) + 20 * Number(r[charges]) - 1500)), 0) / used.length;
  assert.ok(Math.abs(rg.candidate.metrics.mae! - mae) < 1e-3 * mae, `${rg.candidate.metrics.mae} vs ${mae}`);
  assert.equal(rg.rows, used.length);
});
