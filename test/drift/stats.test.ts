import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { binProportions, quantileEdges } from '../../src/drift/bins.ts';
import { chiSquareGof } from '../../src/drift/chisquare.ts';
import { ExactDistribution } from '../../src/drift/distribution.ts';
import { jensenShannonDistance } from '../../src/drift/jensen-shannon.ts';
import { ksPValue, ksStatistic } from '../../src/drift/ks.ts';
import { psi } from '../../src/drift/psi.ts';
import { chiSquareSf, smirnovExactSf } from '../../src/stats/special.ts';
import { normalizedWasserstein, wasserstein1 } from '../../src/drift/wasserstein.ts';

interface Fixture {
  samples: {
    name: string;
    reference: number[];
    current: number[];
    ks_statistic: number;
    ks_pvalue_exact: number;
    wasserstein: number;
    reference_std: number;
    edges: number[];
    psi: number;
    js_distance: number;
  }[];
  ks_asymptotic: { d: number; n1: number; n2: number; scipy_asymp: number }[];
  smirnov_exact: { d: number; m: number; n: number; p: number }[];
  chi2_sf: { x: number; k: number; sf: number }[];
  chisquare: { observed: number[]; proportions: number[]; statistic: number; p_value: number }[];
  js_vectors: { p: number[]; q: number[]; distance: number }[];
  psi_vectors: { p: number[]; q: number[]; psi: number }[];
}

const fx: Fixture = JSON.parse(readFileSync(new URL('../fixtures/drift/stats.json', import.meta.url), 'utf8'));

function close(actual: number, expected: number, tol: number, what: string): void {
  const err = Math.abs(actual - expected);
  assert.ok(err <= tol * Math.max(1, Math.abs(expected)), `${what}: got ${actual}, scipy ${expected} (|Δ| = ${err})`);
}

test('chi-square survival function matches scipy.stats.chi2.sf to 1e-9', () => {
  for (const c of fx.chi2_sf) close(chiSquareSf(c.x, c.k), c.sf, 1e-9, `chi2.sf(${c.x}, ${c.k})`);
  // relative accuracy in the far tail, where absolute error says nothing
  for (const c of fx.chi2_sf.filter((c) => c.sf > 1e-300 && c.sf < 1e-6)) {
    assert.ok(Math.abs(chiSquareSf(c.x, c.k) / c.sf - 1) < 1e-9, `tail chi2.sf(${c.x}, ${c.k})`);
  }
});

test('exact two-sample KS p-value matches ks_2samp(method="exact")', () => {
  for (const c of fx.smirnov_exact) close(smirnovExactSf(c.d, c.m, c.n), c.p, 1e-9, `exact(${c.d}, ${c.m}, ${c.n})`);
});

test('asymptotic KS p-value equals scipy ks_2samp(method="asymp") (kstwo at round(n1·n2/(n1+n2)))', () => {
  for (const c of fx.ks_asymptotic) {
    const r = ksPValue(c.d, c.n1, c.n2);
    assert.equal(r.p_value_method, 'asymptotic');
    close(r.p_value, c.scipy_asymp, 1e-9, `asymp(${c.d})`);
  }
});

for (const c of fx.samples) {
  test(`sample case "${c.name}": KS, Wasserstein, PSI and JS match numpy/scipy`, () => {
    const ref = ExactDistribution.fromSample(c.reference);
    const cur = ExactDistribution.fromSample(c.current);
    close(ksStatistic(ref, cur), c.ks_statistic, 1e-12, 'KS D');
    const p = ksPValue(ksStatistic(ref, cur), c.reference.length, c.current.length);
    assert.equal(p.p_value_method, 'exact');
    close(p.p_value, c.ks_pvalue_exact, 1e-9, 'KS p');
    close(wasserstein1(ref, cur), c.wasserstein, 1e-9, 'W1');
    close(ref.std, c.reference_std, 1e-12, 'std');
    const w = normalizedWasserstein(ref, cur);
    if (c.reference_std > 0) close(w.normalized, c.wasserstein / c.reference_std, 1e-9, 'normalised W1');
    else assert.equal(w.normalized, c.wasserstein === 0 ? 0 : Infinity);
    const edges = quantileEdges(ref);
    assert.deepEqual(edges, c.edges);
    const pr = binProportions(ref, edges);
    const pc = binProportions(cur, edges);
    close(psi(pr, pc), c.psi, 1e-9, 'PSI');
    if (!Number.isNaN(c.js_distance)) close(jensenShannonDistance(pr, pc, 2), c.js_distance, 1e-9, 'JS');
  });
}

test('chi-square goodness of fit matches scipy.stats.chisquare', () => {
  for (const c of fx.chisquare) {
    const r = chiSquareGof(c.observed, c.proportions);
    close(r.statistic, c.statistic, 1e-9, `chisquare ${c.observed}`);
    close(r.p_value, c.p_value, 1e-9, `chisquare p ${c.observed}`);
  }
  assert.deepEqual(chiSquareGof([10], [1]), { statistic: 0, p_value: 1, dof: 0 });
  // textbook: Mendel's F2 peas (round-yellow, wrinkled-yellow, round-green, wrinkled-green)
  // against 9:3:3:1 give χ² = 0.470 on 3 df, p = 0.925 (Mendel 1866, the classic textbook example)
  const mendel = chiSquareGof([315, 101, 108, 32], [9, 3, 3, 1]);
  assert.equal(mendel.statistic.toFixed(3), '0.470');
  assert.equal(mendel.p_value.toFixed(3), '0.925');
});

test('Jensen–Shannon distance (base 2) and PSI match scipy/numpy on fixed vectors', () => {
  for (const c of fx.js_vectors) close(jensenShannonDistance(c.p, c.q, 2), c.distance, 1e-12, `js ${c.p} ${c.q}`);
  for (const c of fx.psi_vectors) close(psi(c.p, c.q), c.psi, 1e-12, `psi ${c.p} ${c.q}`);
});
