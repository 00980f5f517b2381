import type { Cell } from '../../src/data/batch.ts';
import { DatasetProfiler } from '../../src/profile/profile.ts';
import type { Profile } from '../../src/profile/schema.ts';

/** Profiles in-memory columns as one batch per 8,192 rows, like the readers deliver them. */
export function profileOf(columns: Record<string, readonly Cell[]>, file = 'mem'): Profile {
  const names = Object.keys(columns);
  const n = columns[names[0]].length;
  const profiler = new DatasetProfiler();
  for (let start = 0; start < n; start += 8192) {
    const rows: Cell[][] = [];
    for (let r = start; r < Math.min(n, start + 8192); r++) rows.push(names.map((c) => columns[c][r]));
    profiler.addBatch({ file, columns: names, rows, firstRow: start + 1 });
  }
  return profiler.finish(new Date('2026-01-01T00:00:00Z'));
}
