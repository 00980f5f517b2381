// Start-up bench: what a command pays before doing anything, on the built bundles (run
// `npm run build` first). `node -e 0` is the floor; `mlops --version`, `mlops registry show` on
// a 1,000-version registry and each action started without inputs (it loads, then fails on its
// first required input) are measured against it. With `--before REF`, the same commands run on
// the dist/ committed at REF, side by side.
// Usage: node --import tsx scripts/bench/startup.ts [--repeat 9] [--versions 1000] [--before 3fc112f]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { seedRegistry } from './_registry-seed.ts';

const { values } = parseArgs({
  options: { repeat: { type: 'string', default: '9' }, versions: { type: 'string', default: '1000' }, before: { type: 'string' } },
});
const REPEAT = Number(values.repeat);
if (!existsSync('dist/cli.js')) throw new Error('dist/cli.js is missing: run npm run build first');
const root = mkdtempSync(join(tmpdir(), 'mlops-bench-startup-'));
const remote = seedRegistry(root, Number(values.versions));

// The older dist/ goes under node_modules/ so its bundles resolve the same packages as ours.
let beforeDir: string | undefined;
if (values.before) {
  mkdirSync('node_modules/.cache', { recursive: true });
  beforeDir = mkdtempSync(resolve('node_modules/.cache/mlops-bench-before-'));
  execFileSync('sh', ['-c', `git archive ${values.before} dist | tar -x -C ${beforeDir}`]);
}

const preload = new URL('./_cpu-at-exit.mjs', import.meta.url).href;
const cpuFile = join(root, 'cpu');
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/** One fresh `node ARGS`: wall ms and its own CPU ms (user + system). */
function once(args: string[], env: NodeJS.ProcessEnv = {}): { wall: number; cpu: number } {
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ['--import', preload, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, MLOPS_BENCH_CPU_FILE: cpuFile, ...env },
    stdio: 'ignore',
    cwd: root,
  });
  return { wall: Number(process.hrtime.bigint() - t0) / 1e6, cpu: Number(readFileSync(cpuFile, 'utf8')) / 1000 };
}

/** Medians over REPEAT runs of each variant, interleaved so load on the machine hits both alike. */
function measure(variants: { args: string[]; env?: NodeJS.ProcessEnv }[]): { wall: number; cpu: number }[] {
  const runs = variants.map(() => [] as { wall: number; cpu: number }[]);
  for (let i = 0; i <= REPEAT; i++) {
    variants.forEach((v, k) => {
      const r = once(v.args, v.env);
      if (i > 0) runs[k].push(r);
    });
  }
  return runs.map((rs) => ({ wall: median(rs.map((r) => r.wall)), cpu: median(rs.map((r) => r.cpu)) }));
}

const [floor] = measure([{ args: ['-e', '0'] }]);
const rows: [string, (dist: string) => string[], NodeJS.ProcessEnv?][] = [
  ['mlops --version', (d) => [join(d, 'cli.js'), '--version']],
  [`mlops registry show (${values.versions} versions)`, (d) => [join(d, 'cli.js'), 'registry', 'show', 'churn#production', '--remote', remote]],
  ['mlops registry list', (d) => [join(d, 'cli.js'), 'registry', 'list', '--remote', remote]],
];
for (const file of readdirSync('dist/actions')
  .filter((f) => !f.startsWith('chunk-') && f.endsWith('.js'))
  .sort()) {
  rows.push([`action ${file.replace(/\.js$/, '')}`, (d) => [join(d, 'actions', file)], { GITHUB_OUTPUT: join(root, 'out'), RUNNER_TEMP: root }]);
}

const f = (ms: number) => `${ms.toFixed(0)} ms`;
const pct = (now: number, old: number) => `${(((now - old) / old) * 100).toFixed(0)}%`;
console.log(`\nstartup: median of ${REPEAT} fresh processes (actions start without inputs: they load, then fail on the first one)`);
console.log(`node -e 0: ${f(floor.wall)} wall, ${f(floor.cpu)} CPU\n`);
if (beforeDir) {
  console.log(`| command | wall before (${values.before}) | wall now | CPU before | CPU now | CPU now − node -e 0 | CPU change |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
} else {
  console.log('| command | wall | CPU | CPU − node -e 0 |');
  console.log('| --- | ---: | ---: | ---: |');
}
for (const [label, args, env] of rows) {
  const oldArgs = beforeDir ? args(join(beforeDir, 'dist')) : undefined;
  if (!oldArgs || !existsSync(oldArgs[0])) {
    const [now] = measure([{ args: args(resolve('dist')), env }]);
    console.log(
      beforeDir
        ? `| ${label} | n/a | ${f(now.wall)} | n/a | ${f(now.cpu)} | ${f(now.cpu - floor.cpu)} | |`
        : `| ${label} | ${f(now.wall)} | ${f(now.cpu)} | ${f(now.cpu - floor.cpu)} |`,
    );
    continue;
  }
  const [old, now] = measure([
    { args: oldArgs, env },
    { args: args(resolve('dist')), env },
  ]);
  console.log(`| ${label} | ${f(old.wall)} | ${f(now.wall)} | ${f(old.cpu)} | ${f(now.cpu)} | ${f(now.cpu - floor.cpu)} | ${pct(now.cpu, old.cpu)} |`);
}
rmSync(root, { recursive: true, force: true });
if (beforeDir) rmSync(beforeDir, { recursive: true, force: true });
