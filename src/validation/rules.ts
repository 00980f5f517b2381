import { z } from 'zod';
import { ConfigError } from '../util/errors.ts';
import { yamlLines } from '../util/yaml-lines.ts';
import { parseConfigFile } from '../util/config-file.ts';

export const RULES_SCHEMA_VERSION = 1;

export const Severity = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof Severity>;

/** A rule value is either plain (`min: 0`) or carries its own severity (`min: { value: 0, severity: warning }`). */
const withSeverity = <T extends z.ZodType>(value: T) => z.union([value, z.object({ value, severity: Severity }).strict()]);

export const ColumnRulesSchema = z
  .object({
    /** `text` is free text: a string column that the text rules below are written for. */
    type: z.enum(['number', 'integer', 'boolean', 'category', 'string', 'datetime', 'text']).optional(),
    /** The column must exist (default true). */
    required: z.boolean().optional(),
    nullable: withSeverity(z.boolean()).optional(),
    max_null_fraction: withSeverity(z.number().min(0).max(1)).optional(),
    min: withSeverity(z.number()).optional(),
    max: withSeverity(z.number()).optional(),
    allowed: withSeverity(z.array(z.union([z.string(), z.number(), z.boolean()])).min(1)).optional(),
    unique: withSeverity(z.boolean()).optional(),
    regex: withSeverity(z.string()).optional(),
    /**
     * Values outside [min, max] here are a warning (by default), while the column's min/max stay
     * the hard limits: the band inferred rules put around the training range (docs/validation.md).
     */
    expected_range: withSeverity(z.object({ min: z.number().optional(), max: z.number().optional() }).strict()).optional(),
    /** Reference-profile rules: values outside the reference range widened by `tolerance` × range. */
    reference_range: withSeverity(z.object({ tolerance: z.number().min(0).default(0) }).strict()).optional(),
    /** Reference-profile rules: categories never seen in the reference. */
    new_categories: withSeverity(z.boolean()).optional(),
    /** Text rules: length in characters (code points) of every non-null cell. */
    min_length: withSeverity(z.number().int().nonnegative()).optional(),
    max_length: withSeverity(z.number().int().positive()).optional(),
    /** Text rules: at most this share of rows empty — missing, blank or without a token (src/data/tokenize.ts). */
    max_empty_fraction: withSeverity(z.number().min(0).max(1)).optional(),
    /** Text rules: every non-null cell must contain a match of this regular expression (Unicode mode). */
    pattern: withSeverity(z.string()).optional(),
    /** Default severity of this column's rules. */
    severity: Severity.optional(),
  })
  .strict();
export type ColumnRules = z.infer<typeof ColumnRulesSchema>;

export const RulesSchema = z
  .object({
    version: z.literal(RULES_SCHEMA_VERSION),
    dataset: z
      .object({
        row_count: withSeverity(z.object({ min: z.number().int().nonnegative().optional(), max: z.number().int().positive().optional() }).strict()).optional(),
        /** Columns not listed under `columns` are violations. */
        no_extra_columns: withSeverity(z.boolean()).optional(),
      })
      .strict()
      .optional(),
    /** A profile JSON (from `mlops profile`) that reference_range / new_categories compare against. */
    reference: z.object({ profile: z.string() }).strict().optional(),
    /** Example row numbers to keep per violation. */
    max_examples: z.number().int().min(0).max(1000).default(5),
    columns: z.record(z.string(), ColumnRulesSchema).default({}),
  })
  .strict();
export type Rules = z.infer<typeof RulesSchema>;

/** Splits `min: { value: 0, severity: warning }` into its value and severity. */
export function ruleValue<T>(rule: T | { value: T; severity: Severity }, fallback: Severity): { value: T; severity: Severity } {
  if (rule !== null && typeof rule === 'object' && 'value' in (rule as object) && 'severity' in (rule as object)) {
    return rule as { value: T; severity: Severity };
  }
  return { value: rule as T, severity: fallback };
}

/**
 * Parses and checks a rules file. Errors name the file and the path inside it
 * (`columns.age.min: expected number`), since a wrong rules file is a user error.
 */
export function parseRules(text: string, file: string): Rules {
  const rules = parseConfigFile(text, file, RulesSchema, {
    expect: 'a rules file must be a YAML mapping with version: 1 and columns:',
    describe: (issue) => (issue.code === 'invalid_union' ? 'expected a value or { value, severity: error|warning }' : undefined),
  });
  for (const [name, col] of Object.entries(rules.columns)) {
    if (col.regex !== undefined) {
      const { value } = ruleValue(col.regex, 'error');
      try {
        new RegExp(value);
      } catch (err) {
        throw new ConfigError(
          file,
          yamlLines(text).lineOf(['columns', name, 'regex']),
          `${file}: columns.${name}.regex: not a valid regular expression (${(err as Error).message})`,
        );
      }
    }
    if (col.pattern !== undefined) {
      const { value } = ruleValue(col.pattern, 'error');
      try {
        new RegExp(value, 'u');
      } catch (err) {
        throw new ConfigError(
          file,
          yamlLines(text).lineOf(['columns', name, 'pattern']),
          `${file}: columns.${name}.pattern: not a valid regular expression (${(err as Error).message})`,
        );
      }
    }
    if ((col.reference_range || col.new_categories) && !rules.reference) {
      throw new ConfigError(
        file,
        yamlLines(text).lineOf(['columns', name, col.reference_range ? 'reference_range' : 'new_categories']),
        `${file}: columns.${name}: reference_range and new_categories need a top-level reference: { profile: FILE }`,
      );
    }
  }
  return rules;
}
