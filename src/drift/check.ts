import { resolve } from 'node:path';
import { driftMarkdown } from '../report/drift-report.ts';
import { readText } from '../util/fs.ts';
import { repoRelative } from '../util/repo-path.ts';
import { parseDriftConfig } from './config.ts';
import { detectDrift, type DriftResult } from './detect.ts';
import { classifySources, loadProfile } from './load.ts';
import type { MethodChoice } from './methods.ts';
import { profileWindow } from './window.ts';
import { readSamples, SampleBuffer, type ColumnSamples, type ExactMode } from './exact/samples.ts';
import { columnKind } from './methods.ts';
import { MlopsError, listPreview } from '../util/errors.ts';

export interface DriftCheckInput {
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
  /** `--exact`: raw values when both sides are data files and fit the budget (default auto). */
  exact?: ExactMode;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  onProgress?: (rows: number) => void;
}

/**
 * The whole check as the CLI and the action run it: load both sides, compare, render. Current
 * data files are read with profileWindow (only what the tests need); profiles are used as given.
 */
export async function runDriftCheck(input: DriftCheckInput): Promise<{ result: DriftResult; markdown: string }> {
  const config = input.config ? parseDriftConfig(await readText(resolve(input.cwd, input.config)), input.config) : undefined;
  const load = (sources: string[]) =>
    loadProfile(sources, { cwd: input.cwd, env: input.env, delimiter: input.delimiter, now: input.now, onProgress: input.onProgress });
  const reference = await load(input.reference);
  const sources = await classifySources(input.current, input.cwd);
  const exact = input.exact ?? 'auto';
  const referenceSources = await classifySources(input.reference, input.cwd);
  // The exact path: with raw data on both sides, numeric columns keep their values (one extra pass over the reference)
  const rawBoth = exact !== 'never' && referenceSources.kind === 'data' && sources.kind === 'data';
  const wanted = new Set(input.columns && input.columns.length > 0 ? input.columns : reference.columns.map((c) => c.name));
  const numeric = reference.columns.filter((c) => wanted.has(c.name) && columnKind(c.type) === 'numeric').map((c) => c.name);
  const refBuffers = rawBoth ? await readSamples(referenceSources.files, numeric, { delimiter: input.delimiter }) : undefined;
  const curBuffers = rawBoth ? new Map(numeric.map((c) => [c, new SampleBuffer()])) : undefined;
  const current =
    sources.kind === 'data'
      ? await profileWindow(sources.files, reference, input.columns, { delimiter: input.delimiter, onProgress: input.onProgress, now: input.now, samples: curBuffers })
      : await load(input.current);
  const samples = new Map<string, ColumnSamples>();
  for (const name of numeric) {
    const r = refBuffers?.get(name)?.sorted();
    const c = curBuffers?.get(name)?.sorted();
    if (r && c && r.length > 0 && c.length > 0) samples.set(name, { reference: r, current: c });
  }
  const result = detectDrift(reference, current, {
    columns: input.columns,
    method: input.method,
    threshold: input.threshold,
    driftShare: input.driftShare,
    config,
    samples,
    exact,
  });
  if (exact === 'always') {
    const sketched = Object.entries(result.columns).filter(([, c]) => !c.exact);
    if (sketched.length > 0) {
      const why = (name: string) =>
        refBuffers?.get(name)?.reason ?? curBuffers?.get(name)?.reason ?? (rawBoth ? 'its values could not be kept' : 'a side is a profile that keeps only a sketch of it');
      throw new MlopsError(`--exact always: ${listPreview(sketched.map(([n]) => `column "${n}" cannot be compared exactly (${why(n)})`))}`);
    }
  }
  // The report names files as a reader of the repository knows them, not by the runner's absolute paths.
  const shown = (sources: string[]) => sources.map((p) => (p.startsWith('registry:') ? p : repoRelative(p, input.cwd))).join(', ');
  const markdown = driftMarkdown(result, { model: input.model, reference: shown(input.reference), current: shown(input.current), target: input.target ?? config?.target_column });
  return { result, markdown };
}
