// Data bench (issue 2): profile and validate throughput on a seeded 1,000,000 × 20 CSV, with
// peak RSS at 100k and 1M rows (memory must not grow with rows), against a line-split floor.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { mulberry32, normal } from '../../src/util/random.ts';

const dir = '.bench';
mkdirSync(dir, { recursive: true });

async function generate(rows: number): Promise<string> {
  const file = `${dir}/bench-${rows}.csv`;
  if (existsSync(file)) return file;
  const rand = mulberry32(2026);
  const out = createWriteStream(file);
  const header = [
    'id',
    ...Array.from({ length: 10 }, (_, i) => `num${i}`),
    ...Array.from({ length: 4 }, (_, i) => `int${i}`),
    ...Array.from({ length: 4 }, (_, i) => `cat${i}`),
    'flag',
  ];
  out.write(header.join(',') + '\n');
  const cats = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];
  let buf = '';
  for (let r = 0; r < rows; r++) {
    const f: string[] = [String(r)];
    for (let i = 0; i < 10; i++) f.push(rand() < 0.01 ? '' : (normal(rand) * (i + 1) + i * 10).toFixed(4));
    for (let i = 0; i < 4; i++) f.push(String(Math.floor(rand() * 10 ** (i + 1))));
    for (let i = 0; i < 4; i++) f.push(cats[Math.floor(rand() * (i + 3))]);
    f.push(rand() < 0.5 ? 'true' : 'false');
    buf += f.join(',') + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.write(buf);
  out.end();
  await once(out, 'finish');
  return file;
}

const rulesFile = `${dir}/bench-rules.yml`;
writeFileSync(
  rulesFile,
  [
    'version: 1',
    'columns:',
    '  id: { type: integer, nullable: false, min: 0 }',
    ...Array.from({ length: 10 }, (_, i) => `  num${i}: { type: number, max_null_fraction: 0.05, min: -1000, max: 1000 }`),
    ...Array.from({ length: 4 }, (_, i) => `  int${i}: { type: integer, nullable: false, min: 0, max: ${10 ** (i + 1)} }`),
    ...Array.from({ length: 4 }, (_, i) => `  cat${i}: { type: category, nullable: false, allowed: [alpha, beta, gamma, delta, epsilon, zeta] }`),
    '  flag: { type: boolean, nullable: false }',
    '',
  ].join('\n'),
);

function measure(job: string, file: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/_measure.ts', job, file, rulesFile], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { rows: number; seconds: number; rowsPerSecond: number; peakRssMb: number };
}

const small = await generate(100_000);
const big = await generate(1_000_000);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log('job        rows        seconds   rows/s      vs line-split  peak RSS 100k  peak RSS 1M');
const floor = measure('lines', big);
for (const job of ['lines', 'read', 'profile', 'validate']) {
  const b = job === 'lines' ? floor : measure(job, big);
  const s = measure(job, small);
  console.log(
    `${job.padEnd(10)} ${fmt(b.rows).padEnd(11)} ${b.seconds.toFixed(2).padEnd(9)} ${fmt(b.rowsPerSecond).padEnd(11)} ${(b.rowsPerSecond / floor.rowsPerSecond).toFixed(2).padEnd(14)} ${s.peakRssMb.toFixed(0).padStart(6)} MB     ${b.peakRssMb.toFixed(0).padStart(6)} MB`,
  );
}
console.log('(20 columns: id, 10 decimals with 1% nulls, 4 integers, 4 categories, 1 boolean; one core)');
