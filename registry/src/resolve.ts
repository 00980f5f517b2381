import type { Profile } from '../../src/profile/schema.ts';
import { MlopsError } from '../../src/util/errors.ts';

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
 * default mlops-registry). Implemented by the registry module.
 */
export async function resolveRegistryRef(
  ref: string,
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<ResolvedRegistryModel> {
  void options;
  throw new MlopsError(`${ref}: the registry backend is not wired in yet`);
}
