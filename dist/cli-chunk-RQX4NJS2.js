import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  fetchVersion,
  httpDownload
} from "./cli-chunk-ABVFU6OS.js";
import {
  absentReason,
  openStore,
  parseModelRef,
  versionLabel
} from "./cli-chunk-BWLW4W5B.js";
import {
  MlopsError,
  prefixedError
} from "./cli-chunk-CRJPICDA.js";

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
    if (err instanceof MlopsError) throw prefixedError(ref, err);
    throw err;
  } finally {
    await store.close();
  }
}

export {
  isRegistryRef,
  resolveRegistryRef,
  resolveRegistryBaseline
};
