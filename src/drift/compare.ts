import type { ColumnProfile, ColumnType } from '../profile/schema.ts';
import { binProportions, DEFAULT_BINS, quantileEdges } from './bins.ts';
import { chi2Contingency, fisherExact, hellingerDistance, proportionsZTest, totalVariation } from '../stats/contingency.ts';
import { boundedDecision, type BoundedDecision } from './bound.ts';
import { chiSquareGof } from './chisquare.ts';
import { categoricalDistribution, ExactDistribution, numericDistribution, type CategoricalDistribution, type NumericDistribution } from './distribution.ts';
import { exactNumericTest } from './exact/numeric.ts';
import type { ColumnSamples, ExactMode } from './exact/samples.ts';
import { jensenShannonDistance } from './jensen-shannon.ts';
import { ksPValue, ksStatistic } from './ks.ts';
import { autoMethod, columnKind, DEFAULT_THRESHOLDS, isPValueMethod, methodFits, SAMPLE_METHODS, type DriftMethod, type MethodChoice } from './methods.ts';
import { PSI_EPSILON, psi } from './psi.ts';
import { normalizedWasserstein, unionSorted } from './wasserstein.ts';

/** Shares of reference and current per bin (numeric) or category, for reports and charts. */
export interface BinnedShares {
  labels: string[];
  reference: number[];
  current: number[];
}

export interface ColumnDrift {
  method: DriftMethod;
  statistic: number;
  /** Present for the methods that are hypothesis tests (isPValueMethod). */
  p_value?: number;
  /** log₁₀ of the p-value, finite where p_value underflows to 0 (computed in log space). */
  log10_p_value?: number;
  /** How the p-value was found: the exact null distribution, an asymptotic one, or (Anderson–Darling) table interpolation. */
  p_value_method?: 'exact' | 'asymptotic' | 'interpolated';
  /** anderson only: the p-value is scipy's cap (0.25) or floor (0.001), the table's ends. */
  p_value_capped?: boolean;
  threshold: number;
  drifted: boolean;
  type: ColumnType;
  weight: number;
  reference_rows: number;
  current_rows: number;
  reference_null_share: number;
  current_null_share: number;
  /** Both sides computed from every value — raw data, exact value counts or a profile's stored values (false: from the t-digest sketch). */
  exact: boolean;
  /** wasserstein only: W₁ in the column's units, before normalising by the reference std. */
  wasserstein_raw?: number;
  new_categories?: string[];
  missing_categories?: string[];
  shares: BinnedShares;
  /** src/drift/bound.ts: how far the statistic may be from the raw data's (0 exact, null unknown). */
  statistic_error_bound?: BoundedDecision['statistic_error_bound'];
  statistic_interval?: BoundedDecision['statistic_interval'];
  p_value_interval?: BoundedDecision['p_value_interval'];
  /** The error bound straddles the threshold: `drifted` is false, and the column is listed as inconclusive. */
  inconclusive?: boolean;
  /** The production model's permutation importance of this column, when the reference has it. */
  importance?: number;
}

export interface ColumnSpec {
  method: MethodChoice;
  threshold?: number;
  weight: number;
  bins?: number;
  /** Per-method thresholds replacing DEFAULT_THRESHOLDS. */
  thresholds?: Partial<Record<DriftMethod, number>>;
  /** `never`: numeric columns from the profiles' sketches and value counts only, ignoring stored samples. */
  exact?: ExactMode;
}

/** Why a column was not compared; null when it can be. `rawValues`: both sides' values are at hand (no sketch needed). */
export function skipReason(reference: ColumnProfile, current: ColumnProfile | undefined, rawValues = false): string | null {
  const kind = columnKind(reference.type);
  if (kind === 'unsupported') return `${reference.type} column: not tested for drift`;
  if (!current) return 'missing from the current data';
  if (reference.count - reference.nulls === 0) return 'no non-null values in the reference';
  if (current.count - current.nulls === 0) return 'no non-null values in the current data';
  if (kind === 'numeric' && !(current.state.all_numeric && (current.state.sketch || rawValues) && current.state.moments))
    return 'current values are not all numeric';
  return null;
}

/**
 * Compares one column's reference and current profiles with the given (or auto-chosen)
 * method. Call skipReason first: this assumes the column is comparable. `samples` are both
 * sides' sorted raw values (the exact path, src/drift/exact): every statistic is then computed
 * from them, equal to scipy on the same data.
 */
export function compareColumn(reference: ColumnProfile, current: ColumnProfile, spec: ColumnSpec, samples?: ColumnSamples): ColumnDrift {
  const kind = columnKind(reference.type) as 'numeric' | 'categorical';
  const refRows = reference.count - reference.nulls;
  const curRows = current.count - current.nulls;
  const useSample = spec.exact !== 'never';
  const numeric =
    kind === 'numeric'
      ? samples
        ? { ref: ExactDistribution.fromSorted(samples.reference), cur: ExactDistribution.fromSorted(samples.current) }
        : { ref: numericDistribution(reference, useSample)!, cur: numericDistribution(current, useSample)! }
      : null;
  const exactSamples: ColumnSamples | undefined =
    samples ??
    (numeric && numeric.ref instanceof ExactDistribution && numeric.cur instanceof ExactDistribution
      ? { reference: numeric.ref.sortedSample(), current: numeric.cur.sortedSample() }
      : undefined);
  const categorical = kind === 'categorical' ? { ref: categoricalDistribution(reference), cur: categoricalDistribution(current) } : null;
  const values = categorical
    ? new Set([...categorical.ref.counts.keys(), ...categorical.cur.counts.keys()]).size
    : numeric!.ref instanceof ExactDistribution && numeric!.cur instanceof ExactDistribution
      ? unionSorted(numeric!.ref.knots(), numeric!.cur.knots()).length
      : Infinity;
  const requested = spec.method !== 'auto' && methodFits(spec.method, kind, values) && !(SAMPLE_METHODS.has(spec.method) && !exactSamples) ? spec.method : null;
  const chosen = requested ? { method: requested, categoricalOnValues: false } : autoMethod(kind, refRows, values);
  const method = chosen.method;
  const threshold = spec.threshold ?? spec.thresholds?.[method] ?? DEFAULT_THRESHOLDS[method];
  const base = {
    type: reference.type,
    weight: spec.weight,
    reference_rows: refRows,
    current_rows: curRows,
    reference_null_share: reference.count === 0 ? 0 : reference.nulls / reference.count,
    current_null_share: current.count === 0 ? 0 : current.nulls / current.count,
  };
  const result = chosen.categoricalOnValues
    ? compareCategorical(valuesAsCategories(numeric!.ref as ExactDistribution), valuesAsCategories(numeric!.cur as ExactDistribution), method)
    : numeric
      ? compareNumeric(numeric.ref, numeric.cur, method, spec.bins ?? DEFAULT_BINS, exactSamples)
      : compareCategorical(categorical!.ref, categorical!.cur, method);
  const plain = isPValueMethod(method) ? result.p_value! < threshold : result.statistic >= threshold;
  const { drifted, inconclusive, ...bound } = boundedDecision(
    numeric?.ref ?? null,
    numeric?.cur ?? null,
    result,
    method,
    threshold,
    spec.bins ?? DEFAULT_BINS,
    plain,
  );
  const { statistic, p_value, ...details } = result;
  // the contract's fields first, so the JSON reads well
  return {
    method,
    statistic,
    ...(p_value === undefined ? {} : { p_value }),
    threshold,
    drifted,
    ...base,
    ...details,
    ...bound,
    ...(inconclusive ? { inconclusive } : {}),
  };
}

type Outcome = Omit<ColumnDrift, 'method' | 'threshold' | 'drifted' | keyof ReturnBase>;
type ReturnBase = Pick<ColumnDrift, 'type' | 'weight' | 'reference_rows' | 'current_rows' | 'reference_null_share' | 'current_null_share'>;

/** A numeric column with few distinct values compared as categories (Evidently's rule for ≤ 5 values). */
function valuesAsCategories(dist: ExactDistribution): CategoricalDistribution {
  const counts = new Map<string, number>();
  const knots = dist.knots();
  for (const v of knots) counts.set(String(v), Math.round((dist.cdf(v) - dist.cdfBefore(v)) * dist.n));
  return { counts, n: dist.n, exact: true };
}

function compareNumeric(ref: NumericDistribution, cur: NumericDistribution, method: DriftMethod, bins: number, samples: ColumnSamples | undefined): Outcome {
  const edges = quantileEdges(ref, bins);
  const pRef = binProportions(ref, edges);
  const pCur = binProportions(cur, edges);
  const shares = { labels: binLabels(edges), reference: pRef, current: pCur };
  const exact = samples !== undefined || (ref.exact && cur.exact);
  if (samples) {
    const tested = exactNumericTest(samples, method);
    if (tested) return { ...tested, exact, shares };
  }
  switch (method) {
    case 'ks': {
      const d = ksStatistic(ref, cur);
      return { statistic: d, ...ksPValue(d, ref.n, cur.n), exact, shares };
    }
    case 'wasserstein': {
      const w = normalizedWasserstein(ref, cur);
      return { statistic: w.normalized, wasserstein_raw: w.raw, exact, shares };
    }
    case 'psi':
      return { statistic: psi(pRef, pCur, PSI_EPSILON), exact, shares };
    case 'hellinger':
      return { statistic: hellingerDistance(pRef, pCur), exact, shares };
    case 'tvd':
      return { statistic: totalVariation(pRef, pCur), exact, shares };
    default:
      return { statistic: jensenShannonDistance(pRef, pCur), exact, shares };
  }
}

/**
 * Categories are aligned on the union. `chisquare` is the two-sample test of homogeneity on
 * the 2 × k table (scipy chi2_contingency: the reference is a sample too, so its noise counts);
 * `chisquare_gof` is Evidently's goodness of fit, treating the reference shares as exact: there,
 * categories the reference never saw have no expected count and are pooled into one cell whose
 * expected share is PSI_EPSILON, so a handful of new values barely move the statistic while a
 * new category holding a real share of the rows makes it explode — which is drift.
 */
function compareCategorical(ref: CategoricalDistribution, cur: CategoricalDistribution, method: DriftMethod): Outcome {
  const labels = [...new Set([...ref.counts.keys(), ...cur.counts.keys()])].sort(
    (a, b) => (ref.counts.get(b) ?? 0) - (ref.counts.get(a) ?? 0) || (a < b ? -1 : 1),
  );
  const pRef = labels.map((k) => (ref.counts.get(k) ?? 0) / ref.n);
  const pCur = labels.map((k) => (cur.counts.get(k) ?? 0) / cur.n);
  const newCategories = labels.filter((k) => !ref.counts.has(k));
  const missingCategories = labels.filter((k) => !cur.counts.has(k));
  const common = { exact: ref.exact && cur.exact, new_categories: newCategories, missing_categories: missingCategories, shares: topShares(labels, pRef, pCur) };
  const refCounts = labels.map((k) => ref.counts.get(k) ?? 0);
  const curCounts = labels.map((k) => cur.counts.get(k) ?? 0);
  switch (method) {
    case 'chisquare_gof': {
      const known = labels.filter((k) => ref.counts.has(k));
      const observed = known.map((k) => cur.counts.get(k) ?? 0);
      const expected = known.map((k) => ref.counts.get(k)!);
      if (newCategories.length > 0) {
        observed.push(newCategories.reduce((s, k) => s + cur.counts.get(k)!, 0));
        expected.push(PSI_EPSILON * ref.n);
      }
      const r = chiSquareGof(observed, expected);
      return { statistic: r.statistic, p_value: r.p_value, log10_p_value: Math.log10(r.p_value), p_value_method: 'asymptotic', ...common };
    }
    case 'chisquare':
    case 'g_test': {
      const r = chi2Contingency(refCounts, curCounts, method === 'chisquare' ? 'pearson' : 'log-likelihood');
      return { statistic: r.statistic, p_value: r.p_value, log10_p_value: r.log10_p_value, p_value_method: 'asymptotic', ...common };
    }
    case 'z': {
      // Evidently: the share of the first category in sorted order on each side
      const first = [...labels].sort()[0];
      const r = proportionsZTest(ref.counts.get(first) ?? 0, ref.n, cur.counts.get(first) ?? 0, cur.n);
      return { statistic: r.statistic, p_value: r.p_value, log10_p_value: r.log10_p_value, p_value_method: 'asymptotic', ...common };
    }
    case 'fisher_exact': {
      const r = fisherExact(refCounts[0], refCounts[1], curCounts[0], curCounts[1]);
      return { statistic: r.statistic, p_value: r.p_value, log10_p_value: r.log10_p_value, p_value_method: 'exact', ...common };
    }
    case 'psi':
      return { statistic: psi(pRef, pCur, PSI_EPSILON), ...common };
    case 'hellinger':
      return { statistic: hellingerDistance(pRef, pCur), ...common };
    case 'tvd':
      return { statistic: totalVariation(pRef, pCur), ...common };
    default:
      return { statistic: jensenShannonDistance(pRef, pCur), ...common };
  }
}

/** Categories shown in reports and charts; the rest are summed into one bar. */
const SHARE_CATEGORIES = 20;

function topShares(labels: string[], pRef: number[], pCur: number[]): BinnedShares {
  if (labels.length <= SHARE_CATEGORIES) return { labels, reference: pRef, current: pCur };
  const order = labels.map((_, i) => i).sort((a, b) => Math.max(pRef[b], pCur[b]) - Math.max(pRef[a], pCur[a]));
  const keep = order.slice(0, SHARE_CATEGORIES - 1);
  const rest = order.slice(SHARE_CATEGORIES - 1);
  const sum = (p: number[]) => rest.reduce((s, i) => s + p[i], 0);
  return {
    labels: [...keep.map((i) => labels[i]), `(${rest.length} more)`],
    reference: [...keep.map((i) => pRef[i]), sum(pRef)],
    current: [...keep.map((i) => pCur[i]), sum(pCur)],
  };
}

function binLabels(edges: readonly number[]): string[] {
  if (edges.length === 0) return ['all'];
  const f = (x: number) => Number(x.toPrecision(4)).toString();
  return [`≤${f(edges[0])}`, ...edges.slice(1).map((e, i) => `${f(edges[i])}–${f(e)}`), `>${f(edges[edges.length - 1])}`];
}
