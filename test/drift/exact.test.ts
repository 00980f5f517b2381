import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runDriftCheck } from '../../src/drift/check.ts';
import { SampleBuffer } from '../../src/drift/exact/samples.ts';
import { profileWindow } from '../../src/drift/window.ts';
import { profileFiles } from '../../src/profile/profile.ts';
import { ProfileSchema } from '../../src/profile/schema.ts';
import { tempDir } from '../helpers.ts';
import { readSmall } from './exact-samples.ts';

const fx = JSON.parse(readFileSync(new URL('../fixtures/drift-exact/expected.json', import.meta.url), 'utf8'));

function close(actual: number, expected: number, tol: number, what: string): void {
  const err = Math.abs(actual - expected);
  assert.ok(err <= tol * Math.max(1, Math.abs(expected)), `${what}: got ${actual}, scipy ${expected} (|Δ| = ${err})`);
}

/** small.csv written as two CSV files, reference and current. */
function splitFiles(): { dir: string; ref: string; cur: string } {
  const small = readSmall();
  const dir = tempDir();
  const write = (rows: string[][]) => [small.header.join(','), ...rows[0].map((_, r) => rows.map((col) => col[r]).join(','))].join('\n') + '\n';
  const ref = join(dir, 'reference.csv');
  const cur = join(dir, 'current.csv');
  writeFileSync(ref, write(small.reference));
  writeFileSync(cur, write(small.current));
  return { dir, ref, cur };
}

const run = (reference: string, current: string, extra: Record<string, unknown> = {}) =>
  runDriftCheck({ reference: [reference], current: [current], cwd: process.cwd(), env: {}, now: () => new Date('2026-12-01T00:00:00Z'), ...extra });

test('raw CSV on both sides: the check reports scipy statistics and p-values, exact: true', async () => {
  const { ref, cur } = splitFiles();
  const byMethod: [string, string, string?][] = [
    ['ks', 'ks_statistic', 'ks_pvalue'],
    ['wasserstein', 'wasserstein_normed'],
    ['psi', 'psi'],
    ['js', 'js_e'],
    ['anderson', 'anderson_statistic', 'anderson_pvalue'],
    ['cramer_von_mises', 'cvm_statistic', 'cvm_pvalue'],
    ['mannwhitney', 'mwu_statistic', 'mwu_pvalue'],
    ['energy', 'energy'],
    ['hellinger', 'hellinger'],
    ['tvd', 'tvd'],
  ];
  for (const [method, stat, p] of byMethod) {
    const { result } = await run(ref, cur, { method });
    for (const c of fx.small.numeric) {
      const col = result.columns[c.name];
      assert.equal(col.method, method, `${c.name} ${method}`);
      assert.equal(col.exact, true, `${c.name} ${method} exact`);
      close(col.statistic, c[stat], 1e-9, `${c.name} ${method} statistic`);
      if (p) close(col.p_value!, c[p], 1e-9, `${c.name} ${method} p`);
    }
  }
  for (const [method, stat, p] of [
    ['chisquare', 'chi2_statistic', 'chi2_pvalue'],
    ['g_test', 'g_statistic', 'g_pvalue'],
    ['js', 'js_e'],
  ] as const) {
    const { result } = await run(ref, cur, { method });
    for (const c of fx.small.categorical) {
      close(result.columns[c.name].statistic, c[stat], 1e-9, `${c.name} ${method}`);
      if (p) close(result.columns[c.name].p_value!, c[p], 1e-9, `${c.name} ${method} p`);
    }
  }
  const { result } = await run(ref, cur, { method: 'fisher_exact' });
  close(result.columns.flag.p_value!, fx.small.categorical.find((c: any) => c.name === 'flag').fisher_pvalue, 1e-9, 'fisher');
  assert.equal(result.columns.cat.method, 'js', 'fisher_exact needs two categories: auto on cat');
});

test('a small training set keeps its values in the profile: a profile reference is exact too, old profiles still parse', async () => {
  const { dir, ref, cur } = splitFiles();
  const profile = await profileFiles([ref]);
  const x = profile.columns.find((c) => c.name === 'x_normal')!;
  assert.equal(
    x.state.sample!.counts.reduce((s, n) => s + n, 0),
    5000,
  );
  const file = join(dir, 'reference.profile.json');
  writeFileSync(file, JSON.stringify(profile));
  const { result } = await run(file, cur, { method: 'ks' });
  for (const c of fx.small.numeric) {
    assert.equal(result.columns[c.name].exact, true, c.name);
    close(result.columns[c.name].statistic, c.ks_statistic, 1e-12, `${c.name} D`);
    close(result.columns[c.name].p_value!, c.ks_pvalue, 1e-9, `${c.name} p`);
  }
  // a profile written before samples existed: no `sample`, still valid, compared from the sketch
  const old = { ...profile, columns: profile.columns.map((c) => ({ ...c, state: { ...c.state, sample: undefined } })) };
  assert.ok(ProfileSchema.safeParse(JSON.parse(JSON.stringify(old))).success);
  const oldFile = join(dir, 'old.profile.json');
  writeFileSync(oldFile, JSON.stringify(old));
  const sketched = (await run(oldFile, cur, { method: 'ks' })).result.columns.x_normal;
  assert.equal(sketched.exact, false);
  assert.ok(Math.abs(sketched.statistic - fx.small.numeric[0].ks_statistic) < 0.01);
});

test('--exact never uses the sketches; --exact always refuses a column it cannot compare exactly', async () => {
  const { dir, ref, cur } = splitFiles();
  const never = (await run(ref, cur, { method: 'ks', exact: 'never' })).result;
  assert.equal(never.columns.x_normal.exact, false);
  assert.equal(never.columns.x_int.exact, true, 'exact value counts are not a sketch');
  const always = (await run(ref, cur, { method: 'ks', exact: 'always' })).result;
  assert.ok(Object.values(always.columns).every((c) => c.exact));
  const profile = await profileFiles([ref]);
  const old = { ...profile, columns: profile.columns.map((c) => ({ ...c, state: { ...c.state, sample: undefined } })) };
  const oldFile = join(dir, 'old.profile.json');
  writeFileSync(oldFile, JSON.stringify(old));
  await assert.rejects(
    run(oldFile, cur, { exact: 'always' }),
    /^MlopsError: --exact always: cannot compare columns "x_normal", "x_lognormal", "x_stable", "x_shifted" \(the reference profile keeps only a sketch of it\) exactly$/,
  );
});

test('the drift window defers the t-digest while raw values are kept, and rebuilds the same digest when they outgrow the budget', async () => {
  const { ref, cur } = splitFiles();
  const reference = await profileFiles([ref]);
  const plain = await profileWindow([cur], reference, ['x_normal']);
  const over = new SampleBuffer(1500);
  const spilled = await profileWindow([cur], reference, ['x_normal'], { samples: new Map([['x_normal', over]]) });
  assert.equal(over.sorted(), null);
  assert.match(over.reason!, /more than 1,500 values/);
  assert.deepEqual(spilled.columns[0].state.sketch, plain.columns[0].state.sketch, 'same digest, values in the same order');
  assert.deepEqual(spilled.columns[0].state.moments, plain.columns[0].state.moments);
  const kept = new SampleBuffer();
  const deferred = await profileWindow([cur], reference, ['x_normal'], { samples: new Map([['x_normal', kept]]) });
  assert.equal(deferred.columns[0].state.sketch, null, 'no digest while every value is kept');
  assert.equal(kept.sorted()!.length, 4000);
});
