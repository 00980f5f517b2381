import type { ColumnType } from '../profile/schema.ts';

export const DRIFT_METHODS = ['ks', 'wasserstein', 'psi', 'js', 'chisquare'] as const;
export type DriftMethod = (typeof DRIFT_METHODS)[number];
export type MethodChoice = DriftMethod | 'auto';
export const METHOD_CHOICES = ['auto', ...DRIFT_METHODS] as const;

/**
 * Default per-method thresholds. For the two hypothesis tests (ks, chisquare) the threshold is
 * the significance level α and a column drifts when p < α; for the distances a column drifts
 * when the statistic ≥ threshold. 0.1 for normalised Wasserstein, PSI and JS follows Evidently's
 * defaults and the PSI rule of thumb (0.1 = start of a "moderate" shift).
 */
export const DEFAULT_THRESHOLDS: Record<DriftMethod, number> = { ks: 0.05, chisquare: 0.05, wasserstein: 0.1, psi: 0.1, js: 0.1 };

export function isPValueMethod(method: DriftMethod): boolean {
  return method === 'ks' || method === 'chisquare';
}

/**
 * Below this many rows (the smaller side) `auto` uses a hypothesis test; above it, a distance.
 * A test's power grows with n, so on large windows KS / chi-square flag shifts too small to
 * matter (at 1M rows a 0.003-std shift is "significant"); a distance has a fixed meaning.
 */
export const AUTO_TEST_MAX_ROWS = 1000;

export type ColumnKind = 'numeric' | 'categorical' | 'unsupported';

/** Numbers and integers are numeric; categories and booleans categorical; free text and datetimes are not tested. */
export function columnKind(type: ColumnType): ColumnKind {
  if (type === 'number' || type === 'integer') return 'numeric';
  if (type === 'category' || type === 'boolean') return 'categorical';
  return 'unsupported';
}

export function methodFits(method: DriftMethod, kind: ColumnKind): boolean {
  if (kind === 'unsupported') return false;
  if (method === 'ks' || method === 'wasserstein') return kind === 'numeric';
  if (method === 'chisquare') return kind === 'categorical';
  return true;
}

/** `auto`: KS / chi-square up to AUTO_TEST_MAX_ROWS rows, normalised Wasserstein / Jensen–Shannon above. */
export function autoMethod(kind: 'numeric' | 'categorical', rows: number): DriftMethod {
  if (kind === 'numeric') return rows <= AUTO_TEST_MAX_ROWS ? 'ks' : 'wasserstein';
  return rows <= AUTO_TEST_MAX_ROWS ? 'chisquare' : 'js';
}
