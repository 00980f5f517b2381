import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tempDir } from '../helpers.ts';
import { openGitStore } from '../../src/registry/git-store.ts';
import { register } from '../../src/registry/operations.ts';
import { BRANCH, bareRepo, git, modelFile } from './fixtures.ts';

test('writers sharing one --cache repository fetch only new objects and still all land', async () => {
  const remote = bareRepo();
  const cacheDir = join(tempDir(), 'cache', 'registry.git');
  const model = modelFile('cache');
  const writers = Array.from({ length: 6 }, async (_, i) => {
    const store = await openGitStore({ remote, branch: BRANCH, cacheDir });
    const ctx = { store, now: () => new Date('2026-01-01T00:00:00Z'), actor: `w${i}`, run: {}, tags: false };
    const done = await register(ctx, { name: 'churn', modelFile: model.file, maxInlineBytes: 1e9, source: {} });
    await store.close();
    return done.result.version;
  });
  const versions = (await Promise.all(writers)).sort((a, b) => a - b);
  assert.deepEqual(versions, [1, 2, 3, 4, 5, 6]);
  assert.equal(JSON.parse(git(remote, 'show', `${BRANCH}:models/churn/index.json`)).latest_version, 6);
  assert.equal(git(cacheDir, 'for-each-ref', 'refs/mlops'), '', 'no fetch refs left behind');
  assert.equal(git(cacheDir, 'config', 'gc.auto'), '0');
});
