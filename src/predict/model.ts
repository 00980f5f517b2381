import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { isRegistryRef, resolveRegistryRef } from '../registry/resolve.ts';
import { describeOnnx, loadModel } from '../model/runtime.ts';
import { META_PREPROCESSING } from '../model/tabular.ts';
import type { ModelRunner } from '../model/types.ts';
import { MlopsError, errorMessage } from '../util/errors.ts';

/** A model ready to score, with the name and version written beside every prediction. */
export interface ScoringModel {
  runner: ModelRunner;
  name: string;
  version: string;
  /** What the user asked for: the registry reference or the file path. */
  source: string;
  file: string;
  /**
   * True when the model imputes missing values itself (our exporter saves the fitted
   * imputation in the graph); a plain ONNX model would be fed NaN or "" silently, so there a
   * missing value rejects the row instead.
   */
  imputesMissing: boolean;
}

/**
 * Opens `registry:NAME#STAGE` / `registry:NAME@VERSION` through the registry, or a model file.
 * A file's version is the start of its sha256, so predictions from two different files
 * with the same name never look alike.
 */
export async function openScoringModel(ref: string, options: { cwd: string; env: NodeJS.ProcessEnv; features?: string[] }): Promise<ScoringModel> {
  let file: string;
  let name: string;
  let version: string | undefined;
  if (isRegistryRef(ref)) {
    const resolved = await resolveRegistryRef(ref, options);
    file = resolved.modelFile;
    name = resolved.name;
    version = resolved.version;
  } else {
    file = resolve(options.cwd, ref);
    name = basename(ref, extname(ref));
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new MlopsError(`${ref}: cannot read model (${errorMessage(err)})`);
  }
  version ??= 'sha256:' + createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const imputesMissing = describeOnnx(bytes, file).metadata[META_PREPROCESSING] !== undefined;
  const runner = await loadModel(file, { features: options.features });
  return { runner, name, version, source: ref, file, imputesMissing };
}
