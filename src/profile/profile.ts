import type { ReadOptions, RowBatch } from '../data/batch.ts';
import { readBatches } from '../data/read.ts';
import { MlopsError } from '../util/errors.ts';
import { ColumnProfiler, mergeStates, summarizeColumn } from './column.ts';
import { PROFILE_SCHEMA_VERSION, ProfileSchema, type Profile } from './schema.ts';

export interface ProfileOptions extends ReadOptions {
  /** Called after each batch with the rows seen so far, for progress lines. */
  onProgress?: (rows: number, file: string) => void;
  now?: () => Date;
}

/** Accumulates a profile over batches from any number of files read as one dataset. */
export class DatasetProfiler {
  private readonly columns = new Map<string, ColumnProfiler>();
  private rows = 0;
  private readonly sources: { file: string; rows: number }[] = [];

  addBatch(batch: RowBatch): void {
    const profilers = batch.columns.map((name) => this.column(name));
    const width = profilers.length;
    const rows = batch.rows;
    for (let c = 0; c < width; c++) {
      const p = profilers[c];
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        p.add(c < row.length ? row[c] : null, batch.file, batch.firstRow + r);
      }
    }
    this.rows += rows.length;
    for (const [name, p] of this.columns) if (!batch.columns.includes(name)) p.addNulls(rows.length);
    const last = this.sources[this.sources.length - 1];
    if (last && last.file === batch.file) last.rows += rows.length;
    else this.sources.push({ file: batch.file, rows: rows.length });
  }

  get rowCount(): number {
    return this.rows;
  }

  finish(now: Date = new Date()): Profile {
    return {
      schema_version: PROFILE_SCHEMA_VERSION,
      kind: 'mlops/profile',
      created_at: now.toISOString(),
      rows: this.rows,
      sources: this.sources,
      columns: [...this.columns.values()].map((p) => summarizeColumn(p.name, p.count, p.nulls, p.toState())),
    };
  }

  private column(name: string): ColumnProfiler {
    let p = this.columns.get(name);
    if (!p) {
      p = new ColumnProfiler(name);
      p.addNulls(this.rows);
      this.columns.set(name, p);
    }
    return p;
  }
}

export async function profileFiles(files: readonly string[], options: ProfileOptions = {}): Promise<Profile> {
  const profiler = new DatasetProfiler();
  for (const file of files) {
    for await (const batch of readBatches(file, options)) {
      profiler.addBatch(batch);
      options.onProgress?.(profiler.rowCount, file);
    }
  }
  return profiler.finish(options.now?.() ?? new Date());
}

/**
 * Combines profiles of disjoint shards into the profile of their union. Columns missing from
 * one side count as all-null there, as they would when profiling the concatenated data.
 */
export function mergeProfiles(profiles: readonly Profile[], now: Date = new Date()): Profile {
  if (profiles.length === 0) throw new MlopsError('profile merge needs at least one profile');
  const order: string[] = [];
  const merged = new Map<string, { count: number; nulls: number; state: Profile['columns'][number]['state'] | null }>();
  let rows = 0;
  for (const profile of profiles) {
    const present = new Set(profile.columns.map((c) => c.name));
    for (const col of profile.columns) {
      let acc = merged.get(col.name);
      if (!acc) {
        acc = { count: rows, nulls: rows, state: null };
        merged.set(col.name, acc);
        order.push(col.name);
      }
      acc.count += col.count;
      acc.nulls += col.nulls;
      acc.state = acc.state === null ? col.state : mergeStates(acc.state, col.state);
    }
    for (const [name, acc] of merged) {
      if (!present.has(name)) {
        acc.count += profile.rows;
        acc.nulls += profile.rows;
      }
    }
    rows += profile.rows;
  }
  return {
    schema_version: PROFILE_SCHEMA_VERSION,
    kind: 'mlops/profile',
    created_at: now.toISOString(),
    rows,
    sources: profiles.flatMap((p) => p.sources),
    columns: order.map((name) => {
      const acc = merged.get(name)!;
      return summarizeColumn(name, acc.count, acc.nulls, acc.state!);
    }),
  };
}

/** Parses and schema-checks a profile document, naming the file and the offending field. */
export function parseProfile(text: string, file: string): Profile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new MlopsError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const version = (json as { schema_version?: unknown })?.schema_version;
  if (typeof version === 'number' && version > PROFILE_SCHEMA_VERSION) {
    throw new MlopsError(`${file}: profile schema_version ${version} is newer than this mlops supports (${PROFILE_SCHEMA_VERSION}); upgrade mlops`);
  }
  const result = ProfileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MlopsError(`${file}: not a valid profile: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}
