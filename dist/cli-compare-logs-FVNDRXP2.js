import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  mcnemar,
  readLabels
} from "./cli-chunk-AMIIP4AS.js";
import "./cli-chunk-BWBHF46M.js";
import {
  PreparedClassification,
  classificationMetric,
  regressionMetrics
} from "./cli-chunk-MTDV4XRP.js";
import "./cli-chunk-GO65PKX3.js";
import {
  expandDataPaths,
  readBatches
} from "./cli-chunk-6HQVLVXU.js";
import {
  formatNumber,
  table
} from "./cli-chunk-5E2F2P2C.js";
import {
  writeText
} from "./cli-chunk-E2MBSDJC.js";
import {
  defineCommand
} from "./cli-chunk-BC6VW377.js";
import {
  DataError,
  MlopsError,
  listPreview
} from "./cli-chunk-CRJPICDA.js";
import "./cli-chunk-3D3HMA2K.js";

// src/serve/compare-logs.ts
var COMPARE_LOGS_SCHEMA_VERSION = 1;
var COMPARED_CLASSIFICATION_METRICS = ["accuracy", "f1", "roc_auc", "log_loss"];
async function compareLogs(files, labels) {
  const models = /* @__PURE__ */ new Map();
  const model = (role, version) => {
    const id = `${role}\0${version}`;
    let acc = models.get(id);
    if (!acc) models.set(id, acc = { role, version, counts: /* @__PURE__ */ new Map(), rows: 0, truth: [], outputs: [] });
    return acc;
  };
  let rows = 0;
  let shadowRows = 0;
  let agreeing = 0;
  let matched = 0;
  const primaryCorrect = [];
  const shadowCorrect = [];
  for (const file of files) {
    for await (const batch of readBatches(file)) {
      const col = (name) => batch.columns.indexOf(name);
      const prediction = col("prediction");
      const version = col("model_version");
      if (prediction < 0 || version < 0)
        throw new DataError(file, 'not a prediction log: it needs "prediction" and "model_version" columns (see mlops serve --log-predictions)');
      const shadowPrediction = col("shadow_prediction");
      const shadowVersion = col("shadow_model_version");
      const probabilityColumns = (prefix) => batch.columns.flatMap((c, i) => c.startsWith(prefix) ? [[c.slice(prefix.length), i]] : []);
      const primaryProba = probabilityColumns("probability_");
      const shadowProba = probabilityColumns("shadow_probability_");
      const keyColumn = labels ? col(labels.key) : -1;
      if (labels && keyColumn < 0) throw new DataError(file, `no key column "${labels.key}" to join labels on (columns: ${listPreview(batch.columns)})`);
      batch.rows.forEach((row, r) => {
        if (row[prediction] === null || row[prediction] === void 0)
          throw new DataError(file, "the prediction is empty", { row: batch.firstRow + r, column: "prediction" });
        rows++;
        const truth = labels ? labels.byKey.get(text(row[keyColumn] ?? null)) : void 0;
        if (truth !== void 0) matched++;
        const primaryOut = output(row, prediction, primaryProba);
        record(model("primary", text(row[version] ?? null)), primaryOut, truth);
        const hasShadow = shadowPrediction >= 0 && row[shadowPrediction] !== null && row[shadowPrediction] !== void 0;
        if (!hasShadow) return;
        const shadowOut = output(row, shadowPrediction, shadowProba);
        record(model("shadow", shadowVersion >= 0 ? text(row[shadowVersion] ?? null) : ""), shadowOut, truth);
        shadowRows++;
        if (shadowOut.prediction === primaryOut.prediction) agreeing++;
        if (truth !== void 0) {
          primaryCorrect.push(same(primaryOut.prediction, truth));
          shadowCorrect.push(same(shadowOut.prediction, truth));
        }
      });
    }
  }
  const summaries = [...models.values()].sort((a, b) => a.role === b.role ? a.version.localeCompare(b.version, "en", { numeric: true }) : a.role === "primary" ? -1 : 1).map((acc) => summarize(acc, labels !== void 0));
  const mode = shadowRows > 0 ? "shadow" : "canary";
  return {
    schema_version: COMPARE_LOGS_SCHEMA_VERSION,
    kind: "mlops/compare-logs",
    mode,
    rows,
    models: summaries,
    ...mode === "shadow" ? { agreement: { rows: shadowRows, agreeing, rate: shadowRows ? agreeing / shadowRows : null } } : {},
    ...mode === "shadow" && primaryCorrect.length > 0 ? { significance: { test: "mcnemar", rows: primaryCorrect.length, ...mcnemar(shadowCorrect, primaryCorrect) } } : {},
    ...labels ? { labels: { key: labels.key, target: labels.target, matched_rows: matched, unmatched_rows: rows - matched } } : {}
  };
  function record(acc, out, truth) {
    acc.rows++;
    acc.counts.set(out.prediction, (acc.counts.get(out.prediction) ?? 0) + 1);
    if (truth === void 0) return;
    acc.truth.push(truth);
    acc.outputs.push(out);
  }
}
function output(row, prediction, probabilityColumns) {
  if (probabilityColumns.length === 0) return { prediction: text(row[prediction]) };
  const probabilities = /* @__PURE__ */ new Map();
  for (const [cls, i] of probabilityColumns) {
    const v = Number(row[i]);
    if (row[i] !== null && row[i] !== void 0 && Number.isFinite(v)) probabilities.set(cls, v);
  }
  return { prediction: text(row[prediction]), probabilities: probabilities.size > 0 ? probabilities : void 0 };
}
function summarize(acc, labelled) {
  const entries = [...acc.counts.entries()];
  const predictions = entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP_VALUES).map(([value, rows]) => ({ value, rows, share: rows / acc.rows }));
  const summary = { role: acc.role, version: acc.version, rows: acc.rows, predictions, distinct_values: entries.length };
  if (entries.every(([value]) => isNumber(value))) {
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const [value, rows] of entries) {
      const v = Number(value);
      sum += v * rows;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    summary.numeric = { mean: sum / acc.rows, min, max };
  }
  if (!labelled) return summary;
  summary.labelled_rows = acc.truth.length;
  summary.metrics = acc.truth.length === 0 ? {} : modelMetrics(acc.truth, acc.outputs);
  return summary;
}
function modelMetrics(truth, outputs) {
  const withProba = outputs.every((o) => o.probabilities);
  if (!withProba && outputs.every((o) => isNumber(o.prediction)) && truth.every(isNumber) && new Set(truth).size > 2) {
    return regressionMetrics(
      Float64Array.from(truth, Number),
      Float64Array.from(outputs, (o) => Number(o.prediction))
    );
  }
  const modelClasses = withProba ? [...outputs[0].probabilities.keys()] : [];
  const classes = [...modelClasses];
  const index = new Map(classes.map((c, i) => [c, i]));
  const indexOf = (v) => {
    let i = index.get(v);
    if (i === void 0) index.set(v, i = classes.push(v) - 1);
    return i;
  };
  const n = truth.length;
  const yTrue = Int32Array.from(truth, indexOf);
  const yPred = Int32Array.from(outputs, (o) => indexOf(o.prediction));
  const k = modelClasses.length;
  const proba = withProba ? new Float64Array(n * k) : void 0;
  if (proba) outputs.forEach((o, i) => modelClasses.forEach((c, j) => proba[i * k + j] = o.probabilities.get(c) ?? 0));
  const prep = new PreparedClassification({ classes, yTrue, yPred, proba, k: withProba ? k : classes.length });
  return Object.fromEntries(COMPARED_CLASSIFICATION_METRICS.map((name) => [name, classificationMetric(prep, name)]));
}
function same(prediction, truth) {
  return prediction === truth || isNumber(prediction) && Number(prediction) === Number(truth);
}
var TOP_VALUES = 20;
function isNumber(v) {
  return v.trim() !== "" && Number.isFinite(Number(v));
}
function text(cell) {
  if (cell === null || cell === void 0) return "";
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

// src/serve/compare-logs-report.ts
var pct = (share) => share === null || share === void 0 ? "\u2014" : `${(share * 100).toFixed(1)}%`;
var num = (v) => v === null || v === void 0 ? "\u2014" : formatNumber(v);
function modelLabel(m, mode) {
  if (m.role === "shadow") return `shadow ${m.version}`;
  return mode === "shadow" ? `primary ${m.version}` : `version ${m.version}`;
}
function compareLogsMarkdown(result) {
  const parts = [`## Production comparison (${result.mode})`, "", `${formatNumber(result.rows)} logged rows.`, ""];
  if (result.agreement)
    parts.push(
      `**Agreement** between primary and shadow: ${pct(result.agreement.rate)} (${formatNumber(result.agreement.agreeing)} of ${formatNumber(result.agreement.rows)} rows).`,
      ""
    );
  else parts.push("Each row was answered by one model (canary split), so agreement is not defined; compare the distributions and metrics.", "");
  parts.push("### Predictions by model", "");
  if (result.models.every((m) => m.numeric && m.distinct_values > 10)) {
    parts.push(
      table(
        ["model", "rows", "mean", "min", "max"],
        result.models.map((m) => [modelLabel(m, result.mode), m.rows, m.numeric.mean, m.numeric.min, m.numeric.max]),
        ["l", "r", "r", "r", "r"]
      ),
      ""
    );
  } else {
    parts.push(valueShares(result), "");
  }
  if (result.labels) {
    const { matched_rows, unmatched_rows, key, target } = result.labels;
    parts.push(
      "### Metrics on labelled rows",
      "",
      `Labels joined on \`${key}\` (target \`${target}\`): ${formatNumber(matched_rows)} rows matched, ${formatNumber(unmatched_rows)} without a label.`,
      ""
    );
    const names = [...new Set(result.models.flatMap((m) => Object.keys(m.metrics ?? {})))];
    parts.push(
      table(
        ["model", "labelled rows", ...names],
        result.models.map((m) => [modelLabel(m, result.mode), m.labelled_rows ?? 0, ...names.map((n) => num(m.metrics?.[n]))]),
        ["l", "r", ...names.map(() => "r")]
      ),
      ""
    );
    const s = result.significance;
    if (s) {
      parts.push(
        `**McNemar's test** (shadow as candidate, ${formatNumber(s.rows)} paired rows, ${s.method}): shadow right where primary wrong ${s.candidateOnly}, primary right where shadow wrong ${s.championOnly}, p = ${num(s.pValue)}${s.pValue < 0.05 ? " \u2014 the difference is significant at 5%." : " \u2014 no significant difference at 5%."}`,
        ""
      );
    } else if (result.mode === "canary") {
      parts.push("The canary versions scored different rows, so no paired test applies.", "");
    }
  }
  return parts.join("\n");
}
function valueShares(result) {
  const values = [...new Set(result.models.flatMap((m) => m.predictions.slice(0, 10).map((p) => p.value)))].slice(0, 10);
  return table(
    ["model", "rows", ...values.map((v) => `= ${v}`)],
    result.models.map((m) => [modelLabel(m, result.mode), m.rows, ...values.map((v) => pct(m.predictions.find((p) => p.value === v)?.share ?? 0))]),
    ["l", "r", ...values.map(() => "r")]
  );
}

// src/cli/commands/compare-logs.ts
var compareLogsCommand = defineCommand({
  name: "compare-logs",
  summary: "an A/B report from the prediction logs of mlops serve --shadow or --canary.",
  usage: ["mlops compare-logs --logs 'DIR/*.jsonl' [--labels FILE --key COL --target COL] [--format markdown|json]"],
  options: {
    logs: { type: "list", value: "GLOB", required: true, description: "prediction logs (mlops serve --log-predictions); a glob or repeated flag" },
    labels: { type: "string", value: "FILE", description: "arrived labels (CSV/JSONL/Parquet, or a glob) joined to logged rows by --key" },
    key: { type: "string", value: "COL", description: "the column both the logs and the labels hold (a request field such as id)" },
    target: { type: "string", value: "COL", description: "the label column in --labels" },
    format: { type: "choice", choices: ["markdown", "json"], default: "markdown", description: "the report format" },
    out: { type: "string", short: "o", value: "FILE", description: "also write the report here" }
  },
  text: `With a shadow, every logged row holds both models' outputs: the report gives the agreement
rate, each model's prediction distribution and, with labels, each model's accuracy, f1,
roc_auc and log_loss (rmse, mae, r2, mape for regression) and McNemar's test on the paired
rows (shadow as candidate). With a canary, rows are grouped by the model_version that answered.`,
  examples: [
    "mlops compare-logs --logs 'logs/predictions/*.jsonl'",
    "mlops compare-logs --logs 'logs/*.jsonl' --labels labels.csv --key customer_id --target churned"
  ],
  async run(values, io) {
    if (values.labels && (!values.key || !values.target)) throw new MlopsError("--labels needs --key (the join column) and --target (the label column)");
    if (!values.labels && (values.key || values.target)) throw new MlopsError("--key and --target go with --labels FILE");
    const files = await expandDataPaths(values.logs, io.cwd);
    const labels = values.labels ? await readLabels([values.labels], values.key, values.target, io.cwd) : void 0;
    const result = await compareLogs(files, labels);
    const text2 = values.format === "json" ? JSON.stringify(result, null, 2) + "\n" : compareLogsMarkdown(result);
    if (values.out) await writeText(values.out, text2);
    io.stdout.write(text2);
    return 0;
  }
});
export {
  compareLogsCommand
};
