import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { MlopsError, errorMessage } from '../util/errors.ts';
import type { TensorSignature } from './runtime.ts';

/** metadata_props key naming, in order, the columns of a model's one matrix input. */
export const META_FEATURES = 'mlops.features';
/** metadata_props key listing, as JSON, the class labels of a plain classifier's probability columns. */
export const META_CLASSES = 'mlops.classes';

/**
 * The sidecar beside a model from another framework (`model.onnx` → `model.mlops.yml`):
 * what the ONNX file cannot say about itself, for now the column order of its matrix input.
 */
export const SidecarSchema = z.object({
  schema_version: z.literal(1).default(1),
  features: z.array(z.string().min(1)).min(1),
});

export function sidecarPath(modelFile: string): string {
  return join(dirname(modelFile), `${basename(modelFile, extname(modelFile))}.mlops.yml`);
}

export function sidecarText(features: string[]): string {
  return stringifyYaml({ schema_version: 1, features }, { flow: false });
}

/** Where a feature order came from, for messages and /metadata. */
export type FeatureOrderSource = 'option' | 'sidecar' | 'metadata';

export function parseFeatureList(text: string, where: string): string[] {
  const trimmed = text.trim();
  let names: unknown;
  try {
    names = trimmed.startsWith('[') ? JSON.parse(trimmed) : trimmed.split(',').map((s) => s.trim());
  } catch (err) {
    throw new MlopsError(`${where}: not a feature list (${errorMessage(err)}); write it as a,b,c or ["a","b","c"]`);
  }
  if (!Array.isArray(names) || names.length === 0 || names.some((n) => typeof n !== 'string' || n === '')) {
    throw new MlopsError(`${where}: not a feature list; write it as a,b,c or ["a","b","c"]`);
  }
  return uniqueFeatures(names as string[], where);
}

/** A feature order names each column once: a column fed twice would shift every later one. */
function uniqueFeatures(names: string[], where: string): string[] {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new MlopsError(`${where}: feature "${n}" is named twice`);
    seen.add(n);
  }
  return names;
}

/**
 * The column order of a matrix-input model: given by the caller (`--features`), else the
 * sidecar beside the file, else the file's own `mlops.features` metadata. Undefined when none says.
 */
export function findFeatureOrder(
  modelFile: string,
  metadata: Record<string, string>,
  given?: string[],
): { features: string[]; source: FeatureOrderSource } | undefined {
  if (given && given.length > 0) return { features: uniqueFeatures(given, 'the feature list given'), source: 'option' };
  const sidecar = sidecarPath(modelFile);
  let text: string | undefined;
  try {
    text = readFileSync(sidecar, 'utf8');
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    let parsed: unknown;
    try {
      parsed = parseYaml(text);
    } catch (err) {
      throw new MlopsError(`${sidecar}: not YAML (${errorMessage(err)})`);
    }
    const checked = SidecarSchema.safeParse(parsed);
    if (!checked.success) throw new MlopsError(`${sidecar}: ${checked.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}`);
    return { features: uniqueFeatures(checked.data.features, sidecar), source: 'sidecar' };
  }
  if (metadata[META_FEATURES] !== undefined)
    return { features: parseFeatureList(metadata[META_FEATURES], `${modelFile}: metadata "${META_FEATURES}"`), source: 'metadata' };
  return undefined;
}

/** The one [N, k] float/double input of a model exported from a framework's feature matrix, if that is its shape. */
export function matrixInput(inputs: TensorSignature[]): TensorSignature | undefined {
  if (inputs.length !== 1) return undefined;
  const [input] = inputs;
  if (input.type !== 'float' && input.type !== 'double') return undefined;
  if (input.shape.length !== 2) return undefined;
  const k = input.shape[1];
  // [N, 1] is a one-column model, fed by name like ours; a symbolic width needs the order to say.
  return typeof k === 'number' && k <= 1 ? undefined : input;
}

/** Checks a feature order against the matrix input it feeds; the message names both. */
export function checkFeatureOrder(input: TensorSignature, order: { features: string[]; source: FeatureOrderSource }, file: string): void {
  const k = input.shape[1];
  if (typeof k === 'number' && k !== order.features.length) {
    const from = order.source === 'option' ? 'the feature list given' : order.source === 'sidecar' ? sidecarPath(file) : `metadata "${META_FEATURES}"`;
    throw new MlopsError(
      `${file}: input "${input.name}" takes ${k} columns (${input.type}[${input.shape.join(',')}]) but ${from} names ${order.features.length} (${order.features.join(', ')})`,
    );
  }
}
