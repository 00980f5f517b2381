import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  fetchVersion,
  httpDownload
} from "./cli-chunk-ABVFU6OS.js";
import {
  reasonOption,
  registryStoreOptions,
  registryWriteOptions
} from "./cli-chunk-TD7EJ6WJ.js";
import {
  canonicalMetric
} from "./cli-chunk-2MBF7UTT.js";
import "./cli-chunk-MTDV4XRP.js";
import {
  DEFAULT_MAX_INLINE_BYTES,
  DEFAULT_STAGES,
  ModelIndexSchema,
  RegistryConfigSchema,
  VersionMetadataSchema,
  actorFromEnv,
  annotateImage,
  deprecate,
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
} from "./cli-chunk-BWLW4W5B.js";
import "./cli-chunk-GO65PKX3.js";
import "./cli-chunk-WKPB2DLF.js";
import "./cli-chunk-X2GB25J3.js";
import {
  external_exports
} from "./cli-chunk-432HCV4T.js";
import "./cli-chunk-6HQVLVXU.js";
import {
  code,
  formatNumber,
  table
} from "./cli-chunk-5E2F2P2C.js";
import {
  readText
} from "./cli-chunk-E2MBSDJC.js";
import {
  defineCommand,
  optionTable,
  parseNumber,
  requireOption
} from "./cli-chunk-BC6VW377.js";
import "./cli-chunk-SRRUYVY4.js";
import "./cli-chunk-PPRUUPOP.js";
import {
  MlopsError
} from "./cli-chunk-CRJPICDA.js";
import "./cli-chunk-3D3HMA2K.js";

// src/cli/commands/registry/shared.ts
function defineRegistryCommand(spec) {
  const options = { ...spec.options, ...registryStoreOptions, ...spec.writes ? registryWriteOptions : {} };
  return defineCommand({
    ...spec,
    name: `registry ${spec.sub}`,
    positionals: spec.positionals ?? [],
    options,
    async run(values, io, positionals) {
      const v = values;
      const store = await openStore({
        backend: v.backend,
        cwd: io.cwd,
        env: io.env,
        remote: v.remote,
        branch: v.branch,
        repo: v.repo,
        apiUrl: v["api-url"],
        cacheDir: v.cache
      });
      try {
        const who = actorFromEnv(io.env, { actor: v.actor, runId: v["run-id"], runUrl: v["run-url"] });
        const ctx = { store, now: io.now, actor: who.actor, run: who.run, tags: v.tags === true };
        const out = (text) => io.stdout.write(text.endsWith("\n") ? text : text + "\n");
        const emit = (json, text) => out(v.format === "json" ? JSON.stringify(json, null, 2) : text());
        return await spec.run(values, { store, ctx, format: v.format, io, emit }, positionals);
      } finally {
        await store.close();
      }
    }
  });
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
var heading = (format, text) => format === "markdown" ? `## ${text}

` : "";

// src/cli/commands/registry/annotate.ts
var annotateCommand = defineRegistryCommand({
  sub: "annotate",
  writes: true,
  summary: "record the container image built for a version.",
  usage: ["mlops registry annotate NAME VERSION --image IMAGE --image-digest sha256:..."],
  positionals: [
    { name: "NAME", description: "the model (or NAME@VERSION)" },
    { name: "VERSION", description: "v3 or 3" }
  ],
  options: {
    image: { type: "string", value: "IMAGE", description: "the image name, e.g. ghcr.io/acme/churn" },
    "image-digest": { type: "string", value: "sha256:...", description: "the pushed image digest" }
  },
  async run(values, { ctx, emit }, positionals) {
    const [name, version] = nameAndVersion(positionals, "annotate NAME VERSION --image IMAGE --image-digest sha256:...");
    const { image, "image-digest": digest } = values;
    if (!image || !digest) throw new MlopsError("annotate needs --image and --image-digest (see mlops registry --help)");
    const done = await annotateImage(ctx, { name, version }, { image, digest });
    emit(
      { ...done.result, version: versionLabel(done.result.version), image, digest, commit: done.commit, attempts: done.attempts },
      () => `recorded ${image}@${digest} for ${name} ${versionLabel(done.result.version)} in ${done.commit.slice(0, 12)}`
    );
    return 0;
  }
});

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
  for (const entry of listed)
    if (!expected.has(entry)) problem(`${paths.versionsDir(name)}/${entry}`, `not a version of ${paths.index(name)} (latest_version ${index.latest_version})`);
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
    const files = [
      `${dir}/${meta.card}`,
      ...meta.data_card ? [`${dir}/${meta.data_card}`] : [],
      ...meta.data.profile ? [`${dir}/${meta.data.profile}`] : []
    ];
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
    for (const v of pointer.history)
      if (!issued(v)) problem(file, `stage ${stage} history holds ${versionLabel(v)}, beyond latest_version ${index.latest_version}`);
  }
  for (const key of [...Object.keys(index.deprecated), ...Object.keys(index.images ?? {})]) {
    if (!issued(Number(key))) problem(file, `records version "${key}", which was never issued (latest_version ${index.latest_version})`);
  }
}
async function checkEvents(snapshot, index, report, problem, attempt) {
  const dir = paths.eventsDir(index.name);
  const shards = await snapshot.listDir(dir);
  shards.forEach(
    (s, i) => s !== `${String(i).padStart(6, "0")}.jsonl` && problem(`${dir}/${s}`, `out of sequence: shard ${i} should be ${String(i).padStart(6, "0")}.jsonl`)
  );
  const files = await snapshot.readFiles(shards.map((s) => `${dir}/${s}`));
  const events = [];
  for (const [i, s] of shards.entries()) events.push(...await attempt(`${dir}/${s}`, () => parseEvents(files[i]?.toString() ?? "", `${dir}/${s}`)) ?? []);
  report.events += events.length;
  if (events.length !== index.events) problem(dir, `${events.length} events but ${paths.index(index.name)} counts ${index.events}`);
  const bad = events.findIndex((e, i) => e.seq !== i + 1);
  if (bad >= 0) problem(dir, `event ${bad + 1} has seq ${events[bad].seq} (duplicate or missing sequence numbers)`);
  const registered = events.filter((e) => e.type === "register").map((e) => e.version);
  const expected = Array.from({ length: index.latest_version }, (_, i) => i + 1);
  if (registered.join(",") !== expected.join(","))
    problem(
      dir,
      `register events for ${registered.map(versionLabel).join(", ") || "no version"}, expected one each for v1..${versionLabel(index.latest_version)} in order`
    );
  for (const e of events)
    if (e.name !== index.name || e.version > index.latest_version)
      problem(dir, `event ${e.seq} (${e.type}) names ${e.name} ${versionLabel(e.version)}, not a version of ${index.name}`);
}

// src/cli/commands/registry/check.ts
var CHECK_TEXT = `Verifies every invariant of the branch, like git fsck: registry.json; each index against its
version folders (v1..latest, none missing, none extra); every metadata.json, model card and
profile; the sha256 and size of every inline model; stage pointers, history, deprecations and
images on versions that exist; the event log (contiguous shards, seq 1..n, one register per
version, as many events as the index counts); and the high-water marker (a rewound branch).
Exit 0 healthy, 1 broken (each problem on a line naming its file), 2 when it cannot read.
--format json gives {ok, commit, models, versions, events, hashes_verified, pointers,
problems: [{file, problem}]}.`;
var checkCommand = defineRegistryCommand({
  sub: "check",
  writes: false,
  summary: "verify every invariant of the registry branch.",
  usage: ["mlops registry check"],
  positionals: [{ name: "(none)", description: "it checks every model" }],
  options: {},
  text: CHECK_TEXT,
  examples: ["mlops registry check --format json"],
  async run(_values, { store, emit }, positionals) {
    const snapshot = await store.snapshot();
    if (positionals.length > 0) throw new MlopsError("usage: mlops registry check (it checks every model)");
    const report = await checkRegistry(snapshot);
    emit(
      report,
      () => report.ok ? `the registry on ${store.description} is healthy: ${report.models} models, ${report.versions} versions, ${report.events} events, ${report.hashes_verified} model hashes verified${report.pointers ? ` (${report.pointers} stored by URL, checked on get)` : ""}` : [
        ...report.problems.map((p) => `${p.file}: ${p.problem}`),
        `the registry on ${store.description} is broken: ${report.problems.length} problem${report.problems.length === 1 ? "" : "s"}`
      ].join("\n")
    );
    return report.ok ? 0 : 1;
  }
});

// src/cli/commands/registry/deprecate.ts
var deprecateCommand = defineRegistryCommand({
  sub: "deprecate",
  writes: true,
  summary: "mark a version deprecated (it stays readable; list and show flag it).",
  usage: ["mlops registry deprecate NAME VERSION [--reason TEXT]"],
  positionals: [
    { name: "NAME", description: "the model (or NAME@VERSION)" },
    { name: "VERSION", description: "v3 or 3" }
  ],
  options: { ...reasonOption },
  async run(values, { ctx, emit }, positionals) {
    const [name, version] = nameAndVersion(positionals, "deprecate NAME VERSION");
    const done = await deprecate(ctx, { name, version }, values.reason);
    emit(
      { ...done.result, version: versionLabel(done.result.version), commit: done.commit, attempts: done.attempts },
      () => `deprecated ${name} ${versionLabel(done.result.version)} in ${done.commit.slice(0, 12)}`
    );
    return 0;
  }
});

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
  out.push(
    d.metrics.length ? table(
      ["metric", va, vb, "\u0394"],
      d.metrics.map((m) => [m.metric, fmt(m.from), fmt(m.to), signed(m.delta)]),
      ["l", "r", "r", "r"]
    ) : "_No metrics recorded._",
    ""
  );
  out.push("### Parameters", "");
  out.push(
    d.params.length ? table(
      ["parameter", va, vb],
      d.params.map((p) => [p.param, fmt(p.from), fmt(p.to)])
    ) : "_No parameter changed._",
    ""
  );
  if (d.params.length && d.unchanged_params) out.push(`${d.unchanged_params} other parameters unchanged.`, "");
  out.push("### Training data", "");
  const fp = (f) => f ? code(f.slice(0, 19)) : "\u2014";
  out.push(
    table(
      ["", va, vb],
      [
        ["fingerprint", fp(d.data.from_fingerprint), fp(d.data.to_fingerprint)],
        ["rows", fmt(d.data.from_rows), fmt(d.data.to_rows)]
      ]
    ),
    ""
  );
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

// src/cli/commands/registry/diff.ts
var diffCommand = defineRegistryCommand({
  sub: "diff",
  writes: false,
  summary: "compare two versions: metrics, params, data fingerprint and profile, source.",
  usage: ["mlops registry diff NAME VERSION_A VERSION_B"],
  positionals: [
    { name: "NAME", description: "the model" },
    { name: "VERSION_A VERSION_B", description: "versions as v3 or #production" }
  ],
  options: {},
  examples: ["mlops registry diff churn v6 v7 --format markdown"],
  async run(_values, { store, emit }, positionals) {
    const snapshot = await store.snapshot();
    await readConfig(snapshot);
    if (positionals.length !== 3) throw new MlopsError("usage: mlops registry diff NAME VERSION_A VERSION_B (versions as v3 or #production)");
    const [name, a, b] = positionals;
    const version = (text) => resolveVersion(snapshot, text.startsWith("#") ? parseModelRef(name + text) : { name, version: parseVersion(text) });
    const [va, vb] = [await version(a), await version(b)];
    const [ma, mb] = [await readMetadata(snapshot, name, va), await readMetadata(snapshot, name, vb)];
    const d = diffVersions(ma, mb, await readProfile(snapshot, ma), await readProfile(snapshot, mb));
    emit(d, () => diffMarkdown(d));
    return 0;
  }
});

// src/cli/commands/registry/get.ts
import { resolve } from "node:path";
var getCommand = defineRegistryCommand({
  sub: "get",
  writes: false,
  summary: "fetch a version's model and metadata into a folder (sha256 verified).",
  usage: ["mlops registry get NAME[@vN|#STAGE] --out DIR"],
  positionals: [{ name: "NAME[@vN|#STAGE]", description: "the version (default: the latest)" }],
  options: { out: { type: "string", short: "o", value: "DIR", required: true, description: "where the model file and metadata.json go" } },
  examples: ["mlops registry get churn#production --out model/"],
  async run(values, { store, io, emit }, positionals) {
    const snapshot = await store.snapshot();
    await readConfig(snapshot);
    const ref = parseModelRef(one(positionals, "get NAME[@vN|#STAGE] --out DIR"));
    const fetched = await fetchVersion(snapshot, ref, resolve(io.cwd, values.out), httpDownload(io.env));
    emit(
      {
        name: fetched.name,
        version: versionLabel(fetched.version),
        model_file: fetched.modelFile,
        metadata_file: fetched.metadataFile,
        sha256: fetched.metadata.model.sha256
      },
      () => `fetched ${fetched.name} ${versionLabel(fetched.version)} to ${fetched.modelFile} (sha256 verified)`
    );
    return 0;
  }
});

// src/cli/commands/registry/history.ts
var historyCommand = defineRegistryCommand({
  sub: "history",
  writes: false,
  summary: "a model's event log: registrations, promotions, rollbacks, deprecations, images.",
  usage: ["mlops registry history NAME"],
  positionals: [{ name: "NAME", description: "the model" }],
  options: {},
  async run(_values, { store, format, emit }, positionals) {
    const snapshot = await store.snapshot();
    await readConfig(snapshot);
    const name = one(positionals, "history NAME");
    const events = await readHistory(snapshot, name);
    emit(
      events.map((e) => ({ ...e, version: versionLabel(e.version), ...e.previous ? { previous: versionLabel(e.previous) } : {} })),
      () => heading(format, `${name} history`) + table(
        ["#", "when", "event", "version", "stage", "actor", "reason or image", "run"],
        events.map((e) => [
          e.seq,
          e.at,
          e.type,
          versionLabel(e.version) + (e.previous ? ` (was ${versionLabel(e.previous)})` : ""),
          e.stage,
          e.actor,
          e.reason ?? e.image,
          e.run_url ?? e.run_id
        ])
      )
    );
    return 0;
  }
});

// src/cli/commands/registry/list.ts
var listCommand = defineRegistryCommand({
  sub: "list",
  writes: false,
  summary: "list the models (latest version, stages), or one model's versions with their metrics.",
  usage: ["mlops registry list [NAME]"],
  positionals: [{ name: "NAME", description: "list this model's versions" }],
  options: {},
  async run(_values, { store, format, emit }, positionals) {
    const snapshot = await store.snapshot();
    await readConfig(snapshot);
    if (positionals.length === 0) {
      const models = await listModels(snapshot);
      emit(
        models,
        () => models.length === 0 ? `the registry on ${store.description} is empty` : heading(format, "Models") + table(
          ["model", "latest", "stages", "deprecated"],
          models.map((m) => [m.name, versionLabel(m.latest_version), stagesText(m.stages), m.deprecated.map(versionLabel).join(", ")])
        )
      );
      return 0;
    }
    const name = one(positionals, "list [NAME]");
    const versions = await listVersions(snapshot, name);
    const metricNames = [...new Set(versions.flatMap((x) => Object.keys(x.metrics)))].slice(0, 4);
    emit(
      versions.map((x) => ({ ...x, version: versionLabel(x.version) })),
      () => heading(format, `${name} versions`) + table(
        ["version", "created", "actor", "stages", ...metricNames, "sha256"],
        versions.map((x) => [
          versionLabel(x.version) + (x.deprecated ? " (deprecated)" : ""),
          x.created_at,
          x.actor,
          x.stages.join(", "),
          ...metricNames.map((m) => x.metrics[m]),
          x.sha256.slice(0, 12)
        ])
      )
    );
    return 0;
  }
});
function stagesText(stages) {
  return Object.entries(stages).sort(([a], [b]) => a.localeCompare(b)).map(([s, v]) => `${s}: ${versionLabel(v)}`).join(", ");
}

// src/cli/commands/registry/promote.ts
var promoteCommand = defineRegistryCommand({
  sub: "promote",
  writes: true,
  summary: "put a version in a stage (the previous holder is recorded).",
  usage: ["mlops registry promote NAME VERSION --to STAGE [--reason TEXT]"],
  positionals: [
    { name: "NAME", description: "the model (or NAME@VERSION)" },
    { name: "VERSION", description: "v3 or 3" }
  ],
  options: { to: { type: "string", value: "STAGE", required: true, description: "the stage (staging, production, archived)" }, ...reasonOption },
  examples: ['mlops registry promote churn v7 --to production --reason "beats v6 on holdout AUC"'],
  async run(values, { ctx, emit }, positionals) {
    const [name, version] = nameAndVersion(positionals, "promote NAME VERSION --to STAGE");
    const done = await promote(ctx, { name, version }, values.to, values.reason);
    const r = done.result;
    emit(
      { ...r, version: versionLabel(r.version), previous: r.previous ? versionLabel(r.previous) : null, commit: done.commit, attempts: done.attempts },
      () => `promoted ${r.name} ${versionLabel(r.version)} to ${r.stage}${r.previous ? ` (was ${versionLabel(r.previous)})` : ""} in ${done.commit.slice(0, 12)}`
    );
    return 0;
  }
});

// src/evaluate/schema.ts
var scalars = external_exports.record(external_exports.string(), external_exports.number().nullable());
var modelEvaluation = external_exports.object({
  model: external_exports.string(),
  metrics: scalars,
  perClass: external_exports.array(external_exports.object({ label: external_exports.string(), precision: external_exports.number(), recall: external_exports.number(), f1: external_exports.number(), support: external_exports.number() })).optional(),
  confusion: external_exports.object({ labels: external_exports.array(external_exports.string()), matrix: external_exports.array(external_exports.array(external_exports.number())) }).optional(),
  calibration: external_exports.array(external_exports.object({ lower: external_exports.number(), upper: external_exports.number(), count: external_exports.number(), confidence: external_exports.number(), accuracy: external_exports.number() })).optional(),
  curves: external_exports.object({
    roc: external_exports.object({ fpr: external_exports.array(external_exports.number()), tpr: external_exports.array(external_exports.number()) }),
    pr: external_exports.object({ recall: external_exports.array(external_exports.number()), precision: external_exports.array(external_exports.number()) })
  }).optional(),
  residuals: external_exports.object({ edges: external_exports.array(external_exports.number()), counts: external_exports.array(external_exports.number().int()), clipped: external_exports.number().int() }).optional(),
  params: external_exports.record(external_exports.string(), external_exports.unknown()).optional()
});
var num = external_exports.number().nullable().transform((v) => v ?? Number.NaN);
var evaluationSchema = external_exports.object({
  schema_version: external_exports.literal(1),
  kind: external_exports.literal("evaluation"),
  generated_at: external_exports.string(),
  task: external_exports.enum(["classification", "regression"]),
  target: external_exports.string(),
  data: external_exports.array(external_exports.string()),
  rows: external_exports.number().int(),
  skipped_rows: external_exports.number().int(),
  primary_metric: external_exports.string(),
  candidate: modelEvaluation,
  champion: modelEvaluation.nullable(),
  slices: external_exports.array(
    external_exports.object({
      column: external_exports.string(),
      value: external_exports.string(),
      rows: external_exports.number().int(),
      candidate: scalars,
      champion: scalars.nullable(),
      worse: external_exports.boolean().nullable()
    })
  ),
  significance: external_exports.object({
    metric: external_exports.string(),
    bootstrap: external_exports.object({
      observed: num,
      lower: num,
      upper: num,
      confidence: external_exports.number(),
      resamples: external_exports.number().int(),
      skipped: external_exports.number().int(),
      seed: external_exports.number().int()
    }),
    mcnemar: external_exports.object({
      candidateOnly: external_exports.number().int(),
      championOnly: external_exports.number().int(),
      statistic: external_exports.number().nullable(),
      pValue: external_exports.number(),
      method: external_exports.enum(["exact", "chi-square"])
    }).nullable(),
    significant: external_exports.boolean(),
    reason: external_exports.string()
  }).nullable(),
  verdict: external_exports.object({
    verdict: external_exports.enum(["pass", "fail"]),
    passed: external_exports.boolean(),
    hasChampion: external_exports.boolean(),
    results: external_exports.array(
      external_exports.object({
        rule: external_exports.string(),
        section: external_exports.enum(["rules", "budgets", "slices", "significance"]),
        slice: external_exports.string().optional(),
        metric: external_exports.string(),
        candidate: external_exports.number().nullable(),
        champion: external_exports.number().nullable(),
        threshold: external_exports.number().nullable(),
        status: external_exports.enum(["pass", "fail", "skipped"]),
        reason: external_exports.string()
      })
    ),
    notes: external_exports.array(external_exports.string())
  }),
  min_rows: external_exports.number().int().optional(),
  labels: external_exports.object({
    files: external_exports.array(external_exports.string()),
    key: external_exports.string(),
    target: external_exports.string(),
    since: external_exports.string().nullable(),
    logged_rows: external_exports.number().int(),
    matched_rows: external_exports.number().int(),
    unmatched_rows: external_exports.number().int(),
    outside_window_rows: external_exports.number().int(),
    labels: external_exports.number().int(),
    labels_without_prediction: external_exports.number().int(),
    served_versions: external_exports.record(external_exports.string(), external_exports.number().int())
  }).optional()
});
function parseEvaluation(text, file) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new MlopsError(`${file}: not JSON (${err.message})`);
  }
  const result = evaluationSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MlopsError(`${file}: not an evaluation document: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data;
}

// src/evaluate/registry-summary.ts
async function readEvaluationSummary(file) {
  const e = parseEvaluation(await readText(file), file);
  const groups = /* @__PURE__ */ new Map();
  for (const s of e.slices) groups.set(s.column, (groups.get(s.column) ?? 0) + 1);
  return {
    verdict: e.verdict.verdict,
    primary_metric: e.primary_metric,
    data: e.data,
    rows: e.rows,
    champion: e.champion?.model ?? null,
    rules: e.verdict.results.map((r) => ({
      rule: r.rule,
      section: r.section,
      ...r.slice !== void 0 ? { slice: r.slice } : {},
      metric: r.metric,
      candidate: finiteOrNull(r.candidate),
      threshold: finiteOrNull(r.threshold),
      status: r.status
    })),
    slices: [...groups].map(([column, n]) => ({ column, groups: n }))
  };
}
var finiteOrNull = (x) => typeof x === "number" && Number.isFinite(x) ? x : null;

// src/cli/commands/registry/register.ts
import { resolve as resolve2 } from "node:path";
var registerCommand = defineRegistryCommand({
  sub: "register",
  writes: true,
  summary: "record a new version of a model (v1, v2, ...) with its lineage, metrics and profile.",
  usage: [
    "mlops registry register NAME --model FILE [--lineage lineage.json] [--metrics m.json]",
    "                        [--params p.json] [--profile profile.json] [--stage STAGE]"
  ],
  positionals: [{ name: "NAME", description: "the model name (or --name)" }],
  options: {
    model: { type: "string", value: "FILE", required: true, description: "the model file (any format; stored in the branch up to --max-size-mb)" },
    name: { type: "string", value: "NAME", description: "model name (or the first argument)" },
    lineage: {
      type: "string",
      value: "FILE",
      description: "lineage.json from mlops train: params, metrics, data fingerprint, profile, source and environment are taken from it"
    },
    metrics: { type: "string", value: "FILE", description: '{"roc_auc": 0.91} (or a report with a "metrics" object); overrides lineage' },
    params: { type: "string", value: "FILE", description: '{"max_depth": 6} (or a document with a "params" object)' },
    profile: { type: "string", value: "FILE", description: "training-data profile from mlops profile" },
    evaluation: {
      type: "string",
      value: "FILE",
      description: "the evaluate report (mlops evaluate --format json): the gate's verdict, its rules and the slices go into the metadata and the model card"
    },
    stage: { type: "string", value: "STAGE", description: "also put the new version in this stage (staging, production, archived)" },
    commit: { type: "string", value: "SHA", description: "source commit (default GITHUB_SHA, else HEAD of the checkout)" },
    description: { type: "string", value: "TEXT", description: "intended use, for the model card" },
    limitations: { type: "string", value: "TEXT", description: "known limitations, for the model card" },
    framework: { type: "string", value: "NAME", description: "e.g. sklearn, xgboost, tfjs (default from the lineage)" },
    features: {
      type: "string",
      value: "a,b,c",
      description: `the data columns, in order, of a model whose one input is an [N, k] matrix (torch.onnx.export, skl2onnx); checked against k and stored, so serve, predict and evaluate feed it by column name (default: the model's sidecar MODEL.mlops.yml or its "mlops.features" metadata)`
    },
    "max-size-mb": {
      type: "number",
      value: "N",
      description: `store models up to N MB in the branch (default ${DEFAULT_MAX_INLINE_BYTES / 1024 / 1024})`,
      parse: (text, flag) => {
        const mb = parseNumber(text, { min: 0 });
        if (!mb.ok) throw new MlopsError(`${flag} must be a number of megabytes (got "${text}")`);
        return mb.value * 1024 * 1024;
      }
    },
    "model-url": {
      type: "string",
      value: "URL",
      description: "where a bigger model lives (release asset, artifact, LFS); only its sha256 and this pointer are stored"
    },
    ...reasonOption
  },
  examples: ["mlops registry register churn --model out/model.onnx --lineage out/lineage.json --stage staging"],
  async run(values, { ctx, io, emit }, positionals) {
    const name = values.name ?? positionals[0];
    if (!name) requireOption("registry register", void 0, "NAME (or --name)");
    if (positionals.length > 1) throw new MlopsError(`unexpected argument "${positionals[1]}" (see mlops registry --help)`);
    const done = await registerFromFiles(
      ctx,
      {
        name,
        model: values.model,
        lineage: values.lineage,
        metrics: values.metrics,
        params: values.params,
        profile: values.profile,
        evaluation: values.evaluation === void 0 ? void 0 : await readEvaluationSummary(resolve2(io.cwd, values.evaluation)),
        stage: values.stage,
        reason: values.reason,
        commit: values.commit,
        description: values.description,
        limitations: values.limitations,
        framework: values.framework,
        features: values.features,
        modelUrl: values["model-url"],
        maxInlineBytes: values["max-size-mb"] ?? DEFAULT_MAX_INLINE_BYTES
      },
      io
    );
    const r = done.result;
    emit(
      {
        name: r.name,
        version: versionLabel(r.version),
        version_number: r.version,
        sha256: r.sha256,
        stage: r.stage ?? null,
        commit: done.commit,
        attempts: done.attempts
      },
      () => `registered ${r.name} ${versionLabel(r.version)}${r.stage ? ` in ${r.stage}` : ""} (sha256 ${r.sha256.slice(0, 12)}) in ${done.commit.slice(0, 12)}`
    );
    return 0;
  }
});

// src/cli/commands/registry/rollback.ts
var rollbackCommand = defineRegistryCommand({
  sub: "rollback",
  writes: true,
  summary: "put a stage back on the version it held before.",
  usage: ["mlops registry rollback NAME --stage STAGE [--reason TEXT]"],
  positionals: [{ name: "NAME", description: "the model" }],
  options: { stage: { type: "string", value: "STAGE", required: true, description: "the stage to roll back" }, ...reasonOption },
  examples: ['mlops registry rollback churn --stage production --reason "latency regression"'],
  async run(values, { ctx, emit }, positionals) {
    const name = one(positionals, "rollback NAME --stage STAGE");
    const done = await rollback(ctx, name, values.stage, values.reason);
    const r = done.result;
    emit(
      { ...r, version: versionLabel(r.version), previous: r.previous ? versionLabel(r.previous) : null, commit: done.commit, attempts: done.attempts },
      () => `rolled back ${r.name} ${r.stage} from ${versionLabel(r.previous)} to ${versionLabel(r.version)} in ${done.commit.slice(0, 12)}`
    );
    return 0;
  }
});

// src/cli/commands/registry/show.ts
var showCommand = defineRegistryCommand({
  sub: "show",
  writes: false,
  summary: "print a version's model card, stages, deprecation and image.",
  usage: ["mlops registry show NAME[@vN|#STAGE]"],
  positionals: [{ name: "NAME[@vN|#STAGE]", description: "the version (default: the latest)" }],
  options: {},
  examples: ["mlops registry show churn#production"],
  async run(_values, { store, format, emit }, positionals) {
    const snapshot = await store.snapshot();
    await readConfig(snapshot);
    const ref = parseModelRef(one(positionals, "show NAME[@vN|#STAGE]"));
    const detail = await showVersion(snapshot, ref);
    const m = detail.metadata;
    emit({ ...detail, version: versionLabel(m.version) }, () => {
      const image = detail.images[detail.images.length - 1];
      const status = [
        `${m.name} ${versionLabel(m.version)}`,
        detail.stages.length ? `stages: ${detail.stages.join(", ")}` : "no stage",
        detail.deprecated ? `deprecated ${detail.deprecated.at} by ${detail.deprecated.actor}${detail.deprecated.reason ? `: ${detail.deprecated.reason}` : ""}` : "",
        image ? `image: ${image.image}@${image.digest}` : ""
      ].filter((s) => s !== "");
      return `${format === "markdown" ? "> " : ""}${status.join(" \xB7 ")}

${detail.card}`;
    });
    return 0;
  }
});

// src/cli/commands/registry.ts
var SUBCOMMANDS = [
  registerCommand,
  promoteCommand,
  rollbackCommand,
  deprecateCommand,
  annotateCommand,
  listCommand,
  showCommand,
  historyCommand,
  getCommand,
  diffCommand,
  checkCommand
];
var subName = (c) => c.name.replace(/^registry /, "");
var help = `mlops registry: a model registry on a git branch of your own repository (nothing to host).

Usage:
${SUBCOMMANDS.flatMap((c) => c.spec.usage.map((u) => `  ${u}`)).join("\n")}

${SUBCOMMANDS.map((c) => `  ${subName(c).padEnd(10)} ${c.spec.summary}`).join("\n")}

Run \`mlops registry SUB --help\` for a sub-command's own options and examples.

${optionTable({ ...registryStoreOptions, ...registryWriteOptions })}

check:
${CHECK_TEXT.replace(/^/gm, "  ")}

Every write checks the invariants it builds on first (registry.json, the index, stage
pointers, the event count, the new version's folder not existing, the high-water marker) and
refuses with exit 2 naming the file; run check to see everything that is wrong.

Every write is a compare-and-swap on the branch head: when another run wins the race this
one re-reads, re-applies and retries with backoff, so versions stay unique (v1, v2, ...)
and no event is lost. Exit code 2 on bad input; the branch is then left as it was.

Examples:
${SUBCOMMANDS.flatMap((c) => c.spec.examples ?? []).map((e) => `  ${e}`).join("\n")}
`;
var find = (sub) => SUBCOMMANDS.find((c) => subName(c) === sub);
var registryCommand = {
  name: "registry",
  help,
  subcommands: SUBCOMMANDS,
  helpFor: (argv) => find(argv[0])?.help ?? help,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const command = find(sub);
    if (!command) {
      throw new MlopsError(
        `${sub ? `unknown subcommand "${sub}"` : "missing subcommand"}: use one of ${SUBCOMMANDS.map(subName).join(", ")} (see mlops registry --help)`
      );
    }
    return command.run(rest, io);
  }
};
export {
  registryCommand
};
