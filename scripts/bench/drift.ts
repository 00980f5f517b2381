// Drift check throughput: 1,000,000 current rows × 20 columns (CSV, streamed and profiled)
// against a stored reference profile of 100,000 rows, and the exact path with the reference
// CSV itself, beside the same tests in numpy/scipy on the raw data; then KS from the two
// profiles' t-digests beside exact KS on raw values.
//   node --import tsx scripts/bench/drift.ts [--rows 1000000]
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { runDriftCheck } from '../../src/drift/check.ts';
import { ExactDistribution, numericDistribution } from '../../src/drift/distribution.ts';
import { ksStatistic } from '../../src/drift/ks.ts';
import { readBatches } from '../../src/data/read.ts';
import { toNumber } from '../../src/data/values.ts';
import { profileFiles } from '../../src/profile/profile.ts';
import { mulberry32, normal, poisson } from '../../src/util/random.ts';

const rowsArg = process.argv.indexOf('--rows');
const CURRENT_ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;
const REFERENCE_ROWS = 100_000;
const dir = join('.bench', 'drift');
mkdirSync(dir, { recursive: true });

const NUMERIC = 14;
const INTEGER = 2;
const CATEGORICAL = 4;
const header = [
  ...Array.from({ length: NUMERIC }, (_, i) => `f${i}`),
  ...Array.from({ length: INTEGER }, (_, i) => `i${i}`),
  ...Array.from({ length: CATEGORICAL }, (_, i) => `c${i}`),
];
const LEVELS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];

/** One row; `shift` moves f0 by 0.3·shift std, f1's scale and c0's mix, so the check has work to do. */
function row(rand: () => number, shift: number): string {
  const cells: string[] = [];
  for (let i = 0; i < NUMERIC; i++) {
    const z = normal(rand);
    let v = i % 3 === 0 ? z : i % 3 === 1 ? Math.exp(0.5 * z) : rand() * 100;
    if (i === 0) v += 0.3 * shift;
    if (i === 1) v *= 1 + 0.2 * shift;
    cells.push(v.toFixed(4));
  }
  for (let i = 0; i < INTEGER; i++) cells.push(String(poisson(rand, 3 + i)));
  for (let i = 0; i < CATEGORICAL; i++) {
    const u = rand();
    const k = i === 0 && shift > 0 && u < 0.2 * shift ? 5 : Math.min(LEVELS.length - 2, Math.floor(-Math.log(1 - rand()) * 1.5));
    cells.push(LEVELS[k]);
  }
  return cells.join(',');
}

async function writeCsv(file: string, rows: number, seed: number, shift: number): Promise<void> {
  if (existsSync(file)) return;
  const out = createWriteStream(file);
  const rand = mulberry32(seed);
  out.write(header.join(',') + '\n');
  let chunk: string[] = [];
  for (let r = 0; r < rows; r++) {
    chunk.push(row(rand, shift));
    if (chunk.length === 10000) {
      if (!out.write(chunk.join('\n') + '\n')) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length) out.write(chunk.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
}

function peakRss() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

const refCsv = join(dir, `reference-${REFERENCE_ROWS}.csv`);
const curCsv = join(dir, `current-${CURRENT_ROWS}.csv`);
const refProfile = join(dir, `reference-${REFERENCE_ROWS}.profile.json`);
await writeCsv(refCsv, REFERENCE_ROWS, 1, 0);
await writeCsv(curCsv, CURRENT_ROWS, 2, 1);
if (!existsSync(refProfile)) writeFileSync(refProfile, JSON.stringify(await profileFiles([refCsv])));

const stopRss = peakRss();
const cpu0 = process.cpuUsage();
let t0 = performance.now();
const { result } = await runDriftCheck({ reference: [refProfile], current: [curCsv], cwd: process.cwd(), env: process.env, now: () => new Date() });
const tsSeconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const tsCpu = (cpu.user + cpu.system) / 1e6;
const tsRss = stopRss();

// The exact path: raw CSV on both sides (the reference read once more for its values)
const stopRssExact = peakRss();
const cpuExact0 = process.cpuUsage();
t0 = performance.now();
const exact = await runDriftCheck({ reference: [refCsv], current: [curCsv], cwd: process.cwd(), env: process.env, now: () => new Date() });
const exactSeconds = (performance.now() - t0) / 1000;
const cpuExact = process.cpuUsage(cpuExact0);
const exactCpu = (cpuExact.user + cpuExact.system) / 1e6;
const exactRss = stopRssExact();

// KS on one continuous column: from the profiles' t-digests vs exact on the raw values.
const current = await profileFiles([curCsv]);
const reference = await profileFiles([refCsv]);
t0 = performance.now();
const dSketch = ksStatistic(numericDistribution(reference.columns[0])!, numericDistribution(current.columns[0])!);
const sketchMs = performance.now() - t0;
async function column(file: string): Promise<Float64Array> {
  const values: number[] = [];
  for await (const b of readBatches(file)) for (const r of b.rows) values.push(toNumber(r[0])!);
  return Float64Array.from(values);
}
const rawRef = await column(refCsv);
const rawCur = await column(curCsv);
t0 = performance.now();
const dExact = ksStatistic(ExactDistribution.fromSample(rawRef), ExactDistribution.fromSample(rawCur));
const exactMs = performance.now() - t0;

const py = spawnSync('python3', [join('scripts', 'bench', 'drift_baseline.py'), refCsv, curCsv], { encoding: 'utf8' });
const baseline =
  py.status === 0
    ? (JSON.parse(py.stdout.trim().split('\n').pop()!) as { read_s: number; tests_s: number; cpu_s: number; peak_rss_mb: number; drifted: string[] })
    : null;

const mb = (b: number) => (b / 1048576).toFixed(0);
console.log(
  `drift check: ${CURRENT_ROWS.toLocaleString('en-US')} current rows × ${header.length} columns (CSV) vs a ${REFERENCE_ROWS.toLocaleString('en-US')}-row reference`,
);
console.log('');
console.log('| run | wall s | CPU s | rows/s (wall) | peak RSS MB | drifted columns |');
console.log('| :-- | --: | --: | --: | --: | :-- |');
console.log(
  `| mlops drift (profile JSON reference, streamed CSV) | ${tsSeconds.toFixed(2)} | ${tsCpu.toFixed(2)} | ${Math.round(CURRENT_ROWS / tsSeconds).toLocaleString('en-US')} | ${mb(tsRss)} | ${result.drifted_columns.join(', ')} |`,
);
console.log(
  `| mlops drift, exact path (raw CSV both sides) | ${exactSeconds.toFixed(2)} | ${exactCpu.toFixed(2)} | ${Math.round(CURRENT_ROWS / exactSeconds).toLocaleString('en-US')} | ${mb(exactRss)} | ${exact.result.drifted_columns.join(', ')} |`,
);
if (baseline) {
  const total = baseline.read_s + baseline.tests_s;
  console.log(
    `| numpy/scipy on raw data (read ${baseline.read_s.toFixed(2)} s + tests ${baseline.tests_s.toFixed(2)} s) | ${total.toFixed(2)} | ${baseline.cpu_s.toFixed(2)} | ${Math.round(CURRENT_ROWS / total).toLocaleString('en-US')} | ${baseline.peak_rss_mb.toFixed(0)} | ${baseline.drifted.join(', ')} |`,
  );
  console.log('');
  console.log(
    `ratio: mlops is ${(total / tsSeconds).toFixed(2)}× the numpy/scipy baseline's speed by wall time, ${(baseline.cpu_s / tsCpu).toFixed(2)}× by CPU time`,
  );
  console.log(
    `ratio, exact path: ${(total / exactSeconds).toFixed(2)}× by wall time, ${(baseline.cpu_s / exactCpu).toFixed(2)}× by CPU time (same raw data, same exact statistics)`,
  );
} else console.log(`\nnumpy/scipy baseline skipped: ${(py.stderr || py.error?.message || 'python3 failed').trim().split('\n').pop()}`);
console.log('');
console.log('| KS on f0 | D | time ms |');
console.log('| :-- | --: | --: |');
console.log(`| from the two profiles' t-digests | ${dSketch.toFixed(5)} | ${sketchMs.toFixed(1)} |`);
console.log(`| exact on raw values (sort + ECDF) | ${dExact.toFixed(5)} | ${exactMs.toFixed(1)} |`);
console.log(
  `\n|D_sketch − D_exact| = ${Math.abs(dSketch - dExact).toExponential(2)}; exact is ${(exactMs / sketchMs).toFixed(0)}× slower and needs both raw samples.`,
);
