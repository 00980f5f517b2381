import type { RegistryStore } from '../registry/store.ts';
import type { RunRecord } from '../runs/schema.ts';
import { listRuns } from '../runs/store.ts';
import { loadRegistry, mergeRuns } from './load.ts';
import { renderSite } from './render.ts';
import { writeSite } from './write.ts';

export interface BuildSiteOptions {
  store: RegistryStore;
  /** Runs from elsewhere (a --runs-dir), merged with those on the registry branch. */
  runs: RunRecord[];
  out: string;
  title: string;
  force: boolean;
  now: () => Date;
}

export interface BuildSiteResult {
  pages: number;
  models: number;
  versions: number;
  runs: number;
  commit: string | null;
}

/** Reads one snapshot of the registry branch (with its runs), renders the site and writes it. */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const snapshot = await options.store.snapshot();
  const registry = await loadRegistry(snapshot);
  // Runs recorded on the branch are read from the same snapshot, so they agree with the registry.
  const runs = mergeRuns(options.runs, snapshot.commit === null ? [] : await listRuns({ snapshot }));
  const generatedAt = options.now();
  const pages = renderSite({ registry, runs, title: options.title, generatedAt });
  await writeSite(
    options.out,
    pages,
    { schema_version: 1, kind: 'mlops/site', generated_at: generatedAt.toISOString(), registry_commit: registry.commit },
    { force: options.force },
  );
  return {
    pages: pages.size,
    models: registry.models.length,
    versions: registry.models.reduce((n, m) => n + m.versions.length, 0),
    runs: runs.length,
    commit: registry.commit,
  };
}
