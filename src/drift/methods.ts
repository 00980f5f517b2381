import type { ColumnType } from '../profile/schema.ts';

export const DRIFT_METHODS = [
  'ks',
  'wasserstein',
  'psi',
  'js',
  'chisquare',
  'chisquare_gof',
  'z',
  'fisher_exact',
  'g_test',
  'anderson',
  'cramer_von_mises',
  'mannwhitney',
  'energy',
  'hellinger',
  'tvd',
] as const;
export type DriftMethod = (typeof DRIFT_METHODS)[number];
export type MethodChoice = DriftMethod | 'auto';
export const METHOD_CHOICES = ['auto', ...DRIFT_METHODS] as const;

/**
 * Default per-method thresholds, Evidently 0.4.37's `default_threshold` of the same test
 * (src/evidently/calculations/stattests/*.py). For the hypothesis tests the threshold is the
 * significance level α and a column drifts when p < α; for the distances a column drifts
 * when the statistic ≥ threshold. 0.1 for PSI is also the rule of thumb's "moderate" shift.
 */
export const DEFAULT_THRESHOLDS: Record<DriftMethod, number> = {
  ks: 0.05,
  chisquare: 0.05,
  chisquare_gof: 0.05,
  z: 0.05,
  fisher_exact: 0.1,
  g_test: 0.1,
  anderson: 0.1,
  cramer_von_mises: 0.1,
  mannwhitney: 0.05,
  wasserstein: 0.1,
  psi: 0.1,
  js: 0.1,
  energy: 0.1,
  hellinger: 0.1,
  tvd: 0.1,
};

const P_VALUE_METHODS: ReadonlySet<DriftMethod> = new Set([
  'ks',
  'chisquare',
  'chisquare_gof',
  'z',
  'fisher_exact',
  'g_test',
  'anderson',
  'cramer_von_mises',
  'mannwhitney',
]);

export function isPValueMethod(method: DriftMethod): boolean {
  return P_VALUE_METHODS.has(method);
}

/** Numeric tests that read every value (ranks, pooled order): they need both samples exact. */
export const SAMPLE_METHODS: ReadonlySet<DriftMethod> = new Set(['anderson', 'cramer_von_mises', 'mannwhitney', 'energy']);

/**
 * `auto` picks a hypothesis test while the *reference* has at most this many values and a
 * distance above, as Evidently's `_get_default_stattest`: a test's power grows with n, so on
 * large samples KS / chi-square flag shifts too small to matter; a distance has a fixed meaning.
 */
export const AUTO_TEST_MAX_ROWS = 1000;
/** Evidently treats a numeric column with at most this many distinct values (both sides) as categorical. */
export const AUTO_FEW_VALUES = 5;

export type ColumnKind = 'numeric' | 'categorical' | 'unsupported';

/** Numbers and integers are numeric; categories and booleans categorical; free text and datetimes are not tested. */
export function columnKind(type: ColumnType): ColumnKind {
  if (type === 'number' || type === 'integer') return 'numeric';
  if (type === 'category' || type === 'boolean') return 'categorical';
  return 'unsupported';
}

const CATEGORICAL_ONLY: ReadonlySet<DriftMethod> = new Set(['chisquare', 'chisquare_gof', 'z', 'fisher_exact', 'g_test']);
const NUMERIC_ONLY: ReadonlySet<DriftMethod> = new Set(['ks', 'wasserstein', 'anderson', 'cramer_von_mises', 'mannwhitney', 'energy']);

/**
 * Whether `method` applies to a column of this kind with `values` distinct values over both
 * sides (z and Fisher's exact test compare two proportions: two values exactly).
 */
export function methodFits(method: DriftMethod, kind: ColumnKind, values = Infinity): boolean {
  if (kind === 'unsupported') return false;
  if (method === 'z' || method === 'fisher_exact') return kind === 'categorical' && values === 2;
  if (CATEGORICAL_ONLY.has(method)) return kind === 'categorical';
  if (NUMERIC_ONLY.has(method)) return kind === 'numeric';
  return true;
}

/**
 * `auto`, as Evidently 0.4.37 (`_get_default_stattest`), by the reference's size and the
 * number of distinct values of both sides together:
 * - reference ≤ 1,000 values: numeric with > 5 values → KS; otherwise (categorical, or numeric
 *   with ≤ 5 values) chi-square with > 2 values, the two-proportion z-test with ≤ 2;
 * - above: numeric with > 5 values → normalised Wasserstein; otherwise Jensen–Shannon.
 * `categoricalOnValues` says a numeric column is then compared on its values as categories.
 */
export function autoMethod(kind: 'numeric' | 'categorical', referenceRows: number, values: number): { method: DriftMethod; categoricalOnValues: boolean } {
  const few = kind === 'categorical' || values <= AUTO_FEW_VALUES;
  const categoricalOnValues = kind === 'numeric' && few;
  if (referenceRows <= AUTO_TEST_MAX_ROWS) {
    if (!few) return { method: 'ks', categoricalOnValues };
    return { method: values > 2 ? 'chisquare' : 'z', categoricalOnValues };
  }
  return { method: few ? 'js' : 'wasserstein', categoricalOnValues };
}
