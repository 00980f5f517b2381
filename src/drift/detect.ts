import type { Profile } from '../profile/schema.ts';
import { MlopsError, listPreview } from '../util/errors.ts';
import { compareColumn, skipReason, type ColumnDrift } from './compare.ts';
import type { InconclusivePolicy } from './bound.ts';
import type { DriftConfig } from './config.ts';
import type { ColumnSamples, ExactMode } from './exact/samples.ts';
import type { DriftMethod, MethodChoice } from './methods.ts';
import { compareText, isTextColumn, textSkipReason, type TextColumnDrift } from './text.ts';

export const DEFAULT_DRIFT_SHARE = 0.5;
export const DEFAULT_PREDICTION_COLUMN = 'prediction';

export interface DriftOptions {
  /** Columns to check (default: every column of the reference). */
  columns?: readonly string[];
  method?: MethodChoice;
  /** One threshold for every column, replacing the per-method defaults. */
  threshold?: number;
  driftShare?: number;
  config?: DriftConfig;
  /** Sorted raw values of numeric columns on both sides (the exact path, src/drift/exact). */
  samples?: ReadonlyMap<string, ColumnSamples>;
  /** `--exact`; `never` also ignores samples stored in the profiles. */
  exact?: ExactMode;
  /** How inconclusive columns count in the share (default exclude: left out of it). */
  inconclusive?: InconclusivePolicy;
  /**
   * The production model's permutation importance per feature, shown beside each column. With
   * `weights: 'importance'` (the default when given) each column's weight is max(0, importance)
   * (0 for a column the model does not use) unless drift.yml sets its weight; equal weights when
   * no tested column has a positive importance.
   */
  importance?: Readonly<Record<string, number>>;
  weights?: Weighting;
}

export const WEIGHTINGS = ['importance', 'equal'] as const;
export type Weighting = (typeof WEIGHTINGS)[number];

export interface DriftResult {
  dataset_drift: boolean;
  share_drifted: number;
  drift_share_threshold: number;
  drifted_columns: string[];
  columns: Record<string, ColumnDrift>;
  /** Free-text columns: their five text tests (src/drift/text.ts); they count in the share like other columns. */
  text_columns?: Record<string, TextColumnDrift>;
  skipped: Record<string, string>;
  /** The prediction column's drift, when the data has one (null otherwise). */
  prediction_drift: { column: string; drifted: boolean; method: DriftMethod; statistic: number; p_value?: number } | null;
  reference_rows: number;
  current_rows: number;
  /** Columns whose error bound straddles the threshold (src/drift/bound.ts). */
  inconclusive_columns?: string[];
  inconclusive_policy?: InconclusivePolicy;
  /** importance: columns weighted by the model's permutation importance; equal: weight 1 (or drift.yml's). */
  weighting?: Weighting;
}

/**
 * Dataset drift: every selected column compared on its own, then the dataset drifts when the
 * weighted share of drifted columns Σ wᵢ·driftedᵢ / Σ wᵢ reaches the drift share (default 0.5,
 * Evidently's rule). Precedence per column: drift.yml column entry > CLI flag > drift.yml default > built-in default.
 */
export function detectDrift(reference: Profile, current: Profile, options: DriftOptions = {}): DriftResult {
  const config = options.config;
  const refColumns = new Map(reference.columns.map((c) => [c.name, c]));
  const curColumns = new Map(current.columns.map((c) => [c.name, c]));
  const names = options.columns && options.columns.length > 0 ? [...options.columns] : reference.columns.map((c) => c.name);
  const unknown = names.filter((n) => !refColumns.has(n));
  if (unknown.length > 0)
    throw new MlopsError(
      `column ${listPreview(unknown.map((n) => `"${n}"`))} not in the reference (it has ${listPreview(reference.columns.map((c) => c.name))})`,
    );
  const columns: Record<string, ColumnDrift> = {};
  const text: Record<string, TextColumnDrift> = {};
  const skipped: Record<string, string> = {};
  for (const name of names) {
    const perColumn = config?.columns?.[name];
    if (perColumn?.skip) {
      skipped[name] = 'skipped by the drift config';
      continue;
    }
    const ref = refColumns.get(name)!;
    const cur = curColumns.get(name);
    if (isTextColumn(ref)) {
      const why = textSkipReason(cur);
      if (why) skipped[name] = why;
      else text[name] = compareText(ref, cur!, { weight: perColumn?.weight ?? 1, config: config?.text, thresholds: config?.thresholds, bins: config?.bins });
      continue;
    }
    const reason = skipReason(ref, cur, options.samples?.has(name));
    if (reason) {
      skipped[name] = reason;
      continue;
    }
    columns[name] = compareColumn(
      ref,
      cur!,
      {
        method: perColumn?.method ?? options.method ?? config?.method ?? 'auto',
        threshold: perColumn?.threshold ?? options.threshold,
        thresholds: config?.thresholds,
        weight: perColumn?.weight ?? 1,
        bins: config?.bins,
        exact: options.exact,
      },
      options.samples?.get(name),
    );
    const importance = options.importance?.[name];
    if (importance !== undefined) columns[name].importance = importance;
  }
  // Numeric/categorical and text columns count alike in the share; only sketched ones can be inconclusive.
  const tested: [string, { weight: number; drifted: boolean; inconclusive?: boolean }][] = [...Object.entries(columns), ...Object.entries(text)];
  if (tested.length === 0) {
    throw new MlopsError(`no column could be compared: ${listPreview(Object.entries(skipped).map(([n, r]) => `${n} (${r})`)) || 'no columns selected'}`);
  }
  const weighting = options.weights === 'equal' ? 'equal' : applyImportance(tested, options.importance, config);
  const policy = options.inconclusive ?? 'exclude';
  const counted = policy === 'exclude' ? tested.filter(([, c]) => !c.inconclusive) : tested;
  const counts = (c: { drifted: boolean; inconclusive?: boolean }) => c.drifted || (policy === 'drift' && c.inconclusive === true);
  const totalWeight = counted.reduce((s, [, c]) => s + c.weight, 0);
  const driftedWeight = counted.reduce((s, [, c]) => s + (counts(c) ? c.weight : 0), 0);
  const share = totalWeight > 0 ? driftedWeight / totalWeight : 0;
  const threshold = options.driftShare ?? config?.drift_share ?? DEFAULT_DRIFT_SHARE;
  const predictionColumn = config?.prediction_column ?? DEFAULT_PREDICTION_COLUMN;
  const prediction = columns[predictionColumn];
  return {
    dataset_drift: share >= threshold && driftedWeight > 0,
    share_drifted: share,
    drift_share_threshold: threshold,
    drifted_columns: tested.filter(([, c]) => c.drifted).map(([n]) => n),
    columns,
    text_columns: text,
    skipped,
    prediction_drift: prediction
      ? {
          column: predictionColumn,
          drifted: prediction.drifted,
          method: prediction.method,
          statistic: prediction.statistic,
          ...(prediction.p_value !== undefined ? { p_value: prediction.p_value } : {}),
        }
      : null,
    reference_rows: reference.rows,
    current_rows: current.rows,
    inconclusive_columns: tested.filter(([, c]) => c.inconclusive).map(([n]) => n),
    inconclusive_policy: policy,
    weighting,
  };
}

/**
 * Importance weighting: a column's weight becomes max(0, importance), 0 for a column outside the
 * model's features (its drift is still reported), unless drift.yml gives the column a weight.
 * Falls back to the equal weights already set when no tested column has a positive importance.
 */
function applyImportance(tested: [string, { weight: number }][], importance: DriftOptions['importance'], config: DriftConfig | undefined): Weighting {
  if (!importance) return 'equal';
  const weightOf = (name: string) => Math.max(0, importance[name] ?? 0);
  if (!tested.some(([name]) => weightOf(name) > 0)) return 'equal';
  for (const [name, c] of tested) if (config?.columns?.[name]?.weight === undefined) c.weight = weightOf(name);
  return 'importance';
}
