import type { Cell } from '../../src/data/batch.ts';
import { toNumber } from '../../src/data/values.ts';
import type { ModelInfo, ModelRunner, PredictionBatch } from '../../src/model/types.ts';

/**
 * Hand-written ModelRunners with deterministic predictions from a formula over named
 * columns, standing in for ONNX models in unit tests of the evaluation pipeline.
 */
export function formulaClassifier(score: (get: (column: string) => Cell) => number, classes = ['0', '1']): ModelRunner & { calls: number[] } {
  const info: ModelInfo = { task: 'classification', target: 'churned', features: [], classes };
  const calls: number[] = [];
  return {
    info,
    calls,
    async predict(columns: readonly string[], rows: Cell[][]): Promise<PredictionBatch> {
      calls.push(rows.length);
      const probabilities = rows.map((row) => {
        const p = score((c) => row[columns.indexOf(c)] ?? null);
        return [1 - p, p];
      });
      return { predictions: probabilities.map((p) => (p[1] >= 0.5 ? classes[1] : classes[0])), probabilities };
    },
    async close() {},
  };
}

export function formulaRegressor(value: (get: (column: string) => Cell) => number): ModelRunner {
  return {
    info: { task: 'regression', target: 'total_charges', features: [] },
    async predict(columns, rows) {
      return { predictions: rows.map((row) => value((c) => row[columns.indexOf(c)] ?? null)) };
    },
    async close() {},
  };
}

export const num = (cell: Cell): number => toNumber(cell) ?? 0;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Uses the signals the example data's churn was generated from: a good model. */
export const goodChurn = formulaClassifier((get) =>
  sigmoid(-0.6 + 0.45 * num(get('support_calls')) - 0.05 * num(get('tenure_months')) + (get('contract') === 'month-to-month' ? 1.2 : -0.8)),
);

/** Sees the contract type only: a worse model. */
export const weakChurn = formulaClassifier((get) => (get('contract') === 'month-to-month' ? 0.55 : 0.3));
