import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { sidecarPath, sidecarText } from '../model/feature-order.ts';
import type { Profile } from '../profile/schema.ts';
import { MlopsError } from '../util/errors.ts';
import { writeText } from '../util/fs.ts';
import { paths, stringify, versionLabel, type VersionMetadata } from './format.ts';
import { readMetadata, readProfile, resolveVersion } from './operations.ts';
import type { ModelRef } from './refs.ts';
import type { Snapshot } from './store.ts';

export interface FetchedVersion {
  name: string;
  version: number;
  modelFile: string;
  metadataFile: string;
  metadata: VersionMetadata;
  profile?: Profile;
  dir: string;
}

/** Downloads a pointer-stored model; the GitHub token is sent only to GitHub hosts. */
export type Download = (url: string) => Promise<Buffer>;

export const httpDownload =
  (env: NodeJS.ProcessEnv): Download =>
  async (url) => {
    const host = new URL(url).hostname;
    const token = env.GITHUB_TOKEN;
    const headers: Record<string, string> = token && /(^|\.)github(usercontent)?\.com$/.test(host) ? { authorization: `Bearer ${token}` } : {};
    const res = await fetch(url, { headers, redirect: 'follow' });
    if (!res.ok) throw new MlopsError(`${url}: download failed (HTTP ${res.status})`);
    return Buffer.from(await res.arrayBuffer());
  };

/**
 * Writes a version's model file, metadata.json, profile.json, MODEL_CARD.md and DATA_CARD.md into `dir`,
 * refusing (and writing no model) when the bytes do not hash to the recorded sha256.
 */
export async function fetchVersion(snapshot: Snapshot, ref: ModelRef, dir: string, download?: Download): Promise<FetchedVersion> {
  const version = await resolveVersion(snapshot, ref);
  const metadata = await readMetadata(snapshot, ref.name, version);
  const label = `${ref.name} ${versionLabel(version)}`;
  const storage = metadata.model.storage;
  let bytes: Buffer | null;
  if (storage.kind === 'inline') {
    bytes = await snapshot.readFile(`${paths.versionDir(ref.name, version)}/${storage.path}`);
    if (!bytes) throw new MlopsError(`${label}: the model file ${storage.path} is missing from the registry branch`);
  } else {
    if (!download) throw new MlopsError(`${label}: the model is stored at ${storage.url}; this command cannot download it`);
    bytes = await download(storage.url);
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== metadata.model.sha256) {
    throw new MlopsError(`${label}: sha256 mismatch: the model file hashes to ${actual}, the registry records ${metadata.model.sha256}; refusing to use it`);
  }
  const profile = await readProfile(snapshot, metadata);
  const modelFile = join(dir, metadata.model.file);
  const metadataFile = join(dir, 'metadata.json');
  // Each file lands whole or not at all, so an interrupted download never leaves a truncated model.
  await writeText(modelFile, bytes);
  await writeText(metadataFile, stringify(metadata));
  if (profile) await writeText(join(dir, 'profile.json'), stringify(profile));
  // The stored column order travels as the sidecar every model loader reads beside the file.
  if (metadata.model.features) await writeText(sidecarPath(modelFile), sidecarText(metadata.model.features));
  const card = await snapshot.readFile(`${paths.versionDir(ref.name, version)}/${metadata.card}`);
  if (card) await writeText(join(dir, 'MODEL_CARD.md'), card);
  const data = metadata.data_card ? await snapshot.readFile(`${paths.versionDir(ref.name, version)}/${metadata.data_card}`) : null;
  if (data) await writeText(join(dir, 'DATA_CARD.md'), data);
  return { name: ref.name, version, modelFile, metadataFile, metadata, ...(profile ? { profile } : {}), dir };
}
