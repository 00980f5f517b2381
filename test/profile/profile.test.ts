import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeProfiles, parseProfile, profileFiles } from '../../src/profile/profile.ts';
import { ProfileSchema } from '../../src/profile/schema.ts';
import { cli, tempDir, tempFile } from '../helpers.ts';
import { mulberry32, normal } from '../../src/util/random.ts';

const col = (p: Awaited<ReturnType<typeof profileFiles>>, name: string) => p.columns.find((c) => c.name === name)!;

test('infers number, integer, boolean, category, string and datetime with nullability', async () => {
  let csv = 'n,i,b,cat,s,d,empty\n';
  for (let k = 0; k < 200; k++) {
    csv += `${k / 4},${k % 7},${k % 2 === 0 ? 'true' : 'false'},${['x', 'y', 'z'][k % 3]},word${k},2024-03-${String(1 + (k % 28)).padStart(2, '0')},\n`;
  }
  csv += ',,,,,,\n';
  const p = await profileFiles([tempFile('types.csv', csv)]);
  assert.deepEqual(
    p.columns.map((c) => [c.name, c.type, c.nullable, c.nulls]),
    [
      ['n', 'number', true, 1],
      ['i', 'integer', true, 1],
      ['b', 'boolean', true, 1],
      ['cat', 'category', true, 1],
      ['s', 'string', true, 1],
      ['d', 'datetime', true, 1],
      ['empty', 'string', true, 201],
    ],
  );
  assert.equal(p.rows, 201);
  assert.ok(ProfileSchema.safeParse(JSON.parse(JSON.stringify(p))).success, 'the profile matches its schema');
});

test('numeric statistics: exact count/mean/std/min/max, exact quantiles while values are few', async () => {
  // 1..100: mean 50.5, sample std sqrt(841.666...) = 29.0115, numpy quantiles linear.
  const csv = 'x\n' + Array.from({ length: 100 }, (_, i) => i + 1).join('\n') + '\n';
  const x = col(await profileFiles([tempFile('x.csv', csv)]), 'x');
  assert.equal(x.type, 'integer');
  assert.equal(x.numeric!.mean, 50.5);
  assert.ok(Math.abs(x.numeric!.std - 29.011491975882016) < 1e-12);
  assert.deepEqual([x.numeric!.min, x.numeric!.max], [1, 100]);
  assert.equal(x.numeric!.quantiles.p25, 25.75);
  assert.equal(x.numeric!.quantiles.p50, 50.5);
  assert.equal(x.numeric!.quantiles.p99, 99.01);
  assert.equal(
    x.numeric!.histogram.counts.reduce((a, b) => a + b, 0),
    100,
  );
  assert.deepEqual(x.distinct, { value: 100, exact: true });
});

test('top categories with counts, other count and distinct values', async () => {
  const csv = 'c\n' + ['a', 'a', 'a', 'b', 'b', 'c', 'a', 'b', 'd', ''].join('\n') + '\n';
  const c = col(await profileFiles([tempFile('c.csv', csv)]), 'c');
  assert.deepEqual(c.top_categories!.values.slice(0, 2), [
    { value: 'a', count: 4 },
    { value: 'b', count: 3 },
  ]);
  assert.equal(c.top_categories!.exact, true);
  assert.equal(c.distinct.value, 4);
  assert.equal(c.nulls, 1);
});

async function shardedData(dir: string, shards: number, rowsPerShard: number): Promise<string[]> {
  const { writeFileSync } = await import('node:fs');
  const rand = mulberry32(11);
  const files: string[] = [];
  for (let s = 0; s < shards; s++) {
    let text = 'id,x,plan,flag\n';
    for (let r = 0; r < rowsPerShard; r++) {
      const id = s * rowsPerShard + r;
      text += `${id},${(normal(rand) * 3 + s).toFixed(4)},${['a', 'b', 'c', 'd'][Math.floor(rand() * (s + 1))]},${rand() < 0.3 ? '' : rand() < 0.5}\n`;
    }
    const f = join(dir, `shard-${s}.csv`);
    writeFileSync(f, text);
    files.push(f);
  }
  return files;
}

test('merging shard profiles equals profiling the concatenated data (within sketch error)', async () => {
  const dir = tempDir();
  const files = await shardedData(dir, 4, 5000);
  const whole = await profileFiles(files);
  const merged = mergeProfiles(await Promise.all(files.map((f) => profileFiles([f]))));
  assert.equal(merged.rows, whole.rows);
  for (const w of whole.columns) {
    const m = col(merged, w.name);
    assert.deepEqual([m.type, m.count, m.nulls, m.nullable], [w.type, w.count, w.nulls, w.nullable], w.name);
    assert.deepEqual(m.top_categories?.values, w.top_categories?.values, w.name);
    if (w.numeric) {
      assert.equal(m.numeric!.min, w.numeric.min);
      assert.equal(m.numeric!.max, w.numeric.max);
      assert.ok(Math.abs(m.numeric!.mean - w.numeric.mean) < 1e-9, `${w.name} mean`);
      assert.ok(Math.abs(m.numeric!.std - w.numeric.std) < 1e-9, `${w.name} std`);
      const spread = w.numeric.quantiles.p99 - w.numeric.quantiles.p1;
      for (const [q, v] of Object.entries(w.numeric.quantiles)) {
        assert.ok(Math.abs(m.numeric!.quantiles[q] - v) < 0.01 * spread, `${w.name} ${q}: ${m.numeric!.quantiles[q]} vs ${v}`);
      }
    }
    assert.ok(Math.abs(m.distinct.value - w.distinct.value) <= 0.02 * w.distinct.value + 1, `${w.name} distinct`);
  }
});

test('a column missing from one shard counts as nulls there', async () => {
  const a = await profileFiles([tempFile('a.csv', 'x,y\n1,2\n3,4\n')]);
  const b = await profileFiles([tempFile('b.csv', 'x\n5\n')]);
  const m = mergeProfiles([a, b]);
  assert.deepEqual([col(m, 'y').count, col(m, 'y').nulls], [3, 1]);
  assert.equal(col(m, 'x').numeric!.mean, 3);
});

test('CLI: profile a file, merge shard profiles, and reject a broken profile', async () => {
  const dir = tempDir();
  const files = await shardedData(dir, 2, 500);
  const r1 = await cli(['profile', '--data', files[0], '--out', join(dir, 'p0.json')]);
  const r2 = await cli(['profile', '--data', files[1], '--out', join(dir, 'p1.json')]);
  assert.equal(r1.code, 0, r1.stderr);
  assert.equal(r2.code, 0);
  assert.match(r1.stdout, /\| id +\| integer/);
  const merged = await cli(['profile', 'merge', join(dir, 'p0.json'), join(dir, 'p1.json'), '-o', join(dir, 'all.json')]);
  assert.equal(merged.code, 0, merged.stderr);
  const all = parseProfile(readFileSync(join(dir, 'all.json'), 'utf8'), 'all.json');
  assert.equal(all.rows, 1000);
  const glob = await cli(['profile', '--data', 'shard-*.csv'], { cwd: dir });
  assert.equal(JSON.parse(glob.stdout).rows, 1000);

  const bad = tempFile('bad.json', JSON.stringify({ schema_version: 1, kind: 'mlops/profile', rows: 'x' }));
  const r3 = await cli(['profile', 'merge', bad]);
  assert.equal(r3.code, 2);
  assert.match(r3.stderr, /bad\.json: not a valid profile: created_at/);
  const r4 = await cli(['profile']);
  assert.equal(r4.code, 2);
  assert.match(r4.stderr, /--data is required/);
});
