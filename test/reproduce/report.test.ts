import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reproduceMarkdown, ReproduceReportSchema, summarize, type ReproduceReport } from '../../src/reproduce/report.ts';

const data = [
  {
    path: 'data/train.csv',
    location: 'git data/train.csv@abc',
    via: 'the recorded commit',
    bytes: 10,
    sha256_expected: 'a'.repeat(64),
    sha256_actual: 'a'.repeat(64),
    matched: true,
  },
];
const weights = { initializers: 4, identical: true, differing: [], missing: [], extra: [] };

test('the one-line summary says what differed and by how much', () => {
  assert.equal(
    summarize({ data, weights, metrics: [{ name: 'acc', recorded: 0.5, reproduced: 0.5, abs_diff: 0, matched: true }], mode: 'exact', tolerance: null }),
    'weights identical, metrics identical',
  );
  assert.equal(
    summarize({
      data,
      weights: {
        ...weights,
        identical: false,
        differing: [
          { name: 'w0', max_abs_diff: 0.00025 },
          { name: 'b0', max_abs_diff: 1e-7 },
        ],
      },
      metrics: [{ name: 'acc', recorded: 0.5, reproduced: 0.51, abs_diff: 0.01, matched: false }],
      mode: 'exact',
      tolerance: null,
    }),
    'weights differ (2 of 4 initializers, max |Δ| 2.50e-4), metrics differ: acc 0.5 → 0.51 (|Δ| 1.00e-2)',
  );
  assert.equal(summarize({ data, weights, metrics: [], mode: 'tolerance', tolerance: 1e-6 }), 'weights identical, no metrics recorded to compare');
  assert.equal(
    summarize({
      data,
      weights,
      metrics: [{ name: 'gone', recorded: 1, reproduced: null, abs_diff: null, matched: false }],
      mode: 'tolerance',
      tolerance: 1e-6,
    }),
    'weights identical, metrics differ: gone 1 → absent',
  );
});

test('the Markdown report shows full-precision metric values and each differing initializer', () => {
  const report: ReproduceReport = ReproduceReportSchema.parse({
    schema_version: 1,
    kind: 'mlops/reproduce-report',
    model: 'churn',
    version: 'v2',
    commit: 'c'.repeat(40),
    trainer: 'command',
    mode: 'tolerance',
    tolerance: 1e-6,
    reproduced: false,
    summary: 'x',
    data,
    weights: { ...weights, identical: false, differing: [{ name: 'w0', max_abs_diff: 0.5 }] },
    metrics: [{ name: 'rmse', recorded: 0.123456789, reproduced: 0.123457, abs_diff: 2.11e-7, matched: true }],
  });
  const md = reproduceMarkdown(report);
  assert.match(md, /^# Reproduce churn v2$/m);
  assert.match(md, /\*\*Not reproduced\*\*: x\./);
  assert.match(md, /metrics within 0\.000001 \(absolute\)/);
  assert.match(md, /\| rmse +\| +0\.123456789 \| +0\.123457 \| 2\.11e-7 \| yes +\|/);
  assert.match(md, /\| `w0` +\| +5\.00e-1 \|/);
});
