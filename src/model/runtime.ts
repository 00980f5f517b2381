import { readFile } from 'node:fs/promises';
import type { Cell } from '../data/batch.ts';
import { truncateText } from '../data/tokenize.ts';
import { cellText, toNumber } from '../data/values.ts';
import { MlopsError, SettingError, errorMessage } from '../util/errors.ts';
import type { onnx as Onnx } from 'onnx-proto';
import { onnx } from './onnx/proto.ts';
import { META_CLASSES, checkFeatureOrder, findFeatureOrder, matrixInput, sidecarPath } from './feature-order.ts';
import { categoryCell, numericCell } from './preprocess.ts';
import { META_MODEL_INFO, ModelInfoSchema } from './tabular.ts';
import type { FeatureSpec, MatrixInput, ModelInfo, ModelRunner, PredictionBatch } from './types.ts';
import { unzipMapOutputs, type UnzippedOutput } from './zipmap.ts';

type Ort = typeof import('onnxruntime-node');

/** A graph input or output as declared in the ONNX file. */
export interface TensorSignature {
  name: string;
  type: string;
  shape: (number | string)[];
}

const ELEM_NAMES: Record<number, string> = {
  1: 'float',
  2: 'uint8',
  3: 'int8',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'double',
};

type OnnxDescription = { inputs: TensorSignature[]; outputs: TensorSignature[]; metadata: Record<string, string>; producer: string };

/** Reads an ONNX file's declared inputs/outputs and metadata_props without running it. */
export function describeOnnx(bytes: Uint8Array, file = 'model.onnx'): OnnxDescription {
  return describeModel(decodeOnnx(bytes, file));
}

function decodeOnnx(bytes: Uint8Array, file: string): Onnx.ModelProto {
  let model: Onnx.ModelProto;
  try {
    // A plain Uint8Array view: given a Buffer, protobufjs 6 copies bytes fields with the deprecated `new Buffer()`.
    model = onnx.ModelProto.decode(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (err) {
    throw new MlopsError(`${file}: not an ONNX model (${errorMessage(err)})`);
  }
  if (!model.graph) throw new MlopsError(`${file}: not an ONNX model (no graph)`);
  return model;
}

function describeModel(model: Onnx.ModelProto): OnnxDescription {
  // decodeOnnx refuses a model without a graph.
  const graph = model.graph!;
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name));
  const sig = (v: Onnx.IValueInfoProto): TensorSignature => ({
    name: v.name ?? '',
    type: ELEM_NAMES[v.type?.tensorType?.elemType ?? 0] ?? (v.type?.tensorType ? 'unknown' : 'non-tensor'),
    shape: (v.type?.tensorType?.shape?.dim ?? []).map((d) => (d.dimParam ? d.dimParam : d.dimValue != null ? Number(d.dimValue) : '?')),
  });
  const metadata: Record<string, string> = {};
  for (const p of model.metadataProps ?? []) if (p.key) metadata[p.key] = p.value ?? '';
  return {
    // Older exporters list initializers among the inputs; they are not fed.
    inputs: (graph.input ?? []).filter((v) => !initializers.has(v.name ?? '')).map(sig),
    outputs: (graph.output ?? []).map(sig),
    metadata,
    producer: `${model.producerName ?? ''} ${model.producerVersion ?? ''}`.trim(),
  };
}

export interface LoadOptions {
  /**
   * onnxruntime execution providers in order of preference, e.g. ['cuda', 'cpu'] on a GPU
   * runner whose onnxruntime-node was installed with ONNXRUNTIME_NODE_INSTALL=cuda12.
   */
  executionProviders?: string[];
  /**
   * The data columns, in order, that feed a model whose one input is an [N, k] matrix (what
   * skl2onnx and torch.onnx.export write by default). Without it, the sidecar beside the file
   * or its `mlops.features` metadata says; see src/model/feature-order.ts.
   */
  features?: string[];
  /**
   * onnxruntime's threads within one operator (default 1). Every caller here runs one model call
   * at a time beside its own reading, parsing and writing on the other cores: with onnxruntime's
   * default (a thread per core) its spinning workers compete with that work. Measured on the
   * 200k-row predict bench: same wall time, about 0.6× the CPU time (scripts/bench/predict.ts).
   */
  intraOpThreads?: number;
}

/**
 * Loads an ONNX model for batch prediction with onnxruntime-node.
 *
 * With our `mlops.model_info` metadata the graph takes one [N,1] input per feature (float or
 * string) and gives `probabilities`/`label` or `prediction`. A plain ONNX model from any
 * framework works under these rules: a graph whose one input is a float/double [N, k] matrix
 * is fed from the k data columns a feature order names (LoadOptions.features, the sidecar or
 * the `mlops.features` metadata); otherwise every graph input is fed from the data column of
 * the same name (float/double/int64/int32/bool/string, shape [N] or [N,1]). A ZipMap output
 * (skl2onnx's sequence of maps) is read as the probability tensor it was made from, with the
 * ZipMap's class labels. A float output whose last dimension is fixed and ≥ 2 makes it a
 * classifier with those probability columns (classes "0".."K-1" unless a ZipMap named them),
 * else a string/int64 output makes it a classifier predicting that label, else the first float
 * output is a regression prediction.
 */
export async function loadModel(file: string, options: LoadOptions = {}): Promise<ModelRunner> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new MlopsError(`${file}: cannot read model (${errorMessage(err)})`);
  }
  const model = decodeOnnx(bytes, file);
  const described = describeModel(model);
  const ours = described.metadata[META_MODEL_INFO];
  let sessionBytes = bytes;
  let outputs = described.outputs;
  let unzipped: UnzippedOutput[] = [];
  if (ours === undefined && outputs.some((o) => o.type === 'non-tensor')) {
    // The rewrite edits the decoded graph in place; its outputs are read from it again.
    const rewritten = unzipMapOutputs(model);
    if (rewritten) {
      sessionBytes = rewritten.bytes;
      unzipped = rewritten.unzipped;
      outputs = describeModel(model).outputs;
    }
  }
  const matrix = ours === undefined ? matrixPlan(described.inputs, described.metadata, file, options.features) : undefined;
  const ort: Ort = await import('onnxruntime-node');
  let session: import('onnxruntime-node').InferenceSession;
  try {
    session = await ort.InferenceSession.create(sessionBytes, {
      logSeverityLevel: 3,
      executionProviders: options.executionProviders ?? ['cpu'],
      intraOpNumThreads: options.intraOpThreads ?? 1,
    });
  } catch (err) {
    throw new MlopsError(`${file}: onnxruntime cannot load the model (${errorMessage(err)})`);
  }
  const plan = ours === undefined ? plainPlan(described.inputs, outputs, file, matrix, unzipped, described.metadata) : ownPlan(ours, outputs, file);
  // onnxruntime-node returns tensors only: outputs it cannot return are not fetched at all.
  const fetches = outputs.filter((o) => o.type !== 'non-tensor').map((o) => o.name);
  const textInputs = new Set(plan.info.features.filter((f) => f.type === 'text').map((f) => f.name));

  return {
    info: plan.info,
    async predict(columns, rows): Promise<PredictionBatch> {
      const feeds: Record<string, import('onnxruntime-node').Tensor> = {};
      if (matrix) feeds[matrix.input] = matrixTensor(ort, described.inputs[0], matrix.features, columns, rows);
      else {
        for (const input of described.inputs) {
          const c = columns.indexOf(input.name);
          if (c < 0) throw new MlopsError(`missing required feature "${input.name}" (model input ${input.type}[${input.shape.join(',')}])`);
          feeds[input.name] = inputTensor(ort, input, rows, c, textInputs.has(input.name));
        }
      }
      let results: Awaited<ReturnType<typeof session.run>>;
      try {
        results = await session.run(feeds, fetches);
      } catch (err) {
        throw new MlopsError(`${file}: inference failed (${errorMessage(err)})`);
      }
      return plan.read(results, rows.length);
    },
    async close() {
      await session.release();
    },
  };
}

interface Plan {
  info: ModelInfo;
  read(results: Record<string, import('onnxruntime-node').Tensor>, n: number): PredictionBatch;
}

function ownPlan(json: string, outputs: TensorSignature[], file: string): Plan {
  let info: ModelInfo;
  try {
    info = ModelInfoSchema.parse(JSON.parse(json));
  } catch (err) {
    throw new MlopsError(`${file}: metadata "${META_MODEL_INFO}" is not a valid model info (${errorMessage(err)})`);
  }
  if (info.task === 'classification') {
    const classes = info.classes ?? [];
    if (!outputs.some((o) => o.name === 'probabilities')) throw new MlopsError(`${file}: classifier has no "probabilities" output`);
    return { info, read: (r, n) => classify(r.probabilities, n, classes) };
  }
  if (!outputs.some((o) => o.name === 'prediction')) throw new MlopsError(`${file}: regressor has no "prediction" output`);
  return { info, read: (r, n) => ({ predictions: Array.from(r.prediction.data as Float32Array).slice(0, n) }) };
}

/** The feature order of a plain model whose one input is a matrix; undefined for per-column inputs. */
function matrixPlan(inputs: TensorSignature[], metadata: Record<string, string>, file: string, given?: string[]): MatrixInput | undefined {
  const input = matrixInput(inputs);
  if (!input) return undefined;
  const order = findFeatureOrder(file, metadata, given);
  if (!order) {
    throw new SettingError(
      'features',
      (name) =>
        `${file}: input "${input.name}" is one ${input.type}[${input.shape.join(',')}] matrix, so its columns need names in order: give them with ${name('features')}, in a features: entry of ${sidecarPath(file)}, or in the model's "mlops.features" metadata`,
    );
  }
  checkFeatureOrder(input, order, file);
  return { input: input.name, features: order.features, source: order.source };
}

function plainPlan(
  inputs: TensorSignature[],
  outputs: TensorSignature[],
  file: string,
  matrix: MatrixInput | undefined,
  unzipped: UnzippedOutput[],
  metadata: Record<string, string>,
): Plan {
  const features: FeatureSpec[] = matrix
    ? matrix.features.map((name) => ({ name, type: 'number' as const }))
    : inputs.map((i) => ({
        name: i.name,
        type: i.type === 'string' ? 'category' : i.type === 'bool' ? 'boolean' : i.type.startsWith('int') ? 'integer' : 'number',
      }));
  const base = { target: '', features, ...(matrix ? { matrix_input: matrix } : {}) };
  const zipped = unzipped[0];
  const probs = zipped
    ? outputs.find((o) => o.name === zipped.tensor)
    : outputs.find((o) => (o.type === 'float' || o.type === 'double') && typeof o.shape.at(-1) === 'number' && (o.shape.at(-1) as number) >= 2);
  const label = outputs.find((o) => o.type === 'string' || o.type === 'int64');
  if (probs) {
    const k = probs.shape.at(-1) as number;
    const classes = zipped ? zipped.classes : (namedClasses(metadata, k, file) ?? Array.from({ length: k }, (_, i) => String(i)));
    const info: ModelInfo = { task: 'classification', ...base, classes };
    return {
      info,
      read(r, n) {
        const batch = classify(r[probs.name], n, classes);
        if (label) batch.predictions = Array.from(r[label.name].data as ArrayLike<unknown>, (v) => String(v)).slice(0, n);
        return batch;
      },
    };
  }
  if (label) {
    return {
      info: { task: 'classification', ...base },
      read: (r, n) => ({ predictions: Array.from(r[label.name].data as ArrayLike<unknown>, (v) => String(v)).slice(0, n) }),
    };
  }
  const value = outputs.find((o) => o.type === 'float' || o.type === 'double');
  if (!value) {
    const maps = outputs.some((o) => o.type === 'non-tensor');
    throw new MlopsError(
      `${file}: no tensor output to read predictions from (outputs: ${outputs.map((o) => `${o.name}:${o.type}`).join(', ')})` +
        (maps ? '; onnxruntime-node returns tensors only: export the classifier without maps (skl2onnx: options={"zipmap": False})' : ''),
    );
  }
  return {
    info: { task: 'regression', ...base },
    read: (r, n) => ({ predictions: Array.from(r[value.name].data as ArrayLike<number>, Number).slice(0, n) }),
  };
}

/**
 * The labels of a plain classifier's K probability columns, from its `mlops.classes` metadata
 * (a JSON list, written by exporters that know them: templates/examples/pytorch/train.py).
 */
function namedClasses(metadata: Record<string, string>, k: number, file: string): string[] | undefined {
  const text = metadata[META_CLASSES];
  if (text === undefined) return undefined;
  let classes: unknown;
  try {
    classes = JSON.parse(text);
  } catch {
    classes = undefined;
  }
  if (!Array.isArray(classes) || classes.length !== k)
    throw new MlopsError(`${file}: metadata "${META_CLASSES}" should be a JSON list of the ${k} class labels (got ${text.slice(0, 80)})`);
  return classes.map(String);
}

/** One [n, k] tensor from k named columns, in the model's order. */
function matrixTensor(ort: Ort, input: TensorSignature, features: string[], columns: readonly string[], rows: Cell[][]): import('onnxruntime-node').Tensor {
  const k = features.length;
  const at = features.map((name) => {
    const c = columns.indexOf(name);
    if (c < 0)
      throw new MlopsError(
        `missing required feature "${name}" (column ${features.indexOf(name) + 1} of model input ${input.name} ${input.type}[${input.shape.join(',')}])`,
      );
    return c;
  });
  const n = rows.length;
  const data = input.type === 'double' ? new Float64Array(n * k) : new Float32Array(n * k);
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    for (let j = 0; j < k; j++) data[r * k + j] = numericCell(row[at[j]] ?? null);
  }
  return new ort.Tensor(input.type === 'double' ? 'float64' : 'float32', data, [n, k]);
}

function classify(tensor: import('onnxruntime-node').Tensor, n: number, classes: string[]): PredictionBatch {
  const data = tensor.data as Float32Array | Float64Array;
  const k = classes.length;
  const probabilities: number[][] = [];
  const predictions: string[] = [];
  for (let r = 0; r < n; r++) {
    const row = Array.from(data.subarray(r * k, r * k + k));
    let best = 0;
    for (let j = 1; j < k; j++) if (row[j] > row[best]) best = j;
    probabilities.push(row);
    predictions.push(classes[best]);
  }
  return { predictions, probabilities };
}

function inputTensor(ort: Ort, input: TensorSignature, rows: Cell[][], c: number, text: boolean): import('onnxruntime-node').Tensor {
  const n = rows.length;
  const dims = input.shape.length <= 1 ? [n] : [n, ...input.shape.slice(1).map((d) => (typeof d === 'number' ? d : 1))];
  switch (input.type) {
    case 'float':
      return new ort.Tensor(
        'float32',
        Float32Array.from(rows, (row) => numericCell(row[c] ?? null)),
        dims,
      );
    case 'double':
      return new ort.Tensor(
        'float64',
        Float64Array.from(rows, (row) => numericCell(row[c] ?? null)),
        dims,
      );
    case 'int64':
      return new ort.Tensor(
        'int64',
        BigInt64Array.from(rows, (row, r) => BigInt(integerCell(row[c] ?? null, input.name, r))),
        dims,
      );
    case 'int32':
      return new ort.Tensor(
        'int32',
        Int32Array.from(rows, (row, r) => integerCell(row[c] ?? null, input.name, r)),
        dims,
      );
    case 'bool':
      return new ort.Tensor(
        'bool',
        Uint8Array.from(rows, (row) => (numericCell(row[c] ?? null) ? 1 : 0)),
        dims,
      );
    case 'string':
      // Text is cut where training cut it, so an arbitrarily long cell costs no more than the limit.
      return new ort.Tensor(
        'string',
        rows.map((row) => (text ? truncateText(categoryCell(row[c] ?? null)) : categoryCell(row[c] ?? null))),
        dims,
      );
    default:
      throw new MlopsError(`model input "${input.name}" has type ${input.type}, which cannot be fed from a data column`);
  }
}

function integerCell(cell: Cell, column: string, row: number): number {
  const n = toNumber(cell);
  if (n === undefined || !Number.isInteger(n)) {
    throw new MlopsError(`row ${row + 1}, column "${column}": the model needs an integer, got ${cell === null ? 'nothing' : `"${cellText(cell)}"`}`);
  }
  return n;
}
