import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  isRegistryRef,
  resolveRegistryRef
} from "./chunk-JAEFTYJN.js";
import {
  predictFile
} from "./chunk-IZX7CWO6.js";
import {
  META_PREPROCESSING,
  describeOnnx,
  loadModel
} from "./chunk-F2U3ZBUW.js";
import "./chunk-H5C2A4B6.js";
import "./chunk-7NAD3LN6.js";
import "./chunk-MHD452QX.js";
import "./chunk-A7AIN4HT.js";
import {
  expandDataPaths,
  fileIdentity,
  formatOf,
  refuseOutputOverInput
} from "./chunk-WY2OJ7ZN.js";
import "./chunk-I3FICYBY.js";
import {
  MlopsError,
  SettingError,
  errorMessage
} from "./chunk-5MKGLQLX.js";
import "./chunk-UFMD3KOA.js";

// src/predict/run.ts
import { isAbsolute, join as join2 } from "node:path";

// src/predict/model.ts
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
async function openScoringModel(ref, options) {
  let file;
  let name;
  let version;
  if (isRegistryRef(ref)) {
    const resolved = await resolveRegistryRef(ref, options);
    file = resolved.modelFile;
    name = resolved.name;
    version = resolved.version;
  } else {
    file = resolve(options.cwd, ref);
    name = basename(ref, extname(ref));
  }
  let bytes;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new MlopsError(`${ref}: cannot read model (${errorMessage(err)})`);
  }
  version ??= "sha256:" + createHash("sha256").update(bytes).digest("hex").slice(0, 12);
  const imputesMissing = describeOnnx(bytes, file).metadata[META_PREPROCESSING] !== void 0;
  const runner = await loadModel(file, { features: options.features });
  return { runner, name, version, source: ref, file, imputesMissing };
}

// src/predict/plan.ts
import { existsSync, statSync } from "node:fs";
import { basename as basename2, join } from "node:path";
var EXT = { csv: "csv", jsonl: "jsonl", parquet: "parquet" };
function isDirectory(path) {
  return /[/\\]$/.test(path) || existsSync(path) && statSync(path).isDirectory();
}
function planOutputs(files, options) {
  const { out, outFormat, rejects } = options;
  const single = files.length === 1 && !isDirectory(out);
  if (!single && files.length > 1 && hasDataExtension(out)) {
    throw new SettingError("out", (name) => `${files.length} data files but ${name("out")} ${out} is one file: give a folder (one output per input file)`);
  }
  const seen = /* @__PURE__ */ new Map();
  return files.map((data) => {
    let target;
    if (single) target = out;
    else {
      const stem = basename2(data).replace(/\.gz$/i, "").replace(/\.[^.]+$/, "");
      target = join(out, `${stem}.predictions.${EXT[outFormat ?? formatOf(data)]}`);
      const other = seen.get(target);
      if (other) throw new MlopsError(`${other} and ${data} would both write ${target}: score them in separate runs or rename one`);
      seen.set(target, data);
    }
    const rejectsFile = rejects === void 0 ? `${target}.rejects.jsonl` : single ? rejects : join(rejects, basename2(target) + ".rejects.jsonl");
    return { data, out: target, rejects: rejectsFile };
  });
}
function hasDataExtension(path) {
  try {
    formatOf(path);
    return true;
  } catch {
    return false;
  }
}
function shardFiles(files, index, count) {
  if (!Number.isInteger(count) || count < 1) throw new MlopsError(`shard count must be a positive integer (got ${count})`);
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new MlopsError(`shard index must be 0..${count - 1} (got ${index})`);
  return files.filter((_, i) => i % count === index);
}

// src/predict/run.ts
async function runPredict(options) {
  const start = options.clock();
  let files = await expandDataPaths(options.data, options.cwd);
  if (options.shard) files = shardFiles(files, options.shard.index, options.shard.count);
  const place = (p) => options.cwd === process.cwd() || isAbsolute(p) ? p : join2(options.cwd, p);
  const plan = planOutputs(files, {
    out: place(options.out),
    outFormat: options.outFormat,
    rejects: options.rejects === void 0 ? void 0 : place(options.rejects)
  });
  refuseOutputOverInput(
    plan.flatMap((p) => [
      { setting: "out", path: p.out },
      { setting: "rejects", path: p.rejects }
    ]),
    files
  );
  for (const p of plan)
    if (p.out === p.rejects || fileIdentity(p.out) !== void 0 && fileIdentity(p.out) === fileIdentity(p.rejects))
      throw new SettingError(["rejects", "out"], (name) => `${name("rejects")} ${p.rejects} is the ${name("out")} file; give them different paths`);
  const model = await openScoringModel(options.model, { cwd: options.cwd, env: options.env, features: options.features });
  const results = [];
  try {
    let before = 0;
    for (const p of plan) {
      const result = await predictFile({
        model,
        data: p.data,
        out: p.out,
        outFormat: options.outFormat,
        rejects: p.rejects,
        keys: options.keys,
        batchSize: options.batchSize,
        rejectUnknownCategories: options.rejectUnknownCategories,
        delimiter: options.delimiter,
        onProgress: (rows2) => options.onProgress?.(before + rows2)
      });
      before += result.rows;
      results.push(result);
    }
  } finally {
    await model.runner.close();
  }
  const seconds = (options.clock() - start) / 1e3;
  const rows = sum(results.map((r) => r.rows));
  return {
    schema_version: 1,
    model: { name: model.name, version: model.version, source: model.source, task: model.runner.info.task },
    rows,
    predicted: sum(results.map((r) => r.predicted)),
    rejected: sum(results.map((r) => r.rejected)),
    seconds,
    rows_per_second: seconds > 0 ? rows / seconds : 0,
    reject_reasons: merge(results.map((r) => r.reject_reasons)),
    imputed: merge(results.map((r) => r.imputed)),
    files: results
  };
}
var sum = (xs) => xs.reduce((a, b) => a + b, 0);
function merge(maps) {
  const out = /* @__PURE__ */ new Map();
  for (const m of maps) for (const [k, v] of Object.entries(m)) out.set(k, (out.get(k) ?? 0) + v);
  return Object.fromEntries([...out].sort((a, b) => b[1] - a[1]));
}
export {
  runPredict
};
