/** One cell as a reader yields it: CSV gives strings, JSONL and Parquet give typed values. */
export type Cell = string | number | boolean | bigint | Date | null;

/**
 * A block of consecutive rows. Row-major because every reader produces rows; the column list
 * can only grow during a file (JSONL keys first seen late are appended), so a row shorter
 * than `columns` has nulls in the missing trailing positions.
 */
export interface RowBatch {
  readonly file: string;
  readonly columns: readonly string[];
  readonly rows: Cell[][];
  /** 1-based data-row number of rows[0] within its file (the header is not a row). */
  readonly firstRow: number;
  /** 1-based source line where each row starts (CSV, JSONL: blank lines and quoted newlines make it differ from the row); absent for Parquet. */
  readonly lines?: readonly number[];
}

export type DataFormat = 'csv' | 'jsonl' | 'parquet';

export interface ReadOptions {
  /** Rows per batch; readers may yield smaller final batches. */
  batchSize?: number;
  /** Force a format instead of inferring it from the extension. */
  format?: DataFormat;
  /** CSV only: the field delimiter; detected from the header line when absent. */
  delimiter?: string;
  /** CSV only: tokens read as null (the empty field always is). */
  nullTokens?: readonly string[];
  /** Most columns a file may have (default DEFAULT_MAX_COLUMNS). */
  maxColumns?: number;
  /** Longest cell, in characters (default DEFAULT_MAX_CELL_LENGTH). */
  maxCellLength?: number;
}

/**
 * Hostile-file bounds. Every column costs a profiler (sketches of up to a few hundred KB), so
 * the column count is what bounds a profile's memory; 10,000 is far above real tables and far
 * below what exhausts a CI runner. A cell above 1 MiB characters is a blob, not a value.
 * Both are raised with --max-columns / --max-cell-length.
 */
export const DEFAULT_MAX_COLUMNS = 10_000;
export const DEFAULT_MAX_CELL_LENGTH = 1 << 20;

/** The error for a file wider than the column limit. */
export function tooManyColumnsDetail(found: number | string, max: number): string {
  return `more than ${max.toLocaleString('en-US')} columns (found ${typeof found === 'number' ? found.toLocaleString('en-US') : found}); raise the limit with --max-columns if the file really is this wide`;
}

/** The error for a cell above the cell-length limit. */
export function cellTooLongDetail(length: number, max: number, partial = false): string {
  return `a cell of ${partial ? 'more than ' : ''}${length.toLocaleString('en-US')} characters exceeds the limit of ${max.toLocaleString('en-US')}; raise it with --max-cell-length if such values are real`;
}

/** Small enough that a batch dies young (minor GCs stay cheap), large enough to amortise calls. */
export const DEFAULT_BATCH_SIZE = 1024;
export const DEFAULT_NULL_TOKENS: readonly string[] = ['NA', 'N/A', 'null', 'NULL', 'None', 'NaN'];
