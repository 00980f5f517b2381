// Batch scoring throughput: 1,000,000 rows of the example churn data (CSV) scored by the demo
// model (the architecture templates/example/train.yml trains: in-graph preprocessing, 16-8 MLP)
// into CSV and into Parquet, at batch sizes 256, 1024 (the default) and 4096 side by side, beside
// a naive loop that calls the runtime once per row (same model, same reader) on the first 20,000
// rows, and beside the limit: read + model run only (same reader, same runner, 1024-row batches,
// no checks, nothing written). Each measurement runs in its own process.
//   node --import tsx scripts/bench/predict.ts [--rows 1000000]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readBatches } from '../../src/data/read.ts';
import { openScoringModel } from '../../src/predict/model.ts';
import { runPredict } from '../../src/predict/run.ts';
import { table } from '../../src/report/markdown.ts';
import { CHURN_COLUMNS, churnRows, toCsv } from '../example-data.ts';
import { writeDemoMlp } from './_demo-mlp.ts';

const dir = join('.bench', 'predict');
const job = process.argv.indexOf('--job');

interface Measure {
  rows: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

async function measure(run: () => Promise<number>): Promise<Measure> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const rows = await run();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { rows, seconds, cpuSeconds: (used.user + used.system) / 1e6, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

if (job > 0) {
  const [kind, data, model, out, batch] = process.argv.slice(job + 1);
  const result = await measure(async () => {
    if (kind === 'readrun') {
      const scoring = await openScoringModel(model, { cwd: process.cwd(), env: {} });
      let rows = 0;
      for await (const b of readBatches(data, { batchSize: Number(batch) })) {
        await scoring.runner.predict(b.columns, b.rows);
        rows += b.rows.length;
      }
      await scoring.runner.close();
      return rows;
    }
    if (kind === 'naive') {
      const limit = Number(batch);
      const scoring = await openScoringModel(model, { cwd: process.cwd(), env: {} });
      let rows = 0;
      for await (const b of readBatches(data)) {
        for (const row of b.rows) {
          if (rows === limit) break;
          await scoring.runner.predict(b.columns, [row]);
          rows++;
        }
        if (rows === limit) break;
      }
      await scoring.runner.close();
      return rows;
    }
    const s = await runPredict({ model, data: [data], out, batchSize: Number(batch), cwd: process.cwd(), env: {}, clock: () => performance.now() });
    return s.predicted;
  });
  console.log(JSON.stringify(result));
} else {
  const rowsArg = process.argv.indexOf('--rows');
  const rows = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;
  const naiveRows = Math.min(rows, 20_000);
  mkdirSync(dir, { recursive: true });
  const data = join(dir, `churn-${rows}.csv`);
  if (!existsSync(data)) writeFileSync(data, toCsv(CHURN_COLUMNS, churnRows({ rows, seed: 7 })));
  const model = await writeDemoMlp(dir);
  const runJob = (args: string[]): Measure => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/predict.ts', '--job', ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench job ${args.join(' ')} failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  };
  const naive = runJob(['naive', data, model, '', String(naiveRows)]);
  const readRun = runJob(['readrun', data, model, '', '1024']);
  const lines: (string | number)[][] = [];
  const perRow = (m: Measure) => m.rows / m.seconds;
  // CPU time (every thread of the process, onnxruntime's included) stays comparable when other
  // work shares the machine; wall-clock rows/s is shown beside it.
  const perCpu = (m: Measure) => m.rows / m.cpuSeconds;
  lines.push(['naive loop, 1 row per call', '-', naive.rows, Math.round(perRow(naive)), Math.round(perCpu(naive)), '1.0×', '-', Math.round(naive.peakRssMb)]);
  lines.push([
    'read + run only (the limit)',
    1024,
    readRun.rows,
    Math.round(perRow(readRun)),
    Math.round(perCpu(readRun)),
    `${(perCpu(readRun) / perCpu(naive)).toFixed(1)}×`,
    '1.00×',
    Math.round(readRun.peakRssMb),
  ]);
  for (const format of ['csv', 'parquet']) {
    for (const batch of [256, 1024, 4096]) {
      const m = runJob(['batch', data, model, join(dir, `out-${batch}.${format}`), String(batch)]);
      lines.push([
        `CSV → ${format === 'csv' ? 'CSV' : 'Parquet'}`,
        batch,
        m.rows,
        Math.round(perRow(m)),
        Math.round(perCpu(m)),
        `${(perCpu(m) / perCpu(naive)).toFixed(1)}×`,
        `${(perCpu(m) / perCpu(readRun)).toFixed(2)}×`,
        Math.round(m.peakRssMb),
      ]);
    }
  }
  console.log(
    `mlops predict, ${rows.toLocaleString('en-US')} rows × 9 features (demo MLP: preprocessing in the graph, 16-8 hidden), ${process.arch}, node ${process.version}`,
  );
  console.log(
    table(['Job', 'Batch', 'Rows', 'Rows/s', 'Rows/CPU-s', 'vs naive (CPU)', 'vs read + run (CPU)', 'Peak RSS MB'], lines, [
      'l',
      'r',
      'r',
      'r',
      'r',
      'r',
      'r',
      'r',
    ]),
  );
}
