import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  cellText,
  readBatches,
  toDatetime
} from "./cli-chunk-6HQVLVXU.js";
import {
  DataError,
  SettingError,
  listPreview
} from "./cli-chunk-CRJPICDA.js";

// src/evaluate/label-join.ts
var VERSION_COLUMN = "model_version";
function createLabelJoin(options) {
  const { labels, since } = options;
  const timeColumn = options.timeColumn ?? "timestamp";
  const sinceMs = since?.getTime();
  const matchedKeys = /* @__PURE__ */ new Set();
  const served = /* @__PURE__ */ new Map();
  let logged = 0;
  let matched = 0;
  let outside = 0;
  async function* batches(file, readOptions) {
    for await (const batch of readBatches(file, readOptions)) {
      const k = batch.columns.indexOf(labels.key);
      if (k < 0) throw new DataError(file, `no key column "${labels.key}" to join labels on (columns: ${listPreview(batch.columns)})`, { column: labels.key });
      const t = sinceMs === void 0 ? -1 : batch.columns.indexOf(timeColumn);
      if (sinceMs !== void 0 && t < 0)
        throw new DataError(file, `no "${timeColumn}" column to apply the time window to (columns: ${listPreview(batch.columns)})`, { column: timeColumn });
      const v = batch.columns.indexOf(VERSION_COLUMN);
      const own = batch.columns.indexOf(labels.target);
      const columns = [...batch.columns.filter((_, i) => i !== own), labels.target];
      const rows = [];
      let first = 0;
      batch.rows.forEach((row, i) => {
        logged++;
        if (sinceMs !== void 0) {
          const at = toDatetime(row[t] ?? null);
          if (at === void 0)
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
        if (label === void 0) return;
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
      served_versions: Object.fromEntries([...served.entries()].sort((a, b) => a[0].localeCompare(b[0], "en", { numeric: true })))
    })
  };
}
var SPAN = /^(\d+(?:\.\d+)?)\s*([mhdw])$/;
var UNIT_MS = { m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
function parseSince(text, now) {
  const span = SPAN.exec(text.trim());
  if (span) return new Date(now.getTime() - Number(span[1]) * UNIT_MS[span[2]]);
  const at = toDatetime(text.trim());
  if (at === void 0)
    throw new SettingError("since", (name) => `${name("since")} must be a span such as 30d, 12h, 2w or 90m, or an ISO date such as 2026-11-01 (got "${text}")`);
  return new Date(at);
}

export {
  createLabelJoin,
  parseSince
};
