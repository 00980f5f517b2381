import type { Cell, ReadOptions, RowBatch } from './batch.ts';
import { DEFAULT_BATCH_SIZE, DEFAULT_NULL_TOKENS } from './batch.ts';
import { DataError } from '../util/errors.ts';
import { readTextChunks } from './text-chunks.ts';

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
  const nullTokens = new Set(options.nullTokens ?? DEFAULT_NULL_TOKENS);
  const nullFirst = new Set([...nullTokens].map((t) => t.charCodeAt(0)));
  const maxNullLength = Math.max(0, ...[...nullTokens].map((t) => t.length));
  let delimiter = options.delimiter ?? (/\.tsv(\.gz)?$/i.test(file) ? '\t' : undefined);
  let header: string[] | null = null;
  let text = '';
  let pos = 0;
  let quoteAt = -1;
  let line = 1;
  let rowNumber = 0;
  let rows: Cell[][] = [];
  let firstRow = 1;

  const toRecord = (fields: string[], recordLine: number): void => {
    if (header === null) {
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
  };

  /** Parses complete records from `text`; returns true when a batch is ready to yield. */
  const parseAvailable = (eof: boolean): boolean => {
    while (pos < text.length) {
      if (delimiter === undefined) {
        const nl = text.indexOf('\n', pos);
        if (nl === -1 && !eof) return false;
        delimiter = detectDelimiter(text.slice(pos, nl === -1 ? text.length : nl));
      }
      const nl = text.indexOf('\n', pos);
      if (nl === -1 && !eof) return false;
      const end = nl === -1 ? text.length : nl;
      const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      // The next quote's position is remembered, so quote-free lines are not scanned twice.
      if (quoteAt < pos) {
        quoteAt = text.indexOf('"', pos);
        if (quoteAt === -1) quoteAt = Infinity;
      }
      if (quoteAt >= end) {
        toRecord(text.slice(pos, lineEnd).split(delimiter), line);
        pos = end + 1;
        line++;
      } else {
        const parsed = parseQuoted(file, text, pos, delimiter, eof, line, header);
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
    const batch: RowBatch = { file, columns: header!, rows, firstRow };
    firstRow += rows.length;
    rows = [];
    return batch;
  };

  for await (const chunk of readTextChunks(file)) {
    text = pos < text.length ? text.slice(pos) + chunk : chunk;
    pos = 0;
    quoteAt = -1;
    while (parseAvailable(false)) yield takeBatch();
  }
  while (parseAvailable(true)) yield takeBatch();
  if (header === null) throw new DataError(file, 'empty file: expected a header row');
  if (rows.length > 0 || firstRow === 1) yield takeBatch();
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
): Parsed {
  const fields: string[] = [];
  let i = start;
  let newlines = 0;
  const columnAt = (index: number): string | undefined => (header ? header[index] ?? `#${index + 1}` : `#${index + 1}`);
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = '';
      let j = i + 1;
      let close: number;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          if (!eof) return 'more';
          throw new DataError(file, 'unterminated quoted field (a quote opened here is never closed)', {
            line: line + newlines,
            column: columnAt(fields.length),
          });
        }
        value += text.slice(j, q);
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
    if (j >= text.length && !eof) return 'more';
    let value = text.slice(i, j);
    const c = text[j];
    if (c === '\n' && value.endsWith('\r')) value = value.slice(0, -1);
    fields.push(value);
    if (c === delimiter) {
      i = j + 1;
      continue;
    }
    return { fields, next: j + 1, newlines: newlines + 1 };
  }
}
