import { appendFileSync, createWriteStream, type WriteStream } from 'node:fs';
import { ParquetWriter, fileWriter, type ColumnSource, type SchemaElement, type Writer } from 'hyparquet-writer';
import type { Cell, DataFormat } from '../data/batch.ts';
import { DataError, fileError, SettingError } from '../util/errors.ts';
import { beginAtomic, type AtomicOutput } from '../util/fs.ts';

/** A column of an output table; without `type` a Parquet writer takes it from the first rows. */
export interface OutputColumn {
  name: string;
  type?: ParquetKind;
}

type ParquetKind = 'string' | 'double' | 'int64' | 'boolean' | 'timestamp';

/**
 * Appends rows to a table file batch by batch; nothing but the current batch (or row group) is
 * held. Rows go to a temporary file beside the target: `close` puts it in place, `abort` (a
 * failed run) removes it, so the target only ever holds a complete output, the previous one until then.
 */
export interface TableWriter {
  write(rows: readonly Cell[][]): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

export function openTableWriter(file: string, format: DataFormat, columns: readonly OutputColumn[], options: { rowGroupRows?: number } = {}): TableWriter {
  const out = beginAtomic(file);
  if (format === 'parquet') return parquetWriter(file, out, columns, options.rowGroupRows ?? 65536);
  const names = columns.map((c) => c.name);
  return format === 'csv' ? textWriter(file, out, [csvLine(names)], csvRow) : textWriter(file, out, [], (row) => jsonLine(names, row));
}

/** A JSONL file of objects, one `write` call per record. */
export function openJsonlWriter(file: string): { write(records: readonly object[]): Promise<void>; close(): Promise<void>; abort(): Promise<void> } {
  const writer = textWriter(file, beginAtomic(file), [], () => '');
  return {
    write: (records) => writer.writeText(records.map((r) => JSON.stringify(r, jsonValue) + '\n').join('')),
    close: () => writer.close(),
    abort: () => writer.abort(),
  };
}

function textWriter(file: string, out: AtomicOutput, head: string[], line: (row: readonly Cell[]) => string) {
  const stream: WriteStream = createWriteStream(out.path);
  let failure: unknown;
  stream.on('error', (err) => {
    failure = err;
  });
  const writeText = async (text: string): Promise<void> => {
    if (failure) throw fileError(file, failure);
    if (text === '') return;
    if (!stream.write(text)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('error', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('error', done);
      });
    }
    if (failure) throw fileError(file, failure);
  };
  if (head.length > 0) stream.write(head.map((h) => h + '\n').join(''));
  return {
    writeText,
    async write(rows: readonly Cell[][]): Promise<void> {
      let text = '';
      for (const row of rows) text += line(row) + '\n';
      await writeText(text);
    },
    async close(): Promise<void> {
      if (failure) throw fileError(file, failure);
      await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(fileError(file, err)) : resolve())));
      await out.commit();
    },
    async abort(): Promise<void> {
      if (!stream.closed) {
        await new Promise<void>((resolve) => {
          stream.once('close', resolve);
          stream.destroy();
        });
      }
      await out.abort();
    },
  };
}

function csvText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

/**
 * One CSV line from cells, as csvLine(row.map(csvText)) writes it. A number's text never needs
 * quotes, so numbers skip the quoting test and no per-row array of strings is made: the
 * probability columns are most of a prediction file's cells.
 */
function csvRow(row: readonly Cell[]): string {
  let out = '';
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    if (i > 0) out += ',';
    out += typeof cell === 'number' ? String(cell) : csvField(csvText(cell));
  }
  return out;
}

function csvField(f: string): string {
  return /[",\r\n]/.test(f) || (f.length > 0 && (f[0] === ' ' || f[f.length - 1] === ' ')) ? '"' + f.replace(/"/g, '""') + '"' : f;
}

function csvLine(fields: readonly string[]): string {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (i > 0) out += ',';
    out += csvField(f);
  }
  return out;
}

function jsonLine(names: readonly string[], row: readonly Cell[]): string {
  const record: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) record[names[i]] = row[i] ?? null;
  return JSON.stringify(record, jsonValue);
}

/** bigint and non-finite numbers have no JSON form of their own; Dates already stringify as ISO. */
function jsonValue(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

const SCHEMA: Record<ParquetKind, Omit<SchemaElement, 'name'>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  double: { type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  int64: { type: 'INT64', repetition_type: 'OPTIONAL' },
  boolean: { type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
  timestamp: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' },
};

/**
 * Parquet needs one type per column before the first row group, so columns without a declared
 * type take it from the first rows (CSV keys stay strings, so "007" keeps its zeros); a later
 * value of another type is an input error rather than a silent conversion.
 */
function parquetWriter(file: string, out: AtomicOutput, columns: readonly OutputColumn[], rowGroupRows: number): TableWriter {
  let kinds: ParquetKind[] | undefined;
  let writer: ParquetWriter | undefined;
  let buffered: unknown[][] = columns.map(() => []);
  let written = 0;
  const start = (rows: readonly Cell[][]) => {
    kinds = columns.map((c, j) => c.type ?? inferKind(rows, j));
    const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }, ...columns.map((c, j) => ({ name: c.name, ...SCHEMA[kinds![j]] }))];
    try {
      writer = new ParquetWriter({ writer: rowGroupFileWriter(out.path), schema, createdBy: 'mlops-actions predict' });
    } catch (err) {
      throw fileError(file, err);
    }
  };
  const flush = async () => {
    const n = buffered[0]?.length ?? 0;
    if (n === 0 || !writer) return;
    const columnData: ColumnSource[] = columns.map((c, j) => ({ name: c.name, data: buffered[j] }));
    await writer.write({ columnData, rowGroupSize: n });
    buffered = columns.map(() => []);
  };
  return {
    async write(rows) {
      if (rows.length === 0) return;
      if (!kinds) start(rows);
      for (let j = 0; j < columns.length; j++) {
        const out = buffered[j];
        const kind = kinds![j];
        for (let r = 0; r < rows.length; r++) out.push(parquetValue(rows[r][j] ?? null, kind, columns[j].name, written + r + 1, file));
      }
      written += rows.length;
      if (buffered[0].length >= rowGroupRows) await flush();
    },
    async close() {
      if (!kinds) start([]);
      await flush();
      try {
        await writer!.finish();
      } catch (err) {
        throw fileError(file, err);
      }
      await out.commit();
    },
    abort: () => out.abort(),
  };
}

/**
 * hyparquet-writer's file writer only writes once its buffer passes 1 MB; flushing after
 * every row group (ParquetWriter calls `flush`) puts each group on disk as soon as it is encoded.
 */
function rowGroupFileWriter(file: string): Writer {
  const w = fileWriter(file);
  w.flush = () => {
    appendFileSync(file, new Uint8Array(w.buffer, 0, (w as unknown as { index: number }).index));
    (w as unknown as { index: number }).index = 0;
  };
  return w;
}

function inferKind(rows: readonly Cell[][], j: number): ParquetKind {
  let kind: ParquetKind | undefined;
  for (const row of rows) {
    const v = row[j] ?? null;
    if (v === null) continue;
    const k: ParquetKind =
      typeof v === 'string'
        ? 'string'
        : typeof v === 'boolean'
          ? 'boolean'
          : v instanceof Date
            ? 'timestamp'
            : typeof v === 'bigint' || Number.isInteger(v)
              ? 'int64'
              : 'double';
    if (kind === undefined || (kind === 'int64' && k === 'double')) kind = k;
  }
  return kind ?? 'string';
}

function parquetValue(v: Cell, kind: ParquetKind, column: string, row: number, file: string): unknown {
  if (v === null) return null;
  switch (kind) {
    case 'string':
      return v instanceof Date ? v.toISOString() : String(v);
    case 'double':
      if (typeof v === 'number') return v;
      if (typeof v === 'bigint') return Number(v);
      break;
    case 'int64':
      if (typeof v === 'bigint') return v;
      if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
      break;
    case 'boolean':
      if (typeof v === 'boolean') return v;
      break;
    case 'timestamp':
      if (v instanceof Date) return v;
      break;
  }
  throw new DataError(
    file,
    `a ${kind} column of the Parquet output got ${JSON.stringify(String(v))}; the input mixes types in this column (write .csv or .jsonl instead)`,
    { row, column },
  );
}

export function checkOutputColumns(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n))
      throw new SettingError(
        'keys',
        (name) => `output column "${n}" would appear twice (a key column has the name of an output column; pick other ${name('keys')})`,
      );
    seen.add(n);
  }
}
