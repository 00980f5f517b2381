import type { NumericDistribution } from './distribution.ts';

/** Bins used by PSI and Jensen–Shannon on numeric columns: the reference's deciles. */
export const DEFAULT_BINS = 10;

/**
 * Inner edges at the reference's i/k quantiles (i = 1…k−1), de-duplicated so ties collapse
 * bins instead of leaving empty ones. Bins are (−∞, e₁], (e₁, e₂], …, (e_{k−1}, ∞): open-ended
 * outer bins catch current values outside the reference's range. Equal-mass bins give every
 * part of the reference distribution the same weight (Yurdakul 2018 on PSI binning).
 */
export function quantileEdges(reference: NumericDistribution, bins = DEFAULT_BINS): number[] {
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const e = reference.quantile(i / bins);
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  if (edges.length > 0 && edges[edges.length - 1] >= reference.quantile(1)) edges.pop();
  return edges;
}

/** Share of the distribution in each bin given by `edges` (right-closed, open-ended outer bins). */
export function binProportions(dist: NumericDistribution, edges: readonly number[]): number[] {
  const out: number[] = [];
  let prev = 0;
  for (const e of edges) {
    const c = dist.cdf(e);
    out.push(Math.max(0, c - prev));
    prev = Math.max(prev, c);
  }
  out.push(Math.max(0, 1 - prev));
  return out;
}
