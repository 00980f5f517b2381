import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  higherIsBetter
} from "./cli-chunk-2MBF7UTT.js";
import {
  runBuiltinTraining,
  runCommandTraining,
  sourceInfo
} from "./cli-chunk-7HLGH3GS.js";
import {
  TrainConfigSchema,
  defaultTrainConfig,
  readTrainConfig
} from "./cli-chunk-66UXXLKX.js";
import {
  mutate,
  openStore
} from "./cli-chunk-BWLW4W5B.js";
import {
  mulberry32
} from "./cli-chunk-GO65PKX3.js";
import {
  external_exports
} from "./cli-chunk-432HCV4T.js";
import {
  beginAtomic
} from "./cli-chunk-E2MBSDJC.js";
import {
  MlopsError,
  SettingError,
  errorMessage
} from "./cli-chunk-CRJPICDA.js";

// src/runs/store.ts
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { link, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

// src/runs/schema.ts
var RUN_SCHEMA_VERSION = 1;
var RunRecordSchema = external_exports.object({
  schema_version: external_exports.literal(RUN_SCHEMA_VERSION),
  kind: external_exports.literal("mlops/run"),
  /** Sortable and unique: `<yyyymmddThhmmssZ>-<8 hex>`. */
  id: external_exports.string().regex(/^\d{8}T\d{6}Z-[0-9a-f]{8}$/),
  model: external_exports.string(),
  status: external_exports.enum(["ok", "failed"]),
  /** One line saying why a failed run failed. */
  error: external_exports.string().optional(),
  /** The training config flattened to dotted keys (`model.hidden_units`, `seed`). */
  params: external_exports.record(external_exports.string(), external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean(), external_exports.null()])),
  metrics: external_exports.record(external_exports.string(), external_exports.number()),
  tags: external_exports.record(external_exports.string(), external_exports.string()).default({}),
  data_fingerprint: external_exports.string().optional(),
  source: external_exports.object({
    commit: external_exports.string().optional(),
    ref: external_exports.string().optional(),
    pr: external_exports.number().int().optional(),
    workflow_run_url: external_exports.string().optional()
  }),
  environment: external_exports.object({
    runner: external_exports.string().optional(),
    backend: external_exports.string().optional(),
    gpu: external_exports.string().optional()
  }),
  started_at: external_exports.string(),
  duration_ms: external_exports.number().nonnegative(),
  sweep: external_exports.object({ id: external_exports.string(), trial: external_exports.number().int().nonnegative() }).optional(),
  artifact: external_exports.object({ kind: external_exports.enum(["actions-artifact", "local"]), name: external_exports.string().optional(), path: external_exports.string().optional() }).optional(),
  /** The registry version this run became, when it was registered. */
  registered_as: external_exports.string().optional()
});

// src/runs/store.ts
var RUNS_ROOT = "runs";
var ID = /^(\d{4})(\d{2})\d{2}T\d{6}Z-[0-9a-f]{8}$/;
var MONTH = /^\d{4}-\d{2}$/;
var RECORD_PATH = /^\d{4}-\d{2}\/\d{8}T\d{6}Z-[0-9a-f]{8}\.json$/;
function newRunId(startedAt, random = randomBytes) {
  const stamp = startedAt.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
  return `${stamp}-${random(4).toString("hex")}`;
}
function runFile(id) {
  const m = ID.exec(id);
  if (!m) throw new MlopsError(`"${id}" is not a run id (expected yyyymmddThhmmssZ-8hex, e.g. 20260101T120000Z-0a1b2c3d)`);
  return `${m[1]}-${m[2]}/${id}.json`;
}
function describe(source) {
  if ("dir" in source) return source.dir;
  if ("store" in source) return `${source.store.description}:${RUNS_ROOT}`;
  return RUNS_ROOT;
}
function parseRun(text, where) {
  let json;
  try {
    json = JSON.parse(text.toString());
  } catch (err) {
    throw new MlopsError(`${where}: not JSON (${errorMessage(err)})`);
  }
  const parsed = RunRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MlopsError(`${where}: not a run record (schema_version ${RUN_SCHEMA_VERSION}): ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}
async function listRuns(source) {
  if ("dir" in source) return listDirRuns(source.dir);
  const snapshot = "store" in source ? await source.store.snapshot() : source.snapshot;
  if (snapshot.readTree) {
    const files = (await snapshot.readTree(RUNS_ROOT)).filter((f) => RECORD_PATH.test(f.path));
    return files.map((f) => parseRun(f.content, `${RUNS_ROOT}/${f.path}`)).sort(byId);
  }
  const months = (await snapshot.listDir(RUNS_ROOT)).filter((m) => MONTH.test(m));
  const paths = [];
  for (const month of months) {
    for (const name of await snapshot.listDir(`${RUNS_ROOT}/${month}`)) if (name.endsWith(".json")) paths.push(`${RUNS_ROOT}/${month}/${name}`);
  }
  const contents = await snapshot.readFiles(paths);
  const runs = [];
  contents.forEach((content, i) => {
    if (content !== null) runs.push(parseRun(content, paths[i]));
  });
  return runs.sort(byId);
}
async function listDirRuns(dir) {
  const months = (await readdir(dir).catch(missingAsEmpty)).filter((m) => MONTH.test(m)).sort();
  const files = [];
  for (const month of months) {
    for (const name of (await readdir(join(dir, month)).catch(missingAsEmpty)).sort())
      if (ID.test(name.replace(/\.json$/, "")) && name.endsWith(".json")) files.push(join(dir, month, name));
  }
  const runs = files.map((file) => {
    let text;
    try {
      text = readFileSync(file);
    } catch (err) {
      throw new MlopsError(`cannot read ${file}: ${errorMessage(err)}`);
    }
    return parseRun(text, file);
  });
  return runs.sort(byId);
}
function missingAsEmpty(err) {
  if (err.code === "ENOENT" || err.code === "ENOTDIR") return [];
  throw new MlopsError(`cannot read ${err.path ?? "the runs folder"}: ${err.message}`);
}
var byId = (a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
async function findRun(source, idOrPrefix) {
  if (ID.test(idOrPrefix)) {
    if ("dir" in source) {
      const file = join(source.dir, runFile(idOrPrefix));
      const text = await readFile(file).catch((err) => {
        if (err.code === "ENOENT") return null;
        throw new MlopsError(`cannot read ${file}: ${err.message}`);
      });
      return text === null ? null : parseRun(text, file);
    }
    const snapshot = "store" in source ? await source.store.snapshot() : source.snapshot;
    const path = `${RUNS_ROOT}/${runFile(idOrPrefix)}`;
    const content = await snapshot.readFile(path);
    return content === null ? null : parseRun(content, path);
  }
  const matches = (await listRuns(source)).filter((r) => r.id.startsWith(idOrPrefix));
  if (matches.length > 1) throw new MlopsError(`run id prefix "${idOrPrefix}" matches ${matches.length} runs in ${describe(source)}: give more of the id`);
  return matches[0] ?? null;
}
function runText(record) {
  return JSON.stringify(RunRecordSchema.parse(record), null, 2) + "\n";
}
function sameRun(a, b, where) {
  return JSON.stringify(parseRun(a, where)) === JSON.stringify(parseRun(b, where));
}
async function writeRunToDir(dir, record) {
  const text = runText(record);
  const path = join(dir, runFile(record.id));
  const out = beginAtomic(path);
  try {
    await writeFile(out.path, text);
    await link(out.path, out.target);
  } catch (err) {
    const code = err.code;
    if (code === "EEXIST") throw new MlopsError(`${path}: run ${record.id} already exists; a run is never rewritten`);
    throw new MlopsError(`cannot write ${path}: ${errorMessage(err)}`);
  } finally {
    await out.abort();
  }
  return path;
}
async function importRunsToDir(dir, runs) {
  const written = [];
  for (const run of runs) {
    const path = join(dir, runFile(run.id));
    const existing = await readFile(path).catch(() => null);
    if (existing !== null) {
      if (!sameRun(existing, runText(run), path)) throw new MlopsError(`${path}: a different run ${run.id} is already there; a run is never rewritten`);
      continue;
    }
    await writeRunToDir(dir, run);
    written.push(run.id);
  }
  return written;
}

// src/model/sweep.ts
import { createHash } from "node:crypto";
function sweepId(config) {
  return `sw-${createHash("sha256").update(canonical(config)).digest("hex").slice(0, 12)}`;
}
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value).sort().filter((k) => value[k] !== void 0).map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
var tidy = (x) => Number(x.toPrecision(12));
function steps(min, max, step) {
  const n = Math.floor((max - min) / step + 1e-9) + 1;
  return Array.from({ length: n }, (_, i) => tidy(min + i * step));
}
function gridValues(name, spec) {
  if (Array.isArray(spec)) return spec;
  if (spec.step !== void 0) return steps(spec.min, spec.max, spec.step);
  if (spec.count === void 0)
    throw new MlopsError(`sweep.parameters.${name}: a grid needs a list, a step, or count points for a ${spec.log ? "log " : ""}range`);
  const count = spec.count;
  if (spec.log) {
    const [a, b] = [Math.log(spec.min), Math.log(spec.max)];
    return Array.from({ length: count }, (_, i) => tidy(Math.exp(a + (b - a) * i / (count - 1))));
  }
  return Array.from({ length: count }, (_, i) => tidy(spec.min + (spec.max - spec.min) * i / (count - 1)));
}
function drawValue(spec, random) {
  if (Array.isArray(spec)) return spec[Math.floor(random() * spec.length)];
  if (spec.step !== void 0) {
    const values = steps(spec.min, spec.max, spec.step);
    return values[Math.floor(random() * values.length)];
  }
  const u = random();
  if (spec.log) return Number(Math.exp(Math.log(spec.min) + u * (Math.log(spec.max) - Math.log(spec.min))).toPrecision(6));
  return Number((spec.min + u * (spec.max - spec.min)).toPrecision(6));
}
function defaultSweepMetric(task) {
  return task === "classification" ? "accuracy" : "rmse";
}
function planSweep(config, file = "train.yml") {
  const sweep = config.sweep;
  if (!sweep) throw new MlopsError(`${file}: no sweep: section (see docs/runs.md for sweep.method, sweep.parameters, sweep.max_trials)`);
  const metric = sweep.metric ?? defaultSweepMetric(config.task ?? "classification");
  const goal = sweep.goal ?? (higherIsBetter(metric) ? "maximize" : "minimize");
  const names = Object.keys(sweep.parameters);
  let trials;
  let combinations;
  if (sweep.method === "grid") {
    const values = names.map((n) => gridValues(n, sweep.parameters[n]));
    combinations = values.reduce((n, v) => n * v.length, 1);
    const count = Math.min(combinations, sweep.max_trials ?? combinations);
    trials = Array.from({ length: count }, (_, t) => {
      const params = {};
      let rest = t;
      for (let i = names.length - 1; i >= 0; i--) {
        params[names[i]] = values[i][rest % values[i].length];
        rest = Math.floor(rest / values[i].length);
      }
      return { trial: t, params: Object.fromEntries(names.map((n) => [n, params[n]])) };
    });
  } else {
    const random = mulberry32(sweep.seed);
    trials = Array.from({ length: sweep.max_trials }, (_, t) => ({
      trial: t,
      params: Object.fromEntries(names.map((n) => [n, drawValue(sweep.parameters[n], random)]))
    }));
  }
  return { id: sweepId(config), method: sweep.method, metric, goal, seed: sweep.seed, trials, ...combinations === void 0 ? {} : { combinations } };
}
function sweepMatrix(plan, shards) {
  if (shards === void 0) return { include: plan.trials.map((t) => ({ trial: t.trial })) };
  const n = Math.min(shards, plan.trials.length);
  return {
    include: Array.from({ length: n }, (_, s) => ({
      shard: s,
      trials: plan.trials.filter((t) => t.trial % n === s).map((t) => t.trial).join(" ")
    }))
  };
}
function trialConfig(config, plan, trial, file = "train.yml") {
  const t = plan.trials.find((x) => x.trial === trial);
  if (!t) throw new MlopsError(`--trial ${trial}: the sweep in ${file} has trials 0 to ${plan.trials.length - 1}`);
  const merged = structuredClone(config);
  delete merged.sweep;
  for (const [path, value] of Object.entries(t.params)) {
    const parts = path.split(".");
    let node = merged;
    for (const part of parts.slice(0, -1)) {
      if (node[part] === null || typeof node[part] !== "object") node[part] = {};
      node = node[part];
    }
    node[parts.at(-1)] = value;
  }
  const parsed = TrainConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TrialConfigError(`${file}: trial ${trial}: ${issue.path.join(".")}: ${issue.message} (from sweep.parameters)`, merged);
  }
  return { config: parsed.data, attempted: merged };
}
var TrialConfigError = class extends MlopsError {
  constructor(message, attempted) {
    super(message, { exitCode: 1 });
    this.attempted = attempted;
    this.name = "TrialConfigError";
  }
  attempted;
  /** The trial it was, set by the training plan, for the failed run's record. */
  sweep;
};

// src/registry/runs.ts
import { resolve as resolve2 } from "node:path";

// src/runs/record.ts
import { hostname } from "node:os";
function flattenParams(value, prefix = "") {
  const out = {};
  for (const [key, v] of Object.entries(value)) {
    const name = prefix + key;
    if (v === void 0) continue;
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[name] = v;
    else if (Array.isArray(v)) out[name] = JSON.stringify(v);
    else if (typeof v === "object") Object.assign(out, flattenParams(v, name + "."));
  }
  return out;
}
function prNumber(ref) {
  const m = /^refs\/pull\/(\d+)\//.exec(ref ?? "");
  return m ? Number(m[1]) : void 0;
}
function buildRun(p) {
  const ref = p.source.ref ?? p.env.GITHUB_REF;
  const gpu = (p.gpus ?? []).map((g) => g.name).join(", ");
  return RunRecordSchema.parse({
    schema_version: RUN_SCHEMA_VERSION,
    kind: "mlops/run",
    id: newRunId(p.startedAt, p.random),
    model: p.model,
    status: p.error === void 0 ? "ok" : "failed",
    ...p.error === void 0 ? {} : { error: oneLine(p.error) },
    params: p.params,
    metrics: Object.fromEntries(Object.entries(p.metrics ?? {}).filter(([, v]) => Number.isFinite(v))),
    tags: p.tags ?? {},
    ...p.dataFingerprint && p.dataFingerprint !== "none" ? { data_fingerprint: p.dataFingerprint } : {},
    source: prune({ commit: p.source.commit, ref, pr: prNumber(ref), workflow_run_url: p.source.run_url }),
    environment: prune({ runner: p.env.RUNNER_NAME || hostname(), backend: p.backend, gpu: gpu || void 0 }),
    started_at: p.startedAt.toISOString(),
    duration_ms: Math.max(0, Math.round(p.durationMs)),
    ...p.sweep ? { sweep: p.sweep } : {},
    ...p.artifact ? { artifact: p.artifact } : {}
  });
}
function oneLine(text) {
  const line = text.split("\n").map((l) => l.trim()).filter((l) => l !== "").join(" ");
  return line.length > 500 ? line.slice(0, 499) + "\u2026" : line;
}
function prune(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0 && v !== ""));
}

// src/model/train-run.ts
import { basename, dirname, join as join2, resolve } from "node:path";
async function planTraining(r) {
  if (r.command !== void 0) {
    if (r.trial !== void 0) throw new SettingError(["trial", "command"], (name) => `${name("trial")} is for the built-in trainer, not ${name("command")}`);
    return { params: { trainer: "command", command: r.command, outputs: JSON.stringify(r.outputs), ...r.seed === void 0 ? {} : { seed: r.seed } } };
  }
  if (r.dataFiles.length === 0)
    throw new SettingError(["data", "command"], (name) => `${name("data")} is required (or ${name("command")} for your own training script)`);
  let config = r.config ? await readTrainConfig(resolve(r.cwd, r.config)) : defaultTrainConfig();
  let sweep;
  if (r.trial !== void 0) {
    if (!r.config || !config.sweep)
      throw new SettingError(["trial", "config"], (name) => `${name("trial")} needs ${name("config")} with a sweep: section (see mlops sweep --help)`);
    const plan = planSweep(config, r.config);
    sweep = { id: plan.id, trial: r.trial };
    try {
      config = trialConfig(config, plan, r.trial, r.config).config;
    } catch (err) {
      if (err instanceof TrialConfigError) err.sweep = sweep;
      throw err;
    }
    r.log(
      `sweep ${plan.id} trial ${r.trial}: ${Object.entries(plan.trials[r.trial].params).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(" ")}`
    );
  }
  if (r.seed !== void 0) config.training.seed = r.seed;
  const target = r.target ?? config.target;
  if (!target) throw new SettingError("target", (name) => `${name("target")} is required (or "target:" in the train config)`);
  const task = r.task ?? config.task ?? "classification";
  const { sweep: _sweep, schema_version: _version, ...trained } = config;
  return { params: flattenParams({ ...trained, target, task }), ...sweep ? { sweep } : {}, config, target, task };
}
async function runTraining(r, plan) {
  plan ??= await planTraining(r);
  if (r.command !== void 0) {
    const result2 = await runCommandTraining({
      command: r.command,
      outputs: r.outputs,
      outDir: r.out,
      dataFiles: r.dataFiles,
      cwd: r.cwd,
      env: r.env,
      now: r.now,
      exec: r.exec,
      stdout: r.stdout,
      stderr: r.stderr,
      log: r.log,
      producerVersion: r.producerVersion,
      seed: r.seed,
      dataUris: r.dataUris
    });
    if (result2.exitCode !== 0) return { trainer: "command", failed: true, exitCode: result2.exitCode };
    const lineageFile = result2.lineageFile;
    const metricsOut = r.outputs.find((f) => f.endsWith(".json"));
    return {
      trainer: "command",
      failed: false,
      lineage: result2.lineage,
      modelFile: result2.modelFile,
      lineageFile,
      metricsFile: metricsOut ? join2(dirname(lineageFile), basename(metricsOut)) : void 0,
      metrics: result2.metrics ?? {},
      backend: "command"
    };
  }
  const result = await runBuiltinTraining({
    files: r.dataFiles.map((f) => resolve(r.cwd, f)),
    target: plan.target,
    task: plan.task,
    config: plan.config,
    outDir: resolve(r.cwd, r.out ?? "model"),
    log: r.log,
    env: r.env,
    now: r.now,
    exec: r.exec,
    cwd: r.cwd,
    producerVersion: r.producerVersion,
    delimiter: r.delimiter,
    dataUris: r.dataUris
  });
  return {
    trainer: "builtin",
    failed: false,
    lineage: result.lineage,
    modelFile: result.modelFile,
    lineageFile: result.lineageFile,
    metricsFile: result.metricsFile,
    metrics: result.metrics,
    backend: result.lineage.environment.backend ?? "unknown"
  };
}

// src/registry/runs.ts
var DEFAULT_RUNS_DIR = ".mlops/runs";
async function openRunLocation(o) {
  const dirOption = o.runsDir ?? (o.env.MLOPS_RUNS_DIR || void 0);
  const backend = o.backend ?? (o.env.MLOPS_REGISTRY_BACKEND === "github" ? "github" : "git");
  const registry = o.registry === true || o.remote !== void 0 || !!o.env.MLOPS_REGISTRY_REMOTE || backend === "github";
  if (dirOption !== void 0 || !registry) {
    const dir = resolve2(o.cwd, dirOption ?? DEFAULT_RUNS_DIR);
    return { description: dir, source: { dir }, target: () => ({ dir }), close: async () => void 0 };
  }
  const store = await openStore({
    backend,
    cwd: o.cwd,
    env: o.env,
    remote: o.remote,
    branch: o.branch,
    repo: o.repo,
    apiUrl: o.apiUrl,
    cacheDir: o.cacheDir
  });
  return { description: store.description, source: { store }, target: (now) => ({ store, now }), close: () => store.close() };
}
async function writeRun(target, record) {
  if ("dir" in target) return writeRunToDir(target.dir, record);
  const text = runText(record);
  const path = `${RUNS_ROOT}/${runFile(record.id)}`;
  await mutate(
    target.store,
    async (snapshot) => {
      if (await snapshot.readFile(path) !== null)
        throw new MlopsError(`${target.store.description}: run ${record.id} already exists at ${path}; a run is never rewritten`);
      return { message: `run ${record.id}: ${record.model} ${record.status}`, changes: [{ path, content: Buffer.from(text) }], tags: [], result: void 0 };
    },
    { now: target.now, retry: target.retry }
  );
  return `${target.store.description}:${path}`;
}
async function importRuns(target, runs) {
  if ("dir" in target) return importRunsToDir(target.dir, runs);
  const texts = runs.map((run) => ({ run, text: runText(run), path: `${RUNS_ROOT}/${runFile(run.id)}` }));
  const freshIn = async (snapshot) => {
    const existing = await snapshot.readFiles(texts.map((t) => t.path));
    return texts.filter(({ run, text, path }, i) => {
      if (existing[i] === null) return true;
      if (!sameRun(existing[i], text, path)) throw new MlopsError(`${path}: a different run ${run.id} is already there; a run is never rewritten`);
      return false;
    });
  };
  if ((await freshIn(await target.store.snapshot())).length === 0) return [];
  const committed = await mutate(
    target.store,
    async (snapshot) => {
      const fresh = await freshIn(snapshot);
      const ids = fresh.map(({ run }) => run.id);
      return {
        message: `runs: ${ids.length} imported${ids.length > 0 ? ` (${ids[0]}${ids.length > 1 ? ` \u2026 ${ids.at(-1)}` : ""})` : ""}`,
        changes: fresh.map(({ path, text }) => ({ path, content: Buffer.from(text) })),
        tags: [],
        result: ids
      };
    },
    { now: target.now, retry: target.retry }
  );
  return committed.result;
}
async function saveRun(location, now, parts) {
  const run = buildRun(parts);
  return { run, where: await writeRun(location.target(now), run) };
}
async function trainAndRecord(request, location, meta) {
  const started = { at: request.now(), t0: performance.now() };
  let plan;
  const save = async (parts) => {
    const { run: run2, where } = await saveRun(location, request.now, {
      source: {},
      ...parts,
      params: plan?.params ?? {},
      ...plan?.sweep ? { sweep: plan.sweep } : {},
      model: meta.model,
      env: request.env,
      startedAt: started.at,
      durationMs: performance.now() - started.t0
    });
    meta.log(`run ${run2.id} (${run2.status}) recorded in ${where}`);
    return run2;
  };
  const failed = async (error) => {
    try {
      return await save({ error, source: await sourceInfo(request.env, request.exec, request.cwd) });
    } catch (err) {
      meta.warn(`the failed run was not recorded: ${errorMessage(err)}`);
      return void 0;
    }
  };
  try {
    plan = await planTraining(request);
  } catch (err) {
    if (err instanceof TrialConfigError) {
      plan = { params: flattenParams(err.attempted), ...err.sweep ? { sweep: err.sweep } : {} };
      await failed(err.message);
    }
    throw err;
  }
  let outcome;
  try {
    outcome = await runTraining(request, plan);
  } catch (err) {
    await failed(errorMessage(err));
    throw err;
  }
  if (outcome.failed) return { outcome, run: await failed(`the training command failed with exit code ${outcome.exitCode}`) };
  const { lineage } = outcome;
  const artifact = meta.artifact?.(outcome);
  const run = await save({
    metrics: outcome.metrics,
    dataFingerprint: lineage.data.fingerprint,
    source: lineage.source,
    backend: outcome.backend,
    gpus: lineage.environment.gpu,
    ...artifact ? { artifact } : {}
  });
  return { outcome, run };
}

export {
  listRuns,
  findRun,
  planSweep,
  sweepMatrix,
  DEFAULT_RUNS_DIR,
  openRunLocation,
  importRuns,
  trainAndRecord
};
