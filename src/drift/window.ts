import type { ReadOptions } from '../data/batch.ts';
import { readBatches } from '../data/read.ts';
import { cellText, toNumber } from '../data/values.ts';
import { combineMoments } from '../profile/column.ts';
import { FrequentItems } from '../profile/frequent.ts';
import { PROFILE_SCHEMA_VERSION, type ColumnProfile, type Profile } from '../profile/schema.ts';
import { KllSketch } from '../profile/kll.ts';
import { TDigest } from '../profile/tdigest.ts';
import type { SampleBuffer } from './exact/samples.ts';
import { TextProfiler } from '../profile/text.ts';
import { columnKind } from './methods.ts';
import { isTextColumn } from './text.ts';

/**
 * The profile's frequent-items table stays exact while it holds fewer than 2·1000 − 1 keys
 * (src/profile/column.ts); the window keeps exact numeric counts under the same limit so a
 * column is compared exactly here exactly when it would be from `mlops profile`.
 */
const EXACT_DISTINCT_LIMIT = 2 * 1000 - 1;
const CHUNK = 4096;

/**
 * Numeric column: t-digest, KLL sketch and moments, with exact value counts until they outgrow
 * the limit. With a sample buffer (the exact path) neither sketch is built while the buffer
 * keeps every value — the raw values replace them — and both are built from those values, in
 * arrival order, the moment the buffer would exceed its budget, so they are then the sketches
 * they would have been all along.
 */
class NumericWindow {
  count = 0;
  nulls = 0;
  numeric = true;
  private counts: Map<number, number> | null = new Map();
  private readonly digest = new TDigest();
  private readonly kll = new KllSketch();
  private moments = { n: 0, mean: 0, m2: 0 };
  private readonly chunk = new Float64Array(CHUNK);
  private filled = 0;
  /** Chunk entries before this index are in the digest already (replayed from the sample). */
  private digestFrom = 0;

  constructor(private readonly sample: SampleBuffer | undefined) {}

  private get deferred(): boolean {
    return this.sample !== undefined && this.sample.alive;
  }

  add(x: number): void {
    const counts = this.counts;
    if (counts !== null) {
      const c = counts.get(x);
      if (c !== undefined) counts.set(x, c + 1);
      else if (counts.size < EXACT_DISTINCT_LIMIT) counts.set(x, 1);
      else this.counts = null;
    }
    const sample = this.sample;
    if (sample !== undefined && sample.alive) {
      if (sample.full) {
        const kept = sample.arrived();
        for (let i = 0; i < kept.length; i++) {
          this.digest.add(kept[i]);
          this.kll.add(kept[i]);
        }
        this.digestFrom = this.filled;
      }
      sample.push(x);
    }
    this.chunk[this.filled++] = x;
    if (this.filled === CHUNK) this.flush();
  }

  private flush(): void {
    const v = this.chunk;
    const n = this.filled;
    if (n === 0) return;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += v[i];
    const mean = sum / n;
    let m2 = 0;
    for (let i = 0; i < n; i++) {
      const d = v[i] - mean;
      m2 += d * d;
    }
    if (!this.deferred) {
      for (let i = this.digestFrom; i < n; i++) {
        this.digest.add(v[i]);
        this.kll.add(v[i]);
      }
    }
    this.moments = combineMoments(this.moments, { n, mean, m2 });
    this.filled = 0;
    this.digestFrom = 0;
  }

  toProfile(reference: ColumnProfile): ColumnProfile {
    this.flush();
    const items: [string, number][] = this.counts ? [...this.counts].map(([k, c]) => [String(k), c]) : [];
    return {
      name: reference.name,
      type: reference.type,
      nullable: this.nulls > 0,
      count: this.count,
      nulls: this.nulls,
      distinct: { value: items.length, exact: this.counts !== null },
      state: {
        all_numeric: this.numeric,
        all_integer: false,
        all_boolean: false,
        all_datetime: false,
        moments: this.numeric ? { ...this.moments } : null,
        // deferred: the raw values stand in for the digest (src/drift/exact)
        sketch: this.numeric && !this.deferred ? this.digest.toState() : null,
        // error > 0 marks the counts as incomplete, so the sketch is used
        frequent: { capacity: 1000, error: this.counts ? 0 : 1, items },
        hll: null,
        lengths: null,
        // as the profile: stored only once the exact counts overflowed
        kll: this.numeric && !this.deferred && this.counts === null && this.kll.n > 0 ? this.kll.toState() : null,
      },
    };
  }
}

class CategoricalWindow {
  count = 0;
  nulls = 0;
  readonly frequent = new FrequentItems(1000);

  toProfile(reference: ColumnProfile): ColumnProfile {
    const state = this.frequent.toState();
    return {
      name: reference.name,
      type: reference.type,
      nullable: this.nulls > 0,
      count: this.count,
      nulls: this.nulls,
      distinct: { value: this.frequent.counts.size, exact: this.frequent.exact },
      state: {
        all_numeric: false,
        all_integer: false,
        all_boolean: false,
        all_datetime: false,
        moments: null,
        sketch: null,
        frequent: state,
        hll: null,
        lengths: null,
      },
    };
  }
}

/** Free-text column: only the text statistics (lengths, empty cells, token counts). */
class TextWindow {
  count = 0;
  nulls = 0;
  readonly text = new TextProfiler();

  toProfile(reference: ColumnProfile): ColumnProfile {
    return {
      name: reference.name,
      type: reference.type,
      nullable: this.nulls > 0,
      count: this.count,
      nulls: this.nulls,
      distinct: { value: 0, exact: false },
      state: {
        all_numeric: false,
        all_integer: false,
        all_boolean: false,
        all_datetime: false,
        moments: null,
        sketch: null,
        frequent: { capacity: 1000, error: 1, items: [] },
        hll: null,
        lengths: null,
        text: this.text.toState(),
      },
    };
  }
}

/**
 * Streams the current data once and keeps, per column the reference says is worth testing, only
 * what the drift tests read: for numeric columns the t-digest, moments and (while few) exact
 * value counts; for categorical ones the category counts. Equivalent to profiling the data for
 * every drift statistic — the same digest from the same values in the same order, the same
 * exact counts — at a fraction of the cost, because the profile's frequent-items summary and
 * distinct-count sketch on continuous columns, which drift never reads, are skipped. The result
 * is an in-memory Profile restricted to those columns (`mlops profile` still writes the full one).
 */
export async function profileWindow(
  files: readonly string[],
  reference: Profile,
  columns: readonly string[] | undefined,
  options: ReadOptions & {
    onProgress?: (rows: number, file: string) => void;
    now?: () => Date;
    /** Numeric columns whose raw values are also kept, for the exact path (src/drift/exact). */
    samples?: ReadonlyMap<string, SampleBuffer>;
  } = {},
): Promise<Profile> {
  const wanted = new Set(columns && columns.length > 0 ? columns : reference.columns.map((c) => c.name));
  const windows = new Map<string, NumericWindow | CategoricalWindow | TextWindow>();
  const refs = new Map<string, ColumnProfile>();
  for (const c of reference.columns) {
    if (wanted.has(c.name) && isTextColumn(c)) {
      windows.set(c.name, new TextWindow());
      refs.set(c.name, c);
      continue;
    }
    const kind = columnKind(c.type);
    if (!wanted.has(c.name) || kind === 'unsupported') continue;
    windows.set(c.name, kind === 'numeric' ? new NumericWindow(options.samples?.get(c.name)) : new CategoricalWindow());
    refs.set(c.name, c);
  }
  const seen = new Set<string>();
  const sources: { file: string; rows: number }[] = [];
  let rows = 0;
  for (const file of files) {
    let fileRows = 0;
    for await (const batch of readBatches(file, options)) {
      const n = batch.rows.length;
      for (let c = 0; c < batch.columns.length; c++) {
        const w = windows.get(batch.columns[c]);
        if (!w) continue;
        seen.add(batch.columns[c]);
        w.count += n;
        if (w instanceof NumericWindow) {
          const sample = options.samples?.get(batch.columns[c]);
          for (let r = 0; r < n; r++) {
            const cell = batch.rows[r][c];
            if (cell === null || cell === undefined) w.nulls++;
            else if (w.numeric) {
              const x = typeof cell === 'number' ? cell : typeof cell === 'boolean' ? undefined : toNumber(cell);
              if (x === undefined || !Number.isFinite(x)) {
                w.numeric = false;
                sample?.abandon('a non-numeric value');
              } else w.add(x);
            }
          }
        } else if (w instanceof TextWindow) {
          for (let r = 0; r < n; r++) {
            const cell = batch.rows[r][c];
            if (cell === null || cell === undefined) w.nulls++;
            else w.text.add(cellText(cell));
          }
        } else {
          const f = w.frequent;
          for (let r = 0; r < n; r++) {
            const cell = batch.rows[r][c];
            if (cell === null || cell === undefined) w.nulls++;
            else f.add(cellText(cell));
          }
        }
      }
      // columns absent from this batch (JSONL keys not yet seen) are nulls, as in the profile
      for (const [name, w] of windows) {
        if (!batch.columns.includes(name)) {
          w.count += n;
          w.nulls += n;
        }
      }
      rows += n;
      fileRows += n;
      options.onProgress?.(rows, file);
    }
    sources.push({ file, rows: fileRows });
  }
  return {
    schema_version: PROFILE_SCHEMA_VERSION,
    kind: 'mlops/profile',
    created_at: (options.now?.() ?? new Date()).toISOString(),
    rows,
    sources,
    columns: [...windows].filter(([name]) => seen.has(name)).map(([name, w]) => w.toProfile(refs.get(name)!)),
  };
}
