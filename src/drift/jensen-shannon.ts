/**
 * Jensen–Shannon distance in bits, as scipy.spatial.distance.jensenshannon(p, q, base=2):
 * √(½ KL(p‖m) + ½ KL(q‖m)) with m = ½(p + q), p and q first normalised to sum to 1
 * (Lin 1991; Endres & Schindelin 2003 for the square root being a metric). Bounded in [0, 1],
 * defined with empty bins on either side (0·log 0 = 0), so it needs no epsilon.
 */
export function jensenShannonDistance(p: readonly number[], q: readonly number[]): number {
  const sp = p.reduce((s, x) => s + x, 0);
  const sq = q.reduce((s, x) => s + x, 0);
  if (sp === 0 || sq === 0) return NaN;
  let js = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] / sp;
    const b = q[i] / sq;
    const m = (a + b) / 2;
    if (a > 0) js += a * Math.log2(a / m);
    if (b > 0) js += b * Math.log2(b / m);
  }
  return Math.sqrt(Math.max(0, js / 2));
}
