import type { onnx as Onnx } from 'onnx-proto';
import { onnx } from './onnx/proto.ts';

/** A graph output that was a ZipMap's sequence of maps and is now its probability tensor. */
export interface UnzippedOutput {
  /** The output the exporter declared (e.g. skl2onnx's `output_probability`). */
  original: string;
  /** The tensor now read instead: the ZipMap's input, float [N, K]. */
  tensor: string;
  /** The class labels of the K columns, from the ZipMap's classlabels attribute. */
  classes: string[];
}

const FLOAT = 1;

/**
 * skl2onnx and onnxmltools end classifiers with a ZipMap node that turns the [N, K] probability
 * tensor into a sequence of {class: probability} maps, which onnxruntime-node cannot hand back
 * (it returns tensors only). The probabilities exist as the ZipMap's input, so the graph is
 * rewritten in memory to output that tensor instead, with the class labels taken from the
 * node; the model file itself is never changed. Returns the rewritten bytes, or null when the
 * graph has no ZipMap output.
 */
export function unzipMapOutputs(model: Onnx.ModelProto): { bytes: Uint8Array; unzipped: UnzippedOutput[] } | null {
  const graph = model.graph;
  if (!graph) return null;
  const zipmaps = (graph.node ?? []).filter((n) => n.opType === 'ZipMap' && (n.output ?? []).some((o) => (graph.output ?? []).some((g) => g.name === o)));
  if (zipmaps.length === 0) return null;
  const unzipped: UnzippedOutput[] = [];
  for (const node of zipmaps) {
    const [input] = node.input ?? [];
    const [output] = node.output ?? [];
    const attr = (name: string) => (node.attribute ?? []).find((a) => a.name === name);
    const ints = attr('classlabels_int64s')?.ints ?? [];
    const strings = attr('classlabels_strings')?.strings ?? [];
    const classes = ints.length > 0 ? ints.map((v) => String(v)) : strings.map((s) => Buffer.from(s).toString('utf8'));
    unzipped.push({ original: output, tensor: input, classes });
  }
  const replaced = new Map(unzipped.map((u) => [u.original, u]));
  graph.output = (graph.output ?? []).map((o) => {
    const u = replaced.get(o.name ?? '');
    if (!u) return o;
    // The exporter's own type for the tensor when it recorded one (skl2onnx writes float).
    const known = (graph.valueInfo ?? []).find((v) => v.name === u.tensor)?.type?.tensorType?.elemType;
    return onnx.ValueInfoProto.create({
      name: u.tensor,
      type: { tensorType: { elemType: known ?? FLOAT, shape: { dim: [{ dimParam: 'N' }, { dimValue: u.classes.length }] } } },
    });
  });
  // The ZipMap nodes now feed nothing the caller reads; dropping them keeps onnxruntime from
  // building the maps at all.
  const removed = new Set(zipmaps);
  graph.node = (graph.node ?? []).filter((n) => !removed.has(n));
  return { bytes: onnx.ModelProto.encode(model).finish(), unzipped };
}
