import { MlopsError } from '../../src/util/errors.ts';
import type { FileChange, RegistryStore, Snapshot, TagRequest } from './store.ts';

export interface Mutation<T> {
  message: string;
  changes: FileChange[];
  tags: TagRequest[];
  result: T;
}

export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 60,
  baseMs: 100,
  maxMs: 8000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface Committed<T> {
  result: T;
  commit: string;
  tree: string;
  attempts: number;
}

/**
 * Read, change, compare-and-swap, and on a lost race start over from a fresh read: the change
 * is recomputed from the new head (the next version number, the current stage holder), never
 * replayed blindly. Backoff is exponential with "full jitter" so writers that collided spread out.
 */
export async function mutate<T>(
  store: RegistryStore,
  plan: (snapshot: Snapshot, now: Date) => Promise<Mutation<T>>,
  options: { now: () => Date; retry?: Partial<RetryPolicy> },
): Promise<Committed<T>> {
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  let lastReason = '';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const started = Date.now();
    const snapshot = await store.snapshot();
    const now = options.now();
    const mutation = await plan(snapshot, now);
    const outcome = await store.commit(snapshot, { message: mutation.message, changes: mutation.changes, tags: mutation.tags, date: now });
    if (outcome.ok) return { result: mutation.result, commit: outcome.commit, tree: outcome.tree, attempts: attempt };
    lastReason = outcome.reason;
    // Scale the window by how long an attempt takes here: on a slow runner or a slow network
    // the race window is wider, and writers must spread out further to stop colliding.
    const unit = Math.max(policy.baseMs, Date.now() - started);
    await policy.sleep(policy.random() * Math.min(policy.maxMs, unit * 2 ** Math.min(attempt, 16)));
  }
  throw new MlopsError(`${store.description}: gave up after ${policy.attempts} attempts, the registry branch kept moving (${lastReason})`);
}
