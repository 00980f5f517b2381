import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from '../helpers.ts';
import { RUNTIME_NEEDS, RUNTIME_PACKAGES } from '../../src/util/runtime-packages.ts';

test('mlops runtime install: nothing to do for pure-JS verbs or when the packages resolve', async () => {
  const drift = await cli(['runtime', 'install', '--for', 'drift']);
  assert.equal(drift.code, 0);
  assert.match(drift.stderr, /drift needs no runtime packages/);
  const evaluate = await cli(['runtime', 'install', '--for', 'evaluate']);
  assert.equal(evaluate.code, 0);
  assert.match(evaluate.stderr, /onnxruntime-node already installed/);
  const bad = await cli(['runtime', 'upgrade']);
  assert.equal(bad.code, 2);
});

test('every runtime package a verb needs is pinned', () => {
  for (const names of Object.values(RUNTIME_NEEDS)) for (const n of names) assert.ok(RUNTIME_PACKAGES[n], n);
});

test('mlops runtime key prints the cache key, path and whether an install is needed, as GITHUB_OUTPUT lines', async () => {
  const { runtimeCacheKey } = await import('../../src/util/runtime-packages.ts');
  const r = await cli(['runtime', 'key', '--for', 'evaluate']);
  assert.equal(r.code, 0, r.stderr);
  const out = Object.fromEntries(
    r.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(/=(.*)/s).slice(0, 2)),
  );
  assert.deepEqual(Object.keys(out), ['key', 'path', 'needed']);
  assert.equal(out.needed, 'false', 'the checkout resolves onnxruntime-node');
  assert.match(out.path, /node_modules$/);
  // The key covers whatever the install would hold: here at least onnxruntime-node.
  assert.match(out.key, /^mlops-runtime-[a-z0-9]+-[a-z0-9]+-abi\d+-cpu-[0-9a-f]{16}$/);
  assert.notEqual(out.key, runtimeCacheKey({}, false));
  const gpu = await cli(['runtime', 'key', '--for', 'train', '--gpu']);
  assert.match(gpu.stdout, /^key=mlops-runtime-.*-gpu-/);
});

test('the root action restores the runtime tree from the Actions cache, verifies a hit and saves a miss', async () => {
  const { parse } = await import('yaml');
  const { readFileSync } = await import('node:fs');
  const steps = (
    parse(readFileSync('action.yml', 'utf8')) as { runs: { steps: { id?: string; uses?: string; run?: string; if?: string; with?: Record<string, string> }[] } }
  ).runs.steps;
  const key = steps.findIndex((s) => s.run?.includes('runtime key --for "$MLOPS_COMMAND" >> "$GITHUB_OUTPUT"'));
  const restore = steps.findIndex((s) => s.uses?.startsWith('actions/cache/restore@'));
  const install = steps.findIndex((s) => s.run?.includes('runtime install --for "$MLOPS_COMMAND" $verify'));
  const save = steps.findIndex((s) => s.uses?.startsWith('actions/cache/save@'));
  const run = steps.findIndex((s) => s.id === 'run');
  assert.ok(key >= 0 && key < restore && restore < install && install < save && save < run, JSON.stringify([key, restore, install, save, run]));
  for (const i of [restore, save]) assert.deepEqual(steps[i].with, { path: '${{ steps.runtime.outputs.path }}', key: '${{ steps.runtime.outputs.key }}' });
  assert.equal(steps[restore].if, "steps.runtime.outputs.needed == 'true'");
  assert.equal(steps[save].if, "steps.runtime.outputs.needed == 'true' && steps.runtime-cache.outputs.cache-hit != 'true'");
  assert.match(steps[install].run!, /if \[ "\$MLOPS_RESTORED" = "true" \]; then verify="--verify"; fi/);
});
