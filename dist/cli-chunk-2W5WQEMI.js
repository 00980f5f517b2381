import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  MlopsError
} from "./cli-chunk-2PNEBECJ.js";

// src/cli/args.ts
import { parseArgs } from "node:util";

// src/data/batch.ts
var DEFAULT_MAX_COLUMNS = 1e4;
var DEFAULT_MAX_CELL_LENGTH = 1 << 20;
function tooManyColumnsDetail(found, max) {
  return `more than ${max.toLocaleString("en-US")} columns (found ${typeof found === "number" ? found.toLocaleString("en-US") : found}); raise the limit with --max-columns if the file really is this wide`;
}
function cellTooLongDetail(length, max, partial = false) {
  return `a cell of ${partial ? "more than " : ""}${length.toLocaleString("en-US")} characters exceeds the limit of ${max.toLocaleString("en-US")}; raise it with --max-cell-length if such values are real`;
}
var DEFAULT_BATCH_SIZE = 1024;
var DEFAULT_NULL_TOKENS = ["NA", "N/A", "null", "NULL", "None", "NaN"];

// src/cli/args.ts
function parseCommandArgs(command, argv, options, allowPositionals = false) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals,
      strict: true
    });
  } catch (err) {
    const message = err.message.replace(/\. To specify a positional argument.*$/s, "");
    throw new MlopsError(`${message} (see mlops ${command} --help)`);
  }
}
function requireOption(command, value, flag) {
  if (value === void 0 || value === "") throw new MlopsError(`${flag} is required (see mlops ${command} --help)`);
  return value;
}
function oneOf(command, flag, value, allowed, fallback) {
  if (value === void 0) return fallback;
  if (!allowed.includes(value)) {
    throw new MlopsError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
  }
  return value;
}
function listOption(value) {
  if (value === void 0) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
}
function positiveInteger(flag, value) {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new MlopsError(`${flag} must be a positive integer (got "${value}")`);
  return n;
}
var READ_LIMIT_OPTIONS = {
  "max-columns": { type: "string" },
  "max-cell-length": { type: "string" }
};
var READ_LIMIT_HELP = `  --max-columns N  refuse files with more columns (default ${DEFAULT_MAX_COLUMNS.toLocaleString("en-US")}; bounds memory)
  --max-cell-length N
                   refuse cells longer than N characters (default ${DEFAULT_MAX_CELL_LENGTH.toLocaleString("en-US")})`;
function readLimits(values) {
  return {
    ...values["max-columns"] === void 0 ? {} : { maxColumns: positiveInteger("--max-columns", values["max-columns"]) },
    ...values["max-cell-length"] === void 0 ? {} : { maxCellLength: positiveInteger("--max-cell-length", values["max-cell-length"]) }
  };
}

export {
  DEFAULT_MAX_COLUMNS,
  DEFAULT_MAX_CELL_LENGTH,
  tooManyColumnsDetail,
  cellTooLongDetail,
  DEFAULT_BATCH_SIZE,
  DEFAULT_NULL_TOKENS,
  parseCommandArgs,
  requireOption,
  oneOf,
  listOption,
  positiveInteger,
  READ_LIMIT_OPTIONS,
  READ_LIMIT_HELP,
  readLimits
};
