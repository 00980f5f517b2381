import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MlopsError } from '../util/errors.ts';
import { GitCommandError, git, gitText, type GitConfig } from './git.ts';
import { buildTree, readObjects, writeObject } from './git-objects.ts';
import { COMMITTER, markerRef, type CommitRequest, type CommitResult, type RegistryStore, type Snapshot } from './store.ts';

export interface GitStoreOptions {
  /** Anything `git fetch` accepts: a URL or the path of a (bare) repository. */
  remote: string;
  branch: string;
  /**
   * A bare repository reused between runs so only new objects are fetched. Without it each
   * store works in a fresh temporary repository, removed on close.
   */
  cacheDir?: string;
  /** Settings for fetch and push, e.g. the checkout's `http.<url>.extraheader` (passed by environment). */
  config?: GitConfig[];
}

/** Rejections that mean "someone else moved the branch first": re-read and retry. */
const CONFLICT = /non-fast-forward|fetch first|failed to update ref|cannot lock ref|incorrect old value|stale info|atomic push failed/;
/**
 * Another process of ours holds a lock in a shared cache repository, or a concurrent depth-1 fetch
 * rewrote its `shallow` file under ours: both pass, so wait and fetch again.
 */
const LOCKED = /\.lock': File exists|Unable to create .*\.lock|cannot lock ref|shallow file has changed since we read it/;
const MISSING_BRANCH = /couldn't find remote ref/;

/**
 * The registry through the git CLI. Everything happens in a separate bare repository with
 * plumbing commands (no work tree), so the user's checkout is never touched; a write is a
 * non-force push of a commit whose parent is the head that was read, so git itself rejects
 * it when another writer got there first.
 */
export async function openGitStore(options: GitStoreOptions): Promise<RegistryStore> {
  const temporary = options.cacheDir === undefined;
  const repo = temporary ? await mkdtemp(join(tmpdir(), 'mlops-registry-')) : options.cacheDir!;
  await initBareRepo(repo, temporary);
  const remoteRun = (args: string[]) => git(args, { cwd: repo, config: options.config });
  const branchRef = `refs/heads/${options.branch}`;
  const markerName = markerRef(options.branch);
  /** The marker each snapshot saw: the push moves it only if it is still there (a lease). */
  const markers = new WeakMap<Snapshot, string | null>();

  /** The branch head and the marker, fetched (depth 1) into our repository; null where missing. */
  async function fetchHeads(): Promise<{ commit: string | null; marker: string | null }> {
    const local = `refs/mlops/fetch/${process.pid}-${randomBytes(4).toString('hex')}`;
    // Every marker in the same fetch as the branch: a glob that matches nothing is no error, so
    // registries written before markers existed read as before.
    let refspecs = [`+${branchRef}:${local}/head`, `+refs/mlops/issued/*:${local}/issued/*`];
    for (let attempt = 0; ; attempt++) {
      try {
        await remoteRun(['fetch', '--depth=1', '--no-tags', '--no-write-fetch-head', '--quiet', options.remote, ...refspecs]);
        break;
      } catch (err) {
        // No branch (yet, or any more): its marker alone still says whether one was deleted.
        if (err instanceof GitCommandError && MISSING_BRANCH.test(err.stderr) && attempt < 20) {
          const listed = (await remoteRun(['ls-remote', options.remote, branchRef, markerName])).toString();
          if (listed.includes(`\t${branchRef}\n`)) continue;
          if (!listed.includes(`\t${markerName}\n`)) break;
          refspecs = [`+${markerName}:${local}/issued/${options.branch}`];
          continue;
        }
        if (err instanceof GitCommandError && LOCKED.test(err.stderr) && attempt < 20) {
          await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
          continue;
        }
        throw new MlopsError(`cannot read the registry from ${options.remote}: ${gitReason(err)}`);
      }
    }
    // Our own loose refs (gc is off, so never packed): read and drop them without more processes.
    const readRef = (ref: string) =>
      readFile(join(repo, ref), 'utf8').then(
        (t) => t.trim(),
        () => null,
      );
    const [commit, marker] = [await readRef(`${local}/head`), await readRef(`${local}/issued/${options.branch}`)];
    await rm(join(repo, local), { recursive: true, force: true });
    return { commit, marker };
  }

  return {
    description: `${options.remote} (branch ${options.branch})`,

    async snapshot(): Promise<Snapshot> {
      // The branch and its marker are read in one ref listing, which can fall between the two
      // renames of another writer's atomic push and see the marker ahead of the branch. A rewind
      // persists and a torn read does not, so read again while they disagree.
      let read = await fetchHeads();
      for (let again = 0; again < 3 && read.marker !== null && read.marker !== read.commit; again++) read = await fetchHeads();
      const snapshot = gitSnapshot(repo, read.commit, read.marker);
      markers.set(snapshot, read.marker);
      return snapshot;
    },

    async commit(base: Snapshot, request: CommitRequest): Promise<CommitResult> {
      const files = new Map<string, string>();
      for (const change of request.changes) files.set(change.path, await writeObject(repo, 'blob', change.content));
      const tree = await buildTree(repo, base.commit, files);
      const person = `${COMMITTER.name} <${COMMITTER.email}> ${Math.floor(request.date.getTime() / 1000)} +0000`;
      const parents = base.commit ? `parent ${base.commit}\n` : '';
      const commit = await writeObject(repo, 'commit', Buffer.from(`tree ${tree}\n${parents}author ${person}\ncommitter ${person}\n\n${request.message}`));
      const refspecs = [`${commit}:${branchRef}`, `${commit}:${markerName}`];
      for (const tag of request.tags) {
        const tagObject = await writeObject(
          repo,
          'tag',
          Buffer.from(`object ${tag.commit ?? commit}\ntype commit\ntag ${tag.name}\ntagger ${person}\n\n${tag.message}\n`),
        );
        refspecs.push(`${tagObject}:refs/tags/${tag.name}`);
      }
      try {
        // The branch moves only fast-forward (the compare-and-swap); the marker follows it in the
        // same atomic push, leased on the value this snapshot saw.
        const lease = `--force-with-lease=${markerName}:${markers.get(base) ?? ''}`;
        await remoteRun(['push', '--atomic', '--porcelain', '--quiet', lease, options.remote, ...refspecs]);
      } catch (err) {
        const taken = err instanceof GitCommandError ? /refs\/tags\/(\S+)\t\[rejected\] \(already exists\)/.exec(err.stdout) : null;
        // A tag left by an earlier run would fail every retry the same way: stop and say so.
        if (taken) throw new MlopsError(`cannot write the registry to ${options.remote}: tag ${taken[1]} already exists there (nothing was written)`);
        if (err instanceof GitCommandError && CONFLICT.test(err.stderr + err.stdout)) return { ok: false, reason: gitReason(err) };
        throw new MlopsError(`cannot write the registry to ${options.remote}: ${gitReason(err)}`);
      }
      return { ok: true, commit, tree };
    },

    async tagCommit(name: string): Promise<string | null> {
      // Fetched (depth 1) rather than only listed: a new tag object naming that commit can then be
      // pushed, since the push walks from the tag to the commit it names.
      const local = `refs/mlops/fetch/${process.pid}-${randomBytes(4).toString('hex')}/tag`;
      try {
        await remoteRun(['fetch', '--depth=1', '--no-tags', '--no-write-fetch-head', '--quiet', options.remote, `+refs/tags/${name}:${local}`]);
      } catch (err) {
        if (err instanceof GitCommandError && MISSING_BRANCH.test(err.stderr)) return null;
        throw new MlopsError(`cannot read tag ${name} from ${options.remote}: ${gitReason(err)}`);
      }
      const commit = (await remoteRun(['rev-parse', `${local}^{commit}`])).toString().trim();
      await remoteRun(['update-ref', '-d', local]);
      return commit;
    },

    async close() {
      if (temporary) await rm(repo, { recursive: true, force: true });
    },
  };
}

function gitSnapshot(repo: string, commit: string | null, marker: string | null): Snapshot {
  const readFiles = async (paths: string[]) => {
    if (!commit || paths.length === 0) return paths.map(() => null);
    // Only blobs are files; a path naming a folder reads as missing.
    const objects = await readObjects(
      repo,
      paths.map((p) => `${commit}:${p}`),
    );
    return objects.map((o) => (o && o.type === 'blob' ? o.content : null));
  };
  return {
    commit,
    readFiles,
    async readFile(path) {
      return (await readFiles([path]))[0];
    },
    async listDir(path) {
      if (!commit) return [];
      try {
        const out = await gitText(['ls-tree', '--name-only', '-z', `${commit}:${path}`], { cwd: repo });
        return out
          .split('\0')
          .filter((n) => n !== '')
          .sort();
      } catch (err) {
        if (err instanceof GitCommandError) return [];
        throw err;
      }
    },
    async readTree(path) {
      if (!commit) return [];
      let listing: Buffer;
      try {
        listing = await git(['ls-tree', '-r', '-z', `${commit}:${path}`], { cwd: repo });
      } catch (err) {
        if (err instanceof GitCommandError) return [];
        throw err;
      }
      // "<mode> <type> <id>\t<path>" per entry; only blobs are files.
      const entries = listing
        .toString()
        .split('\0')
        .filter((e) => e !== '')
        .map((e) => ({ meta: e.slice(0, e.indexOf('\t')).split(' '), path: e.slice(e.indexOf('\t') + 1) }))
        .filter((e) => e.meta[1] === 'blob')
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const objects = await readObjects(
        repo,
        entries.map((e) => e.meta[2]),
      );
      return entries.flatMap((e, i) => (objects[i] ? [{ path: e.path, content: objects[i]!.content }] : []));
    },
    async highWater() {
      return marker && marker !== commit ? gitSnapshot(repo, marker, null) : null;
    },
  };
}

/**
 * Creates the cache repository once; concurrent first runs build it aside and rename it into
 * place, so no process ever sees a half-initialised repository.
 */
async function initBareRepo(repo: string, fresh: boolean): Promise<void> {
  if (!fresh && existsSync(join(repo, 'HEAD'))) return;
  if (!fresh) await mkdir(dirname(repo), { recursive: true });
  const target = fresh ? repo : await mkdtemp(join(dirname(repo), '.mlops-init-'));
  await writeBareRepo(target);
  if (fresh) return;
  try {
    await rename(target, repo);
  } catch {
    await rm(target, { recursive: true, force: true });
    if (!existsSync(join(repo, 'HEAD'))) throw new MlopsError(`${repo}: cannot create the registry cache repository`);
  }
}

/**
 * The files `git init --bare` would write, minus hooks and samples: one git process fewer per
 * command, which counts when twenty writers share two cores. gc stays off, since it would pack
 * our short-lived refs and objects away from under concurrent readers.
 */
async function writeBareRepo(dir: string): Promise<void> {
  for (const sub of ['objects/info', 'objects/pack', 'refs/heads', 'refs/tags']) await mkdir(join(dir, sub), { recursive: true });
  await writeFile(join(dir, 'HEAD'), 'ref: refs/heads/main\n');
  await writeFile(
    join(dir, 'config'),
    '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = true\n\tlogAllRefUpdates = false\n[gc]\n\tauto = 0\n',
  );
}

function gitReason(err: unknown): string {
  if (err instanceof GitCommandError) {
    const lines = (err.stderr + '\n' + err.stdout)
      .split('\n')
      .map((l) => l.replace(/^(fatal|error): /, '').trim())
      .filter((l) => l !== '' && l !== 'Done');
    return lines.slice(0, 3).join('; ') || `git exited ${err.code}`;
  }
  return (err as Error)?.message ?? String(err);
}
