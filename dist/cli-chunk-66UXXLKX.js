import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  parseConfigFile
} from "./cli-chunk-BXEWGB6B.js";
import {
  describeTypeDrift
} from "./cli-chunk-S6V5JK25.js";
import {
  looksLikeText
} from "./cli-chunk-X2GB25J3.js";
import {
  external_exports
} from "./cli-chunk-432HCV4T.js";
import {
  cellText,
  readBatches,
  toNumber
} from "./cli-chunk-6HQVLVXU.js";
import {
  readText
} from "./cli-chunk-E2MBSDJC.js";
import {
  DataError,
  MlopsError,
  SettingError,
  errorMessage,
  listPreview
} from "./cli-chunk-CRJPICDA.js";

// src/model/sweep-config.ts
var Scalar = external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()]);
var SweepParameterSchema = external_exports.union([
  external_exports.array(external_exports.union([Scalar, external_exports.array(Scalar)])).min(1),
  external_exports.object({
    min: external_exports.number(),
    max: external_exports.number(),
    step: external_exports.number().positive().optional(),
    log: external_exports.boolean().default(false),
    count: external_exports.number().int().min(2).optional()
  }).strict().refine((r) => r.max >= r.min, { message: "max must be at least min" }).refine((r) => !r.log || r.min > 0, { message: "a log range needs min > 0" }).refine((r) => !(r.log && r.step !== void 0), { message: "a log range takes count, not step" })
]);
var SweepConfigSchema = external_exports.object({
  method: external_exports.enum(["grid", "random"]).default("grid"),
  parameters: external_exports.record(external_exports.string().regex(/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/, "a dotted train.yml path such as training.learning_rate"), SweepParameterSchema).refine((p) => Object.keys(p).length > 0, { message: "name at least one parameter" }),
  /** Grid: at most this many of the combinations (in order); random: how many to draw (required). */
  max_trials: external_exports.number().int().positive().optional(),
  seed: external_exports.number().int().default(0),
  /** The validation metric trials are ranked by; default the gate's primary metric (accuracy, or rmse for regression). */
  metric: external_exports.string().min(1).optional(),
  /** Default: maximize, or minimize for an error or loss metric. */
  goal: external_exports.enum(["maximize", "minimize"]).optional()
}).strict().refine((s) => s.method !== "random" || s.max_trials !== void 0, { message: "method random needs max_trials", path: ["max_trials"] });

// src/model/backend.ts
var BACKENDS = ["auto", "tensorflow-gpu", "tensorflow", "wasm", "cpu"];
var CANDIDATES = [
  { name: "tensorflow-gpu", package: "@tensorflow/tfjs-node-gpu", load: () => nativeTf("@tensorflow/tfjs-node-gpu") },
  { name: "tensorflow", package: "@tensorflow/tfjs-node", load: () => nativeTf("@tensorflow/tfjs-node") },
  {
    name: "wasm",
    package: "@tensorflow/tfjs-backend-wasm",
    load: async () => {
      const tf = await pureTf();
      await importPackage("@tensorflow/tfjs-backend-wasm");
      if (!await tf.setBackend("wasm")) throw new Error("the wasm backend did not initialise");
      return tf;
    }
  },
  {
    name: "cpu",
    package: "@tensorflow/tfjs",
    load: async () => {
      const tf = await pureTf();
      if (!await tf.setBackend("cpu")) throw new Error("the cpu backend did not initialise");
      return tf;
    }
  }
];
var importPackage = (name) => import(name);
async function pureTf() {
  const tf = await importPackage("@tensorflow/tfjs");
  return typeof tf.setBackend === "function" ? tf : tf.default;
}
async function nativeTf(pkg) {
  const tf = await importPackage(pkg);
  const api = typeof tf.setBackend === "function" ? tf : tf.default;
  if (!await api.setBackend("tensorflow")) throw new Error("the tensorflow backend did not initialise");
  return api;
}
async function loadBackend(choice = "auto") {
  const skipped = [];
  const candidates = choice === "auto" ? CANDIDATES : CANDIDATES.filter((c) => c.name === choice);
  for (const c of candidates) {
    try {
      const tf = await c.load();
      await tf.ready();
      tf.env().set("PROD", true);
      return { name: c.name, package: c.package, tf, skipped };
    } catch (err) {
      skipped.push(`${c.name}: ${shortReason(c.package, err)}`);
    }
  }
  throw new MlopsError(`no TensorFlow.js backend could be loaded (${skipped.join("; ")})`);
}
function shortReason(pkg, err) {
  const code = err?.code;
  if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") return `${pkg} is not installed`;
  return errorMessage(err).split("\n")[0];
}

// src/model/train-config.ts
var TRAIN_CONFIG_SCHEMA_VERSION = 1;
var TrainConfigSchema = external_exports.object({
  schema_version: external_exports.literal(TRAIN_CONFIG_SCHEMA_VERSION),
  target: external_exports.string().min(1).optional(),
  task: external_exports.enum(["classification", "regression"]).optional(),
  model: external_exports.object({
    /** linear = logistic regression for classification, linear regression for regression. */
    type: external_exports.enum(["linear", "mlp"]).default("linear"),
    hidden_layers: external_exports.array(external_exports.number().int().positive()).default([32, 16]),
    activation: external_exports.enum(["relu", "tanh"]).default("relu")
  }).strict().default({ type: "linear", hidden_layers: [32, 16], activation: "relu" }),
  training: external_exports.object({
    epochs: external_exports.number().int().positive().default(50),
    batch_size: external_exports.number().int().positive().default(64),
    learning_rate: external_exports.number().positive().default(0.01),
    optimizer: external_exports.enum(["adam", "sgd"]).default("adam"),
    l2: external_exports.number().nonnegative().default(0),
    validation_split: external_exports.number().gt(0).lt(1).default(0.2),
    seed: external_exports.number().int().default(42),
    early_stopping: external_exports.object({ patience: external_exports.number().int().positive().default(5), min_delta: external_exports.number().nonnegative().default(1e-4) }).strict().nullable().default({ patience: 5, min_delta: 1e-4 })
  }).strict().default({
    epochs: 50,
    batch_size: 64,
    learning_rate: 0.01,
    optimizer: "adam",
    l2: 0,
    validation_split: 0.2,
    seed: 42,
    early_stopping: { patience: 5, min_delta: 1e-4 }
  }),
  features: external_exports.object({
    /** Use exactly these columns (default: every column but the target). */
    include: external_exports.array(external_exports.string()).optional(),
    exclude: external_exports.array(external_exports.string()).default([]),
    /** Treat these columns as categorical even if they look numeric. */
    categorical: external_exports.array(external_exports.string()).default([]),
    /** Categorical columns with more distinct values are skipped (identifier-like). */
    max_categories: external_exports.number().int().positive().default(50),
    /**
     * Free-text columns, TF-IDF encoded inside the model. Absent: every string column averaging
     * at least 3 tokens per row is taken as text (logged); [] turns that detection off.
     */
    text: external_exports.array(external_exports.string()).optional(),
    tfidf: external_exports.object({
      max_features: external_exports.number().int().positive().default(5e3),
      min_df: external_exports.number().int().positive().default(2),
      /** 2: unigrams and bigrams ("not good"); 1: unigrams only. */
      ngrams: external_exports.union([external_exports.literal(1), external_exports.literal(2)]).default(2)
    }).strict().default({ max_features: 5e3, min_df: 2, ngrams: 2 })
  }).strict().default({ exclude: [], categorical: [], max_categories: 50, tfidf: { max_features: 5e3, min_df: 2, ngrams: 2 } }),
  backend: external_exports.enum(BACKENDS).default("auto"),
  /** A hyperparameter sweep over this config (`mlops sweep plan`, `mlops train --trial K`). */
  sweep: SweepConfigSchema.optional()
}).strict();
function defaultTrainConfig() {
  return TrainConfigSchema.parse({ schema_version: TRAIN_CONFIG_SCHEMA_VERSION });
}
function parseTrainConfig(text, file) {
  return parseConfigFile(text, file, TrainConfigSchema, { expect: `expected a mapping with schema_version: ${TRAIN_CONFIG_SCHEMA_VERSION}` });
}
async function readTrainConfig(file) {
  return parseTrainConfig(await readText(file), file);
}

// src/model/dataset.ts
function selectFeatures(profile, target, options) {
  const byName = new Map(profile.columns.map((c) => [c.name, c]));
  if (!byName.has(target)) throw new MlopsError(`target column "${target}" is not in the data (columns: ${listPreview([...byName.keys()])})`);
  for (const name of [...options.include ?? [], ...options.exclude, ...options.categorical, ...options.text ?? []]) {
    if (!byName.has(name)) throw new MlopsError(`train config names column "${name}", which is not in the data`);
  }
  const explicit = options.include !== void 0;
  const names = options.include ?? profile.columns.map((c) => c.name).filter((n) => n !== target && !options.exclude.includes(n));
  for (const name of options.text ?? []) if (!names.includes(name) && name !== target) names.push(name);
  const features = [];
  const skipped = [];
  const detected = [];
  for (const name of names) {
    if (name === target) throw new MlopsError(`the target "${target}" cannot also be a feature`);
    const col = byName.get(name);
    if (col.count === col.nulls) {
      skipped.push(`${name} (always empty)`);
      continue;
    }
    if (options.categorical.includes(name)) {
      features.push({ name, type: "category" });
      continue;
    }
    if (options.text?.includes(name)) {
      features.push({ name, type: "text" });
      continue;
    }
    if (col.type_drift) {
      throw new MlopsError(`${describeTypeDrift(col)}. Fix those cells, list "${name}" under features.exclude, or declare it in features.categorical`);
    }
    switch (col.type) {
      case "number":
      case "integer":
      case "boolean":
        features.push({ name, type: col.type });
        break;
      case "category":
        if (col.distinct.value > options.max_categories && !explicit)
          skipped.push(`${name} (${col.distinct.value} categories > max_categories ${options.max_categories})`);
        else features.push({ name, type: "category" });
        break;
      case "string":
        if (options.text === void 0 && looksLikeText(col)) {
          features.push({ name, type: "text" });
          detected.push(`${name} (${col.text.tokens.mean.toFixed(1)} tokens per row)`);
          break;
        }
        if (explicit)
          throw new MlopsError(
            `column "${name}" is free text or an identifier; list it under features.text to TF-IDF encode it or features.categorical to one-hot encode it`
          );
        skipped.push(`${name} (text or identifier)`);
        break;
      case "datetime":
        if (explicit) throw new MlopsError(`column "${name}" is a datetime; derive numeric features from it before training`);
        skipped.push(`${name} (datetime)`);
        break;
    }
  }
  if (features.length === 0) throw new MlopsError("no usable feature columns (see features.include / features.categorical in the train config)");
  return { features, skipped, detected };
}
async function loadTrainingData(files, target, task, features, skipped, options = {}) {
  const columns = [];
  const rows = [];
  const raw = [];
  let droppedRows = 0;
  for (const file of files) {
    for await (const batch of readBatches(file, { delimiter: options.delimiter })) {
      for (const c of batch.columns) if (!columns.includes(c)) columns.push(c);
      const map = columns.map((c) => batch.columns.indexOf(c));
      const t = batch.columns.indexOf(target);
      batch.rows.forEach((row, i) => {
        const y = t < 0 ? null : row[t] ?? null;
        if (y === null) {
          droppedRows++;
          return;
        }
        if (task === "regression" && toNumber(y) === void 0) {
          throw new DataError(file, `target must be numeric for regression, got "${cellText(y)}"`, { row: batch.firstRow + i, column: target });
        }
        raw.push(y);
        rows.push(map.map((m) => m < 0 ? null : row[m] ?? null));
      });
    }
  }
  if (rows.length < 10) throw new MlopsError(`only ${rows.length} rows with a target value: too few to train and validate`);
  if (task === "regression") return { columns, rows, features, skipped, droppedRows, labels: Float64Array.from(raw, (y) => toNumber(y)) };
  const texts = raw.map(cellText);
  const classes = sortClasses([...new Set(texts)]);
  if (classes.length < 2) throw new MlopsError(`target "${target}" has a single class ("${classes[0]}"): nothing to learn`);
  if (classes.length > 1e3)
    throw new SettingError("task", (name) => `target "${target}" has ${classes.length} classes: is this a regression target? (use ${name("task")} regression)`);
  const index = new Map(classes.map((c, i) => [c, i]));
  return { columns, rows, features, skipped, droppedRows, classes, labels: Float64Array.from(texts, (y) => index.get(y)) };
}
function sortClasses(classes) {
  if (classes.every((c) => toNumber(c) !== void 0)) return classes.sort((a, b) => toNumber(a) - toNumber(b));
  return classes.sort();
}

export {
  BACKENDS,
  loadBackend,
  TRAIN_CONFIG_SCHEMA_VERSION,
  TrainConfigSchema,
  defaultTrainConfig,
  readTrainConfig,
  selectFeatures,
  loadTrainingData
};
