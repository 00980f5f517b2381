import { oneOf } from './args.ts';
import { openRunLocation, DEFAULT_RUNS_DIR, type RunLocation } from '../registry/runs.ts';

/** Where `mlops runs` and `mlops sweep collect` read runs: the same resolution `mlops train` writes with. */
export const runStoreOptions = {
  'runs-dir': { type: 'string' },
  remote: { type: 'string' },
  branch: { type: 'string' },
  backend: { type: 'string' },
  repo: { type: 'string' },
  'api-url': { type: 'string' },
  cache: { type: 'string' },
} as const;

export const RUN_STORE_HELP = `Where the runs are (the same rule mlops train writes by):
  --runs-dir DIR      a folder of <yyyy-mm>/<id>.json records   [MLOPS_RUNS_DIR]
  --remote URL|PATH   runs/ on the registry branch of this remote  [MLOPS_REGISTRY_REMOTE]
  --branch NAME       registry branch (default mlops-registry)     [MLOPS_REGISTRY_BRANCH]
  --backend B         git (default) or github (REST API: --repo OWNER/NAME, GITHUB_TOKEN, --api-url)
  --cache DIR         reuse a bare repository between runs          [MLOPS_REGISTRY_CACHE]
  Default: the registry branch when a registry is named, else ${DEFAULT_RUNS_DIR} in the working directory.
`;

export function openRunStore(
  command: string,
  values: { 'runs-dir'?: string; remote?: string; branch?: string; backend?: string; repo?: string; 'api-url'?: string; cache?: string },
  io: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<RunLocation> {
  const backend = values.backend === undefined ? undefined : oneOf(command, '--backend', values.backend, ['git', 'github'] as const, 'git');
  return openRunLocation({
    cwd: io.cwd,
    env: io.env,
    runsDir: values['runs-dir'],
    remote: values.remote,
    branch: values.branch,
    backend,
    repo: values.repo,
    apiUrl: values['api-url'],
    cacheDir: values.cache,
  });
}
