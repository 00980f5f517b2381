/**
 * Where a verb that reads `registry:` references finds the registry: the same two flags and
 * environment on every such verb (evaluate, drift, predict, serve, build-context) as on
 * `mlops registry`. The flags become the environment src/registry/open.ts reads, so one
 * resolution path serves the CLI, the actions and the workflows.
 */
export const registryLocationOptions = {
  remote: { type: 'string' },
  branch: { type: 'string' },
} as const;

export const REGISTRY_LOCATION_HELP = `Registry references (registry:NAME#STAGE, registry:NAME@vN) are read from:
  --remote URL|PATH   git remote holding the registry branch   [MLOPS_REGISTRY_REMOTE]
                      (default: the checkout's origin, else the checkout itself)
  --branch NAME       registry branch (default mlops-registry)  [MLOPS_REGISTRY_BRANCH]
  MLOPS_REGISTRY_CACHE=DIR     reuse a bare repository between runs (only new objects are fetched)
  MLOPS_REGISTRY_BACKEND=github  read through the REST API instead of git (GITHUB_REPOSITORY,
                      GITHUB_TOKEN, GITHUB_API_URL; no checkout needed)
`;

/** The environment with --remote / --branch applied over MLOPS_REGISTRY_REMOTE / _BRANCH. */
export function withRegistryLocation(env: NodeJS.ProcessEnv, values: { remote?: string; branch?: string }): NodeJS.ProcessEnv {
  return {
    ...env,
    ...(values.remote ? { MLOPS_REGISTRY_REMOTE: values.remote } : {}),
    ...(values.branch ? { MLOPS_REGISTRY_BRANCH: values.branch } : {}),
  };
}
