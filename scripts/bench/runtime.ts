// Runtime packages on a fresh runner: npm install of train's pinned packages (onnxruntime-node,
// @tensorflow/tfjs, tfjs-backend-wasm) next to a bundle versus restoring the same tree from the
// Actions cache (a local server answering like the cache service, test/actions-services.ts),
// including the load check that rejects a corrupt restore. npm's own cache is warm after the
// first install, as on the measurement; a cold hosted runner also pays the download.
// Needs the npm registry. Usage: node --import tsx scripts/bench/runtime.ts [--repeat 3]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { actionsRuntimeCache } from '../../src/github/artifacts.ts';
import { ensureRuntimePackages, loadFailures, RUNTIME_NEEDS } from '../../src/util/runtime-packages.ts';
import { startActionsServices } from '../../test/actions-services.ts';

const { values } = parseArgs({ options: { repeat: { type: 'string', default: '3' } } });
const REPEAT = Number(values.repeat);
const services = await startActionsServices();
const root = mkdtempSync(join(tmpdir(), 'mlops-bench-runtime-'));
Object.assign(process.env, services.env, { GITHUB_WORKSPACE: root, RUNNER_TEMP: root });
const prefix = join(root, 'dist');
const names = RUNTIME_NEEDS.train;
const quiet = { gpu: false, env: process.env, log: () => {} };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const du = (dir: string) => Number(execFileSync('du', ['-sm', dir]).toString().split('\t')[0]);
// Removing a 600 MB tree leaves its deletion to be written back while the next phase runs; each
// timed phase starts on a settled disk instead, as on a fresh runner.
const emptyModules = () => {
  rmSync(join(prefix, 'node_modules'), { recursive: true, force: true });
  execFileSync('sync');
};

// Warm npm's cache once; then npm installs and cache restores alternate on an empty node_modules.
await ensureRuntimePackages(names, prefix, prefix, quiet);
const npm: number[] = [];
const restore: number[] = [];
const check: number[] = [];
let savedMb = 0;
for (let i = 0; i < REPEAT; i++) {
  emptyModules();
  let t0 = performance.now();
  await ensureRuntimePackages(names, prefix, prefix, quiet);
  npm.push(performance.now() - t0);
  const installedMb = du(join(prefix, 'node_modules'));
  if (i === 0) {
    // The first save: what every later job restores.
    emptyModules();
    const saved = await ensureRuntimePackages(names, prefix, prefix, { ...quiet, cache: actionsRuntimeCache });
    if (saved.from !== 'npm') throw new Error(`expected a cache miss, got ${saved.from}`);
    savedMb = [...services.caches.values()][0].length / 2 ** 20;
    console.log(
      `npm tree ${installedMb} MB; cached archive ${savedMb.toFixed(0)} MB (other platforms' onnxruntime binaries, tfjs browser builds, browser polyfills, source maps and .d.ts pruned)`,
    );
  }
  emptyModules();
  t0 = performance.now();
  const r = await ensureRuntimePackages(names, prefix, prefix, { ...quiet, cache: actionsRuntimeCache });
  restore.push(performance.now() - t0);
  if (r.from !== 'cache') throw new Error(`expected a cache hit, got ${r.from}`);
  t0 = performance.now();
  if ((await loadFailures(names, prefix)).length > 0) throw new Error('restored tree does not load');
  check.push(performance.now() - t0);
}
await services.close();
rmSync(root, { recursive: true, force: true });

const f = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`\nruntime packages for train (${names.join(', ')}), median of ${REPEAT}\n`);
console.log('| how | time |');
console.log('| --- | ---: |');
console.log(`| npm install (warm npm cache) | ${f(median(npm))} |`);
console.log(`| Actions cache restore + load check (local cache server) | ${f(median(restore))} |`);
console.log(`| of which the load check alone | ${f(median(check))} |`);
console.log(`| restore / npm | ${(median(restore) / median(npm)).toFixed(2)}x |`);
