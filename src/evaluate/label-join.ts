import type { Cell, ReadOptions, RowBatch } from '../data/batch.ts';
import type { Labels } from '../data/labels.ts';
import { readBatches } from '../data/read.ts';
import { cellText, toDatetime } from '../data/values.ts';
import { DataError, listPreview, SettingError } from '../util/errors.ts';

/** What joining labels to logged rows found: the evaluation reports it beside the metrics. */
export interface LabelJoinSummary {
  files: string[];
  key: string;
  target: string;
  /** Rows logged at or after this instant were joined (ISO); null for every row. */
  since: string | null;
  logged_rows: number;
  matched_rows: number;
  /** Logged rows whose key has no label (yet). */
  unmatched_rows: number;
  /** Logged rows older than `since`, left out before the join. */
  outside_window_rows: number;
  labels: number;
  /** Labels whose key no logged row carries: many of them usually means the keys are spelled differently. */
  labels_without_prediction: number;
  /** Matched rows per model_version that served them (empty when the rows carry no model_version). */
  served_versions: Record<string, number>;
}

export interface LabelJoinOptions {
  labels: Labels;
  since?: Date;
  /** The column holding when a row was logged (mlops serve writes `timestamp`). */
  timeColumn?: string;
}

export interface LabelJoin {
  /** The logged rows of one file with the label appended as the target column; unmatched rows left out. */
  batches(file: string, readOptions?: ReadOptions): AsyncGenerator<RowBatch>;
  summary(): LabelJoinSummary;
}

const VERSION_COLUMN = 'model_version';

/**
 * Joins arrived labels to logged predictions (or any rows carrying the key) by key, streaming
 * the logs: each yielded batch holds the logged columns, a column of the same name as the
 * target replaced by the label. Every logged prediction of a key gets that key's label.
 */
export function createLabelJoin(options: LabelJoinOptions): LabelJoin {
  const { labels, since } = options;
  const timeColumn = options.timeColumn ?? 'timestamp';
  const sinceMs = since?.getTime();
  const matchedKeys = new Set<string>();
  const served = new Map<string, number>();
  let logged = 0;
  let matched = 0;
  let outside = 0;

  async function* batches(file: string, readOptions?: ReadOptions): AsyncGenerator<RowBatch> {
    for await (const batch of readBatches(file, readOptions)) {
      const k = batch.columns.indexOf(labels.key);
      if (k < 0) throw new DataError(file, `no key column "${labels.key}" to join labels on (columns: ${listPreview(batch.columns)})`, { column: labels.key });
      const t = sinceMs === undefined ? -1 : batch.columns.indexOf(timeColumn);
      if (sinceMs !== undefined && t < 0)
        throw new DataError(file, `no "${timeColumn}" column to apply the time window to (columns: ${listPreview(batch.columns)})`, { column: timeColumn });
      const v = batch.columns.indexOf(VERSION_COLUMN);
      const own = batch.columns.indexOf(labels.target);
      const columns = [...batch.columns.filter((_, i) => i !== own), labels.target];
      const rows: Cell[][] = [];
      let first = 0;
      batch.rows.forEach((row, i) => {
        logged++;
        if (sinceMs !== undefined) {
          const at = toDatetime(row[t] ?? null);
          if (at === undefined)
            throw new DataError(file, `"${cellText(row[t] ?? null)}" is not an ISO date-time`, { row: batch.firstRow + i, column: timeColumn });
          if (at < sinceMs) {
            outside++;
            return;
          }
        }
        const id = row[k] ?? null;
        if (id === null) return;
        const key = cellText(id);
        const label = labels.byKey.get(key);
        if (label === undefined) return;
        matched++;
        matchedKeys.add(key);
        if (v >= 0) {
          const version = cellText(row[v] ?? null);
          served.set(version, (served.get(version) ?? 0) + 1);
        }
        const joined = own < 0 ? row.slice(0, batch.columns.length) : row.slice(0, batch.columns.length).filter((_, c) => c !== own);
        while (joined.length < columns.length - 1) joined.push(null);
        joined.push(label);
        if (rows.length === 0) first = batch.firstRow + i;
        rows.push(joined);
      });
      if (rows.length > 0) yield { file: batch.file, columns, rows, firstRow: first };
    }
  }

  return {
    batches,
    summary: () => ({
      files: labels.files,
      key: labels.key,
      target: labels.target,
      since: since ? since.toISOString() : null,
      logged_rows: logged,
      matched_rows: matched,
      unmatched_rows: logged - matched - outside,
      outside_window_rows: outside,
      labels: labels.byKey.size,
      labels_without_prediction: labels.byKey.size - matchedKeys.size,
      served_versions: Object.fromEntries([...served.entries()].sort((a, b) => a[0].localeCompare(b[0], 'en', { numeric: true }))),
    }),
  };
}

const SPAN = /^(\d+(?:\.\d+)?)\s*([mhdw])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/**
 * A window start: a span back from now (`30d`, `12h`, `2w`, `90m`) or an ISO date or
 * date-time (`2026-11-01`, `2026-11-01T06:00:00Z`).
 */
export function parseSince(text: string, now: Date): Date {
  const span = SPAN.exec(text.trim());
  if (span) return new Date(now.getTime() - Number(span[1]) * UNIT_MS[span[2] as keyof typeof UNIT_MS]);
  const at = toDatetime(text.trim());
  if (at === undefined)
    throw new SettingError('since', (name) => `${name('since')} must be a span such as 30d, 12h, 2w or 90m, or an ISO date such as 2026-11-01 (got "${text}")`);
  return new Date(at);
}
