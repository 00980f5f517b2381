import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { detectDrift } from '../../src/drift/detect.ts';
import { LineageSchema } from '../../src/model/lineage.ts';
import { mulberry32, normal } from '../../src/util/random.ts';
import { cli, tempDir } from '../helpers.ts';
import { profileOf } from './helpers.ts';

const EXAMPLE = new URL('../../templates/example/data/', import.meta.url).pathname;

test('importance weights: share = Σ max(0, importanceᵢ)·driftedᵢ / Σ max(0, importanceᵢ); non-features weigh 0; drift.yml weights win', () => {
  const r = mulberry32(5);
  const col = (n: number, shift: number) => Array.from({ length: n }, () => normal(r) + shift);
  const ref = profileOf({ a: col(500, 0), b: col(500, 0), c: col(500, 0), id: col(500, 0) });
  const cur = profileOf({ a: col(500, 1), b: col(500, 0), c: col(500, 0), id: col(500, 1) });
  const importance = { a: 0.05, b: 0.15, c: -0.01 };
  const weighted = detectDrift(ref, cur, { importance });
  assert.deepEqual(weighted.drifted_columns, ['a', 'id']);
  assert.equal(weighted.weighting, 'importance');
  assert.deepEqual(Object.fromEntries(Object.entries(weighted.columns).map(([n, c]) => [n, c.weight])), { a: 0.05, b: 0.15, c: 0, id: 0 });
  assert.equal(weighted.share_drifted, 0.05 / 0.2);
  assert.equal(weighted.columns.a.importance, 0.05);
  assert.equal(weighted.columns.id.importance, undefined);
  const equal = detectDrift(ref, cur, { importance, weights: 'equal' });
  assert.equal(equal.weighting, 'equal');
  assert.equal(equal.share_drifted, 0.5);
  assert.equal(equal.columns.b.importance, 0.15, 'importance still shown');
  const config = detectDrift(ref, cur, { importance, config: { schema_version: 1, columns: { id: { weight: 0.2 } } } });
  assert.equal(config.share_drifted, (0.05 + 0.2) / 0.4);
  // no positive importance among the tested columns: equal weights
  assert.equal(detectDrift(ref, cur, { importance: { a: 0, b: -0.1 } }).weighting, 'equal');
});

test("mlops drift against registry:NAME#production weighs columns by the version's stored importance; --weights equal; --html", async () => {
  const dir = tempDir();
  const remote = join(dir, 'registry.git');
  execFileSync('git', ['init', '--bare', '--quiet', remote]);
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTOR: 'ci', MLOPS_REGISTRY_REMOTE: remote, MLOPS_TF_BACKEND: 'cpu' };
  copyFileSync(join(EXAMPLE, 'train.csv'), join(dir, 'train.csv'));
  writeFileSync(
    join(dir, 'train.yml'),
    'schema_version: 1\ntarget: churned\ntraining: {epochs: 2, batch_size: 256, learning_rate: 0.05, seed: 7}\nfeatures: {exclude: [customer_id, signup_date]}\n',
  );
  const train = await cli(['train', '--data', 'train.csv', '--task', 'classification', '--config', 'train.yml', '--out', 'out'], { cwd: dir, env });
  assert.equal(train.code, 0, train.stderr);
  const reg = await cli(['registry', 'register', 'churn', '--model', 'out/model.onnx', '--lineage', 'out/lineage.json', '--stage', 'production'], {
    cwd: dir,
    env,
  });
  assert.equal(reg.code, 0, reg.stderr);
  const lineage = LineageSchema.parse(JSON.parse(readFileSync(join(dir, 'out/lineage.json'), 'utf8')));
  const values = lineage.importance!.values;

  const drift = await cli(
    ['drift', '--reference', 'registry:churn#production', '--current', join(EXAMPLE, 'current.csv'), '--html', 'drift.html', '--format', 'json'],
    { cwd: dir, env },
  );
  assert.ok(drift.code === 0 || drift.code === 1, drift.stderr);
  const result = JSON.parse(drift.stdout);
  assert.equal(result.weighting, 'importance');
  let total = 0;
  let drifted = 0;
  for (const [name, c] of Object.entries(result.columns) as [string, { importance?: number; weight: number; drifted: boolean }][]) {
    assert.equal(c.importance, values[name], name);
    assert.equal(c.weight, Math.max(0, values[name] ?? 0), name);
    total += c.weight;
    if (c.drifted) drifted += c.weight;
  }
  assert.ok(Math.abs(result.share_drifted - drifted / total) < 1e-12);
  const html = readFileSync(join(dir, 'drift.html'), 'utf8');
  assert.match(html, /^<!doctype html>/);
  assert.doesNotMatch(html, /https?:\/\/|<link|src=/, 'self-contained: nothing fetched');

  const equal = await cli(
    ['drift', '--reference', 'registry:churn#production', '--current', join(EXAMPLE, 'current.csv'), '--weights', 'equal', '--format', 'json'],
    { cwd: dir, env },
  );
  const eq = JSON.parse(equal.stdout);
  assert.equal(eq.weighting, 'equal');
  assert.equal(eq.share_drifted, eq.drifted_columns.length / Object.keys(eq.columns).length);

  const noImportance = await cli(['drift', '--reference', join(EXAMPLE, 'train.csv'), '--current', join(EXAMPLE, 'current.csv'), '--weights', 'importance'], {
    cwd: dir,
    env,
  });
  assert.equal(noImportance.code, 2);
  assert.match(noImportance.stderr, /--weights importance: .* has no stored importance/);
  const badPolicy = await cli(['drift', '--reference', join(EXAMPLE, 'train.csv'), '--current', join(EXAMPLE, 'current.csv'), '--inconclusive', 'maybe'], {
    cwd: dir,
    env,
  });
  assert.equal(badPolicy.code, 2);
  assert.match(badPolicy.stderr, /--inconclusive must be one of exclude, drift, no-drift/);
});
