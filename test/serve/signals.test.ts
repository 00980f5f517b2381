import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { nextShutdownSignal } from '../../src/serve/signals.ts';

test('nextShutdownSignal resolves on the first signal and removes its listeners', async () => {
  const proc = new EventEmitter();
  const first = nextShutdownSignal(proc);
  assert.equal(proc.listenerCount('SIGTERM'), 1);
  proc.emit('SIGINT');
  assert.equal(await first.received, 'SIGINT');
  assert.equal(proc.listenerCount('SIGTERM') + proc.listenerCount('SIGINT'), 0);
  const second = nextShutdownSignal(proc);
  second.stop();
  assert.equal(proc.listenerCount('SIGTERM') + proc.listenerCount('SIGINT'), 0);
});
