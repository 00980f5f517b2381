import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cli, tempDir } from '../helpers.ts';
import { resolveRegistryBaseline, resolveRegistryRef } from '../../src/registry/resolve.ts';
import { BRANCH, bareRepo, git, head, jsonFile, lineageFor, modelFile } from './fixtures.ts';
import { startGitDataServer } from './git-data-server.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
const TOKEN = 'ghs_test_token';

test('the GitHub Git Data API backend writes the same branch as the git backend', async () => {
  const viaGit = bareRepo();
  const viaApi = bareRepo();
  const server = await startGitDataServer(viaApi);
  try {
    const model = modelFile('api');
    const lineage = jsonFile('lineage.json', await lineageFor(model, { auc: 0.9 }));
    const env = { GITHUB_TOKEN: TOKEN, GITHUB_ACTOR: 'alice', GITHUB_SHA: 'b'.repeat(40) };
    const steps = [
      ['register', 'churn', '--model', model.file, '--lineage', lineage, '--tags'],
      ['register', 'churn', '--model', model.file, '--stage', 'staging'],
      ['promote', 'churn', 'v1', '--to', 'production', '--reason', 'first'],
      ['promote', 'churn', 'v2', '--to', 'production', '--tags'],
      ['rollback', 'churn', '--stage', 'production'],
      ['promote', 'churn', 'v1', '--to', 'archived'],
    ];
    for (const step of steps) {
      const a = await cli(['registry', ...step, '--remote', viaGit, '--format', 'json'], { env, now: NOW });
      assert.equal(a.code, 0, a.stderr);
      const before = server.requests.length;
      const b = await cli(['registry', ...step, '--backend', 'github', '--repo', 'acme/churn', '--api-url', server.url, '--format', 'json'], { env, now: NOW });
      assert.equal(b.code, 0, b.stderr);
      assert.equal(git(viaApi, 'rev-parse', `${BRANCH}^{tree}`), git(viaGit, 'rev-parse', `${BRANCH}^{tree}`), `${step.join(' ')}: same tree`);
      assert.equal(JSON.parse(b.stdout).commit, JSON.parse(a.stdout).commit, `${step.join(' ')}: same commit`);
      for (const r of server.requests.slice(before)) assert.equal(r.headers.authorization, `token ${TOKEN}`);
    }
    assert.equal(head(viaApi), head(viaGit));
    assert.deepEqual(git(viaApi, 'ls-tree', '-r', BRANCH), git(viaGit, 'ls-tree', '-r', BRANCH));
    for (const tag of ['churn@v1.0.0', 'churn#production#5']) assert.equal(git(viaApi, 'rev-parse', tag), git(viaGit, 'rev-parse', tag), tag);

    // Reads go through the API too.
    const shown = await cli(['registry', 'show', 'churn#production', '--backend', 'github', '--repo', 'acme/churn', '--api-url', server.url], {
      env,
      now: NOW,
    });
    assert.match(shown.stdout, /^churn v1 · stages: archived, production/);
    const resolved = await resolveRegistryRef('registry:churn#production', {
      cwd: tempDir(),
      env: { MLOPS_REGISTRY_BACKEND: 'github', GITHUB_REPOSITORY: 'acme/churn', GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.url },
    });
    assert.equal(resolved.version, 'v1');
    assert.deepEqual(readFileSync(resolved.modelFile), model.bytes);
    assert.equal(resolved.profile?.kind, 'mlops/profile');
  } finally {
    await server.close();
  }
});

test('a GitHub API register sends blobs, one tree on the base tree, a commit on the head, and a fast-forward-only ref update', async () => {
  const repo = bareRepo();
  const server = await startGitDataServer(repo);
  try {
    const env = { GITHUB_TOKEN: TOKEN, GITHUB_ACTOR: 'alice' };
    const args = ['--backend', 'github', '--repo', 'acme/churn', '--api-url', server.url, '--commit', 'c'.repeat(40)];
    assert.equal((await cli(['registry', 'register', 'churn', '--model', modelFile('a').file, ...args], { env, now: NOW })).code, 0);
    const first = server.requests.map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(first, [
      'GET /repos/acme/churn/git/ref/heads%2Fmlops-registry',
      'GET /repos/acme/churn/git/ref/mlops%2Fissued%2Fmlops-registry',
      ...Array(7).fill('POST /repos/acme/churn/git/blobs'),
      'POST /repos/acme/churn/git/trees',
      'POST /repos/acme/churn/git/commits',
      'POST /repos/acme/churn/git/refs',
      'POST /repos/acme/churn/git/refs',
    ]);
    assert.deepEqual(server.requests.at(-2)!.body, { ref: 'refs/heads/mlops-registry', sha: head(repo) });
    assert.deepEqual(server.requests.at(-1)!.body, { ref: 'refs/mlops/issued/mlops-registry', sha: head(repo) }, 'the high-water marker follows the branch');
    assert.equal(
      (server.requests.find((r) => r.path.endsWith('/git/trees'))!.body as { base_tree?: string }).base_tree,
      undefined,
      'a new branch starts from an empty tree',
    );

    const oldHead = head(repo)!;
    const oldTree = git(repo, 'rev-parse', `${oldHead}^{tree}`);
    server.requests.length = 0;
    const r = await cli(['registry', 'promote', 'churn', 'v1', '--to', 'production', ...args.slice(0, 6)], { env, now: NOW });
    assert.equal(r.code, 0, r.stderr);
    const tree = server.requests.find((q) => q.method === 'POST' && q.path.endsWith('/git/trees'))!.body as {
      base_tree: string;
      tree: { path: string; mode: string; type: string }[];
    };
    assert.equal(tree.base_tree, oldTree);
    assert.deepEqual(
      tree.tree.map((e) => [e.path, e.mode, e.type]),
      [
        ['models/churn/events/000000.jsonl', '100644', 'blob'],
        ['models/churn/index.json', '100644', 'blob'],
      ],
    );
    const commit = server.requests.find((q) => q.method === 'POST' && q.path.endsWith('/git/commits'))!.body as {
      parents: string[];
      message: string;
      author: { date: string };
    };
    assert.deepEqual(commit.parents, [oldHead]);
    assert.match(commit.message, /^registry: promote churn v1 to production\n\nActor: alice\n/);
    assert.equal(commit.author.date, '2026-03-01T12:00:00Z');
    const patches = server.requests.filter((q) => q.method === 'PATCH');
    assert.deepEqual(
      patches.map((q) => [q.path, q.body]),
      [
        ['/repos/acme/churn/git/refs/heads%2Fmlops-registry', { sha: head(repo), force: false }],
        ['/repos/acme/churn/git/refs/mlops%2Fissued%2Fmlops-registry', { sha: head(repo), force: true }],
      ],
    );
  } finally {
    await server.close();
  }
});

test('when another writer moves the branch first, the GitHub backend re-reads and re-applies its change', async () => {
  const repo = bareRepo();
  const env = { GITHUB_TOKEN: TOKEN, GITHUB_ACTOR: 'alice' };
  assert.equal((await cli(['registry', 'register', 'churn', '--model', modelFile('a').file, '--remote', repo], { env, now: NOW })).code, 0);
  let fired = false;
  const server = await startGitDataServer(repo, {
    // A competing writer lands a commit between our read and our ref update.
    beforeRefUpdate: () => {
      if (fired) return;
      fired = true;
      const base = git(repo, 'rev-parse', BRANCH);
      const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo, input: 'rival' }).toString().trim();
      const listing = `${git(repo, 'ls-tree', `${base}^{tree}`)}\n100644 blob ${blob}\trival.txt\n`;
      const tree = execFileSync('git', ['mktree'], { cwd: repo, input: listing }).toString().trim();
      const commit = git(repo, 'commit-tree', tree, '-p', base, '-m', 'registry: rival writer');
      git(repo, 'update-ref', `refs/heads/${BRANCH}`, commit, base);
    },
  });
  try {
    const r = await cli(
      ['registry', 'promote', 'churn', 'v1', '--to', 'production', '--backend', 'github', '--repo', 'acme/churn', '--api-url', server.url, '--format', 'json'],
      { env, now: NOW },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).attempts, 2);
    const patches = server.requests.filter((q) => q.method === 'PATCH' && q.path.includes('heads'));
    assert.equal(patches.length, 2, 'first update refused as not a fast forward, second lands');
    assert.equal(git(repo, 'log', '-1', '--format=%s', `${BRANCH}~1`), 'registry: rival writer', 'the rival commit is kept, ours is on top');
    assert.equal(git(repo, 'show', `${BRANCH}:rival.txt`), 'rival');
    assert.equal(JSON.parse(git(repo, 'show', `${BRANCH}:models/churn/index.json`)).stages.production.version, 1);
  } finally {
    await server.close();
  }
});

test('through the GitHub API too, a registry branch that does not exist yet is "absent" (first model), not an error', async () => {
  const repo = bareRepo();
  const server = await startGitDataServer(repo);
  try {
    const env = { MLOPS_REGISTRY_BACKEND: 'github', GITHUB_REPOSITORY: 'acme/churn', GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.url };
    const found = await resolveRegistryBaseline('registry:churn#production', { cwd: tempDir(), env });
    assert.deepEqual(found, { absent: 'the registry branch does not exist yet' });
    await assert.rejects(
      resolveRegistryRef('registry:churn#production', { cwd: tempDir(), env }),
      /registry:churn#production: no model named "churn" in the registry/,
    );
    await assert.rejects(resolveRegistryBaseline('registry:churn#prod', { cwd: tempDir(), env }), /unknown stage "prod"/);
  } finally {
    await server.close();
  }
});
