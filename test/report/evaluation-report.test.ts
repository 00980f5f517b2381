import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateRunners } from '../../src/evaluate/evaluate.ts';
import { parseGate } from '../../src/evaluate/gate.ts';
import type { Evaluation, SliceEvaluation } from '../../src/evaluate/types.ts';
import { evaluationMarkdown, withinNoise } from '../../src/evaluate/report.ts';
import { GITHUB_COMMENT_LIMIT } from '../../src/report/markdown.ts';
import { xyChart } from '../../src/report/mermaid.ts';
import { goodChurn, weakChurn } from '../evaluate/runners.ts';

const HOLDOUT = new URL('../../templates/example/data/holdout.csv', import.meta.url).pathname;
let t = 0;
const opts = { files: [HOLDOUT], dataNames: ['data/holdout.csv'], target: 'churned', clock: () => t++, now: () => new Date('2026-01-01T00:00:00Z') };
const gate = parseGate(
  'schema_version: 1\nrules: [accuracy >= 0.7, f1 >= champion - 0.01]\nbudgets: [p99_latency_ms <= 5]\nslices: {columns: [region, plan], rules: [accuracy >= 0.65]}\n',
  'g',
);

/** Mermaid blocks must be well formed: fenced, xychart-beta, equal-length series, quoted labels. */
function checkMermaid(markdown: string): number {
  const blocks = [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]);
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => !l.startsWith('%%{init:'));
    assert.equal(lines[0], 'xychart-beta');
    const axis = lines.find((l) => l.trim().startsWith('x-axis'))!.trim();
    // Categories need one value each; a numeric x range spreads any number of values.
    const labels = axis.endsWith(']') ? (JSON.parse(axis.slice(axis.indexOf('['))) as string[]) : undefined;
    const y = /y-axis "[^"]*" (-?[\d.]+) --> (-?[\d.]+)$/.exec(lines.find((l) => l.trim().startsWith('y-axis'))!);
    assert.ok(y, block);
    const series = lines.filter((l) => /^\s+(bar|line) \[/.test(l)).map((l) => JSON.parse(l.trim().replace(/^(bar|line) /, '')) as number[]);
    assert.ok(series.length > 0);
    for (const s of series) {
      if (labels) assert.equal(s.length, labels.length, block);
      assert.ok(
        s.every((v) => Number.isFinite(v) && v >= Number(y[1]) && v <= Number(y[2])),
        block,
      );
    }
    assert.ok(Number(y[1]) <= 0, `the y-axis starts at 0: ${block}`);
    assert.match(
      lines.find((l) => l.trim().startsWith('title'))!,
      /^\s+title "[^"]*"$/,
    );
  }
  return blocks.length;
}

test('a failing report leads with the verdict and the failing rules, then metrics, slices, classes, charts', async () => {
  const ev = await evaluateRunners({
    ...opts,
    candidate: { runner: weakChurn, name: 'weak.onnx' },
    champion: { runner: goodChurn, name: 'registry:churn#production' },
    gate,
  });
  const md = evaluationMarkdown(ev);
  const lines = md.split('\n');
  assert.match(lines[0], /^## ❌ Evaluation gate failed: \d+ of \d+ rules$/);
  assert.match(
    md,
    /`weak\.onnx` \(candidate\) vs `registry:churn#production` \(champion\) — classification on `churned`, 1,000 rows from `data\/holdout\.csv`/,
  );
  assert.match(md, /Failing: `accuracy >= 0\.7`, `f1 >= champion - 0\.01`/);
  assert.match(md, /\| accuracy +\| +0\.601 \| +0\.726 \| +-0\.125 🔴 \| `accuracy >= 0\.7` +\| ❌ fail \(0\.601 < 0\.7\)/);
  const order = [
    '### Metrics',
    '### Slice rules',
    '### Slices',
    '### Per class (candidate)',
    'Confusion matrix (candidate)',
    'Confusion matrix (champion)',
    '### Calibration',
  ].map((h) => md.indexOf(h));
  assert.ok(
    order.every((p, i) => p > 0 && (i === 0 || p > order[i - 1])),
    String(order),
  );
  // 7 slices are too many bars for comment width: the table alone. ROC, PR and calibration charts.
  assert.equal(checkMermaid(md), 3);
  assert.ok(!md.includes('by slice'), 'no slice chart beyond 6 slices');
  assert.match(md, /title "ROC \(blue: candidate, orange: champion, grey: chance\)"/);
  assert.match(md, /\| plan +\| premium/);
});

test('a first model says it has no champion and shows no champion columns', async () => {
  const ev = await evaluateRunners({ ...opts, candidate: { runner: goodChurn, name: 'good.onnx' }, gate });
  const md = evaluationMarkdown(ev);
  assert.match(md, /^## ✅ Evaluation gate passed/);
  assert.match(md, /> No champion yet \(first model\): only absolute rules and budgets were checked\./);
  assert.match(md, /\| f1 +\| +0\.5637 \| `f1 >= champion - 0\.01` \| ⏭️ skipped \(no champion: relative rule not checked\)/);
  assert.match(md, /\| metric +\| candidate \| rule +\| result +\|\n/);
  assert.match(md, /\| column \| slice +\| rows \| accuracy \|\n/);
  assert.ok(!/champion \w+ \||\| Δ|orange: champion|\(champion /.test(md), 'no champion column, series or figure');
});

test("500 slices stay under GitHub's comment limit, cutting the slice tables with a note", async () => {
  const ev = await evaluateRunners({ ...opts, candidate: { runner: weakChurn, name: 'weak.onnx' }, champion: { runner: goodChurn, name: 'good.onnx' }, gate });
  const slices: SliceEvaluation[] = Array.from({ length: 500 }, (_, i) => ({
    column: 'customer_segment_with_a_long_name',
    value: `segment-${String(i).padStart(3, '0')}-${'x'.repeat(20)}`,
    rows: 40 + i,
    candidate: { accuracy: 0.5 + (i % 37) / 100 },
    champion: { accuracy: 0.6 },
    worse: 0.5 + (i % 37) / 100 < 0.6,
  }));
  const big: Evaluation = {
    ...ev,
    slices,
    verdict: {
      ...ev.verdict,
      results: [
        ...ev.verdict.results,
        ...slices.map((s) => ({
          rule: 'accuracy >= 0.65',
          section: 'slices' as const,
          slice: `${s.column}=${s.value}`,
          metric: 'accuracy',
          candidate: s.candidate.accuracy,
          champion: 0.6,
          threshold: 0.65,
          status: (s.candidate.accuracy! >= 0.65 ? 'pass' : 'fail') as 'pass' | 'fail',
          reason: 'x',
        })),
      ],
    },
  };
  const md = evaluationMarkdown(big);
  assert.ok(md.length <= GITHUB_COMMENT_LIMIT, `${md.length}`);
  const has = (re: RegExp) => re.test(md);
  assert.ok(has(/more slices cut to fit GitHub's size limit \(the worst are shown\)/), 'slice table note');
  assert.ok(has(/more rows cut to fit GitHub's size limit/), 'slice rule table note');
  assert.ok(has(/^## ❌ Evaluation gate failed/), 'banner');
  assert.ok(has(/### Calibration/), 'later sections survive the cut');
  assert.ok(!has(/Report truncated/), 'tables were cut, not the document');
  const shown = [...md.matchAll(/\| customer_segment_with_a_long_name \| segment-(\d+)/g)].map((m) => Number(m[1]));
  assert.ok(shown.length >= 10 && shown.length < 500);
  assert.equal(shown[0] % 37, 0, 'the worst slice comes first');
  assert.equal(checkMermaid(md), 3, 'ROC, PR and calibration; 500 slices are a table, not a chart');
  assert.ok(!md.includes('by slice'));
});

test('chart labels cannot break out of the mermaid string', () => {
  const chart = xyChart({ title: 'a "b"', xLabels: ['x"y', 'line\nbreak'], yLabel: 'acc', series: [{ kind: 'bar', values: [0.5, null] }] });
  assert.match(chart, /title "a 'b'"/);
  assert.match(chart, /x-axis \["x'y", "line break"\]/);
  assert.match(chart, /bar \[0\.5, 0\]/);
});

test('a retrain diffs its parameters against the champion; self-comparison and first models stay quiet', async () => {
  const ev = await evaluateRunners({ ...opts, candidate: { runner: weakChurn, name: 'weak.onnx' }, champion: { runner: goodChurn, name: 'good.onnx' }, gate });
  ev.champion!.params = { epochs: 20, learning_rate: 0.01, hidden: [16, 8], seed: 1 };
  ev.candidate.params = { epochs: 40, learning_rate: 0.01, hidden: [32, 8], seed: 1, dropout: 0.1 };
  const md = evaluationMarkdown(ev);
  const section = md.slice(md.indexOf('### Parameters'), md.indexOf('###', md.indexOf('### Parameters') + 4));
  assert.match(section, /\| dropout +\| +— \| +0\.1 \|/);
  assert.match(section, /\| epochs +\| +20 \| +40 \|/);
  assert.match(section, /\| hidden +\| +`\[16,8\]` \| +`\[32,8\]` \|/);
  assert.match(section, /2 other parameters unchanged\./);
  assert.ok(!/learning_rate|seed/.test(section), 'unchanged parameters are not listed');
  assert.ok(md.indexOf('### Metrics') < md.indexOf('### Parameters'));

  ev.candidate.params = ev.champion!.params;
  assert.match(evaluationMarkdown(ev), /Same parameters as the champion \(4\)\./);
  assert.ok(!evaluationMarkdown({ ...ev, champion: null }).includes('### Parameters'));
});

test('operational deltas within the noise margin are not coloured; beyond it they are', () => {
  assert.equal(withinNoise('p50_latency_ms', 1.2, 1), true);
  assert.equal(withinNoise('p50_latency_ms', 2, 1), false);
  assert.equal(withinNoise('p99_latency_ms', 0.02, 0.06), true, 'under 0.05 ms is noise whatever the ratio');
  assert.equal(withinNoise('throughput_rows_per_s', 8000, 10000), true);
  assert.equal(withinNoise('throughput_rows_per_s', 5000, 10000), false);
  assert.equal(withinNoise('size_mb', 1.005, 1), true);
  assert.equal(withinNoise('size_mb', 1.5, 1), false);
  assert.equal(withinNoise('accuracy', 0.7001, 0.7), false, 'quality metrics are exact: any change counts');
});
