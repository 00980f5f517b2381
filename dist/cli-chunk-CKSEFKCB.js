import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  absentReason,
  fetchVersion,
  httpDownload,
  openStore,
  parseModelRef,
  versionLabel
} from "./cli-chunk-VPUJN4M6.js";
import {
  MlopsError
} from "./cli-chunk-2PNEBECJ.js";

// src/cli/registry-flags.ts
var registryLocationOptions = {
  remote: { type: "string" },
  branch: { type: "string" }
};
var REGISTRY_LOCATION_HELP = `Registry references (registry:NAME#STAGE, registry:NAME@vN) are read from:
  --remote URL|PATH   git remote holding the registry branch   [MLOPS_REGISTRY_REMOTE]
                      (default: the checkout's origin, else the checkout itself)
  --branch NAME       registry branch (default mlops-registry)  [MLOPS_REGISTRY_BRANCH]
  MLOPS_REGISTRY_CACHE=DIR     reuse a bare repository between runs (only new objects are fetched)
  MLOPS_REGISTRY_BACKEND=github  read through the REST API instead of git (GITHUB_REPOSITORY,
                      GITHUB_TOKEN, GITHUB_API_URL; no checkout needed)
`;
function withRegistryLocation(env, values) {
  return {
    ...env,
    ...values.remote ? { MLOPS_REGISTRY_REMOTE: values.remote } : {},
    ...values.branch ? { MLOPS_REGISTRY_BRANCH: values.branch } : {}
  };
}

// src/registry/resolve.ts
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
function isRegistryRef(text) {
  return text.startsWith("registry:");
}
async function resolveRegistryRef(ref, options) {
  const found = await lookupRegistryRef(ref, options, false);
  if ("absent" in found) throw new MlopsError(`${ref}: ${found.absent}`);
  return found;
}
async function resolveRegistryBaseline(ref, options) {
  return lookupRegistryRef(ref, options, true);
}
async function lookupRegistryRef(ref, options, absentOk) {
  if (!isRegistryRef(ref)) throw new MlopsError(`"${ref}" is not a registry reference (registry:NAME#STAGE or registry:NAME@VERSION)`);
  const modelRef = parseModelRef(ref.slice("registry:".length));
  if (modelRef.version === void 0 && modelRef.stage === void 0) {
    throw new MlopsError(`"${ref}": name a stage or a version, e.g. registry:${modelRef.name}#production or registry:${modelRef.name}@v3`);
  }
  const backend = options.env.MLOPS_REGISTRY_BACKEND === "github" ? "github" : "git";
  const store = await openStore({ backend, cwd: options.cwd, env: options.env });
  try {
    const snapshot = await store.snapshot();
    if (absentOk) {
      const absent = await absentReason(snapshot, modelRef);
      if (absent !== null) return { absent };
    }
    const dir = await mkdtemp(join(options.env.RUNNER_TEMP || tmpdir(), `mlops-model-${modelRef.name}-`));
    const fetched = await fetchVersion(snapshot, modelRef, dir, httpDownload(options.env));
    return {
      name: fetched.name,
      version: versionLabel(fetched.version),
      modelFile: fetched.modelFile,
      metadata: fetched.metadata,
      ...fetched.profile ? { profile: fetched.profile } : {},
      dir
    };
  } catch (err) {
    if (err instanceof MlopsError) throw new MlopsError(`${ref}: ${err.message}`, { cause: err });
    throw err;
  } finally {
    await store.close();
  }
}

export {
  registryLocationOptions,
  REGISTRY_LOCATION_HELP,
  withRegistryLocation,
  isRegistryRef,
  resolveRegistryRef,
  resolveRegistryBaseline
};
