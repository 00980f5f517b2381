import { createHash } from 'node:crypto';

/**
 * Longest value a sketch stores verbatim. A longer one keeps its first characters plus a marker
 * with its length and a hash of the whole, so distinct values stay distinct while one 100 MB cell
 * costs a few hundred bytes of profile, not 100 MB (which a drift report would copy again).
 */
export const MAX_SKETCH_STRING = 200;

export function boundedKey(value: string): string {
  if (value.length <= MAX_SKETCH_STRING) return value;
  const hash = createHash('sha256').update(value).digest('hex').slice(0, 16);
  return `${value.slice(0, MAX_SKETCH_STRING)}…[truncated: ${value.length} chars, sha256 ${hash}]`;
}

/**
 * Frequent-items counter: exact while at most `capacity` distinct values are seen, then a
 * Misra–Gries summary (mergeable form of Agarwal et al., "Mergeable Summaries", 2012): when
 * the table reaches twice its capacity, the (capacity+1)-th largest count is subtracted from
 * every counter. Any reported count undercounts the truth by at most `error`.
 */
export interface FrequentState {
  capacity: number;
  /** Total subtracted so far: the bound on undercounting of any item (0 while exact). */
  error: number;
  items: [string, number][];
}

export class FrequentItems {
  readonly capacity: number;
  readonly counts = new Map<string, number>();
  error = 0;

  constructor(capacity = 1000) {
    this.capacity = capacity;
  }

  static fromState(state: FrequentState): FrequentItems {
    const f = new FrequentItems(state.capacity);
    for (const [k, v] of state.items) f.counts.set(k, v);
    f.error = state.error;
    return f;
  }

  get exact(): boolean {
    return this.error === 0;
  }

  add(value: string, count = 1): void {
    const counts = this.counts;
    const prev = counts.get(value);
    counts.set(value, prev === undefined ? count : prev + count);
    if (prev === undefined && counts.size >= 2 * this.capacity) this.prune();
  }

  merge(other: FrequentItems): void {
    for (const [k, v] of other.counts) this.add(k, v);
    this.error += other.error;
    if (this.counts.size > this.capacity && this.error > 0) this.prune();
  }

  /** Forgets every counter; `seen` occurrences become undercount that the error bound covers. */
  dropAll(seen: number): void {
    this.counts.clear();
    this.error += seen;
  }

  top(k: number): [string, number][] {
    return [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);
  }

  toState(): FrequentState {
    return { capacity: this.capacity, error: this.error, items: this.top(this.counts.size) };
  }

  private prune(): void {
    const sorted = [...this.counts.values()].sort((a, b) => b - a);
    const cut = sorted[this.capacity] ?? 0;
    if (cut === 0) return;
    for (const [k, v] of this.counts) {
      if (v <= cut) this.counts.delete(k);
      else this.counts.set(k, v - cut);
    }
    this.error += cut;
  }
}
