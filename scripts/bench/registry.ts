// Registry benchmark: cost of one `register` as history grows (10 vs 1,000 versions, cold and
// warm cache), and throughput of 20 concurrent writers against one bare repository versus the
// same 20 registrations made one after another.
// Usage: node --import tsx scripts/bench/registry.ts [--versions 1000] [--writers 20] [--repeat 5]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { paths } from '../../src/registry/format.ts';
import { BRANCH, seedModel, seedRegistry as seed } from './_registry-seed.ts';
import { openGitStore } from '../../src/registry/git-store.ts';
import { register, type RegistryContext } from '../../src/registry/operations.ts';

const { values } = parseArgs({
  options: { versions: { type: 'string', default: '1000' }, writers: { type: 'string', default: '20' }, repeat: { type: 'string', default: '5' } },
});
const BIG = Number(values.versions);
const SMALL = 10;
const WRITERS = Number(values.writers);
const REPEAT = Number(values.repeat);
const root = mkdtempSync(join(tmpdir(), 'mlops-bench-registry-'));
const { modelPath } = seedModel(root);

const ctxFor = (store: RegistryContext['store']): RegistryContext => ({ store, now: () => new Date(), actor: 'bench', run: {}, tags: false });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeRegister(remote: string, cacheDir?: string): Promise<number> {
  const t0 = performance.now();
  const store = await openGitStore({ remote, branch: BRANCH, ...(cacheDir ? { cacheDir } : {}) });
  await register(ctxFor(store), { name: 'churn', modelFile: modelPath, maxInlineBytes: 50 * 1024 * 1024, source: {} });
  await store.close();
  return performance.now() - t0;
}

async function registerTimes(n: number): Promise<{ cold: number; warm: number; seedMs: number }> {
  const t0 = performance.now();
  const remote = seed(root, n);
  const seedMs = performance.now() - t0;
  const cold: number[] = [];
  const warm: number[] = [];
  const cache = join(mkdtempSync(join(root, 'cache-')), 'repo.git');
  await timeRegister(remote, cache);
  for (let i = 0; i < REPEAT; i++) {
    cold.push(await timeRegister(remote));
    warm.push(await timeRegister(remote, cache));
  }
  return { cold: median(cold), warm: median(warm), seedMs };
}

async function writers(concurrent: boolean): Promise<{ ms: number; attempts: number }> {
  const remote = join(root, `writers-${concurrent ? 'concurrent' : 'sequential'}.git`);
  execFileSync('git', ['init', '--bare', '--quiet', remote]);
  const one = async () => {
    const store = await openGitStore({ remote, branch: BRANCH });
    try {
      return (await register(ctxFor(store), { name: 'churn', modelFile: modelPath, maxInlineBytes: 50 * 1024 * 1024, source: {} })).attempts;
    } finally {
      await store.close();
    }
  };
  const t0 = performance.now();
  let attempts = 0;
  if (concurrent) attempts = (await Promise.all(Array.from({ length: WRITERS }, one))).reduce((a, b) => a + b, 0);
  else for (let i = 0; i < WRITERS; i++) attempts += await one();
  const versions = JSON.parse(execFileSync('git', ['show', `${BRANCH}:${paths.index('churn')}`], { cwd: remote }).toString()).latest_version;
  if (versions !== WRITERS) throw new Error(`expected ${WRITERS} versions, found ${versions}`);
  return { ms: performance.now() - t0, attempts };
}

const small = await registerTimes(SMALL);
const big = await registerTimes(BIG);
const sequential = await writers(false);
const concurrent = await writers(true);
rmSync(root, { recursive: true, force: true });

const f = (ms: number) => `${ms.toFixed(0)} ms`;
console.log(`\nregistry: register one version (median of ${REPEAT}; seeding ${BIG} versions took ${f(big.seedMs)})\n`);
console.log('| history | cold (fresh temp repo) | warm (--cache) |');
console.log('| ---: | ---: | ---: |');
console.log(`| ${SMALL} versions | ${f(small.cold)} | ${f(small.warm)} |`);
console.log(`| ${BIG} versions | ${f(big.cold)} | ${f(big.warm)} |`);
console.log(`| ratio ${BIG}/${SMALL} | ${(big.cold / small.cold).toFixed(2)}x | ${(big.warm / small.warm).toFixed(2)}x |`);
console.log(`\nregistry: ${WRITERS} writers against one bare repository (in one process, each with its own temporary repo)\n`);
console.log('| writers | wall | registrations/s | attempts |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| ${WRITERS} one after another (baseline) | ${f(sequential.ms)} | ${((WRITERS * 1000) / sequential.ms).toFixed(2)} | ${sequential.attempts} |`);
console.log(`| ${WRITERS} concurrent | ${f(concurrent.ms)} | ${((WRITERS * 1000) / concurrent.ms).toFixed(2)} | ${concurrent.attempts} |`);
console.log(`| ratio concurrent/sequential throughput | | ${(sequential.ms / concurrent.ms).toFixed(2)}x | |`);
