import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TDigest } from '../../src/profile/tdigest.ts';
import { HyperLogLog } from '../../src/profile/hll.ts';
import { FrequentItems } from '../../src/profile/frequent.ts';
import { mulberry32, normal } from '../../src/util/random.ts';

const N = 100_000;
const QS = [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999];

/** Rank error of an estimate: |F_exact(estimate) − q|, the quantity t-digest bounds. */
function rankError(sorted: Float64Array, estimate: number, q: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < estimate) lo = mid + 1;
    else hi = mid;
  }
  let upper = lo;
  while (upper < sorted.length && sorted[upper] === estimate) upper++;
  // Anywhere within a run of ties is a correct answer.
  const fLo = lo / sorted.length;
  const fHi = upper / sorted.length;
  return q < fLo ? fLo - q : q > fHi ? q - fHi : 0;
}

const distributions: [string, (r: () => number) => number][] = [
  ['normal', (r) => normal(r)],
  ['exponential', (r) => -Math.log(1 - r())],
  ['lognormal', (r) => Math.exp(2 * normal(r))],
  ['uniform', (r) => r()],
  ['integers 0..9', (r) => Math.floor(r() * 10)],
];

for (const [name, draw] of distributions) {
  test(`t-digest quantiles on 100k ${name} values stay within 0.5% rank error (0.1% in the tails)`, () => {
    const rand = mulberry32(42);
    const values = new Float64Array(N);
    const digest = new TDigest(200);
    for (let i = 0; i < N; i++) {
      values[i] = draw(rand);
      digest.add(values[i]);
    }
    values.sort();
    let worst = 0;
    for (const q of QS) {
      const err = rankError(values, digest.quantile(q), q);
      worst = Math.max(worst, err);
      const bound = q < 0.02 || q > 0.98 ? 0.001 : 0.005;
      assert.ok(err <= bound, `${name} q=${q}: rank error ${err} > ${bound}`);
    }
    assert.equal(digest.quantile(0), values[0]);
    assert.equal(digest.quantile(1), values[N - 1]);
    assert.ok(digest.toState().centroids.length <= 2 * 200, 'bounded size');
    assert.ok(worst < 0.005);
  });
}

test('t-digest cdf inverts quantile and matches the empirical CDF', () => {
  const rand = mulberry32(7);
  const values = Float64Array.from({ length: N }, () => normal(rand));
  const digest = new TDigest();
  values.forEach((v) => digest.add(v));
  values.sort();
  for (const x of [-2, -1, 0, 0.5, 1, 2]) {
    let count = 0;
    while (count < N && values[count] <= x) count++;
    assert.ok(Math.abs(digest.cdf(x) - count / N) < 0.003, `cdf(${x}) = ${digest.cdf(x)} vs ${count / N}`);
  }
  assert.equal(digest.cdf(values[0] - 1), 0);
  assert.equal(digest.cdf(values[N - 1]), 1);
});

test('merged t-digests of shards match one digest of all the data', () => {
  const rand = mulberry32(3);
  const values = Float64Array.from({ length: N }, () => -Math.log(1 - rand()));
  const whole = new TDigest();
  const shards = [new TDigest(), new TDigest(), new TDigest(), new TDigest()];
  values.forEach((v, i) => {
    whole.add(v);
    shards[i % 4].add(v);
  });
  const merged = TDigest.fromState(shards[0].toState());
  for (const s of shards.slice(1)) merged.merge(TDigest.fromState(s.toState()));
  values.sort();
  assert.equal(merged.count, N);
  for (const q of QS) {
    assert.ok(rankError(values, merged.quantile(q), q) <= 0.005, `merged q=${q}`);
  }
});

test('HyperLogLog estimates within 5% and merges like a union', () => {
  for (const n of [100, 5000, 200_000]) {
    const h = new HyperLogLog();
    for (let i = 0; i < n; i++) h.add(`user-${i}`);
    const err = Math.abs(h.estimate() - n) / n;
    assert.ok(err < 0.05, `n=${n}: estimate ${h.estimate()} (${(err * 100).toFixed(2)}% off)`);
  }
  const a = new HyperLogLog();
  const b = new HyperLogLog();
  for (let i = 0; i < 30000; i++) a.add(`k${i}`);
  for (let i = 20000; i < 50000; i++) b.add(`k${i}`);
  a.merge(HyperLogLog.fromBase64(b.toBase64()));
  assert.ok(Math.abs(a.estimate() - 50000) / 50000 < 0.05);
});

test('frequent items: exact below capacity; above it, counts undercount by at most the error bound', () => {
  const f = new FrequentItems(10);
  const truth = new Map<string, number>();
  const rand = mulberry32(5);
  for (let i = 0; i < 20000; i++) {
    // Zipf-like: a few heavy hitters and a long tail.
    const k = rand() < 0.5 ? `hot${Math.floor(rand() * 3)}` : `tail${Math.floor(rand() * 5000)}`;
    f.add(k);
    truth.set(k, (truth.get(k) ?? 0) + 1);
  }
  assert.ok(!f.exact);
  for (const [k, c] of f.counts) {
    const t = truth.get(k)!;
    assert.ok(c <= t && t - c <= f.error, `${k}: ${c} vs ${t}, error ${f.error}`);
  }
  assert.deepEqual(
    f
      .top(3)
      .map(([k]) => k)
      .sort(),
    ['hot0', 'hot1', 'hot2'],
  );
  const exact = new FrequentItems(10);
  ['a', 'b', 'a'].forEach((k) => exact.add(k));
  assert.ok(exact.exact);
  assert.deepEqual(exact.top(5), [
    ['a', 2],
    ['b', 1],
  ]);
});

test('HyperLogLog hashes numbers by value: 1.50 and 1.5 are one value; 100k floats within 5%', () => {
  const h = new HyperLogLog();
  for (let i = 0; i < 100_000; i++) h.addNumber(i / 7);
  assert.ok(Math.abs(h.estimate() - 100_000) / 100_000 < 0.05, `estimate ${h.estimate()}`);
  const few = new HyperLogLog();
  for (const s of ['1.50', '1.5', '1.500', '2', '2.0']) few.addNumber(Number(s));
  assert.equal(few.estimate(), 2);
});

test('profile distinct counts of a high-cardinality number column stay within 5% after the exact counts overflow', async () => {
  const { profileFiles } = await import('../../src/profile/profile.ts');
  const { tempFile } = await import('../helpers.ts');
  let csv = 'x\n';
  for (let i = 0; i < 30000; i++) csv += `${(i % 20000) / 4}\n`;
  const p = await profileFiles([tempFile('hc.csv', csv)]);
  const x = p.columns[0];
  assert.equal(x.distinct.exact, false);
  assert.ok(Math.abs(x.distinct.value - 20000) / 20000 < 0.05, `distinct ${x.distinct.value}`);
  assert.equal(x.top_categories, undefined);
});
