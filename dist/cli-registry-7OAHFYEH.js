import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  canonicalMetric
} from "./cli-chunk-YBOKU4IK.js";
import "./cli-chunk-7N5GC7F6.js";
import {
  DEFAULT_MAX_INLINE_BYTES,
  DEFAULT_STAGES,
  ModelIndexSchema,
  RegistryConfigSchema,
  VersionMetadataSchema,
  actorFromEnv,
  annotateImage,
  deprecate,
  fetchVersion,
  httpDownload,
  listModels,
  listVersions,
  openStore,
  parseEvents,
  parseModelRef,
  parseStored,
  parseVersion,
  paths,
  promote,
  readConfig,
  readHistory,
  readMetadata,
  readProfile,
  registerFromFiles,
  resolveVersion,
  rollback,
  showVersion,
  versionLabel
} from "./cli-chunk-VPUJN4M6.js";
import "./cli-chunk-YG4M7DUM.js";
import "./cli-chunk-JNBVIIAF.js";
import "./cli-chunk-432HCV4T.js";
import "./cli-chunk-EH5JUFTG.js";
import "./cli-chunk-PPRUUPOP.js";
import {
  code,
  formatNumber,
  table
} from "./cli-chunk-5E2F2P2C.js";
import "./cli-chunk-U747DRGX.js";
import {
  oneOf,
  parseCommandArgs,
  requireOption
} from "./cli-chunk-2W5WQEMI.js";
import "./cli-chunk-SRRUYVY4.js";
import {
  MlopsError
} from "./cli-chunk-2PNEBECJ.js";
import "./cli-chunk-3D3HMA2K.js";

// src/cli/commands/registry.ts
import { resolve } from "node:path";

// src/registry/check.ts
import { createHash } from "node:crypto";
var HASH_BATCH = 8;
async function checkRegistry(snapshot) {
  const problems = [];
  const problem = (file, text) => problems.push({ file, problem: text });
  const report = { commit: snapshot.commit, models: 0, versions: 0, events: 0, hashes_verified: 0, pointers: 0 };
  const attempt = async (file, read) => {
    try {
      return await read();
    } catch (err) {
      if (!(err instanceof MlopsError)) throw err;
      problem(file, err.message.startsWith(`${file}: `) ? err.message.slice(file.length + 2) : err.message);
      return null;
    }
  };
  const names = await snapshot.listDir(paths.modelsDir);
  const configBytes = await snapshot.readFile(paths.config);
  let stages = DEFAULT_STAGES;
  if (configBytes) stages = (await attempt(paths.config, () => parseStored(RegistryConfigSchema, configBytes.toString(), paths.config)))?.stages ?? stages;
  else if (names.length > 0) problem(paths.config, "missing, but the branch holds models");
  const high = await snapshot.highWater();
  const indexFiles = await snapshot.readFiles(names.map((n) => paths.index(n)));
  const current = /* @__PURE__ */ new Map();
  for (const [i, name] of names.entries()) {
    const file = paths.index(name);
    const bytes = indexFiles[i];
    if (!bytes) {
      problem(file, "missing");
      continue;
    }
    const index = await attempt(file, () => parseStored(ModelIndexSchema, bytes.toString(), file));
    if (!index) continue;
    report.models++;
    current.set(name, index);
    if (index.name !== name) problem(file, `names model "${index.name}", not "${name}"`);
    await checkVersions(snapshot, index, report, problem, attempt);
    checkPointers(index, stages, problem);
    await checkEvents(snapshot, index, report, problem, attempt);
  }
  if (high) {
    const seenNames = await high.listDir(paths.modelsDir);
    const seen = await high.readFiles(seenNames.map((n) => paths.index(n)));
    for (const [i, name] of seenNames.entries()) {
      const then = seen[i] ? await attempt(paths.index(name), () => parseStored(ModelIndexSchema, seen[i].toString(), `${paths.index(name)} at ${high.commit}`)) : null;
      if (!then || names.includes(name) && !current.has(name)) continue;
      const [latest, events] = [current.get(name)?.latest_version ?? 0, current.get(name)?.events ?? 0];
      if (then.latest_version > latest || then.events > events) {
        problem(
          paths.index(name),
          `the registry branch was rewound: the last registry write (${high.commit}) had ${name} ${versionLabel(then.latest_version)} and ${then.events} events, the branch has ${versionLabel(latest)} and ${events}`
        );
      }
    }
  }
  return { ok: problems.length === 0, ...report, problems };
}
async function checkVersions(snapshot, index, report, problem, attempt) {
  const name = index.name;
  const listed = await snapshot.listDir(paths.versionsDir(name));
  const expected = new Set(Array.from({ length: index.latest_version }, (_, i) => String(i + 1)));
  for (const entry of listed) if (!expected.has(entry)) problem(`${paths.versionsDir(name)}/${entry}`, `not a version of ${paths.index(name)} (latest_version ${index.latest_version})`);
  const versions = [...expected].map(Number);
  const metaFiles = await snapshot.readFiles(versions.map((v) => paths.metadata(name, v)));
  const inline = [];
  for (const [i, v] of versions.entries()) {
    const file = paths.metadata(name, v);
    if (!metaFiles[i]) {
      problem(listed.includes(String(v)) ? file : paths.versionDir(name, v), `missing, but ${paths.index(name)} has latest_version ${index.latest_version}`);
      continue;
    }
    const meta = await attempt(file, () => parseStored(VersionMetadataSchema, metaFiles[i].toString(), file));
    if (!meta) continue;
    report.versions++;
    if (meta.name !== name || meta.version !== v) problem(file, `describes ${meta.name} ${versionLabel(meta.version)}, not ${name} ${versionLabel(v)}`);
    const dir = paths.versionDir(name, v);
    const files = [`${dir}/${meta.card}`, ...meta.data.profile ? [`${dir}/${meta.data.profile}`] : []];
    const present = await snapshot.readFiles(files);
    files.forEach((f, j) => present[j] === null && problem(f, `missing, but ${file} names it`));
    if (meta.model.storage.kind === "inline") inline.push({ meta, file: `${dir}/${meta.model.storage.path}` });
    else report.pointers++;
  }
  for (let i = 0; i < inline.length; i += HASH_BATCH) {
    const batch = inline.slice(i, i + HASH_BATCH);
    const blobs = await snapshot.readFiles(batch.map((b) => b.file));
    batch.forEach(({ meta, file }, j) => {
      const bytes = blobs[j];
      if (!bytes) return problem(file, `missing, but ${paths.metadata(name, meta.version)} stores the model inline`);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      if (sha256 !== meta.model.sha256) return problem(file, `sha256 ${sha256.slice(0, 12)}\u2026 but the metadata records ${meta.model.sha256.slice(0, 12)}\u2026`);
      if (bytes.length !== meta.model.size_bytes) return problem(file, `${bytes.length} bytes but the metadata records ${meta.model.size_bytes}`);
      report.hashes_verified++;
    });
  }
}
function checkPointers(index, stages, problem) {
  const file = paths.index(index.name);
  const issued = (v) => v >= 1 && v <= index.latest_version;
  for (const [stage, pointer] of Object.entries(index.stages)) {
    if (!stages.includes(stage)) problem(file, `stage ${stage} is not a stage of this registry (${stages.join(", ")})`);
    if (!issued(pointer.version)) problem(file, `stage ${stage} points at ${versionLabel(pointer.version)}, beyond latest_version ${index.latest_version}`);
    else if (index.deprecated[String(pointer.version)]) problem(file, `stage ${stage} is held by deprecated ${versionLabel(pointer.version)}`);
    for (const v of pointer.history) if (!issued(v)) problem(file, `stage ${stage} history holds ${versionLabel(v)}, beyond latest_version ${index.latest_version}`);
  }
  for (const key of [...Object.keys(index.deprecated), ...Object.keys(index.images ?? {})]) {
    if (!issued(Number(key))) problem(file, `records version "${key}", which was never issued (latest_version ${index.latest_version})`);
  }
}
async function checkEvents(snapshot, index, report, problem, attempt) {
  const dir = paths.eventsDir(index.name);
  const shards = await snapshot.listDir(dir);
  shards.forEach((s, i) => s !== `${String(i).padStart(6, "0")}.jsonl` && problem(`${dir}/${s}`, `out of sequence: shard ${i} should be ${String(i).padStart(6, "0")}.jsonl`));
  const files = await snapshot.readFiles(shards.map((s) => `${dir}/${s}`));
  const events = [];
  for (const [i, s] of shards.entries()) events.push(...await attempt(`${dir}/${s}`, () => parseEvents(files[i]?.toString() ?? "", `${dir}/${s}`)) ?? []);
  report.events += events.length;
  if (events.length !== index.events) problem(dir, `${events.length} events but ${paths.index(index.name)} counts ${index.events}`);
  const bad = events.findIndex((e, i) => e.seq !== i + 1);
  if (bad >= 0) problem(dir, `event ${bad + 1} has seq ${events[bad].seq} (duplicate or missing sequence numbers)`);
  const registered = events.filter((e) => e.type === "register").map((e) => e.version);
  const expected = Array.from({ length: index.latest_version }, (_, i) => i + 1);
  if (registered.join(",") !== expected.join(",")) problem(dir, `register events for ${registered.map(versionLabel).join(", ") || "no version"}, expected one each for v1..${versionLabel(index.latest_version)} in order`);
  for (const e of events) if (e.name !== index.name || e.version > index.latest_version) problem(dir, `event ${e.seq} (${e.type}) names ${e.name} ${versionLabel(e.version)}, not a version of ${index.name}`);
}

// src/registry/diff.ts
var same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function currentNames(metrics) {
  const out = {};
  for (const [name, value] of Object.entries(metrics)) {
    const current = canonicalMetric(name);
    if (current === name || !(current in metrics)) out[current] = value;
  }
  return out;
}
function diffVersions(a, b, pa, pb) {
  const [ma, mb] = [currentNames(a.metrics), currentNames(b.metrics)];
  const metricNames = [.../* @__PURE__ */ new Set([...Object.keys(ma), ...Object.keys(mb)])].sort();
  const paramNames = [.../* @__PURE__ */ new Set([...Object.keys(a.params), ...Object.keys(b.params)])].sort();
  const changedParams = paramNames.filter((p) => !same(a.params[p], b.params[p]));
  return {
    name: a.name,
    from: a.version,
    to: b.version,
    metrics: metricNames.map((m) => {
      const from = ma[m] ?? null;
      const to = mb[m] ?? null;
      return { metric: m, from, to, delta: from !== null && to !== null ? to - from : null };
    }),
    params: changedParams.map((p) => ({ param: p, from: a.params[p] ?? null, to: b.params[p] ?? null })),
    unchanged_params: paramNames.length - changedParams.length,
    data: {
      same_fingerprint: a.data.fingerprint !== void 0 && a.data.fingerprint === b.data.fingerprint,
      ...a.data.fingerprint ? { from_fingerprint: a.data.fingerprint } : {},
      ...b.data.fingerprint ? { to_fingerprint: b.data.fingerprint } : {},
      ...a.data.rows !== void 0 ? { from_rows: a.data.rows } : {},
      ...b.data.rows !== void 0 ? { to_rows: b.data.rows } : {}
    },
    columns: pa && pb ? diffProfiles(pa, pb) : []
  };
}
function diffProfiles(pa, pb) {
  const names = [.../* @__PURE__ */ new Set([...pa.columns.map((c) => c.name), ...pb.columns.map((c) => c.name)])];
  return names.map((column) => {
    const ca = pa.columns.find((c) => c.name === column);
    const cb = pb.columns.find((c) => c.name === column);
    const side = (c, prefix) => c ? {
      [`${prefix}_type`]: c.type,
      [`${prefix}_null_rate`]: c.count === 0 ? 0 : c.nulls / c.count,
      ...c.numeric ? { [`${prefix}_mean`]: c.numeric.mean, [`${prefix}_std`]: c.numeric.std } : {}
    } : {};
    const change = !ca ? "added" : !cb ? "removed" : same(summary(ca), summary(cb)) ? "same" : "changed";
    return { column, change, ...side(ca, "from"), ...side(cb, "to") };
  });
}
function summary(c) {
  return [c.type, c.count, c.nulls, c.numeric?.mean, c.numeric?.std, c.distinct.value];
}
function diffMarkdown(d) {
  const va = versionLabel(d.from);
  const vb = versionLabel(d.to);
  const fmt = (v) => v === null || v === void 0 ? "\u2014" : typeof v === "number" ? formatNumber(v) : typeof v === "string" ? v : JSON.stringify(v);
  const signed = (v) => v === null ? "\u2014" : `${v > 0 ? "+" : ""}${formatNumber(v)}`;
  const out = [`## ${d.name}: ${va} \u2192 ${vb}`, "", "### Metrics", ""];
  out.push(d.metrics.length ? table(["metric", va, vb, "\u0394"], d.metrics.map((m) => [m.metric, fmt(m.from), fmt(m.to), signed(m.delta)]), ["l", "r", "r", "r"]) : "_No metrics recorded._", "");
  out.push("### Parameters", "");
  out.push(d.params.length ? table(["parameter", va, vb], d.params.map((p) => [p.param, fmt(p.from), fmt(p.to)])) : "_No parameter changed._", "");
  if (d.params.length && d.unchanged_params) out.push(`${d.unchanged_params} other parameters unchanged.`, "");
  out.push("### Training data", "");
  const fp = (f) => f ? code(f.slice(0, 19)) : "\u2014";
  out.push(table(["", va, vb], [["fingerprint", fp(d.data.from_fingerprint), fp(d.data.to_fingerprint)], ["rows", fmt(d.data.from_rows), fmt(d.data.to_rows)]]), "");
  out.push(d.data.same_fingerprint ? "Same training data." : "Different (or unrecorded) training data.", "");
  const changed = d.columns.filter((c) => c.change !== "same");
  if (d.columns.length) {
    out.push(
      changed.length ? table(
        ["column", "change", "type", "null rate", "mean", "std"],
        changed.map((c) => [
          c.column,
          c.change,
          c.from_type === c.to_type ? c.to_type : `${c.from_type ?? "\u2014"} \u2192 ${c.to_type ?? "\u2014"}`,
          `${fmt(c.from_null_rate)} \u2192 ${fmt(c.to_null_rate)}`,
          `${fmt(c.from_mean)} \u2192 ${fmt(c.to_mean)}`,
          `${fmt(c.from_std)} \u2192 ${fmt(c.to_std)}`
        ])
      ) : `All ${d.columns.length} columns profile the same.`,
      ""
    );
  }
  return out.join("\n");
}

// src/cli/commands/registry.ts
var help = `mlops registry: a model registry on a git branch of your own repository (nothing to host).

Usage:
  mlops registry register NAME --model FILE [--lineage lineage.json] [--metrics m.json]
                          [--params p.json] [--profile profile.json] [--stage STAGE]
  mlops registry promote NAME VERSION --to STAGE [--reason TEXT]
  mlops registry rollback NAME --stage STAGE [--reason TEXT]
  mlops registry deprecate NAME VERSION [--reason TEXT]
  mlops registry annotate NAME VERSION --image IMAGE --image-digest sha256:...
  mlops registry list [NAME]
  mlops registry show NAME[@vN|#STAGE]
  mlops registry history NAME
  mlops registry get NAME[@vN|#STAGE] --out DIR
  mlops registry diff NAME VERSION_A VERSION_B
  mlops registry check

Where the registry lives (every subcommand):
  --remote URL|PATH   git remote holding the branch (default: MLOPS_REGISTRY_REMOTE, else the
                      checkout's origin, else the checkout itself)
  --branch NAME       registry branch (default: MLOPS_REGISTRY_BRANCH or mlops-registry)
  --backend B         git (default: git CLI in a temporary repository, never your checkout) or
                      github (REST Git Data API: needs --repo and GITHUB_TOKEN; no checkout needed)
  --repo OWNER/NAME   repository for --backend github (default GITHUB_REPOSITORY)
  --api-url URL       GitHub API root (default GITHUB_API_URL or https://api.github.com)
  --cache DIR         reuse a bare repository between runs so only new objects are fetched
                      (default MLOPS_REGISTRY_CACHE, else a fresh temporary one)
  --format F          json, markdown or table (default table; json for scripts)

Writing (register, promote, rollback, deprecate, annotate):
  --actor NAME        who acts (default GITHUB_ACTOR, else USER)
  --run-id ID         workflow run (default GITHUB_RUN_ID); --run-url URL (default built from
                      GITHUB_SERVER_URL/GITHUB_REPOSITORY/GITHUB_RUN_ID)
  --reason TEXT       why, recorded in the audit log and the commit message
  --tags              also push GTO-compatible tags (churn@v7, churn#production#3)

register:
  --model FILE        the model file (any format; stored in the branch up to --max-size-mb)
  --name NAME         model name (or the first argument)
  --lineage FILE      lineage.json from mlops train: params, metrics, data fingerprint,
                      profile, source and environment are taken from it
  --metrics FILE      {"roc_auc": 0.91} (or a report with a "metrics" object); overrides lineage
  --params FILE       {"max_depth": 6} (or a document with a "params" object)
  --profile FILE      training-data profile from mlops profile
  --stage STAGE       also put the new version in this stage (staging, production, archived)
  --commit SHA        source commit (default GITHUB_SHA, else HEAD of the checkout)
  --description TEXT  intended use, for the model card; --limitations TEXT likewise
  --framework NAME    e.g. sklearn, xgboost, tfjs (default from the lineage)
  --max-size-mb N     store models up to N MB in the branch (default 50)
  --model-url URL     where a bigger model lives (release asset, artifact, LFS); only its
                      sha256 and this pointer are stored

check:
  Verifies every invariant of the branch, like git fsck: registry.json; each index against its
  version folders (v1..latest, none missing, none extra); every metadata.json, model card and
  profile; the sha256 and size of every inline model; stage pointers, history, deprecations and
  images on versions that exist; the event log (contiguous shards, seq 1..n, one register per
  version, as many events as the index counts); and the high-water marker (a rewound branch).
  Exit 0 healthy, 1 broken (each problem on a line naming its file), 2 when it cannot read.
  --format json gives {ok, commit, models, versions, events, hashes_verified, pointers,
  problems: [{file, problem}]}.

Every write checks the invariants it builds on first (registry.json, the index, stage
pointers, the event count, the new version's folder not existing, the high-water marker) and
refuses with exit 2 naming the file; run check to see everything that is wrong.

Every write is a compare-and-swap on the branch head: when another run wins the race this
one re-reads, re-applies and retries with backoff, so versions stay unique (v1, v2, ...)
and no event is lost. Exit code 2 on bad input; the branch is then left as it was.

Examples:
  mlops registry register churn --model out/model.onnx --lineage out/lineage.json --stage staging
  mlops registry promote churn v7 --to production --reason "beats v6 on holdout AUC"
  mlops registry show churn#production
  mlops registry get churn#production --out model/
  mlops registry rollback churn --stage production --reason "latency regression"
  mlops registry diff churn v6 v7 --format markdown
  mlops registry check --format json
`;
var storeFlags = {
  remote: { type: "string" },
  branch: { type: "string" },
  backend: { type: "string" },
  repo: { type: "string" },
  "api-url": { type: "string" },
  cache: { type: "string" },
  format: { type: "string" }
};
var writeFlags = {
  actor: { type: "string" },
  "run-id": { type: "string" },
  "run-url": { type: "string" },
  reason: { type: "string" },
  tags: { type: "boolean" },
  image: { type: "string" },
  "image-digest": { type: "string" }
};
var str = (values, key) => values[key];
var SUBCOMMANDS = ["register", "promote", "rollback", "deprecate", "annotate", "list", "show", "history", "get", "diff", "check"];
var registryCommand = {
  name: "registry",
  help,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (!SUBCOMMANDS.includes(sub ?? "")) {
      throw new MlopsError(`${sub ? `unknown subcommand "${sub}"` : "missing subcommand"}: use one of ${SUBCOMMANDS.join(", ")} (see mlops registry --help)`);
    }
    const write = ["register", "promote", "rollback", "deprecate", "annotate"].includes(sub);
    const extra = sub === "register" ? registerFlags : sub === "get" ? { out: { type: "string", short: "o" } } : sub === "rollback" ? { stage: { type: "string" } } : sub === "promote" ? { to: { type: "string" } } : {};
    const { values, positionals } = parseCommandArgs(`registry ${sub}`, rest, { ...storeFlags, ...write ? writeFlags : {}, ...extra }, true);
    const v = values;
    const format = oneOf(`registry ${sub}`, "--format", str(v, "format"), ["json", "markdown", "table"], "table");
    const backend = oneOf(`registry ${sub}`, "--backend", str(v, "backend"), ["git", "github"], "git");
    const store = await openStore({ backend, cwd: io.cwd, env: io.env, remote: str(v, "remote"), branch: str(v, "branch"), repo: str(v, "repo"), apiUrl: str(v, "api-url"), cacheDir: str(v, "cache") });
    try {
      const who = actorFromEnv(io.env, { actor: str(v, "actor"), runId: str(v, "run-id"), runUrl: str(v, "run-url") });
      const ctx = { store, now: io.now, actor: who.actor, run: who.run, tags: v.tags === true };
      const out = (text) => io.stdout.write(text.endsWith("\n") ? text : text + "\n");
      const emit = (json, text) => out(format === "json" ? JSON.stringify(json, null, 2) : text());
      switch (sub) {
        case "register":
          return await runRegister(ctx, v, positionals, io, emit);
        case "promote": {
          const [name, version] = nameAndVersion(positionals, "promote NAME VERSION --to STAGE");
          const stage = requireOption("registry promote", str(v, "to"), "--to");
          const done = await promote(ctx, { name, version }, stage, str(v, "reason"));
          const r = done.result;
          emit(
            { ...r, version: versionLabel(r.version), previous: r.previous ? versionLabel(r.previous) : null, commit: done.commit, attempts: done.attempts },
            () => `promoted ${r.name} ${versionLabel(r.version)} to ${r.stage}${r.previous ? ` (was ${versionLabel(r.previous)})` : ""} in ${done.commit.slice(0, 12)}`
          );
          return 0;
        }
        case "rollback": {
          const name = one(positionals, "rollback NAME --stage STAGE");
          const stage = requireOption("registry rollback", str(v, "stage"), "--stage");
          const done = await rollback(ctx, name, stage, str(v, "reason"));
          const r = done.result;
          emit(
            { ...r, version: versionLabel(r.version), previous: r.previous ? versionLabel(r.previous) : null, commit: done.commit, attempts: done.attempts },
            () => `rolled back ${r.name} ${r.stage} from ${versionLabel(r.previous)} to ${versionLabel(r.version)} in ${done.commit.slice(0, 12)}`
          );
          return 0;
        }
        case "deprecate": {
          const [name, version] = nameAndVersion(positionals, "deprecate NAME VERSION");
          const done = await deprecate(ctx, { name, version }, str(v, "reason"));
          emit({ ...done.result, version: versionLabel(done.result.version), commit: done.commit, attempts: done.attempts }, () => `deprecated ${name} ${versionLabel(done.result.version)} in ${done.commit.slice(0, 12)}`);
          return 0;
        }
        case "annotate": {
          const [name, version] = nameAndVersion(positionals, "annotate NAME VERSION --image IMAGE --image-digest sha256:...");
          const image = str(v, "image");
          const digest = str(v, "image-digest");
          if (!image || !digest) throw new MlopsError("annotate needs --image and --image-digest (see mlops registry --help)");
          const done = await annotateImage(ctx, { name, version }, { image, digest });
          emit({ ...done.result, version: versionLabel(done.result.version), image, digest, commit: done.commit, attempts: done.attempts }, () => `recorded ${image}@${digest} for ${name} ${versionLabel(done.result.version)} in ${done.commit.slice(0, 12)}`);
          return 0;
        }
        default:
          return await runQuery(sub, store, v, positionals, io, format, emit);
      }
    } finally {
      await store.close();
    }
  }
};
var registerFlags = {
  name: { type: "string" },
  model: { type: "string" },
  lineage: { type: "string" },
  metrics: { type: "string" },
  params: { type: "string" },
  profile: { type: "string" },
  stage: { type: "string" },
  commit: { type: "string" },
  description: { type: "string" },
  limitations: { type: "string" },
  framework: { type: "string" },
  "max-size-mb": { type: "string" },
  "model-url": { type: "string" }
};
async function runRegister(ctx, v, positionals, io, emit) {
  const name = str(v, "name") ?? positionals[0];
  if (!name) requireOption("registry register", void 0, "NAME (or --name)");
  if (positionals.length > 1) throw new MlopsError(`unexpected argument "${positionals[1]}" (see mlops registry --help)`);
  const model = requireOption("registry register", str(v, "model"), "--model");
  const maxMb = str(v, "max-size-mb");
  const maxInlineBytes = maxMb === void 0 ? DEFAULT_MAX_INLINE_BYTES : Number(maxMb) * 1024 * 1024;
  if (!Number.isFinite(maxInlineBytes) || maxInlineBytes < 0) throw new MlopsError(`--max-size-mb must be a number of megabytes (got "${maxMb}")`);
  const done = await registerFromFiles(
    ctx,
    {
      name,
      model,
      lineage: str(v, "lineage"),
      metrics: str(v, "metrics"),
      params: str(v, "params"),
      profile: str(v, "profile"),
      stage: str(v, "stage"),
      reason: str(v, "reason"),
      commit: str(v, "commit"),
      description: str(v, "description"),
      limitations: str(v, "limitations"),
      framework: str(v, "framework"),
      modelUrl: str(v, "model-url"),
      maxInlineBytes
    },
    io
  );
  const r = done.result;
  emit(
    { name: r.name, version: versionLabel(r.version), version_number: r.version, sha256: r.sha256, stage: r.stage ?? null, commit: done.commit, attempts: done.attempts },
    () => `registered ${r.name} ${versionLabel(r.version)}${r.stage ? ` in ${r.stage}` : ""} (sha256 ${r.sha256.slice(0, 12)}) in ${done.commit.slice(0, 12)}`
  );
  return 0;
}
async function runQuery(sub, store, v, positionals, io, format, emit) {
  const snapshot = await store.snapshot();
  if (sub === "check") {
    if (positionals.length > 0) throw new MlopsError("usage: mlops registry check (it checks every model)");
    const report = await checkRegistry(snapshot);
    emit(
      report,
      () => report.ok ? `the registry on ${store.description} is healthy: ${report.models} models, ${report.versions} versions, ${report.events} events, ${report.hashes_verified} model hashes verified${report.pointers ? ` (${report.pointers} stored by URL, checked on get)` : ""}` : [...report.problems.map((p) => `${p.file}: ${p.problem}`), `the registry on ${store.description} is broken: ${report.problems.length} problem${report.problems.length === 1 ? "" : "s"}`].join("\n")
    );
    return report.ok ? 0 : 1;
  }
  await readConfig(snapshot);
  const heading = (text) => format === "markdown" ? `## ${text}

` : "";
  switch (sub) {
    case "list": {
      if (positionals.length === 0) {
        const models = await listModels(snapshot);
        emit(
          models,
          () => models.length === 0 ? `the registry on ${store.description} is empty` : heading("Models") + table(["model", "latest", "stages", "deprecated"], models.map((m) => [m.name, versionLabel(m.latest_version), stagesText(m.stages), m.deprecated.map(versionLabel).join(", ")]))
        );
        return 0;
      }
      const name = one(positionals, "list [NAME]");
      const versions = await listVersions(snapshot, name);
      const metricNames = [...new Set(versions.flatMap((x) => Object.keys(x.metrics)))].slice(0, 4);
      emit(
        versions.map((x) => ({ ...x, version: versionLabel(x.version) })),
        () => heading(`${name} versions`) + table(
          ["version", "created", "actor", "stages", ...metricNames, "sha256"],
          versions.map((x) => [versionLabel(x.version) + (x.deprecated ? " (deprecated)" : ""), x.created_at, x.actor, x.stages.join(", "), ...metricNames.map((m) => x.metrics[m]), x.sha256.slice(0, 12)])
        )
      );
      return 0;
    }
    case "show": {
      const ref = parseModelRef(one(positionals, "show NAME[@vN|#STAGE]"));
      const detail = await showVersion(snapshot, ref);
      const m = detail.metadata;
      emit({ ...detail, version: versionLabel(m.version) }, () => {
        const status = [
          `${m.name} ${versionLabel(m.version)}`,
          detail.stages.length ? `stages: ${detail.stages.join(", ")}` : "no stage",
          detail.deprecated ? `deprecated ${detail.deprecated.at} by ${detail.deprecated.actor}${detail.deprecated.reason ? `: ${detail.deprecated.reason}` : ""}` : "",
          detail.images.length ? `image: ${detail.images[detail.images.length - 1].image}@${detail.images[detail.images.length - 1].digest}` : ""
        ].filter((s) => s !== "");
        return `${format === "markdown" ? "> " : ""}${status.join(" \xB7 ")}

${detail.card}`;
      });
      return 0;
    }
    case "history": {
      const name = one(positionals, "history NAME");
      const events = await readHistory(snapshot, name);
      emit(
        events.map((e) => ({ ...e, version: versionLabel(e.version), ...e.previous ? { previous: versionLabel(e.previous) } : {} })),
        () => heading(`${name} history`) + table(
          ["#", "when", "event", "version", "stage", "actor", "reason or image", "run"],
          events.map((e) => [e.seq, e.at, e.type, versionLabel(e.version) + (e.previous ? ` (was ${versionLabel(e.previous)})` : ""), e.stage, e.actor, e.reason ?? e.image, e.run_url ?? e.run_id])
        )
      );
      return 0;
    }
    case "get": {
      const ref = parseModelRef(one(positionals, "get NAME[@vN|#STAGE] --out DIR"));
      const out = requireOption("registry get", str(v, "out"), "--out");
      const fetched = await fetchVersion(snapshot, ref, resolve(io.cwd, out), httpDownload(io.env));
      emit(
        { name: fetched.name, version: versionLabel(fetched.version), model_file: fetched.modelFile, metadata_file: fetched.metadataFile, sha256: fetched.metadata.model.sha256 },
        () => `fetched ${fetched.name} ${versionLabel(fetched.version)} to ${fetched.modelFile} (sha256 verified)`
      );
      return 0;
    }
    case "diff": {
      if (positionals.length !== 3) throw new MlopsError("usage: mlops registry diff NAME VERSION_A VERSION_B (versions as v3 or #production)");
      const [name, a, b] = positionals;
      const version = (text) => resolveVersion(snapshot, text.startsWith("#") ? parseModelRef(name + text) : { name, version: parseVersion(text) });
      const [va, vb] = [await version(a), await version(b)];
      const [ma, mb] = [await readMetadata(snapshot, name, va), await readMetadata(snapshot, name, vb)];
      const d = diffVersions(ma, mb, await readProfile(snapshot, ma), await readProfile(snapshot, mb));
      emit(d, () => diffMarkdown(d));
      return 0;
    }
  }
  return 2;
}
function stagesText(stages) {
  return Object.entries(stages).sort(([a], [b]) => a.localeCompare(b)).map(([s, v]) => `${s}: ${versionLabel(v)}`).join(", ");
}
function one(positionals, usage) {
  if (positionals.length !== 1) throw new MlopsError(`usage: mlops registry ${usage}`);
  return positionals[0];
}
function nameAndVersion(positionals, usage) {
  if (positionals.length === 1) {
    const ref = parseModelRef(positionals[0]);
    if (ref.version !== void 0) return [ref.name, ref.version];
  }
  if (positionals.length !== 2) throw new MlopsError(`usage: mlops registry ${usage}`);
  return [parseModelRef(positionals[0]).name, parseVersion(positionals[1])];
}
export {
  registryCommand
};
