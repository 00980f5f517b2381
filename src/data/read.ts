import { isAbsolute, join } from 'node:path';
import { glob } from 'tinyglobby';
import type { DataFormat, ReadOptions, RowBatch } from './batch.ts';
import { readCsv } from './csv.ts';
import { readJsonl } from './jsonl.ts';
import { readParquet } from './parquet.ts';
import { MlopsError } from '../util/errors.ts';

export function formatOf(file: string): DataFormat {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv') || name.endsWith('.tsv') || name.endsWith('.txt')) return 'csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson') || name.endsWith('.json')) return 'jsonl';
  if (name.endsWith('.parquet') || name.endsWith('.pq')) return 'parquet';
  throw new MlopsError(`${file}: cannot tell the data format from the extension (use .csv, .tsv, .jsonl, .ndjson or .parquet, optionally .gz for text)`);
}

/** The one entry point the core uses to read data: batches of rows whatever the format. */
export function readBatches(file: string, options: ReadOptions = {}): AsyncGenerator<RowBatch> {
  const format = options.format ?? formatOf(file);
  if (format === 'csv') return readCsv(file, options);
  if (format === 'jsonl') return readJsonl(file, options);
  return readParquet(file, options);
}

/**
 * Expands paths and globs into a sorted, de-duplicated file list so sharded data reads in a
 * stable order; a pattern that matches nothing is an error rather than an empty dataset.
 */
export async function expandDataPaths(patterns: readonly string[], cwd = process.cwd()): Promise<string[]> {
  // Paths stay as the user wrote them (relative ones read best in reports) unless the base is elsewhere.
  const place = (p: string): string => (cwd === process.cwd() || isAbsolute(p) ? p : join(cwd, p));
  const files: string[] = [];
  for (const pattern of patterns) {
    if (!/[*?[\]{}]/.test(pattern)) {
      files.push(place(pattern));
      continue;
    }
    const matched = (await glob(pattern, { cwd, onlyFiles: true, expandDirectories: false })).sort();
    if (matched.length === 0) throw new MlopsError(`no data files match "${pattern}"`);
    files.push(...matched.map(place));
  }
  return [...new Set(files)];
}
