import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportOnnx } from '../../src/model/onnx/export.ts';
import type { TabularModel } from '../../src/model/tabular.ts';

const CONTRACTS = ['month-to-month', 'one-year', 'two-year'];
const logit = (p: number) => Math.log(p / (1 - p));
const info = (features: TabularModel['info']['features']): TabularModel['info'] => ({
  task: 'classification',
  target: 'churned',
  classes: ['0', '1'],
  features,
});

/**
 * The formula runners of runners.ts as real ONNX models from our exporter (identity
 * standardisation, so the weights read as the formulas): good = support calls, tenure and
 * contract; weak = contract only.
 */
export const goodOnnx: TabularModel = {
  info: info([
    { name: 'support_calls', type: 'number' },
    { name: 'tenure_months', type: 'number' },
    { name: 'contract', type: 'category', categories: CONTRACTS },
  ]),
  preprocessing: {
    numeric: [
      { name: 'support_calls', type: 'number', mean: 0, std: 1 },
      { name: 'tenure_months', type: 'number', mean: 0, std: 1 },
    ],
    categorical: [{ name: 'contract', categories: CONTRACTS, mode: 'month-to-month' }],
  },
  layers: [{ inputs: 5, units: 1, weights: Float32Array.from([0.45, -0.05, 1.2, -0.8, -0.8]), bias: Float32Array.from([-0.6]), activation: 'sigmoid' }],
};

export const weakOnnx: TabularModel = {
  info: info([{ name: 'contract', type: 'category', categories: CONTRACTS }]),
  preprocessing: { numeric: [], categorical: [{ name: 'contract', categories: CONTRACTS, mode: 'month-to-month' }] },
  layers: [{ inputs: 3, units: 1, weights: Float32Array.from([logit(0.55), logit(0.3), logit(0.3)]), bias: Float32Array.from([0]), activation: 'sigmoid' }],
};

export function writeOnnx(dir: string, name: string, model: TabularModel): string {
  const file = join(dir, name);
  writeFileSync(file, exportOnnx(model, { producerVersion: 'test' }));
  return file;
}
