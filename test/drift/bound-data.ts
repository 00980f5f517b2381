import { KllSketch } from '../../src/profile/kll.ts';
import { mulberry32, normal } from '../../src/util/random.ts';

/** The four shapes the error bound is checked on (test/drift/bound.test.ts, scripts/bench/drift-bound.ts). */
export const SHAPES = {
  normal: (r: () => number, shift: number) => normal(r) + shift,
  lognormal: (r: () => number, shift: number) => Math.exp(normal(r) + shift),
  // 60 % of the mass on three values, the rest continuous: ties the sketch must not smear
  'heavy-tie': (r: () => number, shift: number) => {
    const u = r();
    if (u < 0.3) return 0;
    if (u < 0.5) return 1;
    if (u < 0.6 + shift / 4) return 5;
    return 10 * r() + shift;
  },
  mixture: (r: () => number, shift: number) => (r() < 0.7 ? normal(r) : 5 + 0.5 * normal(r)) + shift,
} as const;
export type Shape = keyof typeof SHAPES;

export function sample(shape: Shape, n: number, seed: number, shift = 0): Float64Array {
  const r = mulberry32(seed + 7919 * Object.keys(SHAPES).indexOf(shape));
  const f = SHAPES[shape];
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(r, shift);
  return out;
}

export function sketchOf(values: Float64Array): KllSketch {
  const s = new KllSketch();
  for (let i = 0; i < values.length; i++) s.add(values[i]);
  return s;
}

/** Exact two-sample KS D of two sorted samples (scipy.stats.ks_2samp's statistic). */
export function exactKs(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const x = Math.min(a[i], b[j]);
    while (i < a.length && a[i] <= x) i++;
    while (j < b.length && b[j] <= x) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

/** sup_x |F̂(x) − F(x)| (both one-sided limits) of a sketch against its sorted data. */
export function supCdfError(sketch: KllSketch, sorted: Float64Array): number {
  const { values, weights } = sketch.weightedValues();
  const n = sorted.length;
  let cum = 0;
  let below = 0;
  let err = 0;
  for (let i = 0; i < values.length; i++) {
    while (below < n && sorted[below] < values[i]) below++;
    err = Math.max(err, Math.abs(cum - below) / n);
    let atOrBelow = below;
    while (atOrBelow < n && sorted[atOrBelow] <= values[i]) atOrBelow++;
    cum += weights[i];
    err = Math.max(err, Math.abs(cum - atOrBelow) / n);
  }
  return err;
}
