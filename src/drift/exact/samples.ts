import type { ReadOptions } from '../../data/batch.ts';
import { readBatches } from '../../data/read.ts';
import { toNumber } from '../../data/values.ts';
import { sortFloat64 } from '../../stats/sort.ts';

/**
 * Memory budget of the exact path: a numeric column is compared on its raw values while each
 * side has at most this many (8 bytes each in a Float64Array: 16 MB per column and side at the
 * limit, sorted once). Beyond it the column is compared from the t-digest sketch.
 */
export const EXACT_MAX_VALUES = 2_000_000;

/** `--exact`: auto (raw values when they fit the budget), always (refuse otherwise), never (sketches only). */
export const EXACT_MODES = ['auto', 'always', 'never'] as const;
export type ExactMode = (typeof EXACT_MODES)[number];

/** A column's numeric values as they stream in, given up (null) once over budget or non-numeric. */
export class SampleBuffer {
  private data: Float64Array | null = new Float64Array(1024);
  private length = 0;
  /** Why it was given up, for `--exact always`. */
  reason: string | null = null;

  constructor(private readonly budget = EXACT_MAX_VALUES) {}

  push(x: number): void {
    const data = this.data;
    if (data === null) return;
    if (this.length === data.length) {
      if (this.length >= this.budget) {
        this.abandon(`more than ${this.budget.toLocaleString('en-US')} values (the exact path's memory budget)`);
        return;
      }
      const grown = new Float64Array(Math.min(this.budget, data.length * 2));
      grown.set(data);
      this.data = grown;
    }
    this.data![this.length++] = x;
  }

  /** Still keeping values, and the next push would exceed the budget. */
  get full(): boolean {
    return this.data !== null && this.length >= this.budget;
  }

  get alive(): boolean {
    return this.data !== null;
  }

  /** The values so far in arrival order (a view; valid until the next push). */
  arrived(): Float64Array {
    return this.data === null ? new Float64Array(0) : this.data.subarray(0, this.length);
  }

  abandon(reason: string): void {
    this.data = null;
    this.reason ??= reason;
  }

  /** The values sorted ascending (one sort, in place), or null when given up. */
  sorted(): Float64Array | null {
    return this.data === null ? null : sortFloat64(this.data.subarray(0, this.length));
  }
}

/**
 * Streams data files once and keeps the raw values of the named numeric columns (nulls left
 * out, as the profile counts them apart); a column with a non-numeric cell is given up, as the
 * profile would call it text.
 */
export async function readSamples(files: readonly string[], columns: readonly string[], options: ReadOptions = {}): Promise<Map<string, SampleBuffer>> {
  const buffers = new Map(columns.map((c) => [c, new SampleBuffer()]));
  for (const file of files) {
    for await (const batch of readBatches(file, options)) {
      for (let c = 0; c < batch.columns.length; c++) {
        const buffer = buffers.get(batch.columns[c]);
        if (!buffer) continue;
        for (const row of batch.rows) addCell(buffer, row[c]);
      }
    }
  }
  return buffers;
}

/** One cell into a sample: numbers and numeric text count, null is skipped, anything else gives the column up. */
export function addCell(buffer: SampleBuffer, cell: unknown): void {
  if (cell === null || cell === undefined) return;
  const x = typeof cell === 'number' ? cell : typeof cell === 'string' ? toNumber(cell) : undefined;
  if (x === undefined || !Number.isFinite(x)) buffer.abandon('a non-numeric value');
  else buffer.push(x);
}

/** Both sides' sorted raw values of one column. */
export interface ColumnSamples {
  reference: Float64Array;
  current: Float64Array;
}
