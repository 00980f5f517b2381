import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/util/errors.ts
var MlopsError = class extends Error {
  exitCode;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "MlopsError";
    this.exitCode = options.exitCode ?? 2;
  }
};
var DataError = class extends MlopsError {
  constructor(file, detail, where = {}) {
    super(formatLocation(file, where) + ": " + detail);
    this.file = file;
    this.detail = detail;
    this.where = where;
    this.name = "DataError";
  }
  file;
  detail;
  where;
};
var ConfigError = class extends MlopsError {
  constructor(file, line, message) {
    super(message);
    this.file = file;
    this.line = line;
    this.name = "ConfigError";
  }
  file;
  line;
};
function errorLocation(err) {
  if (err instanceof ConfigError) return { file: err.file, line: err.line };
  if (err instanceof DataError) return { file: err.file, line: err.where.line };
  return void 0;
}
function formatLocation(file, where) {
  const parts = [file];
  if (where.line !== void 0) parts.push(`line ${where.line}`);
  if (where.row !== void 0) parts.push(`row ${where.row}`);
  if (where.column !== void 0) parts.push(`column "${where.column}"`);
  return parts.join(", ");
}
function errorMessage(err) {
  return err instanceof Error ? err.message : String(err);
}
function listPreview(items, max = 10) {
  const shown = items.slice(0, max).map((x) => x.length > 60 ? x.slice(0, 60) + "\u2026" : x);
  return shown.join(", ") + (items.length > max ? `, \u2026 (${(items.length - max).toLocaleString("en-US")} more)` : "");
}

export {
  MlopsError,
  DataError,
  ConfigError,
  errorLocation,
  errorMessage,
  listPreview
};
