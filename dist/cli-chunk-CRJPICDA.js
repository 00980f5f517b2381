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
var SettingError = class extends MlopsError {
  settings;
  #text;
  constructor(settings, text, options = {}) {
    super(
      text((s) => s),
      options
    );
    this.name = "SettingError";
    this.settings = typeof settings === "string" ? [settings] : settings;
    this.#text = text;
  }
  /** The message with every setting named the surface's way. */
  wordedAs(name) {
    return this.#text(name);
  }
};
function messageFor(err, name) {
  return err instanceof SettingError ? err.wordedAs(name) : err.message;
}
function prefixedError(prefix, err) {
  if (err instanceof SettingError) return new SettingError(err.settings, (name) => `${prefix}: ${err.wordedAs(name)}`, { cause: err });
  return new MlopsError(`${prefix}: ${err.message}`, { cause: err });
}
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
var MAX_ERROR_LENGTH = 2e3;
function boundedMessage(message) {
  return message.length <= MAX_ERROR_LENGTH ? message : `${message.slice(0, MAX_ERROR_LENGTH)}\u2026 (${(message.length - MAX_ERROR_LENGTH).toLocaleString("en-US")} more characters)`;
}
function fileError(file, err) {
  const code = err?.code;
  if (code === "ENOENT") return new MlopsError(`${file}: no such file`);
  if (code === "EISDIR") return new MlopsError(`${file}: is a directory, expected a data file`);
  if (code === "EACCES") return new MlopsError(`${file}: permission denied`);
  if (code === "Z_DATA_ERROR") return new MlopsError(`${file}: not a valid gzip file`);
  return new MlopsError(`${file}: ${err?.message ?? String(err)}`);
}

export {
  MlopsError,
  SettingError,
  messageFor,
  prefixedError,
  DataError,
  ConfigError,
  errorMessage,
  listPreview,
  boundedMessage,
  fileError
};
