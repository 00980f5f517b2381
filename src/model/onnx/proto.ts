import onnxProto from 'onnx-proto';

/**
 * The ONNX protobuf messages (ModelProto, GraphProto, ...) generated from the official
 * onnx.proto by the `onnx-proto` package; everything that reads or writes .onnx bytes goes
 * through these so the wire format is the schema's, never hand-encoded. Types come from
 * `import type { onnx as Onnx } from 'onnx-proto'`.
 */
export const onnx = onnxProto.onnx;
