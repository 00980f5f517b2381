import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isRegistryRef, resolveRegistryRef } from '../../registry/src/resolve.ts';
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

/**
 * Turns a drift input into a profile: `registry:NAME#STAGE` (the profile stored with that
 * model version), profile JSON files (several are merged: the shards of a matrix), or data
 * files and globs (profiled as one dataset, streamed). Mixing profiles and data is refused.
 */
export async function loadProfile(sources: readonly string[], options: LoadOptions): Promise<Profile> {
  if (sources.length === 1 && isRegistryRef(sources[0])) {
    const model = await resolveRegistryRef(sources[0], { cwd: options.cwd, env: options.env });
    if (!model.profile) throw new MlopsError(`${sources[0]}: version ${model.version} of ${model.name} has no stored profile to compare against`);
    return model.profile;
  }
  if (sources.some(isRegistryRef)) throw new MlopsError('a registry reference must be the only reference given');
  const files = await expandDataPaths(sources, options.cwd);
  const kinds = await Promise.all(files.map((f) => isProfileFile(resolve(options.cwd, f))));
  if (kinds.every(Boolean)) {
    const profiles = await Promise.all(files.map(async (f) => parseProfile(await readText(resolve(options.cwd, f)), f)));
    return profiles.length === 1 ? profiles[0] : mergeProfiles(profiles, options.now?.() ?? new Date());
  }
  if (kinds.some(Boolean)) throw new MlopsError(`give either profile JSON files or data files, not both (${files.join(', ')})`);
  return profileFiles(
    files.map((f) => resolve(options.cwd, f)),
    { delimiter: options.delimiter, onProgress: options.onProgress, now: options.now },
  );
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
