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
}

/** Small enough that a batch dies young (minor GCs stay cheap), large enough to amortise calls. */
export const DEFAULT_BATCH_SIZE = 1024;
export const DEFAULT_NULL_TOKENS: readonly string[] = ['NA', 'N/A', 'null', 'NULL', 'None', 'NaN'];
