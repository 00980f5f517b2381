import { resolve } from 'node:path';
import { driftHtml } from './html-report.ts';
import { driftMarkdown } from './report.ts';
import { readText } from '../util/fs.ts';
import { repoRelative } from '../util/repo-path.ts';
import { parseDriftConfig } from './config.ts';
import type { InconclusivePolicy } from './bound.ts';
import { detectDrift, type DriftResult, type Weighting } from './detect.ts';
import { classifySources, loadProfile } from './load.ts';
import type { MethodChoice } from './methods.ts';
import { textDriftMarkdown } from './text.ts';
import { loadReference } from './reference.ts';
import { profileWindow } from './window.ts';
import { readSamples, SampleBuffer, type ColumnSamples, type ExactMode } from './exact/samples.ts';
import { columnKind } from './methods.ts';
import { ExactDistribution, numericDistribution } from './distribution.ts';
import { MlopsError, listPreview } from '../util/errors.ts';

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
  /** `--exact`: raw values when both sides are data files and fit the budget (default auto). */
  exact?: ExactMode;
  /** How inconclusive columns count in the share (default exclude). */
  inconclusive?: InconclusivePolicy;
  /** importance (default when the registry version stores it) or equal. */
  weights?: Weighting;
  /** Also render the self-contained HTML report. */
  html?: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  onProgress?: (rows: number) => void;
}

/**
 * The whole check as the CLI and the action run it: load both sides, compare, render. Current
 * data files are read with profileWindow (only what the tests need); profiles are used as given.
 */
export async function runDriftCheck(input: DriftCheckRequest): Promise<{ result: DriftResult; markdown: string; html?: string }> {
  const config = input.config ? parseDriftConfig(await readText(resolve(input.cwd, input.config)), input.config) : undefined;
  const loadOptions = { cwd: input.cwd, env: input.env, delimiter: input.delimiter, now: input.now, onProgress: input.onProgress };
  const load = (sources: string[]) => loadProfile(sources, loadOptions);
  const { profile: reference, importance } = await loadReference(input.reference, loadOptions);
  if (input.weights === 'importance' && !importance) {
    throw new MlopsError(
      `--weights importance: ${input.reference.join(', ')} has no stored importance (it comes with registry:NAME#STAGE versions trained by the built-in trainer); use --weights equal`,
    );
  }
  const sources = await classifySources(input.current, input.cwd);
  const exact = input.exact ?? 'auto';
  const referenceSources = await classifySources(input.reference, input.cwd);
  // The exact path: with raw current data, numeric columns keep their values — against raw
  // reference data (read once more) or a reference profile that holds the column exactly
  // (a small training set's stored values, or exact value counts)
  const refColumns = new Map(reference.columns.map((c) => [c.name, c]));
  const wanted = new Set(input.columns && input.columns.length > 0 ? input.columns : reference.columns.map((c) => c.name));
  const rawCurrent = exact !== 'never' && sources.kind === 'data';
  const rawReference = rawCurrent && referenceSources.kind === 'data';
  const fromProfile = (name: string) => {
    const d = numericDistribution(refColumns.get(name)!);
    return d instanceof ExactDistribution ? d.sortedSample() : null;
  };
  const numeric = reference.columns.filter((c) => wanted.has(c.name) && columnKind(c.type) === 'numeric').map((c) => c.name);
  const refBuffers = rawReference ? await readSamples((referenceSources as { files: string[] }).files, numeric, { delimiter: input.delimiter }) : undefined;
  const refSorted = new Map<string, Float64Array>();
  if (rawCurrent) {
    for (const name of numeric) {
      const r = refBuffers ? refBuffers.get(name)!.sorted() : fromProfile(name);
      if (r && r.length > 0) refSorted.set(name, r);
    }
  }
  const curBuffers = rawCurrent ? new Map([...refSorted.keys()].map((c) => [c, new SampleBuffer()])) : undefined;
  const current =
    sources.kind === 'data'
      ? await profileWindow(sources.files, reference, input.columns, {
          delimiter: input.delimiter,
          onProgress: input.onProgress,
          now: input.now,
          samples: curBuffers,
        })
      : await load(input.current);
  const samples = new Map<string, ColumnSamples>();
  for (const [name, r] of refSorted) {
    const c = curBuffers!.get(name)!.sorted();
    if (c && c.length > 0) samples.set(name, { reference: r, current: c });
  }
  const result = detectDrift(reference, current, {
    columns: input.columns,
    method: input.method,
    threshold: input.threshold,
    driftShare: input.driftShare,
    config,
    samples,
    exact,
    inconclusive: input.inconclusive,
    ...(importance ? { importance: importance.values, weights: input.weights ?? 'importance' } : {}),
  });
  if (exact === 'always') {
    const sketched = Object.entries(result.columns).filter(([, c]) => !c.exact);
    if (sketched.length > 0) {
      const why = (name: string) =>
        refBuffers?.get(name)?.reason ??
        curBuffers?.get(name)?.reason ??
        (rawCurrent ? 'the reference profile keeps only a sketch of it' : 'the current side is a profile that keeps only a sketch of it');
      const byReason = new Map<string, string[]>();
      for (const [n] of sketched) byReason.set(why(n), [...(byReason.get(why(n)) ?? []), `"${n}"`]);
      const parts = [...byReason].map(([reason, names]) => `${names.length === 1 ? 'column' : 'columns'} ${listPreview(names)} (${reason})`);
      throw new MlopsError(`--exact always: cannot compare ${parts.join('; ')} exactly`);
    }
  }
  // The report names files as a reader of the repository knows them, not by the runner's absolute paths.
  const shown = (sources: string[]) => sources.map((p) => (p.startsWith('registry:') ? p : repoRelative(p, input.cwd))).join(', ');
  const shownAs = { model: input.model, reference: shown(input.reference), current: shown(input.current), target: input.target ?? config?.target_column };
  const markdown = driftMarkdown(result, shownAs) + textDriftMarkdown(result.text_columns ?? {});
  return { result, markdown, ...(input.html ? { html: driftHtml(result, shownAs) } : {}) };
}
