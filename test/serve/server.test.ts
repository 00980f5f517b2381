import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createServer, type ServerOptions } from '../../src/serve/server.ts';
import { jsonLogger } from '../../src/serve/log.ts';
import { toyProbability, toyRunner } from './toy-runner.ts';
import { call, predict } from './http.ts';
import { parsePrometheus, sampleValue } from './prometheus.ts';

const ROWS = [
  { customer_id: 'C1', age: 59, monthly_charges: 94.61, plan: 'premium', has_partner: true },
  { customer_id: 'C2', age: 18, monthly_charges: 33.7, plan: 'basic', has_partner: true },
  { customer_id: 'C3', age: 30, monthly_charges: 120, plan: 'standard', has_partner: false },
];

async function start(options: Partial<ServerOptions> = {}) {
  const runner = options.runner ?? toyRunner();
  const handle = createServer({ runner, model: { name: 'churn', version: '3', lineage: { source_commit: 'abc123' } }, ...options });
  const { url } = await handle.listen(0, '127.0.0.1');
  return { handle, url, runner };
}

test('POST /predict answers rows with predictions, probabilities, model name and version', async (t) => {
  const { handle, url } = await start();
  t.after(() => handle.close());
  const reply = await call(`${url}/predict`, { body: JSON.stringify({ instances: ROWS }), headers: { 'x-request-id': 'req-42' } });
  assert.equal(reply.status, 200);
  assert.equal(reply.headers['x-request-id'], 'req-42');
  assert.deepEqual(reply.json.model, { name: 'churn', version: '3' });
  assert.equal(reply.json.request_id, 'req-42');
  assert.deepEqual(reply.json.classes, ['0', '1']);
  const expected = ROWS.map(toyProbability);
  assert.deepEqual(
    reply.json.predictions,
    expected.map((p) => (p >= 0.5 ? '1' : '0')),
  );
  reply.json.probabilities.forEach((p: number[], i: number) => {
    assert.ok(Math.abs(p[1] - expected[i]) < 1e-12);
    assert.ok(Math.abs(p[0] + p[1] - 1) < 1e-12);
  });
  assert.deepEqual(reply.json.predictions, ['1', '0', '0']);
});

test('the columnar form gives the same predictions as rows', async (t) => {
  const { handle, url } = await start();
  t.after(() => handle.close());
  const inputs = Object.fromEntries(['age', 'monthly_charges', 'plan', 'has_partner'].map((k) => [k, ROWS.map((r) => r[k as keyof (typeof ROWS)[0]])]));
  const [byRows, byColumns] = await Promise.all([predict(url, { instances: ROWS }), predict(url, { inputs })]);
  assert.equal(byColumns.status, 200);
  assert.deepEqual(byColumns.json.probabilities, byRows.json.probabilities);
});

test('bad input gets a 4xx naming the problem, never a 500', async (t) => {
  const { handle, url } = await start({ maxBodyBytes: 2048 });
  t.after(() => handle.close());
  const cases: [string | Buffer, number, RegExp, string?][] = [
    ['{"instances": [', 400, /not valid JSON/],
    ['', 400, /body is empty/],
    ['[1,2]', 400, /"instances" \(rows\) or "inputs" \(columns\)/],
    [JSON.stringify({ instances: [] }), 400, /"instances" is empty/],
    [
      JSON.stringify({ instances: [{ age: 40, monthly_charges: 50, plan: 'basic' }] }),
      400,
      /instances\[0\]\.has_partner is missing: the model needs true or false/,
      'instances[0].has_partner',
    ],
    [JSON.stringify({ instances: [ROWS[0], { ...ROWS[1], age: 'old' }] }), 400, /instances\[1\]\.age: expected an integer, got "old"/, 'instances[1].age'],
    [JSON.stringify({ instances: [{ ...ROWS[0], age: 40.5 }] }), 400, /expected an integer, got 40\.5/],
    [JSON.stringify({ instances: [{ ...ROWS[0], has_partner: 'yes' }] }), 400, /has_partner: expected true or false/],
    [
      JSON.stringify({ instances: [{ ...ROWS[0], plan: 'gold' }] }),
      400,
      /unknown category "gold" \(the model knows "basic", "premium", "standard"\)/,
      'instances[0].plan',
    ],
    [JSON.stringify({ instances: [7] }), 400, /instances\[0\] must be an object/],
    [JSON.stringify({ inputs: { age: [1, 2], monthly_charges: [3] } }), 400, /inputs\.monthly_charges has 1 values but inputs\.age has 2/],
    [JSON.stringify({ inputs: { age: [1], monthly_charges: [3], plan: ['basic'] } }), 400, /inputs\.has_partner is missing/, 'inputs.has_partner'],
    [JSON.stringify({ instances: ROWS, inputs: {} }), 400, /exactly one of/],
    [JSON.stringify({ instances: Array(40).fill(ROWS[0]) }), 413, /limit is 2048/],
  ];
  for (const [body, status, message, field] of cases) {
    const reply = await call(`${url}/predict`, { body });
    assert.equal(reply.status, status, `${String(body).slice(0, 60)} → ${reply.text}`);
    assert.match(reply.json.error, message);
    if (field) assert.equal(reply.json.field, field);
  }
  assert.equal((await call(`${url}/nope`)).status, 404);
  assert.equal((await call(`${url}/constructor`)).status, 404);
  const wrongMethod = await call(`${url}/predict`);
  assert.equal(wrongMethod.status, 405);
  assert.equal(wrongMethod.headers.allow, 'POST');
});

test('a body streamed past the limit without a length is cut off with 413', async (t) => {
  const { handle, url } = await start({ maxBodyBytes: 1000 });
  t.after(() => handle.close());
  const { request } = await import('node:http');
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(`${url}/predict`, { method: 'POST', agent: false, headers: { 'transfer-encoding': 'chunked' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.write('{"instances": [' + '{"age": 1},'.repeat(200));
  });
  assert.equal(status, 413);
});

test("runner errors: its MlopsError is the client's 400, anything else a logged 500", async (t) => {
  const out = new PassThrough();
  const lines: string[] = [];
  out.on('data', (d) => lines.push(...String(d).trim().split('\n')));
  const { handle, url } = await start({
    runner: toyRunner({ failOnAge: 99, crashOnAge: 98 }),
    logger: jsonLogger(out, { now: () => new Date('2026-03-01T00:00:00Z') }),
  });
  t.after(() => handle.close());
  const bad = await predict(url, { instances: [{ ...ROWS[0], age: 99 }] });
  assert.equal(bad.status, 400);
  assert.match(bad.json.error, /age 99 cannot be encoded/);
  const ok = await predict(url, { instances: [ROWS[0]] });
  assert.equal(ok.status, 200);
  const crash = await predict(url, { instances: [{ ...ROWS[0], age: 98 }] });
  assert.equal(crash.status, 500);
  assert.deepEqual(Object.keys(crash.json), ['error', 'request_id'], 'no internals leak to the client');
  const logs = lines.map((l) => JSON.parse(l));
  const requests = logs.filter((l) => l.msg === 'request');
  assert.equal(requests.length, 3);
  assert.deepEqual(
    requests.map((l) => [l.level, l.status, l.path, typeof l.duration_ms, l.time]),
    [
      ['warn', 400, '/predict', 'number', '2026-03-01T00:00:00.000Z'],
      ['info', 200, '/predict', 'number', '2026-03-01T00:00:00.000Z'],
      ['error', 500, '/predict', 'number', '2026-03-01T00:00:00.000Z'],
    ],
  );
  assert.match(requests[2].error, /tensor shape mismatch/);
  assert.equal(requests[2].request_id, crash.json.request_id);
  assert.equal(requests[1].rows, 1);
  assert.match(requests[1].request_id, /^[0-9a-f-]{36}$/);
});

test('a failing neighbour in a micro-batch does not fail the other requests', async (t) => {
  const { handle, url, runner } = await start({ runner: toyRunner({ failOnAge: 99, delayMs: 20 }), maxBatch: 16, maxWaitMs: 20 });
  t.after(() => handle.close());
  const replies = await Promise.all([
    predict(url, { instances: [ROWS[0]] }),
    predict(url, { instances: [{ ...ROWS[1], age: 99 }] }),
    predict(url, { instances: [ROWS[2]] }),
  ]);
  assert.deepEqual(
    replies.map((r) => r.status),
    [200, 400, 200],
  );
  assert.equal((runner as ReturnType<typeof toyRunner>).calls[0], 3, 'the three requests went as one batch first');
});

test('/health, /ready and /metadata', async (t) => {
  const { handle, url } = await start();
  t.after(() => handle.close());
  assert.deepEqual((await call(`${url}/health`)).json, { status: 'ok' });
  assert.deepEqual((await call(`${url}/ready`)).json, { status: 'ready', model: { name: 'churn', version: '3' } });
  const meta = (await call(`${url}/metadata`)).json;
  assert.equal(meta.name, 'churn');
  assert.equal(meta.version, '3');
  assert.equal(meta.task, 'classification');
  assert.deepEqual(meta.classes, ['0', '1']);
  assert.deepEqual(
    meta.features.map((f: { name: string }) => f.name),
    ['age', 'monthly_charges', 'plan', 'has_partner'],
  );
  assert.deepEqual(meta.lineage, { source_commit: 'abc123' });
});

test('/metrics is Prometheus text with counts by status, latency, batch sizes and the model version', async (t) => {
  const { handle, url } = await start();
  t.after(() => handle.close());
  await predict(url, { instances: ROWS });
  await predict(url, { instances: [ROWS[0]] });
  await predict(url, { instances: [{ age: 1 }] });
  const reply = await call(`${url}/metrics`);
  assert.equal(reply.status, 200);
  assert.match(String(reply.headers['content-type']), /^text\/plain; version=0\.0\.4/);
  const { samples, types } = parsePrometheus(reply.text);
  const labels = { model_name: 'churn', model_version: '3' };
  assert.equal(types.mlops_http_requests_total, 'counter');
  assert.equal(types.mlops_batch_size_rows, 'histogram');
  assert.equal(sampleValue(samples, 'mlops_http_requests_total', { ...labels, route: '/predict', status: '200' }), 2);
  assert.equal(sampleValue(samples, 'mlops_http_requests_total', { ...labels, route: '/predict', status: '400' }), 1);
  assert.equal(sampleValue(samples, 'mlops_http_request_duration_seconds_count', { ...labels, route: '/predict' }), 3);
  assert.equal(sampleValue(samples, 'mlops_predictions_total', labels), 4);
  assert.equal(sampleValue(samples, 'mlops_batch_size_rows_count', labels), 2);
  assert.equal(sampleValue(samples, 'mlops_batch_size_rows_sum', labels), 4);
  assert.equal(sampleValue(samples, 'mlops_batch_size_rows_bucket', { ...labels, le: '2' }), 1);
  assert.equal(sampleValue(samples, 'mlops_model_info', labels), 1);
  assert.ok(samples.every((s) => s.labels.model_version === '3'));
});

test('micro-batching coalesces concurrent requests and every request gets its own rows back', async (t) => {
  const runner = toyRunner({ delayMs: 15 });
  const { handle, url } = await start({ runner, maxBatch: 8, maxWaitMs: 5 });
  t.after(() => handle.close());
  const rows = Array.from({ length: 24 }, (_, i) => ({
    age: 18 + i * 3,
    monthly_charges: 20 + i * 5,
    plan: ['basic', 'premium', 'standard'][i % 3],
    has_partner: i % 2 === 0,
  }));
  const replies = await Promise.all(rows.map((r) => predict(url, { instances: [r] })));
  replies.forEach((reply, i) => {
    assert.equal(reply.status, 200);
    assert.ok(Math.abs(reply.json.probabilities[0][1] - toyProbability(rows[i])) < 1e-12, `request ${i} got another request's result`);
  });
  assert.equal(
    runner.calls.reduce((a, b) => a + b, 0),
    24,
  );
  assert.ok(Math.max(...runner.calls) > 1 && Math.max(...runner.calls) <= 8, `batch sizes ${runner.calls}`);
  assert.ok(runner.calls.length < 24);
  const { samples } = parsePrometheus((await call(`${url}/metrics`)).text);
  const count = sampleValue(samples, 'mlops_batch_size_rows_count')!;
  const sum = sampleValue(samples, 'mlops_batch_size_rows_sum')!;
  assert.equal(sum, 24);
  assert.ok(sum / count > 1, `mean batch size ${sum / count}`);
  assert.ok(sampleValue(samples, 'mlops_batch_size_rows_bucket', { le: '1' })! < count, 'some batches hold more than one row');
});

test('with --max-batch 1 every request is its own model call', async (t) => {
  const runner = toyRunner({ delayMs: 5 });
  const { handle, url } = await start({ runner, maxBatch: 1 });
  t.after(() => handle.close());
  await Promise.all(ROWS.map((r) => predict(url, { instances: [r] })));
  assert.deepEqual(runner.calls, [1, 1, 1]);
});

test('close() finishes accepted requests, then refuses connections', async () => {
  const runner = toyRunner({ delayMs: 150 });
  const { handle, url } = await start({ runner, maxBatch: 4, maxWaitMs: 1 });
  const pending = Array.from({ length: 10 }, () => predict(url, { instances: [ROWS[0]] }));
  await new Promise((r) => setTimeout(r, 50));
  const closing = handle.close();
  const replies = await Promise.all(pending);
  assert.deepEqual(
    replies.map((r) => r.status),
    Array(10).fill(200),
  );
  await closing;
  await assert.rejects(call(`${url}/health`), /ECONNREFUSED/);
  assert.equal(runner.closed, false, 'the runner belongs to the caller');
});

test('close() with keep-alive clients: in-flight requests finish and their connections close promptly', async () => {
  const { Agent, request } = await import('node:http');
  const runner = toyRunner({ delayMs: 100 });
  const { handle, url } = await start({ runner, maxBatch: 4 });
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const send = () =>
    new Promise<{ status: number; connection?: string }>((resolve, reject) => {
      const req = request(`${url}/predict`, { method: 'POST', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ instances: [ROWS[0]] }));
    });
  await Promise.all([send(), send()]);
  const pending = [send(), send(), send()];
  await new Promise((r) => setTimeout(r, 30));
  const t0 = performance.now();
  await Promise.all([handle.close(), ...pending]);
  const replies = await Promise.all(pending);
  assert.deepEqual(
    replies.map((r) => r.status),
    [200, 200, 200],
  );
  assert.deepEqual(
    replies.map((r) => r.connection),
    ['close', 'close', 'close'],
  );
  assert.ok(performance.now() - t0 < 2000, 'close() does not wait for keep-alive timeouts');
  agent.destroy();
});
