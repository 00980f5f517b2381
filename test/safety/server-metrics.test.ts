// Issue 15: "/metrics prints 17 duplicate series"; issue 14 item 8: process metrics, and the
// scrape kept out of the in-flight gauge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from '../../src/serve/server.ts';
import { call, predict } from '../serve/http.ts';
import { parsePrometheus, sampleValue } from '../serve/prometheus.ts';
import { toyRunner } from '../serve/toy-runner.ts';
import { duplicateSeries, ROW } from './server-client.ts';

test('/metrics has one series per name and label set, whether a request failed before or after routing', async (t) => {
  const handle = createServer({ runner: toyRunner(), model: { name: 'churn', version: '3' }, maxBodyBytes: 1024 });
  const { url } = await handle.listen(0, '127.0.0.1');
  t.after(() => handle.close());
  const bodies = [
    '{"instances": [', // 400 before routing: the body is not JSON
    JSON.stringify({ instances: [{ age: 1 }] }), // 400 after routing: a feature is missing
    JSON.stringify({ instances: Array(40).fill(ROW) }), // 413 before routing
    JSON.stringify({ instances: [ROW] }),
  ];
  for (let round = 0; round < 3; round++) {
    for (const body of bodies) await call(`${url}/predict`, { body });
    await call(`${url}/nope`);
    await call(`${url}/health`, { method: 'POST', body: '{}' });
    await call(`${url}/metadata`);
  }
  const { samples } = parsePrometheus((await call(`${url}/metrics`)).text);
  assert.deepEqual(duplicateSeries(samples), []);
  assert.equal(sampleValue(samples, 'mlops_http_requests_total', { route: '/predict', status: '400' }), 6);
  assert.equal(sampleValue(samples, 'mlops_http_requests_total', { route: '/predict', status: '413' }), 3);
  assert.equal(sampleValue(samples, 'mlops_http_requests_total', { route: '/predict', status: '200' }), 3);
  assert.equal(sampleValue(samples, 'mlops_http_request_duration_seconds_count', { route: '/predict' }), 12);
  assert.equal(sampleValue(samples, 'mlops_http_requests_total', { route: 'other', status: '404' }), 3);
});

test('/metrics exports Node process metrics, and a scrape does not count itself in flight', async (t) => {
  const handle = createServer({ runner: toyRunner({ delayMs: 150 }), model: { name: 'churn', version: '3' } });
  const { url } = await handle.listen(0, '127.0.0.1');
  t.after(() => handle.close());
  const idle = parsePrometheus((await call(`${url}/metrics`)).text);
  assert.equal(sampleValue(idle.samples, 'mlops_http_requests_in_flight'), 0);
  for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_seconds']) {
    const value = sampleValue(idle.samples, name);
    assert.ok(value !== undefined && value >= 0, `${name} is exported`);
  }
  assert.equal(idle.types.nodejs_heap_size_used_bytes, 'gauge');
  assert.equal(
    sampleValue(idle.samples, 'process_resident_memory_bytes', { model_name: 'churn' }) !== undefined,
    true,
    'process metrics carry the model labels too',
  );
  const slow = predict(url, { instances: [ROW] });
  let busy: number | undefined;
  for (let i = 0; i < 100 && busy !== 1; i++) {
    await new Promise((r) => setTimeout(r, 10));
    busy = sampleValue(parsePrometheus((await call(`${url}/metrics`)).text).samples, 'mlops_http_requests_in_flight');
  }
  assert.equal(busy, 1, 'only the slow /predict is in flight');
  assert.equal((await slow).status, 200);
  const after = parsePrometheus((await call(`${url}/metrics`)).text);
  assert.equal(sampleValue(after.samples, 'mlops_http_requests_in_flight'), 0);
  assert.deepEqual(duplicateSeries(after.samples), []);
});
