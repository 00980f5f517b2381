import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  debug,
  error,
  getInput,
  group,
  info,
  setFailed,
  setOutput,
  setSecret,
  warning
} from "./chunk-3WIH4RIN.js";
import {
  tokenForms
} from "./chunk-I3FICYBY.js";
import {
  MlopsError,
  errorLocation,
  errorMessage,
  messageFor
} from "./chunk-5MKGLQLX.js";

// src/util/repo-path.ts
import { isAbsolute, relative, resolve } from "node:path";
function repoRelative(file, root) {
  const rel = relative(root, resolve(root, file));
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? file : rel.split("\\").join("/");
}

// src/github/annotations.ts
function repoPath(file, workspace = process.env.GITHUB_WORKSPACE || process.cwd()) {
  return repoRelative(file, workspace);
}
function emitAnnotation(a) {
  const properties = { title: a.title };
  if (a.file) properties.file = repoPath(a.file);
  if (a.file && a.line !== void 0) properties.startLine = a.line;
  (a.level === "error" ? error : warning)(a.message, properties);
}

// src/github/artifacts.ts
var loadCache = () => import("./chunk-QZBE3QDI.js");
async function restoreCached(paths, key, what = "data") {
  const cache = await loadCache();
  if (!cache.isFeatureAvailable()) {
    info(`cache service not available: skipping ${what} cache restore`);
    return false;
  }
  return await cache.restoreCache(paths, key) !== void 0;
}
var actionsRuntimeCache = {
  restore: (paths, key) => restoreCached(paths, key, "runtime packages"),
  save: (paths, key) => saveCached(paths, key, "runtime packages")
};
async function saveCached(paths, key, what = "data") {
  const cache = await loadCache();
  if (!cache.isFeatureAvailable()) return false;
  try {
    await cache.saveCache(paths, key);
    return true;
  } catch (err) {
    warning(`${what} cache not saved under ${key}: ${errorMessage(err)}`);
    return false;
  }
}
async function uploadFiles(name, files, root, retentionDays) {
  const { DefaultArtifactClient } = await import("./chunk-V4WBV5QU.js");
  const client = new DefaultArtifactClient();
  const result = await client.uploadArtifact(name, files, root, retentionDays === void 0 ? {} : { retentionDays });
  return { id: result.id ?? 0, size: result.size ?? 0 };
}
function artifactUrl(env, id) {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID || !id) return null;
  return `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${id}`;
}
async function uploadReport(env, name, file, root) {
  if (!env.ACTIONS_RUNTIME_TOKEN) {
    info(`no artifact service in this run: ${file} not uploaded`);
    return null;
  }
  try {
    const { id } = await uploadFiles(name, [file], root);
    return { id, url: artifactUrl(env, id) };
  } catch (err) {
    warning(`report artifact ${name} not uploaded: ${errorMessage(err)}`);
    return null;
  }
}

// src/github/action.ts
import { dirname } from "node:path";

// src/util/runtime-packages.ts
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative as relative2 } from "node:path";
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
  const outcome = await new Promise((resolve2) => {
    const child = spawn(npm, args, { env, stdio: ["ignore", "inherit", "inherit"] });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutSeconds * 1e3);
    child.on("error", (err) => {
      clearTimeout(timer);
      resolve2({ code: 127, timedOut, spawnError: errorMessage(err) });
    });
    child.on("close", (c) => {
      clearTimeout(timer);
      resolve2({ code: c ?? 1, timedOut });
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
  return new Promise((resolve2) => {
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
        resolve2(JSON.parse(text.slice(at + LOAD_CHECK_MARK.length)));
      } catch {
        resolve2(names.map((n) => `${n}: the load check did not finish`));
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
      removed.push(relative2(modulesDir, path));
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
      removed.push(relative2(modulesDir, file));
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

// src/util/parse-number.ts
var ok = (value) => ({ ok: true, value });
var expected = (text) => ({ ok: false, expected: text });
function parseInteger(text, range = {}) {
  const wanted = integerExpected(range);
  const t = text.trim();
  const signed = range.min === void 0 || range.min < 0;
  if (!(signed ? /^[+-]?\d+$/ : /^\+?\d+$/).test(t)) return expected(wanted);
  const n = Number(t);
  if (!Number.isSafeInteger(n) || !inRange(n, range)) return expected(wanted);
  return ok(n);
}
function integerExpected({ min, max }) {
  if (min !== void 0 && max !== void 0) return `a whole number from ${min} to ${max}`;
  if (min === 1) return "a positive integer";
  if (min === 0) return "a whole number";
  if (min !== void 0) return `an integer \u2265 ${min}`;
  return "an integer";
}
function parseNumber(text, range = {}) {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || !inRange(n, range)) return expected(numberExpected(range));
  return ok(n);
}
function numberExpected({ min, max, above }) {
  if (min === 0 && max === 1 && above === void 0) return "a number from 0 to 1";
  return min === void 0 && max === void 0 && above === void 0 ? "a number" : "a number in range";
}
var UNITS = { "": 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2 };
function inRange(n, { min, max, above }) {
  return (min === void 0 || n >= min) && (max === void 0 || n <= max) && (above === void 0 || n > above);
}
function mustBe(subject, expectedText, text) {
  return `${subject} must be ${expectedText} (got "${text}")`;
}

// src/github/action.ts
function actionInputNamer(withoutInputs = []) {
  return (setting) => withoutInputs.includes(setting) ? `--${setting} (a CLI option: this action has no ${setting} input)` : `input "${setting}"`;
}
async function runAction(main, options = {}) {
  maskToken(process.env.GITHUB_TOKEN);
  maskToken(process.env.GH_TOKEN);
  try {
    await main();
  } catch (err) {
    if (err instanceof MlopsError) {
      const at = errorLocation(err);
      const message = messageFor(err, actionInputNamer(options.withoutInputs));
      if (!at) setFailed(message);
      else {
        process.exitCode = 1;
        error(message, { file: repoPath(at.file), ...at.line === void 0 ? {} : { startLine: at.line } });
      }
    } else {
      debug(err?.stack ?? String(err));
      setFailed(`internal error: ${err?.message ?? String(err)}`);
    }
  }
}
function input(name, fallback) {
  const value = getInput(name);
  if (value !== "") return value;
  if (fallback !== void 0) return fallback;
  throw new MlopsError(`input "${name}" is required`);
}
function optionalInput(name) {
  const value = getInput(name);
  return value === "" ? void 0 : value;
}
function maskToken(token) {
  for (const form of tokenForms(token)) setSecret(form);
}
function secretInput(name, fallback) {
  const value = input(name, fallback);
  maskToken(value);
  return value;
}
function optionalSecretInput(name) {
  const value = optionalInput(name);
  maskToken(value);
  return value;
}
function listInput(name) {
  return getInput(name).split(/[\n,]/).map((s) => s.trim()).filter((s) => s !== "");
}
function booleanInput(name, fallback) {
  const value = getInput(name).trim().toLowerCase();
  if (value === "") return fallback;
  if (["true", "yes", "1"].includes(value)) return true;
  if (["false", "no", "0"].includes(value)) return false;
  throw new MlopsError(`input "${name}" must be true or false (got "${value}")`);
}
function choiceInput(name, allowed, fallback) {
  const value = getInput(name).trim();
  if (value === "") return fallback;
  if (!allowed.includes(value)) throw new MlopsError(`input "${name}" must be one of ${allowed.join(", ")} (got "${value}")`);
  return value;
}
function writeOutputs(outputs) {
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
}
function parsedInput(name, parse, expected2) {
  const text = optionalInput(name);
  if (text === void 0) return void 0;
  const parsed = parse(text);
  if (!parsed.ok) throw new MlopsError(mustBe(`input "${name}"`, expected2 ?? parsed.expected, text));
  return parsed.value;
}
function integerInput(name, range = {}, expected2) {
  return parsedInput(name, (text) => parseInteger(text, range), expected2);
}
function numberInput(name, range = {}) {
  return parsedInput(name, (text) => parseNumber(text, range));
}
async function ensureActionRuntime(verb, bundleDir, options = {}) {
  const gpu = options.gpu ?? process.env.MLOPS_GPU === "1";
  await group(
    `Runtime packages for ${verb}`,
    () => ensureRuntimePackages(RUNTIME_NEEDS[verb], bundleDir, dirname(bundleDir), {
      gpu,
      verb,
      install: options.install,
      env: process.env,
      log: info,
      cache: actionsRuntimeCache
    })
  );
}

export {
  repoRelative,
  emitAnnotation,
  restoreCached,
  saveCached,
  uploadFiles,
  uploadReport,
  runAction,
  input,
  optionalInput,
  secretInput,
  optionalSecretInput,
  listInput,
  booleanInput,
  choiceInput,
  writeOutputs,
  integerInput,
  numberInput,
  ensureActionRuntime
};
