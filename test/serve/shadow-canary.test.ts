import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type ServerOptions } from '../../src/serve/server.ts';
import { openPredictionLog } from '../../src/serve/prediction-log.ts';
import { jsonLogger } from '../../src/serve/log.ts';
import { routesToCanary, trafficBucket } from '../../src/serve/traffic-split.ts';
import type { ModelRunner } from '../../src/model/types.ts';
import { tempDir } from '../helpers.ts';
import { toyProbability, toyRunner, TOY_INFO } from './toy-runner.ts';
import { call, predict } from './http.ts';
import { parsePrometheus, sampleValue } from './prometheus.ts';

const ROWS = [
  { customer_id: 'C1', age: 59, monthly_charges: 94.61, plan: 'premium', has_partner: true },
  { customer_id: 'C2', age: 18, monthly_charges: 33.7, plan: 'basic', has_partner: true },
  { customer_id: 'C3', age: 30, monthly_charges: 120, plan: 'standard', has_partner: false },
];

/** A model that always says "1" with probability 0.9: plainly not the toy model. */
function constantRunner(options: { fail?: boolean; delayMs?: number } = {}): ModelRunner {
  return {
    info: TOY_INFO,
    async predict(_columns, rows) {
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (options.fail) throw new Error('shadow exploded');
      return { predictions: rows.map(() => '1'), probabilities: rows.map(() => [0.1, 0.9]) };
    },
    async close() {},
  };
}

async function start(options: Partial<ServerOptions>) {
  const handle = createServer({ runner: toyRunner(), model: { name: 'churn', version: '3' }, ...options });
  const { url } = await handle.listen(0, '127.0.0.1');
  return { handle, url };
}

const readLines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

test('a shadow model leaves responses unchanged and the log holds both outputs', async () => {
  const plain = await start({});
  const dir = join(tempDir(), 'log');
  const log = await openPredictionLog({ dir, sample: 1, random: Math.random, now: () => new Date('2026-05-04T10:00:00Z'), instance: 'a' });
  const shadowed = await start({ shadow: { runner: constantRunner({ delayMs: 30 }), model: { name: 'churn', version: '4' } }, predictionLog: log });
  const ids = ['r1', 'r2'];
  for (const id of ids) {
    const body = JSON.stringify({ instances: ROWS });
    const [a, b] = await Promise.all([
      call(`${plain.url}/predict`, { body, headers: { 'x-request-id': id } }),
      call(`${shadowed.url}/predict`, { body, headers: { 'x-request-id': id } }),
    ]);
    assert.equal(b.status, 200);
    assert.deepEqual(b.json, a.json);
  }
  await plain.handle.close();
  await shadowed.handle.close();
  await log.close();
  const lines = log.files().flatMap(readLines);
  assert.equal(lines.length, 6, 'close() waits for the shadow before the log closes');
  const p = toyProbability(ROWS[0]);
  assert.deepEqual(lines[0], {
    ...ROWS[0],
    prediction: '1',
    probability_0: 1 - p,
    probability_1: p,
    model_version: '3',
    shadow_prediction: '1',
    shadow_probability_0: 0.1,
    shadow_probability_1: 0.9,
    shadow_model_version: '4',
    timestamp: '2026-05-04T10:00:00.000Z',
    request_id: 'r1',
  });
  assert.deepEqual(
    lines.map((l) => l.prediction),
    ['1', '0', '0', '1', '0', '0'],
  );
  assert.ok(lines.every((l) => l.shadow_prediction === '1' && l.shadow_model_version === '4'));
});

test('a failing shadow is logged and counted, and never touches the response', async () => {
  const out = new PassThrough();
  const logs: string[] = [];
  out.on('data', (d) => logs.push(...String(d).trim().split('\n')));
  const dir = tempDir();
  const log = await openPredictionLog({ dir, sample: 1, random: Math.random, now: () => new Date('2026-05-04T10:00:00Z'), instance: 'a' });
  const { handle, url } = await start({
    shadow: { runner: constantRunner({ fail: true }), model: { name: 'churn', version: '4' } },
    predictionLog: log,
    logger: jsonLogger(out, { now: () => new Date(0) }),
  });
  const reply = await predict(url, { instances: ROWS });
  assert.equal(reply.status, 200);
  assert.deepEqual(reply.json.predictions, ['1', '0', '0']);
  assert.deepEqual(reply.json.model, { name: 'churn', version: '3' });
  const metrics = parsePrometheus((await call(`${url}/metrics`)).text).samples;
  await handle.close();
  await log.close();
  assert.equal(sampleValue(metrics, 'mlops_shadow_errors_total', { model_version: '4' }), 1);
  const warning = logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'shadow failed');
  assert.equal(warning?.error, 'shadow exploded');
  assert.equal(warning?.request_id, reply.json.request_id);
  const lines = log.files().flatMap(readLines);
  assert.equal(lines.length, 3, 'the primary rows are still logged');
  assert.ok(lines.every((l) => !('shadow_prediction' in l)));
});

test('the traffic split hashes the request id: stable per id, uniform over ids', () => {
  assert.equal(trafficBucket('req-1'), trafficBucket('req-1'));
  assert.equal(routesToCanary('anything', 0), false);
  assert.equal(routesToCanary('anything', 100), true);
  const n = 10_000;
  for (const percent of [10, 50]) {
    const share = Array.from({ length: n }, (_, i) => routesToCanary(`request-${i}`, percent)).filter(Boolean).length / n;
    assert.ok(Math.abs(share - percent / 100) < 0.03, `${percent}% → ${share}`);
  }
});

test('--canary 50 splits traffic between both versions; every response names the model that answered', async () => {
  let seq = 0;
  const { handle, url } = await start({
    canary: { runner: constantRunner(), model: { name: 'churn', version: '4' }, percent: 50 },
    newRequestId: () => `id-${seq++}`,
  });
  const n = 200;
  const replies = [];
  for (let i = 0; i < n; i += 20) replies.push(...(await Promise.all(Array.from({ length: 20 }, () => predict(url, { instances: [ROWS[1]] })))));
  const byVersion = { '3': 0, '4': 0 } as Record<string, number>;
  for (const r of replies) {
    assert.equal(r.status, 200);
    byVersion[r.json.model.version]++;
    // The canary always says 1 and the toy model says 0 for this row: the answer matches the version.
    assert.equal(r.json.predictions[0], r.json.model.version === '4' ? '1' : '0');
    assert.equal(r.json.model.version === '4', routesToCanary(r.json.request_id, 50));
  }
  assert.ok(Math.abs(byVersion['4'] / n - 0.5) < 0.1, JSON.stringify(byVersion));
  const { samples } = parsePrometheus((await call(`${url}/metrics`)).text);
  const meta = (await call(`${url}/metadata`)).json;
  await handle.close();
  assert.equal(meta.version, '3');
  assert.deepEqual(meta.canary, { name: 'churn', version: '4', percent: 50 });
  assert.equal(sampleValue(samples, 'mlops_predictions_total', { model_version: '4' }), byVersion['4']);
  assert.equal(sampleValue(samples, 'mlops_predictions_total', { model_version: '3' }), byVersion['3']);
  assert.equal(sampleValue(samples, 'mlops_http_requests_total', { route: '/predict', status: '200', model_version: '4' }), byVersion['4']);
  assert.equal(sampleValue(samples, 'mlops_batch_size_rows_sum', { model_version: '4' }), byVersion['4']);
});

test('--canary 0 sends everything to the primary', async () => {
  const { handle, url } = await start({ canary: { runner: constantRunner(), model: { name: 'churn', version: '4' }, percent: 0 } });
  const replies = await Promise.all(Array.from({ length: 30 }, () => predict(url, { instances: [ROWS[1]] })));
  await handle.close();
  assert.deepEqual(new Set(replies.map((r) => r.json.model.version)), new Set(['3']));
});

test('a slow shadow past its backlog is skipped for new requests, which are still answered and logged', async () => {
  const dir = tempDir();
  const log = await openPredictionLog({ dir, sample: 1, random: Math.random, now: () => new Date('2026-05-04T10:00:00Z'), instance: 'a' });
  const { handle, url } = await start({
    shadow: { runner: constantRunner({ delayMs: 300 }), model: { name: 'churn', version: '4' } },
    maxShadowBacklog: 1,
    predictionLog: log,
  });
  const replies = [];
  for (let i = 0; i < 3; i++) replies.push(await predict(url, { instances: [ROWS[i]] }));
  const { samples } = parsePrometheus((await call(`${url}/metrics`)).text);
  await handle.close();
  await log.close();
  assert.deepEqual(
    replies.map((r) => r.status),
    [200, 200, 200],
  );
  assert.equal(sampleValue(samples, 'mlops_shadow_skipped_total', { model_version: '4' }), 2);
  const lines = log.files().flatMap(readLines);
  assert.deepEqual(lines.map((l) => [l.customer_id, l.shadow_model_version]).sort(), [
    ['C1', '4'],
    ['C2', undefined],
    ['C3', undefined],
  ]);
});
