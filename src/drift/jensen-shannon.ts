/**
 * Jensen–Shannon distance, as scipy.spatial.distance.jensenshannon(p, q, base): natural log by
 * default, as scipy and Evidently (bounded by √ln 2 ≈ 0.833); base 2 bounds it by 1.
 * √(½ KL(p‖m) + ½ KL(q‖m)) with m = ½(p + q), p and q first normalised to sum to 1
 * (Lin 1991; Endres & Schindelin 2003 for the square root being a metric). Bounded in [0, 1],
 * defined with empty bins on either side (0·log 0 = 0), so it needs no epsilon.
 */
export function jensenShannonDistance(p: readonly number[], q: readonly number[], base: number = Math.E): number {
  const sp = p.reduce((s, x) => s + x, 0);
  const sq = q.reduce((s, x) => s + x, 0);
  if (sp === 0 || sq === 0) return NaN;
  let js = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] / sp;
    const b = q[i] / sq;
    const m = (a + b) / 2;
    if (a > 0) js += a * Math.log(a / m);
    if (b > 0) js += b * Math.log(b / m);
  }
  return Math.sqrt(Math.max(0, js / 2 / Math.log(base)));
}
