import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectDrift } from '../../src/drift/detect.ts';
import { mulberry32 } from '../../src/util/random.ts';
import { readSmall } from './exact-samples.ts';
import { profileOf } from './helpers.ts';

/**
 * Two random 300-row samples (without replacement) of one dataset — the 9,000 rows of
 * small.csv pooled — 1,000 times with seeds 0…999: a calibrated test flags a column in ~α of
 * the splits. Bands: α ± 4.4 binomial standard deviations (a false failure ~1e-5 per band).
 */
test('1,000 seeded splits of one dataset: the default tests flag ~α = 0.05 of columns; goodness of fit does not', () => {
  const small = readSmall();
  const pooled = small.header.map((_, i) => [...small.reference[i], ...small.current[i]]);
  const numeric = new Set(small.header.filter((h) => h.startsWith('x_')));
  const column = (i: number, rows: Uint32Array | number[]) => Array.from(rows, (r) => (numeric.has(small.header[i]) ? Number(pooled[i][r]) : pooled[i][r]));
  const SPLITS = 1000;
  const HALF = 300;
  const flagged: Record<string, number> = Object.fromEntries(small.header.map((h) => [h, 0]));
  const methods: Record<string, string> = {};
  let gof = 0;
  const n = pooled[0].length;
  for (let s = 0; s < SPLITS; s++) {
    const rand = mulberry32(s);
    const idx = Uint32Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < 2 * HALF; i++) {
      const j = i + Math.floor(rand() * (n - i));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    const a = idx.subarray(0, HALF);
    const b = idx.subarray(HALF, 2 * HALF);
    const ref = profileOf(Object.fromEntries(small.header.map((h, i) => [h, column(i, a)])));
    const cur = profileOf(Object.fromEntries(small.header.map((h, i) => [h, column(i, b)])));
    const r = detectDrift(ref, cur);
    for (const [name, c] of Object.entries(r.columns)) {
      if (c.drifted) flagged[name]++;
      methods[name] = c.method;
    }
    if (detectDrift(ref, cur, { method: 'chisquare_gof', columns: ['cat'] }).columns.cat.drifted) gof++;
  }
  const rate = (k: number) => k / SPLITS;
  process.stdout.write(
    `# flagged share over ${SPLITS} splits (300 vs 300 rows): ${Object.entries(flagged)
      .map(([k, v]) => `${k} ${rate(v).toFixed(3)} (${methods[k]})`)
      .join(', ')}; cat with chisquare_gof ${rate(gof).toFixed(3)}\n`,
  );
  assert.deepEqual(methods, { x_normal: 'ks', x_lognormal: 'ks', x_stable: 'ks', x_shifted: 'ks', x_int: 'ks', cat: 'chisquare', flag: 'z' });
  const band = 4.4 * Math.sqrt((0.05 * 0.95) / SPLITS);
  for (const name of ['x_normal', 'x_lognormal', 'x_stable', 'x_shifted', 'cat', 'flag']) {
    assert.ok(Math.abs(rate(flagged[name]) - 0.05) <= band, `${name}: flagged in ${rate(flagged[name])} of splits, α = 0.05 ± ${band.toFixed(3)}`);
  }
  // KS on a tied (Poisson) column is conservative, as scipy's: below α, never above the band
  assert.ok(rate(flagged.x_int) <= 0.05 + band, `x_int ${rate(flagged.x_int)}`);
  // goodness of fit against a reference as small as the window: its variance is underestimated (≈ ×2)
  assert.ok(rate(gof) > 0.05 + band, `chisquare_gof ${rate(gof)}`);
});
