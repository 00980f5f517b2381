// Issue 15, "The server's promises": inputs that used to give 500s (float32 overflow, deep
// nesting) are 400s naming the field, and values far outside the training range are flagged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_TRAIN, writeDemoMlp } from '../../scripts/bench/_demo-mlp.ts';
import { describeOnnx, loadModel } from '../../src/model/runtime.ts';
import { META_PREPROCESSING } from '../../src/model/tabular.ts';
import { profileFiles } from '../../src/profile/profile.ts';
import { openPredictionLog } from '../../src/serve/prediction-log.ts';
import { resolveModelSource } from '../../src/serve/model-source.ts';
import { createServer, type ServerOptions } from '../../src/serve/server.ts';
import { tempDir } from '../helpers.ts';
import { call, predict } from '../serve/http.ts';
import { parsePrometheus, sampleValue } from '../serve/prometheus.ts';
import { demoModelWithLineage } from '../serve/demo-lineage.ts';
import { toyRunner } from '../serve/toy-runner.ts';

const DEMO_ROW = {
  age: 59,
  tenure_months: 17,
  monthly_charges: 94.61,
  total_charges: 1626.45,
  plan: 'premium',
  contract: 'one-year',
  region: 'south',
  support_calls: 2,
  has_partner: true,
};
const TOY_ROW = { age: 40, monthly_charges: 70, plan: 'basic', has_partner: true };
const TOY_RANGES = { age: { min: 18, max: 80, source: 'profile' as const }, monthly_charges: { min: 20, max: 120, source: 'profile' as const } };

async function start(options: Partial<ServerOptions> = {}) {
  const handle = createServer({ runner: toyRunner(), model: { name: 'churn', version: '3', featureRanges: TOY_RANGES }, ...options });
  const { url } = await handle.listen(0, '127.0.0.1');
  return { handle, url };
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

test('numbers beyond float32 range are a 400 naming the field, on the real ONNX model (not NaN probabilities and a 500)', { timeout: 30_000 }, async (t) => {
  const dir = tempDir();
  const runner = await loadModel(await writeDemoMlp(dir));
  const handle = createServer({ runner, model: { name: 'demo', version: '1' } });
  const { url } = await handle.listen(0, '127.0.0.1');
  t.after(async () => {
    await handle.close();
    await runner.close();
  });
  const rows = await predict(url, { instances: [DEMO_ROW, { ...DEMO_ROW, monthly_charges: 1e39 }] });
  assert.equal(rows.status, 400, rows.text);
  assert.equal(rows.json.field, 'instances[1].monthly_charges');
  assert.match(rows.json.error, /^instances\[1\]\.monthly_charges: 1e\+39 is beyond the float32 range/);
  const columns = await predict(url, { inputs: Object.fromEntries(Object.entries(DEMO_ROW).map(([k, v]) => [k, [k === 'total_charges' ? -1e300 : v]])) });
  assert.equal(columns.status, 400, columns.text);
  assert.equal(columns.json.field, 'inputs.total_charges[0]');
  // Inside float32 but overflowing the network's arithmetic: never a 500, never a NaN probability.
  for (const value of [3e38, -3e38, 1e30]) {
    const reply = await predict(url, { instances: [{ ...DEMO_ROW, total_charges: value }] });
    assert.ok(reply.status === 200 || reply.status === 400, `${value}: ${reply.status} ${reply.text}`);
    if (reply.status === 200)
      reply.json.probabilities.flat().forEach((p: unknown) => assert.ok(typeof p === 'number' && Number.isFinite(p), `${value}: ${reply.text}`));
    else assert.equal(reply.json.field, 'instances[0].total_charges', reply.text);
  }
  const { samples } = parsePrometheus((await call(`${url}/metrics`)).text);
  assert.equal(sampleValue(samples, 'mlops_http_requests_total', { status: '500' }), undefined);
  assert.equal((await predict(url, { instances: [DEMO_ROW] })).status, 200);
});

test('a 10,000-deep nested value is a 400 naming the field, without overflowing the stack', async (t) => {
  const dir = tempDir();
  const log = await openPredictionLog({ dir, sample: 1, random: () => 0, now: () => new Date('2026-12-01T00:00:00Z'), instance: 'test' });
  const { handle, url } = await start({ predictionLog: log });
  t.after(async () => {
    await handle.close();
    await log.close();
  });
  const inFeature = await call(`${url}/predict`, { body: `{"instances":[{"age":40,"monthly_charges":${nested(10_000)},"plan":"basic","has_partner":true}]}` });
  assert.equal(inFeature.status, 400, inFeature.text);
  assert.equal(inFeature.json.field, 'instances[0].monthly_charges');
  assert.ok(inFeature.json.error.length < 200, inFeature.json.error);
  // A key the model does not use still goes to the prediction log, so it is checked too.
  const inExtra = await call(`${url}/predict`, {
    body: `{"instances":[{"note":${nested(10_000)},"age":40,"monthly_charges":3,"plan":"basic","has_partner":true}]}`,
  });
  assert.equal(inExtra.status, 400, inExtra.text);
  assert.equal(inExtra.json.field, 'instances[0].note');
  assert.match(inExtra.json.error, /nested more than \d+ levels deep/);
  const columns = await call(`${url}/predict`, { body: `{"inputs":{"age":[${nested(10_000)}]}}` });
  assert.equal(columns.status, 400, columns.text);
  assert.equal(columns.json.field, 'inputs.age[0]');
  // A 1 MB string in a feature is named, not echoed.
  const long = await predict(url, { instances: [{ ...TOY_ROW, age: 'x'.repeat(500_000) }] });
  assert.equal(long.status, 400);
  assert.ok(long.json.error.length < 200, `${long.json.error.length} chars`);
  assert.equal((await predict(url, { instances: [{ ...TOY_ROW, note: { a: [1, { b: 2 }] } }] })).status, 200);
});

test('values orders of magnitude outside the training range get warnings and a counter; --strict-ranges rejects them', async (t) => {
  const { handle, url } = await start();
  t.after(() => handle.close());
  const ok = await predict(url, { instances: [TOY_ROW, { ...TOY_ROW, age: 95 }] });
  assert.equal(ok.status, 200);
  assert.equal(ok.json.warnings, undefined, 'a value a little past the range is not flagged');
  const far = await predict(url, { instances: [TOY_ROW, { ...TOY_ROW, age: 1e29 }, { ...TOY_ROW, monthly_charges: -5000, age: 1e29 }] });
  assert.equal(far.status, 200);
  assert.deepEqual(
    far.json.warnings.map((w: { field: string }) => w.field),
    ['instances[1].age', 'instances[2].age', 'instances[2].monthly_charges'],
  );
  assert.match(far.json.warnings[0].message, /^instances\[1\]\.age: 1e\+29 is far outside the training range \(18 to 80\)/);
  const { samples } = parsePrometheus((await call(`${url}/metrics`)).text);
  assert.equal(sampleValue(samples, 'mlops_out_of_range_total', { feature: 'age' }), 2);
  assert.equal(sampleValue(samples, 'mlops_out_of_range_total', { feature: 'monthly_charges' }), 1);

  const strict = await start({ strictRanges: true });
  t.after(() => strict.handle.close());
  const rejected = await predict(strict.url, { instances: [TOY_ROW, { ...TOY_ROW, age: 1e29 }] });
  assert.equal(rejected.status, 400);
  assert.equal(rejected.json.field, 'instances[1].age');
  assert.match(rejected.json.error, /--strict-ranges/);
  assert.equal((await predict(strict.url, { instances: [{ ...TOY_ROW, age: 95 }] })).status, 200);
});

test(
  'the served model knows its feature ranges: from the training profile in lineage.json, else from the ONNX preprocessing',
  { timeout: 30_000 },
  async () => {
    const profile = await profileFiles([DEMO_TRAIN], { now: () => new Date('2026-12-01T00:00:00Z') });
    const withLineage = tempDir();
    const { modelFile } = await demoModelWithLineage(withLineage, {
      metrics: {},
      source: {},
      duration_s: 1,
      data: { fingerprint: 'sha256:0', files: [], rows: profile.rows, profile },
    });
    const fromProfile = await resolveModelSource(modelFile, { cwd: withLineage, env: {} });
    const age = profile.columns.find((c) => c.name === 'age')!.numeric!;
    assert.deepEqual(fromProfile.manifest.feature_ranges?.age, { min: age.min, max: age.max, source: 'profile' });
    assert.equal(fromProfile.manifest.feature_ranges?.plan, undefined, 'categories have no range');

    const bare = tempDir();
    const bareModel = await writeDemoMlp(bare);
    const fromGraph = await resolveModelSource(bareModel, { cwd: bare, env: {} });
    const stored = JSON.parse(describeOnnx(readFileSync(join(bare, 'model.onnx'))).metadata[META_PREPROCESSING]);
    const step = stored.numeric.find((s: { name: string }) => s.name === 'age');
    const range = fromGraph.manifest.feature_ranges!.age;
    assert.equal(range.source, 'preprocessing');
    assert.ok(Math.abs(range.min - (step.mean - 3 * step.std)) < 1e-9 && Math.abs(range.max - (step.mean + 3 * step.std)) < 1e-9, JSON.stringify(range));
  },
);
