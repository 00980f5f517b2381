import { isAbsolute, join } from 'node:path';
import type { DataFormat } from '../data/batch.ts';
import { expandDataPaths } from '../data/read.ts';
import { openScoringModel } from './model.ts';
import { planOutputs, shardFiles } from './plan.ts';
import { predictFile, type PredictFileResult } from './predict.ts';
import { SettingError } from '../util/errors.ts';
import { fileIdentity, refuseOutputOverInput } from '../util/fs.ts';

export interface PredictRequest {
  /** registry:NAME#STAGE, registry:NAME@VERSION or a model file. */
  model: string;
  /** The column order of a matrix-input model, over its sidecar or metadata. */
  features?: string[];
  /** Data files or globs. */
  data: readonly string[];
  out: string;
  outFormat?: DataFormat;
  rejects?: string;
  keys?: readonly string[];
  batchSize?: number;
  rejectUnknownCategories?: boolean;
  delimiter?: string;
  /** Score only this shard of the expanded file list. */
  shard?: { index: number; count: number };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Monotonic milliseconds, for rows/s. */
  clock: () => number;
  /** Rows read so far across all files, after every batch. */
  onProgress?: (rows: number) => void;
}

/** The `mlops predict --format json` document. */
export interface PredictSummary {
  schema_version: 1;
  model: { name: string; version: string; source: string; task: string };
  rows: number;
  predicted: number;
  rejected: number;
  seconds: number;
  rows_per_second: number;
  reject_reasons: Record<string, number>;
  imputed: Record<string, number>;
  files: PredictFileResult[];
}

/** Opens the model once and scores every data file (of this shard) into its own output. */
export async function runPredict(options: PredictRequest): Promise<PredictSummary> {
  const start = options.clock();
  let files = await expandDataPaths(options.data, options.cwd);
  if (options.shard) files = shardFiles(files, options.shard.index, options.shard.count);
  // Outputs sit where the user's cwd says, as the data paths do (relative paths stay relative in reports).
  const place = (p: string) => (options.cwd === process.cwd() || isAbsolute(p) ? p : join(options.cwd, p));
  const plan = planOutputs(files, {
    out: place(options.out),
    outFormat: options.outFormat,
    rejects: options.rejects === undefined ? undefined : place(options.rejects),
  });
  refuseOutputOverInput(
    plan.flatMap((p) => [
      { setting: 'out', path: p.out },
      { setting: 'rejects', path: p.rejects },
    ]),
    files,
  );
  for (const p of plan)
    if (p.out === p.rejects || (fileIdentity(p.out) !== undefined && fileIdentity(p.out) === fileIdentity(p.rejects)))
      throw new SettingError(['rejects', 'out'], (name) => `${name('rejects')} ${p.rejects} is the ${name('out')} file; give them different paths`);
  const model = await openScoringModel(options.model, { cwd: options.cwd, env: options.env, features: options.features });
  const results: PredictFileResult[] = [];
  try {
    let before = 0;
    for (const p of plan) {
      const result = await predictFile({
        model,
        data: p.data,
        out: p.out,
        outFormat: options.outFormat,
        rejects: p.rejects,
        keys: options.keys,
        batchSize: options.batchSize,
        rejectUnknownCategories: options.rejectUnknownCategories,
        delimiter: options.delimiter,
        onProgress: (rows) => options.onProgress?.(before + rows),
      });
      before += result.rows;
      results.push(result);
    }
  } finally {
    await model.runner.close();
  }
  const seconds = (options.clock() - start) / 1000;
  const rows = sum(results.map((r) => r.rows));
  return {
    schema_version: 1,
    model: { name: model.name, version: model.version, source: model.source, task: model.runner.info.task },
    rows,
    predicted: sum(results.map((r) => r.predicted)),
    rejected: sum(results.map((r) => r.rejected)),
    seconds,
    rows_per_second: seconds > 0 ? rows / seconds : 0,
    reject_reasons: merge(results.map((r) => r.reject_reasons)),
    imputed: merge(results.map((r) => r.imputed)),
    files: results,
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function merge(maps: Record<string, number>[]): Record<string, number> {
  const out = new Map<string, number>();
  for (const m of maps) for (const [k, v] of Object.entries(m)) out.set(k, (out.get(k) ?? 0) + v);
  return Object.fromEntries([...out].sort((a, b) => b[1] - a[1]));
}
