import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  absentReason,
  openStore,
  parseModelRef,
  paths,
  readMetadata,
  readProfile,
  resolveVersion,
  sidecarPath,
  sidecarText,
  stringify,
  versionLabel
} from "./chunk-F2U3ZBUW.js";
import {
  writeText
} from "./chunk-WY2OJ7ZN.js";
import {
  MlopsError,
  prefixedError
} from "./chunk-5MKGLQLX.js";

// src/registry/resolve.ts
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";

// src/registry/fetch-model.ts
import { createHash } from "node:crypto";
import { join } from "node:path";
var httpDownload = (env) => async (url) => {
  const host = new URL(url).hostname;
  const token = env.GITHUB_TOKEN;
  const headers = token && /(^|\.)github(usercontent)?\.com$/.test(host) ? { authorization: `Bearer ${token}` } : {};
  const res = await fetch(url, { headers, redirect: "follow" });
  if (!res.ok) throw new MlopsError(`${url}: download failed (HTTP ${res.status})`);
  return Buffer.from(await res.arrayBuffer());
};
async function fetchVersion(snapshot, ref, dir, download) {
  const version = await resolveVersion(snapshot, ref);
  const metadata = await readMetadata(snapshot, ref.name, version);
  const label = `${ref.name} ${versionLabel(version)}`;
  const storage = metadata.model.storage;
  let bytes;
  if (storage.kind === "inline") {
    bytes = await snapshot.readFile(`${paths.versionDir(ref.name, version)}/${storage.path}`);
    if (!bytes) throw new MlopsError(`${label}: the model file ${storage.path} is missing from the registry branch`);
  } else {
    if (!download) throw new MlopsError(`${label}: the model is stored at ${storage.url}; this command cannot download it`);
    bytes = await download(storage.url);
  }
  const actual = createHash("sha256").update(bytes).digest("hex");
  if (actual !== metadata.model.sha256) {
    throw new MlopsError(`${label}: sha256 mismatch: the model file hashes to ${actual}, the registry records ${metadata.model.sha256}; refusing to use it`);
  }
  const profile = await readProfile(snapshot, metadata);
  const modelFile = join(dir, metadata.model.file);
  const metadataFile = join(dir, "metadata.json");
  await writeText(modelFile, bytes);
  await writeText(metadataFile, stringify(metadata));
  if (profile) await writeText(join(dir, "profile.json"), stringify(profile));
  if (metadata.model.features) await writeText(sidecarPath(modelFile), sidecarText(metadata.model.features));
  const card = await snapshot.readFile(`${paths.versionDir(ref.name, version)}/${metadata.card}`);
  if (card) await writeText(join(dir, "MODEL_CARD.md"), card);
  const data = metadata.data_card ? await snapshot.readFile(`${paths.versionDir(ref.name, version)}/${metadata.data_card}`) : null;
  if (data) await writeText(join(dir, "DATA_CARD.md"), data);
  return { name: ref.name, version, modelFile, metadataFile, metadata, ...profile ? { profile } : {}, dir };
}

// src/registry/resolve.ts
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
    const dir = await mkdtemp(join2(options.env.RUNNER_TEMP || tmpdir(), `mlops-model-${modelRef.name}-`));
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
