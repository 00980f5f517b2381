import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/cli/registry-flags.ts
var LOCATION_GROUP = "Registry references (registry:NAME#STAGE, registry:NAME@vN) are read from";
var registryLocationOptions = {
  remote: {
    type: "string",
    value: "URL|PATH",
    description: "git remote holding the registry branch (default: the checkout's origin, else the checkout itself)",
    env: "MLOPS_REGISTRY_REMOTE",
    group: LOCATION_GROUP
  },
  branch: { type: "string", value: "NAME", description: "registry branch (default: mlops-registry)", env: "MLOPS_REGISTRY_BRANCH", group: LOCATION_GROUP }
};
var REGISTRY_ENV_HELP = `Registry environment:
  MLOPS_REGISTRY_CACHE=DIR     reuse a bare repository between runs (only new objects are fetched)
  MLOPS_REGISTRY_BACKEND=github  read through the REST API instead of git (GITHUB_REPOSITORY,
                      GITHUB_TOKEN, GITHUB_API_URL; no checkout needed)`;
function withRegistryLocation(env, values) {
  return {
    ...env,
    ...values.remote ? { MLOPS_REGISTRY_REMOTE: values.remote } : {},
    ...values.branch ? { MLOPS_REGISTRY_BRANCH: values.branch } : {}
  };
}
var registryStoreOptions = {
  remote: {
    type: "string",
    value: "URL|PATH",
    description: "git remote holding the branch (default: MLOPS_REGISTRY_REMOTE, else the checkout's origin, else the checkout itself)",
    group: "Where the registry lives (every sub-command)"
  },
  branch: {
    type: "string",
    value: "NAME",
    description: "registry branch (default: MLOPS_REGISTRY_BRANCH or mlops-registry)",
    group: "Where the registry lives (every sub-command)"
  },
  backend: {
    type: "choice",
    choices: ["git", "github"],
    default: "git",
    description: "git (git CLI in a temporary repository, never your checkout) or github (REST Git Data API: needs --repo and GITHUB_TOKEN; no checkout needed)",
    group: "Where the registry lives (every sub-command)"
  },
  repo: {
    type: "string",
    value: "OWNER/NAME",
    description: "repository for --backend github (default GITHUB_REPOSITORY)",
    group: "Where the registry lives (every sub-command)"
  },
  "api-url": {
    type: "string",
    value: "URL",
    description: "GitHub API root (default GITHUB_API_URL or https://api.github.com)",
    group: "Where the registry lives (every sub-command)"
  },
  cache: {
    type: "string",
    value: "DIR",
    description: "reuse a bare repository between runs so only new objects are fetched (default MLOPS_REGISTRY_CACHE, else a fresh temporary one)",
    group: "Where the registry lives (every sub-command)"
  },
  format: {
    type: "choice",
    choices: ["json", "markdown", "table"],
    default: "table",
    description: "the output (json for scripts)",
    group: "Where the registry lives (every sub-command)"
  }
};
var registryWriteOptions = {
  actor: {
    type: "string",
    value: "NAME",
    description: "who acts (default GITHUB_ACTOR, else USER)",
    group: "Writing (register, promote, rollback, deprecate, annotate)"
  },
  "run-id": {
    type: "string",
    value: "ID",
    description: "workflow run (default GITHUB_RUN_ID)",
    group: "Writing (register, promote, rollback, deprecate, annotate)"
  },
  "run-url": {
    type: "string",
    value: "URL",
    description: "workflow run URL (default built from GITHUB_SERVER_URL/GITHUB_REPOSITORY/GITHUB_RUN_ID)",
    group: "Writing (register, promote, rollback, deprecate, annotate)"
  },
  tags: {
    type: "boolean",
    description: "also push the tags GTO reads (churn@v7.0.0, churn#production#3)",
    group: "Writing (register, promote, rollback, deprecate, annotate)"
  }
};
var reasonOption = {
  reason: { type: "string", value: "TEXT", description: "why, recorded in the audit log and the commit message" }
};

export {
  registryLocationOptions,
  REGISTRY_ENV_HELP,
  withRegistryLocation,
  registryStoreOptions,
  registryWriteOptions,
  reasonOption
};
