// Runs benchmark: `mlops runs list --sort` over 10,000 runs, read the way the store reads them
// (a runs folder; the registry branch with one tree listing per month and one `git cat-file
// --batch`) side by side with a naive baseline that reads every record on its own (a `git show`
// per run, the way a script over the branch would). The naive git read costs a process per run,
// so it is timed on --naive runs and scaled to the whole set (say --naive 10000 to time it all).
// Usage: node --import tsx scripts/bench/runs.ts [--runs 10000] [--naive 300] [--repeat 3]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openGitStore } from '../../src/registry/git-store.ts';
import { parseSort, sortRuns } from '../../src/runs/filter.ts';
import { RunRecordSchema, type RunRecord } from '../../src/runs/schema.ts';
import { listRuns, runFile } from '../../src/runs/store.ts';
import { mulberry32 } from '../../src/util/random.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10000' }, naive: { type: 'string', default: '300' }, repeat: { type: 'string', default: '3' } },
});
const N = Number(values.runs);
const NAIVE = Math.min(N, Number(values.naive));
const REPEAT = Number(values.repeat);
const BRANCH = 'mlops-registry';
const root = mkdtempSync(join(tmpdir(), 'mlops-bench-runs-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function record(i: number, random: () => number): RunRecord {
  const start = new Date(Date.UTC(2026, 0, 1) + Math.floor((i / N) * 365 * 86400) * 1000);
  const id = `${start
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')}-${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}`;
  return RunRecordSchema.parse({
    schema_version: 1,
    kind: 'mlops/run',
    id,
    model: ['churn', 'fraud', 'price'][i % 3],
    status: i % 17 === 0 ? 'failed' : 'ok',
    ...(i % 17 === 0 ? { error: 'the training command failed with exit code 1' } : {}),
    params: {
      'model.type': i % 2 ? 'mlp' : 'linear',
      'model.hidden_layers': '[32,16]',
      'training.learning_rate': Number((10 ** (-4 + 3 * random())).toPrecision(4)),
      'training.epochs': 10 + (i % 5) * 10,
      'training.seed': i,
      target: 'churned',
    },
    metrics:
      i % 17 === 0
        ? {}
        : { accuracy: Number((0.6 + 0.3 * random()).toFixed(4)), roc_auc: Number((0.6 + 0.35 * random()).toFixed(4)), log_loss: Number(random().toFixed(4)) },
    tags: {},
    data_fingerprint: 'sha256:' + 'ab'.repeat(32),
    source: { commit: 'f'.repeat(40), ref: 'refs/heads/main' },
    environment: { runner: 'runner-1', backend: 'cpu' },
    started_at: start.toISOString(),
    duration_ms: 1000 + i,
  });
}

// Seed: the same N records as a runs folder and as one commit on a bare repository's branch.
const random = mulberry32(1);
const runs = Array.from({ length: N }, (_, i) => record(i, random));
const dir = join(root, 'runs');
let importScript = `commit refs/heads/${BRANCH}\ncommitter bench <bench@example.com> 1767225600 +0000\ndata 5\nseed\n`;
const chunks: string[] = [];
for (const run of runs) {
  const file = runFile(run.id);
  const text = JSON.stringify(run, null, 2) + '\n';
  mkdirSync(join(dir, file.slice(0, 7)), { recursive: true });
  writeFileSync(join(dir, file), text);
  chunks.push(`M 100644 inline runs/${file}\ndata ${Buffer.byteLength(text)}\n${text}\n`);
}
importScript += chunks.join('');
const remote = join(root, 'remote.git');
execFileSync('git', ['init', '--bare', '--quiet', remote]);
execFileSync('git', ['fast-import', '--quiet'], { cwd: remote, input: importScript, maxBuffer: 1 << 30 });
const bytes = runs.reduce((s, r) => s + Buffer.byteLength(JSON.stringify(r, null, 2)) + 1, 0);
console.log(
  `${N.toLocaleString('en-US')} runs (${(bytes / 2 ** 20).toFixed(1)} MiB of records, ${new Set(runs.map((r) => r.id.slice(0, 6))).size} month folders)`,
);

const sort = parseSort(['-metrics.roc_auc']);
const time = async (f: () => Promise<number>) => {
  const samples: { ms: number; cpu: number; n: number }[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const [t0, c0] = [performance.now(), cpuMs()];
    const n = await f();
    samples.push({ ms: performance.now() - t0, cpu: cpuMs() - c0, n });
  }
  return { ms: median(samples.map((s) => s.ms)), cpu: median(samples.map((s) => s.cpu)), n: samples[0].n };
};

// 1. A runs folder: listRuns + sort.
const folder = await time(async () => sortRuns(await listRuns({ dir }), sort).length);
// 2. The registry branch through a warm cache repository: fetch (nothing new), listing, one batch.
const cacheDir = join(root, 'cache.git');
const warmStore = await openGitStore({ remote, branch: BRANCH, cacheDir });
await listRuns({ store: warmStore });
const warm = await time(async () => sortRuns(await listRuns({ store: warmStore }), sort).length);
await warmStore.close();
// 3. The same, cold: a fresh temporary repository fetches every record first.
const cold = await time(async () => {
  const store = await openGitStore({ remote, branch: BRANCH });
  try {
    return sortRuns(await listRuns({ store }), sort).length;
  } finally {
    await store.close();
  }
});
// Naive baselines: one read per record. The folder: a sequential readFileSync + parse per file.
const naiveFolder = await time(async () => {
  const found: RunRecord[] = [];
  for (const month of readdirSync(dir).sort())
    for (const name of readdirSync(join(dir, month))) found.push(RunRecordSchema.parse(JSON.parse(readFileSync(join(dir, month, name), 'utf8'))));
  return sortRuns(found, sort).length;
});
// The branch: `git ls-tree -r` then a `git show` per record, on the first NAIVE records.
const naiveGit = await time(async () => {
  const names = execFileSync('git', ['ls-tree', '-r', '--name-only', BRANCH], { cwd: remote, maxBuffer: 1 << 28 })
    .toString()
    .trim()
    .split('\n')
    .slice(0, NAIVE);
  const found = names.map((path) => RunRecordSchema.parse(JSON.parse(execFileSync('git', ['show', `${BRANCH}:${path}`], { cwd: remote }).toString())));
  return sortRuns(found, sort).length;
});
const naiveGitAll = (naiveGit.ms * N) / NAIVE;

// 4. The whole verb as a user runs it (a fresh process: startup, read, sort, print 10 rows), with
// the CPU time of the whole process tree (git included) from GNU time: on a shared machine the
// wall clock measures the neighbours, the CPU time measures the work.
const timed = (args: string[]) => {
  const samples: { ms: number; cpu: number }[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, '--import', 'tsx', resolve('src/cli/main.ts'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, MLOPS_REGISTRY_CACHE: cacheDir },
    });
    if (r.status !== 0) throw new Error(r.stderr);
    const [, user, sys] = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr)!;
    samples.push({ ms: performance.now() - t0, cpu: (Number(user) + Number(sys)) * 1000 });
  }
  return { ms: median(samples.map((s) => s.ms)), cpu: median(samples.map((s) => s.cpu)) };
};
const list = (args: string[]) => timed(['runs', 'list', ...args, '--sort', '-metrics.roc_auc', '--limit', '10']);
const startup = timed(['--version']);
const cliFolder = list(['--runs-dir', dir]);
const cliWarm = list(['--remote', remote]);

const row = (name: string, t: { ms: number; cpu: number; n: number }, note = '') =>
  console.log(`  ${name.padEnd(44)} ${t.ms.toFixed(0).padStart(7)} ms  cpu ${t.cpu.toFixed(0).padStart(6)} ms  ${t.n.toLocaleString('en-US')} runs${note}`);
console.log(`\nlist + sort by -metrics.roc_auc, median of ${REPEAT} (wall clock; cpu = this process, git children not counted):`);
row('runs folder: listRuns', folder);
row('runs folder: naive (one sync read per file)', naiveFolder, `  → listRuns ${(naiveFolder.ms / folder.ms).toFixed(1)}× faster`);
row('registry branch, warm cache: listRuns', warm);
row('registry branch, cold (fetch everything first)', cold);
row(
  `registry branch: naive (git show per run)`,
  naiveGit,
  `  → ${(naiveGitAll / 1000).toFixed(1)} s for all ${N.toLocaleString('en-US')}, listRuns ${(naiveGitAll / warm.ms).toFixed(0)}× faster`,
);
const verb = (name: string, t: { ms: number; cpu: number }) =>
  console.log(
    `  ${name.padEnd(44)} ${t.ms.toFixed(0).padStart(7)} ms  cpu ${t.cpu.toFixed(0).padStart(6)} ms (${(t.cpu - startup.cpu).toFixed(0)} ms past startup)`,
  );
console.log(`\nmlops runs list --sort -metrics.roc_auc --limit 10, a whole process (cpu: the process tree, git included):`);
verb('mlops --version (tsx startup alone)', startup);
verb('--runs-dir', cliFolder);
verb('--remote, warm MLOPS_REGISTRY_CACHE', cliWarm);
rmSync(root, { recursive: true, force: true });
