import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  fetchVersion,
  httpDownload
} from "./cli-chunk-ABVFU6OS.js";
import {
  VERSION
} from "./cli-chunk-NH24N57C.js";
import {
  registryStoreOptions
} from "./cli-chunk-TD7EJ6WJ.js";
import {
  execProgram,
  parseLfsPointer,
  runBuiltinTraining,
  runCommandTraining
} from "./cli-chunk-7HLGH3GS.js";
import {
  TRAIN_CONFIG_SCHEMA_VERSION,
  TrainConfigSchema
} from "./cli-chunk-66UXXLKX.js";
import {
  git,
  onnx,
  openStore,
  parseModelRef,
  readMetadata,
  resolveVersion,
  versionLabel
} from "./cli-chunk-BWLW4W5B.js";
import "./cli-chunk-GO65PKX3.js";
import "./cli-chunk-BXEWGB6B.js";
import "./cli-chunk-WKPB2DLF.js";
import "./cli-chunk-S6V5JK25.js";
import "./cli-chunk-X2GB25J3.js";
import {
  external_exports
} from "./cli-chunk-432HCV4T.js";
import "./cli-chunk-6HQVLVXU.js";
import {
  code,
  table
} from "./cli-chunk-5E2F2P2C.js";
import {
  writeText
} from "./cli-chunk-E2MBSDJC.js";
import {
  defineCommand
} from "./cli-chunk-BC6VW377.js";
import "./cli-chunk-SRRUYVY4.js";
import "./cli-chunk-PPRUUPOP.js";
import {
  MlopsError,
  errorMessage
} from "./cli-chunk-CRJPICDA.js";
import "./cli-chunk-3D3HMA2K.js";

// src/cli/commands/reproduce.ts
import { resolve as resolve3 } from "node:path";

// src/reproduce/process.ts
import { spawn } from "node:child_process";
var runArgv = (argv, options) => new Promise((resolve4, reject) => {
  const child = spawn(argv[0], argv.slice(1), { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d) => options.log(d.toString()));
  child.stderr.on("data", (d) => options.log(d.toString()));
  child.on("error", (err) => reject(new MlopsError(`cannot run ${argv[0]}: ${err.message}`)));
  child.on("close", (code2) => resolve4(code2 ?? 1));
});
function splitCommand(text) {
  const words = [];
  let word = "";
  let inWord = false;
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === "\\" && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === "\\" && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new MlopsError(`--fetch-command has an unclosed ${quote} quote`);
  if (inWord) words.push(word);
  return words;
}
function fetchArgv(template, uri, dest) {
  return template.map((w) => w.replaceAll("{uri}", uri).replaceAll("{dest}", dest));
}

// src/reproduce/reproduce.ts
import { copyFile as copyFile2, mkdir as mkdir2, mkdtemp, readFile as readFile2, rm as rm2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join as join3, resolve as resolve2 } from "node:path";

// src/reproduce/compare.ts
function decode(bytes, what) {
  try {
    return onnx.ModelProto.decode(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (err) {
    throw new MlopsError(`${what}: not an ONNX model (${errorMessage(err)})`);
  }
}
function compareInitializers(recorded, reproduced) {
  const a = initializers(decode(recorded, "the registered model"));
  const b = initializers(decode(reproduced, "the reproduced model"));
  const differing = [];
  const missing = [];
  for (const [name, ta] of a) {
    const tb = b.get(name);
    if (!tb) {
      missing.push(name);
      continue;
    }
    if (!Buffer.from(onnx.TensorProto.encode(ta).finish()).equals(Buffer.from(onnx.TensorProto.encode(tb).finish()))) {
      const diff = maxAbsDiff(ta, tb);
      differing.push({ name, ...diff !== void 0 ? { max_abs_diff: diff } : {} });
    }
  }
  const extra = [...b.keys()].filter((n) => !a.has(n));
  return { initializers: a.size, identical: differing.length === 0 && missing.length === 0 && extra.length === 0, differing, missing, extra };
}
function initializers(model) {
  return new Map((model.graph?.initializer ?? []).map((t) => [t.name ?? "", t]));
}
var FLOAT = 1;
function floats(t) {
  if (t.dataType !== FLOAT) return void 0;
  if (t.rawData && t.rawData.length > 0) {
    const raw = t.rawData;
    const copy2 = new Uint8Array(raw.length);
    copy2.set(raw);
    return new Float32Array(copy2.buffer);
  }
  return Float32Array.from(t.floatData ?? []);
}
function maxAbsDiff(a, b) {
  const fa = floats(a);
  const fb = floats(b);
  if (!fa || !fb || fa.length !== fb.length) return void 0;
  let max = 0;
  for (let i = 0; i < fa.length; i++) max = Math.max(max, Math.abs(fa[i] - fb[i]));
  return max;
}
function compareMetrics(recorded, reproduced, tolerance) {
  const names = [.../* @__PURE__ */ new Set([...Object.keys(recorded), ...Object.keys(reproduced)])].sort();
  return names.map((name) => {
    const r = recorded[name] ?? null;
    const p = reproduced[name] ?? null;
    const diff = r !== null && p !== null ? Math.abs(r - p) : null;
    const matched = diff !== null && (tolerance === null ? r === p : diff <= tolerance);
    return { name, recorded: r, reproduced: p, abs_diff: diff, matched };
  });
}

// src/reproduce/fetch-data.ts
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
async function fetchTrainingData(files, ctx) {
  const checks = [];
  for (const f of files) {
    const dest = resolve(ctx.workDir, f.path);
    await mkdir(dirname(dest), { recursive: true });
    const via = await place(f, dest, ctx);
    const { sha256, bytes } = await hashFile(dest);
    checks.push({
      path: f.path,
      location: describeLocation(f.location),
      via,
      bytes,
      sha256_expected: f.sha256,
      sha256_actual: sha256,
      matched: sha256 === f.sha256
    });
  }
  return checks;
}
function describeLocation(location) {
  if (!location) return "not recorded";
  switch (location.kind) {
    case "git":
      return `git ${location.path}${location.commit ? `@${location.commit.slice(0, 12)}` : ""}${location.lfs ? ` (LFS ${location.lfs.oid.slice(0, 19)}\u2026)` : ""}`;
    case "local":
      return "local (not in git at the commit)";
    case "artifact":
      return `artifact ${location.name}${location.run_id ? ` of run ${location.run_id}` : ""}`;
    case "release":
      return `release ${location.repository}@${location.tag} asset ${location.asset}`;
    case "url":
      return location.uri;
  }
}
function fetchUri(location) {
  switch (location.kind) {
    case "url":
    case "release":
      return location.uri;
    case "artifact":
      return `artifact:${location.name}${location.run_id ? `@${location.run_id}` : ""}`;
    default:
      return void 0;
  }
}
async function place(f, dest, ctx) {
  const loc = f.location;
  const localCopy = join(ctx.source.top, relative(ctx.source.dir, ctx.workDir), f.path);
  if (!loc) {
    if (existsSync(dest)) return "the recorded commit";
    if (existsSync(localCopy)) return copy(localCopy, dest, "the local checkout");
    throw new MlopsError(`${f.path}: not at the recorded commit and not in ${ctx.source.top}; the lineage records no location for it`);
  }
  switch (loc.kind) {
    case "git": {
      if (loc.commit && loc.commit !== ctx.source.commit) await writeFile(dest, await ctx.git(["show", `${loc.commit}:${loc.path}`], { cwd: ctx.source.top }));
      else if (!existsSync(join(ctx.source.dir, loc.path)))
        throw new MlopsError(`${f.path}: not in the repository at ${ctx.source.commit.slice(0, 12)} (${loc.path})`);
      else if (join(ctx.source.dir, loc.path) !== dest) await copyFile(join(ctx.source.dir, loc.path), dest);
      return loc.lfs ? lfsObject(f.path, loc.lfs.oid, dest, ctx) : "the recorded commit";
    }
    case "local":
      if (!existsSync(localCopy)) throw new MlopsError(`${f.path}: recorded as local data (not in git at the commit) and not at ${localCopy}`);
      return copy(localCopy, dest, "the local checkout");
    default: {
      const uri = fetchUri(loc);
      if (ctx.fetchCommand.length === 0) {
        throw new MlopsError(
          `${f.path} is at ${uri}: pass --fetch-command 'CMD {uri} {dest}' to fetch it (e.g. 'aws s3 cp {uri} {dest}'; see docs/reproduce.md)`
        );
      }
      await fetchWithCommand(f.path, uri, dest, ctx);
      return `--fetch-command from ${uri}`;
    }
  }
}
async function copy(from, to, via) {
  if (resolve(from) !== resolve(to)) await copyFile(from, to);
  return via;
}
async function lfsObject(path, oid, dest, ctx) {
  const pointer = await readFile(dest);
  if (!parseLfsPointer(pointer.toString())) return "the recorded commit";
  const hex = oid.slice("sha256:".length);
  const cached = join(ctx.source.gitDir, "lfs", "objects", hex.slice(0, 2), hex.slice(2, 4), hex);
  if (existsSync(cached)) return copy(cached, dest, "the local Git LFS cache");
  const hasLfs = await ctx.git(["lfs", "version"], { cwd: ctx.source.dir }).then(
    () => true,
    () => false
  );
  if (hasLfs) {
    await writeFile(dest, await ctx.git(["lfs", "smudge", "--", path], { cwd: ctx.source.dir, input: pointer }));
    return "git lfs smudge";
  }
  if (ctx.fetchCommand.length > 0) {
    await fetchWithCommand(path, oid.replace(/^sha256:/, "lfs:sha256:"), dest, ctx);
    return `--fetch-command from lfs:${oid}`;
  }
  throw new MlopsError(`${path} is a Git LFS object (${oid}) that is not in ${join(ctx.source.gitDir, "lfs")}: install git-lfs or pass --fetch-command`);
}
async function fetchWithCommand(path, uri, dest, ctx) {
  const argv = fetchArgv(ctx.fetchCommand, uri, dest);
  ctx.log(`fetching ${path}: ${argv[0]} \u2026`);
  const code2 = await ctx.run(argv, { cwd: ctx.workDir, env: ctx.env, log: (chunk) => ctx.log(chunk.trimEnd()) });
  if (code2 !== 0) throw new MlopsError(`${path}: --fetch-command exited with code ${code2} fetching ${uri}`);
  if (!existsSync(dest)) throw new MlopsError(`${path}: --fetch-command exited 0 but did not write {dest} (${dest})`);
}
async function hashFile(file) {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest("hex"), bytes };
}

// src/reproduce/report.ts
var REPRODUCE_REPORT_SCHEMA_VERSION = 1;
var DEFAULT_TOLERANCE = 1e-6;
var ReproduceReportSchema = external_exports.object({
  schema_version: external_exports.literal(REPRODUCE_REPORT_SCHEMA_VERSION),
  kind: external_exports.literal("mlops/reproduce-report"),
  model: external_exports.string(),
  version: external_exports.string(),
  commit: external_exports.string(),
  trainer: external_exports.enum(["builtin", "command"]),
  backend: external_exports.string().optional(),
  /** exact: byte-equal weights and equal metrics (built-in trainer, CPU backend); tolerance: metrics within `tolerance`. */
  mode: external_exports.enum(["exact", "tolerance"]),
  tolerance: external_exports.number().nonnegative().nullable(),
  reproduced: external_exports.boolean(),
  /** One line: "weights identical, metrics identical", or what differed. */
  summary: external_exports.string(),
  data: external_exports.array(
    external_exports.object({
      path: external_exports.string(),
      location: external_exports.string(),
      via: external_exports.string(),
      bytes: external_exports.number().int().nonnegative(),
      sha256_expected: external_exports.string(),
      sha256_actual: external_exports.string(),
      matched: external_exports.boolean()
    })
  ),
  /** Absent when the data did not match (nothing was trained). */
  weights: external_exports.object({
    initializers: external_exports.number().int().nonnegative(),
    identical: external_exports.boolean(),
    differing: external_exports.array(external_exports.object({ name: external_exports.string(), max_abs_diff: external_exports.number().optional() })),
    missing: external_exports.array(external_exports.string()),
    extra: external_exports.array(external_exports.string())
  }).optional(),
  metrics: external_exports.array(
    external_exports.object({ name: external_exports.string(), recorded: external_exports.number().nullable(), reproduced: external_exports.number().nullable(), abs_diff: external_exports.number().nullable(), matched: external_exports.boolean() })
  )
});
function formatDelta(d) {
  return d === 0 ? "0" : d.toExponential(2);
}
function summarize(r) {
  const bad = r.data.filter((d) => !d.matched);
  if (bad.length > 0) return `data differs: ${bad.map((d) => `${d.path}: sha256 ${d.sha256_actual}, the lineage records ${d.sha256_expected}`).join("; ")}`;
  const parts = [];
  const w = r.weights;
  if (w) {
    if (w.identical) parts.push("weights identical");
    else {
      const diffs = w.differing.map((d) => d.max_abs_diff).filter((d) => d !== void 0);
      const n = w.differing.length + w.missing.length + w.extra.length;
      parts.push(`weights differ (${n} of ${w.initializers} initializers${diffs.length ? `, max |\u0394| ${formatDelta(Math.max(...diffs))}` : ""})`);
    }
  }
  const off = r.metrics.filter((m) => !m.matched);
  const tol = r.mode === "tolerance" ? ` within ${r.tolerance}` : " identical";
  if (r.metrics.length === 0) parts.push("no metrics recorded to compare");
  else if (off.length === 0) parts.push(`metrics${tol}`);
  else
    parts.push(
      `metrics differ: ${off.map((m) => `${m.name} ${m.recorded ?? "absent"} \u2192 ${m.reproduced ?? "absent"}${m.abs_diff !== null ? ` (|\u0394| ${formatDelta(m.abs_diff)})` : ""}`).join(", ")}`
    );
  return parts.join(", ");
}
function reproduceMarkdown(r) {
  const lines = [`# Reproduce ${r.model} ${r.version}`, "", `**${r.reproduced ? "Reproduced" : "Not reproduced"}**: ${r.summary}.`, ""];
  lines.push(
    table(
      ["", ""],
      [
        ["commit", code(r.commit)],
        ["trainer", r.trainer],
        ...r.backend ? [["backend", r.backend]] : [],
        ["comparison", r.mode === "exact" ? "exact: byte-equal ONNX initializers, equal metrics" : `metrics within ${r.tolerance} (absolute)`]
      ]
    ),
    ""
  );
  lines.push(
    "## Data",
    "",
    table(
      ["file", "recorded at", "fetched from", "bytes", "sha256", "match"],
      r.data.map((d) => [
        code(d.path),
        d.location,
        d.via,
        d.bytes,
        d.matched ? code(d.sha256_actual.slice(0, 12)) : `${code(d.sha256_actual)} \u2260 recorded ${code(d.sha256_expected)}`,
        d.matched ? "yes" : "**no**"
      ]),
      ["l", "l", "l", "r", "l", "l"]
    ),
    ""
  );
  if (r.weights) {
    const w = r.weights;
    lines.push(
      "## Weights",
      "",
      `${w.initializers} initializers compared: ${w.identical ? "all byte-identical" : `${w.differing.length} differ, ${w.missing.length} missing, ${w.extra.length} extra`}.`,
      ""
    );
    if (w.differing.length)
      lines.push(
        table(
          ["initializer", "max |\u0394|"],
          w.differing.map((d) => [code(d.name), d.max_abs_diff !== void 0 ? formatDelta(d.max_abs_diff) : "not a float tensor"]),
          ["l", "r"]
        ),
        ""
      );
    if (w.missing.length) lines.push(`Missing from the reproduced model: ${w.missing.map(code).join(", ")}`, "");
    if (w.extra.length) lines.push(`Only in the reproduced model: ${w.extra.map(code).join(", ")}`, "");
  }
  if (r.metrics.length) {
    lines.push(
      "## Metrics",
      "",
      table(
        ["metric", "recorded", "reproduced", "|\u0394|", "match"],
        r.metrics.map((m) => [
          m.name,
          m.recorded !== null ? String(m.recorded) : "\u2014",
          m.reproduced !== null ? String(m.reproduced) : "\u2014",
          m.abs_diff !== null ? formatDelta(m.abs_diff) : "\u2014",
          m.matched ? "yes" : "**no**"
        ]),
        ["l", "r", "r", "r", "l"]
      ),
      ""
    );
  }
  return lines.join("\n");
}

// src/reproduce/source.ts
import { rm } from "node:fs/promises";
import { join as join2 } from "node:path";
async function materialiseCommit(git2, cwd, commit, scratch) {
  const top = await git2(["rev-parse", "--show-toplevel"], { cwd }).then(
    (b) => b.toString().trim(),
    () => {
      throw new MlopsError(`${cwd} is not in a git checkout: run mlops reproduce in the project's repository (it checks out the recorded commit from it)`);
    }
  );
  const gitDir = (await git2(["rev-parse", "--path-format=absolute", "--git-common-dir"], { cwd: top })).toString().trim();
  const has = () => git2(["cat-file", "-e", `${commit}^{commit}`], { cwd: top }).then(
    () => true,
    () => false
  );
  if (!await has()) {
    await git2(["fetch", "--quiet", "origin", commit], { cwd: top }).catch(() => void 0);
    if (!await has()) {
      throw new MlopsError(`commit ${commit} is not in ${top}: fetch it (git fetch origin ${commit}; with actions/checkout, fetch-depth: 0)`);
    }
  }
  const dir = join2(scratch, "source");
  try {
    await git2(["worktree", "add", "--detach", "--quiet", dir, commit], { cwd: top, env: { GIT_LFS_SKIP_SMUDGE: "1" } });
  } catch (err) {
    throw new MlopsError(`cannot check out ${commit} into a temporary worktree: ${errorMessage(err)}`);
  }
  return {
    dir,
    commit,
    top,
    gitDir,
    async cleanup() {
      await git2(["worktree", "remove", "--force", dir], { cwd: top }).catch(() => void 0);
      await rm(dir, { recursive: true, force: true });
      await git2(["worktree", "prune"], { cwd: top }).catch(() => void 0);
    }
  };
}

// src/reproduce/reproduce.ts
var GPU_BACKENDS = /* @__PURE__ */ new Set(["tensorflow-gpu"]);
async function reproduce(o) {
  const version = await resolveVersion(o.snapshot, o.ref);
  const label = `${o.ref.name} ${versionLabel(version)}`;
  const meta = await readMetadata(o.snapshot, o.ref.name, version);
  const lineage = meta.lineage;
  if (!lineage) throw new MlopsError(`${label} was registered without a lineage (mlops registry register --lineage): there is no training record to reproduce`);
  const commit = lineage.source.commit;
  if (!commit) throw new MlopsError(`${label}: its lineage records no source commit, so the code it was trained with is unknown`);
  const trainer = lineage.params.trainer === "command" ? "command" : lineage.params.trainer === "builtin" ? "builtin" : void 0;
  if (!trainer) throw new MlopsError(`${label}: its lineage records no trainer (params.trainer builtin or command)`);
  const backend = lineage.environment.backend;
  const exact = trainer === "builtin" && !GPU_BACKENDS.has(backend ?? "");
  const scratch = await mkdtemp(join3(o.env.RUNNER_TEMP || tmpdir(), `mlops-reproduce-${o.ref.name}-`));
  try {
    const registered = await fetchVersion(o.snapshot, { name: o.ref.name, version }, join3(scratch, "registered"), o.download);
    o.log(`reproducing ${label}: ${trainer} trainer${backend ? ` (${backend})` : ""} at ${commit.slice(0, 12)}`);
    const source = await materialiseCommit(o.git, o.cwd, commit, scratch);
    try {
      const workDir = resolve2(source.dir, lineage.source.directory ?? "");
      const data = await fetchTrainingData(lineage.data.files, {
        git: o.git,
        run: o.run,
        source,
        workDir,
        fetchCommand: o.fetchCommand,
        env: o.env,
        log: o.log
      });
      for (const d of data)
        o.log(`data ${d.path}: ${d.matched ? "sha256 matches" : `sha256 ${d.sha256_actual}, the lineage records ${d.sha256_expected}`} (${d.via})`);
      const base = {
        schema_version: REPRODUCE_REPORT_SCHEMA_VERSION,
        kind: "mlops/reproduce-report",
        model: o.ref.name,
        version: versionLabel(version),
        commit,
        trainer,
        ...backend ? { backend } : {},
        mode: exact ? "exact" : "tolerance",
        tolerance: exact ? null : o.tolerance,
        data
      };
      if (data.some((d) => !d.matched)) return finish({ ...base, metrics: [] });
      const out = join3(scratch, "out");
      const trained = trainer === "builtin" ? await trainBuiltin(
        lineage,
        data.map((d) => resolve2(workDir, d.path)),
        workDir,
        out,
        o,
        label
      ) : await trainCommand(lineage, workDir, out, o, label);
      if ("failed" in trained) throw new MlopsError(`${label}: ${trained.failed}`, { exitCode: 1 });
      const weights = compareInitializers(await readFile2(registered.modelFile), await readFile2(trained.modelFile));
      const metrics = compareMetrics(lineage.metrics, trained.metrics, exact ? null : o.tolerance);
      if (o.outDir) await keep(trained, resolve2(o.cwd, o.outDir, "reproduced"));
      return finish({ ...base, weights, metrics });
    } finally {
      await source.cleanup();
    }
  } finally {
    await rm2(scratch, { recursive: true, force: true });
  }
}
function finish(r) {
  const dataOk = r.data.every((d) => d.matched);
  const metricsOk = r.metrics.every((m) => m.matched);
  const weightsDecide = r.mode === "exact" || r.metrics.length === 0;
  const reproduced = dataOk && metricsOk && (!weightsDecide || r.weights?.identical === true);
  return ReproduceReportSchema.parse({ ...r, reproduced, summary: summarize(r) });
}
function recordedTrainConfig(lineage, label) {
  const p = lineage.params;
  const features = p.feature_selection ?? (Array.isArray(p.features) ? { include: p.features } : void 0);
  const parsed = TrainConfigSchema.safeParse({
    schema_version: TRAIN_CONFIG_SCHEMA_VERSION,
    ...lineage.model.target ? { target: lineage.model.target } : {},
    ...lineage.model.task ? { task: lineage.model.task } : {},
    model: p.model,
    training: p.training,
    ...features ? { features } : {},
    ...lineage.environment.backend ? { backend: lineage.environment.backend } : {}
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MlopsError(`${label}: the lineage's training parameters are not a train config this mlops reads (${issue.path.join(".")}: ${issue.message})`);
  }
  return parsed.data;
}
async function trainBuiltin(lineage, files, cwd, outDir, o, label) {
  const config = recordedTrainConfig(lineage, label);
  if (!config.target || !config.task) throw new MlopsError(`${label}: the lineage records no target and task`);
  const env = { ...o.env };
  delete env.MLOPS_TF_BACKEND;
  const r = await runBuiltinTraining({
    files,
    target: config.target,
    task: config.task,
    config,
    outDir,
    log: o.log,
    env,
    now: o.now,
    exec: o.exec,
    cwd,
    producerVersion: o.producerVersion
  });
  return { modelFile: r.modelFile, metrics: r.metrics, files: [r.modelFile, r.metricsFile, r.lineageFile] };
}
async function trainCommand(lineage, cwd, outDir, o, label) {
  const command = lineage.run?.command ?? (typeof lineage.params.command === "string" ? lineage.params.command : void 0);
  const outputs = Array.isArray(lineage.params.outputs) ? lineage.params.outputs.filter((x) => typeof x === "string") : [];
  if (!command || outputs.length === 0) throw new MlopsError(`${label}: the lineage records no training command and outputs`);
  let r;
  try {
    r = await runCommandTraining({
      command,
      outputs,
      outDir,
      dataFiles: lineage.data.files.map((f) => f.path),
      cwd,
      env: o.env,
      now: o.now,
      exec: o.exec,
      stdout: o.commandOutput,
      stderr: o.commandOutput,
      log: o.log,
      producerVersion: o.producerVersion,
      seed: lineage.seed
    });
  } catch (err) {
    if (err instanceof MlopsError && err.exitCode === 1) return { failed: errorMessage(err) };
    throw err;
  }
  if (r.exitCode !== 0 || !r.modelFile || !r.metrics) return { failed: `the recorded training command exited with code ${r.exitCode}` };
  return { modelFile: r.modelFile, metrics: r.metrics, files: [r.modelFile, r.lineageFile] };
}
async function keep(trained, dir) {
  await mkdir2(dir, { recursive: true });
  for (const f of trained.files) await copyFile2(f, join3(dir, basename(f)));
}

// src/cli/commands/reproduce.ts
var { format: _storeFormat, ...storeOptions } = registryStoreOptions;
var reproduceCommand = defineCommand({
  name: "reproduce",
  summary: "re-run the training a registered version records and check it comes out the same.",
  usage: ["mlops reproduce NAME@vN [--out DIR] [--fetch-command 'CMD {uri} {dest}'] [--tolerance X] [--format markdown|json] [registry flags]"],
  positionals: [{ name: "NAME@vN", description: "the version (NAME#STAGE works too: the version holding the stage)" }],
  options: {
    "fetch-command": {
      type: "string",
      value: "CMD",
      description: "how to fetch data that is not in git: a command line run WITHOUT a shell, once per file, {uri} and {dest} replaced, e.g. 'aws s3 cp {uri} {dest}', 'gsutil cp {uri} {dest}', 'curl -fsSLo {dest} {uri}' (artifacts: {uri} is artifact:NAME@RUN_ID; LFS objects without git-lfs: lfs:sha256:OID). Credentials come from that tool's own environment, never from the lineage"
    },
    tolerance: {
      type: "number",
      value: "X",
      range: { min: 0 },
      default: DEFAULT_TOLERANCE,
      expected: "a non-negative number",
      description: "absolute metric tolerance where a rerun cannot be bit-exact"
    },
    out: {
      type: "string",
      short: "o",
      value: "DIR",
      description: "also write DIR/reproduce.md, DIR/reproduce.json and the reproduced model, metrics and lineage under DIR/reproduced/"
    },
    format: { type: "choice", choices: ["markdown", "json"], default: "markdown", description: "the report on stdout" },
    ...storeOptions
  },
  text: `What it does:
  1. reads the version's lineage from the registry branch;
  2. checks out the recorded commit into a temporary git worktree (your checkout, index and
     branches are not touched; the worktree is removed afterwards);
  3. puts each training file at its recorded path and checks its sha256: git paths come from
     the commit (Git LFS objects from .git/lfs, git-lfs, or --fetch-command), local files from
     this checkout, artifacts, release assets and URLs through --fetch-command;
  4. re-runs the recorded training: the built-in trainer with the same config, seed and
     backend, or the recorded command of the command trainer;
  5. compares: built-in trainer on a CPU backend (cpu, wasm, tensorflow): the ONNX graphs'
     initializers must be byte-identical and every metric equal; command trainer and GPU
     backends: every metric within --tolerance.

Exit codes: 0 reproduced; 1 it differs (a data file's sha256, the weights or a metric), or the
recorded training failed; 2 bad usage or a version that cannot be reproduced (no lineage, no
commit, data that cannot be fetched).`,
  examples: [
    "mlops reproduce churn@v1",
    "mlops reproduce churn@v3 --fetch-command 'aws s3 cp {uri} {dest}' --out reproduce/",
    "mlops reproduce churn#production --format json --tolerance 1e-4"
  ],
  async run(values, io, positionals) {
    if (positionals.length !== 1) throw new MlopsError("usage: mlops reproduce NAME@vN (see mlops reproduce --help)");
    const ref = parseModelRef(positionals[0]);
    if (ref.version === void 0 && ref.stage === void 0)
      throw new MlopsError(`"${positionals[0]}": name a version (${ref.name}@v1) or a stage (${ref.name}#production)`);
    const { format, backend, tolerance } = values;
    const fetchCommand = values["fetch-command"] === void 0 ? [] : splitCommand(values["fetch-command"]);
    if (values["fetch-command"] !== void 0 && (fetchCommand.length === 0 || !fetchCommand.some((w) => w.includes("{dest}")))) {
      throw new MlopsError(`--fetch-command must be a command line that writes {dest}, e.g. 'aws s3 cp {uri} {dest}'`);
    }
    const log = (line) => io.stderr.write(line + "\n");
    const store = await openStore({
      backend,
      cwd: io.cwd,
      env: io.env,
      remote: values.remote,
      branch: values.branch,
      repo: values.repo,
      apiUrl: values["api-url"],
      cacheDir: values.cache
    });
    let report;
    try {
      report = await reproduce({
        snapshot: await store.snapshot(),
        ref,
        cwd: io.cwd,
        env: io.env,
        now: io.now,
        git: (args, options) => git(args, options),
        run: runArgv,
        exec: execProgram,
        download: httpDownload(io.env),
        fetchCommand,
        tolerance,
        producerVersion: VERSION,
        outDir: values.out,
        log,
        commandOutput: io.stderr
      });
    } finally {
      await store.close();
    }
    const markdown = reproduceMarkdown(report);
    const json = JSON.stringify(report, null, 2) + "\n";
    if (values.out) {
      await writeText(resolve3(io.cwd, values.out, "reproduce.md"), markdown);
      await writeText(resolve3(io.cwd, values.out, "reproduce.json"), json);
    }
    io.stdout.write(format === "json" ? json : markdown);
    log(`${report.model} ${report.version}: ${report.reproduced ? "reproduced" : "NOT reproduced"}: ${report.summary}`);
    return report.reproduced ? 0 : 1;
  }
});
export {
  reproduceCommand
};
