import type { Cell, ReadOptions, RowBatch } from '../data/batch.ts';
import { readBatches } from '../data/read.ts';
import { cellText, toNumber } from '../data/values.ts';
import type { ModelRunner, Task } from '../model/types.ts';
import { DataError, MlopsError, listPreview } from '../util/errors.ts';

/** A Float64 buffer that grows by doubling, so a million predictions cost no per-row allocation. */
export class Float64Builder {
  private buf = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  pushAll(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.push(values[i]);
  }
  toArray(): Float64Array {
    return this.buf.slice(0, this.length);
  }
}

export interface ModelOutputs {
  /** Classification: predicted labels as text. */
  labels: string[];
  /** Regression: predicted values. */
  values: Float64Builder;
  /** Classification: n × k probabilities aligned with the model's classes (empty if it gives none). */
  proba: Float64Builder;
  /** Milliseconds spent inside predict() over all batches, for throughput. */
  predictMs: number;
}

export interface Collected {
  task: Task;
  rows: number;
  skippedRows: number;
  /** Classification truth as text; regression truth in `targetValues`. */
  targetLabels: string[];
  targetValues: Float64Builder;
  outputs: ModelOutputs[];
  sliceCells: Map<string, Cell[]>;
  /** The first rows (target present) with their columns, to time single-row predictions on. */
  sample: { columns: readonly string[]; rows: Cell[][] };
}

export interface CollectOptions {
  target: string;
  sliceColumns: readonly string[];
  sampleRows: number;
  clock: () => number;
  readOptions?: ReadOptions;
  /** Where a file's rows come from: the file itself by default, or e.g. logs joined with labels. */
  source?: BatchSource;
  onProgress?: (rows: number) => void;
}

export type BatchSource = (file: string, readOptions?: ReadOptions) => AsyncIterable<RowBatch>;

/**
 * One streaming pass over the data: every batch goes through every model in turn, so the
 * models see the same rows in the same order (the pairing the significance tests rely on)
 * and only predictions, truth and slice columns are kept in memory.
 */
export async function collectPredictions(files: readonly string[], runners: readonly ModelRunner[], options: CollectOptions): Promise<Collected> {
  const task = runners[0].info.task;
  for (const r of runners.slice(1)) {
    if (r.info.task !== task) throw new MlopsError(`the candidate is a ${task} model but the baseline is a ${r.info.task} model: they cannot be compared`);
  }
  const outputs: ModelOutputs[] = runners.map(() => ({ labels: [], values: new Float64Builder(), proba: new Float64Builder(), predictMs: 0 }));
  const targetLabels: string[] = [];
  const targetValues = new Float64Builder();
  const sliceCells = new Map(options.sliceColumns.map((c) => [c, [] as Cell[]]));
  const sample = { columns: [] as readonly string[], rows: [] as Cell[][] };
  let rows = 0;
  let skippedRows = 0;
  const source = options.source ?? readBatches;
  for (const file of files) {
    for await (const batch of source(file, options.readOptions)) {
      const t = batch.columns.indexOf(options.target);
      if (t < 0) throw new DataError(file, `no target column "${options.target}" (columns: ${listPreview(batch.columns)})`, { column: options.target });
      const kept: Cell[][] = [];
      batch.rows.forEach((row, i) => {
        const cell = row[t] ?? null;
        if (cell === null) {
          skippedRows++;
          return;
        }
        if (task === 'regression') {
          const v = toNumber(cell);
          if (v === undefined)
            throw new DataError(file, `target "${cellText(cell)}" is not a number (regression model)`, { row: batch.firstRow + i, column: options.target });
          targetValues.push(v);
        } else targetLabels.push(cellText(cell));
        kept.push(row);
      });
      if (kept.length === 0) continue;
      for (const [column, cells] of sliceCells) {
        const c = batch.columns.indexOf(column);
        if (c < 0) throw new DataError(file, `no slice column "${column}" (columns: ${listPreview(batch.columns)})`, { column });
        for (const row of kept) cells.push(row[c] ?? null);
      }
      if (sample.rows.length < options.sampleRows) {
        sample.columns = batch.columns;
        sample.rows.push(...kept.slice(0, options.sampleRows - sample.rows.length));
      }
      for (let m = 0; m < runners.length; m++) {
        const start = options.clock();
        const out = await runners[m].predict(batch.columns, kept);
        outputs[m].predictMs += options.clock() - start;
        store(outputs[m], out, runners[m], kept.length, file);
      }
      rows += kept.length;
      options.onProgress?.(rows);
    }
  }
  return { task, rows, skippedRows, targetLabels, targetValues, outputs, sliceCells, sample };
}

function store(out: ModelOutputs, batch: Awaited<ReturnType<ModelRunner['predict']>>, runner: ModelRunner, expected: number, file: string): void {
  if (batch.predictions.length !== expected) throw new MlopsError(`${file}: the model returned ${batch.predictions.length} predictions for ${expected} rows`);
  if (runner.info.task === 'regression') {
    for (const p of batch.predictions) {
      const v = typeof p === 'number' ? p : Number(p);
      if (!Number.isFinite(v)) throw new MlopsError(`${file}: the model predicted ${String(p)} for row ${out.values.length + 1}: metrics need finite numbers`);
      out.values.push(v);
    }
    return;
  }
  for (const p of batch.predictions) out.labels.push(String(p));
  const k = runner.info.classes?.length ?? 0;
  if (!batch.probabilities) return;
  for (const row of batch.probabilities) {
    if (row.length !== k) throw new MlopsError(`${file}: the model returned ${row.length} probabilities for ${k} classes`);
    if (!row.every(Number.isFinite))
      throw new MlopsError(`${file}: the model returned probabilities [${row.join(', ')}] for row ${out.proba.length / k + 1}: metrics need finite numbers`);
    out.proba.pushAll(row);
  }
}

/** Single-row predict timings in milliseconds, after a short warm-up that is not counted. */
export async function timeSingleRows(runner: ModelRunner, sample: Collected['sample'], clock: () => number, warmup = 5): Promise<number[]> {
  for (const row of sample.rows.slice(0, warmup)) await runner.predict(sample.columns, [row]);
  const times: number[] = [];
  for (const row of sample.rows) {
    const start = clock();
    await runner.predict(sample.columns, [row]);
    times.push(clock() - start);
  }
  return times;
}
