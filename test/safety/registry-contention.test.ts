import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RegistryStore, Snapshot } from '../../src/registry/store.ts';
import { mutate } from '../../src/registry/transaction.ts';

const now = () => new Date('2026-01-01T00:00:00Z');

/** A store that loses the race `losses` times, then lands. */
function losingStore(losses: number): RegistryStore {
  const snapshot: Snapshot = {
    commit: null,
    readFile: async () => null,
    readFiles: async (p) => p.map(() => null),
    listDir: async () => [],
    highWater: async () => null,
  };
  return {
    description: 'test',
    snapshot: async () => snapshot,
    commit: async () => (losses-- > 0 ? { ok: false, reason: 'non-fast-forward' } : { ok: true, commit: 'c', tree: 't' }),
    close: async () => undefined,
  };
}

test('backoff is measured in attempts: slow attempts widen the cap past 8 s, and no wait is near zero', async () => {
  // Each clock read advances 250 ms, so an attempt (four reads) costs 750 ms.
  let t = 0;
  const clock = () => (t += 250);
  const plan = async () => ({ message: 'm\n', changes: [], tags: [], result: 0 });
  const waits: number[] = [];
  const highs = await mutate(losingStore(8), plan, { now, retry: { clock, random: () => 1, sleep: async (ms) => void waits.push(ms) } });
  assert.equal(highs.attempts, 9);
  // Window: 750 × 2^attempt, capped at max(8 s, 16 attempts × 750 ms = 12 s).
  assert.deepEqual(waits, [1500, 3000, 6000, 12000, 12000, 12000, 12000, 12000]);
  assert.equal(
    highs.timing.wait_ms,
    waits.reduce((a, b) => a + b, 0),
  );

  const lows: number[] = [];
  await mutate(losingStore(3), plan, { now, retry: { clock, random: () => 0, sleep: async (ms) => void lows.push(ms) } });
  assert.deepEqual(lows, [375, 750, 1500], 'at least a quarter of the window');

  // Fast attempts keep the 8 s cap: 100 ms units (the floor) reach it at attempt 7.
  const fast: number[] = [];
  let u = 0;
  await mutate(losingStore(8), plan, { now, retry: { clock: () => (u += 1), random: () => 1, sleep: async (ms) => void fast.push(ms) } });
  assert.deepEqual(fast, [200, 400, 800, 1600, 3200, 6400, 8000, 8000]);
});
