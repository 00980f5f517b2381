import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.ts';
import { resolveRegistryRef } from '../../src/registry/resolve.ts';
import { profileFiles } from '../../src/profile/profile.ts';
import { BRANCH, bareRepo, git, head, jsonFile, lineageFor, modelFile, tamper } from './fixtures.ts';

const NOW = new Date('2026-03-01T12:00:00Z');

function registry(remote: string) {
  return async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const [sub, ...rest] = args;
    const r = await cli(['registry', sub, ...rest, '--remote', remote], { env, now: NOW });
    return { ...r, json: () => JSON.parse(r.stdout) };
  };
}

test('register, promote, show NAME#STAGE, list, history, get, diff, rollback, deprecate', async () => {
  const remote = bareRepo();
  const run = registry(remote);
  const m1 = modelFile('one');
  const m2 = modelFile('two');
  const env = {
    GITHUB_ACTOR: 'alice',
    GITHUB_RUN_ID: '7',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/churn',
    GITHUB_SHA: 'a'.repeat(40),
  };

  const r1 = await run(
    [
      'register',
      'churn',
      '--model',
      m1.file,
      '--metrics',
      jsonFile('m.json', { auc: 0.8, f1: 0.7 }),
      '--params',
      jsonFile('p.json', { depth: 4 }),
      '--format',
      'json',
    ],
    env,
  );
  assert.equal(r1.code, 0, r1.stderr);
  assert.deepEqual(
    { ...r1.json(), commit: undefined },
    { name: 'churn', version: 'v1', version_number: 1, sha256: m1.sha256, stage: null, commit: undefined, attempts: 1 },
  );
  assert.equal(r1.json().commit, head(remote));

  const r2 = await run(
    [
      'register',
      '--name',
      'churn',
      '--model',
      m2.file,
      '--metrics',
      jsonFile('m.json', { metrics: { auc: 0.85, f1: 0.7 } }),
      '--params',
      jsonFile('p.json', { depth: 6 }),
      '--stage',
      'staging',
      '--format',
      'json',
    ],
    env,
  );
  assert.equal(r2.code, 0, r2.stderr);
  assert.equal(r2.json().version, 'v2');
  assert.equal(r2.json().stage, 'staging');

  assert.equal((await run(['promote', 'churn', 'v1', '--to', 'production', '--reason', 'first model'])).code, 0);
  const p2 = await run(['promote', 'churn@v2', '--to', 'production', '--reason', 'better AUC', '--format', 'json'], env);
  assert.equal(p2.code, 0, p2.stderr);
  assert.equal(p2.json().previous, 'v1');

  const shown = await run(['show', 'churn#production']);
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stdout, /^churn v2 · stages: production, staging/);
  assert.match(shown.stdout, /# churn v2/);
  assert.match(shown.stdout, /\| auc +\| +0\.85 \|/);
  const shownJson = (await run(['show', 'churn#production', '--format', 'json'])).json();
  assert.equal(shownJson.metadata.model.sha256, m2.sha256);
  assert.equal(shownJson.metadata.source.commit, 'a'.repeat(40));
  assert.equal(shownJson.metadata.source.run_url, 'https://github.com/acme/churn/actions/runs/7');
  assert.equal(shownJson.metadata.actor, 'alice');

  const models = (await run(['list', '--format', 'json'])).json();
  assert.deepEqual(models, [{ name: 'churn', latest_version: 2, stages: { staging: 2, production: 2 }, deprecated: [] }]);
  const versions = (await run(['list', 'churn', '--format', 'json'])).json();
  assert.deepEqual(
    versions.map((v: { version: string; stages: string[] }) => [v.version, v.stages]),
    [
      ['v1', []],
      ['v2', ['production', 'staging']],
    ],
  );

  const history = (await run(['history', 'churn', '--format', 'json'])).json();
  assert.deepEqual(
    history.map((e: { seq: number; type: string; version: string; stage?: string; previous?: string; actor: string }) => [
      e.seq,
      e.type,
      e.version,
      e.stage ?? '',
      e.previous ?? '',
      e.actor,
    ]),
    [
      [1, 'register', 'v1', '', '', 'alice'],
      [2, 'register', 'v2', '', '', 'alice'],
      [3, 'promote', 'v2', 'staging', '', 'alice'],
      [4, 'promote', 'v1', 'production', '', 'unknown'],
      [5, 'promote', 'v2', 'production', 'v1', 'alice'],
    ],
  );
  assert.equal(history[4].reason, 'better AUC');
  assert.equal(history[4].run_url, 'https://github.com/acme/churn/actions/runs/7');

  const out = join(tempDir(), 'model');
  const got = await run(['get', 'churn#production', '--out', out, '--format', 'json']);
  assert.equal(got.code, 0, got.stderr);
  assert.deepEqual(readFileSync(join(out, 'model.onnx')), m2.bytes);
  assert.deepEqual(readdirSync(out).sort(), ['DATA_CARD.md', 'MODEL_CARD.md', 'metadata.json', 'model.onnx']);

  const diff = (await run(['diff', 'churn', 'v1', 'v2', '--format', 'json'])).json();
  assert.deepEqual(diff.metrics, [
    { metric: 'f1', from: 0.7, to: 0.7, delta: 0 },
    { metric: 'roc_auc', from: 0.8, to: 0.85, delta: 0.85 - 0.8 },
  ]);
  assert.deepEqual(diff.params, [{ param: 'depth', from: 4, to: 6 }]);
  const diffMd = await run(['diff', 'churn', 'v1', '#production', '--format', 'markdown']);
  assert.match(diffMd.stdout, /\| roc_auc +\| +0\.8 \| +0\.85 \| +\+0\.05 \|/, 'versions registered with the old name diff under the current one');

  const rb = await run(['rollback', 'churn', '--stage', 'production', '--reason', 'latency', '--format', 'json']);
  assert.equal(rb.code, 0, rb.stderr);
  assert.deepEqual([rb.json().version, rb.json().previous], ['v1', 'v2']);
  assert.match((await run(['show', 'churn#production'])).stdout, /^churn v1 · stages: production/);
  const again = await run(['rollback', 'churn', '--stage', 'production']);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /no earlier holder/);

  const blocked = await run(['deprecate', 'churn', 'v1']);
  assert.equal(blocked.code, 2);
  assert.match(blocked.stderr, /holds production/);
  await run(['promote', 'churn', 'v2', '--to', 'production']);
  assert.equal((await run(['deprecate', 'churn', 'v1', '--reason', 'leaky feature'])).code, 0);
  const refused = await run(['promote', 'churn', 'v1', '--to', 'staging']);
  assert.match(refused.stderr, /deprecated/);
  assert.equal((await run(['list', '--format', 'json'])).json()[0].deprecated[0], 1);

  const subjects = git(remote, 'log', '--format=%s', BRANCH).split('\n');
  assert.deepEqual(subjects.reverse(), [
    'registry: register churn v1',
    'registry: register churn v2 to staging',
    'registry: promote churn v1 to production',
    'registry: promote churn v2 to production',
    'registry: rollback churn production to v1',
    'registry: promote churn v2 to production',
    'registry: deprecate churn v1',
  ]);
});

test('register with a lineage stores params, metrics, fingerprint, profile and a model card; resolveRegistryRef fetches it', async () => {
  const remote = bareRepo();
  const run = registry(remote);
  const model = modelFile('lineage');
  const lineage = await lineageFor(model, { auc: 0.9, accuracy: 0.8 });
  const r = await run([
    'register',
    'churn',
    '--model',
    model.file,
    '--lineage',
    jsonFile('lineage.json', lineage),
    '--metrics',
    jsonFile('m.json', { auc: 0.91 }),
    '--description',
    'Scores churn risk',
    '--stage',
    'production',
    '--tags',
  ]);
  assert.equal(r.code, 0, r.stderr);

  const meta = JSON.parse(git(remote, 'show', `${BRANCH}:models/churn/versions/1/metadata.json`));
  assert.equal(meta.schema_version, 1);
  assert.deepEqual(meta.metrics, { auc: 0.91, accuracy: 0.8 }, '--metrics overrides the lineage');
  assert.deepEqual(meta.params, { epochs: 20, learning_rate: 0.01 });
  assert.equal(meta.data.fingerprint, lineage.data.fingerprint);
  assert.equal(meta.data.profile, 'profile.json');
  assert.equal(meta.lineage.environment.node, 'v20.20.2');
  assert.equal(meta.lineage.data.profile, undefined, 'the profile is stored beside, not inside, the metadata');
  assert.equal(meta.model.framework, 'tfjs');
  assert.deepEqual(meta.model.signature.inputs[0].shape, ['batch', 10]);
  assert.equal(meta.source.repository, 'acme/churn');

  const card = git(remote, 'show', `${BRANCH}:models/churn/versions/1/MODEL_CARD.md`);
  for (const section of ['## Intended use', 'Scores churn risk', '## Training data', '## Metrics', '## Lineage', '## Limitations', '| monthly_charges'])
    assert.ok(card.includes(section), section);
  assert.deepEqual(git(remote, 'tag', '--list').split('\n').sort(), ['churn#production#2', 'churn@v1.0.0']);
  assert.equal(git(remote, 'cat-file', '-t', 'churn@v1.0.0'), 'tag', 'annotated, as gto writes them');

  const resolved = await resolveRegistryRef('registry:churn#production', { cwd: tempDir(), env: { MLOPS_REGISTRY_REMOTE: remote } });
  assert.equal(resolved.version, 'v1');
  assert.deepEqual(readFileSync(resolved.modelFile), model.bytes);
  assert.equal((resolved.metadata as { model: { sha256: string } }).model.sha256, model.sha256);
  assert.equal(resolved.profile?.rows, lineage.data.rows);
  assert.equal(resolved.profile?.columns.length, lineage.data.profile!.columns.length);
  const byVersion = await resolveRegistryRef('registry:churn@v1', { cwd: tempDir(), env: { MLOPS_REGISTRY_REMOTE: remote } });
  assert.equal(byVersion.version, 'v1');
  await assert.rejects(
    resolveRegistryRef('registry:churn#staging', { cwd: tempDir(), env: { MLOPS_REGISTRY_REMOTE: remote } }),
    /registry:churn#staging: no version of churn is in stage staging/,
  );
});

test("the remote defaults to the checkout's origin, and the checkout is left untouched", async () => {
  const remote = bareRepo();
  const checkout = join(tempDir(), 'work');
  git(tempDir(), 'clone', '--quiet', remote, checkout);
  git(checkout, 'commit', '--quiet', '--allow-empty', '-m', 'init');
  const before = [git(checkout, 'rev-parse', 'HEAD'), git(checkout, 'branch', '--list'), git(checkout, 'status', '--porcelain')];
  const model = modelFile('origin');
  const r = await cli(['registry', 'register', 'churn', '--model', model.file, '--format', 'json'], { cwd: checkout, env: {}, now: NOW });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).commit, head(remote));
  assert.equal(
    JSON.parse(git(remote, 'show', `${BRANCH}:models/churn/versions/1/metadata.json`)).source.commit,
    before[0],
    'source commit is the checkout HEAD',
  );
  assert.deepEqual([git(checkout, 'rev-parse', 'HEAD'), git(checkout, 'branch', '--list'), git(checkout, 'status', '--porcelain')], before);
  const shown = await cli(['registry', 'show', 'churn@v1', '--branch', BRANCH], { cwd: checkout, env: {}, now: NOW });
  assert.equal(shown.code, 0, shown.stderr);
});

test('bad input is a clear error and leaves the branch as it was', async () => {
  const remote = bareRepo();
  const run = registry(remote);
  const model = modelFile('bad');
  const expectFailure = async (args: string[], pattern: RegExp) => {
    const before = head(remote);
    const r = await run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line, no stack trace');
    assert.equal(head(remote), before, `${args.join(' ')} moved the branch`);
  };

  await expectFailure(['register', 'churn', '--model', '/no/such/model.onnx'], /\/no\/such\/model\.onnx: no such file/);
  await expectFailure(['show', 'churn'], /no model named "churn"/);
  assert.equal((await run(['register', 'churn', '--model', model.file])).code, 0);
  await expectFailure(['promote', 'churn', 'v9', '--to', 'production'], /churn v9 does not exist \(latest is v1\)/);
  await expectFailure(['promote', 'churn', 'v1', '--to', 'canary'], /unknown stage "canary": this registry has stages staging, production, archived/);
  await expectFailure(['register', 'churn', '--model', model.file, '--stage', 'canary'], /unknown stage "canary"/);
  await expectFailure(['show', 'churn#production'], /no version of churn is in stage production/);
  await expectFailure(['rollback', 'churn', '--stage', 'production'], /nothing to roll back/);
  await expectFailure(['register', 'Bad Name', '--model', model.file], /not a model name/);
  await expectFailure(['register', 'churn', '--model', model.file, '--metrics', jsonFile('m.json', ['x'])], /m\.json: expected a JSON object/);
  const other = modelFile('other');
  await expectFailure(
    ['register', 'churn', '--model', other.file, '--lineage', jsonFile('lineage.json', await lineageFor(model, { auc: 1 }))],
    /does not match the lineage's model/,
  );
  await expectFailure(['register', 'churn', '--model', model.file, '--max-size-mb', '0.0001'], /over the 0 MB limit.*--model-url/);
  await expectFailure(['frobnicate'], /unknown subcommand "frobnicate"/);
  git(remote, 'tag', 'churn@v2.0.0', head(remote)!);
  await expectFailure(['register', 'churn', '--model', model.file, '--tags'], /tag churn@v2.0.0 already exists there \(nothing was written\)/);

  tamper(remote, { 'models/churn/versions/1/model.onnx': 'not the registered bytes' });
  const out = join(tempDir(), 'out');
  await expectFailure(['get', 'churn@v1', '--out', out], /churn v1: sha256 mismatch.*refusing/);
  assert.equal(existsSync(join(out, 'model.onnx')), false, 'no unverified model is written');

  tamper(remote, { 'models/churn/index.json': '{"schema_version": 1, "kind": "mlops/registry-index", "name": "churn"' });
  await expectFailure(['register', 'churn', '--model', model.file], /models\/churn\/index\.json: corrupt registry file, not valid JSON/);
  await expectFailure(['promote', 'churn', 'v1', '--to', 'staging'], /models\/churn\/index\.json: corrupt registry file/);
  tamper(remote, {
    'models/churn/index.json': JSON.stringify({
      schema_version: 1,
      kind: 'mlops/registry-index',
      name: 'churn',
      latest_version: 'one',
      events: 1,
      stages: {},
      deprecated: {},
    }),
  });
  await expectFailure(['register', 'churn', '--model', model.file], /index\.json: corrupt registry file: latest_version:/);
});

test('a model over the size limit is stored as a pointer and downloaded and verified on get', async () => {
  const remote = bareRepo();
  const run = registry(remote);
  const model = modelFile('big');
  let served = model.bytes;
  const server = createServer((_req, res) => res.end(served));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/model.onnx`;
  try {
    const r = await run(['register', 'churn', '--model', model.file, '--max-size-mb', '0.0001', '--model-url', url]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(git(remote, 'ls-tree', '--name-only', `${BRANCH}:models/churn/versions/1`).split('\n'), [
      'DATA_CARD.md',
      'MODEL_CARD.md',
      'metadata.json',
    ]);
    const meta = JSON.parse(git(remote, 'show', `${BRANCH}:models/churn/versions/1/metadata.json`));
    assert.deepEqual(meta.model.storage, { kind: 'pointer', url });
    const out = join(tempDir(), 'out');
    assert.equal((await run(['get', 'churn@v1', '--out', out])).code, 0);
    assert.deepEqual(readFileSync(join(out, 'model.onnx')), model.bytes);
    served = Buffer.from('swapped behind our back');
    const bad = await run(['get', 'churn@v1', '--out', join(tempDir(), 'out')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /sha256 mismatch/);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('diff compares metrics, params and the training-data profiles of two versions', async () => {
  const remote = bareRepo();
  const run = registry(remote);
  const model = modelFile('diff');
  const now = () => new Date('2026-01-01T00:00:00Z');
  const train = await profileFiles(['templates/example/data/train.csv'], { now });
  const current = await profileFiles(['templates/example/data/current.csv'], { now });
  assert.equal(
    (await run(['register', 'churn', '--model', model.file, '--profile', jsonFile('a.json', train), '--params', jsonFile('p.json', { lr: 0.1, depth: 3 })]))
      .code,
    0,
  );
  assert.equal(
    (await run(['register', 'churn', '--model', model.file, '--profile', jsonFile('b.json', current), '--params', jsonFile('p.json', { lr: 0.05, depth: 3 })]))
      .code,
    0,
  );
  const d = (await run(['diff', 'churn', 'v1', 'v2', '--format', 'json'])).json();
  assert.deepEqual(d.params, [{ param: 'lr', from: 0.1, to: 0.05 }]);
  assert.equal(d.unchanged_params, 1);
  assert.deepEqual(d.data, { same_fingerprint: false, from_rows: train.rows, to_rows: current.rows });
  const charges = d.columns.find((c: { column: string }) => c.column === 'monthly_charges');
  const a = train.columns.find((c) => c.name === 'monthly_charges')!;
  const b = current.columns.find((c) => c.name === 'monthly_charges')!;
  assert.equal(charges.change, 'changed');
  assert.equal(charges.from_mean, a.numeric!.mean);
  assert.equal(charges.to_mean, b.numeric!.mean);
  assert.equal(charges.from_null_rate, a.nulls / a.count);
  assert.equal(d.columns.length, train.columns.length);
  const md = (await run(['diff', 'churn', 'v1', 'v2'])).stdout;
  assert.match(md, /\| monthly_charges \| changed/);
  assert.match(md, /\| lr +\| 0\.1 +\| 0\.05 \|/);
});

test('annotate records an image digest on a version, as an audit event, shown by show', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { execFileSync } = await import('node:child_process');
  const { cli } = await import('../helpers.ts');
  const dir = mkdtempSync(join(tmpdir(), 'mlops-annotate-'));
  const remote = join(dir, 'r.git');
  execFileSync('git', ['init', '--bare', '--quiet', remote]);
  const model = join(dir, 'm.onnx');
  writeFileSync(model, 'model-bytes');
  const env = { GITHUB_ACTOR: 'ci', PATH: process.env.PATH, HOME: process.env.HOME };
  assert.equal((await cli(['registry', 'register', 'churn', '--model', model, '--remote', remote], { env })).code, 0);
  const digest = 'sha256:' + 'ab'.repeat(32);
  const r = await cli(['registry', 'annotate', 'churn', 'v1', '--image', 'ghcr.io/o/churn', '--image-digest', digest, '--remote', remote, '--format', 'json'], {
    env,
  });
  assert.equal(r.code, 0, r.stderr);
  const shown = await cli(['registry', 'show', 'churn@v1', '--remote', remote, '--format', 'json'], { env });
  assert.deepEqual(
    JSON.parse(shown.stdout).images.map((i: { image: string; digest: string; actor: string }) => [i.image, i.digest, i.actor]),
    [['ghcr.io/o/churn', digest, 'ci']],
  );
  const history = JSON.parse((await cli(['registry', 'history', 'churn', '--remote', remote, '--format', 'json'], { env })).stdout);
  assert.deepEqual(
    history.map((e: { type: string }) => e.type),
    ['register', 'image'],
  );
  assert.equal(history[1].image, `ghcr.io/o/churn@${digest}`);
  const bad = await cli(['registry', 'annotate', 'churn', 'v1', '--image', 'x', '--image-digest', 'sha256:zz', '--remote', remote], { env });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /image digest must look like sha256/);
});
