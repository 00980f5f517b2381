import { MlopsError } from '../util/errors.ts';
import type { RegistryStore, TagRequest } from './store.ts';

/**
 * The tags iterative/gto reads (gto/constants.py `tag_re`, gto/tag.py `TagTemplates` at
 * iterative/gto 4b652c8): `name@vX.Y.Z` registers a version, `name#stage#N` assigns a stage to
 * the version whose tag names the same commit, `name@vX.Y.Z!#N` deregisters a version, where N
 * is a counter above every earlier one of the artifact. Our integer versions are the SemVer major
 * (v7 is `v7.0.0`) and N is the registry's event sequence number, which only grows.
 */
export function gtoVersion(version: number): string {
  return `v${version}.0.0`;
}

/** gto/constants.py `name`: no dots, and it must start and end with a letter or digit. */
const GTO_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9\-/_]*[a-zA-Z0-9])?$/;

/** Refuses, before anything is written, a name GTO could not read back from its tags. */
export function checkGtoName(name: string): void {
  if (!GTO_NAME.test(name))
    throw new MlopsError(
      `model name "${name}": GTO cannot read tags of a name with "." (letters, digits, "-", "_" and "/" only); register it without tags or under another name`,
    );
}

export function versionTag(name: string, version: number, message: string): TagRequest {
  return { name: `${name}@${gtoVersion(version)}`, message };
}

/**
 * Tags that move a stage to `version` or deregister it, on the commit of the version's tag so GTO
 * attributes them to that version. A version registered without tags gets its version tag now,
 * on this write's commit, beside them.
 */
export async function onVersionCommit(store: RegistryStore, name: string, version: number, tags: TagRequest[]): Promise<TagRequest[]> {
  const vTag = versionTag(name, version, `registry: register ${name} v${version}`);
  const at = store.tagCommit ? await store.tagCommit(vTag.name) : null;
  return at ? tags.map((t) => ({ ...t, commit: at })) : [vTag, ...tags];
}
