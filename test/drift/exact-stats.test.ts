import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { binProportions, quantileEdges } from '../../src/drift/bins.ts';
import { ExactDistribution } from '../../src/drift/distribution.ts';
import { jensenShannonDistance } from '../../src/drift/jensen-shannon.ts';
import { psi } from '../../src/drift/psi.ts';
import { chi2Contingency, fisherExact, hellingerDistance, proportionsZTest, totalVariation } from '../../src/stats/contingency.ts';
import { kstwoSf } from '../../src/stats/kstwo.ts';
import { lnTwoSidedNormalSf } from '../../src/stats/normal.ts';
import { lnGammaQ } from '../../src/stats/special.ts';
import { andersonKsamp, cramerVonMises2samp, energyDistance, ks2samp, mannWhitneyU, stdPopulation, wassersteinSorted } from '../../src/stats/two-sample.ts';
import { sortFloat64 } from '../../src/stats/sort.ts';
import { mulberry32 } from '../../src/util/random.ts';
import { generate, readSmall, sorted, type Spec } from './exact-samples.ts';

const fx = JSON.parse(readFileSync(new URL('../fixtures/drift-exact/expected.json', import.meta.url), 'utf8'));

/** |a − e| ≤ tol·max(1, |e|): absolute for values below 1, relative above. */
function close(actual: number, expected: number, tol: number, what: string): void {
  const err = Math.abs(actual - expected);
  assert.ok(err <= tol * Math.max(1, Math.abs(expected)), `${what}: got ${actual}, scipy ${expected} (|Δ| = ${err})`);
}

/** Relative agreement, for p-values in the far tail where an absolute 1e-9 says nothing. */
function closeRel(actual: number, expected: number, tol: number, what: string): void {
  if (expected === 0) return assert.equal(actual, 0, what);
  assert.ok(Math.abs(actual / expected - 1) <= tol, `${what}: got ${actual}, scipy ${expected} (relative ${Math.abs(actual / expected - 1)})`);
}

function checkNumeric(c: any, ref: Float64Array, cur: Float64Array): void {
  const ks = ks2samp(ref, cur);
  close(ks.statistic, c.ks_statistic, 1e-12, `${c.name} KS D`);
  close(ks.p_value, c.ks_pvalue, 1e-9, `${c.name} KS p (auto)`);
  const asymp = ks2samp(ref, cur, 'asymp');
  close(asymp.p_value, c.ks_pvalue_asymp, 1e-9, `${c.name} KS p (asymp)`);
  if (c.ks_pvalue_asymp < 1e-3) closeRel(asymp.p_value, c.ks_pvalue_asymp, 1e-8, `${c.name} KS p (asymp, relative)`);
  close(wassersteinSorted(ref, cur), c.wasserstein, 1e-9, `${c.name} W1`);
  close(stdPopulation(ref), c.reference_std, 1e-12, `${c.name} std`);
  close(wassersteinSorted(ref, cur) / stdPopulation(ref), c.wasserstein_normed, 1e-9, `${c.name} W1 normed`);
  const dRef = ExactDistribution.fromSample(ref);
  const dCur = ExactDistribution.fromSample(cur);
  const edges = quantileEdges(dRef);
  assert.deepEqual(edges, c.edges, `${c.name} edges`);
  const p = binProportions(dRef, edges);
  const q = binProportions(dCur, edges);
  close(psi(p, q), c.psi, 1e-9, `${c.name} PSI`);
  close(jensenShannonDistance(p, q, Math.E), c.js_e, 1e-9, `${c.name} JS (base e)`);
  close(hellingerDistance(p, q), c.hellinger, 1e-9, `${c.name} Hellinger`);
  close(totalVariation(p, q), c.tvd, 1e-9, `${c.name} TVD`);
  close(energyDistance(ref, cur), c.energy, 1e-9, `${c.name} energy`);
  const ad = andersonKsamp(ref, cur);
  close(ad.statistic, c.anderson_statistic, 1e-9, `${c.name} AD statistic`);
  close(ad.p_value, c.anderson_pvalue, 1e-9, `${c.name} AD p`);
  const cvm = cramerVonMises2samp(ref, cur);
  close(cvm.statistic, c.cvm_statistic, 1e-9, `${c.name} CvM statistic`);
  close(cvm.p_value, c.cvm_pvalue, 1e-9, `${c.name} CvM p`);
  const mwu = mannWhitneyU(ref, cur);
  close(mwu.statistic, c.mwu_statistic, 1e-12, `${c.name} MWU U`);
  close(mwu.p_value, c.mwu_pvalue, 1e-9, `${c.name} MWU p`);
}

function checkCategorical(c: any): void {
  const r: number[] = c.reference_counts;
  const k: number[] = c.current_counts;
  const chi = chi2Contingency(r, k);
  close(chi.statistic, c.chi2_statistic, 1e-9, `${c.name} chi2`);
  close(chi.p_value, c.chi2_pvalue, 1e-9, `${c.name} chi2 p`);
  assert.equal(chi.dof, c.chi2_dof);
  const g = chi2Contingency(r, k, 'log-likelihood');
  close(g.statistic, c.g_statistic, 1e-9, `${c.name} G`);
  close(g.p_value, c.g_pvalue, 1e-9, `${c.name} G p`);
  close(jensenShannonDistance(r, k, Math.E), c.js_e, 1e-9, `${c.name} JS`);
  const sr = r.reduce((s, x) => s + x, 0);
  const sk = k.reduce((s, x) => s + x, 0);
  close(
    psi(
      r.map((x) => x / sr),
      k.map((x) => x / sk),
    ),
    c.psi,
    1e-9,
    `${c.name} PSI`,
  );
  close(hellingerDistance(r, k), c.hellinger, 1e-9, `${c.name} Hellinger`);
  close(totalVariation(r, k), c.tvd, 1e-9, `${c.name} TVD`);
  if (r.length === 2) {
    close(fisherExact(r[0], r[1], k[0], k[1]).p_value, c.fisher_pvalue, 1e-9, `${c.name} Fisher`);
    const z = proportionsZTest(r[0], sr, k[0], sk);
    close(z.statistic, c.z_statistic, 1e-12, `${c.name} z`);
    close(z.p_value, c.z_pvalue, 1e-9, `${c.name} z p`);
  }
}

test('5,000 vs 4,000 raw values: every statistic and p-value equals scipy', () => {
  const small = readSmall();
  for (const c of fx.small.numeric) {
    const i = small.header.indexOf(c.name);
    checkNumeric(c, sorted(small.reference[i]), sorted(small.current[i]));
  }
  for (const c of fx.small.categorical) checkCategorical(c);
});

test('500,000 vs 500,000 regenerated values: every statistic and p-value equals scipy', () => {
  const n: number = fx.large.n;
  for (const c of fx.large.numeric) {
    const [a, b] = fx.large.spec[c.name] as [Spec, Spec];
    checkNumeric(c, sortFloat64(generate(a, n)), sortFloat64(generate(b, n)));
  }
  for (const c of fx.large.categorical) checkCategorical(c);
});

test('kstwo.sf equals scipy on every branch (Durbin, Pomeranz, Pelz–Good, Smirnov), relative in the tail', () => {
  for (const c of fx.kstwo) {
    close(kstwoSf(c.n, c.d), c.sf, 1e-9, `kstwo.sf(${c.d}, ${c.n})`);
    closeRel(kstwoSf(c.n, c.d), c.sf, 1e-8, `kstwo.sf(${c.d}, ${c.n}) relative`);
  }
});

test('tail p-values in log space: chi-square and normal tails to 1e-9 relative, logs past underflow', () => {
  for (const c of fx.chi2_tail) {
    closeRel(Math.exp(lnGammaQ(c.k / 2, c.x / 2)), c.sf, 1e-9, `chi2.sf(${c.x}, ${c.k})`);
    close(lnGammaQ(c.k / 2, c.x / 2), c.logsf, 1e-12, `chi2.logsf(${c.x}, ${c.k})`);
  }
  for (const c of fx.norm_tail) {
    closeRel(Math.exp(lnTwoSidedNormalSf(c.z)), c.two_sided, 1e-9, `2·norm.sf(${c.z})`);
    close(lnTwoSidedNormalSf(c.z), c.log_two_sided, 1e-12, `log 2·norm.sf(${c.z})`);
  }
  // below 1e-300 the p-value underflows but its log does not
  const far = chi2Contingency([100000, 0], [0, 100000]);
  assert.ok(far.log10_p_value < -1000 && Number.isFinite(far.log10_p_value));
});

test('Fisher exact, small-sample Mann–Whitney and Cramér–von Mises (exact null distributions) equal scipy', () => {
  for (const c of fx.fisher) {
    const [[a, b], [cc, d]] = c.table;
    close(fisherExact(a, b, cc, d).p_value, c.p, 1e-9, `fisher ${JSON.stringify(c.table)}`);
  }
  for (const c of fx.cvm_exact) {
    const r = cramerVonMises2samp(sorted(c.a.map(String)), sorted(c.b.map(String)));
    assert.equal(r.p_value_method, 'exact');
    close(r.statistic, c.t, 1e-12, 'CvM T');
    close(r.p_value, c.p, 1e-12, 'CvM exact p');
  }
  for (const c of fx.mwu_exact) {
    const r = mannWhitneyU(sorted(c.a.map(String)), sorted(c.b.map(String)));
    assert.equal(r.p_value_method, 'exact');
    close(r.statistic, c.u, 1e-12, 'U');
    close(r.p_value, c.p, 1e-12, 'MWU exact p');
  }
});

test('the radix sort orders doubles exactly as Float64Array.prototype.sort (signs, zeros, infinities, subnormals, ties)', () => {
  const rand = mulberry32(5);
  const a = Float64Array.from({ length: 50_000 }, (_, i) => (i % 7 === 0 ? -1 : 1) * Math.floor(rand() * 1000) * 10 ** Math.floor(rand() * 20 - 10));
  a.set([-0, 0, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE], 100);
  const expected = Float64Array.from(a).sort();
  const got = sortFloat64(Float64Array.from(a));
  for (let i = 0; i < a.length; i++) assert.ok(Object.is(got[i], expected[i]), `index ${i}: ${got[i]} vs ${expected[i]}`);
});
