// The KLL error guarantee at 5M values per side (too slow for a unit test: ~1 min), on the
// same shapes as test/drift/bound.test.ts: each sketch's proven sup-CDF error ε against the
// observed one, and |D̂ − D| against ε_ref + ε_cur with D exact by sorting. Also the 5k–500k
// sizes, so one run gives the whole table of docs/drift.md.
//   node --import tsx scripts/bench/drift-bound.ts [--sizes 5000,50000,500000,5000000]
import { ERROR_BOUND_DELTA, KllDistribution } from '../../src/drift/kll-distribution.ts';
import { ksStatistic } from '../../src/drift/ks.ts';
import { exactKs, sample, SHAPES, sketchOf, supCdfError, type Shape } from '../../test/drift/bound-data.ts';

const sizesArg = process.argv.indexOf('--sizes');
const SIZES = sizesArg > 0 ? process.argv[sizesArg + 1].split(',').map(Number) : [5_000, 50_000, 500_000, 5_000_000];

console.log(`δ = ${ERROR_BOUND_DELTA} per column; shift 0.02 between the sides`);
console.log('| shape | n per side | ε per sketch | observed sup CDF error | bound on D (ε_ref + ε_cur) | observed abs(D̂ − D) | holds |');
console.log('| :-- | --: | --: | --: | --: | --: | :-- |');
let failed = 0;
for (const shape of Object.keys(SHAPES) as Shape[]) {
  for (const [k, n] of SIZES.entries()) {
    const a = sample(shape, n, 100 + k);
    const b = sample(shape, n, 200 + k, 0.02);
    const sa = sketchOf(a);
    const sb = sketchOf(b);
    a.sort();
    b.sort();
    // std does not enter KS: 1 keeps the distribution valid
    const da = new KllDistribution(sa.toState(), n, 1);
    const db = new KllDistribution(sb.toState(), n, 1);
    const observed = Math.max(supCdfError(sa, a), supCdfError(sb, b));
    const dError = Math.abs(ksStatistic(da, db) - exactKs(a, b));
    const bound = da.rankError + db.rankError;
    const holds = observed <= Math.min(da.rankError, db.rankError) && dError <= bound;
    if (!holds) failed++;
    const e = (x: number) => x.toExponential(2);
    console.log(
      `| ${shape} | ${n.toLocaleString('en')} | ${e(Math.max(da.rankError, db.rankError))} | ${e(observed)} | ${e(bound)} | ${e(dError)} | ${holds ? 'yes' : 'NO'} |`,
    );
  }
}
process.exit(failed ? 1 : 0);
