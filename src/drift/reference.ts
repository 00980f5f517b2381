import { ImportanceSchema, type Importance } from '../model/importance.ts';
import type { Profile } from '../profile/schema.ts';
import { resolveRegistryRef } from '../registry/resolve.ts';
import { MlopsError } from '../util/errors.ts';
import { classifySources, loadProfile, type LoadOptions } from './load.ts';

export interface Reference {
  profile: Profile;
  /** The registered version's permutation importance (lineage `importance`), when it has one. */
  importance?: Importance;
}

/**
 * The reference side of a drift check: loadProfile's profile, plus, for `registry:NAME#STAGE`,
 * the importance the version's lineage stores (versions trained before it was recorded have none).
 */
export async function loadReference(sources: readonly string[], options: LoadOptions): Promise<Reference> {
  const classified = await classifySources(sources, options.cwd);
  if (classified.kind !== 'registry') return { profile: await loadProfile(sources, options) };
  const model = await resolveRegistryRef(classified.ref, { cwd: options.cwd, env: options.env });
  if (!model.profile) throw new MlopsError(`${classified.ref}: version ${model.version} of ${model.name} has no stored profile to compare against`);
  const lineage = model.metadata.lineage as { importance?: unknown } | undefined;
  const importance = ImportanceSchema.safeParse(lineage?.importance);
  return { profile: model.profile, ...(importance.success ? { importance: importance.data } : {}) };
}
