import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  DataError,
  MlopsError
} from "./cli-chunk-2PNEBECJ.js";

// src/util/fs.ts
import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import { readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

// src/data/text-chunks.ts
import { createReadStream } from "node:fs";
import { isAscii, isUtf8 } from "node:buffer";
import { createGunzip } from "node:zlib";
function openByteStream(file) {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  raw.on("error", () => void 0);
  return file.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
}
var InvalidUtf8Error = class extends MlopsError {
  constructor(file, offset, bytes) {
    super(`${file}: invalid UTF-8 (byte ${bytes} at offset ${offset}); re-save the file as UTF-8`);
    this.file = file;
    this.offset = offset;
    this.bytes = bytes;
    this.name = "InvalidUtf8Error";
  }
  file;
  offset;
  bytes;
};
async function* readTextChunks(file) {
  let first = true;
  let carry = null;
  let offset = 0;
  const emit = (text) => {
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 65279) text = text.slice(1);
      first = false;
    }
    return text;
  };
  try {
    for await (const data of openByteStream(file)) {
      let chunk = data;
      if (carry === null && isAscii(chunk)) {
        const text2 = emit(chunk.toString("latin1"));
        offset += chunk.length;
        if (text2.length > 0) yield text2;
        continue;
      }
      if (carry !== null) chunk = Buffer.concat([carry, chunk]);
      const complete = completeLength(chunk);
      const body = chunk.subarray(0, complete);
      carry = complete < chunk.length ? Buffer.from(chunk.subarray(complete)) : null;
      if (!isUtf8(body)) {
        const bad = firstInvalidByte(body);
        const text2 = emit(body.subarray(0, bad).toString("utf8"));
        if (text2.length > 0) yield text2;
        throw new InvalidUtf8Error(file, offset + bad, `0x${body[bad].toString(16).padStart(2, "0")}`);
      }
      const text = emit(body.toString("utf8"));
      offset += complete;
      if (text.length > 0) yield text;
    }
  } catch (err) {
    if (err instanceof InvalidUtf8Error) throw err;
    throw fileError(file, err);
  }
  if (carry !== null) throw new InvalidUtf8Error(file, offset, `0x${carry[0].toString(16).padStart(2, "0")} (a character cut off at the end of the file)`);
}
async function* withLineOfBadUtf8(chunks, lineAt) {
  try {
    yield* chunks;
  } catch (err) {
    if (err instanceof InvalidUtf8Error) throw new DataError(err.file, `invalid UTF-8 (byte ${err.bytes} at byte offset ${err.offset.toLocaleString("en-US")}); re-save the file as UTF-8`, { line: lineAt() });
    throw err;
  }
}
function completeLength(b) {
  const n = b.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const c = b[n - back];
    if (c < 128) return n;
    if (c >= 192) {
      const need = c >= 240 ? 4 : c >= 224 ? 3 : 2;
      return need > back ? n - back : n;
    }
  }
  return n;
}
function firstInvalidByte(b) {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const need = c < 128 ? 0 : c >= 194 && c <= 223 ? 1 : c >= 224 && c <= 239 ? 2 : c >= 240 && c <= 244 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === void 0 || (d & 192) !== 128) return i;
      if (k === 1 && (c === 224 && d < 160 || c === 237 && d > 159 || c === 240 && d < 144 || c === 244 && d > 143)) return i;
    }
    i += need + 1;
  }
  return b.length;
}
function fileError(file, err) {
  const code = err?.code;
  if (code === "ENOENT") return new MlopsError(`${file}: no such file`);
  if (code === "EISDIR") return new MlopsError(`${file}: is a directory, expected a data file`);
  if (code === "EACCES") return new MlopsError(`${file}: permission denied`);
  if (code === "Z_DATA_ERROR") return new MlopsError(`${file}: not a valid gzip file`);
  return new MlopsError(`${file}: ${err?.message ?? String(err)}`);
}

// src/util/fs.ts
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
    if (input !== void 0) throw new MlopsError(`${out.flag} ${out.path} is the input ${input}; refusing to write over the data being read (choose another ${out.flag})`);
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
  readTextChunks,
  withLineOfBadUtf8,
  fileError,
  readText,
  writeText,
  writeJson,
  pathExists,
  beginAtomic,
  beginAtomicDir,
  fileIdentity,
  refuseOutputOverInput
};
