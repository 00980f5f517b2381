// Registry benchmark: cost of one `register` as history grows (10 vs 1,000 versions, cold and
// warm cache), and throughput of 20 concurrent writers against one bare repository versus the
// same 20 registrations made one after another.
// Usage: node --import tsx scripts/bench/registry.ts [--versions 1000] [--writers 20] [--repeat 5]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify, paths, REGISTRY_SCHEMA_VERSION, DEFAULT_STAGES, EVENTS_PER_SHARD, type RegistryEvent, type VersionMetadata } from '../../registry/src/format.ts';
import { openGitStore } from '../../registry/src/git-store.ts';
import { register, type RegistryContext } from '../../registry/src/operations.ts';

const { values } = parseArgs({ options: { versions: { type: 'string', default: '1000' }, writers: { type: 'string', default: '20' }, repeat: { type: 'string', default: '5' } } });
const BIG = Number(values.versions);
const SMALL = 10;
const WRITERS = Number(values.writers);
const REPEAT = Number(values.repeat);
const root = mkdtempSync(join(tmpdir(), 'mlops-bench-registry-'));
const BRANCH = 'mlops-registry';
const modelBytes = Buffer.from('\x08\x07bench-model\n'.repeat(200));
const modelPath = join(root, 'model.onnx');
writeFileSync(modelPath, modelBytes);
const sha256 = createHash('sha256').update(modelBytes).digest('hex');
const at = '2026-01-01T00:00:00.000Z';

/** A registry branch holding `n` versions of one model, written in one `git fast-import`. */
function seedRegistry(n: number): string {
  const repo = mkdtempSync(join(root, `seed-${n}-`));
  execFileSync('git', ['init', '--bare', '--quiet', repo]);
  const chunks: Buffer[] = [Buffer.from(`commit refs/heads/${BRANCH}\ncommitter bench <bench@example.com> 1767225600 +0000\ndata 25\nregistry: seed for bench\n`)];
  const file = (path: string, content: Buffer | string) => {
    const bytes = Buffer.from(content);
    chunks.push(Buffer.from(`M 100644 inline ${path}\ndata ${bytes.length}\n`), bytes, Buffer.from('\n'));
  };
  file(paths.config, stringify({ schema_version: REGISTRY_SCHEMA_VERSION, kind: 'mlops/registry', stages: [...DEFAULT_STAGES], created_at: at }));
  const events: RegistryEvent[] = [];
  for (let v = 1; v <= n; v++) {
    const meta: VersionMetadata = {
      schema_version: REGISTRY_SCHEMA_VERSION,
      kind: 'mlops/registry-version',
      name: 'churn',
      version: v,
      created_at: at,
      actor: 'bench',
      model: { file: 'model.onnx', sha256, size_bytes: modelBytes.length, format: 'onnx', storage: { kind: 'inline', path: 'model.onnx' } },
      source: {},
      params: { seed: v },
      metrics: { auc: 0.8 + v / (n * 10) },
      data: {},
      card: 'MODEL_CARD.md',
    };
    file(`${paths.versionDir('churn', v)}/metadata.json`, stringify(meta));
    file(`${paths.versionDir('churn', v)}/MODEL_CARD.md`, `# churn v${v}\n`);
    file(`${paths.versionDir('churn', v)}/model.onnx`, Buffer.concat([modelBytes, Buffer.from(String(v))]));
    events.push({ schema_version: REGISTRY_SCHEMA_VERSION, kind: 'mlops/registry-event', seq: v, type: 'register', name: 'churn', version: v, at, actor: 'bench' });
  }
  for (let start = 0; start < events.length; start += EVENTS_PER_SHARD) {
    file(paths.eventShard('churn', start + 1), events.slice(start, start + EVENTS_PER_SHARD).map((e) => JSON.stringify(e) + '\n').join(''));
  }
  file(paths.index('churn'), stringify({ schema_version: REGISTRY_SCHEMA_VERSION, kind: 'mlops/registry-index', name: 'churn', latest_version: n, events: n, stages: { production: { version: n, since: at, history: [] } }, deprecated: {} }));
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, input: Buffer.concat(chunks) });
  return repo;
}

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
  const remote = seedRegistry(n);
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
