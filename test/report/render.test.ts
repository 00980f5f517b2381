import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDriftCheck } from '../../src/drift/check.ts';
import { evaluateRunners } from '../../src/evaluate/evaluate.ts';
import { parseGate } from '../../src/evaluate/gate.ts';
import type { Evaluation } from '../../src/evaluate/types.ts';
import { provenanceFooter, stickyBody } from '../../src/github-api/comment.ts';
import { provenanceOf } from '../../src/github-api/context.ts';
import { newDriftIssue } from '../../src/alerts/drift-issue.ts';
import { evaluationMarkdown } from '../../src/evaluate/report.ts';
import { validationMarkdown } from '../../src/validation/report.ts';
import { parseRules } from '../../src/validation/rules.ts';
import { validateFiles } from '../../src/validation/validate.ts';
import { formulaRegressor, goodChurn, num, weakChurn } from '../evaluate/runners.ts';
import { tempFile } from '../helpers.ts';
import { chromiumMissing, openRenderer, SHOTS, type Rendered } from './browser.ts';

// Renders each report as a PR comment in headless Chromium (marked + mermaid from node_modules)
// and saves screenshots to .artifacts/reports/: `npm test -- test/report/render`.
const DATA = new URL('../../templates/example/data/', import.meta.url).pathname;
const HOLDOUT = join(DATA, 'holdout.csv');
const NOW = new Date('2026-12-01T20:05:00Z');
let tick = 0;
const base = { files: [HOLDOUT], dataNames: ['data/holdout.csv'], target: 'churned', clock: () => (tick += 0.01), now: () => NOW };
const gate = parseGate(
  'schema_version: 1\nrules: [accuracy >= 0.7, f1 >= champion - 0.01]\nbudgets: [p99_latency_ms <= 5]\nslices: {columns: [region], rules: [accuracy >= 0.65]}\n',
  'gate.yml',
);

/** The sticky comment exactly as posted from a pull_request run. */
function comment(id: string, markdown: string): string {
  const env = {
    GITHUB_REPOSITORY: 'acme/churn',
    GITHUB_SHA: 'f00dbabef00dbabef00dbabef00dbabef00dbabe',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '17',
    GITHUB_WORKFLOW: 'ml-evaluate',
  };
  const provenance = provenanceOf(env, { pull_request: { number: 3, head: { sha: '3c1d2e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d' } } });
  return stickyBody(id, markdown, provenanceFooter(provenance, NOW));
}

let renderer: Awaited<ReturnType<typeof openRenderer>> | undefined;
before(async () => {
  if (!chromiumMissing) renderer = await openRenderer();
});
after(async () => renderer?.close());

/** Renders, saves the screenshot, and fails on a mermaid block that does not parse or draw, or a chart wider than the comment. */
async function rendered(name: string, markdown: string): Promise<Rendered> {
  writeFileSync(join(SHOTS, `${name}.md`), markdown);
  const r = await renderer!.render(name, markdown);
  assert.deepEqual(r.errors, [], `${name}: mermaid blocks that do not parse`);
  assert.equal(r.svgs, r.blocks, `${name}: every mermaid block is drawn`);
  for (const w of r.chartWidths) assert.ok(w <= 780, `${name}: a chart ${w}px wide overflows the comment`);
  return r;
}

const skip = chromiumMissing;

test('render: a retrain PR that fails the gate (classifier vs champion, slices, curves, confusion)', { skip }, async () => {
  const ev = await evaluateRunners({
    ...base,
    candidate: { runner: weakChurn, name: 'models/churn.onnx' },
    champion: { runner: goodChurn, name: 'registry:churn#production' },
    gate,
    sliceColumns: ['region'],
  });
  // As runEvaluation fills them from lineage.json and the registry version.
  ev.champion!.params = { epochs: 30, learning_rate: 0.01, hidden_units: [16, 8], seed: 7 };
  ev.candidate.params = { epochs: 60, learning_rate: 0.003, hidden_units: [16, 8], seed: 7 };
  const r = await rendered('evaluate-retrain', comment('evaluate', evaluationMarkdown(ev)));
  assert.match(r.text, /Parameters/);
  assert.equal(r.blocks, 4, 'slice chart (4 regions), ROC, precision-recall, calibration');
  assert.ok(r.links.includes('https://github.com/acme/churn/commit/3c1d2e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d'), 'links the PR head commit');
  assert.ok(r.links.includes('https://github.com/acme/churn/actions/runs/4242'), 'links the workflow run');
  assert.match(r.text, /Reflects commit 3c1d2e4 · workflow run ml-evaluate #17 · updated 2026-12-01 20:05 UTC/);
  assert.match(r.text, /Confusion matrix \(candidate\)/);
});

test('render: a model compared with itself shows no red, even with timing noise', { skip }, async () => {
  const ev = await evaluateRunners({
    ...base,
    candidate: { runner: goodChurn, name: 'models/churn.onnx' },
    champion: { runner: goodChurn, name: 'registry:churn#production' },
    gate,
    sliceColumns: ['region'],
  });
  // Timing the same model twice on a shared runner differs by tens of percent.
  const noisy: Evaluation = structuredClone(ev);
  const m = noisy.champion!.metrics;
  m.p50_latency_ms = ev.candidate.metrics.p50_latency_ms! * 1.2;
  m.p99_latency_ms = ev.candidate.metrics.p99_latency_ms! * 0.7;
  m.throughput_rows_per_s = ev.candidate.metrics.throughput_rows_per_s! * 0.85;
  const md = comment('evaluate', evaluationMarkdown(noisy));
  assert.ok(!md.includes('🔴'), md);
  assert.match(md, /\(noise\)/);
  const r = await rendered('evaluate-self', md);
  assert.ok(!r.text.includes('🔴'));
});

test('render: a first model has no champion columns, a readable slice chart and curves', { skip }, async () => {
  const ev = await evaluateRunners({ ...base, candidate: { runner: goodChurn, name: 'models/churn.onnx' }, gate, sliceColumns: ['region'] });
  const md = comment('evaluate', evaluationMarkdown(ev));
  const r = await rendered('evaluate-first-model', md);
  assert.equal(r.blocks, 4);
  assert.ok(!/\bchampion \w+\s*\||\| Δ/.test(md), 'no champion columns');
});

test('render: a regression retrain with residuals', { skip }, async () => {
  const target = 'total_charges';
  const good = formulaRegressor((get) => num(get('tenure_months')) * num(get('monthly_charges')));
  const rough = formulaRegressor((get) => num(get('tenure_months')) * 65 + 40);
  const ev = await evaluateRunners({
    ...base,
    target,
    candidate: { runner: good, name: 'models/charges.onnx' },
    champion: { runner: rough, name: 'registry:charges#production' },
    sliceColumns: ['contract'],
  });
  assert.ok(ev.candidate.residuals && ev.champion?.residuals);
  const r = await rendered('evaluate-regression', comment('evaluate', evaluationMarkdown(ev)));
  assert.ok(r.text.includes('Residuals'));
});

test('render: the drift report and the drift issue', { skip }, async () => {
  const { result, markdown } = await runDriftCheck({
    reference: [join(DATA, 'train.csv')],
    current: [join(DATA, 'current.csv')],
    model: 'churn',
    target: 'churned',
    cwd: new URL('../../', import.meta.url).pathname,
    env: {},
    now: () => NOW,
  });
  assert.ok(result.dataset_drift);
  const r = await rendered('drift-report', markdown);
  assert.ok(r.blocks >= 2);
  assert.match(
    markdown,
    /Reference `templates\/example\/data\/train\.csv`, 4,000 rows; current `templates\/example\/data\/current\.csv`/,
    'paths relative to the repository',
  );
  assert.ok(!markdown.includes('p-value |'), 'distances only: no p-value column');
  assert.match(markdown, /\*\*Label drift\*\* \(`churned`\): ⚠️ yes/);
  assert.match(markdown, /\| `churned` \(label\) +\|.*⚠️ label drift/);
  const issue = newDriftIssue('churn', markdown, NOW);
  await rendered('drift-issue', `# ${issue.title}\n\n${issue.body}`);
});

test('render: a failed data validation', { skip }, async () => {
  const data = tempFile('customers.csv', 'id,age,plan\n1,30,basic\n2,,gold\n3,150,basic\n');
  const rules = parseRules('version: 1\ncolumns:\n  age: { type: integer, nullable: false, max: 120 }\n  plan: { allowed: [basic, premium] }\n', 'rules.yml');
  await rendered('validation', validationMarkdown(await validateFiles([data], rules)));
});
