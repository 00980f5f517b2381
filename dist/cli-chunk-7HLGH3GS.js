import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  BACKENDS,
  loadBackend,
  loadTrainingData,
  selectFeatures
} from "./cli-chunk-66UXXLKX.js";
import {
  LINEAGE_SCHEMA_VERSION,
  LineageSchema,
  META_MODEL_INFO,
  META_PREPROCESSING,
  accuracy,
  describeOnnx,
  encodedWidth,
  fitPreprocessing,
  loadModel,
  logLoss,
  modelScore,
  onnx,
  permutationImportance,
  regressionMetrics,
  rocAuc,
  textSteps,
  transformRows
} from "./cli-chunk-BWLW4W5B.js";
import {
  mulberry32
} from "./cli-chunk-GO65PKX3.js";
import {
  TOKEN_PATTERN,
  profileFiles
} from "./cli-chunk-X2GB25J3.js";
import {
  external_exports
} from "./cli-chunk-432HCV4T.js";
import {
  writeJson
} from "./cli-chunk-E2MBSDJC.js";
import {
  MlopsError,
  SettingError,
  errorMessage,
  fileError
} from "./cli-chunk-CRJPICDA.js";

// src/model/lineage-record.ts
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { arch, cpus, platform, release, totalmem } from "node:os";
var execProgram = (file, args, options = {}) => new Promise((resolve3) => {
  execFile(file, args, { cwd: options.cwd, timeout: 15e3, encoding: "utf8" }, (err, stdout) => resolve3(err ? void 0 : stdout));
});
async function queryGpus(exec) {
  const out = await exec("nvidia-smi", ["--query-gpu=name,memory.total,driver_version", "--format=csv,noheader"]);
  if (!out) return [];
  return out.split("\n").map((l) => l.trim()).filter((l) => l !== "").map((l) => {
    const [name = "", memory_total = "", driver_version = ""] = l.split(",").map((s) => s.trim());
    return { name, memory_total, driver_version };
  });
}
async function fingerprintFiles(files) {
  const all = createHash("sha256");
  const out = [];
  for (const path of files) {
    const one = createHash("sha256");
    let bytes = 0;
    try {
      for await (const chunk of createReadStream(path)) {
        all.update(chunk);
        one.update(chunk);
        bytes += chunk.length;
      }
    } catch (err) {
      throw fileError(path, err);
    }
    out.push({ path, sha256: one.digest("hex"), bytes });
  }
  return { fingerprint: `sha256:${all.digest("hex")}`, files: out };
}
async function sourceInfo(env, exec, cwd) {
  const commit = env.GITHUB_SHA ?? (await exec("git", ["rev-parse", "HEAD"], { cwd }))?.trim();
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  const runUrl = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : void 0;
  return prune({
    commit: commit || void 0,
    ref: env.GITHUB_REF,
    repository: env.GITHUB_REPOSITORY,
    run_id: env.GITHUB_RUN_ID,
    run_url: runUrl,
    actor: env.GITHUB_ACTOR,
    workflow: env.GITHUB_WORKFLOW
  });
}
function runnerLabels(env) {
  const labels = [env.RUNNER_ENVIRONMENT, env.RUNNER_OS, env.RUNNER_ARCH, ...(env.MLOPS_RUNNER_LABELS ?? "").split(",")].map((l) => l?.trim()).filter((l) => !!l);
  return labels.length > 0 ? [...new Set(labels)] : void 0;
}
function environmentInfo(env, gpus, packages, backend) {
  return prune({
    runner_name: env.RUNNER_NAME,
    runner_labels: runnerLabels(env),
    os: `${platform()} ${release()}`,
    arch: arch(),
    cpus: cpus().length,
    memory_bytes: totalmem(),
    gpu: gpus.length > 0 ? gpus : void 0,
    node: process.version,
    packages,
    backend
  });
}
function buildLineage(p) {
  const described = describeOnnx(p.modelBytes, p.modelFile);
  return LineageSchema.parse({
    schema_version: LINEAGE_SCHEMA_VERSION,
    kind: "mlops/lineage",
    model: prune({
      file: p.modelFile,
      sha256: createHash("sha256").update(p.modelBytes).digest("hex"),
      size_bytes: p.modelBytes.length,
      format: "onnx",
      framework: p.framework,
      task: p.task,
      target: p.target,
      signature: { inputs: described.inputs, outputs: described.outputs }
    }),
    params: p.params,
    metrics: Object.fromEntries(Object.entries(p.metrics).filter(([, v]) => Number.isFinite(v))),
    data: prune(p.data),
    source: p.source,
    environment: p.environment,
    ...p.run === void 0 ? {} : { run: prune(p.run) },
    ...p.seed === void 0 ? {} : { seed: p.seed },
    ...p.importance === void 0 ? {} : { importance: p.importance },
    started_at: p.startedAt.toISOString(),
    duration_s: p.durationS
  });
}
function prune(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0));
}

// src/model/data-location.ts
import { relative, resolve, sep } from "node:path";
var LFS_POINTER_VERSION = "version https://git-lfs.github.com/spec/v1";
var LFS_POINTER_MAX_BYTES = 1024;
function parseLfsPointer(text) {
  const lines = text.split("\n");
  if (lines[0] !== LFS_POINTER_VERSION) return null;
  const oid = lines.map((l) => /^oid sha256:([0-9a-f]{64})$/.exec(l)?.[1]).find(Boolean);
  const size = lines.map((l) => /^size (\d+)$/.exec(l)?.[1]).find(Boolean);
  return oid && size ? { oid: `sha256:${oid}`, size: Number(size) } : null;
}
var CREDENTIAL_PARAMS = /* @__PURE__ */ new Set([
  "x-amz-signature",
  "x-amz-credential",
  "x-amz-security-token",
  "awsaccesskeyid",
  "signature",
  "x-goog-signature",
  "x-goog-credential",
  "googleaccessid",
  "sig",
  "token",
  "access_token",
  "auth",
  "key",
  "api_key",
  "apikey",
  "password",
  "secret"
]);
function stripCredentials(uri) {
  let url;
  try {
    url = new URL(uri);
  } catch {
    throw new MlopsError(`data location "${redact(uri)}" is not a URI (expected s3://, gs://, https://, artifact:NAME or a GitHub release URL)`);
  }
  url.username = "";
  url.password = "";
  for (const name of [...url.searchParams.keys()]) if (CREDENTIAL_PARAMS.has(name.toLowerCase())) url.searchParams.delete(name);
  return url.toString();
}
function redact(uri) {
  return uri.replace(/\/\/[^/@]*@/, "//***@").replace(/\?.*$/, "?\u2026");
}
var RELEASE_URL = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/releases\/download\/([^/]+)\/([^/?#]+)$/;
function locationFromUri(uri, env) {
  const artifact = /^artifact:([^@]+?)(?:@(\d+))?$/.exec(uri);
  if (artifact) {
    const runId = artifact[2] ?? env.GITHUB_RUN_ID;
    return {
      kind: "artifact",
      name: artifact[1],
      ...runId ? { run_id: runId } : {},
      ...env.GITHUB_REPOSITORY ? { repository: env.GITHUB_REPOSITORY } : {}
    };
  }
  const clean = stripCredentials(uri);
  if (!/^(s3|gs|https?):$/.test(new URL(clean).protocol))
    throw new MlopsError(`data location "${clean}": use s3://, gs://, https://, http:// or artifact:NAME[@RUN_ID]`);
  const release2 = RELEASE_URL.exec(clean);
  if (release2) return { kind: "release", uri: clean, repository: release2[1], tag: decodeURIComponent(release2[2]), asset: decodeURIComponent(release2[3]) };
  return { kind: "url", uri: clean };
}
function parseDataUriFlags(flags) {
  const out = {};
  for (const flag of flags) {
    const at = flag.indexOf("=");
    if (at <= 0 || at === flag.length - 1)
      throw new MlopsError(`--data-uri must be PATH=URI, e.g. data/train.csv=s3://bucket/train.csv (got "${redact(flag)}")`);
    out[flag.slice(0, at)] = flag.slice(at + 1);
  }
  return out;
}
function urisForFiles(files, cwd, uris = {}) {
  const byPath = /* @__PURE__ */ new Map();
  for (const [key, uri] of Object.entries(uris)) byPath.set(relative(cwd, resolve(cwd, key)), uri);
  const rels = files.map((f) => relative(cwd, f));
  for (const key of byPath.keys())
    if (!rels.includes(key)) throw new MlopsError(`--data-uri names ${key}, which is not one of the training files (${rels.join(", ") || "none"})`);
  return rels.map((r) => byPath.get(r));
}
async function locateFiles(files, sha256, options) {
  const { cwd, exec } = options;
  const given = urisForFiles(files, cwd, options.uris);
  const top = (await exec("git", ["rev-parse", "--show-toplevel"], { cwd }))?.trim();
  const commit = top ? (await exec("git", ["rev-parse", "HEAD"], { cwd: top }))?.trim() : void 0;
  const locations = [];
  for (const [i, file] of files.entries()) {
    const uri = given[i];
    if (uri !== void 0) locations.push(locationFromUri(uri, options.env));
    else locations.push(top && commit ? await gitLocation(exec, top, commit, file, sha256[i]) : { kind: "local" });
  }
  const directory = top ? toPosix(relative(top, cwd)) : void 0;
  return { locations, ...directory !== void 0 && !directory.startsWith("..") ? { directory } : {} };
}
async function gitLocation(exec, top, commit, file, sha256) {
  const path = toPosix(relative(top, file));
  if (path.startsWith("..")) return { kind: "local" };
  const blob = (await exec("git", ["rev-parse", "--verify", "--quiet", `${commit}:${path}`], { cwd: top }))?.trim();
  if (!blob) return { kind: "local" };
  const working = (await exec("git", ["hash-object", "--no-filters", "--", file], { cwd: top }))?.trim();
  if (working === blob) return { kind: "git", path, commit };
  const size = Number((await exec("git", ["cat-file", "-s", blob], { cwd: top }))?.trim());
  if (!(size <= LFS_POINTER_MAX_BYTES)) return { kind: "local" };
  const pointer = parseLfsPointer(await exec("git", ["cat-file", "blob", blob], { cwd: top }) ?? "");
  if (pointer && pointer.oid === `sha256:${sha256}`) return { kind: "git", path, commit, lfs: pointer };
  return { kind: "local" };
}
function toPosix(path) {
  return path.split(sep).join("/");
}

// src/model/train-builtin.ts
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative as relative2 } from "node:path";

// src/model/onnx/graph.ts
var DataType = onnx.TensorProto.DataType;
var ELEM = { float: DataType.FLOAT, int64: DataType.INT64, string: DataType.STRING };
var OPSET = { "ai.onnx": 13, "ai.onnx.ml": 2 };
var EXTRA_OPSETS = { "com.microsoft": 1 };
var GraphBuilder = class {
  nodes = [];
  initializers = [];
  inputs = [];
  outputs = [];
  counter = 0;
  /** Internal names start with "__" so they cannot collide with graph inputs named after data columns. */
  fresh(hint) {
    return `__${hint}_${this.counter++}`;
  }
  input(spec) {
    this.inputs.push(valueInfo(spec));
    return spec.name;
  }
  output(spec) {
    this.outputs.push(valueInfo(spec));
  }
  floats(hint, dims, values) {
    const name = this.fresh(hint);
    this.initializers.push({ name, dims, dataType: DataType.FLOAT, floatData: Array.from(values) });
    return name;
  }
  int64s(hint, dims, values) {
    const name = this.fresh(hint);
    this.initializers.push({ name, dims, dataType: DataType.INT64, int64Data: values.slice() });
    return name;
  }
  /** Adds a node; `output` names the result (a fresh name from `hint` when omitted). */
  node(opType, inputs, attrs = {}, options = {}) {
    const out = options.output ?? this.fresh(opType.toLowerCase());
    this.nodes.push({
      opType,
      domain: options.domain ?? "",
      input: inputs,
      output: [out],
      name: this.fresh(`n_${opType}`),
      attribute: Object.entries(attrs).map(([name, value]) => attribute(name, value))
    });
    return out;
  }
  encode(options) {
    const model = {
      irVersion: 8,
      producerName: options.producer,
      producerVersion: options.producerVersion,
      docString: options.docString ?? "",
      opsetImport: [
        ...Object.entries(OPSET).map(([domain, version]) => ({ domain: domain === "ai.onnx" ? "" : domain, version })),
        ...Object.entries(EXTRA_OPSETS).filter(([domain]) => this.nodes.some((n) => n.domain === domain)).map(([domain, version]) => ({ domain, version }))
      ],
      metadataProps: Object.entries(options.metadata).map(([key, value]) => ({ key, value })),
      graph: {
        name: options.graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs
      }
    };
    return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
  }
};
function valueInfo(spec) {
  return {
    name: spec.name,
    type: {
      tensorType: {
        elemType: ELEM[spec.type],
        shape: { dim: spec.shape.map((d) => typeof d === "number" ? { dimValue: d } : { dimParam: d }) }
      }
    }
  };
}
var AttrType = onnx.AttributeProto.AttributeType;
function attribute(name, value) {
  if (typeof value === "number") return { name, type: AttrType.INT, i: value };
  if (typeof value === "string") return { name, type: AttrType.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "string")) {
      return { name, type: AttrType.STRINGS, strings: value.map((v) => new TextEncoder().encode(v)) };
    }
    return { name, type: AttrType.INTS, ints: value };
  }
  if ("floats" in value) return { name, type: AttrType.FLOATS, floats: value.floats };
  return { name, type: AttrType.FLOAT, f: value.float };
}

// src/model/onnx/export.ts
var OUTPUT_PROBABILITIES = "probabilities";
var OUTPUT_LABEL = "label";
var OUTPUT_PREDICTION = "prediction";
function exportOnnx(model, options) {
  const { info, preprocessing: p } = model;
  const g = new GraphBuilder();
  const parts = [];
  if (p.numeric.length > 0) {
    const inputs = p.numeric.map((s) => g.input({ name: s.name, type: "float", shape: ["N", 1] }));
    const x = inputs.length === 1 ? inputs[0] : g.node("Concat", inputs, { axis: 1 });
    const means = g.floats(
      "mean",
      [p.numeric.length],
      p.numeric.map((s) => s.mean)
    );
    const stds = g.floats(
      "std",
      [p.numeric.length],
      p.numeric.map((s) => s.std)
    );
    const imputed = g.node("Where", [g.node("IsNaN", [x]), means, x]);
    parts.push(g.node("Div", [g.node("Sub", [imputed, means]), stds]));
  }
  for (const s of p.categorical) {
    const input = g.input({ name: s.name, type: "string", shape: ["N", 1] });
    const modeIndex = s.categories.indexOf(s.mode);
    const index = g.node(
      "LabelEncoder",
      [input],
      {
        keys_strings: [...s.categories, ""],
        values_int64s: [...s.categories.map((_, i) => i), modeIndex],
        default_int64: -1
      },
      { domain: "ai.onnx.ml" }
    );
    const range = g.int64s(
      "categories",
      [s.categories.length],
      s.categories.map((_, i) => i)
    );
    parts.push(g.node("Cast", [g.node("Equal", [index, range])], { to: 1 }));
  }
  for (const s of textSteps(p)) parts.push(textBlock(g, s));
  if (parts.length === 0) throw new MlopsError("a model needs at least one feature");
  let h = parts.length === 1 ? parts[0] : g.node("Concat", parts, { axis: 1 });
  model.layers.forEach((layer, i) => {
    h = dense(g, h, layer, i);
  });
  const last = model.layers[model.layers.length - 1];
  if (info.task === "classification") {
    const classes = info.classes ?? [];
    let probabilities;
    if (last.units === 1) {
      if (classes.length !== 2) throw new MlopsError(`a single output unit needs exactly 2 classes (got ${classes.length})`);
      const one = g.floats("one", [1], [1]);
      probabilities = g.node("Concat", [g.node("Sub", [one, h]), h], { axis: 1 }, { output: OUTPUT_PROBABILITIES });
    } else {
      if (classes.length !== last.units) throw new MlopsError(`the last layer has ${last.units} units for ${classes.length} classes`);
      probabilities = g.node("Identity", [h], {}, { output: OUTPUT_PROBABILITIES });
    }
    const argmax = g.node("ArgMax", [probabilities], { axis: 1, keepdims: 0 });
    g.node(
      "LabelEncoder",
      [argmax],
      { keys_int64s: classes.map((_, i) => i), values_strings: classes, default_string: "" },
      { domain: "ai.onnx.ml", output: OUTPUT_LABEL }
    );
    g.output({ name: OUTPUT_PROBABILITIES, type: "float", shape: ["N", classes.length] });
    g.output({ name: OUTPUT_LABEL, type: "string", shape: ["N"] });
  } else {
    const scale = model.targetScale;
    if (scale) {
      const scaled = g.node("Mul", [h, g.floats("target_std", [1], [scale.std])]);
      g.node("Add", [scaled, g.floats("target_mean", [1], [scale.mean])], {}, { output: OUTPUT_PREDICTION });
    } else g.node("Identity", [h], {}, { output: OUTPUT_PREDICTION });
    g.output({ name: OUTPUT_PREDICTION, type: "float", shape: ["N", 1] });
  }
  return g.encode({
    graphName: `mlops_${info.task}`,
    producer: "mlops-actions",
    producerVersion: options.producerVersion,
    docString: `${info.task} of "${info.target}" from ${info.features.length} raw features`,
    metadata: {
      [META_MODEL_INFO]: JSON.stringify(info),
      [META_PREPROCESSING]: JSON.stringify(p)
    }
  });
}
function textBlock(g, s) {
  const input = g.input({ name: s.name, type: "string", shape: ["N", 1] });
  const flat = g.node("Reshape", [input, g.int64s("flat", [1], [-1])]);
  const lower = g.node("StringNormalizer", [flat], { case_change_action: "LOWER", locale: "C.UTF-8" });
  const tokens = g.node("Tokenizer", [lower], { mark: 0, mincharnum: 1, pad_value: "#", tokenexp: TOKEN_PATTERN }, { domain: "com.microsoft" });
  const unigrams = s.vocabulary.slice(0, s.unigrams);
  const bigrams = s.vocabulary.slice(s.unigrams).flatMap((t) => t.split(" "));
  const tfidf = g.node("TfIdfVectorizer", [tokens], {
    min_gram_length: 1,
    max_gram_length: s.max_ngram,
    max_skip_count: 0,
    mode: "TFIDF",
    ngram_counts: s.max_ngram === 1 ? [0] : [0, unigrams.length],
    ngram_indexes: s.vocabulary.map((_, i) => i),
    pool_strings: [...unigrams, ...bigrams],
    weights: { floats: s.idf }
  });
  return g.node("LpNormalization", [tfidf], { axis: 1, p: 2 });
}
function dense(g, x, layer, index) {
  if (layer.weights.length !== layer.inputs * layer.units || layer.bias.length !== layer.units) {
    throw new MlopsError(`layer ${index}: weights do not match ${layer.inputs}\xD7${layer.units}`);
  }
  const w = g.floats(`w${index}`, [layer.inputs, layer.units], layer.weights);
  const b = g.floats(`b${index}`, [layer.units], layer.bias);
  const z = g.node("Gemm", [x, w, b]);
  switch (layer.activation) {
    case "linear":
      return z;
    case "relu":
      return g.node("Relu", [z]);
    case "tanh":
      return g.node("Tanh", [z]);
    case "sigmoid":
      return g.node("Sigmoid", [z]);
    case "softmax":
      return g.node("Softmax", [z], { axis: 1 });
  }
}

// src/model/trainer.ts
function trainTabular(data, task, target, config, backend, log) {
  const tf = backend.tf;
  const t = config.training;
  const rand = mulberry32(t.seed);
  const order = permutation(data.rows.length, rand);
  const nVal = Math.max(1, Math.round(data.rows.length * t.validation_split));
  const valIdx = order.slice(0, nVal);
  const trainIdx = order.slice(nVal);
  const trainRows = trainIdx.map((i) => data.rows[i]);
  const valRows = valIdx.map((i) => data.rows[i]);
  const yTrainRaw = Float64Array.from(trainIdx, (i) => data.labels[i]);
  const yVal = Float64Array.from(valIdx, (i) => data.labels[i]);
  const tfidf = config.features.tfidf;
  const preprocessing = fitPreprocessing(data.features, data.columns, trainRows, {
    max_features: tfidf.max_features,
    min_df: tfidf.min_df,
    max_ngram: tfidf.ngrams
  });
  const width = encodedWidth(preprocessing);
  const xTrain = transformRows(preprocessing, data.columns, trainRows);
  const xVal = transformRows(preprocessing, data.columns, valRows);
  const classes = data.classes ?? [];
  const outUnits = task === "regression" || classes.length === 2 ? 1 : classes.length;
  const targetScale = task === "regression" ? scaleOf(yTrainRaw) : void 0;
  const yTrain = targetScale ? yTrainRaw.map((y) => (y - targetScale.mean) / targetScale.std) : yTrainRaw;
  const yValScaled = targetScale ? yVal.map((y) => (y - targetScale.mean) / targetScale.std) : yVal;
  const sizes = [width, ...config.model.type === "mlp" ? config.model.hidden_layers : [], outUnits];
  const net = initNet(tf, sizes, config.model.activation, rand);
  const optimizer = t.optimizer === "adam" ? tf.train.adam(t.learning_rate) : tf.train.sgd(t.learning_rate);
  const yTensor = (y, idx) => labelsTensor(tf, task, outUnits, y, idx);
  const xValT = tf.tensor2d(xVal, [nVal, width]);
  const yValT = yTensor(task === "regression" ? yValScaled : yVal, null);
  const lossOf = (x, y) => {
    const out = forward(tf, net, x);
    let loss;
    if (task === "regression") loss = tf.losses.meanSquaredError(y, out);
    else if (outUnits === 1) loss = tf.losses.sigmoidCrossEntropy(y, out);
    else loss = tf.losses.softmaxCrossEntropy(y, out);
    if (t.l2 > 0) for (const w of net.weights) loss = loss.add(w.square().sum().mul(t.l2));
    return loss;
  };
  const history = [];
  let best = { loss: Number.POSITIVE_INFINITY, epoch: 0, weights: snapshot(net) };
  let stale = 0;
  let stoppedEarly = false;
  const nTrain = trainIdx.length;
  const xb = new Float32Array(t.batch_size * width);
  for (let epoch = 1; epoch <= t.epochs; epoch++) {
    const started = performance.now();
    const batchOrder = permutation(nTrain, rand);
    let lossSum = 0;
    for (let start = 0; start < nTrain; start += t.batch_size) {
      const idx = batchOrder.slice(start, start + t.batch_size);
      for (let r = 0; r < idx.length; r++) xb.set(xTrain.subarray(idx[r] * width, idx[r] * width + width), r * width);
      lossSum += tf.tidy(() => {
        const x = tf.tensor2d(xb.subarray(0, idx.length * width), [idx.length, width]);
        const y = yTensor(yTrain, idx);
        return optimizer.minimize(() => lossOf(x, y), true, [...net.weights, ...net.biases]).dataSync()[0];
      }) * idx.length;
    }
    const valLoss = tf.tidy(() => lossOf(xValT, yValT).dataSync()[0]);
    const outputs2 = predictMatrix(tf, net, xValT, task, outUnits);
    const valMetric = task === "regression" ? regressionMetrics(yVal, unscale(outputs2, targetScale)).rmse : accuracy(yVal, outputs2);
    const seconds = (performance.now() - started) / 1e3;
    const record = { epoch, loss: lossSum / nTrain, val_loss: valLoss, val_metric: valMetric, seconds, rows_per_s: nTrain / seconds };
    history.push(record);
    log(
      `epoch ${String(epoch).padStart(String(t.epochs).length)}/${t.epochs}  loss ${fmt(record.loss)}  val_loss ${fmt(valLoss)}  ${task === "regression" ? "val_rmse" : "val_accuracy"} ${fmt(valMetric)}  ${seconds.toFixed(2)}s (${Math.round(record.rows_per_s)} rows/s)`
    );
    const minDelta = t.early_stopping?.min_delta ?? 0;
    if (valLoss < best.loss - minDelta) {
      best = { loss: valLoss, epoch, weights: snapshot(net) };
      stale = 0;
    } else if (t.early_stopping && ++stale >= t.early_stopping.patience) {
      stoppedEarly = true;
      log(`early stopping: val_loss has not improved by ${minDelta} for ${t.early_stopping.patience} epochs; keeping epoch ${best.epoch}`);
      break;
    }
  }
  restore(tf, net, best.weights);
  const outputs = predictMatrix(tf, net, xValT, task, outUnits);
  xValT.dispose();
  yValT.dispose();
  const metrics = {};
  if (task === "regression") Object.assign(metrics, regressionMetrics(yVal, unscale(outputs, targetScale)));
  else {
    metrics.accuracy = accuracy(yVal, outputs);
    metrics.log_loss = logLoss(yVal, outputs);
    if (classes.length === 2)
      metrics.roc_auc = rocAuc(
        yVal,
        outputs.map((p) => p[1])
      );
  }
  metrics.val_loss = best.loss;
  const layers = net.weights.map((w, i) => ({
    inputs: sizes[i],
    units: sizes[i + 1],
    weights: Float32Array.from(w.dataSync()),
    bias: Float32Array.from(net.biases[i].dataSync()),
    activation: i < net.weights.length - 1 ? net.hidden : task === "regression" ? "linear" : outUnits === 1 ? "sigmoid" : "softmax"
  }));
  for (const v of [...net.weights, ...net.biases]) v.dispose();
  optimizer.dispose();
  const featureSpecs = data.features.map((f) => {
    const cat = preprocessing.categorical.find((c) => c.name === f.name);
    return cat ? { ...f, categories: cat.categories } : f;
  });
  const model = {
    info: { task, target, features: featureSpecs, ...task === "classification" ? { classes } : {}, framework: `tensorflow.js ${backend.name}` },
    preprocessing,
    layers,
    ...targetScale ? { targetScale } : {}
  };
  const outputsForParity = task === "regression" && targetScale ? outputs.map((o) => [Math.fround(Math.fround(o[0] * Math.fround(targetScale.std)) + Math.fround(targetScale.mean))]) : outputs;
  return {
    model,
    metrics,
    history,
    bestEpoch: best.epoch,
    stoppedEarly,
    trainRows: nTrain,
    validationRows: nVal,
    validation: { rows: valRows, labels: yVal, outputs: outputsForParity }
  };
}
function initNet(tf, sizes, hidden, rand) {
  const weights = [];
  const biases = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const limit = Math.sqrt(6 / (sizes[i] + sizes[i + 1]));
    const w = Float32Array.from({ length: sizes[i] * sizes[i + 1] }, () => (rand() * 2 - 1) * limit);
    weights.push(tf.variable(tf.tensor2d(w, [sizes[i], sizes[i + 1]]), true, `w${i}`));
    biases.push(tf.variable(tf.zeros([sizes[i + 1]]), true, `b${i}`));
  }
  return { weights, biases, hidden };
}
function forward(tf, net, x) {
  let h = x;
  net.weights.forEach((w, i) => {
    h = tf.add(tf.matMul(h, w), net.biases[i]);
    if (i < net.weights.length - 1) h = net.hidden === "tanh" ? tf.tanh(h) : tf.relu(h);
  });
  return h;
}
function predictMatrix(tf, net, x, task, outUnits) {
  const values = tf.tidy(() => {
    const out = forward(tf, net, x);
    if (task === "regression") return out;
    return outUnits === 1 ? tf.sigmoid(out) : tf.softmax(out);
  });
  const data = values.dataSync();
  const n = values.shape[0];
  values.dispose();
  const rows = [];
  for (let r = 0; r < n; r++) {
    if (task === "classification" && outUnits === 1) rows.push([1 - data[r], data[r]]);
    else rows.push(Array.from(data.subarray(r * outUnits, r * outUnits + outUnits)));
  }
  return rows;
}
function labelsTensor(tf, task, outUnits, y, idx) {
  const n = idx ? idx.length : y.length;
  const at = (r) => y[idx ? idx[r] : r];
  if (task === "regression" || outUnits === 1)
    return tf.tensor2d(
      Float32Array.from({ length: n }, (_, r) => at(r)),
      [n, 1]
    );
  const oneHot = new Float32Array(n * outUnits);
  for (let r = 0; r < n; r++) oneHot[r * outUnits + at(r)] = 1;
  return tf.tensor2d(oneHot, [n, outUnits]);
}
function snapshot(net) {
  return [...net.weights, ...net.biases].map((v) => Float32Array.from(v.dataSync()));
}
function restore(tf, net, values) {
  [...net.weights, ...net.biases].forEach((v, i) => tf.tidy(() => v.assign(tf.tensor(values[i], v.shape))));
}
function permutation(n, rand) {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
function scaleOf(y) {
  let mean = 0;
  for (const v of y) mean += v / y.length;
  let sq = 0;
  for (const v of y) sq += (v - mean) ** 2;
  const std = Math.sqrt(sq / y.length);
  return { mean, std: std > 1e-12 ? std : 1 };
}
function unscale(outputs, scale) {
  return outputs.map((o) => scale ? o[0] * scale.std + scale.mean : o[0]);
}
function fmt(x) {
  return Number.isFinite(x) ? x.toFixed(4) : String(x);
}

// src/model/train-builtin.ts
var PARITY_TOLERANCE = 1e-5;
var METRICS_SCHEMA_VERSION = 1;
var MetricsFileSchema = external_exports.object({
  schema_version: external_exports.literal(METRICS_SCHEMA_VERSION),
  kind: external_exports.literal("mlops/metrics"),
  split: external_exports.literal("validation"),
  rows: external_exports.number().int().nonnegative(),
  metrics: external_exports.record(external_exports.string(), external_exports.number()),
  best_epoch: external_exports.number().int().nonnegative(),
  stopped_early: external_exports.boolean(),
  onnx_parity_max_abs_diff: external_exports.number().nonnegative(),
  history: external_exports.array(
    external_exports.object({ epoch: external_exports.number().int(), loss: external_exports.number(), val_loss: external_exports.number(), val_metric: external_exports.number(), seconds: external_exports.number(), rows_per_s: external_exports.number() })
  )
});
async function runBuiltinTraining(o) {
  const startedAt = o.now();
  const t0 = performance.now();
  const fingerprint = await fingerprintFiles(o.files);
  const located = await locateFiles(
    o.files,
    fingerprint.files.map((f) => f.sha256),
    { cwd: o.cwd, exec: o.exec, env: o.env, uris: o.dataUris }
  );
  const profile = await profileFiles(o.files, { delimiter: o.delimiter, now: o.now });
  const { features, skipped, detected } = selectFeatures(profile, o.target, o.config.features);
  const data = await loadTrainingData(o.files, o.target, o.task, features, skipped, { delimiter: o.delimiter });
  o.log(
    `data: ${data.rows.length} rows from ${o.files.length} file(s)` + (data.droppedRows > 0 ? ` (${data.droppedRows} without a target dropped)` : "") + `; ${features.length} features: ${features.map((f) => `${f.name}:${f.type}`).join(", ")}`
  );
  if (detected.length > 0) o.log(`free text detected, TF-IDF encoded in the model: ${detected.join(", ")} (set features.text to choose)`);
  if (skipped.length > 0) o.log(`skipped columns: ${skipped.join(", ")}`);
  if (data.classes) o.log(`classes: ${data.classes.join(", ")}`);
  const choice = backendChoice(o.env.MLOPS_TF_BACKEND, o.config.backend);
  const backend = await loadBackend(choice);
  o.log(`backend: ${backend.name} (${backend.package})${backend.skipped.length > 0 ? `; skipped ${backend.skipped.join("; ")}` : ""}`);
  const modelDesc = o.config.model.type === "mlp" ? `MLP ${o.config.model.hidden_layers.join("\xD7")} ${o.config.model.activation}` : o.task === "classification" ? "logistic regression" : "linear regression";
  o.log(`training ${modelDesc}, seed ${o.config.training.seed}, up to ${o.config.training.epochs} epochs`);
  const result = trainTabular(data, o.task, o.target, o.config, backend, o.log);
  for (const t of result.model.preprocessing.text ?? []) {
    o.log(
      `text ${t.name}: TF-IDF vocabulary of ${t.vocabulary.length} terms (${t.unigrams} unigrams, ${t.vocabulary.length - t.unigrams} bigrams) from the training rows`
    );
  }
  const onnxBytes = exportOnnx(result.model, { producerVersion: o.producerVersion });
  const modelFile = join(o.outDir, "model.onnx");
  await mkdir(o.outDir, { recursive: true });
  await writeFile(modelFile, onnxBytes);
  const parityScale = Math.max(1, result.model.targetScale?.std ?? 1);
  const parity = await onnxParity(modelFile, data.columns, result.validation.rows, result.validation.outputs) / parityScale;
  if (!(parity <= PARITY_TOLERANCE)) throw new MlopsError(`exported ONNX disagrees with the trained model (max |\u0394| ${parity} > ${PARITY_TOLERANCE})`);
  const metrics = { ...result.metrics };
  const importance = await validationImportance(
    modelFile,
    data.columns,
    features.map((f) => f.name),
    result,
    o.task,
    o.config.training.seed
  );
  o.log(
    `permutation importance (${importance.metric} drop, validation): ${Object.entries(importance.values).map(([k, v]) => `${k} ${v.toFixed(4)}`).join("  ")}`
  );
  const durationS = (performance.now() - t0) / 1e3;
  o.log(
    `final: ${Object.entries(result.metrics).map(([k, v]) => `${k} ${v.toFixed(4)}`).join("  ")}  (validation ${result.validationRows} rows, best epoch ${result.bestEpoch}/${result.history.length}, onnx parity ${parity.toExponential(1)}, ${durationS.toFixed(1)}s)`
  );
  const metricsFile = join(o.outDir, "metrics.json");
  await writeJson(
    metricsFile,
    MetricsFileSchema.parse({
      schema_version: METRICS_SCHEMA_VERSION,
      kind: "mlops/metrics",
      split: "validation",
      rows: result.validationRows,
      metrics,
      best_epoch: result.bestEpoch,
      stopped_early: result.stoppedEarly,
      onnx_parity_max_abs_diff: parity,
      history: result.history
    })
  );
  const tf = backend.tf;
  const ort = await import("onnxruntime-node");
  const packages = {
    "mlops-actions": o.producerVersion,
    "@tensorflow/tfjs-core": tf.version_core,
    "onnxruntime-node": ort.env.versions.node ?? "unknown"
  };
  if (backend.package !== "@tensorflow/tfjs") packages[backend.package] = tf.version_core;
  const lineage = buildLineage({
    modelFile: "model.onnx",
    modelBytes: onnxBytes,
    framework: `tensorflow.js ${tf.version_core} (${backend.name})`,
    task: o.task,
    target: o.target,
    params: {
      trainer: "builtin",
      model: o.config.model,
      training: o.config.training,
      features: features.map((f) => f.name),
      // The config's feature block as given, so `mlops reproduce` selects the same columns the same way.
      feature_selection: o.config.features,
      skipped_columns: skipped,
      train_rows: result.trainRows,
      validation_rows: result.validationRows,
      best_epoch: result.bestEpoch,
      epochs_run: result.history.length
    },
    metrics,
    data: {
      fingerprint: fingerprint.fingerprint,
      // Paths relative to the working directory, so the record is the same on every machine.
      files: fingerprint.files.map((f, i) => ({ ...f, path: relative2(o.cwd, f.path), location: located.locations[i] })),
      rows: data.rows.length,
      profile: { ...profile, sources: profile.sources.map((s) => ({ ...s, file: relative2(o.cwd, s.file) })) }
    },
    source: { ...await sourceInfo(o.env, o.exec, o.cwd), ...located.directory !== void 0 ? { directory: located.directory } : {} },
    environment: environmentInfo(o.env, await queryGpus(o.exec), packages, backend.name),
    seed: o.config.training.seed,
    importance,
    startedAt,
    durationS: (performance.now() - t0) / 1e3
  });
  const lineageFile = join(o.outDir, "lineage.json");
  await writeJson(lineageFile, lineage);
  return { modelFile, metricsFile, lineageFile, metrics, lineage, history: result.history, parity };
}
async function validationImportance(modelFile, columns, features, result, task, seed) {
  const runner = await loadModel(modelFile);
  try {
    const metric = task === "regression" ? "r2" : "accuracy";
    const score = modelScore((c, rows) => runner.predict(c, rows), columns, result.validation.labels, metric);
    return await permutationImportance({ columns, rows: result.validation.rows, features, metric, score, seed });
  } finally {
    await runner.close();
  }
}
async function onnxParity(modelFile, columns, rows, expected) {
  const runner = await loadModel(modelFile);
  try {
    const out = await runner.predict(columns, rows);
    let max = 0;
    for (let r = 0; r < rows.length; r++) {
      const got = out.probabilities ? out.probabilities[r] : [out.predictions[r]];
      for (let j = 0; j < expected[r].length; j++) max = Math.max(max, Math.abs(got[j] - expected[r][j]));
    }
    return max;
  } finally {
    await runner.close();
  }
}
function backendChoice(fromEnv, fromConfig) {
  if (fromEnv === void 0 || fromEnv === "") return fromConfig;
  if (!BACKENDS.includes(fromEnv)) throw new MlopsError(`MLOPS_TF_BACKEND must be one of ${BACKENDS.join(", ")} (got "${fromEnv}")`);
  return fromEnv;
}

// src/model/train-command.ts
import { spawn } from "node:child_process";
import { access, copyFile, mkdir as mkdir2, mkdtemp, readFile, rm } from "node:fs/promises";
import { constants } from "node:fs";
import { tmpdir, platform as platform2 } from "node:os";
import { basename, dirname, join as join2, relative as relative3, resolve as resolve2 } from "node:path";
async function runCommandTraining(o) {
  const modelOut = o.outputs.filter((f) => f.toLowerCase().endsWith(".onnx"));
  if (modelOut.length !== 1)
    throw new SettingError("outputs", (name) => `${name("outputs")} must name exactly one .onnx model (got ${o.outputs.join(", ") || "nothing"})`);
  const metricsOut = o.outputs.find((f) => /metric/i.test(basename(f)) && f.endsWith(".json")) ?? o.outputs.find((f) => f.endsWith(".json"));
  const startedAt = o.now();
  const dataFiles = o.dataFiles.map((f) => resolve2(o.cwd, f));
  urisForFiles(dataFiles, o.cwd, o.dataUris);
  const gpus = await queryGpus(o.exec);
  o.log(
    gpus.length > 0 ? `gpu: ${gpus.map((g) => `${g.name} (${g.memory_total}, driver ${g.driver_version})`).join("; ")}` : "gpu: none found (nvidia-smi absent or no device)"
  );
  o.log(`running: ${o.command}`);
  const run = await runMeasured(o.command, o.cwd, o.env, o.stdout, o.stderr);
  o.log(
    `command exited with code ${run.exitCode} after ${run.durationS.toFixed(1)}s` + (run.peakMemoryBytes !== void 0 ? `, peak memory ${(run.peakMemoryBytes / 2 ** 20).toFixed(1)} MiB` : "")
  );
  if (run.exitCode !== 0) return { ...run, gpus };
  const missing = [];
  for (const f of o.outputs) if (!await exists(resolve2(o.cwd, f))) missing.push(f);
  if (missing.length > 0) throw new MlopsError(`the training command succeeded but did not write ${missing.join(", ")}`, { exitCode: 1 });
  const modelPath = resolve2(o.cwd, modelOut[0]);
  const runner = await loadModel(modelPath).catch((err) => {
    throw new MlopsError(`${modelOut[0]} is not a loadable ONNX model: ${errorMessage(err)}`, { exitCode: 1 });
  });
  const info = runner.info;
  await runner.close();
  const metrics = metricsOut ? await readMetrics(resolve2(o.cwd, metricsOut), metricsOut) : {};
  const outDir = resolve2(o.cwd, o.outDir ?? dirname(modelOut[0]));
  await mkdir2(outDir, { recursive: true });
  for (const f of o.outputs) {
    const from = resolve2(o.cwd, f);
    const to = join2(outDir, basename(f));
    if (from !== to) await copyFile(from, to);
  }
  const modelFile = join2(outDir, basename(modelPath));
  const modelBytes = await readFile(modelFile);
  const fingerprint = dataFiles.length > 0 ? await fingerprintFiles(dataFiles) : { fingerprint: "none", files: [] };
  const located = await locateFiles(
    dataFiles,
    fingerprint.files.map((f) => f.sha256),
    { cwd: o.cwd, exec: o.exec, env: o.env, uris: o.dataUris }
  );
  const data = dataFiles.length > 0 ? { ...fingerprint, profile: relativeSources(await profileFiles(dataFiles, { now: o.now }), o.cwd) } : fingerprint;
  const ort = await import("onnxruntime-node");
  const lineage = buildLineage({
    modelFile: relative3(outDir, modelFile),
    modelBytes,
    framework: info.framework ?? (describeOnnx(modelBytes, modelFile).producer || "unknown"),
    task: info.task,
    target: info.target || void 0,
    params: { trainer: "command", command: o.command, outputs: o.outputs },
    metrics,
    data: {
      ...data,
      files: data.files.map((f, i) => ({ ...f, path: relative3(o.cwd, f.path), location: located.locations[i] })),
      rows: "profile" in data ? data.profile.rows : 0
    },
    source: { ...await sourceInfo(o.env, o.exec, o.cwd), ...located.directory !== void 0 ? { directory: located.directory } : {} },
    environment: environmentInfo(o.env, gpus, { "mlops-actions": o.producerVersion, "onnxruntime-node": ort.env.versions.node ?? "unknown" }),
    run: { command: o.command, exit_code: run.exitCode, peak_memory_bytes: run.peakMemoryBytes },
    seed: o.seed,
    startedAt,
    durationS: run.durationS
  });
  const lineageFile = join2(outDir, "lineage.json");
  await writeJson(lineageFile, lineage);
  return { ...run, gpus, modelFile, metrics, lineage, lineageFile };
}
async function runMeasured(command, cwd, env, stdout, stderr) {
  const gnuTime = platform2() === "linux" && await exists("/usr/bin/time");
  const scratch = gnuTime ? await mkdtemp(join2(tmpdir(), "mlops-time-")) : void 0;
  const timeFile = scratch ? join2(scratch, "rusage") : void 0;
  const [file, args] = timeFile ? ["/usr/bin/time", ["-f", "%M", "-o", timeFile, "sh", "-c", command]] : ["sh", ["-c", command]];
  const t0 = performance.now();
  const child = spawn(file, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(stdout, { end: false });
  child.stderr.pipe(stderr, { end: false });
  let polledPeak;
  const poll = timeFile ? void 0 : setInterval(() => void peakFromProc(child.pid).then((kb) => polledPeak = Math.max(polledPeak ?? 0, kb ?? 0) || void 0), 100);
  const exitCode = await new Promise((done, fail) => {
    child.on("error", (err) => fail(new MlopsError(`cannot run the training command: ${errorMessage(err)}`)));
    child.on("close", (code, signal) => done(code ?? (signal ? 128 + signalNumber(signal) : 1)));
  });
  if (poll) clearInterval(poll);
  const durationS = (performance.now() - t0) / 1e3;
  let peakKb = polledPeak;
  if (timeFile) {
    const text = await readFile(timeFile, "utf8").catch(() => "");
    const last = text.trim().split("\n").at(-1) ?? "";
    if (/^\d+$/.test(last)) peakKb = Number(last);
    await rm(scratch, { recursive: true, force: true });
  }
  return { exitCode, durationS, ...peakKb !== void 0 ? { peakMemoryBytes: peakKb * 1024 } : {} };
}
async function peakFromProc(pid) {
  if (pid === void 0) return void 0;
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const m = /VmHWM:\s+(\d+)\s+kB/.exec(status);
  return m ? Number(m[1]) : void 0;
}
function signalNumber(signal) {
  const numbers = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGSEGV: 11, SIGTERM: 15 };
  return numbers[signal] ?? 0;
}
async function readMetrics(path, name) {
  let value;
  try {
    value = JSON.parse(await readFile(path, "utf8"));
  } catch (err) {
    throw new MlopsError(`${name} is not valid JSON: ${errorMessage(err)}`, { exitCode: 1 });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new MlopsError(`${name} must be a JSON object of metric names to numbers`, { exitCode: 1 });
  const obj = value;
  const source = obj.kind === "mlops/metrics" && typeof obj.metrics === "object" ? obj.metrics : obj;
  const out = {};
  const walk = (o, prefix) => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === "number" && Number.isFinite(v)) out[prefix + k] = v;
      else if (v !== null && typeof v === "object" && !Array.isArray(v)) walk(v, `${prefix}${k}.`);
    }
  };
  walk(source, "");
  return out;
}
function relativeSources(profile, cwd) {
  return { ...profile, sources: profile.sources.map((s) => ({ ...s, file: relative3(cwd, s.file) })) };
}
async function exists(path) {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

export {
  execProgram,
  sourceInfo,
  parseLfsPointer,
  parseDataUriFlags,
  runBuiltinTraining,
  runCommandTraining
};
