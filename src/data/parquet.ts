import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import type { Cell, ReadOptions, RowBatch } from './batch.ts';
import { DEFAULT_BATCH_SIZE, DEFAULT_MAX_COLUMNS, tooManyColumnsDetail } from './batch.ts';
import { DataError, fileError } from '../util/errors.ts';

/**
 * Reads Parquet with hyparquet one row group at a time, so memory holds one row group of
 * decoded rows rather than the whole file.
 */
export async function* readParquet(file: string, options: ReadOptions = {}): AsyncGenerator<RowBatch> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let buffer;
  let metadata;
  try {
    buffer = await asyncBufferFromFile(file);
    metadata = await parquetMetadataAsync(buffer);
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.code) throw fileError(file, err);
    throw new DataError(file, `not a readable Parquet file (${(err as Error).message})`);
  }
  const columns = parquetSchema(metadata).children.map((c) => c.element.name);
  const maxColumns = options.maxColumns ?? DEFAULT_MAX_COLUMNS;
  if (columns.length > maxColumns) throw new DataError(file, tooManyColumnsDetail(columns.length, maxColumns));
  let firstRow = 1;
  let start = 0;
  // Decode one row group at a time (Parquet's unit of compression), then hand it out in batches.
  for (const group of metadata.row_groups) {
    const end = start + Number(group.num_rows);
    const rows = await new Promise<unknown[][]>((resolve, reject) => {
      parquetRead({ file: buffer, metadata, rowStart: start, rowEnd: end, rowFormat: 'array', onComplete: resolve }).catch(reject);
    }).catch((err: unknown) => {
      throw new DataError(file, `could not decode rows ${start + 1}-${end} (${(err as Error).message})`, { row: start + 1 });
    });
    for (let i = 0; i < rows.length; i += batchSize) {
      const slice = rows.slice(i, i + batchSize);
      yield { file, columns, rows: slice.map((r) => r.map(toCell)), firstRow };
      firstRow += slice.length;
    }
    start = end;
  }
  if (start === 0) yield { file, columns, rows: [], firstRow };
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
}
