import type { onnx as Onnx } from 'onnx-proto';
import { onnx } from './proto.ts';

const DataType = onnx.TensorProto.DataType;
export type ElemType = 'float' | 'int64' | 'string';

const ELEM: Record<ElemType, number> = { float: DataType.FLOAT, int64: DataType.INT64, string: DataType.STRING };

/** Dimensions: a number is fixed, a string is a symbolic dimension such as the batch size "N". */
export type Shape = (number | string)[];

/** A plain number is an INT attribute; floats are wrapped so 1.0 is never mistaken for an int. */
export type AttrValue = number | string | number[] | string[] | { float: number } | { floats: number[] };

export interface ValueSpec {
  name: string;
  type: ElemType;
  shape: Shape;
}

/** Opsets the exported graphs rely on; both are supported by every onnxruntime ≥ 1.10. */
export const OPSET = { 'ai.onnx': 13, 'ai.onnx.ml': 2 } as const;

/** Declared only by graphs that use them: onnxruntime's contrib ops (the text Tokenizer). */
const EXTRA_OPSETS: Record<string, number> = { 'com.microsoft': 1 };

/**
 * Accumulates nodes, initializers and graph inputs/outputs and serialises them as one
 * ModelProto. Names are made unique with a counter so callers never clash.
 */
export class GraphBuilder {
  private readonly nodes: Onnx.INodeProto[] = [];
  private readonly initializers: Onnx.ITensorProto[] = [];
  private readonly inputs: Onnx.IValueInfoProto[] = [];
  private readonly outputs: Onnx.IValueInfoProto[] = [];
  private counter = 0;

  /** Internal names start with "__" so they cannot collide with graph inputs named after data columns. */
  fresh(hint: string): string {
    return `__${hint}_${this.counter++}`;
  }

  input(spec: ValueSpec): string {
    this.inputs.push(valueInfo(spec));
    return spec.name;
  }

  output(spec: ValueSpec): void {
    this.outputs.push(valueInfo(spec));
  }

  floats(hint: string, dims: number[], values: ArrayLike<number>): string {
    const name = this.fresh(hint);
    this.initializers.push({ name, dims, dataType: DataType.FLOAT, floatData: Array.from(values) });
    return name;
  }

  int64s(hint: string, dims: number[], values: readonly number[]): string {
    const name = this.fresh(hint);
    this.initializers.push({ name, dims, dataType: DataType.INT64, int64Data: values.slice() });
    return name;
  }

  /** Adds a node; `output` names the result (a fresh name from `hint` when omitted). */
  node(opType: string, inputs: string[], attrs: Record<string, AttrValue> = {}, options: { domain?: string; output?: string } = {}): string {
    const out = options.output ?? this.fresh(opType.toLowerCase());
    this.nodes.push({
      opType,
      domain: options.domain ?? '',
      input: inputs,
      output: [out],
      name: this.fresh(`n_${opType}`),
      attribute: Object.entries(attrs).map(([name, value]) => attribute(name, value)),
    });
    return out;
  }

  encode(options: { graphName: string; producer: string; producerVersion: string; docString?: string; metadata: Record<string, string> }): Uint8Array {
    const model: Onnx.IModelProto = {
      irVersion: 8,
      producerName: options.producer,
      producerVersion: options.producerVersion,
      docString: options.docString ?? '',
      opsetImport: [
        ...Object.entries(OPSET).map(([domain, version]) => ({ domain: domain === 'ai.onnx' ? '' : domain, version })),
        ...Object.entries(EXTRA_OPSETS)
          .filter(([domain]) => this.nodes.some((n) => n.domain === domain))
          .map(([domain, version]) => ({ domain, version })),
      ],
      metadataProps: Object.entries(options.metadata).map(([key, value]) => ({ key, value })),
      graph: {
        name: options.graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    };
    return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
  }
}

function valueInfo(spec: ValueSpec): Onnx.IValueInfoProto {
  return {
    name: spec.name,
    type: {
      tensorType: {
        elemType: ELEM[spec.type],
        shape: { dim: spec.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

const AttrType = onnx.AttributeProto.AttributeType;

function attribute(name: string, value: AttrValue): Onnx.IAttributeProto {
  if (typeof value === 'number') return { name, type: AttrType.INT, i: value };
  if (typeof value === 'string') return { name, type: AttrType.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) {
      return { name, type: AttrType.STRINGS, strings: (value as string[]).map((v) => new TextEncoder().encode(v)) };
    }
    return { name, type: AttrType.INTS, ints: value as number[] };
  }
  if ('floats' in value) return { name, type: AttrType.FLOATS, floats: value.floats };
  return { name, type: AttrType.FLOAT, f: value.float };
}
