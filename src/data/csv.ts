import type { Cell, ReadOptions, RowBatch } from './batch.ts';
import { DEFAULT_BATCH_SIZE, DEFAULT_MAX_CELL_LENGTH, DEFAULT_MAX_COLUMNS, DEFAULT_NULL_TOKENS, cellTooLongDetail, tooManyColumnsDetail } from './batch.ts';
import { DataError } from '../util/errors.ts';
import { readTextChunks, withLineOfBadUtf8 } from './text-chunks.ts';

/** Delimiter detection looks at most this much of a header line that has not ended yet. */
const DETECT_WINDOW = 1 << 20;

const LONE_CR = 'lone CR line ending (classic Mac OS style, or a stray carriage return); save the file with LF or CRLF line endings';

interface Limits {
  maxColumns: number;
  maxCellLength: number;
}

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'];

/** Picks the candidate delimiter seen most often outside quotes on the header line. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(CANDIDATE_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [d, c] of counts) if (c > bestCount) [best, bestCount] = [d, c];
  return best;
}

type Parsed = { fields: string[]; next: number; newlines: number } | 'more';

/**
 * Streaming RFC 4180 reader. Lines without a quote take a `split` fast path; quoted records
 * go through a small state machine that may span newlines and chunk boundaries. Records are
 * checked against the header's width so a ragged file fails loudly instead of shifting columns.
 */
export async function* readCsv(file: string, options: ReadOptions = {}): AsyncGenerator<RowBatch> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const limits: Limits = { maxColumns: options.maxColumns ?? DEFAULT_MAX_COLUMNS, maxCellLength: options.maxCellLength ?? DEFAULT_MAX_CELL_LENGTH };
  const nullTokens = new Set(options.nullTokens ?? DEFAULT_NULL_TOKENS);
  const nullFirst = new Set([...nullTokens].map((t) => t.charCodeAt(0)));
  const maxNullLength = Math.max(0, ...[...nullTokens].map((t) => t.length));
  let delimiter = options.delimiter ?? (/\.tsv(\.gz)?$/i.test(file) ? '\t' : undefined);
  let header: string[] | null = null;
  let text = '';
  let pos = 0;
  let quoteAt = -1;
  let crAt = -1;
  let line = 1;
  let rowNumber = 0;
  let rows: Cell[][] = [];
  let lines: number[] = [];
  let firstRow = 1;
  // A record still waiting for its newline is scanned once, incrementally, against the limits,
  // so a file with no line break at all fails within the first chunks instead of filling memory.
  let scanRecord = -1;
  let scanAt = 0;
  let scanFields = 0;
  let scanFieldStart = 0;

  const toRecord = (fields: string[], recordLine: number): void => {
    if (header === null) {
      if (fields.length > limits.maxColumns) throw new DataError(file, tooManyColumnsDetail(fields.length, limits.maxColumns), { line: recordLine });
      header = checkHeader(file, fields);
      return;
    }
    if (fields.length === 1 && fields[0] === '' && header.length > 1) return;
    rowNumber++;
    if (fields.length !== header.length) throw widthError(file, header, fields.length, recordLine, rowNumber);
    const row: Cell[] = fields;
    for (let i = 0; i < row.length; i++) {
      const f = fields[i];
      // Null tokens are short words: test the length and first letter before hashing the string.
      if (f === '' || (f.length <= maxNullLength && nullFirst.has(f.charCodeAt(0)) && nullTokens.has(f))) row[i] = null;
    }
    rows.push(row);
    lines.push(recordLine);
  };

  const where = (extra: { column?: string } = {}) => ({ line, ...(header ? { row: rowNumber + 1 } : {}), ...extra });

  /** Checks the unterminated, quote-free record at `pos` against the limits and for lone CRs. */
  const checkPending = (): void => {
    if (quoteAt < pos) quoteAt = indexOrInfinity(text, '"', pos);
    // A quoted record is checked by parseQuoted as it goes (a CR inside quotes is data).
    if (quoteAt < text.length) return;
    if (crAt < pos) crAt = indexOrInfinity(text, '\r', pos);
    // A CR at the very end may be the first half of a CRLF split across chunks.
    if (crAt < text.length - 1) throw new DataError(file, LONE_CR, { line });
    if (delimiter === undefined) return;
    if (scanRecord !== pos) {
      scanRecord = pos;
      scanAt = pos;
      scanFields = 1;
      scanFieldStart = pos;
    }
    for (let d = text.indexOf(delimiter, scanAt); d !== -1; d = text.indexOf(delimiter, d + 1)) {
      if (++scanFields > limits.maxColumns) {
        const width =
          header === null
            ? tooManyColumnsDetail(`${limits.maxColumns.toLocaleString('en-US')}+ before the first line ended`, limits.maxColumns)
            : `expected ${header.length} fields but found more than ${limits.maxColumns.toLocaleString('en-US')}`;
        throw new DataError(file, width, where());
      }
      scanFieldStart = d + 1;
    }
    scanAt = text.length;
    if (text.length - scanFieldStart > limits.maxCellLength)
      throw new DataError(file, cellTooLongDetail(text.length - scanFieldStart, limits.maxCellLength, true), where({ column: header?.[scanFields - 1] }));
  };

  /** Parses complete records from `text`; returns true when a batch is ready to yield. */
  const parseAvailable = (eof: boolean): boolean => {
    while (pos < text.length) {
      if (delimiter === undefined) {
        const nl = text.indexOf('\n', pos);
        if (nl === -1 && !eof && text.length - pos < DETECT_WINDOW) return false;
        delimiter = detectDelimiter(text.slice(pos, nl === -1 ? Math.min(text.length, pos + DETECT_WINDOW) : nl));
      }
      const nl = text.indexOf('\n', pos);
      if (nl === -1 && !eof) {
        checkPending();
        return false;
      }
      const end = nl === -1 ? text.length : nl;
      const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      // The next quote's (and CR's) position is remembered, so quote-free lines are not scanned twice.
      if (quoteAt < pos) quoteAt = indexOrInfinity(text, '"', pos);
      if (crAt < pos) crAt = indexOrInfinity(text, '\r', pos);
      if (quoteAt >= end) {
        if (crAt < lineEnd) throw new DataError(file, LONE_CR, { line });
        const fields = text.slice(pos, lineEnd).split(delimiter);
        if (lineEnd - pos > limits.maxCellLength) checkCellLengths(file, fields, limits.maxCellLength, line, header, rowNumber);
        toRecord(fields, line);
        pos = end + 1;
        line++;
      } else {
        const parsed = parseQuoted(file, text, pos, delimiter, eof, line, header, limits, rowNumber + 1);
        if (parsed === 'more') return false;
        toRecord(parsed.fields, line);
        pos = parsed.next;
        line += parsed.newlines;
      }
      if (rows.length >= batchSize) return true;
    }
    return false;
  };

  const takeBatch = (): RowBatch => {
    const batch: RowBatch = { file, columns: header!, rows, firstRow, lines };
    firstRow += rows.length;
    rows = [];
    lines = [];
    return batch;
  };

  const chunks = withLineOfBadUtf8(readTextChunks(file), () => line + countNewlines(text, pos));
  for await (const chunk of chunks) {
    const shift = pos;
    text = pos < text.length ? text.slice(pos) + chunk : chunk;
    pos = 0;
    quoteAt = -1;
    crAt = -1;
    scanRecord -= shift;
    scanAt -= shift;
    scanFieldStart -= shift;
    while (parseAvailable(false)) yield takeBatch();
  }
  while (parseAvailable(true)) yield takeBatch();
  if (header === null) throw new DataError(file, 'empty file: expected a header row');
  if (rows.length > 0 || firstRow === 1) yield takeBatch();
}

function indexOrInfinity(text: string, ch: string, from: number): number {
  const i = text.indexOf(ch, from);
  return i === -1 ? Infinity : i;
}

function countNewlines(text: string, from: number): number {
  let n = 0;
  for (let k = text.indexOf('\n', from); k !== -1; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

function checkCellLengths(file: string, fields: readonly string[], max: number, line: number, header: string[] | null, rowNumber: number): void {
  fields.forEach((f, i) => {
    if (f.length > max)
      throw new DataError(file, cellTooLongDetail(f.length, max), { line, ...(header ? { row: rowNumber + 1, column: header[i] ?? `#${i + 1}` } : {}) });
  });
}

function checkHeader(file: string, fields: string[]): string[] {
  const seen = new Set<string>();
  fields.forEach((name, i) => {
    const trimmed = name.trim();
    if (trimmed === '') throw new DataError(file, `header has an empty column name at position ${i + 1}`, { line: 1 });
    if (seen.has(trimmed)) throw new DataError(file, `header repeats the column name "${trimmed}"`, { line: 1 });
    seen.add(trimmed);
  });
  return fields.map((f) => f.trim());
}

function widthError(file: string, header: string[], found: number, line: number, row: number): DataError {
  if (found < header.length) {
    return new DataError(file, `expected ${header.length} fields but found ${found} (missing value for this column onwards)`, {
      line,
      row,
      column: header[found],
    });
  }
  return new DataError(file, `expected ${header.length} fields but found ${found} (extra field after the last column)`, {
    line,
    row,
    column: header[header.length - 1],
  });
}

function parseQuoted(
  file: string,
  text: string,
  start: number,
  delimiter: string,
  eof: boolean,
  line: number,
  header: string[] | null,
  limits: Limits,
  row: number,
): Parsed {
  const fields: string[] = [];
  let i = start;
  let newlines = 0;
  const columnAt = (index: number): string | undefined => (header ? (header[index] ?? `#${index + 1}`) : `#${index + 1}`);
  const where = (index: number) => ({ line: line + newlines, ...(header ? { row, column: columnAt(index) } : {}) });
  const checkCell = (length: number, partial: boolean) => {
    if (length > limits.maxCellLength) throw new DataError(file, cellTooLongDetail(length, limits.maxCellLength, partial), where(fields.length));
  };
  for (;;) {
    if (fields.length >= limits.maxColumns) {
      throw new DataError(
        file,
        header === null
          ? tooManyColumnsDetail(`${limits.maxColumns.toLocaleString('en-US')}+`, limits.maxColumns)
          : `expected ${header.length} fields but found more than ${limits.maxColumns.toLocaleString('en-US')}`,
        { line },
      );
    }
    if (text.charCodeAt(i) === 34) {
      let value = '';
      let j = i + 1;
      let close: number;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          checkCell(value.length + text.length - j, true);
          if (!eof) return 'more';
          throw new DataError(file, 'unterminated quoted field (a quote opened here is never closed)', {
            line: line + newlines,
            column: columnAt(fields.length),
          });
        }
        value += text.slice(j, q);
        checkCell(value.length, false);
        if (q + 1 >= text.length && !eof) return 'more';
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        close = q;
        break;
      }
      for (let k = value.indexOf('\n'); k !== -1; k = value.indexOf('\n', k + 1)) newlines++;
      fields.push(value);
      i = close + 1;
      const c = text[i];
      if (c === delimiter) {
        i++;
        continue;
      }
      if (c === '\r' && text[i + 1] === '\n') return { fields, next: i + 2, newlines: newlines + 1 };
      if (c === '\r' && i + 1 >= text.length && !eof) return 'more';
      if (c === '\n') return { fields, next: i + 1, newlines: newlines + 1 };
      if (c === undefined) return { fields, next: i, newlines: newlines + 1 };
      if (c === '\r') throw new DataError(file, LONE_CR, { line: line + newlines });
      throw new DataError(file, `unexpected character ${JSON.stringify(c)} after a closing quote`, {
        line: line + newlines,
        column: columnAt(fields.length - 1),
      });
    }
    let j = i;
    while (j < text.length) {
      const c = text[j];
      if (c === delimiter || c === '\n') break;
      j++;
    }
    checkCell(j - i, j >= text.length && !eof);
    if (j >= text.length && !eof) return 'more';
    let value = text.slice(i, j);
    const c = text[j];
    if (c === '\n' && value.endsWith('\r')) value = value.slice(0, -1);
    if (value.includes('\r') && !(j >= text.length && value.indexOf('\r') === value.length - 1)) throw new DataError(file, LONE_CR, { line: line + newlines });
    fields.push(value);
    if (c === delimiter) {
      i = j + 1;
      continue;
    }
    return { fields, next: j + 1, newlines: newlines + 1 };
  }
}
