import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  checkOutputColumns,
  openJsonlWriter,
  openTableWriter
} from "./cli-chunk-SLQGZTW2.js";
import {
  isRegistryRef,
  resolveRegistryRef
} from "./cli-chunk-RQX4NJS2.js";
import "./cli-chunk-ABVFU6OS.js";
import {
  rowProgress
} from "./cli-chunk-EIOJZ3IR.js";
import {
  REGISTRY_ENV_HELP,
  registryLocationOptions,
  withRegistryLocation
} from "./cli-chunk-TD7EJ6WJ.js";
import {
  delimiterOption,
  featuresOption
} from "./cli-chunk-4VEL2SRJ.js";
import {
  META_PREPROCESSING,
  describeOnnx,
  loadModel
} from "./cli-chunk-BWLW4W5B.js";
import "./cli-chunk-GO65PKX3.js";
import "./cli-chunk-WKPB2DLF.js";
import "./cli-chunk-X2GB25J3.js";
import "./cli-chunk-432HCV4T.js";
import {
  cellText,
  expandDataPaths,
  formatOf,
  readBatches,
  toBoolean,
  toNumber
} from "./cli-chunk-6HQVLVXU.js";
import {
  code,
  formatNumber,
  table
} from "./cli-chunk-5E2F2P2C.js";
import {
  fileIdentity,
  refuseOutputOverInput,
  writeJson
} from "./cli-chunk-E2MBSDJC.js";
import {
  defineCommand
} from "./cli-chunk-BC6VW377.js";
import "./cli-chunk-SRRUYVY4.js";
import "./cli-chunk-PPRUUPOP.js";
import {
  DataError,
  MlopsError,
  SettingError,
  errorMessage,
  listPreview
} from "./cli-chunk-CRJPICDA.js";
import "./cli-chunk-3D3HMA2K.js";

// src/cli/commands/predict.ts
import { performance } from "node:perf_hooks";

// src/predict/check-rows.ts
function rowChecker(features, options) {
  const known = features.map((f) => f.type === "category" && f.categories && options.rejectUnknownCategories ? new Set(f.categories) : void 0);
  return {
    /** Checks one row; `missing` counts the nulls the model will impute, per feature. */
    check(row, positions, missing) {
      for (let j = 0; j < features.length; j++) {
        const f = features[j];
        const p = positions[j];
        const cell = p < 0 ? null : row[p] ?? null;
        if (cell === null) {
          if (!options.imputesMissing) return { column: f.name, kind: "missing value", reason: `column "${f.name}": missing value` };
          missing.set(f.name, (missing.get(f.name) ?? 0) + 1);
          continue;
        }
        const problem = checkCell(f, cell, known[j]);
        if (problem) return { column: f.name, kind: problem, reason: `column "${f.name}": ${problem} (got ${show(cell)})` };
      }
      return void 0;
    }
  };
}
function checkCell(f, cell, known) {
  switch (f.type) {
    case "number":
      return toNumber(cell) === void 0 ? "not a number" : void 0;
    case "integer": {
      const n = toNumber(cell);
      return n === void 0 || !Number.isInteger(n) ? "not an integer" : void 0;
    }
    case "boolean": {
      if (toBoolean(cell) !== void 0) return void 0;
      const n = toNumber(cell);
      return n === 0 || n === 1 ? void 0 : "not a boolean";
    }
    case "category":
      return known && !known.has(cellText(cell)) ? "unknown category" : void 0;
  }
}
function show(cell) {
  const text = cellText(cell);
  return JSON.stringify(text.length > 60 ? text.slice(0, 57) + "..." : text);
}

// src/predict/score.ts
async function scoreRows(runner, columns, rows) {
  if (rows.length === 0) return [];
  let batch;
  try {
    batch = await runner.predict(columns, rows);
  } catch (err) {
    if (!(err instanceof MlopsError)) throw err;
    if (rows.length === 1) return [{ error: errorMessage(err).replace(/^row \d+, /, "") }];
    const mid = rows.length >> 1;
    return [...await scoreRows(runner, columns, rows.slice(0, mid)), ...await scoreRows(runner, columns, rows.slice(mid))];
  }
  return batch.predictions.map((prediction, i) => batch.probabilities ? { prediction, probabilities: batch.probabilities[i] } : { prediction });
}

// src/predict/predict.ts
var DEFAULT_PREDICT_BATCH = 1024;
function predictionColumns(model) {
  const { info } = model.runner;
  const classifier = info.task === "classification";
  return [
    { name: "prediction", type: classifier ? "string" : "double" },
    ...classifier ? (info.classes ?? []).map((c) => ({ name: `prob_${c}`, type: "double" })) : [],
    { name: "model", type: "string" },
    { name: "model_version", type: "string" }
  ];
}
async function predictFile(options) {
  const { model, data } = options;
  const features = model.runner.info.features;
  const checker = rowChecker(features, { imputesMissing: model.imputesMissing, rejectUnknownCategories: options.rejectUnknownCategories ?? false });
  const inFormat = formatOf(data);
  const outFormat = options.outFormat ?? formatOf(options.out);
  const missing = /* @__PURE__ */ new Map();
  const reasons = /* @__PURE__ */ new Map();
  const tail = [...predictionColumns(model)];
  let keys;
  let keyPos = [];
  let writer;
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
        if (inFormat !== "jsonl") {
          const absent = features.filter((f) => !batch.columns.includes(f.name)).map((f) => f.name);
          if (absent.length > 0) {
            throw new DataError(
              data,
              `missing required feature${absent.length > 1 ? "s" : ""} ${listPreview(absent.map((a) => `"${a}"`))} (model ${model.name} needs ${listPreview(features.map((f) => f.name))})`
            );
          }
        }
        const head = keys.length > 0 ? keys.map((name) => ({ name })) : [{ name: "row", type: "int64" }];
        checkOutputColumns([...head, ...tail].map((c) => c.name));
        writer = openTableWriter(options.out, outFormat, [...head, ...tail]);
      }
      const columns = [...batch.columns, ...features.filter((f) => !batch.columns.includes(f.name)).map((f) => f.name)];
      const positions = features.map((f) => columns.indexOf(f.name));
      if (inFormat === "jsonl") keyPos = keys.map((k) => batch.columns.indexOf(k));
      const good = [];
      const goodAt = [];
      const rejectRecords = [];
      const reject = (r, kind, reason, column) => {
        const key = `${column ?? "model"}: ${kind}`;
        reasons.set(key, (reasons.get(key) ?? 0) + 1);
        rejectRecords.push({
          file: data,
          row: batch.firstRow + r,
          ...column ? { column } : {},
          reason,
          values: rowValues(
            batch.rows[r],
            columns,
            keys,
            features.map((f) => f.name)
          )
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
      const out = [];
      scores.forEach((s, i) => {
        const r = goodAt[i];
        if ("error" in s) {
          reject(r, "refused", `model refused the row: ${s.error}`);
          return;
        }
        if (!finiteScore(s)) {
          reject(
            r,
            "non-finite",
            "the model returned a non-finite prediction or probability (NaN or infinity); an input value is likely beyond the range the model can compute with"
          );
          return;
        }
        const row = batch.rows[r];
        const line = keyPos.length > 0 ? keyPos.map((p) => p < 0 ? null : row[p] ?? null) : [batch.firstRow + r];
        line.push(s.prediction);
        if (s.probabilities) for (const p of s.probabilities) line.push(p);
        line.push(model.name, model.version);
        out.push(line);
      });
      rejectRecords.sort((a, b) => a.row - b.row);
      await writer.write(out);
      await rejects.write(rejectRecords);
      rows += batch.rows.length;
      predicted += out.length;
      rejected += rejectRecords.length;
      options.onProgress?.(rows);
    }
    writer ??= openTableWriter(options.out, outFormat, [{ name: "row", type: "int64" }, ...tail]);
    await writer.close();
    await rejects.close();
    closed = true;
  } finally {
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
    imputed: Object.fromEntries(missing)
  };
}
function finiteScore(s) {
  if (typeof s.prediction === "number" && !Number.isFinite(s.prediction)) return false;
  return s.probabilities === void 0 || s.probabilities.every(Number.isFinite);
}
function resolveKeys(keys, columns, file) {
  if (keys === void 0) return columns.filter((c) => /^(id|key)$/i.test(c));
  for (const k of keys) if (!columns.includes(k)) throw new DataError(file, `key column "${k}" not found (columns: ${listPreview(columns)})`);
  return [...keys];
}
function rowValues(row, columns, keys, features) {
  const values = {};
  for (const name of [...keys, ...features]) {
    const p = columns.indexOf(name);
    values[name] = p < 0 ? null : row[p] ?? null;
  }
  return values;
}

// src/predict/run.ts
import { isAbsolute, join as join2 } from "node:path";

// src/predict/model.ts
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
async function openScoringModel(ref, options) {
  let file;
  let name;
  let version;
  if (isRegistryRef(ref)) {
    const resolved = await resolveRegistryRef(ref, options);
    file = resolved.modelFile;
    name = resolved.name;
    version = resolved.version;
  } else {
    file = resolve(options.cwd, ref);
    name = basename(ref, extname(ref));
  }
  let bytes;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new MlopsError(`${ref}: cannot read model (${errorMessage(err)})`);
  }
  version ??= "sha256:" + createHash("sha256").update(bytes).digest("hex").slice(0, 12);
  const imputesMissing = describeOnnx(bytes, file).metadata[META_PREPROCESSING] !== void 0;
  const runner = await loadModel(file, { features: options.features });
  return { runner, name, version, source: ref, file, imputesMissing };
}

// src/predict/plan.ts
import { existsSync, statSync } from "node:fs";
import { basename as basename2, join } from "node:path";
var EXT = { csv: "csv", jsonl: "jsonl", parquet: "parquet" };
function isDirectory(path) {
  return /[/\\]$/.test(path) || existsSync(path) && statSync(path).isDirectory();
}
function planOutputs(files, options) {
  const { out, outFormat, rejects } = options;
  const single = files.length === 1 && !isDirectory(out);
  if (!single && files.length > 1 && hasDataExtension(out)) {
    throw new SettingError("out", (name) => `${files.length} data files but ${name("out")} ${out} is one file: give a folder (one output per input file)`);
  }
  const seen = /* @__PURE__ */ new Map();
  return files.map((data) => {
    let target;
    if (single) target = out;
    else {
      const stem = basename2(data).replace(/\.gz$/i, "").replace(/\.[^.]+$/, "");
      target = join(out, `${stem}.predictions.${EXT[outFormat ?? formatOf(data)]}`);
      const other = seen.get(target);
      if (other) throw new MlopsError(`${other} and ${data} would both write ${target}: score them in separate runs or rename one`);
      seen.set(target, data);
    }
    const rejectsFile = rejects === void 0 ? `${target}.rejects.jsonl` : single ? rejects : join(rejects, basename2(target) + ".rejects.jsonl");
    return { data, out: target, rejects: rejectsFile };
  });
}
function hasDataExtension(path) {
  try {
    formatOf(path);
    return true;
  } catch {
    return false;
  }
}
function shardFiles(files, index, count) {
  if (!Number.isInteger(count) || count < 1) throw new MlopsError(`shard count must be a positive integer (got ${count})`);
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new MlopsError(`shard index must be 0..${count - 1} (got ${index})`);
  return files.filter((_, i) => i % count === index);
}

// src/predict/run.ts
async function runPredict(options) {
  const start = options.clock();
  let files = await expandDataPaths(options.data, options.cwd);
  if (options.shard) files = shardFiles(files, options.shard.index, options.shard.count);
  const place = (p) => options.cwd === process.cwd() || isAbsolute(p) ? p : join2(options.cwd, p);
  const plan = planOutputs(files, {
    out: place(options.out),
    outFormat: options.outFormat,
    rejects: options.rejects === void 0 ? void 0 : place(options.rejects)
  });
  refuseOutputOverInput(
    plan.flatMap((p) => [
      { setting: "out", path: p.out },
      { setting: "rejects", path: p.rejects }
    ]),
    files
  );
  for (const p of plan)
    if (p.out === p.rejects || fileIdentity(p.out) !== void 0 && fileIdentity(p.out) === fileIdentity(p.rejects))
      throw new SettingError(["rejects", "out"], (name) => `${name("rejects")} ${p.rejects} is the ${name("out")} file; give them different paths`);
  const model = await openScoringModel(options.model, { cwd: options.cwd, env: options.env, features: options.features });
  const results = [];
  try {
    let before = 0;
    for (const p of plan) {
      const result = await predictFile({
        model,
        data: p.data,
        out: p.out,
        outFormat: options.outFormat,
        rejects: p.rejects,
        keys: options.keys,
        batchSize: options.batchSize,
        rejectUnknownCategories: options.rejectUnknownCategories,
        delimiter: options.delimiter,
        onProgress: (rows2) => options.onProgress?.(before + rows2)
      });
      before += result.rows;
      results.push(result);
    }
  } finally {
    await model.runner.close();
  }
  const seconds = (options.clock() - start) / 1e3;
  const rows = sum(results.map((r) => r.rows));
  return {
    schema_version: 1,
    model: { name: model.name, version: model.version, source: model.source, task: model.runner.info.task },
    rows,
    predicted: sum(results.map((r) => r.predicted)),
    rejected: sum(results.map((r) => r.rejected)),
    seconds,
    rows_per_second: seconds > 0 ? rows / seconds : 0,
    reject_reasons: merge(results.map((r) => r.reject_reasons)),
    imputed: merge(results.map((r) => r.imputed)),
    files: results
  };
}
var sum = (xs) => xs.reduce((a, b) => a + b, 0);
function merge(maps) {
  const out = /* @__PURE__ */ new Map();
  for (const m of maps) for (const [k, v] of Object.entries(m)) out.set(k, (out.get(k) ?? 0) + v);
  return Object.fromEntries([...out].sort((a, b) => b[1] - a[1]));
}

// src/predict/summary.ts
function predictMarkdown(s) {
  const verdict = s.rejected === 0 ? `all ${formatNumber(s.rows)} rows scored` : `${formatNumber(s.rejected)} of ${formatNumber(s.rows)} rows rejected`;
  const lines = [
    `### Batch scoring: ${code(s.model.name)} ${code(s.model.version)}`,
    "",
    `${s.rejected === 0 ? "\u2705" : "\u26A0\uFE0F"} ${verdict} \xB7 ${formatNumber(Math.round(s.rows_per_second))} rows/s over ${formatNumber(s.seconds)} s \xB7 model ${code(s.model.source)} (${s.model.task})`,
    "",
    table(
      ["Data", "Output", "Rows", "Predicted", "Rejected", "Rejects file"],
      s.files.map((f) => [code(f.data), code(f.out), f.rows, f.predicted, f.rejected, f.rejected > 0 ? code(f.rejects) : ""]),
      ["l", "l", "r", "r", "r", "l"]
    )
  ];
  if (s.files.length > 1) lines.push("", `Total: ${formatNumber(s.rows)} rows, ${formatNumber(s.predicted)} predicted, ${formatNumber(s.rejected)} rejected.`);
  const reasons = Object.entries(s.reject_reasons);
  if (reasons.length > 0) {
    lines.push(
      "",
      "#### Rejected rows by reason",
      "",
      table(
        ["Column: reason", "Rows"],
        reasons.map(([k, n]) => [k, n]),
        ["l", "r"]
      )
    );
  }
  const imputed = Object.entries(s.imputed);
  if (imputed.length > 0) {
    lines.push(
      "",
      "#### Missing values the model imputed",
      "",
      table(
        ["Feature", "Rows"],
        imputed.map(([k, n]) => [code(k), n]),
        ["l", "r"]
      )
    );
  }
  return lines.join("\n") + "\n";
}

// src/cli/commands/predict.ts
var predictCommand = defineCommand({
  name: "predict",
  summary: "score a data file with a model (batch inference), streaming in and out.",
  usage: ["mlops predict --model MODEL --data IN --out OUT [--keys id,customer_id] [--rejects FILE]"],
  options: {
    model: { type: "string", value: "MODEL", required: true, description: "registry:NAME#production (or #staging, @VERSION) or a model.onnx file" },
    data: { type: "list", value: "IN", required: true, description: "CSV, JSONL or Parquet file or glob (several files need --out to be a folder)" },
    out: {
      type: "string",
      short: "o",
      value: "OUT",
      required: true,
      description: "output file; the format follows the extension (.csv, .jsonl, .parquet). With several input files, a folder: one NAME.predictions.FORMAT per input"
    },
    "out-format": { type: "choice", choices: ["csv", "jsonl", "parquet"], description: "the format when --out is a folder (default: the input's format)" },
    keys: {
      type: "list",
      value: "LIST",
      description: 'input columns copied to the output to join predictions back (default: columns named id or key; with none, a "row" column holds the 1-based row number)'
    },
    rejects: {
      type: "string",
      value: "FILE",
      description: "JSONL file of rows that could not be scored, each with its file, row number, reason and values (default: OUT.rejects.jsonl; always written; a folder when there are several input files)"
    },
    "batch-size": { type: "integer", range: { min: 1 }, default: DEFAULT_PREDICT_BATCH, description: "rows per model call" },
    "reject-unknown-categories": {
      type: "boolean",
      description: "reject rows whose category the model never saw (default: score them; the model encodes an unseen category as all zeros)"
    },
    format: { type: "choice", choices: ["markdown", "json"], default: "markdown", description: "the summary on stdout" },
    summary: { type: "string", value: "FILE", description: "also write the JSON summary here" },
    ...featuresOption,
    ...delimiterOption,
    ...registryLocationOptions
  },
  text: `Output columns: the keys (or row), prediction, prob_<class> for each class of a classifier,
model and model_version. Every input row is either in the output or in the rejects file:
a missing value (for a model that does not impute), a value that is not a number or integer
where the model needs one, an unknown category with --reject-unknown-categories, or a row the
model refuses. A progress line with rows/s goes to stderr at most every 2 seconds.

Outputs are written to a temporary file beside them and renamed when complete: a failed or
stopped run leaves the previous output intact. An --out or --rejects that is (or links to) an
input is refused (exit 2). Rows with a non-finite score (NaN probabilities) are rejected.

${REGISTRY_ENV_HELP}

Exit codes: 0 every row scored, 1 some rows were rejected (outputs are still written and
complete for the other rows), 2 bad usage or input (unreadable model or data, missing
feature column, missing key column).`,
  examples: [
    "mlops predict --model registry:churn#production --data data/current.csv --out predictions.csv --keys customer_id",
    "mlops predict --model model.onnx --data scores.parquet --out out/scores.parquet --format json",
    "mlops predict --model model.onnx --data 'incoming/*.jsonl' --out predictions/ --out-format parquet"
  ],
  async run(values, io) {
    const progress = rowProgress(io.stderr, "scored");
    const summary = await runPredict({
      model: values.model,
      data: values.data,
      out: values.out,
      outFormat: values["out-format"],
      rejects: values.rejects,
      keys: values.keys.length === 0 ? void 0 : values.keys,
      batchSize: values["batch-size"],
      rejectUnknownCategories: values["reject-unknown-categories"],
      delimiter: values.delimiter,
      ...values.features.length > 0 ? { features: values.features } : {},
      cwd: io.cwd,
      env: withRegistryLocation(io.env, values),
      clock: () => performance.now(),
      onProgress: (rows) => progress.update(rows)
    });
    if (values.summary) await writeJson(values.summary, summary);
    io.stdout.write(values.format === "json" ? JSON.stringify(summary, null, 2) + "\n" : predictMarkdown(summary));
    io.stderr.write(
      `${formatNumber(summary.rows)} rows in, ${formatNumber(summary.predicted)} predicted, ${formatNumber(summary.rejected)} rejected (${formatNumber(Math.round(summary.rows_per_second))} rows/s)` + (summary.rejected > 0 ? `; rejects: ${summary.files.filter((f) => f.rejected > 0).map((f) => f.rejects).join(", ")}` : "") + "\n"
    );
    return summary.rejected > 0 ? 1 : 0;
  }
});
export {
  predictCommand
};
