import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MlopsError } from '../../src/util/errors.ts';
import {
  ensureRuntimePackages,
  installedBefore,
  loadFailures,
  missingPackages,
  RUNTIME_NEEDS,
  RUNTIME_PACKAGES,
  runtimeCacheKey,
  type EnsureOptions,
} from '../../src/util/runtime-packages.ts';
import { actionsRuntimeCache } from '../../src/github/artifacts.ts';
import { startActionsServices } from '../actions-services.ts';
import { startBlackHole, startNpmRegistry } from '../npm-registry.ts';
import { tempDir } from '../helpers.ts';

// Tiny stand-ins under the pinned names and versions, served by a local registry: real npm
// installs them, so its pruning is the real thing.
// The fake tfjs starts the wasm backend, as the load check asks of a tree that has it.
const fakes = Object.entries(RUNTIME_PACKAGES).map(([name, version]) =>
  name === '@tensorflow/tfjs' ? { name, version, main: "module.exports = { setBackend: async (b) => b === 'wasm' };\n" } : { name, version },
);
const registry = await startNpmRegistry(fakes);
const npmCache = tempDir('mlops-npm-cache-');
after(() => registry.close());

const options = (log: string[] = []): EnsureOptions => ({ gpu: false, env: registry.env(npmCache), log: (l) => log.push(l) });
const tarballsFetched = () => registry.requests.filter((r) => r.endsWith('.tgz')).length;

test('runtime install is additive: --for train after --for evaluate keeps onnxruntime-node', { timeout: 120_000 }, async () => {
  const prefix = tempDir();
  const evaluate = await ensureRuntimePackages(RUNTIME_NEEDS.evaluate, prefix, prefix, options());
  assert.deepEqual(evaluate, { installed: ['onnxruntime-node'], from: 'npm', cacheKey: undefined });
  assert.deepEqual(missingPackages(RUNTIME_PACKAGES, prefix), ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm']);

  const train = await ensureRuntimePackages(RUNTIME_NEEDS.train, prefix, prefix, options());
  assert.deepEqual(train.installed, ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'], 'only the missing ones are reported');
  assert.deepEqual(missingPackages(RUNTIME_PACKAGES, prefix), [], 'npm pruned nothing');
  assert.deepEqual(installedBefore(prefix), RUNTIME_PACKAGES, 'the manifest lists the union');

  // And the other way round: evaluate after train neither installs nor removes anything.
  const fetched = tarballsFetched();
  const again = await ensureRuntimePackages(RUNTIME_NEEDS.evaluate, prefix, prefix, options());
  assert.deepEqual(again, { installed: [], from: 'present' });
  assert.equal(tarballsFetched(), fetched);
  assert.deepEqual(missingPackages(RUNTIME_PACKAGES, prefix), []);
});

test('a package on disk from an install made before the manifest existed is kept too', { timeout: 120_000 }, async () => {
  const prefix = tempDir();
  await ensureRuntimePackages(RUNTIME_NEEDS.evaluate, prefix, prefix, options());
  rmSync(join(prefix, 'node_modules', '.mlops-runtime.json'));
  await ensureRuntimePackages(RUNTIME_NEEDS.train, prefix, prefix, options());
  assert.deepEqual(missingPackages(RUNTIME_PACKAGES, prefix), []);
});

test('--verify reinstalls a package that resolves but fails to load', { timeout: 120_000 }, async () => {
  const prefix = tempDir();
  await ensureRuntimePackages(RUNTIME_NEEDS.evaluate, prefix, prefix, options());
  writeFileSync(join(prefix, 'node_modules', 'onnxruntime-node', 'index.js'), "throw new Error('truncated binding');\n");
  assert.deepEqual(await loadFailures(['onnxruntime-node'], prefix), ['onnxruntime-node: truncated binding']);
  const log: string[] = [];
  assert.equal(
    (await ensureRuntimePackages(RUNTIME_NEEDS.evaluate, prefix, prefix, options(log))).from,
    'present',
    'without --verify only resolution is checked',
  );
  const fixed = await ensureRuntimePackages(RUNTIME_NEEDS.evaluate, prefix, prefix, { ...options(log), verify: true });
  assert.equal(fixed.from, 'npm');
  assert.match(log.join('\n'), /do not load \(onnxruntime-node: truncated binding\)/);
  assert.deepEqual(await loadFailures(['onnxruntime-node'], prefix), []);
});

test('the load check starts the wasm backend: a tree whose backend cannot start is broken', { timeout: 120_000 }, async () => {
  const prefix = tempDir();
  await ensureRuntimePackages(RUNTIME_NEEDS.train, prefix, prefix, options());
  assert.deepEqual(await loadFailures(RUNTIME_NEEDS.train, prefix), []);
  // As when the .wasm binaries are missing: tfjs loads, setBackend('wasm') reports false.
  writeFileSync(join(prefix, 'node_modules', '@tensorflow', 'tfjs', 'index.js'), 'module.exports = { setBackend: async () => false };\n');
  assert.deepEqual(await loadFailures(RUNTIME_NEEDS.train, prefix), [
    '@tensorflow/tfjs-backend-wasm: the wasm backend does not start: setBackend returned false',
  ]);
  assert.deepEqual(await loadFailures(RUNTIME_NEEDS.evaluate, prefix), [], 'only a tree with the wasm backend is asked to start it');
});

test('runtime packages come from the Actions cache: miss → npm and save, hit → no npm, corrupt → reinstalled', { timeout: 180_000 }, async () => {
  const services = await startActionsServices();
  const saved = { ...process.env };
  // @actions/cache reads its service from the process environment.
  Object.assign(process.env, services.env, { GITHUB_WORKSPACE: tempDir(), RUNNER_TEMP: tempDir() });
  try {
    const prefix = tempDir();
    const key = runtimeCacheKey(RUNTIME_PACKAGES, false);
    assert.match(key, new RegExp(`^mlops-runtime-${process.platform}-${process.arch}-abi${process.versions.modules}-cpu-[0-9a-f]{16}$`));
    assert.notEqual(runtimeCacheKey(RUNTIME_PACKAGES, true), key, 'the GPU flag is in the key');
    assert.notEqual(runtimeCacheKey({ ...RUNTIME_PACKAGES, 'onnxruntime-node': '9.9.9' }, false), key, 'the pinned versions are in the key');
    assert.notEqual(runtimeCacheKey(RUNTIME_PACKAGES, false, { platform: process.platform, arch: process.arch, abi: '1' }), key, 'the Node ABI is in the key');
    const withCache = (log: string[] = []): EnsureOptions => ({ ...options(log), cache: actionsRuntimeCache });

    const first = await ensureRuntimePackages(RUNTIME_NEEDS.train, prefix, prefix, withCache());
    assert.equal(first.from, 'npm');
    assert.equal(first.cacheKey, key);
    assert.ok(services.caches.has(key), 'saved after a successful install');
    const lookups = services.requests.filter((r) => r.path === '/_apis/artifactcache/cache');
    assert.equal(lookups.length, 1);
    assert.equal(lookups[0].query.get('keys'), key);
    assert.ok(services.requests.some((r) => r.method === 'POST' && r.path === '/_apis/artifactcache/caches'));

    // A fresh machine: same path, nothing installed. The restore replaces npm entirely.
    rmSync(join(prefix, 'node_modules'), { recursive: true, force: true });
    const fetched = registry.requests.length;
    const second = await ensureRuntimePackages(RUNTIME_NEEDS.train, prefix, prefix, withCache());
    assert.equal(second.from, 'cache');
    assert.deepEqual(second.installed, RUNTIME_NEEDS.train);
    assert.equal(registry.requests.length, fetched, 'npm never ran');
    assert.deepEqual(await loadFailures(RUNTIME_NEEDS.train, prefix), []);

    // A cached tree that is broken (here: a package that throws on load) is never used.
    writeFileSync(join(prefix, 'node_modules', '@tensorflow', 'tfjs', 'index.js'), "throw new Error('bad archive');\n");
    services.caches.clear();
    assert.ok(await actionsRuntimeCache.save([join(prefix, 'node_modules')], key));
    rmSync(join(prefix, 'node_modules'), { recursive: true, force: true });
    const log: string[] = [];
    const third = await ensureRuntimePackages(RUNTIME_NEEDS.train, prefix, prefix, withCache(log));
    assert.equal(third.from, 'npm');
    assert.match(log.join('\n'), /the cached runtime packages \(mlops-runtime-.*\) do not load \(@tensorflow\/tfjs: bad archive\)/);
    assert.deepEqual(await loadFailures(RUNTIME_NEEDS.train, prefix), []);
    assert.ok(registry.requests.length > fetched, 'reinstalled from npm');
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    await services.close();
  }
});

test('no network: the install stops within its time limit and names the exact command', { timeout: 60_000 }, async () => {
  const hole = await startBlackHole();
  try {
    const prefix = tempDir();
    await assert.rejects(
      ensureRuntimePackages(RUNTIME_NEEDS.evaluate, prefix, prefix, {
        gpu: false,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_registry: hole.url, npm_config_cache: tempDir() },
        log: () => {},
        timeoutSeconds: 3,
      }),
      (err: Error) =>
        err instanceof MlopsError &&
        err.message.includes('did not finish within 3 s (no network to the npm registry?)') &&
        err.message.includes(`run: npm install --no-save --no-package-lock --no-audit --no-fund --prefix ${prefix} onnxruntime-node@1.30.0`),
    );
    assert.equal(existsSync(join(prefix, 'node_modules', 'onnxruntime-node')), false);
  } finally {
    await hole.close();
  }
});

test('without HOME the install still works (npm gets a temporary cache)', { timeout: 120_000 }, async () => {
  const prefix = tempDir();
  const env = { PATH: process.env.PATH, npm_config_registry: registry.url + '/' };
  const r = await ensureRuntimePackages(RUNTIME_NEEDS.evaluate, prefix, prefix, { gpu: false, env, log: () => {} });
  assert.equal(r.from, 'npm');
  assert.deepEqual(missingPackages({ 'onnxruntime-node': '1.30.0' }, prefix), []);
  assert.equal(JSON.parse(readFileSync(join(prefix, 'node_modules', '.mlops-runtime.json'), 'utf8')).packages['onnxruntime-node'], '1.30.0');
});

test('install-runtime off: a missing package fails with the command to run', async () => {
  const prefix = tempDir();
  await assert.rejects(
    ensureRuntimePackages(RUNTIME_NEEDS.predict, prefix, prefix, { ...options(), install: false, verb: 'predict' }),
    /missing runtime packages onnxruntime-node and installing them is turned off: run `mlops runtime install --for predict`/,
  );
});

before(() => assert.ok(fakes.length === 3));

test('a tree about to be cached keeps only what Node loads on this platform', async () => {
  const { mkdirSync } = await import('node:fs');
  const { pruneForCache } = await import('../../src/util/runtime-packages.ts');
  const modules = tempDir();
  for (const d of ['linux/x64', 'linux/arm64', 'darwin/arm64', 'win32/x64']) mkdirSync(join(modules, 'onnxruntime-node/bin/napi-v6', d), { recursive: true });
  const pkg = (name: string, main: string, files: string[]) => {
    for (const f of files) {
      mkdirSync(join(modules, name, f, '..'), { recursive: true });
      writeFileSync(join(modules, name, f), 'x');
    }
    writeFileSync(join(modules, name, 'package.json'), JSON.stringify({ name, main }));
  };
  pkg('@tensorflow/tfjs', 'dist/tf.node.js', [
    'dist/tf.node.js',
    'dist/tf.node.js.map',
    'dist/tf.min.js',
    'dist/index.js',
    'dist/miniprogram/index.js',
    'README.md',
  ]);
  pkg('@tensorflow/tfjs-backend-wasm', 'dist/tf-backend-wasm.node.js', ['dist/tf-backend-wasm.node.js', 'dist/tfjs-backend-wasm.wasm', 'dist/kernels/Add.js']);
  // A native build keeps everything: its JS loads the binding from lib/.
  pkg('@tensorflow/tfjs-node', 'dist/index.js', ['dist/index.js', 'dist/nodejs_kernel_backend.js', 'lib/napi-v8/tfjs_binding.node']);
  pkg('core-js', 'index.js', ['index.js', 'modules/es.array.at.js']);
  pkg('seedrandom', 'index.js', ['index.js', 'lib/alea.js', 'index.d.ts']);
  assert.deepEqual(pruneForCache(modules, { platform: 'linux', arch: 'x64' }).sort(), [
    '@tensorflow/tfjs-backend-wasm/dist/kernels',
    '@tensorflow/tfjs/dist/index.js',
    '@tensorflow/tfjs/dist/miniprogram',
    '@tensorflow/tfjs/dist/tf.min.js',
    '@tensorflow/tfjs/dist/tf.node.js.map',
    'core-js',
    'onnxruntime-node/bin/napi-v6/darwin',
    'onnxruntime-node/bin/napi-v6/linux/arm64',
    'onnxruntime-node/bin/napi-v6/win32',
    'seedrandom/index.d.ts',
  ]);
  for (const kept of [
    'onnxruntime-node/bin/napi-v6/linux/x64',
    '@tensorflow/tfjs/dist/tf.node.js',
    '@tensorflow/tfjs/README.md',
    '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm',
    '@tensorflow/tfjs-node/dist/nodejs_kernel_backend.js',
    'seedrandom/lib/alea.js',
  ])
    assert.ok(existsSync(join(modules, kept)), kept);
  assert.deepEqual(pruneForCache(join(tempDir(), 'none')), [], 'no tree: nothing to do');
});
