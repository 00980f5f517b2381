import type { Cell } from '../data/batch.ts';
import type { ModelRunner, PredictionBatch } from '../model/types.ts';
import { MlopsError, errorMessage } from '../util/errors.ts';

/** One row's outcome: its prediction (and class probabilities), or why the model refused it. */
export type RowScore = { prediction: string | number; probabilities?: number[] } | { error: string };

/**
 * Predicts a batch in one runtime call; when the runtime refuses the batch, halves it until
 * the refused rows stand alone, so a row the checks let through but the model rejects costs
 * about log2(batch) extra calls and never takes its neighbours down with it.
 */
export async function scoreRows(runner: ModelRunner, columns: readonly string[], rows: Cell[][]): Promise<RowScore[]> {
  if (rows.length === 0) return [];
  let batch: PredictionBatch;
  try {
    batch = await runner.predict(columns, rows);
  } catch (err) {
    if (!(err instanceof MlopsError)) throw err;
    if (rows.length === 1) return [{ error: errorMessage(err).replace(/^row \d+, /, '') }];
    const mid = rows.length >> 1;
    return [...(await scoreRows(runner, columns, rows.slice(0, mid))), ...(await scoreRows(runner, columns, rows.slice(mid)))];
  }
  return batch.predictions.map((prediction, i) => (batch.probabilities ? { prediction, probabilities: batch.probabilities[i] } : { prediction }));
}
