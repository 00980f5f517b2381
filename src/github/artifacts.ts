import * as core from '@actions/core';

// Loaded on first use: they are large and a run that fails early never needs them.
const loadCache = () => import('@actions/cache');
import { errorMessage } from '../util/errors.ts';
import type { RuntimeCache } from '../util/runtime-packages.ts';

/** Restores cached paths under `key`; false when there is no entry or no cache service. */
export async function restoreCached(paths: string[], key: string, what = 'data'): Promise<boolean> {
  const cache = await loadCache();
  if (!cache.isFeatureAvailable()) {
    core.info(`cache service not available: skipping ${what} cache restore`);
    return false;
  }
  return (await cache.restoreCache(paths, key)) !== undefined;
}

/** The runtime packages' cache (see ensureRuntimePackages) on the Actions cache service. */
export const actionsRuntimeCache: RuntimeCache = {
  restore: (paths, key) => restoreCached(paths, key, 'runtime packages'),
  save: (paths, key) => saveCached(paths, key, 'runtime packages'),
};

/**
 * Saves paths under `key`. A key that already exists (another job saved it first) or a
 * cache outage is a warning, not a failed run.
 */
export async function saveCached(paths: string[], key: string, what = 'data'): Promise<boolean> {
  const cache = await loadCache();
  if (!cache.isFeatureAvailable()) return false;
  try {
    await cache.saveCache(paths, key);
    return true;
  } catch (err) {
    core.warning(`${what} cache not saved under ${key}: ${errorMessage(err)}`);
    return false;
  }
}

/** Uploads files (paths under `root`) as one workflow artifact; returns its id. */
export async function uploadFiles(name: string, files: string[], root: string, retentionDays?: number): Promise<{ id: number; size: number }> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  const result = await client.uploadArtifact(name, files, root, retentionDays === undefined ? {} : { retentionDays });
  return { id: result.id ?? 0, size: result.size ?? 0 };
}

/** Where a run's artifact is downloaded from in the web UI. */
export function artifactUrl(env: NodeJS.ProcessEnv, id: number): string | null {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID || !id) return null;
  return `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${id}`;
}

/**
 * Uploads one report file as an artifact when the run has an artifact service (the runtime
 * token is present in a real job); a missing service or a failed upload is a note, not a failed check.
 */
export async function uploadReport(env: NodeJS.ProcessEnv, name: string, file: string, root: string): Promise<{ id: number; url: string | null } | null> {
  if (!env.ACTIONS_RUNTIME_TOKEN) {
    core.info(`no artifact service in this run: ${file} not uploaded`);
    return null;
  }
  try {
    const { id } = await uploadFiles(name, [file], root);
    return { id, url: artifactUrl(env, id) };
  } catch (err) {
    core.warning(`report artifact ${name} not uploaded: ${errorMessage(err)}`);
    return null;
  }
}
