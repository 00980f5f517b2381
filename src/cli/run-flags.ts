import type { OptionSpec } from './define.ts';
import { openRunLocation, DEFAULT_RUNS_DIR, type RunLocation } from '../registry/runs.ts';

const WHERE = 'Where the runs are (the same rule mlops train writes by)';

/** Where `mlops runs` and `mlops sweep collect` read runs: the same resolution `mlops train` writes with. */
export const runStoreOptions = {
  'runs-dir': { type: 'string', value: 'DIR', env: 'MLOPS_RUNS_DIR', description: 'a folder of <yyyy-mm>/<id>.json records', group: WHERE },
  remote: { type: 'string', value: 'URL|PATH', description: 'runs/ on the registry branch of this remote (default: MLOPS_REGISTRY_REMOTE)', group: WHERE },
  branch: { type: 'string', value: 'NAME', description: 'registry branch (default: MLOPS_REGISTRY_BRANCH or mlops-registry)', group: WHERE },
  backend: {
    type: 'choice',
    choices: ['git', 'github'],
    description: 'git (default) or github (REST API: --repo OWNER/NAME, GITHUB_TOKEN, --api-url)',
    group: WHERE,
  },
  repo: { type: 'string', value: 'OWNER/NAME', description: 'repository for --backend github (default GITHUB_REPOSITORY)', group: WHERE },
  'api-url': { type: 'string', value: 'URL', description: 'GitHub API root (default GITHUB_API_URL or https://api.github.com)', group: WHERE },
  cache: { type: 'string', value: 'DIR', description: 'reuse a bare repository between runs (default MLOPS_REGISTRY_CACHE)', group: WHERE },
} as const satisfies Record<string, OptionSpec>;

/** Said after the options of every verb that reads runs. */
export const RUN_STORE_TEXT = `Default: the registry branch when a registry is named, else ${DEFAULT_RUNS_DIR} in the working directory.`;

export function openRunStore(
  values: { 'runs-dir'?: string; remote?: string; branch?: string; backend?: 'git' | 'github'; repo?: string; 'api-url'?: string; cache?: string },
  io: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<RunLocation> {
  const backend = values.backend;
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
