import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell } from '../../src/data/batch.ts';
import { readBatches } from '../../src/data/read.ts';
import { exportOnnx } from '../../src/model/onnx/export.ts';
import { fitPreprocessing, encodedWidth } from '../../src/model/preprocess.ts';
import type { DenseLayer, TabularModel } from '../../src/model/tabular.ts';
import type { FeatureSpec } from '../../src/model/types.ts';
import { mulberry32, normal } from '../../src/util/random.ts';

export const DEMO_TRAIN = 'templates/example/data/train.csv';
export const DEMO_HOLDOUT = 'templates/example/data/holdout.csv';

const FEATURES: FeatureSpec[] = [
  { name: 'age', type: 'integer' },
  { name: 'tenure_months', type: 'integer' },
  { name: 'monthly_charges', type: 'number' },
  { name: 'total_charges', type: 'number' },
  { name: 'support_calls', type: 'integer' },
  { name: 'has_partner', type: 'boolean' },
  { name: 'plan', type: 'category' },
  { name: 'contract', type: 'category' },
  { name: 'region', type: 'category' },
];

export async function readCsv(file: string): Promise<{ columns: readonly string[]; rows: Cell[][] }> {
  let columns: readonly string[] = [];
  const rows: Cell[][] = [];
  for await (const batch of readBatches(file)) {
    columns = batch.columns;
    rows.push(...batch.rows);
  }
  return { columns, rows };
}

/**
 * The demo churn MLP's architecture (templates/example/train.yml: 9 raw features → in-graph preprocessing → 16 relu → 8 relu →
 * sigmoid) with preprocessing fitted on the example training data and seeded Glorot weights. It
 * costs onnxruntime exactly what the trained demo model costs, without a training run, so the
 * serving tests and bench stay fast and deterministic.
 */
export async function writeDemoMlp(dir: string, seed = 7): Promise<string> {
  const { columns, rows } = await readCsv(DEMO_TRAIN);
  const preprocessing = fitPreprocessing(FEATURES, columns, rows);
  const categories = new Map(preprocessing.categorical.map((c) => [c.name, c.categories]));
  const rand = mulberry32(seed);
  const layer = (inputs: number, units: number, activation: DenseLayer['activation']): DenseLayer => {
    const scale = Math.sqrt(2 / (inputs + units));
    return {
      inputs,
      units,
      weights: Float32Array.from({ length: inputs * units }, () => normal(rand) * scale),
      bias: Float32Array.from({ length: units }, () => normal(rand) * 0.05),
      activation,
    };
  };
  const width = encodedWidth(preprocessing);
  const model: TabularModel = {
    info: {
      task: 'classification',
      target: 'churned',
      classes: ['0', '1'],
      framework: 'mlops-mlp',
      features: FEATURES.map((f) => (f.type === 'category' ? { ...f, categories: categories.get(f.name) } : f)),
    },
    preprocessing,
    layers: [layer(width, 16, 'relu'), layer(16, 8, 'relu'), layer(8, 1, 'sigmoid')],
  };
  const file = join(dir, 'model.onnx');
  writeFileSync(file, exportOnnx(model, { producerVersion: 'demo' }));
  return file;
}
