import { KllSketch } from '../profile/kll.ts';
import type { KllState } from '../profile/kll.ts';
import { ExactDistribution, type NumericDistribution } from './distribution.ts';

/**
 * δ for one column's comparison: the reported error bound fails with probability at most one
 * in a million per column (half of it for each side's sketch). Assumes the seeded coins behave
 * as fair independent bits, and that the data do not depend on them.
 */
export const ERROR_BOUND_DELTA = 1e-6;

/**
 * A numeric column's distribution read from its KLL sketch: the step CDF of the retained values
 * and their weights (every statistic is then computed exactly for that CDF, as on an exact
 * sample), with the proven sup-CDF error `rankError` at δ/2.
 */
export class KllDistribution implements NumericDistribution {
  readonly exact = false;
  readonly rankError: number;
  readonly min: number;
  readonly max: number;
  private readonly steps: ExactDistribution;

  constructor(
    state: KllState,
    readonly n: number,
    readonly std: number,
  ) {
    const sketch = KllSketch.fromState(state);
    const { values, weights } = sketch.weightedValues();
    this.steps = new ExactDistribution(values, weights);
    this.rankError = sketch.rankErrorBound(ERROR_BOUND_DELTA / 2);
    this.min = sketch.min;
    this.max = sketch.max;
  }

  knots(): Float64Array {
    return this.steps.knots();
  }

  cdf(x: number): number {
    return this.steps.cdf(x);
  }

  cdfBefore(x: number): number {
    return this.steps.cdfBefore(x);
  }

  quantile(q: number): number {
    return this.steps.quantile(q);
  }
}

/** A side's proven sup-CDF error: 0 when exact, the sketch's ε for KLL, null for a t-digest (no proven bound). */
export function rankErrorOf(dist: NumericDistribution): number | null {
  if (dist instanceof KllDistribution) return dist.rankError;
  return dist.exact ? 0 : null;
}
