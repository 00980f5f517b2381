import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ServingManifestSchema, sha256 } from '../../src/serve/model-source.ts';
import { lockSubset } from '../../src/serve/lockfile.ts';
import { demoModelWithLineage } from './demo-lineage.ts';
import { cli, tempDir } from '../helpers.ts';
import { call, predict } from './http.ts';
import { startServerProcess } from './process.ts';

/** Dockerfile instructions with continuation lines joined and comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
      const [op, ...rest] = l.trim().split(/\s+/);
      return { op, args: rest.join(' ') };
    });
}

/** KEY=VALUE or KEY="VALUE" pairs of an ENV or LABEL instruction. */
function pairs(args: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of args.matchAll(/([\w.-]+)=("(?:[^"\\]|\\.)*"|\S+)/g)) out[m[1]] = m[2].startsWith('"') ? JSON.parse(m[2]) : m[2];
  return out;
}

async function demoModel() {
  const { modelFile, bytes } = await demoModelWithLineage(tempDir(), {
    metrics: { auc: 0.83 },
    data: { fingerprint: 'sha256:' + 'ab'.repeat(32), files: [], rows: 4000 },
    source: { commit: 'c0ffee1234567890c0ffee1234567890c0ffee12', repository: 'acme/churn', run_url: 'https://github.com/acme/churn/actions/runs/9' },
    duration_s: 12,
  });
  return { modelFile, bytes };
}

const REGISTRY_COMMIT = 'feed'.repeat(10);

/** One context shared by the tests that only read or run it: bundling the server is the slow part. */
let built: Promise<{ out: string; bytes: Buffer; r: Awaited<ReturnType<typeof cli>> }> | undefined;
function builtContext() {
  built ??= (async () => {
    const { modelFile, bytes } = await demoModel();
    const out = join(tempDir(), 'ctx');
    const r = await cli(['build-context', '--model', modelFile, '--name', 'churn', '--model-version', '3', '--registry-commit', REGISTRY_COMMIT, '--out', out]);
    return { out, bytes, r };
  })();
  return built;
}

test('build-context writes a reviewable Dockerfile, pinned dependencies, the server and the model with lineage labels', { timeout: 30_000 }, async () => {
  const { out, bytes, r } = await builtContext();
  const registryCommit = REGISTRY_COMMIT;
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.deepEqual(result.files, [
    '.dockerignore',
    '.npmrc',
    'Dockerfile',
    'healthcheck.mjs',
    'model/model.onnx',
    'model/serving.json',
    'package-lock.json',
    'package.json',
    'server.mjs',
  ]);
  assert.deepEqual(readFileSync(join(out, 'model/model.onnx')), bytes);

  const steps = instructions(readFileSync(join(out, 'Dockerfile'), 'utf8'));
  assert.deepEqual(
    steps.map((s) => s.op),
    ['FROM', 'ENV', 'WORKDIR', 'COPY', 'RUN', 'COPY', 'COPY', 'USER', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'CMD'],
  );
  const step = (op: string) => steps.filter((s) => s.op === op);
  assert.match(step('FROM')[0].args, /^node:24-bookworm-slim@sha256:[0-9a-f]{64}$/);
  assert.deepEqual(pairs(step('ENV')[0].args), { NODE_ENV: 'production', MLOPS_MODEL: 'model/model.onnx', MLOPS_HOST: '0.0.0.0', MLOPS_PORT: '8080' });
  assert.match(step('RUN')[0].args, /^npm ci --omit=dev --ignore-scripts /);
  assert.equal(step('USER')[0].args, '1000:1000');
  assert.ok(steps.findIndex((s) => s.op === 'USER') > steps.findIndex((s) => s.op === 'RUN'), 'installs as root, runs as 1000');
  assert.equal(step('EXPOSE')[0].args, '8080');
  assert.match(step('HEALTHCHECK')[0].args, /--interval=\d+s .*CMD \["node", "healthcheck\.mjs"\]$/);
  assert.equal(step('CMD')[0].args, '["node", "--disable-warning=DEP0005", "server.mjs"]');
  const labels = pairs(step('LABEL')[0].args);
  assert.deepEqual(labels, result.labels);
  assert.equal(labels['io.mlops.model.name'], 'churn');
  assert.equal(labels['io.mlops.model.version'], '3');
  assert.equal(labels['io.mlops.model.sha256'], sha256(bytes));
  assert.equal(labels['io.mlops.source.commit'], 'c0ffee1234567890c0ffee1234567890c0ffee12');
  assert.equal(labels['org.opencontainers.image.revision'], 'c0ffee1234567890c0ffee1234567890c0ffee12');
  assert.equal(labels['org.opencontainers.image.source'], 'https://github.com/acme/churn');
  assert.equal(labels['io.mlops.data.fingerprint'], 'sha256:' + 'ab'.repeat(32));
  assert.equal(labels['io.mlops.registry.commit'], registryCommit);
  assert.equal(labels['io.mlops.training.run'], 'https://github.com/acme/churn/actions/runs/9');

  const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'));
  const ours = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  assert.deepEqual(pkg.dependencies, { 'onnxruntime-node': ours.packages['node_modules/onnxruntime-node'].version });
  const lock = JSON.parse(readFileSync(join(out, 'package-lock.json'), 'utf8'));
  assert.equal(lock.packages['node_modules/onnxruntime-node'].integrity, ours.packages['node_modules/onnxruntime-node'].integrity);
  assert.ok(lock.packages['node_modules/onnxruntime-common'], 'transitive dependencies are locked too');
  assert.equal(lock.packages['node_modules/prom-client'], undefined, 'bundled code is not installed');
  assert.match(readFileSync(join(out, '.npmrc'), 'utf8'), /^ignore-scripts=true$/m);

  const manifest = ServingManifestSchema.parse(JSON.parse(readFileSync(join(out, 'model/serving.json'), 'utf8')));
  assert.equal(manifest.lineage.registry_commit, registryCommit);
  assert.deepEqual(manifest.lineage.metrics, { auc: 0.83 });
  const server = readFileSync(join(out, 'server.mjs'), 'utf8');
  assert.match(server, /from "onnxruntime-node"|import\("onnxruntime-node"\)/, 'onnxruntime-node stays external');
  assert.doesNotMatch(server, /octokit|simple-git|@tensorflow/, 'the registry and training code are not in the image');
});

test('the context serves with node exactly as its CMD and HEALTHCHECK run', { timeout: 30_000 }, async () => {
  const { out, r } = await builtContext();
  assert.equal(r.code, 0, r.stderr);
  const steps = instructions(readFileSync(join(out, 'Dockerfile'), 'utf8'));
  const cmd: string[] = JSON.parse(steps.find((s) => s.op === 'CMD')!.args);
  const env = pairs(steps.find((s) => s.op === 'ENV')!.args);
  // The image gets node_modules from `npm ci`; here the repository's installed onnxruntime-node stands in.
  symlinkSync(resolve('node_modules'), join(out, 'node_modules'), 'dir');
  assert.equal(cmd[0], 'node');
  const server = await startServerProcess(cmd.slice(1), { cwd: out, env: { ...env, MLOPS_HOST: '127.0.0.1', MLOPS_PORT: '0' } });
  try {
    const meta = (await call(`${server.url}/metadata`)).json;
    assert.equal(meta.name, 'churn');
    assert.equal(meta.version, '3');
    assert.equal(meta.lineage.source_commit, 'c0ffee1234567890c0ffee1234567890c0ffee12');
    const reply = await predict(server.url, {
      instances: [
        {
          age: 41,
          tenure_months: 5,
          monthly_charges: 80.5,
          total_charges: 402.5,
          support_calls: 3,
          has_partner: false,
          plan: 'basic',
          contract: 'month-to-month',
          region: 'east',
        },
      ],
    });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.json.probabilities[0].length, 2);
    const port = new URL(server.url).port;
    const health = JSON.parse(steps.find((s) => s.op === 'HEALTHCHECK')!.args.replace(/^.*CMD /, ''));
    const check = spawnSync(health[0] === 'node' ? process.execPath : health[0], health.slice(1), {
      cwd: out,
      env: { ...process.env, ...env, MLOPS_PORT: port },
    });
    assert.equal(check.status, 0, String(check.stderr));
  } finally {
    assert.equal(await server.stop(), 0);
  }
  const down = spawnSync(process.execPath, ['healthcheck.mjs'], { cwd: out, env: { ...process.env, MLOPS_PORT: new URL(server.url).port } });
  assert.equal(down.status, 1, 'the healthcheck fails when nothing answers');
});

test('build-context refuses a non-empty folder, an unpinned base image and bad names', async () => {
  const { modelFile } = await demoModel();
  const used = tempDir();
  writeFileSync(join(used, 'keep.txt'), 'x');
  const notEmpty = await cli(['build-context', '--model', modelFile, '--out', used]);
  assert.equal(notEmpty.code, 2);
  assert.match(notEmpty.stderr, /is not empty/);
  const unpinned = await cli(['build-context', '--model', modelFile, '--out', join(tempDir(), 'c'), '--base-image', 'node:20-slim']);
  assert.match(unpinned.stderr, /--base-image must be pinned by digest/);
  const badName = await cli(['build-context', '--model', modelFile, '--out', join(tempDir(), 'c'), '--name', 'Churn Model']);
  assert.match(badName.stderr, /--name must be lowercase/);
  const missing = await cli(['build-context', '--out', join(tempDir(), 'c')]);
  assert.match(missing.stderr, /--model is required/);
});

test('lockSubset follows Node resolution: nested copies win over hoisted ones', () => {
  const lock = {
    lockfileVersion: 3,
    packages: {
      '': { name: 'root' },
      'node_modules/a': { version: '1.0.0', integrity: 'sha512-a', dependencies: { b: '^2', c: '^1' } },
      'node_modules/a/node_modules/b': { version: '2.0.0', dependencies: { c: '^1' } },
      'node_modules/b': { version: '1.0.0', dev: true },
      'node_modules/c': { version: '1.5.0', dev: true, optionalDependencies: { d: '*' } },
      'node_modules/unrelated': { version: '9.9.9' },
    },
  };
  const { packageJson, lockfile } = lockSubset(lock, ['a'], { name: 'x', version: '1.0.0' });
  assert.deepEqual((packageJson as { dependencies: object }).dependencies, { a: '1.0.0' });
  assert.deepEqual(Object.keys((lockfile as { packages: object }).packages), ['', 'node_modules/a', 'node_modules/a/node_modules/b', 'node_modules/c']);
  assert.deepEqual((lockfile as { packages: Record<string, object> }).packages['node_modules/c'], { version: '1.5.0', optionalDependencies: { d: '*' } });
  assert.throws(
    () => lockSubset({ lockfileVersion: 3, packages: { 'node_modules/a': { dependencies: { gone: '1' } } } }, ['a'], { name: 'x', version: '1' }),
    /no entry for gone/,
  );
});
