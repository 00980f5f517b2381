import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBatches } from '../../src/data/read.ts';
import type { Cell } from '../../src/data/batch.ts';
import { exportOnnx } from '../../src/model/onnx/export.ts';
import { encodedWidth, fitPreprocessing } from '../../src/model/preprocess.ts';
import type { TabularModel } from '../../src/model/tabular.ts';
import type { FeatureSpec } from '../../src/model/types.ts';

export const CHURN_FEATURES: FeatureSpec[] = [
  { name: 'age', type: 'number' },
  { name: 'tenure_months', type: 'integer' },
  { name: 'monthly_charges', type: 'number' },
  { name: 'total_charges', type: 'number' },
  { name: 'support_calls', type: 'integer' },
  { name: 'has_partner', type: 'boolean' },
  { name: 'plan', type: 'category', categories: ['basic', 'premium', 'standard'] },
  { name: 'contract', type: 'category', categories: ['month-to-month', 'one-year', 'two-year'] },
  { name: 'region', type: 'category', categories: ['east', 'north', 'south', 'west'] },
];

/**
 * A logistic churn model on the example data: preprocessing fitted on train.csv, weights set
 * by hand along the generator's logit (charges and support calls up, tenure down). What
 * matters to batch scoring is a real exported graph with every feature type, not its skill.
 */
export async function churnModel(trainCsv = 'templates/example/data/train.csv'): Promise<TabularModel> {
  let columns: readonly string[] = [];
  const rows: Cell[][] = [];
  for await (const b of readBatches(trainCsv)) {
    columns = b.columns;
    rows.push(...b.rows);
  }
  const preprocessing = fitPreprocessing(CHURN_FEATURES, columns, rows);
  const width = encodedWidth(preprocessing);
  // numeric block: age, tenure, monthly, total, calls, partner; then plan(3), contract(3), region(4)
  const weights = Float32Array.from([0.05, -1.1, 0.8, 0.2, 0.9, -0.15, -0.2, 0.1, 0.05, 0.6, -0.3, -0.7, 0.05, -0.05, 0.1, -0.1]);
  if (weights.length !== width) throw new Error(`churn model: ${width} encoded columns, ${weights.length} weights`);
  return {
    info: { task: 'classification', target: 'churned', classes: ['0', '1'], features: CHURN_FEATURES },
    preprocessing,
    layers: [{ inputs: width, units: 1, weights, bias: Float32Array.from([-0.9]), activation: 'sigmoid' }],
  };
}

/** Exports the churn model to `dir/churn.onnx` and returns the path. */
export async function writeChurnModel(dir: string): Promise<string> {
  const file = join(dir, 'churn.onnx');
  writeFileSync(file, exportOnnx(await churnModel(), { producerVersion: 'test' }));
  return file;
}
