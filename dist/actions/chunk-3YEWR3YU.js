import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  ProfileSchema
} from "./chunk-LURG2SKJ.js";
import {
  external_exports
} from "./chunk-ESN2JISM.js";

// src/model/lineage.ts
var LINEAGE_SCHEMA_VERSION = 1;
var LineageSchema = external_exports.object({
  schema_version: external_exports.literal(LINEAGE_SCHEMA_VERSION),
  kind: external_exports.literal("mlops/lineage"),
  model: external_exports.object({
    file: external_exports.string(),
    sha256: external_exports.string().regex(/^[0-9a-f]{64}$/),
    size_bytes: external_exports.number().int().nonnegative(),
    format: external_exports.literal("onnx"),
    framework: external_exports.string(),
    task: external_exports.enum(["classification", "regression"]).optional(),
    target: external_exports.string().optional(),
    signature: external_exports.object({
      inputs: external_exports.array(external_exports.object({ name: external_exports.string(), type: external_exports.string(), shape: external_exports.array(external_exports.union([external_exports.number(), external_exports.string()])) })),
      outputs: external_exports.array(external_exports.object({ name: external_exports.string(), type: external_exports.string(), shape: external_exports.array(external_exports.union([external_exports.number(), external_exports.string()])) }))
    })
  }),
  params: external_exports.record(external_exports.string(), external_exports.unknown()),
  metrics: external_exports.record(external_exports.string(), external_exports.number()),
  data: external_exports.object({
    /** sha256 over the training files' bytes, in order: "sha256:<hex>". */
    fingerprint: external_exports.string(),
    files: external_exports.array(external_exports.object({ path: external_exports.string(), sha256: external_exports.string(), bytes: external_exports.number().int().nonnegative() })),
    rows: external_exports.number().int().nonnegative(),
    profile: ProfileSchema.optional()
  }),
  source: external_exports.object({
    commit: external_exports.string().optional(),
    ref: external_exports.string().optional(),
    repository: external_exports.string().optional(),
    run_id: external_exports.string().optional(),
    run_url: external_exports.string().optional(),
    actor: external_exports.string().optional(),
    workflow: external_exports.string().optional()
  }),
  environment: external_exports.object({
    runner_name: external_exports.string().optional(),
    runner_labels: external_exports.array(external_exports.string()).optional(),
    os: external_exports.string(),
    arch: external_exports.string(),
    cpus: external_exports.number().int(),
    memory_bytes: external_exports.number(),
    gpu: external_exports.array(external_exports.object({ name: external_exports.string(), memory_total: external_exports.string(), driver_version: external_exports.string() })).optional(),
    node: external_exports.string(),
    packages: external_exports.record(external_exports.string(), external_exports.string()),
    backend: external_exports.string().optional()
  }),
  /** How the training process ran (command trainer; the built-in one records its duration only). */
  run: external_exports.object({
    command: external_exports.string().optional(),
    exit_code: external_exports.number().int().optional(),
    peak_memory_bytes: external_exports.number().nonnegative().optional()
  }).optional(),
  seed: external_exports.number().int().optional(),
  started_at: external_exports.string(),
  duration_s: external_exports.number().nonnegative()
});

export {
  LINEAGE_SCHEMA_VERSION,
  LineageSchema
};
