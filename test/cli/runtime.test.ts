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
