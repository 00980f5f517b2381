import { cellText } from './values.ts';
import { expandDataPaths, readBatches } from './read.ts';
import { DataError, listPreview } from '../util/errors.ts';

/** Labels that arrived after the predictions were made: key → target value, as text. */
export interface Labels {
  files: string[];
  key: string;
  target: string;
  byKey: Map<string, string>;
}

/**
 * Reads label files (CSV/JSONL/Parquet, globs allowed) into key → target. Rows with an empty
 * key or target are skipped; a key repeated across rows or files keeps its last value, so a
 * corrected label delivered later wins.
 */
export async function readLabels(patterns: readonly string[], key: string, target: string, cwd = process.cwd()): Promise<Labels> {
  const files = await expandDataPaths(patterns, cwd);
  const byKey = new Map<string, string>();
  for (const file of files) {
    for await (const batch of readBatches(file)) {
      const k = batch.columns.indexOf(key);
      const t = batch.columns.indexOf(target);
      if (k < 0) throw new DataError(file, `no key column "${key}" (columns: ${listPreview(batch.columns)})`, { column: key });
      if (t < 0) throw new DataError(file, `no target column "${target}" (columns: ${listPreview(batch.columns)})`, { column: target });
      for (const row of batch.rows) {
        const id = row[k] ?? null;
        const label = row[t] ?? null;
        if (id === null || label === null) continue;
        byKey.set(cellText(id), cellText(label));
      }
    }
  }
  return { files, key, target, byKey };
}
