import type { Cell, ReadOptions, RowBatch } from './batch.ts';
import { DEFAULT_BATCH_SIZE, DEFAULT_MAX_CELL_LENGTH, DEFAULT_MAX_COLUMNS, cellTooLongDetail, tooManyColumnsDetail } from './batch.ts';
import { DataError } from '../util/errors.ts';
import { readTextChunks, withLineOfBadUtf8 } from './text-chunks.ts';

/**
 * Streams JSON Lines. Every non-blank line must be a JSON object; keys become columns in
 * first-seen order, and nested values are kept as their JSON text so nothing is lost.
 */
export async function* readJsonl(file: string, options: ReadOptions = {}): AsyncGenerator<RowBatch> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxColumns = options.maxColumns ?? DEFAULT_MAX_COLUMNS;
  const maxCellLength = options.maxCellLength ?? DEFAULT_MAX_CELL_LENGTH;
  const index = new Map<string, number>();
  const columns: string[] = [];
  let rows: Cell[][] = [];
  let lines: number[] = [];
  let firstRow = 1;
  let rowNumber = 0;
  let line = 0;
  let carry = '';

  const parseLine = (raw: string): void => {
    line++;
    const trimmed = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (trimmed.trim() === '') return;
    rowNumber++;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (err) {
      // A file with CR-only line endings reads as one line of several objects.
      if (/\r./.test(trimmed))
        throw new DataError(file, 'lone CR line ending (classic Mac OS style); save the file with LF or CRLF line endings', { line, row: rowNumber });
      throw new DataError(file, `invalid JSON (${(err as Error).message.slice(0, 200)})`, { line, row: rowNumber });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new DataError(file, 'each line must be a JSON object of column: value', { line, row: rowNumber });
    }
    const row: Cell[] = new Array(columns.length).fill(null);
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      let i = index.get(key);
      if (i === undefined) {
        if (columns.length >= maxColumns)
          throw new DataError(file, tooManyColumnsDetail(`${maxColumns.toLocaleString('en-US')}+ keys`, maxColumns), { line, row: rowNumber });
        i = columns.length;
        index.set(key, i);
        columns.push(key);
      }
      const cell = toCell(v);
      if (typeof cell === 'string' && cell.length > maxCellLength)
        throw new DataError(file, cellTooLongDetail(cell.length, maxCellLength), { line, row: rowNumber, column: key });
      row[i] = cell;
    }
    rows.push(row);
    lines.push(line);
  };

  const takeBatch = (): RowBatch => {
    const batch: RowBatch = { file, columns: [...columns], rows, firstRow, lines };
    firstRow += rows.length;
    rows = [];
    lines = [];
    return batch;
  };

  for await (const chunk of withLineOfBadUtf8(readTextChunks(file), () => line + 1)) {
    const text = carry + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      parseLine(text.slice(start, nl));
      start = nl + 1;
      if (rows.length >= batchSize) yield takeBatch();
    }
    carry = text.slice(start);
  }
  if (carry.length > 0) parseLine(carry);
  if (rows.length > 0 || firstRow === 1) yield takeBatch();
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}
