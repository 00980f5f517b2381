import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binProportions, DEFAULT_BINS, quantileEdges } from '../../src/drift/bins.ts';
import { ExactDistribution, numericDistribution } from '../../src/drift/distribution.ts';
import { jensenShannonDistance } from '../../src/drift/jensen-shannon.ts';
import { ERROR_BOUND_DELTA, KllDistribution } from '../../src/drift/kll-distribution.ts';
import { psi } from '../../src/drift/psi.ts';
import { normalizedWasserstein } from '../../src/drift/wasserstein.ts';
import { compareColumn } from '../../src/drift/compare.ts';
import { detectDrift } from '../../src/drift/detect.ts';
import { ksStatistic } from '../../src/drift/ks.ts';
import { KllSketch } from '../../src/profile/kll.ts';
import { mergeProfiles, parseProfile } from '../../src/profile/profile.ts';
import { exactKs, sample, SHAPES, sketchOf, supCdfError, type Shape } from './bound-data.ts';
import { profileOf } from './helpers.ts';

const SIZES = [5_000, 50_000, 500_000];

function distribution(s: KllSketch, values: Float64Array): KllDistribution {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let m2 = 0;
  for (const v of values) m2 += (v - mean) ** 2;
  return new KllDistribution(s.toState(), values.length, Math.sqrt(m2 / values.length));
}

// The guarantee on every shape and size (5M per side: scripts/bench/drift-bound.ts, ~40 s):
// each sketch's CDF within its ε of the data's at every point, and the KS D from the two
// sketches within ε_ref + ε_cur of the exact D computed by sorting.
for (const shape of Object.keys(SHAPES) as Shape[]) {
  test(`KLL error bound holds against the exact KS D: ${shape}, ${SIZES.join(' / ')} rows per side`, () => {
    for (const [k, n] of SIZES.entries()) {
      const a = sample(shape, n, 100 + k);
      const b = sample(shape, n, 200 + k, 0.02);
      const sa = sketchOf(a);
      const sb = sketchOf(b);
      a.sort();
      b.sort();
      const da = distribution(sa, a);
      const db = distribution(sb, b);
      const ea = supCdfError(sa, a);
      const eb = supCdfError(sb, b);
      assert.ok(ea <= da.rankError && eb <= db.rankError, `${shape} ${n}: sup CDF error ${ea}, ${eb} > bound ${da.rankError}, ${db.rankError}`);
      const exact = exactKs(a, b);
      const sketched = ksStatistic(da, db);
      const bound = da.rankError + db.rankError;
      assert.ok(Math.abs(sketched - exact) <= bound, `${shape} ${n}: |D̂ − D| = ${Math.abs(sketched - exact)} > ${bound}`);
      // the bound is not vacuous: below 0.3 % per side from 50k rows on
      assert.ok(da.rankError < (n <= 5000 ? 0.001 : 0.003), `${shape} ${n}: ε ${da.rankError}`);
      process.stdout.write(
        `# ${shape} n=${n}: D ${exact.toFixed(5)} sketch ${sketched.toFixed(5)} |ΔD| ${Math.abs(sketched - exact).toExponential(2)} bound ${bound.toExponential(2)}; sup CDF error ${ea.toExponential(2)} ≤ ε ${da.rankError.toExponential(2)}\n`,
      );
    }
  });
}

test('KLL: reproducible, mergeable, exact from counts, and its state round-trips', () => {
  const a = sample('mixture', 40_000, 1);
  const b = sample('mixture', 30_000, 2);
  assert.deepEqual(sketchOf(a).toState(), sketchOf(a).toState());
  const merged = sketchOf(a);
  merged.merge(sketchOf(b));
  assert.equal(merged.n, 70_000);
  const all = Float64Array.from([...a, ...b]).sort();
  const e = merged.rankErrorBound(ERROR_BOUND_DELTA / 2);
  assert.ok(supCdfError(merged, all) <= e, 'merged sketch within its bound');
  // the merge adds the two sides' standard deviations (the coins may be shared), never less
  const state = merged.toState();
  assert.equal(state.parts_closed, 2);
  assert.deepEqual(KllSketch.fromState(state).toState(), state);
  const counted = KllSketch.fromCounts([
    [1, 1000],
    [2, 3],
    [7, 12345],
  ]);
  assert.equal(counted.n, 13348);
  assert.equal(counted.toState().error_sum, 0);
  assert.equal(counted.rankErrorBound(1e-6), 0);
  const { values, weights } = counted.weightedValues();
  assert.deepEqual([...values], [1, 2, 7]);
  assert.deepEqual([...weights], [1000, 3, 12345]);
});

test('profiles store the KLL sketch once values are no longer counted exactly; older profiles still load', () => {
  const ref = profileOf({ x: [...sample('normal', 25_000, 3)], k: Array.from({ length: 25_000 }, (_, i) => i % 7) });
  const x = ref.columns.find((c) => c.name === 'x')!;
  assert.ok(x.state.kll, 'a continuous column keeps its KLL sketch');
  assert.equal(ref.columns.find((c) => c.name === 'k')!.state.kll, null, 'exact counts: no sketch stored');
  const cur = profileOf({ x: [...sample('normal', 25_000, 4, 0.5)] });
  const bounded = compareColumn(x, cur.columns[0], { method: 'ks', weight: 1 });
  const e = bounded.statistic_error_bound!;
  assert.ok(e > 0 && e < 0.003, `bound ${e}`);
  const [lo, hi] = bounded.statistic_interval!;
  assert.ok(Math.abs(lo - (bounded.statistic - e)) < 1e-12 && Math.abs(hi - (bounded.statistic + e)) < 1e-12);
  assert.equal(bounded.drifted, true);
  // a profile written before the sketch: parsed, compared from its t-digest, bound unknown
  const old = JSON.parse(JSON.stringify(ref));
  for (const c of old.columns) delete c.state.kll;
  const parsed = parseProfile(JSON.stringify(old), 'old.json');
  const legacy = compareColumn(
    parsed.columns.find((c) => c.name === 'x')!,
    cur.columns[0],
    { method: 'ks', weight: 1 },
  );
  assert.equal(legacy.statistic_error_bound, null);
  assert.equal(legacy.drifted, true);
  // shards: the merged profile's sketch still bounds the whole data
  const whole = [...sample('lognormal', 30_000, 5)];
  const shards = mergeProfiles([profileOf({ y: whole.slice(0, 10_000) }), profileOf({ y: whole.slice(10_000) })], new Date(0));
  const y = shards.columns[0].state.kll!;
  const sketch = KllSketch.fromState(y);
  assert.equal(sketch.n, 30_000);
  assert.ok(supCdfError(sketch, Float64Array.from(whole).sort()) <= sketch.rankErrorBound(ERROR_BOUND_DELTA / 2));
});

test('a KS decision from sketches: drift below D − ε, no drift above D + ε, inconclusive between, counted by --inconclusive', () => {
  // At 25k rows per side (past the 20,000 values a profile keeps as a sample) the 5 % critical D is 0.0121.
  const n = 25_000;
  const ref = profileOf({ far: [...sample('normal', n, 10)], near: [...sample('normal', n, 11)], same: [...sample('normal', n, 12)] });
  const shifts: Record<string, number> = { far: 0.2, near: 0, same: 0 };
  // `near` is shifted until its D sits on the critical value; `same` is the reference's own sample (D = 0)
  const critical = 1.358 * Math.sqrt((2 * n) / (n * n));
  let near: ReturnType<typeof compareColumn> | undefined;
  let cur = ref;
  for (let shift = 0.02; shift < 0.06; shift += 0.0005) {
    shifts.near = shift;
    cur = profileOf(Object.fromEntries(Object.entries(shifts).map(([c, s], i) => [c, [...sample('normal', n, c === 'same' ? 12 : 20 + i, s)]])));
    near = compareColumn(ref.columns[1], cur.columns[1], { method: 'ks', weight: 1 });
    if (near.inconclusive) break;
  }
  assert.ok(near?.inconclusive, 'some shift puts D within ε of the critical value');
  assert.equal(near!.drifted, false);
  const [lo, hi] = near!.statistic_interval!;
  assert.ok(lo < critical + 0.001 && hi > critical - 0.001, `interval [${lo}, ${hi}] straddles ${critical}`);
  assert.ok(near!.p_value_interval![0] < 0.05 && near!.p_value_interval![1] >= 0.05);
  const r = detectDrift(ref, cur, { method: 'ks' });
  assert.deepEqual(r.inconclusive_columns, ['near']);
  assert.deepEqual(r.drifted_columns, ['far']);
  assert.equal(r.inconclusive_policy, 'exclude');
  assert.equal(r.share_drifted, 1 / 2);
  assert.equal(detectDrift(ref, cur, { method: 'ks', inconclusive: 'drift' }).share_drifted, 2 / 3);
  assert.equal(detectDrift(ref, cur, { method: 'ks', inconclusive: 'no-drift' }).share_drifted, 1 / 3);
});

test("Wasserstein, PSI and JS from sketches: the raw data's statistic (same bin edges) lies in statistic_interval", () => {
  for (const shape of Object.keys(SHAPES) as Shape[]) {
    const a = sample(shape, 60_000, 300);
    const b = sample(shape, 60_000, 301, 0.1);
    const ref = profileOf({ x: [...a] }).columns[0];
    const cur = profileOf({ x: [...b] }).columns[0];
    const rawA = ExactDistribution.fromSample(a);
    const rawB = ExactDistribution.fromSample(b);
    for (const method of ['wasserstein', 'psi', 'js'] as const) {
      const c = compareColumn(ref, cur, { method, weight: 1 });
      assert.equal(c.exact, false);
      const [lo, hi] = c.statistic_interval!;
      let raw: number;
      if (method === 'wasserstein') raw = normalizedWasserstein(rawA, rawB).normalized;
      else {
        // the sketch's edges, the raw shares
        const edges = quantileEdges(numericDistribution(ref)!, DEFAULT_BINS);
        const p = binProportions(rawA, edges);
        const q = binProportions(rawB, edges);
        raw = method === 'psi' ? psi(p, q) : jensenShannonDistance(p, q);
      }
      assert.ok(lo <= raw && raw <= hi, `${shape} ${method}: raw ${raw} outside [${lo}, ${hi}] (sketch ${c.statistic})`);
      process.stdout.write(
        `# ${shape} ${method}: sketch ${c.statistic.toFixed(5)} raw ${raw.toFixed(5)} bound ±${c.statistic_error_bound!.toExponential(2)}\n`,
      );
    }
  }
});
