import type { Cell, DataFormat } from '../data/batch.ts';
import { formatOf, readBatches } from '../data/read.ts';
import { DataError, listPreview } from '../util/errors.ts';
import { rowChecker } from './check-rows.ts';
import type { ScoringModel } from './model.ts';
import { scoreRows } from './score.ts';
import { checkOutputColumns, openJsonlWriter, openTableWriter, type OutputColumn } from './writers.ts';

/**
 * Rows per model call. Past a few hundred rows the runtime call is amortised and larger
 * batches cost more CPU, not less (scripts/bench/predict.ts: 4096 rows used ~25% more CPU
 * time than 256 or 1024; more of each batch outlives a minor GC).
 */
export const DEFAULT_PREDICT_BATCH = 1024;

export interface PredictFileOptions {
  model: ScoringModel;
  data: string;
  out: string;
  /** Output format (default: from the extension of `out`). */
  outFormat?: DataFormat;
  /** JSONL file of rejected rows (written even when empty, so a stale one never misleads). */
  rejects: string;
  /** Key columns copied into the output; undefined means columns named id or key. */
  keys?: readonly string[];
  batchSize?: number;
  rejectUnknownCategories?: boolean;
  delimiter?: string;
  /** Called after each batch with the rows read so far in this file. */
  onProgress?: (rows: number) => void;
}

export interface PredictFileResult {
  data: string;
  out: string;
  rejects: string;
  keys: string[];
  rows: number;
  predicted: number;
  rejected: number;
  /** Rejected rows per "column: kind" (or "model: refused"). */
  reject_reasons: Record<string, number>;
  /** Missing feature values the model imputed, per feature (only models that impute). */
  imputed: Record<string, number>;
}

/** One line of the rejects file. */
export interface RejectRecord {
  file: string;
  row: number;
  column?: string;
  reason: string;
  /** The row's key and feature cells. */
  values: Record<string, Cell>;
}

/** What every output file carries besides the keys. */
export function predictionColumns(model: ScoringModel): OutputColumn[] {
  const { info } = model.runner;
  const classifier = info.task === 'classification';
  return [
    { name: 'prediction', type: classifier ? 'string' : 'double' },
    ...(classifier ? (info.classes ?? []).map((c) => ({ name: `prob_${c}`, type: 'double' as const })) : []),
    { name: 'model', type: 'string' },
    { name: 'model_version', type: 'string' },
  ];
}

/**
 * Scores one data file into one output file, batch by batch: each row is type-checked
 * against the model's features, the rows that pass are predicted together, and every row
 * that cannot be scored goes to the rejects file with its row number and reason.
 */
export async function predictFile(options: PredictFileOptions): Promise<PredictFileResult> {
  const { model, data } = options;
  const features = model.runner.info.features;
  const checker = rowChecker(features, { imputesMissing: model.imputesMissing, rejectUnknownCategories: options.rejectUnknownCategories ?? false });
  const inFormat = formatOf(data);
  const outFormat = options.outFormat ?? formatOf(options.out);
  const missing = new Map<string, number>();
  const reasons = new Map<string, number>();
  const tail = [...predictionColumns(model)];
  let keys: string[] | undefined;
  let keyPos: number[] = [];
  let writer: ReturnType<typeof openTableWriter> | undefined;
  const rejects = openJsonlWriter(options.rejects);
  let rows = 0;
  let predicted = 0;
  let rejected = 0;
  let closed = false;
  try {
    for await (const batch of readBatches(data, { batchSize: options.batchSize ?? DEFAULT_PREDICT_BATCH, delimiter: options.delimiter })) {
      if (!writer) {
        keys = resolveKeys(options.keys, batch.columns, data);
        keyPos = keys.map((k) => batch.columns.indexOf(k));
        if (inFormat !== 'jsonl') {
          const absent = features.filter((f) => !batch.columns.includes(f.name)).map((f) => f.name);
          if (absent.length > 0) {
            throw new DataError(
              data,
              `missing required feature${absent.length > 1 ? 's' : ''} ${listPreview(absent.map((a) => `"${a}"`))} (model ${model.name} needs ${listPreview(features.map((f) => f.name))})`,
            );
          }
        }
        const head: OutputColumn[] = keys.length > 0 ? keys.map((name) => ({ name })) : [{ name: 'row', type: 'int64' }];
        checkOutputColumns([...head, ...tail].map((c) => c.name));
        writer = openTableWriter(options.out, outFormat, [...head, ...tail]);
      }
      // Features absent from the columns (a JSONL key not seen yet) are appended, so they read as null.
      const columns = [...batch.columns, ...features.filter((f) => !batch.columns.includes(f.name)).map((f) => f.name)];
      const positions = features.map((f) => columns.indexOf(f.name));
      // JSONL columns grow as keys appear, so key positions are looked up again.
      if (inFormat === 'jsonl') keyPos = keys!.map((k) => batch.columns.indexOf(k));

      const good: Cell[][] = [];
      const goodAt: number[] = [];
      const rejectRecords: RejectRecord[] = [];
      const reject = (r: number, kind: string, reason: string, column?: string) => {
        const key = `${column ?? 'model'}: ${kind}`;
        reasons.set(key, (reasons.get(key) ?? 0) + 1);
        rejectRecords.push({
          file: data,
          row: batch.firstRow + r,
          ...(column ? { column } : {}),
          reason,
          values: rowValues(
            batch.rows[r],
            columns,
            keys!,
            features.map((f) => f.name),
          ),
        });
      };
      batch.rows.forEach((row, r) => {
        const problem = checker.check(row, positions, missing);
        if (problem) reject(r, problem.kind, problem.reason, problem.column);
        else {
          good.push(row);
          goodAt.push(r);
        }
      });
      const scores = await scoreRows(model.runner, columns, good);
      const out: Cell[][] = [];
      scores.forEach((s, i) => {
        const r = goodAt[i];
        if ('error' in s) {
          reject(r, 'refused', `model refused the row: ${s.error}`);
          return;
        }
        // NaN or infinite scores (inputs past float32 range, say) are no prediction: a consumer would read "NaN" as one.
        if (!finiteScore(s)) {
          reject(
            r,
            'non-finite',
            'the model returned a non-finite prediction or probability (NaN or infinity); an input value is likely beyond the range the model can compute with',
          );
          return;
        }
        const row = batch.rows[r];
        const line: Cell[] = keyPos.length > 0 ? keyPos.map((p) => (p < 0 ? null : (row[p] ?? null))) : [batch.firstRow + r];
        line.push(s.prediction);
        if (s.probabilities) for (const p of s.probabilities) line.push(p);
        line.push(model.name, model.version);
        out.push(line);
      });
      // Rejects are sorted by row so the file reads in input order even after bisection.
      rejectRecords.sort((a, b) => a.row - b.row);
      await writer.write(out);
      await rejects.write(rejectRecords);
      rows += batch.rows.length;
      predicted += out.length;
      rejected += rejectRecords.length;
      options.onProgress?.(rows);
    }
    writer ??= openTableWriter(options.out, outFormat, [{ name: 'row', type: 'int64' }, ...tail]);
    await writer.close();
    await rejects.close();
    closed = true;
  } finally {
    // A failed run leaves the previous outputs as they were: only the temporary files go.
    if (!closed) await Promise.all([writer?.abort(), rejects.abort()]);
  }
  return {
    data,
    out: options.out,
    rejects: options.rejects,
    keys: keys ?? [],
    rows,
    predicted,
    rejected,
    reject_reasons: Object.fromEntries([...reasons].sort((a, b) => b[1] - a[1])),
    imputed: Object.fromEntries(missing),
  };
}

function finiteScore(s: { prediction: string | number; probabilities?: number[] }): boolean {
  if (typeof s.prediction === 'number' && !Number.isFinite(s.prediction)) return false;
  return s.probabilities === undefined || s.probabilities.every(Number.isFinite);
}

/** --keys as given (each must exist), else columns named id or key, else none (a row number column). */
export function resolveKeys(keys: readonly string[] | undefined, columns: readonly string[], file: string): string[] {
  if (keys === undefined) return columns.filter((c) => /^(id|key)$/i.test(c));
  for (const k of keys) if (!columns.includes(k)) throw new DataError(file, `key column "${k}" not found (columns: ${listPreview(columns)})`);
  return [...keys];
}

function rowValues(row: readonly Cell[], columns: readonly string[], keys: readonly string[], features: readonly string[]): Record<string, Cell> {
  const values: Record<string, Cell> = {};
  for (const name of [...keys, ...features]) {
    const p = columns.indexOf(name);
    values[name] = p < 0 ? null : (row[p] ?? null);
  }
  return values;
}
