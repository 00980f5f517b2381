import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  LineageSchema
} from "./cli-chunk-YG4M7DUM.js";
import {
  parseProfile
} from "./cli-chunk-JNBVIIAF.js";
import {
  external_exports
} from "./cli-chunk-432HCV4T.js";
import {
  COMMITTER,
  markerRef
} from "./cli-chunk-PPRUUPOP.js";
import {
  code,
  formatNumber,
  table
} from "./cli-chunk-5E2F2P2C.js";
import {
  fileError,
  readText,
  writeText
} from "./cli-chunk-U747DRGX.js";
import {
  basicAuth
} from "./cli-chunk-SRRUYVY4.js";
import {
  MlopsError
} from "./cli-chunk-2PNEBECJ.js";

// src/registry/format.ts
var REGISTRY_SCHEMA_VERSION = 1;
var DEFAULT_BRANCH = "mlops-registry";
var DEFAULT_STAGES = ["staging", "production", "archived"];
var DEFAULT_MAX_INLINE_BYTES = 50 * 1024 * 1024;
var EVENTS_PER_SHARD = 100;
var MODEL_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
var STAGE_NAME = /^[a-z][a-z0-9-]{0,31}$/;
var Sha256 = external_exports.string().regex(/^[0-9a-f]{64}$/);
var RegistryConfigSchema = external_exports.object({
  schema_version: external_exports.literal(REGISTRY_SCHEMA_VERSION),
  kind: external_exports.literal("mlops/registry"),
  stages: external_exports.array(external_exports.string().regex(STAGE_NAME)).min(1),
  created_at: external_exports.string()
});
var StagePointerSchema = external_exports.object({
  version: external_exports.number().int().positive(),
  since: external_exports.string(),
  /** Earlier holders, oldest first; rollback pops the last one. */
  history: external_exports.array(external_exports.number().int().positive())
});
var ModelIndexSchema = external_exports.object({
  schema_version: external_exports.literal(REGISTRY_SCHEMA_VERSION),
  kind: external_exports.literal("mlops/registry-index"),
  name: external_exports.string().regex(MODEL_NAME),
  latest_version: external_exports.number().int().nonnegative(),
  events: external_exports.number().int().nonnegative(),
  stages: external_exports.record(external_exports.string(), StagePointerSchema),
  deprecated: external_exports.record(external_exports.string(), external_exports.object({ at: external_exports.string(), actor: external_exports.string(), reason: external_exports.string().optional() })),
  /** Container images built from a version (`mlops registry annotate`), newest last. */
  images: external_exports.record(external_exports.string(), external_exports.array(external_exports.object({ image: external_exports.string(), digest: external_exports.string().regex(/^sha256:[0-9a-f]{64}$/), at: external_exports.string(), actor: external_exports.string() }))).optional()
});
var TensorSchema = external_exports.object({ name: external_exports.string(), type: external_exports.string(), shape: external_exports.array(external_exports.union([external_exports.number(), external_exports.string()])) });
var ModelStorageSchema = external_exports.discriminatedUnion("kind", [
  /** The model file lives next to metadata.json in the version folder. */
  external_exports.object({ kind: external_exports.literal("inline"), path: external_exports.string() }),
  /** Too big for the branch: a release asset, Actions artifact or LFS URL, checked by sha256 on get. */
  external_exports.object({ kind: external_exports.literal("pointer"), url: external_exports.string() })
]);
var SourceSchema = LineageSchema.shape.source;
var StoredLineageSchema = LineageSchema.extend({
  data: LineageSchema.shape.data.omit({ profile: true })
});
var VersionMetadataSchema = external_exports.object({
  schema_version: external_exports.literal(REGISTRY_SCHEMA_VERSION),
  kind: external_exports.literal("mlops/registry-version"),
  name: external_exports.string().regex(MODEL_NAME),
  version: external_exports.number().int().positive(),
  created_at: external_exports.string(),
  actor: external_exports.string(),
  description: external_exports.string().optional(),
  limitations: external_exports.string().optional(),
  model: external_exports.object({
    file: external_exports.string(),
    sha256: Sha256,
    size_bytes: external_exports.number().int().nonnegative(),
    format: external_exports.string(),
    framework: external_exports.string().optional(),
    signature: external_exports.object({ inputs: external_exports.array(TensorSchema), outputs: external_exports.array(TensorSchema) }).optional(),
    storage: ModelStorageSchema
  }),
  source: SourceSchema,
  params: external_exports.record(external_exports.string(), external_exports.unknown()),
  metrics: external_exports.record(external_exports.string(), external_exports.number()),
  data: external_exports.object({
    fingerprint: external_exports.string().optional(),
    rows: external_exports.number().int().nonnegative().optional(),
    profile: external_exports.string().optional()
  }),
  lineage: StoredLineageSchema.optional(),
  card: external_exports.string()
});
var EVENT_TYPES = ["register", "promote", "rollback", "deprecate", "image"];
var EventSchema = external_exports.object({
  schema_version: external_exports.literal(REGISTRY_SCHEMA_VERSION),
  kind: external_exports.literal("mlops/registry-event"),
  seq: external_exports.number().int().positive(),
  type: external_exports.enum(EVENT_TYPES),
  name: external_exports.string(),
  version: external_exports.number().int().positive(),
  stage: external_exports.string().optional(),
  /** The version that held the stage before this event, if any. */
  previous: external_exports.number().int().positive().optional(),
  at: external_exports.string(),
  actor: external_exports.string(),
  reason: external_exports.string().optional(),
  /** For `image` events: the image reference with its digest (name@sha256:…). */
  image: external_exports.string().optional(),
  run_id: external_exports.string().optional(),
  run_url: external_exports.string().optional()
});
var paths = {
  config: "registry.json",
  modelsDir: "models",
  modelDir: (name) => `models/${name}`,
  index: (name) => `models/${name}/index.json`,
  versionsDir: (name) => `models/${name}/versions`,
  versionDir: (name, version) => `models/${name}/versions/${version}`,
  metadata: (name, version) => `models/${name}/versions/${version}/metadata.json`,
  eventsDir: (name) => `models/${name}/events`,
  eventShard: (name, seq) => `models/${name}/events/${String(Math.floor((seq - 1) / EVENTS_PER_SHARD)).padStart(6, "0")}.jsonl`
};
function parseStored(schema, text, where) {
  let json2;
  try {
    json2 = JSON.parse(text);
  } catch (err) {
    throw new MlopsError(`${where}: corrupt registry file, not valid JSON (${err.message})`);
  }
  const version = json2?.schema_version;
  if (typeof version === "number" && version > REGISTRY_SCHEMA_VERSION) {
    throw new MlopsError(`${where}: registry schema_version ${version} is newer than this mlops supports (${REGISTRY_SCHEMA_VERSION}); upgrade mlops`);
  }
  const result = schema.safeParse(json2);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MlopsError(`${where}: corrupt registry file: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data;
}
function parseEvents(text, where) {
  return text.split("\n").map((line, i) => ({ line, i })).filter(({ line }) => line.trim() !== "").map(({ line, i }) => parseStored(EventSchema, line, `${where} line ${i + 1}`));
}
function stringify(value) {
  return JSON.stringify(value, null, 2) + "\n";
}
function versionLabel(version) {
  return `v${version}`;
}

// src/registry/refs.ts
function parseModelRef(text) {
  const match = /^([^@#]+)(?:@v?(\d+)|#(.+))?$/.exec(text.trim());
  if (!match) throw new MlopsError(`"${text}" is not a model reference: use NAME, NAME@vN or NAME#STAGE`);
  const [, name, version, stage] = match;
  checkName(name);
  if (version !== void 0) {
    const n = Number(version);
    if (!Number.isSafeInteger(n) || n < 1) throw new MlopsError(`"${text}": versions are v1, v2, ...`);
    return { name, version: n };
  }
  if (stage !== void 0) {
    if (!STAGE_NAME.test(stage)) throw new MlopsError(`"${text}": "${stage}" is not a stage name (lowercase letters, digits, dashes)`);
    return { name, stage };
  }
  return { name };
}
function parseVersion(text) {
  const match = /^v?(\d+)$/.exec(text.trim());
  const n = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new MlopsError(`"${text}" is not a version: use v1, v2, ... (or 1, 2, ...)`);
  return n;
}
function checkName(name) {
  if (!MODEL_NAME.test(name)) {
    throw new MlopsError(`"${name}" is not a model name: lowercase letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters`);
  }
  return name;
}

// src/registry/operations.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";

// src/registry/card.ts
var NOT_STATED = "_Not stated._";
function modelCard(meta, profile) {
  const sections = [`# ${meta.name} ${versionLabel(meta.version)}`, "", `Registered ${meta.created_at} by ${meta.actor}.`, ""];
  sections.push("## Intended use", "", meta.description ?? `${NOT_STATED} Register with \`--description\` to say what this model is for.`, "");
  const m = meta.model;
  const rows = [
    ["file", code(m.file)],
    ["format", m.format],
    ...m.framework ? [["framework", m.framework]] : [],
    ["size", `${formatNumber(m.size_bytes)} bytes`],
    ["sha256", code(m.sha256)],
    ["stored", m.storage.kind === "inline" ? "in the registry branch" : `at ${m.storage.url}`]
  ];
  sections.push("## Model", "", table(["", ""], rows), "");
  if (m.signature) {
    const sig = [...m.signature.inputs.map((t) => ["input", t.name, t.type, `[${t.shape.join(", ")}]`]), ...m.signature.outputs.map((t) => ["output", t.name, t.type, `[${t.shape.join(", ")}]`])];
    sections.push(table(["", "tensor", "type", "shape"], sig), "");
  }
  sections.push("## Training data", "");
  const data = [];
  if (meta.data.fingerprint) data.push(["fingerprint", code(meta.data.fingerprint)]);
  if (meta.data.rows !== void 0) data.push(["rows", meta.data.rows]);
  for (const f of meta.lineage?.data.files ?? []) data.push([`file ${code(f.path)}`, `${formatNumber(f.bytes)} bytes, sha256 ${code(f.sha256.slice(0, 12))}`]);
  sections.push(data.length ? table(["", ""], data) : NOT_STATED, "");
  if (profile) {
    sections.push(
      table(
        ["column", "type", "nulls", "distinct", "mean", "std"],
        profile.columns.map((c) => [c.name, c.type, c.nulls, c.distinct.value, c.numeric?.mean, c.numeric?.std]),
        ["l", "l", "r", "r", "r", "r"]
      ),
      ""
    );
  }
  sections.push("## Metrics", "");
  const metrics = Object.entries(meta.metrics);
  sections.push(metrics.length ? table(["metric", "value"], metrics, ["l", "r"]) : NOT_STATED, "");
  const params = Object.entries(meta.params);
  if (params.length) sections.push("## Parameters", "", table(["parameter", "value"], params.map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])), "");
  sections.push("## Lineage", "");
  const s = meta.source;
  const lineage = [];
  if (s.repository) lineage.push(["repository", s.repository]);
  if (s.commit) lineage.push(["commit", code(s.commit)]);
  if (s.ref) lineage.push(["ref", s.ref]);
  if (s.workflow) lineage.push(["workflow", s.workflow]);
  if (s.run_url ?? s.run_id) lineage.push(["run", s.run_url ?? s.run_id ?? ""]);
  if (s.actor) lineage.push(["actor", s.actor]);
  const env = meta.lineage?.environment;
  if (env) {
    lineage.push(["environment", `${env.os}/${env.arch}, ${env.cpus} CPUs, node ${env.node}${env.backend ? `, ${env.backend}` : ""}`]);
    if (env.gpu?.length) lineage.push(["gpu", env.gpu.map((g) => g.name).join(", ")]);
  }
  if (meta.lineage) lineage.push(["trained", `${meta.lineage.started_at} in ${formatNumber(meta.lineage.duration_s)} s${meta.lineage.seed !== void 0 ? `, seed ${meta.lineage.seed}` : ""}`]);
  sections.push(lineage.length ? table(["", ""], lineage) : NOT_STATED, "");
  sections.push("## Limitations", "", meta.limitations ?? `${NOT_STATED} Register with \`--limitations\` to record known weaknesses and out-of-scope uses.`, "");
  return sections.join("\n");
}

// src/registry/transaction.ts
var DEFAULT_RETRY = {
  attempts: 60,
  baseMs: 100,
  maxMs: 8e3,
  spanAttempts: 16,
  jitterFloor: 0.25,
  random: Math.random,
  sleep: (ms) => new Promise((resolve3) => setTimeout(resolve3, ms)),
  clock: () => performance.now()
};
async function mutate(store, plan, options) {
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  let lastReason = "";
  const timing = { snapshot_ms: 0, plan_ms: 0, commit_ms: 0, wait_ms: 0 };
  const clock = policy.clock;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const started = clock();
    const snapshot = await store.snapshot();
    const read = clock();
    const now = options.now();
    const mutation = await plan(snapshot, now);
    const planned = clock();
    const outcome = await store.commit(snapshot, { message: mutation.message, changes: mutation.changes, tags: mutation.tags, date: now });
    const ended = clock();
    timing.snapshot_ms += read - started;
    timing.plan_ms += planned - read;
    timing.commit_ms += ended - planned;
    if (outcome.ok) return { result: mutation.result, commit: outcome.commit, tree: outcome.tree, attempts: attempt, timing };
    lastReason = outcome.reason;
    const unit = Math.max(policy.baseMs, ended - started);
    const window = Math.min(Math.max(policy.maxMs, unit * policy.spanAttempts), unit * 2 ** Math.min(attempt, 16));
    const wait = window * (policy.jitterFloor + (1 - policy.jitterFloor) * policy.random());
    await policy.sleep(wait);
    timing.wait_ms += wait;
  }
  throw new MlopsError(`${store.description}: gave up after ${policy.attempts} attempts, the registry branch kept moving (${lastReason})`);
}

// src/registry/operations.ts
async function readConfig(snapshot) {
  const bytes = await snapshot.readFile(paths.config);
  return bytes ? parseStored(RegistryConfigSchema, bytes.toString(), paths.config) : null;
}
async function readIndex(snapshot, name) {
  const bytes = await snapshot.readFile(paths.index(name));
  return bytes ? parseStored(ModelIndexSchema, bytes.toString(), paths.index(name)) : null;
}
async function requireIndex(snapshot, name) {
  const index = await readIndex(snapshot, checkName(name));
  if (index) return index;
  const known = await snapshot.listDir(paths.modelsDir);
  throw new MlopsError(`no model named "${name}" in the registry${known.length ? ` (models: ${known.join(", ")})` : ""}`);
}
async function readMetadata(snapshot, name, version) {
  const file = paths.metadata(name, version);
  const bytes = await snapshot.readFile(file);
  if (!bytes) throw new MlopsError(`${file}: missing: ${name} ${versionLabel(version)} is not in the registry (run mlops registry check)`);
  return parseStored(VersionMetadataSchema, bytes.toString(), file);
}
async function checkStage(snapshot, stage) {
  checkStageIn(await readConfig(snapshot), stage);
}
function checkStageIn(config, stage) {
  const stages = config?.stages ?? DEFAULT_STAGES;
  if (!stages.includes(stage)) throw new MlopsError(`unknown stage "${stage}": this registry has stages ${stages.join(", ")}`);
}
async function resolveVersion(snapshot, ref) {
  const index = await requireIndex(snapshot, ref.name);
  if (ref.version !== void 0) {
    if (ref.version > index.latest_version) throw new MlopsError(`${ref.name} ${versionLabel(ref.version)} does not exist (latest is ${versionLabel(index.latest_version)})`);
    return ref.version;
  }
  if (ref.stage !== void 0) {
    await checkStage(snapshot, ref.stage);
    const pointer = index.stages[ref.stage];
    if (!pointer) throw new MlopsError(`no version of ${ref.name} is in stage ${ref.stage}`);
    return pointer.version;
  }
  if (index.latest_version === 0) throw new MlopsError(`${ref.name} has no versions`);
  return index.latest_version;
}
async function absentReason(snapshot, ref) {
  checkName(ref.name);
  if (ref.version === void 0 && ref.stage !== void 0) await checkStage(snapshot, ref.stage);
  if (snapshot.commit === null) return "the registry branch does not exist yet";
  const index = await readIndex(snapshot, ref.name);
  if (!index) return `no model named "${ref.name}" in the registry yet`;
  if (ref.version === void 0 && ref.stage !== void 0 && !index.stages[ref.stage]) return `no version of ${ref.name} is in stage ${ref.stage} yet`;
  if (ref.version === void 0 && ref.stage === void 0 && index.latest_version === 0) return `${ref.name} has no versions yet`;
  return null;
}
function stagesHeld(index, version) {
  return Object.entries(index.stages).filter(([, p]) => p.version === version).map(([s]) => s).sort();
}
var corrupt = (file, what) => new MlopsError(`${file}: ${what}: the registry branch is corrupt (run mlops registry check)`);
async function readForWrite(snapshot, name, options) {
  const [configBytes, indexBytes] = await snapshot.readFiles([paths.config, paths.index(name)]);
  const config = configBytes ? parseStored(RegistryConfigSchema, configBytes.toString(), paths.config) : null;
  if (!config && indexBytes) throw corrupt(paths.config, `missing, but ${paths.index(name)} exists`);
  let index;
  if (indexBytes) index = parseStored(ModelIndexSchema, indexBytes.toString(), paths.index(name));
  else if (options.create) index = emptyIndex(name);
  else index = await requireIndex(snapshot, name);
  if (index.name !== name) throw corrupt(paths.index(name), `names model "${index.name}"`);
  for (const [stage, pointer] of Object.entries(index.stages)) {
    if (pointer.version > index.latest_version) throw corrupt(paths.index(name), `stage ${stage} points at ${versionLabel(pointer.version)}, beyond latest_version ${index.latest_version}`);
    const beyond = pointer.history.find((v) => v > index.latest_version);
    if (beyond !== void 0) throw corrupt(paths.index(name), `stage ${stage} history holds ${versionLabel(beyond)}, beyond latest_version ${index.latest_version}`);
  }
  const shards = await checkEventCount(snapshot, index);
  await checkHighWater(snapshot, index);
  return { config, index, shards };
}
async function checkEventCount(snapshot, index) {
  const last = index.events > 0 ? paths.eventShard(index.name, index.events) : null;
  const next = paths.eventShard(index.name, index.events + 1);
  const files = [...new Set([last, next].filter((f) => f !== null))];
  const bytes = await snapshot.readFiles(files);
  const shards = new Map(files.map((f, i) => [f, bytes[i]]));
  const count = (file) => parseEvents(shards.get(file)?.toString() ?? "", file);
  if (last) {
    const events = count(last);
    const first = index.events - (index.events - 1) % EVENTS_PER_SHARD;
    const expected = Array.from({ length: index.events - first + 1 }, (_, i) => first + i);
    if (events.length !== expected.length || events.some((e, i) => e.seq !== expected[i])) {
      throw corrupt(last, `${first - 1 + events.length} events but ${paths.index(index.name)} counts ${index.events}`);
    }
  }
  if (next !== last && count(next).length > 0) throw corrupt(next, `${index.events + count(next).length} events but ${paths.index(index.name)} counts ${index.events}`);
  return shards;
}
async function checkHighWater(snapshot, index) {
  const high = await snapshot.highWater();
  if (!high) return;
  const bytes = await high.readFile(paths.index(index.name));
  if (!bytes) return;
  const seen = parseStored(ModelIndexSchema, bytes.toString(), `${paths.index(index.name)} at the last registry write ${high.commit}`);
  if (seen.latest_version > index.latest_version || seen.events > index.events) {
    throw new MlopsError(
      `${paths.index(index.name)}: the registry branch was rewound: the last registry write (${high.commit?.slice(0, 12)}) had ${index.name} ${versionLabel(seen.latest_version)} and ${seen.events} events, the branch has ${versionLabel(index.latest_version)} and ${index.events}; writing now would issue a version number twice. Restore the branch to ${high.commit} (git push REMOTE ${high.commit}:refs/heads/BRANCH) and retry`
    );
  }
}
async function presentVersion(snapshot, index, version) {
  if (version > index.latest_version) throw new MlopsError(`${index.name} ${versionLabel(version)} does not exist (latest is ${versionLabel(index.latest_version)})`);
  await readMetadata(snapshot, index.name, version);
}
async function liveVersion(snapshot, index, version, verb) {
  await presentVersion(snapshot, index, version);
  if (index.deprecated[String(version)]) throw new MlopsError(`${index.name} ${versionLabel(version)} is deprecated and cannot be ${verb}`);
}
var json = (path, value) => ({ path, content: Buffer.from(stringify(value)) });
function emptyIndex(name) {
  return { schema_version: REGISTRY_SCHEMA_VERSION, kind: "mlops/registry-index", name, latest_version: 0, events: 0, stages: {}, deprecated: {} };
}
async function appendEvents(snapshot, events, known) {
  const byShard = /* @__PURE__ */ new Map();
  for (const e of events) {
    const shard = paths.eventShard(e.name, e.seq);
    byShard.set(shard, [...byShard.get(shard) ?? [], e]);
  }
  const changes = [];
  for (const [shard, list] of byShard) {
    const existing = (known.has(shard) ? known.get(shard) : await snapshot.readFile(shard)) ?? Buffer.alloc(0);
    parseEvents(existing.toString(), shard);
    const lines = list.map((e) => JSON.stringify(EventSchema.parse(e)) + "\n").join("");
    changes.push({ path: shard, content: Buffer.concat([existing, Buffer.from(lines)]) });
  }
  return changes;
}
function event(ctx, now, fields) {
  return {
    schema_version: REGISTRY_SCHEMA_VERSION,
    kind: "mlops/registry-event",
    at: now.toISOString(),
    actor: ctx.actor,
    ...ctx.run.id ? { run_id: ctx.run.id } : {},
    ...ctx.run.url ? { run_url: ctx.run.url } : {},
    ...fields
  };
}
function configChanges(now) {
  const config = { schema_version: REGISTRY_SCHEMA_VERSION, kind: "mlops/registry", stages: [...DEFAULT_STAGES], created_at: now.toISOString() };
  return [json(paths.config, config)];
}
function assignStage(index, stage, version, now) {
  const current = index.stages[stage];
  index.stages[stage] = {
    version,
    since: now.toISOString(),
    history: current ? [...current.history, current.version] : []
  };
  return current?.version;
}
function stageTag(name, stage, seq, version, reason) {
  return { name: `${name}#${stage}#${seq}`, message: `${name} ${versionLabel(version)} to ${stage}${reason ? `: ${reason}` : ""}` };
}
async function sha256File(file) {
  let size;
  try {
    size = (await stat(file)).size;
  } catch (err) {
    throw fileError(file, err);
  }
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return { sha256: hash.digest("hex"), size };
}
async function register(ctx, input) {
  const name = checkName(input.name);
  const { sha256, size } = await sha256File(input.modelFile);
  if (input.lineage && input.lineage.model.sha256 !== sha256) {
    throw new MlopsError(`${input.modelFile}: sha256 ${sha256.slice(0, 12)}\u2026 does not match the lineage's model (${input.lineage.model.sha256.slice(0, 12)}\u2026); register the model the lineage describes`);
  }
  const inline = size <= input.maxInlineBytes;
  if (!inline && !input.modelUrl) {
    throw new MlopsError(
      `${input.modelFile} is ${(size / 1048576).toFixed(1)} MB, over the ${(input.maxInlineBytes / 1048576).toFixed(0)} MB limit for storing models in the branch: upload it (release asset, Actions artifact, LFS) and pass its URL with --model-url`
    );
  }
  const modelBytes = inline ? await readModel(input.modelFile) : void 0;
  const ext = extname(input.modelFile) || ".bin";
  const storedName = `model${ext}`;
  const lineage = input.lineage;
  const storedLineage = lineage ? { ...lineage, data: { fingerprint: lineage.data.fingerprint, files: lineage.data.files, rows: lineage.data.rows } } : void 0;
  const profile = input.profile ?? lineage?.data.profile;
  return mutate(
    ctx.store,
    async (snapshot, now) => {
      const { config, index, shards } = await readForWrite(snapshot, name, { create: true });
      if (input.stage) checkStageIn(config, input.stage);
      const version = index.latest_version + 1;
      const dir = paths.versionDir(name, version);
      if ((await snapshot.listDir(dir)).length > 0) {
        throw new MlopsError(`${dir}: already exists, but ${paths.index(name)} has latest_version ${index.latest_version}: refusing to overwrite ${name} ${versionLabel(version)} (run mlops registry check)`);
      }
      const meta = {
        schema_version: REGISTRY_SCHEMA_VERSION,
        kind: "mlops/registry-version",
        name,
        version,
        created_at: now.toISOString(),
        actor: ctx.actor,
        ...input.description ? { description: input.description } : {},
        ...input.limitations ? { limitations: input.limitations } : {},
        model: {
          file: basename(input.modelFile),
          sha256,
          size_bytes: size,
          format: lineage?.model.format ?? (ext.slice(1) || "binary"),
          ...input.framework ?? lineage?.model.framework ? { framework: input.framework ?? lineage?.model.framework } : {},
          ...lineage ? { signature: lineage.model.signature } : {},
          storage: inline ? { kind: "inline", path: storedName } : { kind: "pointer", url: input.modelUrl }
        },
        source: { ...lineage?.source, ...dropUndefined(input.source) },
        params: { ...lineage?.params, ...input.params },
        metrics: { ...lineage?.metrics, ...input.metrics },
        data: {
          ...lineage ? { fingerprint: lineage.data.fingerprint, rows: lineage.data.rows } : profile ? { rows: profile.rows } : {},
          ...profile ? { profile: "profile.json" } : {}
        },
        ...storedLineage ? { lineage: storedLineage } : {},
        card: "MODEL_CARD.md"
      };
      VersionMetadataSchema.parse(meta);
      const events = [event(ctx, now, { seq: index.events + 1, type: "register", name, version })];
      const tags = [{ name: `${name}@${versionLabel(version)}`, message: `registry: register ${name} ${versionLabel(version)}` }];
      index.latest_version = version;
      if (input.stage) {
        const previous = assignStage(index, input.stage, version, now);
        events.push(event(ctx, now, { seq: index.events + 2, type: "promote", name, version, stage: input.stage, ...previous ? { previous } : {}, ...input.reason ? { reason: input.reason } : {} }));
        tags.push(stageTag(name, input.stage, index.events + 2, version, input.reason));
      }
      index.events += events.length;
      const changes = [
        ...config ? [] : configChanges(now),
        json(`${dir}/metadata.json`, meta),
        { path: `${dir}/MODEL_CARD.md`, content: Buffer.from(modelCard(meta, profile)) },
        ...modelBytes ? [{ path: `${dir}/${storedName}`, content: modelBytes }] : [],
        ...profile ? [json(`${dir}/profile.json`, profile)] : [],
        ...await appendEvents(snapshot, events, shards),
        json(paths.index(name), index)
      ];
      const label = `${name} ${versionLabel(version)}`;
      return {
        message: `registry: register ${label}${input.stage ? ` to ${input.stage}` : ""}

${trailers(ctx, input.reason)}`,
        changes,
        tags: ctx.tags ? tags : [],
        result: { name, version, sha256, ...input.stage ? { stage: input.stage } : {} }
      };
    },
    { now: ctx.now, retry: ctx.retry }
  );
}
async function readModel(file) {
  try {
    return await readFile(file);
  } catch (err) {
    throw fileError(file, err);
  }
}
function dropUndefined(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0 && v !== ""));
}
function trailers(ctx, reason) {
  return [`Actor: ${ctx.actor}`, ...ctx.run.url ? [`Run: ${ctx.run.url}`] : ctx.run.id ? [`Run: ${ctx.run.id}`] : [], ...reason ? [`Reason: ${reason.replace(/\n/g, " ")}`] : []].join("\n") + "\n";
}
async function promote(ctx, ref, stage, reason) {
  const name = checkName(ref.name);
  return mutate(
    ctx.store,
    async (snapshot, now) => {
      const { config, index, shards } = await readForWrite(snapshot, name, { create: false });
      checkStageIn(config, stage);
      const version = ref.version;
      await liveVersion(snapshot, index, version, "promoted");
      if (index.stages[stage]?.version === version) throw new MlopsError(`${name} ${versionLabel(version)} already holds ${stage}`);
      const previous = assignStage(index, stage, version, now);
      const seq = ++index.events;
      const e = event(ctx, now, { seq, type: "promote", name, version, stage, ...previous ? { previous } : {}, ...reason ? { reason } : {} });
      return {
        message: `registry: promote ${name} ${versionLabel(version)} to ${stage}

${trailers(ctx, reason)}`,
        changes: [...await appendEvents(snapshot, [e], shards), json(paths.index(name), index)],
        tags: ctx.tags ? [stageTag(name, stage, seq, version, reason)] : [],
        result: { name, version, stage, ...previous ? { previous } : {}, seq }
      };
    },
    { now: ctx.now, retry: ctx.retry }
  );
}
async function rollback(ctx, name, stage, reason) {
  checkName(name);
  return mutate(
    ctx.store,
    async (snapshot, now) => {
      const { config, index, shards } = await readForWrite(snapshot, name, { create: false });
      checkStageIn(config, stage);
      const pointer = index.stages[stage];
      if (!pointer) throw new MlopsError(`no version of ${name} is in stage ${stage}, nothing to roll back`);
      const history = [...pointer.history];
      let target;
      while (history.length > 0) {
        const candidate = history.pop();
        if (!index.deprecated[String(candidate)] && candidate !== pointer.version) {
          target = candidate;
          break;
        }
      }
      if (target === void 0) throw new MlopsError(`${name} ${stage} has no earlier holder to roll back to (it is ${versionLabel(pointer.version)})`);
      await liveVersion(snapshot, index, target, "rolled back to");
      index.stages[stage] = { version: target, since: now.toISOString(), history };
      const seq = ++index.events;
      const e = event(ctx, now, { seq, type: "rollback", name, version: target, stage, previous: pointer.version, ...reason ? { reason } : {} });
      return {
        message: `registry: rollback ${name} ${stage} to ${versionLabel(target)}

${trailers(ctx, reason)}`,
        changes: [...await appendEvents(snapshot, [e], shards), json(paths.index(name), index)],
        tags: ctx.tags ? [stageTag(name, stage, seq, target, reason ?? `rollback from ${versionLabel(pointer.version)}`)] : [],
        result: { name, version: target, stage, previous: pointer.version, seq }
      };
    },
    { now: ctx.now, retry: ctx.retry }
  );
}
async function deprecate(ctx, ref, reason) {
  const name = checkName(ref.name);
  return mutate(
    ctx.store,
    async (snapshot, now) => {
      const { index, shards } = await readForWrite(snapshot, name, { create: false });
      const version = ref.version;
      await presentVersion(snapshot, index, version);
      if (index.deprecated[String(version)]) throw new MlopsError(`${name} ${versionLabel(version)} is already deprecated`);
      const held = stagesHeld(index, version);
      if (held.length) throw new MlopsError(`${name} ${versionLabel(version)} holds ${held.join(", ")}: promote another version or roll back first`);
      index.deprecated[String(version)] = { at: now.toISOString(), actor: ctx.actor, ...reason ? { reason } : {} };
      const seq = ++index.events;
      const e = event(ctx, now, { seq, type: "deprecate", name, version, ...reason ? { reason } : {} });
      return {
        message: `registry: deprecate ${name} ${versionLabel(version)}

${trailers(ctx, reason)}`,
        changes: [...await appendEvents(snapshot, [e], shards), json(paths.index(name), index)],
        tags: ctx.tags ? [{ name: `${name}@${versionLabel(version)}!#${seq}`, message: `deprecate ${name} ${versionLabel(version)}${reason ? `: ${reason}` : ""}` }] : [],
        result: { name, version, seq }
      };
    },
    { now: ctx.now, retry: ctx.retry }
  );
}
async function annotateImage(ctx, ref, image) {
  const name = checkName(ref.name);
  if (!/^sha256:[0-9a-f]{64}$/.test(image.digest)) throw new MlopsError(`image digest must look like sha256:<64 hex digits> (got "${image.digest}")`);
  return mutate(
    ctx.store,
    async (snapshot, now) => {
      const { index, shards } = await readForWrite(snapshot, name, { create: false });
      const version = ref.version;
      await presentVersion(snapshot, index, version);
      const images = index.images ??= {};
      (images[String(version)] ??= []).push({ image: image.image, digest: image.digest, at: now.toISOString(), actor: ctx.actor });
      const seq = ++index.events;
      const e = event(ctx, now, { seq, type: "image", name, version, image: `${image.image}@${image.digest}` });
      return {
        message: `registry: image ${name} ${versionLabel(version)} ${image.image}@${image.digest}

${trailers(ctx)}`,
        changes: [...await appendEvents(snapshot, [e], shards), json(paths.index(name), index)],
        tags: [],
        result: { name, version, seq }
      };
    },
    { now: ctx.now, retry: ctx.retry }
  );
}
async function listModels(snapshot) {
  const names = await snapshot.listDir(paths.modelsDir);
  const files = await snapshot.readFiles(names.map((n) => paths.index(n)));
  return names.map((name, i) => {
    if (!files[i]) throw new MlopsError(`${paths.index(name)}: missing: the registry branch is corrupt`);
    return summarize(parseStored(ModelIndexSchema, files[i].toString(), paths.index(name)));
  });
}
function summarize(index) {
  return {
    name: index.name,
    latest_version: index.latest_version,
    stages: Object.fromEntries(Object.entries(index.stages).map(([s, p]) => [s, p.version])),
    deprecated: Object.keys(index.deprecated).map(Number).sort((a, b) => a - b)
  };
}
async function listVersions(snapshot, name) {
  const index = await requireIndex(snapshot, name);
  const versions = Array.from({ length: index.latest_version }, (_, i) => i + 1);
  const files = await snapshot.readFiles(versions.map((v) => paths.metadata(name, v)));
  return versions.map((v, i) => {
    const file = paths.metadata(name, v);
    if (!files[i]) throw new MlopsError(`${file}: missing: the registry branch is corrupt`);
    const meta = parseStored(VersionMetadataSchema, files[i].toString(), file);
    return {
      version: v,
      created_at: meta.created_at,
      actor: meta.actor,
      sha256: meta.model.sha256,
      size_bytes: meta.model.size_bytes,
      stages: stagesHeld(index, v),
      deprecated: Boolean(index.deprecated[String(v)]),
      metrics: meta.metrics,
      ...meta.source.commit ? { commit: meta.source.commit } : {}
    };
  });
}
async function showVersion(snapshot, ref) {
  const version = await resolveVersion(snapshot, ref);
  const index = await readIndex(snapshot, ref.name);
  const metadata = await readMetadata(snapshot, ref.name, version);
  const card = (await snapshot.readFile(`${paths.versionDir(ref.name, version)}/${metadata.card}`))?.toString() ?? "";
  return { metadata, stages: stagesHeld(index, version), deprecated: index.deprecated[String(version)] ?? null, images: index.images?.[String(version)] ?? [], card };
}
async function readHistory(snapshot, name) {
  const index = await requireIndex(snapshot, name);
  const shards = (await snapshot.listDir(paths.eventsDir(name))).map((s) => `${paths.eventsDir(name)}/${s}`);
  const files = await snapshot.readFiles(shards);
  const events = shards.flatMap((shard, i) => parseEvents(files[i]?.toString() ?? "", shard));
  if (events.length !== index.events) throw new MlopsError(`${paths.eventsDir(name)}: ${events.length} events but the index counts ${index.events}: the audit log is corrupt`);
  return events;
}
async function readProfile(snapshot, meta) {
  if (!meta.data.profile) return void 0;
  const file = `${paths.versionDir(meta.name, meta.version)}/${meta.data.profile}`;
  const bytes = await snapshot.readFile(file);
  if (!bytes) throw new MlopsError(`${file}: missing: the registry branch is corrupt`);
  return parseProfile(bytes.toString(), file);
}

// src/registry/fetch-model.ts
import { createHash as createHash2 } from "node:crypto";
import { join } from "node:path";
var httpDownload = (env) => async (url) => {
  const host = new URL(url).hostname;
  const token = env.GITHUB_TOKEN;
  const headers = token && /(^|\.)github(usercontent)?\.com$/.test(host) ? { authorization: `Bearer ${token}` } : {};
  const res = await fetch(url, { headers, redirect: "follow" });
  if (!res.ok) throw new MlopsError(`${url}: download failed (HTTP ${res.status})`);
  return Buffer.from(await res.arrayBuffer());
};
async function fetchVersion(snapshot, ref, dir, download) {
  const version = await resolveVersion(snapshot, ref);
  const metadata = await readMetadata(snapshot, ref.name, version);
  const label = `${ref.name} ${versionLabel(version)}`;
  const storage = metadata.model.storage;
  let bytes;
  if (storage.kind === "inline") {
    bytes = await snapshot.readFile(`${paths.versionDir(ref.name, version)}/${storage.path}`);
    if (!bytes) throw new MlopsError(`${label}: the model file ${storage.path} is missing from the registry branch`);
  } else {
    if (!download) throw new MlopsError(`${label}: the model is stored at ${storage.url}; this command cannot download it`);
    bytes = await download(storage.url);
  }
  const actual = createHash2("sha256").update(bytes).digest("hex");
  if (actual !== metadata.model.sha256) {
    throw new MlopsError(`${label}: sha256 mismatch: the model file hashes to ${actual}, the registry records ${metadata.model.sha256}; refusing to use it`);
  }
  const profile = await readProfile(snapshot, metadata);
  const modelFile = join(dir, metadata.model.file);
  const metadataFile = join(dir, "metadata.json");
  await writeText(modelFile, bytes);
  await writeText(metadataFile, stringify(metadata));
  if (profile) await writeText(join(dir, "profile.json"), stringify(profile));
  const card = await snapshot.readFile(`${paths.versionDir(ref.name, version)}/${metadata.card}`);
  if (card) await writeText(join(dir, "MODEL_CARD.md"), card);
  return { name: ref.name, version, modelFile, metadataFile, metadata, ...profile ? { profile } : {}, dir };
}

// src/registry/git.ts
import { spawn } from "node:child_process";
function gitConfigEnv(base, config) {
  if (config.length === 0) return {};
  const first = Number(base.GIT_CONFIG_COUNT ?? 0);
  const start = Number.isSafeInteger(first) && first > 0 ? first : 0;
  const env = { GIT_CONFIG_COUNT: String(start + config.length) };
  config.forEach((c, i) => {
    env[`GIT_CONFIG_KEY_${start + i}`] = c.key;
    env[`GIT_CONFIG_VALUE_${start + i}`] = c.value;
  });
  return env;
}
var GitCommandError = class extends Error {
  constructor(args, code2, stderr, stdout) {
    super(`git ${args.join(" ")} failed (exit ${code2}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`);
    this.args = args;
    this.code = code2;
    this.stderr = stderr;
    this.stdout = stdout;
    this.name = "GitCommandError";
  }
  args;
  code;
  stderr;
  stdout;
};
function git(args, options = {}) {
  const base = { ...process.env, ...options.env };
  return new Promise((resolve3, reject) => {
    const child = spawn("git", args, {
      cwd: options.cwd,
      env: { ...base, ...gitConfigEnv(base, options.config ?? []), GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" },
      stdio: ["pipe", "pipe", "pipe"]
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err.push(d));
    child.on("error", reject);
    child.on("close", (code2) => {
      if (code2 === 0) resolve3(Buffer.concat(out));
      else reject(new GitCommandError(args, code2, Buffer.concat(err).toString(), Buffer.concat(out).toString()));
    });
    child.stdin.on("error", () => void 0);
    child.stdin.end(options.input ?? "");
  });
}
async function gitText(args, options = {}) {
  return (await git(args, options)).toString().trim();
}

// src/registry/inputs.ts
import { resolve } from "node:path";
function actorFromEnv(env, flags = {}) {
  const id = flags.runId ?? (env.GITHUB_RUN_ID || void 0);
  const url = flags.runUrl ?? (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : void 0);
  return {
    actor: flags.actor ?? (env.GITHUB_ACTOR || env.USER || "unknown"),
    run: { ...id ? { id } : {}, ...url ? { url } : {} }
  };
}
async function sourceFromEnv(env, cwd, flags) {
  const commit = flags.commit ?? (env.GITHUB_SHA || await gitText(["rev-parse", "HEAD"], { cwd }).catch(() => void 0));
  const source = {
    commit,
    ref: env.GITHUB_REF || void 0,
    repository: env.GITHUB_REPOSITORY || void 0,
    run_id: flags.runId,
    run_url: flags.runUrl,
    actor: flags.actor,
    workflow: env.GITHUB_WORKFLOW || void 0
  };
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== void 0));
}
async function readJson(file) {
  const text = await readText(file);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new MlopsError(`${file}: not valid JSON (${err.message})`);
  }
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
async function readMetricsFile(file) {
  const json2 = await readJson(file);
  const body = isObject(json2) && isObject(json2.metrics) ? json2.metrics : json2;
  if (!isObject(body)) throw new MlopsError(`${file}: expected a JSON object of metric name to number`);
  const metrics = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === "number" && Number.isFinite(v)));
  if (Object.keys(metrics).length === 0) throw new MlopsError(`${file}: no numeric metrics found (expected e.g. {"roc_auc": 0.91})`);
  return metrics;
}
async function readParamsFile(file) {
  const json2 = await readJson(file);
  const body = isObject(json2) && isObject(json2.params) ? json2.params : json2;
  if (!isObject(body)) throw new MlopsError(`${file}: expected a JSON object of parameter name to value`);
  return body;
}
async function readProfileFile(file) {
  return parseProfile(await readText(file), file);
}
async function readLineageFile(file) {
  const result = LineageSchema.safeParse(await readJson(file));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MlopsError(`${file}: not a valid lineage: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data;
}
async function registerFromFiles(ctx, files, where) {
  const read = (file, reader) => file ? reader(resolve(where.cwd, file)) : Promise.resolve(void 0);
  const [lineage, metrics, params, profile] = await Promise.all([
    read(files.lineage, readLineageFile),
    read(files.metrics, readMetricsFile),
    read(files.params, readParamsFile),
    read(files.profile, readProfileFile)
  ]);
  const source = await sourceFromEnv(where.env, where.cwd, { commit: files.commit, actor: ctx.actor, runId: ctx.run.id, runUrl: ctx.run.url });
  return register(ctx, {
    name: files.name,
    modelFile: resolve(where.cwd, files.model),
    modelUrl: files.modelUrl,
    maxInlineBytes: files.maxInlineBytes ?? DEFAULT_MAX_INLINE_BYTES,
    ...metrics ? { metrics } : {},
    ...params ? { params } : {},
    ...profile ? { profile } : {},
    ...lineage ? { lineage } : {},
    source,
    framework: files.framework,
    description: files.description,
    limitations: files.limitations,
    stage: files.stage,
    reason: files.reason
  });
}

// src/registry/open.ts
import { isAbsolute, resolve as resolve2 } from "node:path";

// src/registry/git-store.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { existsSync as existsSync2 } from "node:fs";
import { mkdir as mkdir2, mkdtemp, readFile as readFile2, rename as rename2, rm, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join as join3 } from "node:path";

// src/registry/git-objects.ts
import { createHash as createHash3, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join as join2 } from "node:path";
import { promisify } from "node:util";
import { deflate } from "node:zlib";
var deflateAsync = promisify(deflate);
function objectId(type, content) {
  return createHash3("sha1").update(`${type} ${content.length}\0`).update(content).digest("hex");
}
async function writeObject(repo, type, content) {
  const id = objectId(type, content);
  const dir = join2(repo, "objects", id.slice(0, 2));
  const file = join2(dir, id.slice(2));
  if (existsSync(file)) return id;
  await mkdir(dir, { recursive: true });
  const tmp = join2(dir, `tmp_obj_${randomBytes(6).toString("hex")}`);
  await writeFile(tmp, await deflateAsync(Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content])));
  await rename(tmp, file);
  return id;
}
function parseTree(content) {
  const entries = [];
  let pos = 0;
  while (pos < content.length) {
    const space = content.indexOf(32, pos);
    const nul = content.indexOf(0, space);
    entries.push({ mode: content.subarray(pos, space).toString(), name: content.subarray(space + 1, nul).toString(), id: content.subarray(nul + 1, nul + 21).toString("hex") });
    pos = nul + 21;
  }
  return entries;
}
function serializeTree(entries) {
  const key = (e) => Buffer.from(e.mode === "40000" ? e.name + "/" : e.name);
  const sorted = [...entries].sort((a, b) => Buffer.compare(key(a), key(b)));
  return Buffer.concat(sorted.flatMap((e) => [Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.id, "hex")]));
}
async function readObjects(repo, names) {
  if (names.length === 0) return [];
  const out = await git(["cat-file", "--batch"], { cwd: repo, input: names.map((n) => n + "\n").join("") });
  const results = [];
  let pos = 0;
  for (let i = 0; i < names.length; i++) {
    const eol = out.indexOf(10, pos);
    const header = out.subarray(pos, eol).toString();
    pos = eol + 1;
    if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
      results.push(null);
      continue;
    }
    const [, type, size] = header.split(" ");
    results.push({ type, content: out.subarray(pos, pos + Number(size)) });
    pos += Number(size) + 1;
  }
  return results;
}
async function buildTree(repo, base, files) {
  const dirs = /* @__PURE__ */ new Set([""]);
  for (const path of files.keys()) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  const order = [...dirs].sort((a, b) => depth(b) - depth(a));
  const existing = base ? await readObjects(repo, order.map((d) => d === "" ? `${base}^{tree}` : `${base}:${d}`)) : order.map(() => null);
  const built = /* @__PURE__ */ new Map();
  for (let i = 0; i < order.length; i++) {
    const dir = order[i];
    const old = existing[i];
    const entries = new Map((old?.type === "tree" ? parseTree(old.content) : []).map((e) => [e.name, e]));
    const prefix = dir === "" ? "" : dir + "/";
    for (const [path, id] of files) {
      if (path.startsWith(prefix) && !path.slice(prefix.length).includes("/")) entries.set(path.slice(prefix.length), { mode: "100644", name: path.slice(prefix.length), id });
    }
    for (const [sub, id] of built) {
      if (sub !== dir && sub.startsWith(prefix) && !sub.slice(prefix.length).includes("/")) entries.set(sub.slice(prefix.length), { mode: "40000", name: sub.slice(prefix.length), id });
    }
    built.set(dir, await writeObject(repo, "tree", serializeTree([...entries.values()])));
  }
  return built.get("");
}
function depth(dir) {
  return dir === "" ? 0 : dir.split("/").length;
}

// src/registry/git-store.ts
var CONFLICT = /non-fast-forward|fetch first|failed to update ref|cannot lock ref|incorrect old value|stale info|atomic push failed/;
var LOCKED = /\.lock': File exists|Unable to create .*\.lock|cannot lock ref|shallow file has changed since we read it/;
var MISSING_BRANCH = /couldn't find remote ref/;
async function openGitStore(options) {
  const temporary = options.cacheDir === void 0;
  const repo = temporary ? await mkdtemp(join3(tmpdir(), "mlops-registry-")) : options.cacheDir;
  await initBareRepo(repo, temporary);
  const remoteRun = (args) => git(args, { cwd: repo, config: options.config });
  const branchRef = `refs/heads/${options.branch}`;
  const markerName = markerRef(options.branch);
  const markers = /* @__PURE__ */ new WeakMap();
  async function fetchHeads() {
    const local = `refs/mlops/fetch/${process.pid}-${randomBytes2(4).toString("hex")}`;
    let refspecs = [`+${branchRef}:${local}/head`, `+refs/mlops/issued/*:${local}/issued/*`];
    for (let attempt = 0; ; attempt++) {
      try {
        await remoteRun(["fetch", "--depth=1", "--no-tags", "--no-write-fetch-head", "--quiet", options.remote, ...refspecs]);
        break;
      } catch (err) {
        if (err instanceof GitCommandError && MISSING_BRANCH.test(err.stderr) && attempt < 20) {
          const listed = (await remoteRun(["ls-remote", options.remote, branchRef, markerName])).toString();
          if (listed.includes(`	${branchRef}
`)) continue;
          if (!listed.includes(`	${markerName}
`)) break;
          refspecs = [`+${markerName}:${local}/issued/${options.branch}`];
          continue;
        }
        if (err instanceof GitCommandError && LOCKED.test(err.stderr) && attempt < 20) {
          await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
          continue;
        }
        throw new MlopsError(`cannot read the registry from ${options.remote}: ${gitReason(err)}`);
      }
    }
    const readRef = (ref) => readFile2(join3(repo, ref), "utf8").then((t) => t.trim(), () => null);
    const [commit, marker] = [await readRef(`${local}/head`), await readRef(`${local}/issued/${options.branch}`)];
    await rm(join3(repo, local), { recursive: true, force: true });
    return { commit, marker };
  }
  return {
    description: `${options.remote} (branch ${options.branch})`,
    async snapshot() {
      let read = await fetchHeads();
      for (let again = 0; again < 3 && read.marker !== null && read.marker !== read.commit; again++) read = await fetchHeads();
      const snapshot = gitSnapshot(repo, read.commit, read.marker);
      markers.set(snapshot, read.marker);
      return snapshot;
    },
    async commit(base, request) {
      const files = /* @__PURE__ */ new Map();
      for (const change of request.changes) files.set(change.path, await writeObject(repo, "blob", change.content));
      const tree = await buildTree(repo, base.commit, files);
      const person = `${COMMITTER.name} <${COMMITTER.email}> ${Math.floor(request.date.getTime() / 1e3)} +0000`;
      const parents = base.commit ? `parent ${base.commit}
` : "";
      const commit = await writeObject(repo, "commit", Buffer.from(`tree ${tree}
${parents}author ${person}
committer ${person}

${request.message}`));
      const refspecs = [`${commit}:${branchRef}`, `${commit}:${markerName}`];
      for (const tag of request.tags) {
        const tagObject = await writeObject(repo, "tag", Buffer.from(`object ${commit}
type commit
tag ${tag.name}
tagger ${person}

${tag.message}
`));
        refspecs.push(`${tagObject}:refs/tags/${tag.name}`);
      }
      try {
        const lease = `--force-with-lease=${markerName}:${markers.get(base) ?? ""}`;
        await remoteRun(["push", "--atomic", "--porcelain", "--quiet", lease, options.remote, ...refspecs]);
      } catch (err) {
        const taken = err instanceof GitCommandError ? /refs\/tags\/(\S+)\t\[rejected\] \(already exists\)/.exec(err.stdout) : null;
        if (taken) throw new MlopsError(`cannot write the registry to ${options.remote}: tag ${taken[1]} already exists there (nothing was written)`);
        if (err instanceof GitCommandError && CONFLICT.test(err.stderr + err.stdout)) return { ok: false, reason: gitReason(err) };
        throw new MlopsError(`cannot write the registry to ${options.remote}: ${gitReason(err)}`);
      }
      return { ok: true, commit, tree };
    },
    async close() {
      if (temporary) await rm(repo, { recursive: true, force: true });
    }
  };
}
function gitSnapshot(repo, commit, marker) {
  const readFiles = async (paths2) => {
    if (!commit || paths2.length === 0) return paths2.map(() => null);
    const objects = await readObjects(repo, paths2.map((p) => `${commit}:${p}`));
    return objects.map((o) => o && o.type === "blob" ? o.content : null);
  };
  return {
    commit,
    readFiles,
    async readFile(path) {
      return (await readFiles([path]))[0];
    },
    async listDir(path) {
      if (!commit) return [];
      try {
        const out = await gitText(["ls-tree", "--name-only", "-z", `${commit}:${path}`], { cwd: repo });
        return out.split("\0").filter((n) => n !== "").sort();
      } catch (err) {
        if (err instanceof GitCommandError) return [];
        throw err;
      }
    },
    async highWater() {
      return marker && marker !== commit ? gitSnapshot(repo, marker, null) : null;
    }
  };
}
async function initBareRepo(repo, fresh) {
  if (!fresh && existsSync2(join3(repo, "HEAD"))) return;
  if (!fresh) await mkdir2(dirname(repo), { recursive: true });
  const target = fresh ? repo : await mkdtemp(join3(dirname(repo), ".mlops-init-"));
  await writeBareRepo(target);
  if (fresh) return;
  try {
    await rename2(target, repo);
  } catch {
    await rm(target, { recursive: true, force: true });
    if (!existsSync2(join3(repo, "HEAD"))) throw new MlopsError(`${repo}: cannot create the registry cache repository`);
  }
}
async function writeBareRepo(dir) {
  for (const sub of ["objects/info", "objects/pack", "refs/heads", "refs/tags"]) await mkdir2(join3(dir, sub), { recursive: true });
  await writeFile2(join3(dir, "HEAD"), "ref: refs/heads/main\n");
  await writeFile2(join3(dir, "config"), "[core]\n	repositoryformatversion = 0\n	filemode = true\n	bare = true\n	logAllRefUpdates = false\n[gc]\n	auto = 0\n");
}
function gitReason(err) {
  if (err instanceof GitCommandError) {
    const lines = (err.stderr + "\n" + err.stdout).split("\n").map((l) => l.replace(/^(fatal|error): /, "").trim()).filter((l) => l !== "" && l !== "Done");
    return lines.slice(0, 3).join("; ") || `git exited ${err.code}`;
  }
  return err?.message ?? String(err);
}

// src/registry/open.ts
var isUrl = (text) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[^/\\]+@[^/\\]+:/.test(text);
async function locateRegistry(options) {
  const branch = options.branch ?? (options.env.MLOPS_REGISTRY_BRANCH || DEFAULT_BRANCH);
  let remote = options.remote ?? (options.env.MLOPS_REGISTRY_REMOTE || void 0);
  if (remote !== void 0 && !isUrl(remote)) return { remote: resolve2(options.cwd, remote), branch, config: [] };
  const top = await gitText(["rev-parse", "--show-toplevel"], { cwd: options.cwd }).catch(() => null);
  const gitDir = top ?? await gitText(["rev-parse", "--absolute-git-dir"], { cwd: options.cwd }).catch(() => null);
  if (remote === void 0 && gitDir) {
    const origin = await gitText(["remote", "get-url", "origin"], { cwd: options.cwd }).catch(() => "");
    remote = origin === "" ? gitDir : isUrl(origin) || isAbsolute(origin) ? origin : resolve2(gitDir, origin);
  }
  if (remote === void 0) {
    throw new MlopsError("no registry remote: pass --remote URL|PATH, set MLOPS_REGISTRY_REMOTE, or run inside a git checkout");
  }
  const config = [];
  if (gitDir && isUrl(remote)) {
    try {
      const headers = await gitText(["config", "--get-regexp", "^http\\..*extraheader$"], { cwd: options.cwd });
      for (const line of headers.split("\n").filter((l) => l !== "")) {
        const space = line.indexOf(" ");
        config.push({ key: line.slice(0, space), value: line.slice(space + 1) });
      }
    } catch (err) {
      if (!(err instanceof GitCommandError)) throw err;
    }
  }
  const token = options.env.GITHUB_TOKEN;
  if (config.length === 0 && token && /^https:\/\//.test(remote)) {
    const origin = new URL(remote).origin;
    config.push({ key: `http.${origin}/.extraheader`, value: `AUTHORIZATION: basic ${basicAuth(token)}` });
  }
  return { remote, branch, config };
}
async function openStore(options) {
  if (options.backend === "github") {
    const slug = options.repo ?? options.env.GITHUB_REPOSITORY;
    if (!slug) throw new MlopsError("--backend github needs --repo owner/name (or GITHUB_REPOSITORY)");
    const token = options.env.GITHUB_TOKEN;
    if (!token) throw new MlopsError("--backend github needs a token in GITHUB_TOKEN");
    const { createGitHubClient, parseRepo } = await import("./cli-client-N3DVJWG7.js");
    const { openGitHubStore } = await import("./cli-github-store-KLGAQ4NP.js");
    let repo;
    try {
      repo = parseRepo(slug);
    } catch (err) {
      throw new MlopsError(err.message);
    }
    const client = createGitHubClient({ token, baseUrl: options.apiUrl ?? options.env.GITHUB_API_URL, retries: 2 });
    return openGitHubStore({ client, ...repo, branch: options.branch ?? (options.env.MLOPS_REGISTRY_BRANCH || DEFAULT_BRANCH) });
  }
  const location = await locateRegistry(options);
  return openGitStore({ ...location, cacheDir: options.cacheDir ?? (options.env.MLOPS_REGISTRY_CACHE || void 0) });
}

export {
  DEFAULT_STAGES,
  DEFAULT_MAX_INLINE_BYTES,
  RegistryConfigSchema,
  ModelIndexSchema,
  VersionMetadataSchema,
  paths,
  parseStored,
  parseEvents,
  versionLabel,
  parseModelRef,
  parseVersion,
  readConfig,
  readMetadata,
  resolveVersion,
  absentReason,
  promote,
  rollback,
  deprecate,
  annotateImage,
  listModels,
  listVersions,
  showVersion,
  readHistory,
  readProfile,
  httpDownload,
  fetchVersion,
  actorFromEnv,
  registerFromFiles,
  openStore
};
