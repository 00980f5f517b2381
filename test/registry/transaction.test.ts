import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openGitStore } from '../../src/registry/git-store.ts';
import type { RegistryStore } from '../../src/registry/store.ts';
import { mutate } from '../../src/registry/transaction.ts';
import { BRANCH, bareRepo, head } from './fixtures.ts';

const now = () => new Date('2026-01-01T00:00:00Z');

test('mutate re-plans from a fresh read after each lost race, with growing jittered waits, then gives up clearly', async () => {
  const remote = bareRepo();
  const real = await openGitStore({ remote, branch: BRANCH });
  let losses = 2;
  const store: RegistryStore = {
    ...real,
    description: real.description,
    snapshot: () => real.snapshot(),
    commit: async (base, request) => (losses-- > 0 ? { ok: false, reason: 'non-fast-forward' } : real.commit(base, request)),
  };
  const waits: number[] = [];
  const plans: (string | null)[] = [];
  const retry = { random: () => 1, sleep: async (ms: number) => void waits.push(ms), baseMs: 100, maxMs: 1_000_000 };
  const done = await mutate(
    store,
    async (snapshot) => {
      plans.push(snapshot.commit);
      return { message: 'registry: test\n', changes: [{ path: 'a.txt', content: Buffer.from('a') }], tags: [], result: 'ok' };
    },
    { now, retry },
  );
  assert.equal(done.attempts, 3);
  assert.deepEqual(plans, [null, null, null], 'planned once per attempt');
  assert.equal(waits.length, 2);
  assert.ok(waits[0] >= 200 && waits[1] >= 400, `waits grow with the attempt: ${waits}`);
  assert.equal(head(remote), done.commit);

  const never: RegistryStore = { ...store, commit: async () => ({ ok: false, reason: 'non-fast-forward' }) };
  await assert.rejects(
    mutate(never, async () => ({ message: 'm\n', changes: [], tags: [], result: 0 }), { now, retry: { ...retry, attempts: 4 } }),
    /gave up after 4 attempts, the registry branch kept moving \(non-fast-forward\)/,
  );
  assert.equal(head(remote), done.commit, 'nothing written by the failed mutation');
  await real.close();
});
