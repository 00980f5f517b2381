import { dirname, join, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { isRegistryRef, resolveRegistryBaseline, resolveRegistryRef } from '../registry/resolve.ts';
import { parseModelRef } from '../registry/refs.ts';
import { expandDataPaths } from '../data/read.ts';
import type { ModelRunner } from '../model/types.ts';
import { evaluationMarkdown } from './report.ts';
import { readText } from '../util/fs.ts';
import { evaluateRunners } from './evaluate.ts';
import { gateWarnings, parseGate } from './gate.ts';
import type { Evaluation } from './types.ts';
import type { NoChampion } from './verdict.ts';
import { readLabels } from '../data/labels.ts';
import { createLabelJoin } from './label-join.ts';

export type LoadModel = (file: string, options?: { features?: string[] }) => Promise<ModelRunner>;

export interface EvaluateRequest {
  model: string;
  data: string[];
  target: string;
  /**
   * `registry:NAME#STAGE`, `registry:NAME@VERSION` or a model file; none for a first model.
   * A registry reference that names nothing yet (no branch, no such model, empty stage) is
   * first-model mode too: absolute rules only, and the report says why.
   */
  baseline?: string;
  gate?: string;
  slices?: string[];
  latencyRows?: number;
  /**
   * Late labels: `data` are logged predictions (or any rows with `key`), joined with these
   * label files by `key`; `target` names the label column. Only rows logged since `since` count.
   */
  labels?: { files: string[]; key: string; since?: Date };
  /** Fewer evaluated rows than this: no metrics, the gate is not applied (see EvaluateOptions). */
  minRows?: number;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Turns a model file into a runner (onnxruntime-node's loadModel in the CLI and action). */
  /** The candidate's column order when it takes one [N, k] matrix. */
  features?: string[];
  loadModel: LoadModel;
  clock: () => number;
  now: () => Date;
  onProgress?: (rows: number) => void;
  /** Deprecation warnings (a gate metric under its old name). */
  warn?: (line: string) => void;
}

/** The whole `mlops evaluate`: resolve the baseline, load both models, evaluate, render. */
export async function runEvaluation(request: EvaluateRequest): Promise<{ evaluation: Evaluation; markdown: string }> {
  const gate = request.gate ? parseGate(await readText(resolve(request.cwd, request.gate)), request.gate) : undefined;
  if (gate) for (const line of gateWarnings(gate, request.gate!)) request.warn?.(line);
  const files = (await expandDataPaths(request.data, request.cwd)).map((f) => resolve(request.cwd, f));
  // Either model may come from the registry: evaluating registry:NAME#production on freshly
  // labelled data is how a scheduled run measures performance drift.
  const modelFile = async (ref: string): Promise<{ file: string; params?: Record<string, unknown> }> => {
    if (!isRegistryRef(ref)) return { file: resolve(request.cwd, ref), params: await lineageParams(resolve(request.cwd, ref)) };
    const resolved = await resolveRegistryRef(ref, { cwd: request.cwd, env: request.env });
    return { file: resolved.modelFile, params: recordOf(resolved.metadata.params) };
  };
  const candidateModel = await modelFile(request.model);
  const candidateFile = candidateModel.file;
  let championFile: string | undefined;
  let championParams: Record<string, unknown> | undefined;
  let noChampion: NoChampion = { kind: 'first' };
  if (request.baseline && isRegistryRef(request.baseline)) {
    const found = await resolveRegistryBaseline(request.baseline, { cwd: request.cwd, env: request.env });
    if ('absent' in found) {
      const { stage } = parseModelRef(request.baseline.slice('registry:'.length));
      noChampion = { kind: 'absent', baseline: request.baseline, stage, reason: found.absent };
    } else {
      championFile = found.modelFile;
      championParams = recordOf(found.metadata.params);
    }
  } else if (request.baseline) {
    championFile = resolve(request.cwd, request.baseline);
    championParams = await lineageParams(championFile);
  }
  const join = request.labels
    ? createLabelJoin({ labels: await readLabels(request.labels.files, request.labels.key, request.target, request.cwd), since: request.labels.since })
    : undefined;
  const runners: ModelRunner[] = [];
  try {
    // The feature order given is the candidate's: a champion brings its own (sidecar or metadata).
    const candidate = await request.loadModel(candidateFile, { features: request.features });
    runners.push(candidate);
    const champion = championFile ? await request.loadModel(championFile) : undefined;
    if (champion) runners.push(champion);
    const evaluation = await evaluateRunners({
      files,
      dataNames: request.data,
      target: request.target,
      candidate: { runner: candidate, name: request.model, file: candidateFile },
      champion: champion && { runner: champion, name: request.baseline!, file: championFile },
      gate,
      sliceColumns: request.slices,
      latencyRows: request.latencyRows,
      source: join?.batches,
      minRows: request.minRows,
      noChampion: join !== undefined && !champion ? { kind: 'monitoring' } : noChampion,
      clock: request.clock,
      now: request.now,
      onProgress: request.onProgress,
    });
    if (join) evaluation.labels = join.summary();
    if (noChampion.kind === 'absent') evaluation.first_model = { baseline: noChampion.baseline, reason: noChampion.reason };
    // Parameters let a retrain's report diff them against the champion's.
    if (candidateModel.params) evaluation.candidate.params = candidateModel.params;
    if (championParams && evaluation.champion) evaluation.champion.params = championParams;
    return { evaluation, markdown: evaluationMarkdown(evaluation) };
  } finally {
    for (const r of runners) await r.close();
  }
}

/** The training parameters in lineage.json beside a model file; none when there is no readable one. */
async function lineageParams(modelFile: string): Promise<Record<string, unknown> | undefined> {
  try {
    return recordOf(JSON.parse(await readFile(join(dirname(modelFile), 'lineage.json'), 'utf8')).params);
  } catch {
    return undefined;
  }
}

function recordOf(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
