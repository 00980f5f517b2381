import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  parseConfigFile,
  yamlLines
} from "./chunk-ZYT4E5FZ.js";
import {
  codePointLength,
  parseProfile,
  tokenize
} from "./chunk-H5C2A4B6.js";
import {
  code,
  fitToLimit,
  formatNumber,
  table
} from "./chunk-MHD452QX.js";
import {
  external_exports
} from "./chunk-A7AIN4HT.js";
import {
  cellText,
  expandDataPaths,
  isIntegerCell,
  readBatches,
  readText,
  toBoolean,
  toDatetime,
  toNumber,
  writeJson,
  writeText
} from "./chunk-WY2OJ7ZN.js";
import {
  booleanInput,
  choiceInput,
  emitAnnotation,
  input,
  listInput,
  runAction,
  writeOutputs
} from "./chunk-JQVGLAA4.js";
import {
  info,
  setFailed,
  summary
} from "./chunk-3WIH4RIN.js";
import "./chunk-I3FICYBY.js";
import {
  ConfigError,
  MlopsError
} from "./chunk-5MKGLQLX.js";
import "./chunk-UFMD3KOA.js";

// actions/validate-data/main.ts
import { readFile } from "node:fs/promises";

// src/validation/report.ts
function validationJson(report) {
  return {
    ok: report.ok,
    rows: report.rows,
    violations: report.violations.map((v) => ({
      rule: v.rule,
      column: v.column,
      severity: v.severity,
      count: v.count,
      examples: v.examples,
      example_values: v.example_values,
      message: v.message
    })),
    errors: report.errors,
    warnings: report.warnings,
    files: report.files
  };
}
function validationMarkdown(report, title = "Data validation") {
  const banner = report.ok ? report.warnings > 0 ? `\u2705 **Passed** with ${report.warnings} warning${report.warnings === 1 ? "" : "s"}` : "\u2705 **Passed**: every rule holds" : `\u274C **Failed**: ${report.errors} rule${report.errors === 1 ? "" : "s"} broken at error level${report.warnings ? `, ${report.warnings} warning${report.warnings === 1 ? "" : "s"}` : ""}`;
  const lines = [`## ${title}`, "", banner, "", `${formatNumber(report.rows)} rows checked in ${report.files.map((f) => code(f.file)).join(", ")}`, ""];
  if (report.violations.length > 0) {
    lines.push(
      table(
        ["", "rule", "column", "rows", "problem", "example rows", "example values"],
        report.violations.map((v) => [
          v.severity === "error" ? "\u274C" : "\u26A0\uFE0F",
          v.rule,
          v.column ?? "",
          v.count,
          v.message,
          v.examples.join(", "),
          v.example_values.map((x) => code(x)).join(", ")
        ]),
        ["c", "l", "l", "r", "l", "l", "l"]
      )
    );
    if (report.files.length > 1) {
      lines.push("", "Row numbers count across files: " + report.files.map((f) => `${code(f.file)} starts at row ${f.first_row}`).join(", ") + ".");
    }
  }
  return fitToLimit(lines.join("\n") + "\n");
}

// src/validation/load.ts
import { dirname, resolve } from "node:path";

// src/validation/rules.ts
var RULES_SCHEMA_VERSION = 1;
var Severity = external_exports.enum(["error", "warning"]);
var withSeverity = (value) => external_exports.union([value, external_exports.object({ value, severity: Severity }).strict()]);
var ColumnRulesSchema = external_exports.object({
  /** `text` is free text: a string column that the text rules below are written for. */
  type: external_exports.enum(["number", "integer", "boolean", "category", "string", "datetime", "text"]).optional(),
  /** The column must exist (default true). */
  required: external_exports.boolean().optional(),
  nullable: withSeverity(external_exports.boolean()).optional(),
  max_null_fraction: withSeverity(external_exports.number().min(0).max(1)).optional(),
  min: withSeverity(external_exports.number()).optional(),
  max: withSeverity(external_exports.number()).optional(),
  allowed: withSeverity(external_exports.array(external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()])).min(1)).optional(),
  unique: withSeverity(external_exports.boolean()).optional(),
  regex: withSeverity(external_exports.string()).optional(),
  /**
   * Values outside [min, max] here are a warning (by default), while the column's min/max stay
   * the hard limits: the band inferred rules put around the training range (docs/validation.md).
   */
  expected_range: withSeverity(external_exports.object({ min: external_exports.number().optional(), max: external_exports.number().optional() }).strict()).optional(),
  /** Reference-profile rules: values outside the reference range widened by `tolerance` × range. */
  reference_range: withSeverity(external_exports.object({ tolerance: external_exports.number().min(0).default(0) }).strict()).optional(),
  /** Reference-profile rules: categories never seen in the reference. */
  new_categories: withSeverity(external_exports.boolean()).optional(),
  /** Text rules: length in characters (code points) of every non-null cell. */
  min_length: withSeverity(external_exports.number().int().nonnegative()).optional(),
  max_length: withSeverity(external_exports.number().int().positive()).optional(),
  /** Text rules: at most this share of rows empty — missing, blank or without a token (src/data/tokenize.ts). */
  max_empty_fraction: withSeverity(external_exports.number().min(0).max(1)).optional(),
  /** Text rules: every non-null cell must contain a match of this regular expression (Unicode mode). */
  pattern: withSeverity(external_exports.string()).optional(),
  /** Default severity of this column's rules. */
  severity: Severity.optional()
}).strict();
var RulesSchema = external_exports.object({
  version: external_exports.literal(RULES_SCHEMA_VERSION),
  dataset: external_exports.object({
    row_count: withSeverity(external_exports.object({ min: external_exports.number().int().nonnegative().optional(), max: external_exports.number().int().positive().optional() }).strict()).optional(),
    /** Columns not listed under `columns` are violations. */
    no_extra_columns: withSeverity(external_exports.boolean()).optional()
  }).strict().optional(),
  /** A profile JSON (from `mlops profile`) that reference_range / new_categories compare against. */
  reference: external_exports.object({ profile: external_exports.string() }).strict().optional(),
  /** Example row numbers to keep per violation. */
  max_examples: external_exports.number().int().min(0).max(1e3).default(5),
  columns: external_exports.record(external_exports.string(), ColumnRulesSchema).default({})
}).strict();
function ruleValue(rule, fallback) {
  if (rule !== null && typeof rule === "object" && "value" in rule && "severity" in rule) {
    return rule;
  }
  return { value: rule, severity: fallback };
}
function parseRules(text, file) {
  const rules = parseConfigFile(text, file, RulesSchema, {
    expect: "a rules file must be a YAML mapping with version: 1 and columns:",
    describe: (issue) => issue.code === "invalid_union" ? "expected a value or { value, severity: error|warning }" : void 0
  });
  for (const [name, col] of Object.entries(rules.columns)) {
    if (col.regex !== void 0) {
      const { value } = ruleValue(col.regex, "error");
      try {
        new RegExp(value);
      } catch (err) {
        throw new ConfigError(
          file,
          yamlLines(text).lineOf(["columns", name, "regex"]),
          `${file}: columns.${name}.regex: not a valid regular expression (${err.message})`
        );
      }
    }
    if (col.pattern !== void 0) {
      const { value } = ruleValue(col.pattern, "error");
      try {
        new RegExp(value, "u");
      } catch (err) {
        throw new ConfigError(
          file,
          yamlLines(text).lineOf(["columns", name, "pattern"]),
          `${file}: columns.${name}.pattern: not a valid regular expression (${err.message})`
        );
      }
    }
    if ((col.reference_range || col.new_categories) && !rules.reference) {
      throw new ConfigError(
        file,
        yamlLines(text).lineOf(["columns", name, col.reference_range ? "reference_range" : "new_categories"]),
        `${file}: columns.${name}: reference_range and new_categories need a top-level reference: { profile: FILE }`
      );
    }
  }
  return rules;
}

// src/validation/load.ts
async function loadRulesWithReference(rulesFile) {
  const rules = parseRules(await readText(rulesFile), rulesFile);
  if (!rules.reference) return { rules };
  const path = resolve(dirname(rulesFile), rules.reference.profile);
  return { rules, reference: parseProfile(await readText(path), path) };
}

// src/validation/annotations.ts
function rulePath(v) {
  if (v.rule === "row_count" || v.rule === "no_extra_columns") return ["dataset", v.rule];
  return ["columns", v.column ?? "", v.rule === "not_null" ? "nullable" : v.rule];
}
function validationAnnotations(report, rules) {
  const lines = yamlLines(rules.text);
  return report.violations.map((v) => {
    const message = `${v.rule}${v.column ? ` on ${v.column}` : ""}: ${v.count} row(s), ${v.message}${v.examples.length ? ` (rows ${v.examples.join(", ")})` : ""}`;
    const where = v.first_location ?? { file: rules.file, line: lines.lineOf(rulePath(v)) };
    return { level: v.severity === "error" ? "error" : "warning", title: "data validation", message, file: where.file, line: where.line };
  });
}

// src/validation/validate.ts
async function validateFiles(files, rules, options = {}) {
  const collector = new ViolationCollector(rules.max_examples);
  const columnRules = Object.entries(rules.columns);
  const nullCounts = /* @__PURE__ */ new Map();
  const emptyCounts = /* @__PURE__ */ new Map();
  const listed = new Set(columnRules.map(([name]) => name));
  const extraColumns = /* @__PURE__ */ new Set();
  const fileSummaries = [];
  let rows = 0;
  const checks = /* @__PURE__ */ new Map();
  for (const [name, col] of columnRules) {
    nullCounts.set(name, 0);
    emptyCounts.set(name, 0);
    checks.set(
      name,
      compileColumn(
        name,
        col,
        collector,
        options.reference,
        () => nullCounts.set(name, nullCounts.get(name) + 1),
        () => emptyCounts.set(name, emptyCounts.get(name) + 1)
      )
    );
  }
  for (const file of files) {
    const firstRow = rows + 1;
    let seenColumns = [];
    for await (const batch of readBatches(file, options)) {
      seenColumns = batch.columns;
      const base = rows + 1;
      collector.locate = (row) => ({ file, line: batch.lines?.[row - base] });
      for (let c = 0; c < batch.columns.length; c++) {
        const name = batch.columns[c];
        const check = checks.get(name);
        if (!check) {
          if (!listed.has(name)) extraColumns.add(name);
          continue;
        }
        const data = batch.rows;
        for (let r = 0; r < data.length; r++) {
          const row = data[r];
          check(c < row.length ? row[c] : null, base + r);
        }
      }
      for (const [name] of columnRules) {
        if (!batch.columns.includes(name)) for (let r = 0; r < batch.rows.length; r++) checks.get(name)(null, base + r);
      }
      rows += batch.rows.length;
      options.onProgress?.(rows);
    }
    for (const [name, col] of columnRules) {
      if (col.required !== false && !seenColumns.includes(name)) {
        collector.add("required", name, col.severity ?? "error", 0, "", `column is missing from ${file}`);
      }
    }
    fileSummaries.push({ file, rows: rows - firstRow + 1, first_row: firstRow });
  }
  for (const [name, col] of columnRules) {
    if (col.max_null_fraction === void 0) continue;
    const { value, severity } = ruleValue(col.max_null_fraction, col.severity ?? "error");
    const nulls = nullCounts.get(name);
    if (rows > 0 && nulls / rows > value) {
      collector.addAggregate("max_null_fraction", name, severity, nulls, `${formatPct(nulls / rows)} nulls, more than the allowed ${formatPct(value)}`);
    }
  }
  for (const [name, col] of columnRules) {
    if (col.max_empty_fraction === void 0) continue;
    const { value, severity } = ruleValue(col.max_empty_fraction, col.severity ?? "error");
    const empty = emptyCounts.get(name) + nullCounts.get(name);
    if (rows > 0 && empty / rows > value) {
      collector.addAggregate(
        "max_empty_fraction",
        name,
        severity,
        empty,
        `${formatPct(empty / rows)} of rows empty (missing, blank or without a word), more than the allowed ${formatPct(value)}`
      );
    }
  }
  if (rules.dataset?.row_count) {
    const { value, severity } = ruleValue(rules.dataset.row_count, "error");
    if (value.min !== void 0 && rows < value.min || value.max !== void 0 && rows > value.max) {
      collector.addAggregate("row_count", null, severity, rows, `${rows} rows, expected ${value.min ?? 0}..${value.max ?? "\u221E"}`);
    }
  }
  if (rules.dataset?.no_extra_columns) {
    const { value, severity } = ruleValue(rules.dataset.no_extra_columns, "error");
    if (value) for (const name of extraColumns) collector.addAggregate("no_extra_columns", name, severity, 1, "column is not listed in the rules");
  }
  const violations = collector.list();
  const errors = violations.filter((v) => v.severity === "error").length;
  return { ok: errors === 0, rows, violations, errors, warnings: violations.length - errors, files: fileSummaries };
}
function formatPct(x) {
  return `${Number((x * 100).toPrecision(3))}%`;
}
var ViolationCollector = class {
  constructor(maxExamples) {
    this.maxExamples = maxExamples;
  }
  maxExamples;
  byKey = /* @__PURE__ */ new Map();
  /** The current batch's row → source location; asked only for a violation's first example. */
  locate = () => ({ file: "" });
  add(rule, column, severity, row, value, message) {
    const key = rule + "\0" + (column ?? "");
    let v = this.byKey.get(key);
    if (!v) {
      v = { rule, column, severity, count: 0, examples: [], example_values: [], message };
      this.byKey.set(key, v);
    }
    v.count++;
    if (row > 0 && v.first_location === void 0) v.first_location = this.locate(row);
    if (row > 0 && v.examples.length < this.maxExamples) {
      v.examples.push(row);
      v.example_values.push(value.length > 80 ? value.slice(0, 77) + "..." : value);
    }
  }
  addAggregate(rule, column, severity, count, message) {
    this.byKey.set(rule + "\0" + (column ?? ""), { rule, column, severity, count, examples: [], example_values: [], message });
  }
  list() {
    return [...this.byKey.values()].sort((a, b) => a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1);
  }
};
function compileColumn(name, col, out, reference, onNull, onEmpty) {
  const fallback = col.severity ?? "error";
  const get = (rule) => rule === void 0 ? void 0 : ruleValue(rule, fallback);
  const nullable = get(col.nullable);
  const min = get(col.min);
  const max = get(col.max);
  const expected = col.expected_range === void 0 ? void 0 : ruleValue(col.expected_range, "warning");
  const expectedLo = expected?.value.min ?? -Infinity;
  const expectedHi = expected?.value.max ?? Infinity;
  const allowed = get(col.allowed);
  const allowedSet = allowed ? new Set(allowed.value.map(String)) : void 0;
  const unique = get(col.unique);
  const seen = unique?.value ? /* @__PURE__ */ new Set() : void 0;
  const regexRule = get(col.regex);
  const regex = regexRule ? new RegExp(regexRule.value) : void 0;
  const type = col.type;
  const typeSeverity = fallback;
  const refRange = get(col.reference_range);
  const newCats = get(col.new_categories);
  const refColumn = reference?.columns.find((c) => c.name === name);
  if ((refRange || newCats?.value) && !refColumn) throw new MlopsError(`reference profile has no column "${name}" to compare against`);
  let rangeLo = -Infinity;
  let rangeHi = Infinity;
  if (refRange) {
    if (!refColumn.numeric) throw new MlopsError(`reference_range on "${name}": the reference profile has no numeric range for it (type ${refColumn.type})`);
    const span = refColumn.numeric.max - refColumn.numeric.min;
    rangeLo = refColumn.numeric.min - refRange.value.tolerance * span;
    rangeHi = refColumn.numeric.max + refRange.value.tolerance * span;
  }
  let refCategories;
  if (newCats?.value) {
    const frequent = refColumn.state.frequent;
    if (frequent.error > 0) {
      throw new MlopsError(`new_categories on "${name}": the reference has more than ${frequent.capacity} distinct values, so its category list is not exact`);
    }
    refCategories = new Set(frequent.items.map(([k]) => k));
  }
  const minLength = get(col.min_length);
  const maxLength = get(col.max_length);
  const patternRule = get(col.pattern);
  const pattern = patternRule ? new RegExp(patternRule.value, "u") : void 0;
  const countEmpty = col.max_empty_fraction !== void 0;
  const textRules = minLength !== void 0 || maxLength !== void 0 || pattern !== void 0 || countEmpty;
  const needsNumber = min !== void 0 || max !== void 0 || expected !== void 0 || refRange !== void 0 || type === "number" || type === "integer";
  return (cell, row) => {
    if (cell === null) {
      onNull();
      if (nullable && !nullable.value) out.add("not_null", name, nullable.severity, row, "null", "null in a non-null column");
      return;
    }
    let text;
    if (needsNumber) {
      const n = typeof cell === "boolean" ? void 0 : toNumber(cell);
      if (n === void 0) {
        text = cellText(cell);
        out.add("type", name, typeSeverity, row, text, `expected ${type === "integer" ? "an integer" : "a number"}`);
        return;
      }
      if (type === "integer" && !isIntegerCell(cell, n)) {
        text = cellText(cell);
        out.add("type", name, typeSeverity, row, text, "expected an integer");
        return;
      }
      if (min && n < min.value) out.add("min", name, min.severity, row, cellText(cell), `below the minimum ${min.value}`);
      if (max && n > max.value) out.add("max", name, max.severity, row, cellText(cell), `above the maximum ${max.value}`);
      if (expected && (n < expectedLo || n > expectedHi)) {
        out.add("expected_range", name, expected.severity, row, cellText(cell), `outside the expected range [${trim(expectedLo)}, ${trim(expectedHi)}]`);
      }
      if (refRange && (n < rangeLo || n > rangeHi)) {
        out.add("reference_range", name, refRange.severity, row, cellText(cell), `outside the reference range [${trim(rangeLo)}, ${trim(rangeHi)}]`);
      }
    } else if (type === "boolean" && toBoolean(cell) === void 0) {
      out.add("type", name, typeSeverity, row, cellText(cell), "expected true or false");
      return;
    } else if (type === "datetime" && toDatetime(cell) === void 0) {
      out.add("type", name, typeSeverity, row, cellText(cell), "expected an ISO-8601 date or date-time");
      return;
    }
    if (allowedSet || seen || regex || refCategories) {
      text ??= cellText(cell);
      if (allowedSet && !allowedSet.has(text)) {
        out.add(
          "allowed",
          name,
          allowed.severity,
          row,
          text,
          allowed.severity === "warning" ? "unseen category: not one of the listed values" : "not one of the allowed values"
        );
      }
      if (refCategories && !refCategories.has(text)) out.add("new_categories", name, newCats.severity, row, text, "category never seen in the reference");
      if (regex && !regex.test(text)) out.add("regex", name, regexRule.severity, row, text, `does not match /${regexRule.value}/`);
      if (seen) {
        if (seen.has(text)) out.add("unique", name, unique.severity, row, text, "duplicate value in a unique column");
        else seen.add(text);
      }
    }
    if (textRules) {
      text ??= cellText(cell);
      const length = minLength || maxLength ? codePointLength(text) : 0;
      if (minLength && length < minLength.value) out.add("min_length", name, minLength.severity, row, text, `shorter than ${minLength.value} characters`);
      if (maxLength && length > maxLength.value) out.add("max_length", name, maxLength.severity, row, text, `longer than ${maxLength.value} characters`);
      if (pattern && !pattern.test(text)) out.add("pattern", name, patternRule.severity, row, text, `does not contain a match of /${patternRule.value}/`);
      if (countEmpty && tokenize(text).length === 0) onEmpty();
    }
  };
}
function trim(x) {
  return Number(x.toPrecision(6)).toString();
}

// actions/validate-data/main.ts
function readValidateSettings() {
  const patterns = listInput("data");
  return {
    patterns: patterns.length ? patterns : [input("data")],
    rulesFile: input("rules"),
    failOn: choiceInput("fail-on", ["error", "warning", "never"], "error"),
    reportPath: input("report-path", "mlops-validation.md"),
    jsonPath: input("json-path", "mlops-validation.json"),
    summary: booleanInput("summary", true)
  };
}
await runAction(async () => {
  const { patterns, rulesFile, failOn, reportPath, jsonPath, summary: summary2 } = readValidateSettings();
  const { rules, reference } = await loadRulesWithReference(rulesFile);
  const files = await expandDataPaths(patterns);
  info(`validating ${files.length} file(s) against ${rulesFile}`);
  const report = await validateFiles(files, rules, { reference });
  const markdown = validationMarkdown(report);
  await writeText(reportPath, markdown);
  await writeJson(jsonPath, validationJson(report));
  if (summary2) await summary.addRaw(markdown).write();
  writeOutputs({
    ok: String(report.ok),
    violations: String(report.violations.length),
    errors: String(report.errors),
    rows: String(report.rows),
    "report-path": reportPath,
    "json-path": jsonPath
  });
  for (const a of validationAnnotations(report, { file: rulesFile, text: await readFile(rulesFile, "utf8") })) emitAnnotation(a);
  const failed = failOn === "error" ? report.errors > 0 : failOn === "warning" ? report.violations.length > 0 : false;
  if (failed) setFailed(`data validation failed: ${report.errors} error(s), ${report.warnings} warning(s); see the job summary`);
});
