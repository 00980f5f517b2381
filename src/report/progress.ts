import type { Writable } from 'node:stream';
import { formatNumber } from './markdown.ts';

/**
 * A progress reporter that prints at most one line per interval to stderr, so long runs
 * show life in an Actions log without flooding it.
 */
export function rowProgress(stderr: Writable, verb: string, now: () => number = Date.now, intervalMs = 2000) {
  const start = now();
  let last = start;
  return {
    update(rows: number): void {
      const t = now();
      if (t - last < intervalMs) return;
      last = t;
      stderr.write(`${verb} ${formatNumber(rows)} rows (${formatNumber(Math.round(rows / ((t - start) / 1000)))} rows/s)\n`);
    },
    elapsedSeconds(): number {
      return (now() - start) / 1000;
    },
  };
}
