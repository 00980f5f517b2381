import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  parseConfigFile,
  yamlLines
} from "./cli-chunk-BXEWGB6B.js";
import {
  require_dist
} from "./cli-chunk-WKPB2DLF.js";
import {
  looksLikeText
} from "./cli-chunk-X2GB25J3.js";
import {
  external_exports
} from "./cli-chunk-432HCV4T.js";
import {
  ConfigError
} from "./cli-chunk-CRJPICDA.js";
import {
  __toESM
} from "./cli-chunk-3D3HMA2K.js";

// src/validation/infer.ts
var import_yaml = __toESM(require_dist(), 1);

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

// src/validation/infer.ts
var INFER_MARGINS = {
  /** Warning band: the observed range widened by this share of it on each side. */
  warnShare: 0.1,
  /** Error band: widened by max(errorShare × range, errorIqr × IQR) on each side... */
  errorShare: 1,
  errorIqr: 3,
  /** Null limit for a column that had nulls: max(nullFactor × observed share, share + nullSlack). */
  nullFactor: 2,
  nullSlack: 0.02,
  /** Category sets larger than this, or with a value seen once, get an "unseen category" warning, not an error. */
  maxStrictCategories: 20
};
var ID_NAME = /(^|[_\-\s.])(id|key|uuid|guid|sku)$|^(id|uuid|guid|key)$|[a-z0-9]Id$|[a-z0-9](ID|Key|Uuid)$/i;
function isIdLikeName(name) {
  return ID_NAME.test(name);
}
function isKeyColumn(c, keys = []) {
  if (keys.includes(c.name)) return true;
  const nonNull = c.count - c.nulls;
  return nonNull > 1 && c.distinct.exact && c.distinct.value === nonNull && isIdLikeName(c.name) && c.type !== "number";
}
function inferRules(profile, options = {}) {
  const columns = {};
  for (const c of profile.columns) columns[c.name] = inferColumn(c, options);
  return {
    version: RULES_SCHEMA_VERSION,
    dataset: { row_count: { min: 1 } },
    ...options.referencePath ? { reference: { profile: options.referencePath } } : {},
    max_examples: 5,
    columns
  };
}
function inferColumn(c, options) {
  const nonNull = c.count - c.nulls;
  const type = c.type_drift ? "number" : c.type;
  const rules = nonNull > 0 ? { type } : {};
  if (c.nulls === 0) rules.nullable = false;
  else if (nonNull > 0) {
    const share = c.nulls / Math.max(1, c.count);
    rules.max_null_fraction = Math.min(1, ceilTo(Math.max(INFER_MARGINS.nullFactor * share, share + INFER_MARGINS.nullSlack), 2));
  }
  if (isKeyColumn(c, options.keys)) {
    rules.unique = true;
    rules.nullable = false;
    delete rules.max_null_fraction;
    return rules;
  }
  if (c.numeric && (c.type === "number" || c.type === "integer")) {
    Object.assign(rules, numericBounds(c, c.type === "integer"));
    if (options.referencePath) rules.reference_range = { value: { tolerance: 0.1 }, severity: "warning" };
  }
  if (c.type_drift) return rules;
  if (c.type === "category" && c.top_categories?.exact) {
    const items = c.state.frequent.items;
    const values = items.map(([k]) => k).sort();
    const strict = values.length <= INFER_MARGINS.maxStrictCategories && items.every(([, n]) => n > 1);
    rules.allowed = strict ? values : { value: values, severity: "warning" };
  }
  if (looksLikeText(c) && c.text) {
    rules.type = "text";
    const share = c.text.empty_share;
    rules.max_empty_fraction = Math.min(1, ceilTo(Math.max(INFER_MARGINS.nullFactor * share, share + INFER_MARGINS.nullSlack), 2));
    rules.max_length = { value: Math.ceil(2 * c.text.chars.max), severity: "warning" };
  }
  if (c.type === "string" && nonNull > 1 && c.distinct.value >= 0.97 * nonNull) rules.unique = { value: true, severity: "warning" };
  return rules;
}
function numericBounds(c, integer) {
  const { min, max, quantiles } = c.numeric;
  const range = max - min;
  const scale = range > 0 ? range : Math.max(Math.abs(max), 1);
  const iqr = (quantiles.p75 ?? max) - (quantiles.p25 ?? min);
  const warn = INFER_MARGINS.warnShare * scale;
  const far = Math.max(INFER_MARGINS.errorShare * scale, INFER_MARGINS.errorIqr * iqr);
  const step = integer ? 1 : 10 ** (Math.floor(Math.log10(scale)) - 2);
  const lo = (x) => integer ? Math.floor(x) : floorTo(x, step);
  const hi = (x) => integer ? Math.ceil(x) : ceilToStep(x, step);
  const errorMin = min >= 0 ? Math.max(0, lo(min - far)) : lo(min - far);
  const warnMin = min >= 0 ? Math.max(0, lo(min - warn)) : lo(min - warn);
  return {
    min: errorMin,
    max: hi(max + far),
    expected_range: { min: Math.min(warnMin, min), max: Math.max(hi(max + warn), max) }
  };
}
function floorTo(x, step) {
  return clean(Math.floor(x / step) * step);
}
function ceilToStep(x, step) {
  return clean(Math.ceil(x / step) * step);
}
function clean(x) {
  return Number(x.toPrecision(12));
}
function ceilTo(x, digits) {
  const f = 10 ** digits;
  return Math.ceil(x * f - 1e-9) / f;
}
function inferredHeader(source, rows) {
  return `# Inferred by mlops validate --infer from ${source} (${rows} rows).
# min/max: the training range widened by max(range, 3\xB7IQR) (errors); expected_range: widened by 10% (warnings).
# Review it: tighten what you know (real limits, allowed codes), loosen what the data may legitimately do.
`;
}
function rulesToYaml(rules, header) {
  return header + (0, import_yaml.stringify)(rules, { lineWidth: 120 });
}

export {
  ruleValue,
  parseRules,
  isKeyColumn,
  inferRules,
  inferredHeader,
  rulesToYaml
};
