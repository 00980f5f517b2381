import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DataFormat } from '../data/batch.ts';
import { formatOf } from '../data/read.ts';
import { MlopsError, SettingError } from '../util/errors.ts';

export interface PlannedFile {
  data: string;
  out: string;
  rejects: string;
}

const EXT: Record<DataFormat, string> = { csv: 'csv', jsonl: 'jsonl', parquet: 'parquet' };

function isDirectory(path: string): boolean {
  return /[/\\]$/.test(path) || (existsSync(path) && statSync(path).isDirectory());
}

/**
 * Where each data file's predictions and rejects go. One file: `out` is the output file (or a
 * folder to put it in). Several files: `out` is a folder and each input gets
 * `<name>.predictions.<format>` there, so shards of a matrix never write the same path.
 * Rejects default to the output path + `.rejects.jsonl`.
 */
export function planOutputs(files: readonly string[], options: { out: string; outFormat?: DataFormat; rejects?: string }): PlannedFile[] {
  const { out, outFormat, rejects } = options;
  const single = files.length === 1 && !isDirectory(out);
  if (!single && files.length > 1 && hasDataExtension(out)) {
    throw new SettingError('out', (name) => `${files.length} data files but ${name('out')} ${out} is one file: give a folder (one output per input file)`);
  }
  const seen = new Map<string, string>();
  return files.map((data) => {
    let target: string;
    if (single) target = out;
    else {
      const stem = basename(data)
        .replace(/\.gz$/i, '')
        .replace(/\.[^.]+$/, '');
      target = join(out, `${stem}.predictions.${EXT[outFormat ?? formatOf(data)]}`);
      const other = seen.get(target);
      if (other) throw new MlopsError(`${other} and ${data} would both write ${target}: score them in separate runs or rename one`);
      seen.set(target, data);
    }
    const rejectsFile = rejects === undefined ? `${target}.rejects.jsonl` : single ? rejects : join(rejects, basename(target) + '.rejects.jsonl');
    return { data, out: target, rejects: rejectsFile };
  });
}

function hasDataExtension(path: string): boolean {
  try {
    formatOf(path);
    return true;
  } catch {
    return false;
  }
}

/** The files of shard `index` of `count`: round-robin over the expanded list (globs expand sorted), so every job of a matrix agrees and shards stay balanced. */
export function shardFiles<T>(files: readonly T[], index: number, count: number): T[] {
  if (!Number.isInteger(count) || count < 1) throw new MlopsError(`shard count must be a positive integer (got ${count})`);
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new MlopsError(`shard index must be 0..${count - 1} (got ${index})`);
  return files.filter((_, i) => i % count === index);
}
