import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ColumnDrift } from '../../src/drift/compare.ts';
import type { DriftResult } from '../../src/drift/detect.ts';
import { driftMarkdown } from '../../src/drift/report.ts';

function column(over: Partial<ColumnDrift>): ColumnDrift {
  return {
    method: 'wasserstein',
    statistic: 0.05,
    threshold: 0.1,
    drifted: false,
    type: 'number',
    weight: 1,
    reference_rows: 100,
    current_rows: 100,
    reference_null_share: 0,
    current_null_share: 0,
    exact: true,
    shares: { labels: ['≤1', '>1'], reference: [0.5, 0.5], current: [0.5, 0.5] },
    ...over,
  };
}

const result: DriftResult = {
  dataset_drift: true,
  share_drifted: 2 / 3,
  drift_share_threshold: 0.5,
  drifted_columns: ['const', 'say "hi"'],
  columns: {
    calm: column({}),
    const: column({ statistic: Infinity, wasserstein_raw: 2, drifted: true, shares: { labels: ['all'], reference: [1], current: [1] } }),
    'say "hi"': column({
      method: 'chisquare',
      type: 'category',
      statistic: 40,
      p_value: 1e-9,
      threshold: 0.05,
      drifted: true,
      new_categories: ['x|y'],
      current_null_share: 0.2,
      shares: { labels: ['a', 'x|y'], reference: [1, 0], current: [0.7, 0.3] },
    }),
  },
  skipped: { id: 'string column: not tested for drift' },
  prediction_drift: { column: 'const', drifted: true, method: 'wasserstein', statistic: Infinity },
  reference_rows: 100,
  current_rows: 100,
};

test('drift report: verdict, most drifted first, escaped cells, one chart per method, valid mermaid numbers', () => {
  const md = driftMarkdown(result, { model: 'churn' });
  assert.match(md, /^## Data drift — churn: ⚠️ drift detected\n\n2 of 3 columns drifted \(weighted share 0\.6667; the dataset drifts at ≥ 0\.5\)/);
  assert.match(md, /\*\*Prediction drift\*\* \(`const`\): ⚠️ yes/);
  const rows = md.split('\n').filter((l) => l.startsWith('| `'));
  assert.deepEqual(
    rows.map((r) => r.split('|')[1].trim()),
    ['`const`', '`say "hi"`', '`calm`'],
  );
  assert.match(rows[1], /new: x\\\|y; nulls 0% → 20%/);
  assert.match(rows[1], /p < 0\.05/);
  const charts = md.match(/```mermaid\n[\s\S]*?```/g)!;
  assert.equal(charts.length, 4, 'two method charts and two distribution charts');
  // an infinite statistic (constant reference column) is drawn at 1.5× the chart's top
  assert.match(charts[0], /x-axis \["calm", "const"\]\n {2}y-axis "statistic" 0 --> 0\.15\n {2}bar \[0\.05, 0\.15\]\n {2}line \[0\.1, 0\.1\]/);
  assert.match(
    charts[1],
    /title "chi-square p-value vs α \(drift below the line\)"\n {2}x-axis \["say 'hi'"\]\n {2}y-axis "p-value" 0 --> 0\.05\n {2}bar \[1e-9\]/,
  );
  for (const c of charts) assert.match(c, /y-axis "[^"]+" 0 --> /, 'bars are measured from 0');
  for (const c of charts) assert.doesNotMatch(c, /Infinity|NaN/);
  assert.match(md, /Not compared: `id` \(string column: not tested for drift\)\./);
  assert.match(md, /\| column +\| type +\| method +\| +statistic +\| +p-value +\|/, 'a p-value test: the column is there');
  assert.match(rows[0], /\| +— \|/, 'a distance has no p-value');
});

test('drift report: no p-value column when every method is a distance; the target is label drift', () => {
  const columns = { calm: column({}), churned: column({ statistic: 0.3, drifted: true, type: 'integer' }) };
  const md = driftMarkdown({ ...result, columns, drifted_columns: ['churned'], prediction_drift: null }, { target: 'churned' });
  assert.doesNotMatch(md, /p-value \|/);
  assert.match(md, /\*\*Label drift\*\* \(`churned`\): ⚠️ yes — Wasserstein \(norm\.\) 0\.3\./);
  assert.match(md, /\| `churned` \(label\) \| integer \| Wasserstein \(norm\.\) \| +0\.3 \| +≥ 0\.1 \| ⚠️ label drift \|/);
  assert.doesNotMatch(driftMarkdown({ ...result, columns }, {}), /label/i);
});
