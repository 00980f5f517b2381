import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isRegistryRef, resolveRegistryRef } from '../registry/resolve.ts';
import { expandDataPaths } from '../data/read.ts';
import { mergeProfiles, parseProfile, profileFiles } from '../profile/profile.ts';
import type { Profile } from '../profile/schema.ts';
import { readText } from '../util/fs.ts';
import { MlopsError } from '../util/errors.ts';

export interface LoadOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  delimiter?: string;
  onProgress?: (rows: number, file: string) => void;
  now?: () => Date;
}

export type Sources = { kind: 'registry'; ref: string } | { kind: 'profiles'; files: string[] } | { kind: 'data'; files: string[] };

/**
 * Classifies a drift input: `registry:NAME#STAGE`, profile JSON files, or data files and globs
 * (expanded, absolute). Mixing profiles and data is refused.
 */
export async function classifySources(sources: readonly string[], cwd: string): Promise<Sources> {
  if (sources.length === 1 && isRegistryRef(sources[0])) return { kind: 'registry', ref: sources[0] };
  if (sources.some(isRegistryRef)) throw new MlopsError('a registry reference must be the only reference given');
  const files = (await expandDataPaths(sources, cwd)).map((f) => resolve(cwd, f));
  const kinds = await Promise.all(files.map(isProfileFile));
  if (kinds.every(Boolean)) return { kind: 'profiles', files };
  if (kinds.some(Boolean)) throw new MlopsError(`give either profile JSON files or data files, not both (${sources.join(', ')})`);
  return { kind: 'data', files };
}

/**
 * Turns a drift input into a profile: the profile stored with a registry model version, profile
 * JSON files (several are merged: the shards of a matrix), or data files profiled as one dataset.
 */
export async function loadProfile(sources: readonly string[], options: LoadOptions): Promise<Profile> {
  const classified = await classifySources(sources, options.cwd);
  if (classified.kind === 'registry') {
    const model = await resolveRegistryRef(classified.ref, { cwd: options.cwd, env: options.env });
    if (!model.profile) throw new MlopsError(`${classified.ref}: version ${model.version} of ${model.name} has no stored profile to compare against`);
    return model.profile;
  }
  if (classified.kind === 'profiles') {
    const profiles = await Promise.all(classified.files.map(async (f) => parseProfile(await readText(f), f)));
    return profiles.length === 1 ? profiles[0] : mergeProfiles(profiles, options.now?.() ?? new Date());
  }
  return profileFiles(classified.files, { delimiter: options.delimiter, onProgress: options.onProgress, now: options.now });
}

/**
 * A profile is one JSON document whose opening declares `"kind": "mlops/profile"`; peeking
 * at the first bytes keeps a multi-gigabyte JSONL data file from being read to decide.
 */
async function isProfileFile(file: string): Promise<boolean> {
  if (!file.toLowerCase().endsWith('.json')) return false;
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return false;
  }
  try {
    const buf = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return /"kind"\s*:\s*"mlops\/profile"/.test(buf.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}
