import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBatcher, type Timers } from '../../src/serve/batcher.ts';
import type { Cell } from '../../src/data/batch.ts';

/** Timers that fire only when the test says so. */
function manualTimers() {
  const pending: { fn: () => void; ms: number }[] = [];
  const timers: Timers = {
    set: (fn, ms) => {
      const t = { fn, ms };
      pending.push(t);
      return t;
    },
    clear: (t) => {
      const i = pending.indexOf(t as (typeof pending)[0]);
      if (i >= 0) pending.splice(i, 1);
    },
  };
  return { timers, pending, fire: () => pending.splice(0).forEach((t) => t.fn()) };
}

const tick = () => new Promise((r) => setImmediate(r));

/** A model that echoes its input rows and records each call; calls finish when released. */
function echoModel() {
  const calls: Cell[][][] = [];
  const release: (() => void)[] = [];
  const predict = (rows: Cell[][]) => {
    calls.push(rows);
    return new Promise<{ predictions: number[]; probabilities: number[][] }>((resolve) =>
      release.push(() => resolve({ predictions: rows.map((r) => r[0] as number), probabilities: rows.map((r) => [r[0] as number, 0]) })),
    );
  };
  return { calls, release, predict };
}

test('a lone request waits maxWaitMs, then runs as a batch of one', async () => {
  const { timers, pending, fire } = manualTimers();
  const model = echoModel();
  const sizes: number[] = [];
  const batcher = createBatcher({ predict: model.predict, maxBatch: 8, maxWaitMs: 3, timers, onBatch: (n) => sizes.push(n) });
  const result = batcher.submit([[7]]);
  assert.equal(model.calls.length, 0);
  assert.deepEqual(
    pending.map((p) => p.ms),
    [3],
  );
  fire();
  assert.equal(model.calls.length, 1);
  model.release.shift()!();
  assert.deepEqual(await result, { predictions: [7], probabilities: [[7, 0]] });
  assert.deepEqual(sizes, [1]);
});

test('reaching maxBatch runs at once; requests queued during a call go together right after it', async () => {
  const { timers, pending } = manualTimers();
  const model = echoModel();
  const batcher = createBatcher({ predict: model.predict, maxBatch: 3, maxWaitMs: 1000, timers });
  const first = [1, 2, 3].map((v) => batcher.submit([[v]]));
  assert.deepEqual(model.calls, [[[1], [2], [3]]], 'the third row filled the batch: no waiting');
  assert.equal(pending.length, 0);
  const second = [4, 5].map((v) => batcher.submit([[v]]));
  const third = batcher.submit([[6], [7]]);
  assert.equal(model.calls.length, 1, 'one model call at a time');
  model.release.shift()!();
  await Promise.all(first);
  await tick();
  assert.deepEqual(model.calls[1], [[4], [5]], 'a request that would overflow the batch waits for the next one');
  model.release.shift()!();
  assert.deepEqual(
    (await Promise.all(second)).map((r) => r.predictions),
    [[4], [5]],
  );
  await tick();
  assert.deepEqual(model.calls[2], [[6], [7]]);
  model.release.shift()!();
  assert.deepEqual((await third).probabilities, [
    [6, 0],
    [7, 0],
  ]);
});

test('a request bigger than maxBatch runs alone and whole', async () => {
  const { timers } = manualTimers();
  const model = echoModel();
  const batcher = createBatcher({ predict: model.predict, maxBatch: 2, maxWaitMs: 5, timers });
  const big = batcher.submit([[1], [2], [3], [4]]);
  assert.deepEqual(model.calls, [[[1], [2], [3], [4]]]);
  model.release.shift()!();
  assert.deepEqual((await big).predictions, [1, 2, 3, 4]);
});

test('maxBatch 1 calls the model per request, concurrently', async () => {
  const model = echoModel();
  const batcher = createBatcher({ predict: model.predict, maxBatch: 1, maxWaitMs: 5 });
  const results = [1, 2].map((v) => batcher.submit([[v]]));
  assert.equal(model.calls.length, 2);
  model.release.forEach((r) => r());
  assert.deepEqual(
    (await Promise.all(results)).map((r) => r.predictions),
    [[1], [2]],
  );
});

test('a failed batch is retried request by request so only the bad one fails', async () => {
  const sizes: number[] = [];
  const predict = async (rows: Cell[][]) => {
    if (rows.some((r) => r[0] === 'bad')) throw new Error('cannot encode "bad"');
    return { predictions: rows.map((r) => r[0] as string) };
  };
  const { timers, fire } = manualTimers();
  const batcher = createBatcher({ predict, maxBatch: 8, maxWaitMs: 5, timers, onBatch: (n) => sizes.push(n) });
  const results = ['a', 'bad', 'c'].map((v) =>
    batcher.submit([[v]]).then(
      (r) => r.predictions[0],
      (e: Error) => e.message,
    ),
  );
  fire();
  assert.deepEqual(await Promise.all(results), ['a', 'cannot encode "bad"', 'c']);
  assert.deepEqual(sizes, [3, 1, 1, 1]);
});
