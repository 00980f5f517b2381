import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binProportions, quantileEdges } from '../../src/drift/bins.ts';
import { ExactDistribution, numericDistribution } from '../../src/drift/distribution.ts';
import { jensenShannonDistance } from '../../src/drift/jensen-shannon.ts';
import { ksStatistic } from '../../src/drift/ks.ts';
import { psi } from '../../src/drift/psi.ts';
import { wasserstein1 } from '../../src/drift/wasserstein.ts';
import { mulberry32, normal } from '../../src/util/random.ts';
import { profileOf } from './helpers.ts';

const N = 100_000;

// Continuous samples with 100k distinct values: the profile keeps only its t-digest, so every
// statistic below is computed from the sketches and compared with the exact value from raw data.
const cases: [string, (r: () => number) => number, number][] = [
  ['normal, no shift', (r) => normal(r), 0],
  ['lognormal, 0.02 shift', (r) => Math.exp(normal(r)), 0.02],
  ['uniform, 0.5 shift', (r) => r(), 0.5],
];

for (const [name, draw, shift] of cases) {
  test(`sketch statistics stay within their error bounds of the exact values (${name}, 100k vs 100k)`, () => {
    const rand = mulberry32(name.length * 7919);
    const a = Array.from({ length: N }, () => draw(rand));
    const b = Array.from({ length: N }, () => draw(rand) + shift);
    const sa = numericDistribution(profileOf({ x: a }).columns[0])!;
    const sb = numericDistribution(profileOf({ x: b }).columns[0])!;
    assert.equal(sa.exact, false, 'the profile must have fallen back to its sketch');
    const ea = ExactDistribution.fromSample(a);
    const eb = ExactDistribution.fromSample(b);

    const dSketch = ksStatistic(sa, sb);
    const dExact = ksStatistic(ea, eb);
    assert.ok(Math.abs(dSketch - dExact) <= 0.005, `KS: sketch ${dSketch} vs exact ${dExact}`);

    const wErr = Math.abs(wasserstein1(sa, sb) - wasserstein1(ea, eb)) / ea.std;
    assert.ok(wErr <= 0.005, `normalised W1 error ${wErr}`);

    const es = quantileEdges(sa);
    const ee = quantileEdges(ea);
    const psiErr = Math.abs(psi(binProportions(sa, es), binProportions(sb, es)) - psi(binProportions(ea, ee), binProportions(eb, ee)));
    assert.ok(psiErr <= 0.02, `PSI error ${psiErr}`);
    const jsErr = Math.abs(
      jensenShannonDistance(binProportions(sa, es), binProportions(sb, es)) - jensenShannonDistance(binProportions(ea, ee), binProportions(eb, ee)),
    );
    assert.ok(jsErr <= 0.005, `JS error ${jsErr}`);
  });
}

test('columns with few distinct values are compared exactly from the profile value counts', () => {
  const rand = mulberry32(5);
  const a = Array.from({ length: 5000 }, () => Math.floor(rand() * 50));
  const b = Array.from({ length: 3000 }, () => Math.floor(rand() * 55));
  const pa = numericDistribution(profileOf({ x: a }).columns[0])!;
  const pb = numericDistribution(profileOf({ x: b }).columns[0])!;
  assert.equal(pa.exact && pb.exact, true);
  assert.equal(ksStatistic(pa, pb), ksStatistic(ExactDistribution.fromSample(a), ExactDistribution.fromSample(b)));
  assert.equal(wasserstein1(pa, pb), wasserstein1(ExactDistribution.fromSample(a), ExactDistribution.fromSample(b)));
});
