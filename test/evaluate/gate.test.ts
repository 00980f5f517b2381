import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGate, parseRule } from '../../src/evaluate/gate.ts';
import { decide } from '../../src/evaluate/verdict.ts';
import type { SignificanceResult, SliceEvaluation } from '../../src/evaluate/types.ts';
import { ConfigError, MlopsError } from '../../src/util/errors.ts';

const gate = (yaml: string) => parseGate(yaml, 'gate.yml');

test('rules parse into absolute and champion-relative thresholds', () => {
  assert.deepEqual(parseRule('accuracy >= 0.85').threshold, { kind: 'absolute', value: 0.85 });
  assert.deepEqual(parseRule('f1 >= champion - 0.01').threshold, { kind: 'champion', factor: 1, offset: -0.01 });
  assert.deepEqual(parseRule('rmse <= champion * 1.05').threshold, { kind: 'champion', factor: 1.05, offset: 0 });
  assert.deepEqual(parseRule('roc_auc > champion').threshold, { kind: 'champion', factor: 1, offset: 0 });
});

test('gate errors name the file and the bad rule', () => {
  const cases: [string, RegExp][] = [
    ['schema_version: 1\nrules: ["accuracy >= 0.8", "acc >= 1"]', /^gate\.yml: rules\[1\]: rule "acc >= 1": unknown metric "acc"/],
    ['schema_version: 1\nrules: ["accuracy => 0.8"]', /rules\[0\]: rule "accuracy => 0.8": expected METRIC OP VALUE/],
    ['schema_version: 1\nrules: ["f1 >= champ - 1"]', /cannot read "champ - 1"/],
    ['schema_version: 1\nrules: ["p99_latency_ms <= 5"]', /p99_latency_ms is operational: put it under budgets/],
    ['schema_version: 1\nbudgets: ["accuracy >= 0.5"]', /budgets\[0\].*accuracy is not operational/],
    ['rules: []', /schema_version must be 1/],
    ['schema_version: 1\nthresholds: {}', /gate\.yml: \(top level\): unknown key "thresholds"/],
    ['schema_version: 1\nrequire_significant_improvement: {metric: size_mb}', /require_significant_improvement\.metric: must be a quality metric/],
    ['schema_version: 1\nrules: [accuracy >= 0.8\n', /^gate\.yml:\d+:\d+: invalid YAML/],
  ];
  for (const [yaml, message] of cases) {
    assert.throws(
      () => gate(yaml),
      (err: unknown) => err instanceof MlopsError && err.exitCode === 2 && message.test(err.message),
      yaml,
    );
  }
});

const full = gate(`schema_version: 1
rules:
  - accuracy >= 0.8
  - f1 >= champion - 0.01
budgets:
  - p99_latency_ms <= 5
  - size_mb <= 50
slices:
  columns: [region]
  min_rows: 30
  rules: [accuracy >= 0.7, accuracy >= champion - 0.05]
require_significant_improvement: {metric: accuracy, resamples: 200, seed: 3}
`);

const slice = (value: string, rows: number, acc: number, champ: number | null): SliceEvaluation => ({
  column: 'region',
  value,
  rows,
  candidate: { accuracy: acc },
  champion: champ === null ? null : { accuracy: champ },
  worse: champ === null ? null : acc < champ,
});

const significance = (significant: boolean): SignificanceResult => ({
  metric: 'accuracy',
  bootstrap: { observed: 0.02, lower: significant ? 0.01 : -0.01, upper: 0.03, confidence: 0.95, resamples: 200, skipped: 0, seed: 3 },
  mcnemar: null,
  significant,
  reason: significant ? 'CI above 0' : 'CI includes 0',
});

test('every rule type passes when met', () => {
  const v = decide(
    full,
    { accuracy: 0.86, f1: 0.7, p99_latency_ms: 2, size_mb: 1 },
    { accuracy: 0.84, f1: 0.705 },
    [slice('north', 100, 0.8, 0.79)],
    significance(true),
  );
  assert.equal(v.verdict, 'pass');
  assert.deepEqual(
    v.results.map((r) => [r.section, r.rule, r.status]),
    [
      ['rules', 'accuracy >= 0.8', 'pass'],
      ['rules', 'f1 >= champion - 0.01', 'pass'],
      ['budgets', 'p99_latency_ms <= 5', 'pass'],
      ['budgets', 'size_mb <= 50', 'pass'],
      ['slices', 'accuracy >= 0.7', 'pass'],
      ['slices', 'accuracy >= champion - 0.05', 'pass'],
      ['significance', 'significant improvement in accuracy', 'pass'],
    ],
  );
  assert.equal(v.results[1].threshold, 0.695);
});

test('each rule type fails on its own and is named with the numbers', () => {
  const ok = { accuracy: 0.86, f1: 0.7, p99_latency_ms: 2, size_mb: 1 };
  const champ = { accuracy: 0.84, f1: 0.705 };
  const failing = (candidate: Record<string, number>, slices: SliceEvaluation[], sig: boolean) =>
    decide(full, { ...ok, ...candidate }, champ, slices, significance(sig))
      .results.filter((r) => r.status === 'fail')
      .map((r) => `${r.rule}${r.slice ? ' @ ' + r.slice : ''}: ${r.reason}`);
  assert.deepEqual(failing({ accuracy: 0.79 }, [], true), ['accuracy >= 0.8: 0.79 < 0.8']);
  assert.deepEqual(failing({ f1: 0.69 }, [], true), ['f1 >= champion - 0.01: 0.69 < 0.695']);
  assert.deepEqual(failing({ p99_latency_ms: 7.5 }, [], true), ['p99_latency_ms <= 5: 7.5 > 5']);
  assert.deepEqual(failing({ size_mb: 51 }, [], true), ['size_mb <= 50: 51 > 50']);
  assert.deepEqual(failing({}, [slice('east', 40, 0.65, 0.66)], true), ['accuracy >= 0.7 @ region=east: 0.65 < 0.7']);
  assert.deepEqual(failing({}, [slice('west', 40, 0.75, 0.85)], true), ['accuracy >= champion - 0.05 @ region=west: 0.75 < 0.8']);
  assert.deepEqual(failing({}, [], false), ['significant improvement in accuracy: CI includes 0']);
});

test('a value exactly on the threshold passes', () => {
  const g = gate('schema_version: 1\nrules: ["accuracy >= 0.85", "log_loss <= 0.3"]');
  assert.equal(decide(g, { accuracy: 0.1 + 0.75, log_loss: 0.1 + 0.2 }, null, [], null).verdict, 'pass');
});

test('slices below min_rows are skipped, not failed', () => {
  const v = decide(
    full,
    { accuracy: 0.9, f1: 0.8, p99_latency_ms: 1, size_mb: 1 },
    { accuracy: 0.8, f1: 0.8 },
    [slice('tiny', 5, 0.2, 0.9)],
    significance(true),
  );
  assert.equal(v.verdict, 'pass');
  assert.deepEqual(
    v.results.filter((r) => r.section === 'slices').map((r) => [r.status, r.reason]),
    [
      ['skipped', '5 rows < min_rows 30'],
      ['skipped', '5 rows < min_rows 30'],
    ],
  );
});

test('without a champion only absolute rules count, and the verdict says so', () => {
  const v = decide(full, { accuracy: 0.86, f1: 0.1, p99_latency_ms: 2, size_mb: 1 }, null, [slice('north', 100, 0.75, null)], null);
  assert.equal(v.verdict, 'pass');
  assert.equal(v.hasChampion, false);
  assert.deepEqual(
    v.results.filter((r) => r.status === 'skipped').map((r) => r.rule),
    ['f1 >= champion - 0.01', 'accuracy >= champion - 0.05', 'significant improvement in accuracy'],
  );
  assert.match(v.notes.join(' '), /No champion yet \(first model\): only absolute rules and budgets were checked/);
});

test('a metric the model cannot produce fails its rule rather than passing silently', () => {
  const v = decide(gate('schema_version: 1\nrules: ["roc_auc >= 0.7"]'), { roc_auc: null }, null, [], null);
  assert.equal(v.verdict, 'fail');
  assert.match(v.results[0].reason, /roc_auc is not available/);
});

test('no gate: a pass with nothing enforced, stated', () => {
  const v = decide(undefined, { accuracy: 0.1 }, null, [], null);
  assert.deepEqual([v.verdict, v.results.length], ['pass', 0]);
  assert.match(v.notes[0], /No gate file/);
});

test('the template gate.yml parses and a good model on the example data passes it', async () => {
  const { readFileSync } = await import('node:fs');
  const { evaluateRunners } = await import('../../src/evaluate/evaluate.ts');
  const { goodChurn } = await import('./runners.ts');
  const g = gate(readFileSync(new URL('../../templates/gate.yml', import.meta.url), 'utf8'));
  assert.deepEqual(g.slices?.columns, ['plan', 'contract']);
  let t = 0;
  const ev = await evaluateRunners({
    files: [new URL('../../templates/example/data/holdout.csv', import.meta.url).pathname],
    target: 'churned',
    candidate: { runner: goodChurn, name: 'good', file: (await import('../helpers.ts')).tempFile('m.onnx', new Uint8Array(10)) },
    gate: g,
    clock: () => t++,
    now: () => new Date(0),
  });
  assert.equal(ev.verdict.verdict, 'pass', JSON.stringify(ev.verdict.results.filter((r) => r.status === 'fail')));
  assert.equal(ev.slices.filter((s) => s.column === 'tenure_months').length, 4);
});

test('the old metric name auc is read as roc_auc, with a deprecation warning naming the file and rule', async () => {
  const { gateWarnings } = await import('../../src/evaluate/gate.ts');
  const g = gate(
    'schema_version: 1\nrules: ["auc >= 0.8", "accuracy >= 0.7"]\nslices: {columns: [plan], rules: ["auc >= champion - 0.05"]}\nrequire_significant_improvement: {metric: auc}\n',
  );
  assert.deepEqual(
    g.rules.map((r) => [r.metric, r.text]),
    [
      ['roc_auc', 'roc_auc >= 0.8'],
      ['accuracy', 'accuracy >= 0.7'],
    ],
  );
  assert.equal(g.slices?.rules[0].metric, 'roc_auc');
  assert.equal(g.require_significant_improvement?.metric, 'roc_auc');
  assert.deepEqual(gateWarnings(g, 'gate.yml'), [
    'gate.yml, rule "roc_auc >= 0.8": metric "auc" is deprecated, write "roc_auc" (read as roc_auc)',
    'gate.yml, rule "roc_auc >= champion - 0.05": metric "auc" is deprecated, write "roc_auc" (read as roc_auc)',
    'gate.yml, require_significant_improvement: metric "auc" is deprecated, write "roc_auc" (read as roc_auc)',
  ]);
  assert.deepEqual(gateWarnings(gate('schema_version: 1\nrules: ["roc_auc >= 0.8"]\n'), 'gate.yml'), []);
});

test('a wrong gate file names its line for annotations, in flow and block style', () => {
  const at = (text: string) => {
    try {
      parseGate(text, 'gate.yml');
    } catch (err) {
      assert.ok(err instanceof ConfigError, String(err));
      return { line: err.line, message: err.message };
    }
    assert.fail('expected a ConfigError');
  };
  assert.deepEqual(at('schema_version: 1\nrules:\n  - accuracy >= 0.8\n  # f1 next\n  - f1 >> 0.5\n'), {
    line: 5,
    message: 'gate.yml: rules[1]: rule "f1 >> 0.5": cannot read "> 0.5": use a number, "champion", "champion - 0.01" or "champion * 1.1"',
  });
  assert.equal(at('schema_version: 1\nrules: [accuracy >= 0.8]\nslices:\n  columns: [region]\n  min_row: 5\n').line, 5);
  assert.equal(at('schema_version: 1\nrules: [accuracy >= 0.8, nope >= 1]\n').line, 2);
  assert.equal(at('schema_version: 2\n').line, 1);
  assert.equal(at('schema_version: 1\nrules: [\n').line, 3);
});
