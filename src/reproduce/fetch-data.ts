import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseLfsPointer } from '../model/data-location.ts';
import type { DataLocation, Lineage } from '../model/lineage.ts';
import { MlopsError } from '../util/errors.ts';
import { fetchArgv, type Git, type RunArgv } from './process.ts';
import type { Materialised } from './source.ts';

export interface DataCheck {
  path: string;
  /** The recorded location, in words (`git data/train.csv@abc123`, `s3://…`, `local`). */
  location: string;
  /** How this run got the bytes. */
  via: string;
  bytes: number;
  sha256_expected: string;
  sha256_actual: string;
  matched: boolean;
}

export interface FetchContext {
  git: Git;
  run: RunArgv;
  source: Materialised;
  /** Where the training ran inside the source tree (lineage source.directory). */
  workDir: string;
  /** `--fetch-command`, split into words (with {uri} and {dest}); empty when not given. */
  fetchCommand: string[];
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

/**
 * Puts every training file at its recorded path under `workDir` and hashes it. A file that
 * cannot be had at all (a URL without --fetch-command, an LFS object with neither the local
 * cache nor git-lfs) is a user error (exit 2); one that can but hashes differently is
 * reported as a mismatch for the caller to fail on (exit 1).
 */
export async function fetchTrainingData(files: Lineage['data']['files'], ctx: FetchContext): Promise<DataCheck[]> {
  const checks: DataCheck[] = [];
  for (const f of files) {
    const dest = resolve(ctx.workDir, f.path);
    await mkdir(dirname(dest), { recursive: true });
    const via = await place(f, dest, ctx);
    const { sha256, bytes } = await hashFile(dest);
    checks.push({
      path: f.path,
      location: describeLocation(f.location),
      via,
      bytes,
      sha256_expected: f.sha256,
      sha256_actual: sha256,
      matched: sha256 === f.sha256,
    });
  }
  return checks;
}

export function describeLocation(location: DataLocation | undefined): string {
  if (!location) return 'not recorded';
  switch (location.kind) {
    case 'git':
      return `git ${location.path}${location.commit ? `@${location.commit.slice(0, 12)}` : ''}${location.lfs ? ` (LFS ${location.lfs.oid.slice(0, 19)}…)` : ''}`;
    case 'local':
      return 'local (not in git at the commit)';
    case 'artifact':
      return `artifact ${location.name}${location.run_id ? ` of run ${location.run_id}` : ''}`;
    case 'release':
      return `release ${location.repository}@${location.tag} asset ${location.asset}`;
    case 'url':
      return location.uri;
  }
}

/** What {uri} is for a location fetched by --fetch-command. */
export function fetchUri(location: DataLocation): string | undefined {
  switch (location.kind) {
    case 'url':
    case 'release':
      return location.uri;
    case 'artifact':
      return `artifact:${location.name}${location.run_id ? `@${location.run_id}` : ''}`;
    default:
      return undefined;
  }
}

async function place(f: Lineage['data']['files'][number], dest: string, ctx: FetchContext): Promise<string> {
  const loc = f.location;
  const localCopy = join(ctx.source.top, relative(ctx.source.dir, ctx.workDir), f.path);
  if (!loc) {
    // Lineage from before locations: the file at the commit, else the one in the checkout.
    if (existsSync(dest)) return 'the recorded commit';
    if (existsSync(localCopy)) return copy(localCopy, dest, 'the local checkout');
    throw new MlopsError(`${f.path}: not at the recorded commit and not in ${ctx.source.top}; the lineage records no location for it`);
  }
  switch (loc.kind) {
    case 'git': {
      if (loc.commit && loc.commit !== ctx.source.commit) await writeFile(dest, await ctx.git(['show', `${loc.commit}:${loc.path}`], { cwd: ctx.source.top }));
      else if (!existsSync(join(ctx.source.dir, loc.path)))
        throw new MlopsError(`${f.path}: not in the repository at ${ctx.source.commit.slice(0, 12)} (${loc.path})`);
      else if (join(ctx.source.dir, loc.path) !== dest) await copyFile(join(ctx.source.dir, loc.path), dest);
      return loc.lfs ? lfsObject(f.path, loc.lfs.oid, dest, ctx) : 'the recorded commit';
    }
    case 'local':
      if (!existsSync(localCopy)) throw new MlopsError(`${f.path}: recorded as local data (not in git at the commit) and not at ${localCopy}`);
      return copy(localCopy, dest, 'the local checkout');
    default: {
      const uri = fetchUri(loc)!;
      if (ctx.fetchCommand.length === 0) {
        throw new MlopsError(
          `${f.path} is at ${uri}: pass --fetch-command 'CMD {uri} {dest}' to fetch it (e.g. 'aws s3 cp {uri} {dest}'; see docs/reproduce.md)`,
        );
      }
      await fetchWithCommand(f.path, uri, dest, ctx);
      return `--fetch-command from ${uri}`;
    }
  }
}

async function copy(from: string, to: string, via: string): Promise<string> {
  if (resolve(from) !== resolve(to)) await copyFile(from, to);
  return via;
}

/**
 * Replaces the pointer at `dest` with its LFS object: from the repository's own LFS cache
 * (.git/lfs/objects), else through `git lfs smudge` when git-lfs is installed, else through
 * --fetch-command with {uri} = lfs:sha256:<oid>.
 */
async function lfsObject(path: string, oid: string, dest: string, ctx: FetchContext): Promise<string> {
  const pointer = await readFile(dest);
  if (!parseLfsPointer(pointer.toString())) return 'the recorded commit';
  const hex = oid.slice('sha256:'.length);
  const cached = join(ctx.source.gitDir, 'lfs', 'objects', hex.slice(0, 2), hex.slice(2, 4), hex);
  if (existsSync(cached)) return copy(cached, dest, 'the local Git LFS cache');
  const hasLfs = await ctx.git(['lfs', 'version'], { cwd: ctx.source.dir }).then(
    () => true,
    () => false,
  );
  if (hasLfs) {
    await writeFile(dest, await ctx.git(['lfs', 'smudge', '--', path], { cwd: ctx.source.dir, input: pointer }));
    return 'git lfs smudge';
  }
  if (ctx.fetchCommand.length > 0) {
    await fetchWithCommand(path, oid.replace(/^sha256:/, 'lfs:sha256:'), dest, ctx);
    return `--fetch-command from lfs:${oid}`;
  }
  throw new MlopsError(`${path} is a Git LFS object (${oid}) that is not in ${join(ctx.source.gitDir, 'lfs')}: install git-lfs or pass --fetch-command`);
}

async function fetchWithCommand(path: string, uri: string, dest: string, ctx: FetchContext): Promise<void> {
  const argv = fetchArgv(ctx.fetchCommand, uri, dest);
  ctx.log(`fetching ${path}: ${argv[0]} …`);
  const code = await ctx.run(argv, { cwd: ctx.workDir, env: ctx.env, log: (chunk) => ctx.log(chunk.trimEnd()) });
  if (code !== 0) throw new MlopsError(`${path}: --fetch-command exited with code ${code} fetching ${uri}`);
  if (!existsSync(dest)) throw new MlopsError(`${path}: --fetch-command exited 0 but did not write {dest} (${dest})`);
}

export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
