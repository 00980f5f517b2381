import type { Cell } from '../../src/data/batch.ts';
import type { ModelInfo, ModelRunner, PredictionBatch } from '../../src/model/types.ts';
import { MlopsError } from '../../src/util/errors.ts';

/**
 * A hand-written logistic model so the server is tested without an ONNX file:
 * p(churn) = sigmoid(0.05·age − 0.02·monthly_charges + 1.5·[plan = premium] − 0.5·has_partner).
 * It records every call's row count and can be slowed down to make requests overlap.
 */
export const TOY_INFO: ModelInfo = {
  task: 'classification',
  target: 'churned',
  classes: ['0', '1'],
  framework: 'toy',
  features: [
    { name: 'age', type: 'integer' },
    { name: 'monthly_charges', type: 'number' },
    { name: 'plan', type: 'category', categories: ['basic', 'premium', 'standard'] },
    { name: 'has_partner', type: 'boolean' },
  ],
};

export function toyProbability(row: { age: number; monthly_charges: number; plan: string; has_partner: boolean }): number {
  const z = 0.05 * row.age - 0.02 * row.monthly_charges + (row.plan === 'premium' ? 1.5 : 0) - (row.has_partner ? 0.5 : 0);
  return 1 / (1 + Math.exp(-z));
}

export interface ToyRunner extends ModelRunner {
  calls: number[];
  closed: boolean;
}

export function toyRunner(options: { delayMs?: number; failOnAge?: number; crashOnAge?: number } = {}): ToyRunner {
  const calls: number[] = [];
  const runner: ToyRunner = {
    info: TOY_INFO,
    calls,
    closed: false,
    async predict(columns: readonly string[], rows: Cell[][]): Promise<PredictionBatch> {
      calls.push(rows.length);
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      const at = (name: string) => columns.indexOf(name);
      const probabilities = rows.map((row) => {
        const age = row[at('age')] as number;
        if (age === options.failOnAge) throw new MlopsError(`age ${age} cannot be encoded`);
        if (age === options.crashOnAge) throw new Error('tensor shape mismatch');
        const p = toyProbability({
          age,
          monthly_charges: row[at('monthly_charges')] as number,
          plan: row[at('plan')] as string,
          has_partner: row[at('has_partner')] as boolean,
        });
        return [1 - p, p];
      });
      return { predictions: probabilities.map((p) => (p[1] >= 0.5 ? '1' : '0')), probabilities };
    },
    async close() {
      runner.closed = true;
    },
  };
  return runner;
}
