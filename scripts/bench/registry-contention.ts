// Registry contention: N writers registering at once against one bare repository (in one
// process, each with its own temporary repo, so every attempt is a real fetch and push), against
// the same N registrations made one after another. Reports attempts (mean, max) and where an
// attempt's time goes: reading the head (fetch), planning (reads, checks), commit (objects, tree
// build, push), and backing off.
// --old-backoff replays the policy before attempts set the cap (fixed 8 s cap, full jitter).
// Usage: node --import tsx scripts/bench/registry-contention.ts [--writers 100] [--sequential 20] [--old-backoff]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { paths } from '../../src/registry/format.ts';
import { openGitStore } from '../../src/registry/git-store.ts';
import { register } from '../../src/registry/operations.ts';
import type { AttemptTiming, Committed } from '../../src/registry/transaction.ts';

const { values } = parseArgs({
  options: { writers: { type: 'string', default: '100' }, sequential: { type: 'string', default: '20' }, 'old-backoff': { type: 'boolean', default: false } },
});
const retry = values['old-backoff'] ? { spanAttempts: 0, jitterFloor: 0 } : {};
const WRITERS = Number(values.writers);
const SEQUENTIAL = Number(values.sequential);
const BRANCH = 'mlops-registry';
const root = mkdtempSync(join(tmpdir(), 'mlops-bench-contention-'));
const modelPath = join(root, 'model.onnx');
writeFileSync(modelPath, Buffer.from('\x08\x07bench-model\n'.repeat(200)));

async function run(n: number, concurrent: boolean) {
  const remote = join(root, `remote-${concurrent ? 'concurrent' : 'sequential'}.git`);
  execFileSync('git', ['init', '--bare', '--quiet', remote]);
  const one = async (i: number): Promise<Committed<unknown>> => {
    const store = await openGitStore({ remote, branch: BRANCH });
    try {
      return await register(
        { store, now: () => new Date(), actor: `w${i}`, run: {}, tags: false, retry },
        { name: 'churn', modelFile: modelPath, maxInlineBytes: 1e9, source: {} },
      );
    } finally {
      await store.close();
    }
  };
  const t0 = performance.now();
  const done: Committed<unknown>[] = [];
  if (concurrent) done.push(...(await Promise.all(Array.from({ length: n }, (_, i) => one(i)))));
  else for (let i = 0; i < n; i++) done.push(await one(i));
  const ms = performance.now() - t0;
  const latest = JSON.parse(execFileSync('git', ['show', `${BRANCH}:${paths.index('churn')}`], { cwd: remote }).toString()).latest_version;
  if (latest !== n) throw new Error(`expected ${n} versions, found ${latest}`);
  const attempts = done.map((d) => d.attempts);
  const sum = (k: keyof AttemptTiming) => done.reduce((a, d) => a + d.timing[k], 0);
  const total = attempts.reduce((a, b) => a + b, 0);
  return {
    ms,
    perSecond: (n * 1000) / ms,
    mean: total / n,
    max: Math.max(...attempts),
    perAttempt: { fetch: sum('snapshot_ms') / total, plan: sum('plan_ms') / total, commit: sum('commit_ms') / total },
    waitPerWriter: sum('wait_ms') / n,
  };
}

const seq = await run(SEQUENTIAL, false);
const con = await run(WRITERS, true);
rmSync(root, { recursive: true, force: true });
const f = (x: number) => x.toFixed(0);
console.log(
  `\nregistry contention: ${WRITERS} concurrent writers vs ${SEQUENTIAL} sequential (one bare repository)${values['old-backoff'] ? ', old backoff' : ''}\n`,
);
console.log('| writers | wall | registrations/s | attempts mean | attempts max | per attempt: fetch / plan / commit+push (ms) | backoff per writer |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [label, r] of [
  [`${SEQUENTIAL} one after another`, seq],
  [`${WRITERS} at once`, con],
] as const) {
  console.log(
    `| ${label} | ${(r.ms / 1000).toFixed(1)} s | ${r.perSecond.toFixed(2)} | ${r.mean.toFixed(1)} | ${r.max} | ${f(r.perAttempt.fetch)} / ${f(r.perAttempt.plan)} / ${f(r.perAttempt.commit)} | ${(r.waitPerWriter / 1000).toFixed(1)} s |`,
  );
}
console.log(`| throughput concurrent / sequential | | ${(con.perSecond / seq.perSecond).toFixed(2)}x | | | | |`);
