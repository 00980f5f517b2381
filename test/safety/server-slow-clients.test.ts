// Issue 15: "500 trickling connections stayed open for 30 s with no cap". Headers and whole
// requests get deadlines and connections a cap; here scaled down: 40 tricklers, 500 ms / 1 s, 16 slots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from '../../src/serve/server.ts';
import { createServeCommand } from '../../src/cli/serve-args.ts';
import { call } from '../serve/http.ts';
import { toyRunner } from '../serve/toy-runner.ts';
import { openConnection, PREDICT } from './server-client.ts';
import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { writeDemoMlp } from '../../scripts/bench/_demo-mlp.ts';
import { tempDir } from '../helpers.ts';
import { startServerProcess } from '../serve/process.ts';

interface Trickle {
  closedAfterMs?: number;
  response: string;
  refused: boolean;
}

/** Opens a connection that sends `head` and then one byte of `drip` every 100 ms, never finishing. */
async function trickle(port: number, head: string, drip: string, started: number): Promise<Trickle> {
  const result: Trickle = { response: '', refused: false };
  let c;
  try {
    c = await openConnection(port);
  } catch {
    return { ...result, refused: true, closedAfterMs: Date.now() - started };
  }
  const socket = c.socket;
  socket.removeAllListeners('data');
  socket.on('data', (d) => (result.response += d));
  socket.write(head);
  let i = 0;
  const timer = setInterval(() => {
    if (!socket.destroyed) socket.write(drip[i++ % drip.length]);
  }, 100);
  await new Promise<void>((resolve) => socket.once('close', () => resolve()));
  clearInterval(timer);
  result.closedAfterMs = Date.now() - started;
  return result;
}

test('trickling clients are cut at the headers and request deadlines, and connections are capped', { timeout: 20_000 }, async (t) => {
  const handle = createServer({
    runner: toyRunner(),
    model: { name: 'churn', version: '3' },
    headersTimeoutMs: 500,
    requestTimeoutMs: 1000,
    maxConnections: 16,
  });
  const { port, url } = await handle.listen(0, '127.0.0.1');
  t.after(() => handle.close());
  const started = Date.now();
  const slowHeaders = Array.from({ length: 20 }, () => trickle(port, 'POST /predict HTTP/1.1\r\nhost: x\r\nx-slow: ', 'abcdef', started));
  const slowBodies = Array.from({ length: 20 }, () => trickle(port, 'POST /predict HTTP/1.1\r\nhost: x\r\ncontent-length: 100000\r\n\r\n{', '1', started));
  const all = await Promise.all([...slowHeaders, ...slowBodies]);
  const accepted = all.filter((r) => r.response !== '');
  // Past the cap the server closes the connection at once, without reading it.
  assert.ok(accepted.length <= 16, `${accepted.length} connections were served`);
  assert.ok(accepted.length >= 1);
  for (const r of accepted) assert.match(r.response, /^HTTP\/1\.1 408 /);
  const longest = Math.max(...all.map((r) => r.closedAfterMs!));
  assert.ok(longest < 5000, `every trickler was cut within 5 s (longest ${longest} ms)`);
  // Once they are gone the server answers as usual.
  const c = await openConnection(port);
  t.after(() => c.close());
  assert.equal((await c.send(PREDICT).response).status, 200);
  assert.equal((await call(`${url}/health`)).status, 200);
});

test('mlops serve documents and checks --headers-timeout, --request-timeout and --max-connections', async () => {
  const docs = readFileSync('docs/serving.md', 'utf8');
  const serve = createServeCommand(new EventEmitter());
  for (const flag of ['--headers-timeout', '--request-timeout', '--max-connections', '--strict-ranges']) {
    assert.ok(serve.help.includes(flag), `${flag} in --help`);
    assert.ok(docs.includes(`\`${flag}\``), `${flag} in docs/serving.md`);
  }
  const io = { stdout: new PassThrough(), stderr: new PassThrough(), cwd: process.cwd(), env: {}, now: () => new Date() };
  await assert.rejects(serve.run(['--model', 'x.onnx', '--headers-timeout', '0'], io), /--headers-timeout must be a whole number from 1/);
  await assert.rejects(
    serve.run(['--model', 'x.onnx', '--headers-timeout', '20', '--request-timeout', '10'], io),
    /--headers-timeout \(20\) cannot be longer than --request-timeout \(10\)/,
  );
  await assert.rejects(serve.run(['--model', 'x.onnx', '--max-connections', 'many'], io), /--max-connections must be a whole number/);
});

test('mlops serve passes the flags on: --headers-timeout 1 --max-connections 4 cut tricklers of a real process', { timeout: 30_000 }, async () => {
  const dir = tempDir();
  const model = await writeDemoMlp(dir);
  const server = await startServerProcess([
    '--import',
    'tsx',
    'src/cli/main.ts',
    'serve',
    '--model',
    model,
    '--port',
    '0',
    '--headers-timeout',
    '1',
    '--request-timeout',
    '2',
    '--max-connections',
    '4',
  ]);
  try {
    const port = Number(new URL(server.url).port);
    const started = Date.now();
    const all = await Promise.all(Array.from({ length: 8 }, () => trickle(port, 'GET /health HTTP/1.1\r\nhost: x\r\nx-slow: ', 'abc', started)));
    const served = all.filter((r) => r.response !== '');
    assert.ok(served.length >= 1 && served.length <= 4, `${served.length} of 8 were served`);
    for (const r of served) assert.match(r.response, /^HTTP\/1\.1 408 /);
    assert.ok(Math.max(...all.map((r) => r.closedAfterMs!)) < 8000);
    assert.equal((await call(`${server.url}/health`)).status, 200);
  } finally {
    assert.equal(await server.stop(), 0);
  }
});
