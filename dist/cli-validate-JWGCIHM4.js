import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  inferRules,
  inferredHeader,
  parseRules,
  ruleValue,
  rulesToYaml
} from "./cli-chunk-GH6B6KBB.js";
import {
  rowProgress
} from "./cli-chunk-EIOJZ3IR.js";
import {
  delimiterOption
} from "./cli-chunk-4VEL2SRJ.js";
import "./cli-chunk-BXEWGB6B.js";
import "./cli-chunk-WKPB2DLF.js";
import {
  describeTypeDrift,
  typeDriftColumns
} from "./cli-chunk-S6V5JK25.js";
import {
  codePointLength,
  parseProfile,
  profileFiles,
  tokenize
} from "./cli-chunk-X2GB25J3.js";
import "./cli-chunk-432HCV4T.js";
import {
  cellText,
  expandDataPaths,
  isIntegerCell,
  readBatches,
  toBoolean,
  toDatetime,
  toNumber
} from "./cli-chunk-6HQVLVXU.js";
import {
  code,
  fitToLimit,
  formatNumber,
  table
} from "./cli-chunk-5E2F2P2C.js";
import {
  pathExists,
  readText,
  writeText
} from "./cli-chunk-E2MBSDJC.js";
import {
  defineCommand,
  requireOption
} from "./cli-chunk-BC6VW377.js";
import {
  MlopsError
} from "./cli-chunk-CRJPICDA.js";
import "./cli-chunk-3D3HMA2K.js";

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

// src/cli/commands/validate.ts
import { resolve as resolve2 } from "node:path";

// src/validation/load.ts
import { dirname, resolve } from "node:path";
async function loadRulesWithReference(rulesFile) {
  const rules = parseRules(await readText(rulesFile), rulesFile);
  if (!rules.reference) return { rules };
  const path = resolve(dirname(rulesFile), rules.reference.profile);
  return { rules, reference: parseProfile(await readText(path), path) };
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

// src/cli/commands/validate.ts
var validateCommand = defineCommand({
  name: "validate",
  summary: "check data against a rules file; or write a starting rules file.",
  usage: [
    "mlops validate --data FILE... --rules rules.yml [--format json|markdown] [--out report]",
    "mlops validate --infer (--data FILE... | --profile profile.json) --out rules.yml [--key COL]",
    "               [--reference profile.json] [--force]"
  ],
  options: {
    data: { type: "list", value: "FILE", description: "CSV/TSV, JSONL or Parquet; a glob or repeated flag reads several files as one dataset" },
    rules: {
      type: "string",
      value: "FILE",
      description: "YAML rules (see docs/validation.md): types, nullability, max null fraction, min/max, allowed values, unique keys, regex, row-count bounds, and comparisons with a reference profile (new categories, range \xB1 tolerance); for text min_length, max_length, max_empty_fraction and pattern"
    },
    format: {
      type: "choice",
      choices: ["json", "markdown"],
      default: "markdown",
      description: "the report: markdown, or json: { ok, rows, violations: [{ rule, column, severity, count, examples }] }"
    },
    out: { type: "string", short: "o", value: "FILE", description: "also write the report (or, with --infer, the rules) to FILE" },
    ...delimiterOption,
    infer: { type: "boolean", description: "write rules inferred from the data or a profile instead of validating", group: "Writing rules (--infer)" },
    profile: {
      type: "string",
      value: "FILE",
      description: "with --infer: infer from this profile (from mlops profile) instead of --data",
      group: "Writing rules (--infer)"
    },
    reference: {
      type: "string",
      value: "FILE",
      description: "with --infer: add reference-profile rules comparing against FILE",
      group: "Writing rules (--infer)"
    },
    key: {
      type: "list",
      value: "COL",
      description: "with --infer: a key column (unique, never null); all-distinct columns named like ids (id, user_id, orderId, uuid) are keys without it",
      group: "Writing rules (--infer)"
    },
    force: { type: "boolean", description: "with --infer: replace an existing --out file (without it: exit 2)", group: "Writing rules (--infer)" }
  },
  text: `Inferred rules hold on fresh data from the same source: numeric min/max (errors) at the
training range widened by max(range, 3\xB7IQR) on each side (not below 0 for a column never
negative), an expected_range warning band at the range widened by 10%; category lists strict
only when small (\u2264 20) and every value seen twice, else an "unseen category" warning; null
limits max(2 \xD7 observed share, share + 0.02). See docs/validation.md.

Exit codes: 0 no error-level rule broken (warnings allowed), 1 an error-level rule broken, 2 bad input.`,
  examples: [
    "mlops validate --data data/train.csv --rules rules.yml",
    "mlops validate --data 'data/*.parquet' --rules rules.yml --format json > report.json",
    "mlops validate --infer --data data/train.csv --out rules.yml"
  ],
  async run(values, io) {
    const patterns = values.data;
    if (values.infer) {
      const out = requireOption("validate", values.out, "--out");
      const outFile = resolve2(io.cwd, out);
      if (!values.force && await pathExists(outFile)) throw new MlopsError(`${out} already exists: refusing to overwrite it (use --force to replace it)`);
      const profile = values.profile ? parseProfile(await readText(values.profile), values.profile) : await profileFiles(await expandDataPaths(patterns.length ? patterns : [requireOption("validate", void 0, "--data or --profile")], io.cwd), {
        delimiter: values.delimiter,
        now: io.now
      });
      for (const c of typeDriftColumns(profile)) io.stderr.write(`warning: ${describeTypeDrift(c)} (ruled as a number, so validation flags those cells)
`);
      const rules2 = inferRules(profile, { referencePath: values.reference, keys: values.key });
      await writeText(outFile, rulesToYaml(rules2, inferredHeader(values.profile ?? patterns.join(", "), profile.rows)));
      io.stderr.write(`wrote ${out} with rules for ${profile.columns.length} columns
`);
      return 0;
    }
    const rulesFile = requireOption("validate", values.rules, "--rules");
    if (patterns.length === 0) requireOption("validate", void 0, "--data");
    const { rules, reference } = await loadRulesWithReference(resolve2(io.cwd, rulesFile));
    const files = await expandDataPaths(patterns, io.cwd);
    const progress = rowProgress(io.stderr, "validated");
    const report = await validateFiles(files, rules, { reference, delimiter: values.delimiter, onProgress: (n) => progress.update(n) });
    const text = values.format === "json" ? JSON.stringify(validationJson(report), null, 2) + "\n" : validationMarkdown(report);
    io.stdout.write(text);
    if (values.out) await writeText(values.out, text);
    return report.ok ? 0 : 1;
  }
});
export {
  validateCommand
};
