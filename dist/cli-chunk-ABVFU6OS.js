import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  paths,
  readMetadata,
  readProfile,
  resolveVersion,
  sidecarPath,
  sidecarText,
  stringify,
  versionLabel
} from "./cli-chunk-BWLW4W5B.js";
import {
  writeText
} from "./cli-chunk-E2MBSDJC.js";
import {
  MlopsError
} from "./cli-chunk-CRJPICDA.js";

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

export {
  httpDownload,
  fetchVersion
};
