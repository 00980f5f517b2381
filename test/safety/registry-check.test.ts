import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from '../helpers.ts';
import { BRANCH, bareRepo, git, modelFile, tamper } from '../registry/fixtures.ts';

const NOW = new Date('2026-03-01T12:00:00Z');

async function check(remote: string) {
  const r = await cli(['registry', 'check', '--remote', remote, '--format', 'json'], { env: {}, now: NOW });
  return { ...r, report: r.stdout ? JSON.parse(r.stdout) : null };
}

test('registry check: exit 0 with counts on a healthy registry (and on an empty one), exit 1 naming each broken file', async () => {
  const remote = bareRepo();
  const empty = await check(remote);
  assert.equal(empty.code, 0, empty.stderr);
  assert.deepEqual(empty.report, { ok: true, commit: null, models: 0, versions: 0, events: 0, hashes_verified: 0, pointers: 0, problems: [] });

  const run = (args: string[]) => cli(['registry', ...args, '--remote', remote], { env: { GITHUB_ACTOR: 'alice' }, now: NOW });
  const m1 = modelFile('c1');
  assert.equal((await run(['register', 'churn', '--model', m1.file, '--stage', 'staging'])).code, 0);
  assert.equal((await run(['register', 'churn', '--model', modelFile('c2').file])).code, 0);
  assert.equal((await run(['register', 'fraud', '--model', modelFile('f1').file])).code, 0);
  assert.equal((await run(['deprecate', 'churn', 'v2'])).code, 0);
  const healthy = await check(remote);
  assert.equal(healthy.code, 0, healthy.stdout + healthy.stderr);
  assert.deepEqual(
    { ...healthy.report, commit: undefined },
    { ok: true, commit: undefined, models: 2, versions: 3, events: 5, hashes_verified: 3, pointers: 0, problems: [] },
  );
  const text = await cli(['registry', 'check', '--remote', remote], { env: {}, now: NOW });
  assert.match(text.stdout, /is healthy: 2 models, 3 versions, 5 events, 3 model hashes verified/);

  const idx = JSON.parse(git(remote, 'show', `${BRANCH}:models/churn/index.json`));
  tamper(remote, {
    'models/churn/versions/1/model.onnx': 'swapped bytes',
    'models/churn/index.json': JSON.stringify({
      ...idx,
      latest_version: 1,
      events: 2,
      stages: { staging: { version: 1, since: idx.stages.staging.since, history: [7] } },
    }),
    'models/fraud/index.json': '{"schema_version": 1',
  });
  const broken = await check(remote);
  assert.equal(broken.code, 1, broken.stderr);
  assert.equal(broken.report.ok, false);
  const problems = broken.report.problems.map((p: { file: string; problem: string }) => `${p.file}: ${p.problem}`);
  const expect = [
    /^models\/churn\/versions\/2: not a version of models\/churn\/index\.json \(latest_version 1\)$/,
    /^models\/churn\/versions\/1\/model\.onnx: sha256 [0-9a-f]{12}… but the metadata records [0-9a-f]{12}…$/,
    /^models\/churn\/index\.json: stage staging history holds v7, beyond latest_version 1$/,
    /^models\/churn\/index\.json: records version "2", which was never issued/,
    /^models\/churn\/events: 4 events but models\/churn\/index\.json counts 2$/,
    /^models\/churn\/index\.json: the registry branch was rewound: the last registry write \([0-9a-f]{40}\) had churn v2 and 4 events, the branch has v1 and 2$/,
    /^models\/churn\/events: register events for v1, v2, expected one each for v1\.\.v1/,
    /^models\/fraud\/index\.json: corrupt registry file, not valid JSON/,
  ];
  for (const pattern of expect)
    assert.ok(
      problems.some((p: string) => pattern.test(p)),
      `${pattern} in:\n${problems.join('\n')}`,
    );
  const lines = (await cli(['registry', 'check', '--remote', remote], { env: {}, now: NOW })).stdout.trim().split('\n');
  assert.match(lines.at(-1)!, /is broken: \d+ problems$/);
  assert.ok(lines.includes('models/churn/events: 4 events but models/churn/index.json counts 2'));

  tamper(remote, { 'registry.json': '[]' });
  const config = await check(remote);
  assert.equal(config.code, 1);
  assert.ok(config.report.problems.some((p: { file: string; problem: string }) => p.file === 'registry.json' && /corrupt registry file/.test(p.problem)));
});

test('registry check --help documents the verb and its exit codes', async () => {
  const r = await cli(['registry', '--help'], { env: {}, now: NOW });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /mlops registry check\n/);
  assert.match(r.stdout, /Exit 0 healthy, 1 broken/);
});
