import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runDriftCheck } from '../../src/drift/check.ts';
import { tempDir } from '../helpers.ts';
import { readSmall } from './exact-samples.ts';

// Evidently 0.4.37's decisions on the fixture's columns, computed with scipy following its
// stattest code (test/fixtures/drift-exact/evidently.py; README there).
const expected = JSON.parse(readFileSync(new URL('../fixtures/drift-exact/evidently-expected.json', import.meta.url), 'utf8'));
const OURS: Record<string, string> = { ks: 'ks', wasserstein: 'wasserstein', chisquare: 'chisquare', z: 'z', jensenshannon: 'js' };
const CASES: Record<string, [number, number]> = { full: [5000, 4000], small: [800, 600] };

test("auto's method and decision equal Evidently's for every column of the fixture, and so do its scores", async () => {
  const small = readSmall();
  const dir = tempDir();
  const write = (file: string, cols: string[][], n: number) =>
    writeFileSync(file, [small.header.join(','), ...Array.from({ length: n }, (_, r) => cols.map((c) => c[r]).join(','))].join('\n') + '\n');
  for (const [name, [nRef, nCur]] of Object.entries(CASES)) {
    const ref = join(dir, `${name}-reference.csv`);
    const cur = join(dir, `${name}-current.csv`);
    write(ref, small.reference, nRef);
    write(cur, small.current, nCur);
    const { result } = await runDriftCheck({ reference: [ref], current: [cur], cwd: process.cwd(), env: {}, now: () => new Date() });
    for (const [column, e] of Object.entries(expected[name]) as [string, { stattest: string; score: number; drifted: boolean }][]) {
      const c = result.columns[column];
      assert.equal(c.method, OURS[e.stattest], `${name} ${column}: method`);
      assert.equal(c.drifted, e.drifted, `${name} ${column}: decision`);
      if (e.stattest === 'chisquare') {
        // ours is the two-sample contingency test; Evidently's goodness of fit is chisquare_gof
        const gof = (
          await runDriftCheck({
            reference: [ref],
            current: [cur],
            columns: [column],
            method: 'chisquare_gof',
            cwd: process.cwd(),
            env: {},
            now: () => new Date(),
          })
        ).result.columns[column];
        assert.ok(Math.abs(gof.p_value! - e.score) < 1e-9, `${name} ${column}: chisquare_gof p ${gof.p_value} vs ${e.score}`);
      } else if (e.stattest === 'jensenshannon' && c.type !== 'category' && c.type !== 'boolean') {
        // numeric JS: Evidently bins on Sturges' histogram of both sides, ours on reference deciles (docs/drift.md)
      } else {
        const score = e.stattest === 'ks' || e.stattest === 'z' ? c.p_value! : c.statistic;
        assert.ok(Math.abs(score - e.score) < 1e-9, `${name} ${column}: ${score} vs Evidently's ${e.score}`);
      }
    }
  }
});
