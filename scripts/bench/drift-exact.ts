// The exact drift path beside numpy/scipy's exact tests on the same raw values: per column one
// sort of each side, then KS (statistic and scipy's p-value) and normalised Wasserstein from
// the sorted arrays, against scipy.stats.ks_2samp + wasserstein_distance + np.std. Both sides
// regenerate identical columns (scripts/bench/drift_exact_baseline.py), generation untimed.
//   node --import tsx scripts/bench/drift-exact.ts [--sizes 1000000x20,356251x100]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ks2samp, stdPopulation, wassersteinSorted } from '../../src/stats/two-sample.ts';
import { sortFloat64 } from '../../src/stats/sort.ts';
import { mulberry32 } from '../../src/util/random.ts';

const sizesArg = process.argv.indexOf('--sizes');
const sizes = (sizesArg > 0 ? process.argv[sizesArg + 1] : '1000000x20,356251x100').split(',').map((s) => s.split('x').map(Number) as [number, number]);

/** Same shapes as the baseline: Irwin–Hall normal, product of uniforms, 20 tied levels. */
function column(seed: number, n: number, j: number, shift: number): Float64Array {
  const rand = mulberry32(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (j % 3 === 0) {
      let s = 0;
      for (let k = 0; k < 12; k++) s += rand();
      out[i] = s - 6 + shift;
    } else if (j % 3 === 1) {
      const u1 = rand();
      const u2 = rand();
      out[i] = 10 * u1 * u2 * (1 + shift);
    } else out[i] = Math.floor(rand() * 20);
  }
  return out;
}

console.log('exact drift tests on raw values (both sides n rows per column): KS with p-value + normalised Wasserstein');
console.log('');
console.log('| rows per side × columns | mlops exact s | numpy/scipy s | ratio | checksum Δ |');
console.log('| :-- | --: | --: | --: | --: |');
for (const [rows, columns] of sizes) {
  let ours = 0;
  let checksum = 0;
  for (let j = 0; j < columns; j++) {
    const a = column(1000 + 2 * j, rows, j, 0);
    const b = column(1001 + 2 * j, rows, j, j % 5 === 0 ? 0.01 : 0);
    const t0 = performance.now();
    sortFloat64(a);
    sortFloat64(b);
    const ks = ks2samp(a, b);
    const w = wassersteinSorted(a, b) / stdPopulation(a);
    ours += (performance.now() - t0) / 1000;
    checksum += ks.statistic + ks.p_value + w;
  }
  const py = spawnSync('python3', [join('scripts', 'bench', 'drift_exact_baseline.py'), String(rows), String(columns)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const label = `${rows.toLocaleString('en-US')} × ${columns}`;
  if (py.status !== 0) {
    console.log(`| ${label} | ${ours.toFixed(2)} | (baseline failed: ${(py.stderr || '').trim().split('\n').pop()}) | | |`);
    continue;
  }
  const base = JSON.parse(py.stdout.trim().split('\n').pop()!) as { tests_s: number; checksum: number };
  console.log(
    `| ${label} | ${ours.toFixed(2)} | ${base.tests_s.toFixed(2)} | ${(base.tests_s / ours).toFixed(2)}× | ${Math.abs(checksum - base.checksum).toExponential(1)} |`,
  );
}
console.log('\nratio = numpy/scipy time / mlops time (> 1: mlops faster); checksum Δ = |Σ(D + p + W) ours − scipy|: the same numbers.');
