import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openPredictionLog } from '../../src/serve/prediction-log.ts';
import { createServer } from '../../src/serve/server.ts';
import { mulberry32 } from '../../src/util/random.ts';
import { tempDir } from '../helpers.ts';
import { toyProbability, toyRunner } from './toy-runner.ts';
import { predict } from './http.ts';

const readLines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

test('the server logs request columns, prediction, probabilities, model version, timestamp and request id', async () => {
  const dir = join(tempDir(), 'predictions');
  const now = () => new Date('2026-05-04T10:20:30.123Z');
  const log = await openPredictionLog({ dir, sample: 1, random: Math.random, now, instance: 'pod-a' });
  const handle = createServer({ runner: toyRunner(), model: { name: 'churn', version: '7' }, predictionLog: log });
  const { url } = await handle.listen(0, '127.0.0.1');
  const row = { customer_id: 'C9', age: 40, monthly_charges: 70.5, plan: 'basic', has_partner: false };
  const reply = await predict(url, { instances: [row, { ...row, customer_id: 'C10', plan: 'premium' }] });
  await handle.close();
  await log.close();
  assert.deepEqual(
    log.files().map((f) => basename(f)),
    ['predictions-20260504T102030Z-pod-a-0001.jsonl'],
  );
  const lines = readLines(log.files()[0]);
  const p = toyProbability(row);
  assert.deepEqual(lines[0], {
    ...row,
    prediction: p >= 0.5 ? '1' : '0',
    probability_0: 1 - p,
    probability_1: p,
    model_version: '7',
    timestamp: '2026-05-04T10:20:30.123Z',
    request_id: reply.json.request_id,
  });
  assert.equal(lines[1].customer_id, 'C10');
});

test('sampling keeps the rows whose random draw is below the rate', async () => {
  const dir = tempDir();
  const draws = mulberry32(11);
  const expected = mulberry32(11);
  const log = await openPredictionLog({ dir, sample: 0.25, random: draws, now: () => new Date('2026-01-01T00:00:00Z'), instance: 'x' });
  const rows = Array.from({ length: 400 }, (_, i) => ({ record: { i }, prediction: i }));
  log.write(rows, { requestId: 'r', modelVersion: '1' });
  await log.close();
  const kept = readLines(log.files()[0]).map((l) => l.i);
  assert.deepEqual(
    kept,
    rows.map((r) => r.record.i).filter(() => expected() < 0.25),
  );
  assert.ok(kept.length > 70 && kept.length < 130, `${kept.length} of 400 at 25%`);
});

test('files rotate past the size limit and at a new UTC day, never splitting a write', async () => {
  const dir = tempDir();
  let now = new Date('2026-01-01T23:59:00Z');
  const log = await openPredictionLog({ dir, sample: 1, random: Math.random, now: () => now, instance: 'x', maxFileBytes: 400 });
  const write = (n: number) =>
    log.write(
      Array.from({ length: n }, (_, i) => ({ record: { i }, prediction: 0 })),
      { requestId: 'r', modelVersion: '1' },
    );
  write(2);
  write(2);
  write(2);
  now = new Date('2026-01-02T00:00:01Z');
  write(1);
  await log.close();
  const files = log.files();
  assert.deepEqual(
    files.map((f) => basename(f)),
    ['predictions-20260101T235900Z-x-0001.jsonl', 'predictions-20260101T235900Z-x-0002.jsonl', 'predictions-20260102T000001Z-x-0003.jsonl'],
  );
  assert.deepEqual(
    files.map((f) => readLines(f).length),
    [4, 2, 1],
  );
  assert.ok(files.slice(0, 2).every((f) => readFileSync(f).length <= 400));
});

test('a sample rate outside 0..1 is refused', async () => {
  await assert.rejects(openPredictionLog({ dir: tempDir(), sample: 1.5, random: Math.random, now: () => new Date(), instance: 'x' }), /within 0\.\.1/);
});
