import { chiSquareSf } from '../stats/special.ts';

export interface ChiSquareResult {
  statistic: number;
  p_value: number;
  dof: number;
}

/**
 * Pearson's chi-square goodness-of-fit of observed counts against expected proportions:
 * χ² = Σ (Oᵢ − Eᵢ)²/Eᵢ with Eᵢ = pᵢ·ΣO, on k − 1 degrees of freedom (Pearson 1900; as
 * scipy.stats.chisquare(f_obs, f_exp=p·ΣO)). Proportions are renormalised to sum to 1.
 * A single category (k = 1) carries no information: statistic 0, p-value 1.
 */
export function chiSquareGof(observed: readonly number[], expectedProportions: readonly number[]): ChiSquareResult {
  const n = observed.reduce((s, x) => s + x, 0);
  const total = expectedProportions.reduce((s, x) => s + x, 0);
  const dof = observed.length - 1;
  if (dof < 1 || n === 0) return { statistic: 0, p_value: 1, dof: Math.max(0, dof) };
  let statistic = 0;
  for (let i = 0; i < observed.length; i++) {
    const e = (expectedProportions[i] / total) * n;
    statistic += ((observed[i] - e) * (observed[i] - e)) / e;
  }
  return { statistic, p_value: chiSquareSf(statistic, dof), dof };
}
