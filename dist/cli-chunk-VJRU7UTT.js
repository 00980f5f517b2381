import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  LineageSchema,
  META_PREPROCESSING,
  PreprocessingSchema,
  describeOnnx
} from "./cli-chunk-BWLW4W5B.js";
import {
  external_exports
} from "./cli-chunk-432HCV4T.js";
import {
  readText
} from "./cli-chunk-E2MBSDJC.js";
import {
  MlopsError,
  errorMessage
} from "./cli-chunk-CRJPICDA.js";

// src/serve/model-source.ts
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";

// src/serve/ranges.ts
var FeatureRangeSchema = external_exports.object({ min: external_exports.number(), max: external_exports.number(), source: external_exports.enum(["profile", "preprocessing"]) });
var FAR_OUTSIDE_WIDTHS = 10;
function rangesFromProfile(profile) {
  const ranges = {};
  for (const c of profile.columns) {
    if ((c.type === "number" || c.type === "integer") && c.numeric && Number.isFinite(c.numeric.min) && Number.isFinite(c.numeric.max)) {
      ranges[c.name] = { min: c.numeric.min, max: c.numeric.max, source: "profile" };
    }
  }
  return ranges;
}
function rangesFromOnnxMetadata(metadata) {
  const stored = metadata[META_PREPROCESSING];
  if (stored === void 0) return {};
  let parsed;
  try {
    parsed = PreprocessingSchema.safeParse(JSON.parse(stored));
  } catch {
    return {};
  }
  if (!parsed.success) return {};
  const ranges = {};
  for (const step of parsed.data.numeric) {
    if (step.type === "boolean") continue;
    ranges[step.name] = { min: step.mean - 3 * step.std, max: step.mean + 3 * step.std, source: "preprocessing" };
  }
  return ranges;
}
function rangesForFeatures(ranges, features) {
  return Object.fromEntries(
    features.filter((f) => (f.type === "number" || f.type === "integer") && Object.hasOwn(ranges, f.name)).map((f) => [f.name, ranges[f.name]])
  );
}
function farOutside(value, range) {
  const width = range.max - range.min > 0 ? range.max - range.min : Math.max(Math.abs(range.max), 1);
  const slack = FAR_OUTSIDE_WIDTHS * width;
  return value < range.min - slack || value > range.max + slack;
}

// src/serve/model-source.ts
var SERVING_SCHEMA_VERSION = 1;
var SERVING_FILE = "serving.json";
var LineageSummarySchema = external_exports.object({
  source_commit: external_exports.string().optional(),
  source_repository: external_exports.string().optional(),
  run_url: external_exports.string().optional(),
  data_fingerprint: external_exports.string().optional(),
  registry_commit: external_exports.string().optional(),
  framework: external_exports.string().optional(),
  trained_at: external_exports.string().optional(),
  metrics: external_exports.record(external_exports.string(), external_exports.number()).optional()
});
var TensorSchema = external_exports.object({ name: external_exports.string(), type: external_exports.string(), shape: external_exports.array(external_exports.union([external_exports.number(), external_exports.string()])) });
var ServingManifestSchema = external_exports.object({
  schema_version: external_exports.literal(SERVING_SCHEMA_VERSION),
  kind: external_exports.literal("mlops/serving-model"),
  name: external_exports.string().min(1),
  version: external_exports.string().min(1),
  model_file: external_exports.string(),
  sha256: external_exports.string().regex(/^[0-9a-f]{64}$/),
  signature: external_exports.object({ inputs: external_exports.array(TensorSchema), outputs: external_exports.array(TensorSchema) }),
  lineage: LineageSummarySchema,
  /** What training saw of each numeric column (see ranges.ts); absent for a model that records neither profile nor preprocessing. */
  feature_ranges: external_exports.record(external_exports.string(), FeatureRangeSchema).optional()
});
async function resolveModelSource(ref, options) {
  if (ref.startsWith("registry:")) {
    if (!options.resolveRegistry)
      throw new MlopsError(`${ref}: this server has no registry access; bake the model in with mlops build-context or pass an .onnx file`);
    const resolved = await options.resolveRegistry(ref, { cwd: options.cwd, env: options.env });
    const bytes2 = await readModel(resolved.modelFile);
    return {
      modelFile: resolved.modelFile,
      manifest: manifestFor(resolved.modelFile, bytes2, {
        name: options.name ?? resolved.name,
        version: options.version ?? resolved.version,
        lineage: summaryFromRegistry(resolved.metadata),
        profile: resolved.profile
      })
    };
  }
  const modelFile = resolve(options.cwd, ref);
  const bytes = await readModel(modelFile);
  const stored = await readSiblingManifest(modelFile);
  if (stored) {
    if (stored.sha256 !== sha256(bytes))
      throw new MlopsError(`${join(dirname(modelFile), SERVING_FILE)}: its sha256 does not match ${basename(modelFile)} (rebuild the context)`);
    const ranges = stored.feature_ranges ?? nonEmpty(rangesFromOnnxMetadata(describeOnnx(bytes, modelFile).metadata));
    return {
      modelFile,
      manifest: { ...stored, name: options.name ?? stored.name, version: options.version ?? stored.version, ...ranges ? { feature_ranges: ranges } : {} }
    };
  }
  const lineage = await readSiblingLineage(modelFile);
  return {
    modelFile,
    manifest: manifestFor(modelFile, bytes, {
      name: options.name ?? basename(modelFile, extname(modelFile)),
      version: options.version ?? `sha-${sha256(bytes).slice(0, 12)}`,
      lineage: lineage ? summaryFromLineage(lineage) : {},
      profile: lineage?.data.profile
    })
  };
}
function manifestFor(file, bytes, fields) {
  const { inputs, outputs, metadata } = describeOnnx(bytes, file);
  const ranges = nonEmpty(fields.profile ? rangesFromProfile(fields.profile) : rangesFromOnnxMetadata(metadata));
  return {
    schema_version: SERVING_SCHEMA_VERSION,
    kind: "mlops/serving-model",
    name: fields.name,
    version: fields.version,
    model_file: basename(file),
    sha256: sha256(bytes),
    signature: { inputs, outputs },
    lineage: fields.lineage,
    ...ranges ? { feature_ranges: ranges } : {}
  };
}
function nonEmpty(ranges) {
  return Object.keys(ranges).length > 0 ? ranges : void 0;
}
function summaryFromLineage(lineage) {
  return compact({
    source_commit: lineage.source.commit,
    source_repository: lineage.source.repository,
    run_url: lineage.source.run_url,
    data_fingerprint: lineage.data.fingerprint,
    framework: lineage.model.framework,
    trained_at: lineage.started_at,
    metrics: Object.keys(lineage.metrics).length > 0 ? lineage.metrics : void 0
  });
}
function summaryFromRegistry(metadata) {
  const object = (v) => typeof v === "object" && v !== null ? v : {};
  const text = (v) => typeof v === "string" && v !== "" ? v : void 0;
  const lineage = object(metadata.lineage);
  const trainedFrom = object(lineage.source);
  const registeredFrom = object(metadata.source);
  const from = (key) => text(trainedFrom[key]) ?? text(registeredFrom[key]);
  const metrics = object(metadata.metrics);
  const numeric = Object.fromEntries(Object.entries(metrics).filter(([, v]) => typeof v === "number"));
  return compact({
    source_commit: from("commit"),
    source_repository: from("repository"),
    run_url: from("run_url"),
    data_fingerprint: text(object(lineage.data).fingerprint) ?? text(object(metadata.data).fingerprint),
    registry_commit: text(metadata.registry_commit),
    framework: text(object(metadata.model).framework),
    trained_at: text(lineage.started_at) ?? text(metadata.created_at),
    metrics: Object.keys(numeric).length > 0 ? numeric : void 0
  });
}
async function readSiblingManifest(modelFile) {
  const file = join(dirname(modelFile), SERVING_FILE);
  if (!existsSync(file)) return void 0;
  const parsed = ServingManifestSchema.safeParse(parseJson(await readText(file), file));
  if (!parsed.success)
    throw new MlopsError(`${file}: not a valid serving manifest (${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message})`);
  return parsed.data.model_file === basename(modelFile) ? parsed.data : void 0;
}
async function readSiblingLineage(modelFile) {
  const file = join(dirname(modelFile), "lineage.json");
  if (!existsSync(file)) return void 0;
  const parsed = LineageSchema.safeParse(parseJson(await readText(file), file));
  if (!parsed.success)
    throw new MlopsError(`${file}: not a valid lineage record (${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message})`);
  return parsed.data;
}
async function readModel(file) {
  try {
    return await readFile(file);
  } catch (err) {
    throw new MlopsError(`${file}: cannot read the model (${errorMessage(err)})`);
  }
}
function parseJson(text, file) {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new MlopsError(`${file}: not valid JSON (${errorMessage(err)})`);
  }
}
function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
function compact(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}

export {
  rangesForFeatures,
  farOutside,
  SERVING_FILE,
  resolveModelSource
};
