import { MlopsError } from '../util/errors.ts';
import type { FileChange, RegistryStore, Snapshot, TagRequest } from './store.ts';

export interface Mutation<T> {
  message: string;
  changes: FileChange[];
  tags: TagRequest[];
  result: T;
}

export interface RetryPolicy {
  attempts: number;
  /** The smallest unit a window is measured in: an attempt's own duration when longer. */
  baseMs: number;
  /** Cap on the backoff window, raised to `spanAttempts` attempts' cost when attempts are slow. */
  maxMs: number;
  spanAttempts: number;
  /** Each wait falls in [floor × window, window]: jittered, but never a near-zero retry. */
  jitterFloor: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Milliseconds, for measuring an attempt's cost. */
  clock: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 60,
  baseMs: 100,
  maxMs: 8000,
  spanAttempts: 16,
  jitterFloor: 0.25,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  clock: () => performance.now(),
};

export interface Committed<T> {
  result: T;
  commit: string;
  tree: string;
  attempts: number;
  /** Where the time went, summed over attempts: reading the head, planning, building and pushing, backing off. */
  timing: AttemptTiming;
}

export interface AttemptTiming {
  snapshot_ms: number;
  plan_ms: number;
  commit_ms: number;
  wait_ms: number;
}

/**
 * Read, change, compare-and-swap, and on a lost race start over from a fresh read: the change
 * is recomputed from the new head (the next version number, the current stage holder), never
 * replayed blindly. Backoff is exponential with bounded jitter so writers that collided spread out.
 *
 * The window is measured in attempts: an attempt here (fetch, plan, tree, push) costs 0.2 s alone
 * and 2 s or more when 100 writers share 2 cores, and writers only stop colliding once they spread
 * over about (writers × attempt cost). A fixed cap (8 s) kept 100 slow writers colliding: the
 * worst needed 45 attempts. Capping at 16 attempts' cost instead, with waits of at least a quarter
 * of the window (no near-immediate retries that collide again), keeps the worst writer well under
 * half the attempt limit (measured in scripts/bench/registry-contention.ts).
 */
export async function mutate<T>(
  store: RegistryStore,
  plan: (snapshot: Snapshot, now: Date) => Promise<Mutation<T>>,
  options: { now: () => Date; retry?: Partial<RetryPolicy> },
): Promise<Committed<T>> {
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  let lastReason = '';
  const timing: AttemptTiming = { snapshot_ms: 0, plan_ms: 0, commit_ms: 0, wait_ms: 0 };
  const clock = policy.clock;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const started = clock();
    const snapshot = await store.snapshot();
    const read = clock();
    const now = options.now();
    const mutation = await plan(snapshot, now);
    const planned = clock();
    const outcome = await store.commit(snapshot, { message: mutation.message, changes: mutation.changes, tags: mutation.tags, date: now });
    const ended = clock();
    timing.snapshot_ms += read - started;
    timing.plan_ms += planned - read;
    timing.commit_ms += ended - planned;
    if (outcome.ok) return { result: mutation.result, commit: outcome.commit, tree: outcome.tree, attempts: attempt, timing };
    lastReason = outcome.reason;
    // Scale the window by how long an attempt takes here: on a slow runner or a slow network
    // the race window is wider, and writers must spread out further to stop colliding.
    const unit = Math.max(policy.baseMs, ended - started);
    const window = Math.min(Math.max(policy.maxMs, unit * policy.spanAttempts), unit * 2 ** Math.min(attempt, 16));
    const wait = window * (policy.jitterFloor + (1 - policy.jitterFloor) * policy.random());
    await policy.sleep(wait);
    timing.wait_ms += wait;
  }
  throw new MlopsError(`${store.description}: gave up after ${policy.attempts} attempts, the registry branch kept moving (${lastReason})`);
}
