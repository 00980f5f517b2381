import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  parseSince
} from "./chunk-D5QG44TH.js";
import {
  parseConfigFile
} from "./chunk-ZYT4E5FZ.js";
import {
  external_exports
} from "./chunk-A7AIN4HT.js";
import {
  readText
} from "./chunk-WY2OJ7ZN.js";
import {
  input,
  runAction,
  writeOutputs
} from "./chunk-JQVGLAA4.js";
import {
  info
} from "./chunk-3WIH4RIN.js";
import "./chunk-I3FICYBY.js";
import "./chunk-5MKGLQLX.js";
import "./chunk-UFMD3KOA.js";

// src/project/config.ts
var PROJECT_SCHEMA_VERSION = 1;
var ProjectConfigSchema = external_exports.object({
  version: external_exports.literal(PROJECT_SCHEMA_VERSION),
  model: external_exports.object({
    name: external_exports.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, ".", "_" and "-"'),
    task: external_exports.enum(["classification", "regression"]),
    target: external_exports.string().min(1)
  }).strict(),
  data: external_exports.object({
    train: external_exports.string().min(1),
    holdout: external_exports.string().min(1),
    /** What the drift check compares with the reference: a path or glob (prediction logs too). */
    current: external_exports.string().optional(),
    /** Or a command that writes the current data to the path in `current`. */
    current_command: external_exports.string().optional(),
    /** Recent data whose labels have arrived: the drift check evaluates production on it (performance drift). */
    labelled: external_exports.string().optional(),
    /**
     * Where training files can be fetched from later, by path: s3://, gs://, https://,
     * artifact:NAME[@RUN_ID]; recorded in the lineage (without credentials) for `mlops reproduce`.
     */
    locations: external_exports.record(external_exports.string(), external_exports.string()).optional()
  }).strict(),
  validation: external_exports.object({ rules: external_exports.string() }).strict().optional(),
  training: external_exports.object({
    config: external_exports.string().optional(),
    /** Any-framework trainer: a command that writes the outputs below. */
    command: external_exports.string().optional(),
    outputs: external_exports.array(external_exports.string()).optional()
  }).strict().default({}),
  evaluation: external_exports.object({ gate: external_exports.string().optional(), slices: external_exports.array(external_exports.string()).optional() }).strict().default({}),
  registry: external_exports.object({ branch: external_exports.string().default("mlops-registry"), tags: external_exports.boolean().default(false) }).strict().default({ branch: "mlops-registry", tags: false }),
  drift: external_exports.object({
    method: external_exports.enum(["auto", "ks", "wasserstein", "psi", "js", "chisquare"]).default("auto"),
    share_threshold: external_exports.number().min(0).max(1).default(0.5),
    columns: external_exports.array(external_exports.string()).optional(),
    /** What a detected drift does: open an issue, and/or dispatch the retrain workflow. */
    on_drift: external_exports.enum(["issue", "retrain", "issue-and-retrain", "none"]).default("issue-and-retrain")
  }).strict().default({ method: "auto", share_threshold: 0.5, on_drift: "issue-and-retrain" }),
  container: external_exports.object({ image: external_exports.string().optional() }).strict().default({}),
  /**
   * Performance drift from late labels: the scheduled check joins the labels that arrived to
   * the logged predictions by key and judges the production model with the gate.
   */
  performance: external_exports.object({
    /** Prediction logs (mlops serve --log-predictions) or any rows holding the key: path or glob. */
    logs: external_exports.string().min(1),
    /** Arrived labels: files holding the key and the model's target column, path or glob. */
    labels: external_exports.string().min(1),
    key: external_exports.string().min(1),
    /** A command that fetches the logs and/or labels into those paths first. */
    export_command: external_exports.string().optional(),
    /** Only rows logged since: 30d, 12h, 2w, 90m or an ISO date. */
    since: external_exports.string().refine((text) => canParseSince(text), { message: "a span such as 30d, 12h, 2w or 90m, or an ISO date such as 2026-11-01" }).optional(),
    /** Fewer labelled rows than this: no verdict (labels still arriving). */
    min_rows: external_exports.number().int().min(0).default(100)
  }).strict().optional()
}).strict().refine((c) => !(c.performance && c.data.labelled), {
  message: "set performance (labels joined to prediction logs) or data.labelled (rows that hold their labels), not both",
  path: ["performance"]
});
function parseProjectConfig(text, file) {
  return parseConfigFile(text, file, ProjectConfigSchema, { expect: "mlops.yml must be a YAML mapping with version: 1, model: and data:" });
}
function flattenConfig(config) {
  const out = {};
  const walk = (prefix, value) => {
    if (value === void 0 || value === null) return;
    if (prefix === "data_locations") out[prefix] = JSON.stringify(value);
    else if (Array.isArray(value)) out[prefix] = value.join(",");
    else if (typeof value === "object") for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}_${k}` : k, v);
    else out[prefix] = String(value);
  };
  walk("", config);
  for (const key of [
    "data_current",
    "data_current_command",
    "data_labelled",
    "data_locations",
    "validation_rules",
    "training_config",
    "training_command",
    "training_outputs",
    "evaluation_gate",
    "evaluation_slices",
    "drift_columns",
    "container_image",
    ...PERFORMANCE_KEYS
  ]) {
    out[key] ??= "";
  }
  return out;
}
var PERFORMANCE_KEYS = ["logs", "labels", "key", "export_command", "since", "min_rows"].map((k) => `performance_${k}`);
function canParseSince(text) {
  try {
    parseSince(text, /* @__PURE__ */ new Date(0));
    return true;
  } catch {
    return false;
  }
}

// actions/config/main.ts
await runAction(async () => {
  const file = input("config", "mlops.yml");
  const config = parseProjectConfig(await readText(file), file);
  writeOutputs(flattenConfig(config));
  info(`${file}: model ${config.model.name} (${config.model.task}, target ${config.model.target})`);
});
