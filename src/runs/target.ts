import { resolve } from 'node:path';
import { openStore } from '../registry/open.ts';
import type { RegistryStore } from '../registry/store.ts';
import type { RunSource, RunTarget } from './store.ts';

/** The folder runs go to when neither --runs-dir nor a registry is configured. */
export const DEFAULT_RUNS_DIR = '.mlops/runs';

export interface RunLocationOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** --runs-dir (else MLOPS_RUNS_DIR). */
  runsDir?: string;
  remote?: string;
  branch?: string;
  backend?: 'git' | 'github';
  repo?: string;
  apiUrl?: string;
  cacheDir?: string;
  /** Write to the registry branch even when no remote is named (the checkout's origin, as the registry verbs default to). */
  registry?: boolean;
}

export interface RunLocation {
  /** Where, for messages: a folder or `<remote> (branch B)`. */
  description: string;
  source: RunSource;
  target: (now: () => Date) => RunTarget;
  close(): Promise<void>;
}

/**
 * Where runs are kept, the same for writing (`mlops train`) and reading (`mlops runs`):
 * `--runs-dir DIR` (or MLOPS_RUNS_DIR) when given; else the registry branch's `runs/` when a
 * registry is named (--remote, MLOPS_REGISTRY_REMOTE, or the github backend); else
 * `.mlops/runs` in the working directory. A local `mlops train` in a checkout therefore never
 * pushes to its origin unless asked to.
 */
export async function openRunLocation(o: RunLocationOptions): Promise<RunLocation> {
  const dirOption = o.runsDir ?? (o.env.MLOPS_RUNS_DIR || undefined);
  const backend = o.backend ?? (o.env.MLOPS_REGISTRY_BACKEND === 'github' ? 'github' : 'git');
  const registry = o.registry === true || o.remote !== undefined || !!o.env.MLOPS_REGISTRY_REMOTE || backend === 'github';
  if (dirOption !== undefined || !registry) {
    const dir = resolve(o.cwd, dirOption ?? DEFAULT_RUNS_DIR);
    return { description: dir, source: { dir }, target: () => ({ dir }), close: async () => undefined };
  }
  const store: RegistryStore = await openStore({
    backend,
    cwd: o.cwd,
    env: o.env,
    remote: o.remote,
    branch: o.branch,
    repo: o.repo,
    apiUrl: o.apiUrl,
    cacheDir: o.cacheDir,
  });
  return { description: store.description, source: { store }, target: (now) => ({ store, now }), close: () => store.close() };
}
