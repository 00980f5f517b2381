import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  MlopsError,
  errorMessage
} from "./cli-chunk-CRJPICDA.js";

// src/util/runtime-packages.ts
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
var RUNTIME_PACKAGES = {
  "onnxruntime-node": "1.30.0",
  "@tensorflow/tfjs": "4.22.0",
  "@tensorflow/tfjs-backend-wasm": "4.22.0"
};
var GPU_PACKAGES = { "@tensorflow/tfjs-node-gpu": "4.22.0" };
var PINNED = { ...RUNTIME_PACKAGES, ...GPU_PACKAGES };
var RUNTIME_NEEDS = {
  train: ["onnxruntime-node", "@tensorflow/tfjs", "@tensorflow/tfjs-backend-wasm"],
  // It trains again, as `train` does.
  reproduce: ["onnxruntime-node", "@tensorflow/tfjs", "@tensorflow/tfjs-backend-wasm"],
  evaluate: ["onnxruntime-node"],
  serve: ["onnxruntime-node"],
  predict: ["onnxruntime-node"]
};
var MANIFEST = ".mlops-runtime.json";
var DEFAULT_INSTALL_TIMEOUT_S = 600;
function runtimeWanted(names, gpu) {
  const wanted = {};
  for (const name of names) wanted[name] = PINNED[name];
  if (gpu && names.includes("@tensorflow/tfjs")) Object.assign(wanted, GPU_PACKAGES);
  return wanted;
}
function missingPackages(wanted, fromDir) {
  const require2 = createRequire(join(fromDir, "noop.js"));
  return Object.keys(wanted).filter((name) => {
    try {
      return !existsSync(require2.resolve(name));
    } catch {
      return true;
    }
  });
}
function installCommand(verb, gpu) {
  return `mlops runtime install --for ${verb}${gpu ? " --gpu" : ""}`;
}
function missingRuntimeMessage(verb, bundleDir, env) {
  const names = RUNTIME_NEEDS[verb];
  if (!names) return void 0;
  const missing = missingPackages(runtimeWanted(names, false), bundleDir);
  if (missing.length === 0) return void 0;
  return `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not installed next to this mlops (${bundleDir}): run \`${installCommand(verb, env.MLOPS_GPU === "1")}\` first`;
}
function installedBefore(prefix) {
  const modules = join(prefix, "node_modules");
  const out = {};
  try {
    const manifest = JSON.parse(readFileSync(join(modules, MANIFEST), "utf8"));
    for (const [name, version] of Object.entries(manifest.packages ?? {})) if (typeof version === "string") out[name] = PINNED[name] ?? version;
  } catch {
  }
  for (const name of Object.keys(PINNED)) if (existsSync(join(modules, name, "package.json"))) out[name] = PINNED[name];
  return out;
}
function runtimeCacheKey(packages, gpu, target = { platform: process.platform, arch: process.arch, abi: process.versions.modules }) {
  const specs = Object.entries(packages).map(([n, v]) => `${n}@${v}`).sort().join(" ");
  const digest = createHash("sha256").update(specs).digest("hex").slice(0, 16);
  return `mlops-runtime-${target.platform}-${target.arch}-abi${target.abi}-${gpu ? "gpu" : "cpu"}-${digest}`;
}
var quote = (s) => /^[\w@./:=+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
async function installPackages(packages, prefix, options) {
  const specs = Object.entries(packages).map(([n, v]) => `${n}@${v}`);
  if (specs.length === 0) return;
  const timeoutSeconds = options.timeoutSeconds ?? (Number(options.env.MLOPS_RUNTIME_INSTALL_TIMEOUT) || DEFAULT_INSTALL_TIMEOUT_S);
  const installArgs = ["install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--prefix", prefix, ...specs];
  const args = [...installArgs, "--fetch-timeout=30000", "--fetch-retries=1", "--fetch-retry-maxtimeout=10000"];
  const env = { ...options.env, ONNXRUNTIME_NODE_INSTALL: options.gpu ? "cuda12" : "skip" };
  if (!env.HOME && !env.npm_config_cache) env.npm_config_cache = join(tmpdir(), "mlops-npm-cache");
  options.log(`installing ${specs.join(" ")} into ${prefix}/node_modules`);
  const npm = options.npm ?? (process.platform === "win32" ? "npm.cmd" : "npm");
  const outcome = await new Promise((resolve) => {
    const child = spawn(npm, args, { env, stdio: ["ignore", "inherit", "inherit"] });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutSeconds * 1e3);
    child.on("error", (err) => {
      clearTimeout(timer);
      resolve({ code: 127, timedOut, spawnError: errorMessage(err) });
    });
    child.on("close", (c) => {
      clearTimeout(timer);
      resolve({ code: c ?? 1, timedOut });
    });
  });
  if (outcome.code !== 0 || outcome.timedOut) {
    const why = outcome.timedOut ? `did not finish within ${timeoutSeconds} s (no network to the npm registry?)` : outcome.spawnError ? `could not start npm (${outcome.spawnError})` : `failed (exit ${outcome.code})`;
    throw new MlopsError(`npm install of ${specs.join(" ")} ${why}; where the npm registry is reachable, run: npm ${installArgs.map(quote).join(" ")}`);
  }
  const manifest = join(prefix, "node_modules", MANIFEST);
  mkdirSync(join(prefix, "node_modules"), { recursive: true });
  writeFileSync(manifest + ".tmp", JSON.stringify({ packages: { ...installedBefore(prefix), ...packages } }, null, 2) + "\n");
  renameSync(manifest + ".tmp", manifest);
}
var LOAD_CHECK_MARK = "mlops-load-check:";
async function loadFailures(names, fromDir, timeoutSeconds = 120) {
  const script = `const { createRequire } = require('node:module');
const [dir, ...names] = process.argv.slice(1);
const r = createRequire(require('node:path').join(dir, 'noop.js'));
const bad = [];
const first = (e) => String((e && e.message) || e).split('\\n')[0];
(async () => {
  for (const n of names) { try { r(n); } catch (e) { bad.push(n + ': ' + first(e)); } }
  if (names.includes('@tensorflow/tfjs-backend-wasm') && bad.length === 0) {
    try {
      const tf = r('@tensorflow/tfjs');
      if (!(await tf.setBackend('wasm'))) throw new Error('setBackend returned false');
    } catch (e) { bad.push('@tensorflow/tfjs-backend-wasm: the wasm backend does not start: ' + first(e)); }
  }
  process.stdout.write('\\n${LOAD_CHECK_MARK}' + JSON.stringify(bad));
})();`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", script, fromDir, ...names], { stdio: ["ignore", "pipe", "ignore"] });
    const out = [];
    child.stdout.on("data", (d) => out.push(d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutSeconds * 1e3);
    child.on("close", () => {
      clearTimeout(timer);
      const text = Buffer.concat(out).toString();
      const at = text.lastIndexOf(LOAD_CHECK_MARK);
      try {
        if (at < 0) throw new Error("no verdict");
        resolve(JSON.parse(text.slice(at + LOAD_CHECK_MARK.length)));
      } catch {
        resolve(names.map((n) => `${n}: the load check did not finish`));
      }
    });
  });
}
var UNUSED_AT_RUN_TIME = /\.(js\.map|mjs\.map|cjs\.map|d\.ts|d\.mts|d\.cts)$/;
var BROWSER_ONLY_PACKAGES = ["core-js", "regenerator-runtime"];
function pruneTensorflowDist(modulesDir, removed) {
  const scope = join(modulesDir, "@tensorflow");
  if (!existsSync(scope)) return;
  for (const name of readdirSync(scope)) {
    const dir = join(scope, name);
    let main;
    try {
      main = join(dir, JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).main ?? "index.js");
    } catch {
      continue;
    }
    const dist = join(dir, "dist");
    if (!existsSync(dist) || !main.startsWith(dist + "/") || existsSync(join(dir, "lib"))) continue;
    for (const entry of readdirSync(dist, { withFileTypes: true })) {
      const path = join(dist, entry.name);
      if (path === main || entry.isFile() && entry.name.endsWith(".wasm")) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(relative(modulesDir, path));
    }
  }
}
function pruneForCache(modulesDir, target = { platform: process.platform, arch: process.arch }) {
  const removed = [];
  const bin = join(modulesDir, "onnxruntime-node", "bin");
  if (existsSync(bin)) {
    for (const napi of readdirSync(bin)) {
      for (const platform of readdirSync(join(bin, napi))) {
        const dir = join(bin, napi, platform);
        if (platform !== target.platform) {
          rmSync(dir, { recursive: true, force: true });
          removed.push(join("onnxruntime-node", "bin", napi, platform));
          continue;
        }
        for (const arch of readdirSync(dir)) {
          if (arch === target.arch) continue;
          rmSync(join(dir, arch), { recursive: true, force: true });
          removed.push(join("onnxruntime-node", "bin", napi, platform, arch));
        }
      }
    }
  }
  pruneTensorflowDist(modulesDir, removed);
  for (const name of BROWSER_ONLY_PACKAGES) {
    if (!existsSync(join(modulesDir, name))) continue;
    rmSync(join(modulesDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  if (existsSync(modulesDir)) {
    for (const entry of readdirSync(modulesDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !UNUSED_AT_RUN_TIME.test(entry.name)) continue;
      const file = join(entry.parentPath, entry.name);
      rmSync(file);
      removed.push(relative(modulesDir, file));
    }
  }
  return removed;
}
function runtimePlan(names, prefix, gpu) {
  const packages = { ...installedBefore(prefix), ...runtimeWanted(names, gpu) };
  return { packages, key: runtimeCacheKey(packages, gpu), path: join(prefix, "node_modules") };
}
async function brokenPackages(packages, bundleDir) {
  const unresolved = missingPackages(packages, bundleDir).map((n) => `${n}: missing`);
  return unresolved.length > 0 ? unresolved : loadFailures(Object.keys(packages), bundleDir);
}
async function ensureRuntimePackages(names, bundleDir, prefix, options) {
  const wanted = runtimeWanted(names, options.gpu);
  const missing = missingPackages(wanted, bundleDir);
  const plan = runtimePlan(names, prefix, options.gpu);
  const discard = (broken, what) => {
    options.log(`${what} do not load (${broken.join("; ")}): removing them and installing with npm`);
    rmSync(plan.path, { recursive: true, force: true });
  };
  if (missing.length === 0) {
    if (names.length === 0 || !options.verify) return { installed: [], from: "present" };
    const broken = await brokenPackages(wanted, bundleDir);
    if (broken.length === 0) return { installed: [], from: "present" };
    discard(broken, `the runtime packages in ${plan.path}`);
  } else if (options.install === false) {
    throw new MlopsError(
      `missing runtime packages ${missing.join(", ")} and installing them is turned off${options.verb ? `: run \`${installCommand(options.verb, options.gpu)}\`` : ""}`
    );
  } else if (options.cache && await options.cache.restore([plan.path], plan.key)) {
    const broken = await brokenPackages(plan.packages, bundleDir);
    if (broken.length === 0) {
      options.log(`restored ${Object.keys(plan.packages).join(", ")} from the cache (${plan.key})`);
      return { installed: missing, from: "cache", cacheKey: plan.key };
    }
    discard(broken, `the cached runtime packages (${plan.key})`);
  }
  await installPackages(plan.packages, prefix, options);
  const still = missingPackages(wanted, bundleDir);
  if (still.length > 0)
    throw new MlopsError(`npm installed ${still.join(", ")} into ${plan.path} but ${bundleDir} does not resolve ${still.length === 1 ? "it" : "them"}`);
  if (options.cache) {
    const broken = await loadFailures(Object.keys(plan.packages), bundleDir);
    if (broken.length > 0) options.log(`not caching the runtime packages: ${broken.join("; ")}`);
    else {
      pruneForCache(plan.path);
      const pruned = await brokenPackages(plan.packages, bundleDir);
      if (pruned.length > 0) {
        discard(pruned, "the pruned runtime packages");
        await installPackages(plan.packages, prefix, options);
        options.log("not caching the runtime packages: the pruned tree did not load");
      } else if (await options.cache.save([plan.path], plan.key)) options.log(`saved ${Object.keys(plan.packages).join(", ")} to the cache (${plan.key})`);
    }
  }
  return { installed: missing.length ? missing : Object.keys(wanted), from: "npm", cacheKey: options.cache ? plan.key : void 0 };
}

export {
  RUNTIME_NEEDS,
  runtimeWanted,
  missingPackages,
  missingRuntimeMessage,
  runtimePlan,
  ensureRuntimePackages
};
