import type { onnx as Onnx } from 'onnx-proto';
import { onnx } from '../model/onnx/proto.ts';
import { MlopsError, errorMessage } from '../util/errors.ts';

export interface WeightsComparison {
  initializers: number;
  /** Every initializer present in both with byte-equal TensorProto encodings. */
  identical: boolean;
  differing: { name: string; max_abs_diff?: number }[];
  missing: string[];
  extra: string[];
}

export interface MetricComparison {
  name: string;
  recorded: number | null;
  reproduced: number | null;
  abs_diff: number | null;
  matched: boolean;
}

function decode(bytes: Uint8Array, what: string): Onnx.ModelProto {
  try {
    return onnx.ModelProto.decode(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (err) {
    throw new MlopsError(`${what}: not an ONNX model (${errorMessage(err)})`);
  }
}

/**
 * Compares the graphs' initializers (the weights, biases and preprocessing constants) by
 * their TensorProto encoding: name, type, dims and data must be byte-equal. Where float
 * tensors differ, the largest absolute difference says by how much. The rest of the file
 * (producer version, metadata) may differ without the weights differing.
 */
export function compareInitializers(recorded: Uint8Array, reproduced: Uint8Array): WeightsComparison {
  const a = initializers(decode(recorded, 'the registered model'));
  const b = initializers(decode(reproduced, 'the reproduced model'));
  const differing: WeightsComparison['differing'] = [];
  const missing: string[] = [];
  for (const [name, ta] of a) {
    const tb = b.get(name);
    if (!tb) {
      missing.push(name);
      continue;
    }
    if (!Buffer.from(onnx.TensorProto.encode(ta).finish()).equals(Buffer.from(onnx.TensorProto.encode(tb).finish()))) {
      const diff = maxAbsDiff(ta, tb);
      differing.push({ name, ...(diff !== undefined ? { max_abs_diff: diff } : {}) });
    }
  }
  const extra = [...b.keys()].filter((n) => !a.has(n));
  return { initializers: a.size, identical: differing.length === 0 && missing.length === 0 && extra.length === 0, differing, missing, extra };
}

function initializers(model: Onnx.ModelProto): Map<string, Onnx.TensorProto> {
  return new Map((model.graph?.initializer ?? []).map((t) => [t.name ?? '', t as Onnx.TensorProto]));
}

const FLOAT = 1;

function floats(t: Onnx.ITensorProto): Float32Array | undefined {
  if (t.dataType !== FLOAT) return undefined;
  if (t.rawData && t.rawData.length > 0) {
    const raw = t.rawData;
    const copy = new Uint8Array(raw.length);
    copy.set(raw);
    return new Float32Array(copy.buffer);
  }
  return Float32Array.from(t.floatData ?? []);
}

function maxAbsDiff(a: Onnx.ITensorProto, b: Onnx.ITensorProto): number | undefined {
  const fa = floats(a);
  const fb = floats(b);
  if (!fa || !fb || fa.length !== fb.length) return undefined;
  let max = 0;
  for (let i = 0; i < fa.length; i++) max = Math.max(max, Math.abs(fa[i] - fb[i]));
  return max;
}

/**
 * Every metric either run has: equal (`tolerance` null: exact, as a CPU rerun of the built-in
 * trainer must be) or within `tolerance` absolute. A metric only one run has never matches.
 */
export function compareMetrics(recorded: Record<string, number>, reproduced: Record<string, number>, tolerance: number | null): MetricComparison[] {
  const names = [...new Set([...Object.keys(recorded), ...Object.keys(reproduced)])].sort();
  return names.map((name) => {
    const r = recorded[name] ?? null;
    const p = reproduced[name] ?? null;
    const diff = r !== null && p !== null ? Math.abs(r - p) : null;
    const matched = diff !== null && (tolerance === null ? r === p : diff <= tolerance);
    return { name, recorded: r, reproduced: p, abs_diff: diff, matched };
  });
}
