import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { MlopsError, errorMessage } from './errors.ts';

/**
 * Packages the bundles leave external because they are native or load files at run time.
 * Pinned to the versions package.json declares (a test keeps them equal).
 */
export const RUNTIME_PACKAGES: Record<string, string> = {
  'onnxruntime-node': '1.30.0',
  '@tensorflow/tfjs': '4.22.0',
  '@tensorflow/tfjs-backend-wasm': '4.22.0',
};
export const GPU_PACKAGES: Record<string, string> = { '@tensorflow/tfjs-node-gpu': '4.22.0' };
const PINNED: Record<string, string> = { ...RUNTIME_PACKAGES, ...GPU_PACKAGES };

/** What each verb loads at run time beyond the bundle (the rest of the CLI needs nothing). */
export const RUNTIME_NEEDS: Record<string, string[]> = {
  train: ['onnxruntime-node', '@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'],
  // It trains again, as `train` does.
  reproduce: ['onnxruntime-node', '@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'],
  evaluate: ['onnxruntime-node'],
  serve: ['onnxruntime-node'],
  predict: ['onnxruntime-node'],
};

/** Records, inside node_modules, every runtime package installed there so far (see installedBefore). */
const MANIFEST = '.mlops-runtime.json';

/** An npm install that has not finished by then is killed: a runner without network must fail, not hang. */
const DEFAULT_INSTALL_TIMEOUT_S = 600;

/** The pinned versions of `names`; on a GPU, training also gets tfjs-node-gpu. */
export function runtimeWanted(names: string[], gpu: boolean): Record<string, string> {
  const wanted: Record<string, string> = {};
  for (const name of names) wanted[name] = PINNED[name];
  if (gpu && names.includes('@tensorflow/tfjs')) Object.assign(wanted, GPU_PACKAGES);
  return wanted;
}

/** The packages of `wanted` that do not resolve from `fromDir` (as an import there would). */
export function missingPackages(wanted: Record<string, string>, fromDir: string): string[] {
  const require = createRequire(join(fromDir, 'noop.js'));
  return Object.keys(wanted).filter((name) => {
    try {
      // Node caches resolutions per process; a tree removed since (a broken restore) must count as missing.
      return !existsSync(require.resolve(name));
    } catch {
      return true;
    }
  });
}

/** The command that makes `verb`'s packages resolvable, as a user would type it. */
export function installCommand(verb: string, gpu: boolean): string {
  return `mlops runtime install --for ${verb}${gpu ? ' --gpu' : ''}`;
}

/**
 * Checked before a verb starts work: the message naming the missing native packages and the
 * exact command that installs them, or undefined when everything resolves.
 */
export function missingRuntimeMessage(verb: string, bundleDir: string, env: NodeJS.ProcessEnv): string | undefined {
  const names = RUNTIME_NEEDS[verb];
  if (!names) return undefined;
  const missing = missingPackages(runtimeWanted(names, false), bundleDir);
  if (missing.length === 0) return undefined;
  return `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not installed next to this mlops (${bundleDir}): run \`${installCommand(verb, env.MLOPS_GPU === '1')}\` first`;
}

/**
 * Every runtime package already in `prefix`/node_modules (from the manifest, or found on disk
 * from an older install), so a new install keeps them: npm prunes whatever a `--no-save`
 * install does not name.
 */
export function installedBefore(prefix: string): Record<string, string> {
  const modules = join(prefix, 'node_modules');
  const out: Record<string, string> = {};
  try {
    const manifest = JSON.parse(readFileSync(join(modules, MANIFEST), 'utf8')) as { packages?: Record<string, string> };
    for (const [name, version] of Object.entries(manifest.packages ?? {})) if (typeof version === 'string') out[name] = PINNED[name] ?? version;
  } catch {
    // No manifest yet: only what is on disk counts.
  }
  for (const name of Object.keys(PINNED)) if (existsSync(join(modules, name, 'package.json'))) out[name] = PINNED[name];
  return out;
}

/** Cache key of a runtime tree: what is in it and what it was built for (native ABI, GPU build). */
export function runtimeCacheKey(
  packages: Record<string, string>,
  gpu: boolean,
  target = { platform: process.platform, arch: process.arch, abi: process.versions.modules },
): string {
  const specs = Object.entries(packages)
    .map(([n, v]) => `${n}@${v}`)
    .sort()
    .join(' ');
  const digest = createHash('sha256').update(specs).digest('hex').slice(0, 16);
  return `mlops-runtime-${target.platform}-${target.arch}-abi${target.abi}-${gpu ? 'gpu' : 'cpu'}-${digest}`;
}

export interface InstallOptions {
  gpu: boolean;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Seconds before npm is killed (default MLOPS_RUNTIME_INSTALL_TIMEOUT, else 600). */
  timeoutSeconds?: number;
  /** The npm executable (tests point it elsewhere). */
  npm?: string;
}

const quote = (s: string) => (/^[\w@./:=+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * `npm install --no-save` of `packages` (name → version) into `prefix/node_modules`, which
 * bundles under `prefix` resolve, then records them in the manifest. onnxruntime-node fetches
 * its CUDA provider only when `gpu` is set (ONNXRUNTIME_NODE_INSTALL=cuda12); otherwise its
 * bundled CPU binaries are all it needs. Bounded: npm's own retries are capped and the whole
 * install is killed after the timeout; a failure names the exact command to run by hand.
 */
export async function installPackages(packages: Record<string, string>, prefix: string, options: InstallOptions): Promise<void> {
  const specs = Object.entries(packages).map(([n, v]) => `${n}@${v}`);
  if (specs.length === 0) return;
  const timeoutSeconds = options.timeoutSeconds ?? (Number(options.env.MLOPS_RUNTIME_INSTALL_TIMEOUT) || DEFAULT_INSTALL_TIMEOUT_S);
  const installArgs = ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, ...specs];
  const args = [...installArgs, '--fetch-timeout=30000', '--fetch-retries=1', '--fetch-retry-maxtimeout=10000'];
  const env: NodeJS.ProcessEnv = { ...options.env, ONNXRUNTIME_NODE_INSTALL: options.gpu ? 'cuda12' : 'skip' };
  // npm keeps its cache under HOME; a job without HOME gets a temporary one instead of an error.
  if (!env.HOME && !env.npm_config_cache) env.npm_config_cache = join(tmpdir(), 'mlops-npm-cache');
  options.log(`installing ${specs.join(' ')} into ${prefix}/node_modules`);
  const npm = options.npm ?? (process.platform === 'win32' ? 'npm.cmd' : 'npm');
  const outcome = await new Promise<{ code: number; timedOut: boolean; spawnError?: string }>((resolve) => {
    const child = spawn(npm, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutSeconds * 1000);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: 127, timedOut, spawnError: errorMessage(err) });
    });
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve({ code: c ?? 1, timedOut });
    });
  });
  if (outcome.code !== 0 || outcome.timedOut) {
    const why = outcome.timedOut
      ? `did not finish within ${timeoutSeconds} s (no network to the npm registry?)`
      : outcome.spawnError
        ? `could not start npm (${outcome.spawnError})`
        : `failed (exit ${outcome.code})`;
    throw new MlopsError(`npm install of ${specs.join(' ')} ${why}; where the npm registry is reachable, run: npm ${installArgs.map(quote).join(' ')}`);
  }
  const manifest = join(prefix, 'node_modules', MANIFEST);
  mkdirSync(join(prefix, 'node_modules'), { recursive: true });
  writeFileSync(manifest + '.tmp', JSON.stringify({ packages: { ...installedBefore(prefix), ...packages } }, null, 2) + '\n');
  renameSync(manifest + '.tmp', manifest);
}

/** Precedes the load check's verdict on its stdout. */
const LOAD_CHECK_MARK = 'mlops-load-check:';

/**
 * The packages of `names` that fail to load from `fromDir`, each with the first line of its
 * error. Loaded in a child process, so a broken native binding cannot take this one down and
 * a later, good copy is not shadowed by a cached failure. The wasm backend is also started,
 * because it reads its .wasm binaries only then: a tree missing them loads but cannot train.
 */
export async function loadFailures(names: string[], fromDir: string, timeoutSeconds = 120): Promise<string[]> {
  const script = `const { createRequire } = require('node:module');
const [dir, ...names] = process.argv.slice(1);
const r = createRequire(require('node:path').join(dir, 'noop.js'));
const bad = [];
const first = (e) => String((e && e.message) || e).split('\\n')[0];
(async () => {
  for (const n of names) { try { r(n); } catch (e) { bad.push(n + ': ' + first(e)); } }
  if (names.includes('@tensorflow/tfjs-backend-wasm') && bad.length === 0) {
    try {
      const tf = r('@tensorflow/tfjs');
      if (!(await tf.setBackend('wasm'))) throw new Error('setBackend returned false');
    } catch (e) { bad.push('@tensorflow/tfjs-backend-wasm: the wasm backend does not start: ' + first(e)); }
  }
  process.stdout.write('\\n${LOAD_CHECK_MARK}' + JSON.stringify(bad));
})();`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script, fromDir, ...names], { stdio: ['ignore', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutSeconds * 1000);
    child.on('close', () => {
      clearTimeout(timer);
      // tfjs writes its own advice to stdout; the verdict is what follows the mark.
      const text = Buffer.concat(out).toString();
      const at = text.lastIndexOf(LOAD_CHECK_MARK);
      try {
        if (at < 0) throw new Error('no verdict');
        resolve(JSON.parse(text.slice(at + LOAD_CHECK_MARK.length)) as string[]);
      } catch {
        resolve(names.map((n) => `${n}: the load check did not finish`));
      }
    });
  });
}

/** Files nothing loads at run time: source maps (195 MB of train's tree) and type declarations. */
const UNUSED_AT_RUN_TIME = /\.(js\.map|mjs\.map|cjs\.map|d\.ts|d\.mts|d\.cts)$/;

/**
 * Browser polyfills that @tensorflow/tfjs depends on only for its `index_with_polyfills.js`
 * browser entry: Node never loads them (tracing `require` of tfjs and the wasm backend loads
 * only each package's `main`, long and seedrandom), and core-js alone is 3,300 of the tree's
 * 6,100 files, which is what a restore spends its time unpacking.
 */
const BROWSER_ONLY_PACKAGES = ['core-js', 'regenerator-runtime'];

/**
 * In each @tensorflow package, what Node loads: the `main` bundle (one file holding the whole
 * package) and the wasm binaries the wasm backend reads beside it. The rest of dist/ is the same
 * code again for bundlers and browsers (ES modules file by file, es2017/fesm/min bundles,
 * miniprogram builds, tools).
 */
function pruneTensorflowDist(modulesDir: string, removed: string[]): void {
  const scope = join(modulesDir, '@tensorflow');
  if (!existsSync(scope)) return;
  for (const name of readdirSync(scope)) {
    const dir = join(scope, name);
    let main: string;
    try {
      main = join(dir, (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { main?: string }).main ?? 'index.js');
    } catch {
      continue;
    }
    const dist = join(dir, 'dist');
    // A native package (tfjs-node) keeps its binding under lib/ and deps/, never pruned; its dist/
    // holds the JS that loads it, kept too.
    if (!existsSync(dist) || !main.startsWith(dist + '/') || existsSync(join(dir, 'lib'))) continue;
    for (const entry of readdirSync(dist, { withFileTypes: true })) {
      const path = join(dist, entry.name);
      if (path === main || (entry.isFile() && entry.name.endsWith('.wasm'))) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(relative(modulesDir, path));
    }
  }
}

/**
 * Slims a tree about to be cached, so every later restore downloads and unpacks less: removes
 * onnxruntime-node's binaries for other platforms and CPUs (245 of its 288 MB; the cache key names
 * the platform and CPU, so they are never loaded there), the @tensorflow packages' browser and
 * bundler copies, browser-only polyfills and files nothing loads at run time. Returns the removed
 * paths, relative to `modulesDir`. The caller load-checks the result before caching it.
 */
export function pruneForCache(modulesDir: string, target = { platform: process.platform, arch: process.arch }): string[] {
  const removed: string[] = [];
  const bin = join(modulesDir, 'onnxruntime-node', 'bin');
  if (existsSync(bin)) {
    for (const napi of readdirSync(bin)) {
      for (const platform of readdirSync(join(bin, napi))) {
        const dir = join(bin, napi, platform);
        if (platform !== target.platform) {
          rmSync(dir, { recursive: true, force: true });
          removed.push(join('onnxruntime-node', 'bin', napi, platform));
          continue;
        }
        for (const arch of readdirSync(dir)) {
          if (arch === target.arch) continue;
          rmSync(join(dir, arch), { recursive: true, force: true });
          removed.push(join('onnxruntime-node', 'bin', napi, platform, arch));
        }
      }
    }
  }
  pruneTensorflowDist(modulesDir, removed);
  for (const name of BROWSER_ONLY_PACKAGES) {
    if (!existsSync(join(modulesDir, name))) continue;
    rmSync(join(modulesDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  if (existsSync(modulesDir)) {
    for (const entry of readdirSync(modulesDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !UNUSED_AT_RUN_TIME.test(entry.name)) continue;
      const file = join(entry.parentPath, entry.name);
      rmSync(file);
      removed.push(relative(modulesDir, file));
    }
  }
  return removed;
}

/** Where a runtime tree can be kept between fresh machines (the Actions cache in src/github). */
export interface RuntimeCache {
  restore(paths: string[], key: string): Promise<boolean>;
  save(paths: string[], key: string): Promise<boolean>;
}

export interface EnsureOptions extends InstallOptions {
  /** false: fail instead of installing (the actions' install-runtime input). */
  install?: boolean;
  /** The verb, for the command a failure suggests. */
  verb?: string;
  /** Load the packages even when they resolve (a tree restored by someone else) and reinstall broken ones. */
  verify?: boolean;
  cache?: RuntimeCache;
}

export interface EnsureResult {
  /** The packages of the request that were missing and are now in place. */
  installed: string[];
  from: 'present' | 'cache' | 'npm';
  cacheKey?: string;
}

/** What an install for `names` puts into `prefix`/node_modules (everything there before, plus them) and its cache key. */
export function runtimePlan(names: string[], prefix: string, gpu: boolean): { packages: Record<string, string>; key: string; path: string } {
  const packages = { ...installedBefore(prefix), ...runtimeWanted(names, gpu) };
  return { packages, key: runtimeCacheKey(packages, gpu), path: join(prefix, 'node_modules') };
}

/** The problems of a tree that should hold `packages`: unresolvable or failing to load. */
async function brokenPackages(packages: Record<string, string>, bundleDir: string): Promise<string[]> {
  const unresolved = missingPackages(packages, bundleDir).map((n) => `${n}: missing`);
  return unresolved.length > 0 ? unresolved : loadFailures(Object.keys(packages), bundleDir);
}

/**
 * Makes `names` resolvable from `bundleDir`, installing into `prefix`/node_modules what is
 * missing. The install is additive: everything installed there before is installed again with
 * the new packages, so npm never prunes another verb's packages. With a cache, a tree keyed by
 * its exact contents and target is restored first; a restored tree (or, with `verify`, one found
 * in place) that fails to load is thrown away and reinstalled, never used, and a fresh install
 * that loads is saved for the next machine.
 */
export async function ensureRuntimePackages(names: string[], bundleDir: string, prefix: string, options: EnsureOptions): Promise<EnsureResult> {
  const wanted = runtimeWanted(names, options.gpu);
  const missing = missingPackages(wanted, bundleDir);
  const plan = runtimePlan(names, prefix, options.gpu);
  const discard = (broken: string[], what: string) => {
    options.log(`${what} do not load (${broken.join('; ')}): removing them and installing with npm`);
    rmSync(plan.path, { recursive: true, force: true });
  };
  if (missing.length === 0) {
    if (names.length === 0 || !options.verify) return { installed: [], from: 'present' };
    const broken = await brokenPackages(wanted, bundleDir);
    if (broken.length === 0) return { installed: [], from: 'present' };
    discard(broken, `the runtime packages in ${plan.path}`);
  } else if (options.install === false) {
    throw new MlopsError(
      `missing runtime packages ${missing.join(', ')} and installing them is turned off${options.verb ? `: run \`${installCommand(options.verb, options.gpu)}\`` : ''}`,
    );
  } else if (options.cache && (await options.cache.restore([plan.path], plan.key))) {
    const broken = await brokenPackages(plan.packages, bundleDir);
    if (broken.length === 0) {
      options.log(`restored ${Object.keys(plan.packages).join(', ')} from the cache (${plan.key})`);
      return { installed: missing, from: 'cache', cacheKey: plan.key };
    }
    discard(broken, `the cached runtime packages (${plan.key})`);
  }
  await installPackages(plan.packages, prefix, options);
  const still = missingPackages(wanted, bundleDir);
  if (still.length > 0)
    throw new MlopsError(`npm installed ${still.join(', ')} into ${plan.path} but ${bundleDir} does not resolve ${still.length === 1 ? 'it' : 'them'}`);
  if (options.cache) {
    const broken = await loadFailures(Object.keys(plan.packages), bundleDir);
    if (broken.length > 0) options.log(`not caching the runtime packages: ${broken.join('; ')}`);
    else {
      // What is cached is what every later job gets: prune, then prove the pruned tree still
      // loads before saving it. A prune that broke it costs this job a reinstall, never a
      // later job a broken tree.
      pruneForCache(plan.path);
      const pruned = await brokenPackages(plan.packages, bundleDir);
      if (pruned.length > 0) {
        discard(pruned, 'the pruned runtime packages');
        await installPackages(plan.packages, prefix, options);
        options.log('not caching the runtime packages: the pruned tree did not load');
      } else if (await options.cache.save([plan.path], plan.key)) options.log(`saved ${Object.keys(plan.packages).join(', ')} to the cache (${plan.key})`);
    }
  }
  return { installed: missing.length ? missing : Object.keys(wanted), from: 'npm', cacheKey: options.cache ? plan.key : undefined };
}
