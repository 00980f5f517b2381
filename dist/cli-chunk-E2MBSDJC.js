import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  MlopsError,
  SettingError,
  fileError
} from "./cli-chunk-CRJPICDA.js";

// src/util/fs.ts
import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import { readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
async function readText(file) {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    throw fileError(file, err);
  }
}
async function writeText(file, text) {
  const out = beginAtomic(file);
  try {
    await writeFile(out.path, text);
    await out.commit();
  } catch (err) {
    await out.abort();
    throw err instanceof MlopsError ? err : fileError(file, err);
  }
}
async function writeJson(file, value) {
  await writeText(file, JSON.stringify(value, null, 2) + "\n");
}
async function pathExists(path) {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
function beginAtomic(file) {
  const target = followLink(resolve(file));
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (err) {
    throw fileError(file, err);
  }
  const path = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  track(path);
  return {
    path,
    target,
    async commit() {
      try {
        await rename(path, target);
      } catch (err) {
        await rm(path, { force: true });
        throw fileError(file, err);
      } finally {
        forget(path);
      }
    },
    async abort() {
      await rm(path, { force: true, recursive: true }).catch(() => void 0);
      forget(path);
    }
  };
}
function beginAtomicDir(dir) {
  const out = beginAtomic(dir);
  mkdirSync(out.path);
  return {
    ...out,
    async commit() {
      try {
        renameSync(out.path, out.target);
      } catch (err) {
        await out.abort();
        const code = err.code;
        if (code === "ENOTEMPTY" || code === "EEXIST") throw new MlopsError(`${dir} is not empty: give a new folder`);
        throw fileError(dir, err);
      }
      forget(out.path);
    }
  };
}
function followLink(file) {
  try {
    if (lstatSync(file).isSymbolicLink()) return realpathSync(file);
  } catch {
  }
  return file;
}
function fileIdentity(file) {
  try {
    const s = statSync(file);
    return `${s.dev}:${s.ino}`;
  } catch {
    return void 0;
  }
}
function refuseOutputOverInput(outputs, inputs) {
  const byId = /* @__PURE__ */ new Map();
  const byPath = /* @__PURE__ */ new Map();
  for (const input of inputs) {
    const id = fileIdentity(input);
    if (id) byId.set(id, input);
    byPath.set(canonical(input), input);
  }
  for (const out of outputs) {
    const id = fileIdentity(out.path);
    const input = (id && byId.get(id)) ?? byPath.get(canonical(out.path));
    if (input !== void 0) {
      throw new SettingError(
        out.setting,
        (name) => `${name(out.setting)} ${out.path} is the input ${input}; refusing to write over the data being read (choose another ${name(out.setting)})`
      );
    }
  }
}
function canonical(file) {
  const abs = resolve(file);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}
var pending = /* @__PURE__ */ new Set();
var SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
function onSignal(signal) {
  for (const f of pending) rmSync(f, { force: true, recursive: true });
  pending.clear();
  for (const s of SIGNALS) process.off(s, onSignal);
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}
function track(path) {
  if (pending.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pending.add(path);
}
function forget(path) {
  pending.delete(path);
  if (pending.size === 0) for (const s of SIGNALS) process.off(s, onSignal);
}

export {
  readText,
  writeText,
  writeJson,
  pathExists,
  beginAtomic,
  beginAtomicDir,
  fileIdentity,
  refuseOutputOverInput
};
