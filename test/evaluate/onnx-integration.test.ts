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
  const r = await cli(['evaluate', '--model', 'good.onnx', '--baseline', 'weak.onnx', '--data', HOLDOUT, '--target', 'churned', '--gate', 'gate.yml', '--format', 'json', '--out', 'eval.json'], { cwd: dir });
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
  const r = await cli(['evaluate', '--model', 'weak.onnx', '--baseline', 'good.onnx', '--data', HOLDOUT, '--target', 'churned', '--gate', 'gate.yml', '--out', 'report.md'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /gate failed: accuracy >= 0\.7 \(0\.601 < 0\.7\); f1 >= champion - 0\.01 .*; roc_auc >= 0\.75 .*; accuracy >= 0\.65 @ region=north .*; significant improvement in accuracy/);
  const md = readFileSync(join(dir, 'report.md'), 'utf8');
  assert.match(md, /^## ❌ Evaluation gate failed: 8 of 10 rules/);
});
