import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  DEFAULT_RUNS_DIR,
  openRunLocation
} from "./cli-chunk-UPNMAWZZ.js";

// src/cli/run-flags.ts
var WHERE = "Where the runs are (the same rule mlops train writes by)";
var runStoreOptions = {
  "runs-dir": { type: "string", value: "DIR", env: "MLOPS_RUNS_DIR", description: "a folder of <yyyy-mm>/<id>.json records", group: WHERE },
  remote: { type: "string", value: "URL|PATH", description: "runs/ on the registry branch of this remote (default: MLOPS_REGISTRY_REMOTE)", group: WHERE },
  branch: { type: "string", value: "NAME", description: "registry branch (default: MLOPS_REGISTRY_BRANCH or mlops-registry)", group: WHERE },
  backend: {
    type: "choice",
    choices: ["git", "github"],
    description: "git (default) or github (REST API: --repo OWNER/NAME, GITHUB_TOKEN, --api-url)",
    group: WHERE
  },
  repo: { type: "string", value: "OWNER/NAME", description: "repository for --backend github (default GITHUB_REPOSITORY)", group: WHERE },
  "api-url": { type: "string", value: "URL", description: "GitHub API root (default GITHUB_API_URL or https://api.github.com)", group: WHERE },
  cache: { type: "string", value: "DIR", description: "reuse a bare repository between runs (default MLOPS_REGISTRY_CACHE)", group: WHERE }
};
var RUN_STORE_TEXT = `Default: the registry branch when a registry is named, else ${DEFAULT_RUNS_DIR} in the working directory.`;
function openRunStore(values, io) {
  const backend = values.backend;
  return openRunLocation({
    cwd: io.cwd,
    env: io.env,
    runsDir: values["runs-dir"],
    remote: values.remote,
    branch: values.branch,
    backend,
    repo: values.repo,
    apiUrl: values["api-url"],
    cacheDir: values.cache
  });
}

export {
  runStoreOptions,
  RUN_STORE_TEXT,
  openRunStore
};
