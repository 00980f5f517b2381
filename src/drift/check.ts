import { resolve } from 'node:path';
import { driftMarkdown } from './report.ts';
import { readText } from '../util/fs.ts';
import { repoRelative } from '../util/repo-path.ts';
import { parseDriftConfig } from './config.ts';
import { detectDrift, type DriftResult } from './detect.ts';
import { classifySources, loadProfile } from './load.ts';
import type { MethodChoice } from './methods.ts';
import { profileWindow } from './window.ts';

export interface DriftCheckRequest {
  reference: string[];
  current: string[];
  columns?: string[];
  method?: MethodChoice;
  threshold?: number;
  driftShare?: number;
  /** Path of a drift.yml. */
  config?: string;
  /** Model name for the report heading. */
  model?: string;
  /** The model's target column (default: drift.yml's target_column): reported as label drift. */
  target?: string;
  delimiter?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  onProgress?: (rows: number) => void;
}

/**
 * The whole check as the CLI and the action run it: load both sides, compare, render. Current
 * data files are read with profileWindow (only what the tests need); profiles are used as given.
 */
export async function runDriftCheck(input: DriftCheckRequest): Promise<{ result: DriftResult; markdown: string }> {
  const config = input.config ? parseDriftConfig(await readText(resolve(input.cwd, input.config)), input.config) : undefined;
  const load = (sources: string[]) =>
    loadProfile(sources, { cwd: input.cwd, env: input.env, delimiter: input.delimiter, now: input.now, onProgress: input.onProgress });
  const reference = await load(input.reference);
  const sources = await classifySources(input.current, input.cwd);
  const current =
    sources.kind === 'data'
      ? await profileWindow(sources.files, reference, input.columns, { delimiter: input.delimiter, onProgress: input.onProgress, now: input.now })
      : await load(input.current);
  const result = detectDrift(reference, current, {
    columns: input.columns,
    method: input.method,
    threshold: input.threshold,
    driftShare: input.driftShare,
    config,
  });
  // The report names files as a reader of the repository knows them, not by the runner's absolute paths.
  const shown = (sources: string[]) => sources.map((p) => (p.startsWith('registry:') ? p : repoRelative(p, input.cwd))).join(', ');
  const markdown = driftMarkdown(result, { model: input.model, reference: shown(input.reference), current: shown(input.current), target: input.target ?? config?.target_column });
  return { result, markdown };
}
