import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from '../helpers.ts';
import { BRANCH, bareRepo, git, head, modelFile, tamper } from '../registry/fixtures.ts';

const NOW = new Date('2026-03-01T12:00:00Z');

function registry(remote: string) {
  return async (args: string[]) => {
    const [sub, ...rest] = args;
    const r = await cli(['registry', sub, ...rest, '--remote', remote], { env: { GITHUB_ACTOR: 'alice' }, now: NOW });
    return { ...r, json: () => JSON.parse(r.stdout) };
  };
}

const show = (remote: string, path: string) => git(remote, 'show', `${BRANCH}:${path}`);
const index = (remote: string) => JSON.parse(show(remote, 'models/churn/index.json'));

/** A registry with churn v1, v2 (v2 in staging), v3. */
async function seeded() {
  const remote = bareRepo();
  const run = registry(remote);
  for (const [i, extra] of [[], ['--stage', 'staging'], []].entries()) {
    const r = await run(['register', 'churn', '--model', modelFile(`v${i + 1}`).file, ...extra]);
    assert.equal(r.code, 0, r.stderr);
  }
  return { remote, run };
}

async function refused(run: ReturnType<typeof registry>, remote: string, args: string[], pattern: RegExp) {
  const before = head(remote);
  const r = await run(args);
  assert.equal(r.code, 2, `${args.join(' ')} should be refused: ${r.stdout}${r.stderr}`);
  assert.match(r.stderr, pattern);
  assert.equal(r.stderr.trim().split('\n').length, 1, 'one line, no stack trace');
  assert.equal(head(remote), before, `${args.join(' ')} moved the branch`);
}

test('register refuses to re-issue a version whose folder exists (latest_version set below the real versions)', async () => {
  const { remote, run } = await seeded();
  const meta2 = show(remote, 'models/churn/versions/2/metadata.json');
  const idx = index(remote);
  tamper(remote, { 'models/churn/index.json': JSON.stringify({ ...idx, latest_version: 1 }) });
  await refused(
    run,
    remote,
    ['register', 'churn', '--model', modelFile('again').file],
    /models\/churn\/index\.json: stage staging points at v2, beyond latest_version 1/,
  );
  // As on a registry written before high-water markers existed: only the folder check is left.
  git(remote, 'update-ref', '-d', 'refs/mlops/issued/mlops-registry');
  tamper(remote, { 'models/churn/index.json': JSON.stringify({ ...idx, latest_version: 1, stages: {} }) });
  await refused(
    run,
    remote,
    ['register', 'churn', '--model', modelFile('again').file],
    /models\/churn\/versions\/2: already exists, but models\/churn\/index\.json has latest_version 1/,
  );
  assert.equal(show(remote, 'models/churn/versions/2/metadata.json'), meta2, 'v2 untouched');
});

test('a rewound branch is detected: no version number is issued twice', async () => {
  const { remote, run } = await seeded();
  // As `git push --force origin mlops-registry~1:mlops-registry` would.
  git(remote, 'update-ref', `refs/heads/${BRANCH}`, `${BRANCH}~1`);
  assert.equal(index(remote).latest_version, 2);
  await refused(run, remote, ['register', 'churn', '--model', modelFile('after-rewind').file], /rewound.*churn v3/);
  await refused(run, remote, ['promote', 'churn', 'v1', '--to', 'production'], /rewound/);
  const check = await run(['check', '--format', 'json']);
  assert.equal(check.code, 1, check.stderr);
  assert.ok(check.json().problems.some((p: { problem: string }) => /rewound/.test(p.problem)));
});

test('a deleted registry branch is detected too: v1 is not issued again', async () => {
  const { remote, run } = await seeded();
  git(remote, 'update-ref', '-d', `refs/heads/${BRANCH}`);
  await refused(run, remote, ['register', 'churn', '--model', modelFile('fresh').file], /rewound.*churn v3/);
});

test('promote and rollback refuse a target version that is missing or deprecated', async () => {
  const { remote, run } = await seeded();
  const idx = index(remote);
  tamper(remote, { 'models/churn/index.json': JSON.stringify({ ...idx, latest_version: 99 }) });
  await refused(run, remote, ['promote', 'churn', 'v99', '--to', 'production'], /models\/churn\/versions\/99\/metadata\.json: missing/);
  tamper(remote, { 'models/churn/index.json': JSON.stringify({ ...idx, stages: { staging: { ...idx.stages.staging, history: [99] } } }) });
  await refused(
    run,
    remote,
    ['rollback', 'churn', '--stage', 'staging'],
    /models\/churn\/index\.json: stage staging history holds v99, beyond latest_version 3/,
  );
  tamper(remote, { 'models/churn/index.json': JSON.stringify({ ...idx, stages: { production: { version: 99, since: NOW.toISOString(), history: [] } } }) });
  await refused(run, remote, ['promote', 'churn', 'v1', '--to', 'staging'], /models\/churn\/index\.json: stage production points at v99/);
});

test('writes refuse an event log whose count disagrees with the index, instead of duplicating sequence numbers', async () => {
  const { remote, run } = await seeded();
  const idx = index(remote);
  tamper(remote, { 'models/churn/index.json': JSON.stringify({ ...idx, events: idx.events - 1 }) });
  await refused(
    run,
    remote,
    ['promote', 'churn', 'v1', '--to', 'production'],
    /models\/churn\/events\/000000\.jsonl: 4 events but models\/churn\/index\.json counts 3/,
  );
  await refused(run, remote, ['register', 'churn', '--model', modelFile('x').file], /000000\.jsonl: 4 events/);
  await refused(run, remote, ['deprecate', 'churn', 'v1'], /000000\.jsonl: 4 events/);
});

test('registry.json is read and checked on every verb', async () => {
  const { remote, run } = await seeded();
  tamper(remote, { 'registry.json': '{"schema_version": 1, "kind": "mlops/registry", "stages": []}' });
  for (const args of [
    ['register', 'churn', '--model', modelFile('y').file],
    ['promote', 'churn', 'v1', '--to', 'production'],
    ['rollback', 'churn', '--stage', 'staging'],
    ['deprecate', 'churn', 'v1'],
    ['annotate', 'churn', 'v1', '--image', 'ghcr.io/a/b', '--image-digest', 'sha256:' + 'ab'.repeat(32)],
    ['list'],
    ['show', 'churn@v1'],
    ['history', 'churn'],
  ]) {
    await refused(run, remote, args, /^mlops registry: error: registry\.json: corrupt registry file: stages/);
  }
});
