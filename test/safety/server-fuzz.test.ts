// Issue 15: "the fuzz (bad bodies incl. float overflow and deep nesting) gives zero 500s".
// 2,000 seeded bad requests against the server on 127.0.0.1, eight keep-alive sockets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { createServer } from '../../src/serve/server.ts';
import { mulberry32 } from '../../src/util/random.ts';
import { parsePrometheus } from '../serve/prometheus.ts';
import { toyRunner } from '../serve/toy-runner.ts';
import { duplicateSeries, ROW } from './server-client.ts';

const CASES = 2000;
const MAX_BODY = 256 * 1024;

interface Case {
  kind: string;
  method: string;
  path: string;
  body: Buffer | string;
  headers: Record<string, string>;
}

function generator(seed: number) {
  const rand = mulberry32(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const scalars = [
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e39,
    -1e39,
    3.4e38,
    1e308,
    -1e308,
    5e-324,
    1e29,
    '',
    'basic',
    'gold',
    '40',
    'NaN',
    'Infinity',
    '\u0000',
    '\ud800',
    '💥',
    '__proto__',
  ];
  const value = (depth = 0): unknown => {
    const r = rand();
    if (depth > 3 || r < 0.6) return pick(scalars);
    if (r < 0.8) return Array.from({ length: int(4) }, () => value(depth + 1));
    return Object.fromEntries(
      Array.from({ length: int(4) }, () => [pick(['age', 'plan', 'x', '__proto__', 'constructor', 'toString', 'has_partner']), value(depth + 1)]),
    );
  };
  const deep = (d: number) => `${'['.repeat(d)}${']'.repeat(d)}`;
  const deepObject = (d: number) => `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`;
  const features = Object.keys(ROW);
  const row = (): Record<string, unknown> => {
    const r: Record<string, unknown> = { ...ROW };
    for (let n = int(3) + 1; n > 0; n--) {
      const f = pick([...features, 'extra', '__proto__', 'constructor']);
      if (rand() < 0.2) delete r[f];
      else r[f] = value();
    }
    return r;
  };
  const kinds: Record<string, () => Omit<Case, 'kind'>> = {
    invalidJson: () => {
      const good = JSON.stringify({ instances: [ROW, ROW] });
      const body = pick([
        good.slice(0, int(good.length)),
        good.replace(/[:,]/, pick(['', ';', '::'])),
        `\ufeff${good}`,
        "{'instances': []}",
        'NaN',
        '{"instances":[1e999999999999]}',
        `${good}${good}`,
      ]);
      return post(body);
    },
    randomBytes: () => post(Buffer.from(Array.from({ length: int(512) }, () => int(256)))),
    invalidUtf8: () => post(Buffer.concat([Buffer.from('{"instances":[{"plan":"'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}]}')])),
    floatOverflow: () => {
      const f = pick(['age', 'monthly_charges']);
      const text = pick(['1e39', '-1e39', '3.5e38', '1e309', '-1e309', '1e400', '123456789e300']);
      return rand() < 0.5
        ? post(JSON.stringify({ instances: [ROW, { ...ROW, [f]: 0 }] }).replace(`"${f}":0`, `"${f}":${text}`))
        : post(
            JSON.stringify({ inputs: Object.fromEntries(features.map((k) => [k, [ROW[k as keyof typeof ROW]]])) }).replace(
              `"${f}":[${ROW[f as keyof typeof ROW]}]`,
              `"${f}":[${text}]`,
            ),
          );
    },
    deepNesting: () => {
      const d = pick([100, 1000, 10_000, 50_000]);
      const inner = rand() < 0.5 ? deep(d) : deepObject(d);
      const where = pick(['feature', 'extra', 'top', 'instances', 'inputs']);
      if (where === 'top') return post(inner);
      if (where === 'instances') return post(`{"instances":${inner}}`);
      if (where === 'inputs') return post(`{"inputs":{"age":${inner}}}`);
      return post(
        `{"instances":[{"age":40,"monthly_charges":70,"plan":"basic","has_partner":true,"${where === 'feature' ? pick(features) : 'extra'}":${inner}}]}`,
      );
    },
    wrongTypes: () =>
      post(
        JSON.stringify(
          pick([
            () => ({ instances: Array.from({ length: int(5) + 1 }, row) }),
            () => ({ inputs: Object.fromEntries(features.map((f) => [f, rand() < 0.7 ? [value()] : value()])) }),
            () => ({ instances: value() }),
            () => ({ inputs: value() }),
            () => value(),
            () => ({ instances: [ROW], inputs: {} }),
          ])(),
        ) ?? 'null',
      ),
    hugeArrays: () => {
      const n = pick([10_000, 50_000, 200_000]);
      return post(
        pick([
          () => JSON.stringify({ instances: Array(Math.min(n, 60_000)).fill(0) }),
          () => JSON.stringify({ instances: [{ ...ROW, age: Array(n).fill(1) }] }),
          () => JSON.stringify({ inputs: { age: Array(n).fill(1), plan: Array(n - 1).fill('basic') } }),
          () => `[${'1,'.repeat(n)}1]`,
        ])(),
      );
    },
    contentType: () => ({
      ...post(rand() < 0.5 ? JSON.stringify({ instances: [ROW] }) : 'a=1&b=2'),
      headers: {
        'content-type': pick([
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=xyz',
          'application/json; charset=latin1',
          'application/json; charset=utf-16',
          '',
          ';;;',
          'application/octet-stream',
        ]),
      },
    }),
    methodsAndPaths: () => ({
      method: pick(['PUT', 'DELETE', 'PATCH', 'GET', 'POST', 'OPTIONS', 'HEAD']),
      path: pick(['/predict', '/health', '/ready', '/metadata', '/predict?x=1', '//predict', '/predict/', '/%', '/constructor', '/__proto__', '/metrics?x']),
      body: rand() < 0.5 ? JSON.stringify({ instances: [ROW] }) : '',
      headers: {},
    }),
  };
  const names = Object.keys(kinds);
  return (i: number): Case => {
    const kind = names[i % names.length];
    return { kind, ...kinds[kind]() };
  };
  function post(body: Buffer | string): Omit<Case, 'kind'> {
    return { method: 'POST', path: '/predict', body, headers: { 'content-type': 'application/json' } };
  }
}

function send(port: number, agent: Agent, c: Case): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const body = typeof c.body === 'string' ? Buffer.from(c.body) : c.body;
    const req = request({ host: '127.0.0.1', port, method: c.method, path: c.path, agent, headers: { ...c.headers, 'content-length': body.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test(`${CASES} seeded bad requests: zero 500s, every error one short line, the server still healthy`, { timeout: 120_000 }, async (t) => {
  const handle = createServer({
    runner: toyRunner(),
    model: { name: 'churn', version: '3', featureRanges: { age: { min: 18, max: 80, source: 'profile' } } },
    maxBodyBytes: MAX_BODY,
  });
  const { port, url } = await handle.listen(0, '127.0.0.1');
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  t.after(async () => {
    agent.destroy();
    await handle.close();
  });
  const next = generator(15);
  const statuses = new Map<string, number>();
  const failures: string[] = [];
  let i = 0;
  const worker = async () => {
    while (i < CASES) {
      const c = next(i++);
      const reply = await send(port, agent, c);
      const key = `${c.kind} ${reply.status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      const shown = `${c.kind} ${c.method} ${c.path} ${String(c.body).slice(0, 80)} → ${reply.status} ${reply.text.slice(0, 200)}`;
      if (reply.status >= 500) failures.push(shown);
      else if (reply.status >= 400 && c.method !== 'HEAD') {
        let error: unknown;
        try {
          error = JSON.parse(reply.text).error;
        } catch {
          error = undefined;
        }
        if (typeof error !== 'string' || error.includes('\n') || error.length > 400) failures.push(`bad error body: ${shown}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  assert.deepEqual(failures.slice(0, 10), [], `${failures.length} failures`);
  // Every kind of bad input was answered, mostly with 4xx.
  for (const kind of ['invalidJson', 'floatOverflow', 'deepNesting', 'wrongTypes', 'hugeArrays', 'contentType']) {
    assert.ok(
      [...statuses].some(([k]) => k.startsWith(`${kind} 4`)),
      `${kind}: ${JSON.stringify([...statuses])}`,
    );
  }
  const total = (kind: string) => [...statuses].filter(([k]) => k.startsWith(`${kind} `)).reduce((n, [, v]) => n + v, 0);
  assert.equal(statuses.get('floatOverflow 400'), total('floatOverflow'), `every float overflow is a 400: ${JSON.stringify([...statuses])}`);
  assert.equal(
    (statuses.get('deepNesting 400') ?? 0) + (statuses.get('deepNesting 413') ?? 0),
    total('deepNesting'),
    'every deep nesting is a 400 (or 413 past --max-body)',
  );
  assert.ok((statuses.get('deepNesting 400') ?? 0) > 100);
  const metrics = await send(port, agent, { kind: 'scrape', method: 'GET', path: '/metrics', body: '', headers: {} });
  const { samples } = parsePrometheus(metrics.text);
  assert.deepEqual(duplicateSeries(samples), []);
  const requests = samples.filter((s) => s.name === 'mlops_http_requests_total');
  assert.equal(requests.filter((s) => s.labels.status.startsWith('5')).length, 0);
  assert.equal(
    requests.reduce((n, s) => n + s.value, 0),
    CASES,
  );
  assert.equal(
    (await send(port, agent, { kind: 'ok', method: 'POST', path: '/predict', body: JSON.stringify({ instances: [ROW] }), headers: {} })).status,
    200,
  );
  assert.equal(new URL(url).hostname, '127.0.0.1');
});
