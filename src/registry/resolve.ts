import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Profile } from '../profile/schema.ts';
import { MlopsError, prefixedError } from '../util/errors.ts';
import { fetchVersion, httpDownload } from './fetch-model.ts';
import { versionLabel } from './format.ts';
import { openStore } from './open.ts';
import { absentReason } from './operations.ts';
import { parseModelRef } from './refs.ts';

/** A model fetched from the registry by reference, verified and unpacked into `dir`. */
export interface ResolvedRegistryModel {
  name: string;
  version: string;
  /** Path of the model file (sha256 verified). */
  modelFile: string;
  /** The version's stored metadata document (see registry/schemas). */
  metadata: Record<string, unknown>;
  /** The training-data profile stored with the version, when there is one. */
  profile?: Profile;
  dir: string;
}

export function isRegistryRef(text: string): boolean {
  return text.startsWith('registry:');
}

/**
 * Resolves `registry:NAME#STAGE` or `registry:NAME@VERSION` against the registry branch
 * (remote from MLOPS_REGISTRY_REMOTE or the checkout's origin, branch MLOPS_REGISTRY_BRANCH,
 * default mlops-registry; MLOPS_REGISTRY_BACKEND=github reads through the REST API with
 * GITHUB_REPOSITORY and GITHUB_TOKEN instead). The files land in a fresh temporary folder; the model's sha256 is
 * checked against the metadata before it is returned.
 */
export async function resolveRegistryRef(ref: string, options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<ResolvedRegistryModel> {
  const found = await lookupRegistryRef(ref, options, false);
  if ('absent' in found) throw new MlopsError(`${ref}: ${found.absent}`);
  return found;
}

/**
 * Like resolveRegistryRef for a champion that may not exist yet: a registry with no branch,
 * no model of that name or nobody in the stage gives `{ absent: why }` (a first model is a
 * normal state). A malformed reference, an unknown stage or an unreadable registry still throw.
 */
export async function resolveRegistryBaseline(
  ref: string,
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<ResolvedRegistryModel | { absent: string }> {
  return lookupRegistryRef(ref, options, true);
}

async function lookupRegistryRef(
  ref: string,
  options: { cwd: string; env: NodeJS.ProcessEnv },
  absentOk: boolean,
): Promise<ResolvedRegistryModel | { absent: string }> {
  if (!isRegistryRef(ref)) throw new MlopsError(`"${ref}" is not a registry reference (registry:NAME#STAGE or registry:NAME@VERSION)`);
  const modelRef = parseModelRef(ref.slice('registry:'.length));
  if (modelRef.version === undefined && modelRef.stage === undefined) {
    throw new MlopsError(`"${ref}": name a stage or a version, e.g. registry:${modelRef.name}#production or registry:${modelRef.name}@v3`);
  }
  const backend = options.env.MLOPS_REGISTRY_BACKEND === 'github' ? 'github' : 'git';
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
      metadata: fetched.metadata as unknown as Record<string, unknown>,
      ...(fetched.profile ? { profile: fetched.profile } : {}),
      dir,
    };
  } catch (err) {
    if (err instanceof MlopsError) throw prefixedError(ref, err);
    throw err;
  } finally {
    await store.close();
  }
}
