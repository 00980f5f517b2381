import { stringify } from 'yaml';
import type { ColumnProfile, Profile } from '../profile/schema.ts';
import { looksLikeText } from '../profile/text.ts';
import { RULES_SCHEMA_VERSION, type ColumnRules, type Rules } from './rules.ts';

/**
 * The margins inferred rules leave around what the training data showed (docs/validation.md,
 * "Inferred rules"). A fresh sample of m rows from the same distribution puts about m/(n+1)
 * values beyond each observed extreme of n rows, so exact min/max bounds fail clean data;
 * these bands make that a warning and keep errors for values no clean sample produces.
 */
export const INFER_MARGINS = {
  /** Warning band: the observed range widened by this share of it on each side. */
  warnShare: 0.1,
  /** Error band: widened by max(errorShare × range, errorIqr × IQR) on each side... */
  errorShare: 1,
  errorIqr: 3,
  /** Null limit for a column that had nulls: max(nullFactor × observed share, share + nullSlack). */
  nullFactor: 2,
  nullSlack: 0.02,
  /** Category sets larger than this, or with a value seen once, get an "unseen category" warning, not an error. */
  maxStrictCategories: 20,
} as const;

/** Column names that say "identifier": id, user_id, customerId, order-key, uuid, sku… */
const ID_NAME = /(^|[_\-\s.])(id|key|uuid|guid|sku)$|^(id|uuid|guid|key)$|[a-z0-9]Id$|[a-z0-9](ID|Key|Uuid)$/i;

export interface InferOptions {
  /** A profile JSON path: adds reference-profile rules (reference_range) comparing with it. */
  referencePath?: string;
  /** Columns declared as keys (`--key`): unique, never null, no numeric range. */
  keys?: readonly string[];
}

export function isIdLikeName(name: string): boolean {
  return ID_NAME.test(name);
}

/** All values distinct and the name says identifier, or declared with --key. */
export function isKeyColumn(c: ColumnProfile, keys: readonly string[] = []): boolean {
  if (keys.includes(c.name)) return true;
  const nonNull = c.count - c.nulls;
  return nonNull > 1 && c.distinct.exact && c.distinct.value === nonNull && isIdLikeName(c.name) && c.type !== 'number';
}

/**
 * A rules file from a profile that holds on fresh data from the same source: types, null
 * behaviour, numeric ranges with a warning band and a wider error band, category sets (strict
 * only when small and fully seen), unique keys. Meant to be reviewed, then committed.
 */
export function inferRules(profile: Profile, options: InferOptions = {}): Rules {
  const columns: Record<string, ColumnRules> = {};
  for (const c of profile.columns) columns[c.name] = inferColumn(c, options);
  return {
    version: RULES_SCHEMA_VERSION,
    dataset: { row_count: { min: 1 } },
    ...(options.referencePath ? { reference: { profile: options.referencePath } } : {}),
    max_examples: 5,
    columns,
  };
}

function inferColumn(c: ColumnProfile, options: InferOptions): ColumnRules {
  const nonNull = c.count - c.nulls;
  // A column numeric in ≥ 99% of its cells is a numeric column with bad cells: rule it as one,
  // so validation names those cells instead of accepting them as text.
  const type = c.type_drift ? 'number' : c.type;
  const rules: ColumnRules = nonNull > 0 ? { type } : {};
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
  if (c.numeric && (c.type === 'number' || c.type === 'integer')) {
    Object.assign(rules, numericBounds(c, c.type === 'integer'));
    if (options.referencePath) rules.reference_range = { value: { tolerance: 0.1 }, severity: 'warning' };
  }
  if (c.type_drift) return rules;
  if (c.type === 'category' && c.top_categories?.exact) {
    const items = c.state.frequent.items;
    const values = items.map(([k]) => k).sort();
    // Good–Turing: the chance that the next value is one never seen is about (values seen once) / n.
    // With none seen once and a small set, an unseen value is a fault; otherwise it may be news.
    const strict = values.length <= INFER_MARGINS.maxStrictCategories && items.every(([, n]) => n > 1);
    rules.allowed = strict ? values : { value: values, severity: 'warning' };
  }
  // Free text: its empty share with the null margins (an error beyond), and twice the longest as a warning.
  if (looksLikeText(c) && c.text) {
    rules.type = 'text';
    const share = c.text.empty_share;
    rules.max_empty_fraction = Math.min(1, ceilTo(Math.max(INFER_MARGINS.nullFactor * share, share + INFER_MARGINS.nullSlack), 2));
    rules.max_length = { value: Math.ceil(2 * c.text.chars.max), severity: 'warning' };
  }
  // Every value distinct in a text column that is not named like a key: likely a key, say so softly.
  if (c.type === 'string' && nonNull > 1 && c.distinct.value >= 0.97 * nonNull) rules.unique = { value: true, severity: 'warning' };
  return rules;
}

/**
 * min/max (errors) at the observed extremes widened by max(range, 3·IQR), clamped at 0 for a
 * column never negative (amounts, counts, sizes: a negative value there is a fault, not a tail);
 * expected_range (warning) at the extremes widened by 10% of the range.
 */
function numericBounds(c: ColumnProfile, integer: boolean): Pick<ColumnRules, 'min' | 'max' | 'expected_range'> {
  const { min, max, quantiles } = c.numeric!;
  const range = max - min;
  const scale = range > 0 ? range : Math.max(Math.abs(max), 1);
  const iqr = (quantiles.p75 ?? max) - (quantiles.p25 ?? min);
  const warn = INFER_MARGINS.warnShare * scale;
  const far = Math.max(INFER_MARGINS.errorShare * scale, INFER_MARGINS.errorIqr * iqr);
  const step = integer ? 1 : 10 ** (Math.floor(Math.log10(scale)) - 2);
  const lo = (x: number) => (integer ? Math.floor(x) : floorTo(x, step));
  const hi = (x: number) => (integer ? Math.ceil(x) : ceilToStep(x, step));
  const errorMin = min >= 0 ? Math.max(0, lo(min - far)) : lo(min - far);
  const warnMin = min >= 0 ? Math.max(0, lo(min - warn)) : lo(min - warn);
  return {
    min: errorMin,
    max: hi(max + far),
    expected_range: { min: Math.min(warnMin, min), max: Math.max(hi(max + warn), max) },
  };
}

function floorTo(x: number, step: number): number {
  return clean(Math.floor(x / step) * step);
}

function ceilToStep(x: number, step: number): number {
  return clean(Math.ceil(x / step) * step);
}

/** Rounds away the binary noise that multiples of 0.01 pick up (0.30000000000000004). */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

function ceilTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.ceil(x * f - 1e-9) / f;
}

export function inferredHeader(source: string, rows: number): string {
  return (
    `# Inferred by mlops validate --infer from ${source} (${rows} rows).\n` +
    `# min/max: the training range widened by max(range, 3·IQR) (errors); expected_range: widened by 10% (warnings).\n` +
    `# Review it: tighten what you know (real limits, allowed codes), loosen what the data may legitimately do.\n`
  );
}

export function rulesToYaml(rules: Rules, header: string): string {
  return header + stringify(rules, { lineWidth: 120 });
}
