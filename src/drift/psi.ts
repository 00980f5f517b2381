/**
 * Epsilon substituted for an empty bin's share before the logarithm, as Evidently does
 * (0.0001): small enough not to matter when a bin is merely sparse, large enough that one
 * empty bin adds a bounded term rather than infinity.
 */
export const PSI_EPSILON = 1e-4;

/**
 * Population Stability Index PSI = Σᵢ (qᵢ − pᵢ)·ln(qᵢ/pᵢ) over bins, p the reference and q
 * the current shares (Siddiqi 2006, "Credit Risk Scorecards", ch. 8; Yurdakul 2018). It is the
 * symmetrised Kullback–Leibler divergence KL(p‖q) + KL(q‖p). Rule of thumb: < 0.1 stable,
 * 0.1–0.25 moderate shift, > 0.25 major shift.
 */
export function psi(reference: readonly number[], current: readonly number[], epsilon = PSI_EPSILON): number {
  let total = 0;
  for (let i = 0; i < reference.length; i++) {
    const p = reference[i] > 0 ? reference[i] : epsilon;
    const q = current[i] > 0 ? current[i] : epsilon;
    total += (q - p) * Math.log(q / p);
  }
  return total;
}
