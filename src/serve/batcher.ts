import type { Cell } from '../data/batch.ts';
import type { PredictionBatch } from '../model/types.ts';

export type Predict = (rows: Cell[][]) => Promise<PredictionBatch>;

/** Timer functions, passed in so tests control when a wait ends. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface BatcherOptions {
  predict: Predict;
  /** Most rows in one model call; 1 turns batching off (every request is its own call). */
  maxBatch: number;
  /** How long an idle model waits for more rows before running a partial batch. */
  maxWaitMs: number;
  /** Called with the row count of every model call (the batch-size histogram). */
  onBatch?: (rows: number) => void;
  timers?: Timers;
}

export interface Batcher {
  submit(rows: Cell[][]): Promise<PredictionBatch>;
}

interface Pending {
  rows: Cell[][];
  resolve: (result: PredictionBatch) => void;
  reject: (err: unknown) => void;
}

/**
 * Coalesces concurrent requests into one model call. One call runs at a time: while it runs,
 * new requests queue up and go together as soon as it returns, so batches grow with load and a
 * lone request waits at most `maxWaitMs`. A request larger than `maxBatch` runs alone, unsplit.
 */
export function createBatcher(options: BatcherOptions): Batcher {
  const { predict, maxBatch, maxWaitMs } = options;
  const onBatch = options.onBatch ?? (() => {});
  const timers = options.timers ?? realTimers;

  if (maxBatch <= 1) {
    return {
      submit(rows) {
        onBatch(rows.length);
        return predict(rows);
      },
    };
  }

  const queue: Pending[] = [];
  let queuedRows = 0;
  let running = false;
  let timer: unknown;

  const schedule = () => {
    if (running || queue.length === 0) return;
    if (queuedRows >= maxBatch || maxWaitMs <= 0) flush();
    else if (timer === undefined) {
      timer = timers.set(() => {
        timer = undefined;
        flush();
      }, maxWaitMs);
    }
  };

  const flush = () => {
    if (running || queue.length === 0) return;
    if (timer !== undefined) {
      timers.clear(timer);
      timer = undefined;
    }
    const items: Pending[] = [];
    let rows = 0;
    while (queue.length > 0 && (items.length === 0 || rows + queue[0].rows.length <= maxBatch)) {
      const item = queue.shift()!;
      items.push(item);
      rows += item.rows.length;
    }
    queuedRows -= rows;
    running = true;
    void runBatch(items, rows).finally(() => {
      running = false;
      // Whatever queued meanwhile has already waited for a whole model call: run it now.
      if (queue.length > 0) flush();
    });
  };

  const runBatch = async (items: Pending[], rows: number) => {
    onBatch(rows);
    let result: PredictionBatch;
    try {
      result = await predict(items.length === 1 ? items[0].rows : items.flatMap((i) => i.rows));
    } catch (err) {
      if (items.length === 1) items[0].reject(err);
      // One bad request must not fail its neighbours: retry them one by one so the error lands on its owner.
      else {
        await Promise.all(
          items.map((item) => {
            onBatch(item.rows.length);
            return predict(item.rows).then(item.resolve, item.reject);
          }),
        );
      }
      return;
    }
    let offset = 0;
    for (const item of items) {
      const n = item.rows.length;
      item.resolve({
        predictions: result.predictions.slice(offset, offset + n),
        ...(result.probabilities ? { probabilities: result.probabilities.slice(offset, offset + n) } : {}),
      });
      offset += n;
    }
  };

  return {
    submit(rows) {
      return new Promise<PredictionBatch>((resolve, reject) => {
        queue.push({ rows, resolve, reject });
        queuedRows += rows.length;
        schedule();
      });
    },
  };
}
