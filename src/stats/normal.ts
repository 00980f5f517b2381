import { lnGammaQ } from './special.ts';

/**
 * ln of the two-sided normal tail 2·P(Z ≥ |z|) = erfc(|z|/√2) = Q(½, z²/2): the incomplete
 * gamma's continued fraction in logarithms stays accurate (relative 1e-15) far past where
 * scipy.stats.norm.sf underflows (|z| ≈ 38).
 */
export function lnTwoSidedNormalSf(z: number): number {
  if (!Number.isFinite(z)) return Number.isNaN(z) ? NaN : -Infinity;
  return lnGammaQ(0.5, (z * z) / 2);
}

/** ln P(Z ≥ z) for z ≥ 0 (one-sided upper tail); ln(1 − ½·erfc) below 0. */
export function lnNormalSf(z: number): number {
  if (z >= 0) return lnTwoSidedNormalSf(z) - Math.LN2;
  return Math.log1p(-Math.exp(lnTwoSidedNormalSf(z) - Math.LN2));
}

/** A p-value with its log₁₀: the reported p is exp(ln p), 0 once that underflows a double. */
export interface PValue {
  p_value: number;
  log10_p_value: number;
}

export function fromLn(lnP: number): PValue {
  const ln = Math.min(0, lnP);
  return { p_value: Math.exp(ln), log10_p_value: ln / Math.LN10 };
}
