// Text bench (issue 18): what text features cost. Profiling a reviews file with and without its
// free-text column (the text statistics: lengths, token counts), the TypeScript TF-IDF encoder,
// and onnxruntime running the exported text model from raw strings at batch 1,024 and 1.
// Figures are CPU seconds of this process, reported as ratios, so a busy machine skews them less.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Cell } from '../../src/data/batch.ts';
import { exportOnnx } from '../../src/model/onnx/export.ts';
import { transformRows } from '../../src/model/preprocess.ts';
import { loadModel } from '../../src/model/runtime.ts';
import type { TabularModel } from '../../src/model/tabular.ts';
import { fitText } from '../../src/model/text-features.ts';
import { profileFiles } from '../../src/profile/profile.ts';
import { mulberry32 } from '../../src/util/random.ts';
import { SENTIMENT_COLUMNS, sentimentRows, toQuotedCsv } from '../sentiment-data.ts';

const dir = '.bench';
mkdirSync(dir, { recursive: true });
const rows = sentimentRows({ rows: 20_000, seed: 7 });
const withText = `${dir}/reviews.csv`;
const withoutText = `${dir}/reviews-no-text.csv`;
writeFileSync(withText, toQuotedCsv(SENTIMENT_COLUMNS, rows));
writeFileSync(
  withoutText,
  toQuotedCsv(
    SENTIMENT_COLUMNS.filter((c) => c !== 'review'),
    rows.map((r) => r.filter((_, i) => i !== 1)),
  ),
);

function cpu<T>(f: () => T): { value: T; seconds: number } {
  const start = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(start);
  return { value, seconds: (used.user + used.system) / 1e6 };
}
async function cpuAsync<T>(f: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.cpuUsage();
  const value = await f();
  const used = process.cpuUsage(start);
  return { value, seconds: (used.user + used.system) / 1e6 };
}
const best = async (f: () => Promise<number>) => Math.min(await f(), await f(), await f());
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

// Alternating rounds, best of three, so both sides see the same machine.
const profWith = await best(async () => (await cpuAsync(() => profileFiles([withText]))).seconds);
const profWithout = await best(async () => (await cpuAsync(() => profileFiles([withoutText]))).seconds);
console.log(
  `profile, 20,000 reviews: with the review column ${fmt(20_000 / profWith)} rows/s, without it ${fmt(20_000 / profWithout)} rows/s (${(profWith / profWithout).toFixed(2)}× the CPU)`,
);

const reviews = rows.map((r) => r[1]);
const step = fitText('review', reviews, { max_features: 5000, min_df: 2, max_ngram: 2 });
const rand = mulberry32(1);
const width = step.vocabulary.length;
const model: TabularModel = {
  info: { task: 'classification', target: 'sentiment', features: [{ name: 'review', type: 'text' }], classes: ['negative', 'positive'] },
  preprocessing: { numeric: [], categorical: [], text: [step] },
  layers: [{ inputs: width, units: 1, weights: Float32Array.from({ length: width }, () => rand() - 0.5), bias: Float32Array.of(0), activation: 'sigmoid' }],
};
const cells: Cell[][] = reviews.map((r) => [r]);
const encode = cpu(() => transformRows(model.preprocessing, ['review'], cells));
console.log(`TypeScript TF-IDF (${fmt(width)} terms): ${fmt(20_000 / encode.seconds)} rows/s`);

const file = `${dir}/text-model.onnx`;
writeFileSync(file, exportOnnx(model, { producerVersion: 'bench' }));
const runner = await loadModel(file);
const batched = await best(
  async () =>
    (
      await cpuAsync(async () => {
        for (let i = 0; i < cells.length; i += 1024) await runner.predict(['review'], cells.slice(i, i + 1024));
      })
    ).seconds,
);
const single = await best(
  async () =>
    (
      await cpuAsync(async () => {
        for (let i = 0; i < 2000; i++) await runner.predict(['review'], [cells[i]]);
      })
    ).seconds,
);
await runner.close();
console.log(`onnxruntime-node, raw reviews → probabilities: ${fmt(20_000 / batched)} rows/s at batch 1,024, ${fmt(2000 / single)} rows/s at batch 1`);
