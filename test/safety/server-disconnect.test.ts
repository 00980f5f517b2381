// Issue 15: "Client disconnects are counted as 500s ... and logged as errors with stacks".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { jsonLogger } from '../../src/serve/log.ts';
import { createServer } from '../../src/serve/server.ts';
import { call } from '../serve/http.ts';
import { parsePrometheus, sampleValue } from '../serve/prometheus.ts';
import { toyRunner } from '../serve/toy-runner.ts';
import { openConnection, PREDICT, ROW } from './server-client.ts';

test('a client that hangs up mid-body or before its answer is counted as 499 and logged at info without a stack', { timeout: 20_000 }, async (t) => {
  const out = new PassThrough();
  const lines: any[] = [];
  out.on('data', (d) =>
    String(d)
      .split('\n')
      .filter(Boolean)
      .forEach((l) => lines.push(JSON.parse(l))),
  );
  const handle = createServer({ runner: toyRunner({ delayMs: 200 }), model: { name: 'churn', version: '3' }, logger: jsonLogger(out) });
  const { port, url } = await handle.listen(0, '127.0.0.1');
  t.after(() => handle.close());

  // Ten hang up halfway through their body, ten while the model (200 ms) is still working on theirs;
  // each hangs up once the server has its request, however busy the machine.
  let received = 0;
  handle.server.on('request', () => received++);
  const untilReceived = async (n: number) => {
    for (let i = 0; i < 500 && received < n; i++) await new Promise((r) => setTimeout(r, 10));
  };
  const body = JSON.stringify({ instances: [ROW] });
  for (let i = 0; i < 20; i++) {
    const c = await openConnection(port);
    await c.send(i < 10 ? `POST /predict HTTP/1.1\r\nhost: x\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, 10)}` : PREDICT).written;
    await untilReceived(i + 1);
    if (i >= 10) await new Promise((r) => setTimeout(r, 20));
    c.close();
  }
  // Wait (at most 5 s) for the last model calls to finish and find their clients gone.
  let samples = parsePrometheus((await call(`${url}/metrics`)).text).samples;
  for (let i = 0; i < 100 && sampleValue(samples, 'mlops_http_requests_in_flight') !== 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
    samples = parsePrometheus((await call(`${url}/metrics`)).text).samples;
  }
  assert.equal(sampleValue(samples, 'mlops_http_requests_total', { route: '/predict', status: '499' }), 20);
  assert.equal(sampleValue(samples, 'mlops_http_requests_total', { route: '/predict', status: '500' }), undefined);
  assert.equal(sampleValue(samples, 'mlops_http_requests_total', { route: '/predict', status: '200' }), undefined);
  assert.equal(sampleValue(samples, 'mlops_http_requests_in_flight'), 0);
  const logged = lines.filter((l) => l.msg === 'request' || l.msg === 'client closed the connection');
  assert.equal(logged.length, 20);
  for (const l of logged) {
    assert.equal(l.level, 'info', JSON.stringify(l));
    assert.equal(l.status, 499);
    assert.ok(!JSON.stringify(l).includes('    at '), `no stack: ${JSON.stringify(l)}`);
  }
  assert.equal(lines.filter((l) => l.level === 'error').length, 0);
});
