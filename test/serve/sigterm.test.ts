import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { call, predict } from './http.ts';

test('SIGTERM during load: every accepted request is answered, then the process exits 0', { timeout: 20_000 }, async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/serve/fixtures/toy-server.ts'], {
    env: { ...process.env, NODE_OPTIONS: '', TOY_DELAY_MS: '120' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logs: any[] = [];
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    lines.on('line', (line) => {
      const entry = JSON.parse(line);
      logs.push(entry);
      if (entry.msg === 'listening') resolve(entry.port);
    });
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const row = { age: 40, monthly_charges: 70, plan: 'basic', has_partner: true };
  const pending = Array.from({ length: 12 }, () => predict(url, { instances: [row] }));
  // Wait until the server has received them all, so all are "accepted" when the signal lands.
  while (!(await countInFlight(url, 12))) await new Promise((r) => setTimeout(r, 10));
  child.kill('SIGTERM');
  const replies = await Promise.all(pending);
  assert.deepEqual(
    replies.map((r) => r.status),
    Array(12).fill(200),
  );
  assert.equal(await exited, 0);
  const requests = logs.filter((l) => l.msg === 'request');
  assert.equal(requests.length, 12);
  assert.ok(logs.findIndex((l) => l.msg === 'signal') < logs.findIndex((l) => l.msg === 'request'), 'the signal came while requests were in flight');
  assert.equal(logs.at(-1).msg, 'stopped');
});

/** True once the server's in-flight gauge (scrapes are not counted) reaches `n`. */
async function countInFlight(url: string, n: number): Promise<boolean> {
  const text = (await call(`${url}/metrics`)).text;
  const m = /^mlops_http_requests_in_flight\{[^}]*\} (\d+)/m.exec(text);
  return m !== null && Number(m[1]) >= n;
}
