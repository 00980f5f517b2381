// Issue 15: "After a 405 to a request with a body, the next keep-alive request on that socket is
// reset. After SIGTERM under 64 keep-alive clients, 51/31/1/0 fully sent requests were reset".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createServer } from '../../src/serve/server.ts';
import { toyRunner } from '../serve/toy-runner.ts';
import { httpRequest, openConnection, PREDICT } from './server-client.ts';

test('after a 404, 405 or 413 to a request with a body, the next request on the same keep-alive socket is answered', async (t) => {
  const handle = createServer({ runner: toyRunner(), model: { name: 'churn', version: '3' }, maxBodyBytes: 4096 });
  const { port } = await handle.listen(0, '127.0.0.1');
  t.after(() => handle.close());
  const c = await openConnection(port);
  t.after(() => c.close());
  const body = JSON.stringify({ instances: [{ age: 1 }], pad: 'x'.repeat(3000) });
  for (const [method, path, status] of [
    ['PUT', '/predict', 405],
    ['POST', '/health', 405],
    ['DELETE', '/metadata', 405],
    ['POST', '/nope', 404],
    ['GET', '/predict', 405],
  ] as const) {
    // The next request arrives in the same read as the body (as a pipelining client or a busy
    // proxy sends it): answering before the body is read used to lose it.
    const first = await c.send(httpRequest(method, path, body) + PREDICT).response;
    assert.equal(first.status, status, `${method} ${path}`);
    assert.notEqual(first.headers.connection, 'close');
    const next = await Promise.race([
      c.receive(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer to the request after ${method} ${path}`)), 2000)),
    ]);
    assert.equal(next.status, 200, `the request after ${method} ${path}: ${next.body}`);
  }
  // A body over the limit on a wrong method: answered, then the connection closes cleanly.
  const big = await openConnection(port);
  t.after(() => big.close());
  const over = await big.send(httpRequest('PUT', '/predict', 'x'.repeat(10_000))).response;
  assert.equal(over.status, 405);
  assert.equal(over.headers.connection, 'close');
});

interface Round {
  answered: number;
  answeredWithClose: number;
  lost: string[];
  exitCode: number | null;
}

/** 64 keep-alive clients loop on /predict against a server process; SIGTERM lands mid-load. */
async function sigtermRound(clients: number, loadMs: number, coldStart: boolean): Promise<Round> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/serve/fixtures/toy-server.ts'], {
    env: { ...process.env, NODE_OPTIONS: '', TOY_DELAY_MS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line);
      if (entry.msg === 'listening') resolve(entry.port);
    });
    void exited.then((code) => reject(new Error(`server exited early with ${code}`)));
  });
  const round: Round = { answered: 0, answeredWithClose: 0, lost: [], exitCode: null };
  let signalled = false;
  let warm = 0;
  const client = async () => {
    let first = true;
    for (;;) {
      let c;
      try {
        c = await openConnection(port);
      } catch {
        return; // refused: the server stopped listening, nothing was sent
      }
      for (;;) {
        const { written, response } = c.send(PREDICT);
        let sent = false;
        written.then(
          () => (sent = true),
          () => {},
        );
        try {
          const r = await response;
          round.answered++;
          if (first) ((first = false), warm++);
          if (r.status !== 200) round.lost.push(`status ${r.status}`);
          if (r.headers.connection === 'close') {
            round.answeredWithClose++;
            c.close();
            break;
          }
        } catch (err) {
          await written.catch(() => {});
          if (sent) round.lost.push(`${(err as Error).message} after the request was sent${signalled ? ' (after SIGTERM)' : ''}`);
          c.close();
          break;
        }
      }
    }
  };
  const running = Promise.all(Array.from({ length: clients }, client));
  // Round 0 signals while clients are still connecting (some not yet accepted), later rounds once all are warm.
  for (let i = 0; i < 500 && warm < clients && !coldStart; i++) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, loadMs));
  signalled = true;
  child.kill('SIGTERM');
  await running;
  round.exitCode = await exited;
  return round;
}

test('SIGTERM under 64 keep-alive clients: every request sent before the close is answered', { timeout: 60_000 }, async () => {
  for (let i = 0; i < 3; i++) {
    const round = await sigtermRound(64, i === 0 ? 50 : 300, i === 0);
    assert.deepEqual(
      round.lost.slice(0, 5),
      [],
      `round ${i}: ${round.lost.length} requests lost of ${round.answered + round.lost.length} (exit ${round.exitCode})`,
    );
    assert.ok(round.answered > 64, `round ${i}: ${round.answered} answered`);
    assert.ok(round.answeredWithClose > 0, `round ${i}: responses after the signal say connection: close`);
    assert.equal(round.exitCode, 0);
  }
});
