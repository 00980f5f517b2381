import { MlopsError } from '../util/errors.ts';

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

interface Lockfile {
  lockfileVersion?: number;
  packages?: Record<string, LockEntry>;
}

/**
 * The part of our package-lock.json that installs `roots` and their dependencies, as the lockfile
 * of a new package: the image installs exactly the versions (and integrity hashes) we test with.
 * Dependencies are resolved the way Node does: nested node_modules first, then up to the top.
 */
export function lockSubset(lock: Lockfile, roots: readonly string[], pkg: { name: string; version: string }): { packageJson: object; lockfile: object } {
  const all = lock.packages;
  if (!all || (lock.lockfileVersion ?? 0) < 2) throw new MlopsError('package-lock.json must be lockfileVersion 2 or 3 (npm 7+)');
  const picked: Record<string, LockEntry> = {};
  const visit = (name: string, from: string, optional: boolean) => {
    let base = from;
    for (;;) {
      const key = `${base === '' ? '' : base + '/'}node_modules/${name}`;
      if (all[key]) {
        if (picked[key]) return;
        const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = all[key];
        picked[key] = entry;
        for (const dep of Object.keys(entry.dependencies ?? {})) visit(dep, key, false);
        for (const dep of Object.keys(entry.optionalDependencies ?? {})) visit(dep, key, true);
        return;
      }
      if (base === '') break;
      const cut = base.lastIndexOf('/node_modules/');
      base = cut < 0 ? '' : base.slice(0, cut);
    }
    if (!optional) throw new MlopsError(`package-lock.json has no entry for ${name} (needed by ${from || 'the server'})`);
  };
  const dependencies: Record<string, string> = {};
  for (const root of roots) {
    visit(root, '', false);
    dependencies[root] = all[`node_modules/${root}`].version!;
  }
  const sorted = Object.fromEntries(
    Object.keys(picked)
      .sort()
      .map((k) => [k, picked[k]]),
  );
  const packageJson = { name: pkg.name, version: pkg.version, private: true, type: 'module', dependencies };
  return {
    packageJson,
    lockfile: {
      name: pkg.name,
      version: pkg.version,
      lockfileVersion: 3,
      requires: true,
      packages: { '': { name: pkg.name, version: pkg.version, dependencies }, ...sorted },
    },
  };
}
