import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';

export interface PredictionLogOptions {
  dir: string;
  /** Fraction of rows written, 0..1. */
  sample: number;
  /** Uniform in [0, 1): decides which rows are sampled. */
  random: () => number;
  now: () => Date;
  /** Start a new file past this size; a new UTC day also starts one, so drift windows map to files. */
  maxFileBytes?: number;
  /** Distinguishes writers sharing a folder (replicas): part of every file name. */
  instance: string;
}

export interface LoggedPrediction {
  record: Record<string, unknown>;
  prediction: string | number;
  probabilities?: number[];
  /** What the shadow model said about the same row, when one runs. */
  shadow?: { prediction: string | number; probabilities?: number[]; classes?: readonly string[]; modelVersion: string };
}

export interface PredictionLog {
  write(rows: readonly LoggedPrediction[], meta: { requestId: string; modelVersion: string; classes?: readonly string[] }): void;
  close(): Promise<void>;
  /** Files started so far, oldest first. */
  files(): string[];
}

export const DEFAULT_PREDICTION_LOG_BYTES = 64 * 1024 * 1024;

/**
 * Sampled request rows with their predictions as JSONL, readable by `mlops drift` like any data
 * file: the request's columns, then `prediction`, `probability_<class>` (classifiers),
 * `model_version`, `timestamp` and `request_id` (those names win over request keys of the same name);
 * with a shadow model also `shadow_prediction`, `shadow_probability_<class>` and `shadow_model_version`.
 */
export async function openPredictionLog(options: PredictionLogOptions): Promise<PredictionLog> {
  if (!(options.sample >= 0 && options.sample <= 1)) throw new RangeError(`sample must be within 0..1 (got ${options.sample})`);
  await mkdir(options.dir, { recursive: true });
  const maxBytes = options.maxFileBytes ?? DEFAULT_PREDICTION_LOG_BYTES;
  const started: string[] = [];
  let stream: WriteStream | undefined;
  let bytes = 0;
  let day = '';
  let seq = 0;

  const open = (now: Date) => {
    if (stream) stream.end();
    seq++;
    const stamp = now
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const file = join(options.dir, `predictions-${stamp}-${options.instance}-${String(seq).padStart(4, '0')}.jsonl`);
    stream = createWriteStream(file, { flags: 'a' });
    started.push(file);
    bytes = 0;
    day = now.toISOString().slice(0, 10);
  };

  return {
    write(rows, meta) {
      let text = '';
      const now = options.now();
      const timestamp = now.toISOString();
      for (const row of rows) {
        if (options.sample < 1 && options.random() >= options.sample) continue;
        const entry: Record<string, unknown> = { ...row.record, prediction: row.prediction };
        if (row.probabilities && meta.classes) meta.classes.forEach((c, i) => (entry[`probability_${c}`] = row.probabilities![i]));
        entry.model_version = meta.modelVersion;
        const shadow = row.shadow;
        if (shadow) {
          entry.shadow_prediction = shadow.prediction;
          if (shadow.probabilities && shadow.classes) shadow.classes.forEach((c, i) => (entry[`shadow_probability_${c}`] = shadow.probabilities![i]));
          entry.shadow_model_version = shadow.modelVersion;
        }
        entry.timestamp = timestamp;
        entry.request_id = meta.requestId;
        text += JSON.stringify(entry) + '\n';
      }
      if (text === '') return;
      const size = Buffer.byteLength(text);
      if (!stream || (bytes > 0 && bytes + size > maxBytes) || timestamp.slice(0, 10) !== day) open(now);
      stream!.write(text);
      bytes += size;
    },
    async close() {
      if (!stream) return;
      const s = stream;
      stream = undefined;
      s.end();
      await once(s, 'close');
    },
    files: () => [...started],
  };
}
