import type { GitHubClient, RepoRef } from '../github-api/client.ts';
import { MlopsError } from '../util/errors.ts';
import { COMMITTER, markerRef, type CommitRequest, type CommitResult, type RegistryStore, type Snapshot } from './store.ts';

export interface GitHubStoreOptions extends RepoRef {
  client: GitHubClient;
  branch: string;
}

interface TreeEntry {
  path: string;
  type: string;
  sha: string;
}

const status = (err: unknown): number | undefined => (err as { status?: number })?.status;

/**
 * The registry through the GitHub Git Data API (refs, commits, trees, blobs), for runners
 * without a checkout. A write creates blobs, one tree on top of the old one, a commit whose
 * parent is the head that was read, and moves the ref with `force: false`; GitHub answers
 * 422 when the head moved meanwhile, which is the compare-and-swap. Objects are immutable,
 * so trees and blobs are cached by SHA across retries.
 */
export function openGitHubStore(options: GitHubStoreOptions): RegistryStore {
  const { client, owner, repo, branch } = options;
  const treeCache = new Map<string, TreeEntry[]>();
  const blobCache = new Map<string, Buffer>();
  const baseTrees = new WeakMap<Snapshot, string>();
  const markerName = markerRef(branch);
  /** The marker each snapshot saw, to create or move it after the branch moved. */
  const markers = new WeakMap<Snapshot, string | null>();

  const apiError = (what: string, err: unknown) => new MlopsError(`GitHub API ${owner}/${repo}: ${what} failed: ${(err as Error)?.message ?? String(err)}`);

  async function tree(sha: string): Promise<TreeEntry[]> {
    const cached = treeCache.get(sha);
    if (cached) return cached;
    try {
      const { data } = await client.rest.git.getTree({ owner, repo, tree_sha: sha });
      const entries = data.tree.map((e) => ({ path: e.path!, type: e.type!, sha: e.sha! }));
      treeCache.set(sha, entries);
      return entries;
    } catch (err) {
      throw apiError(`reading tree ${sha}`, err);
    }
  }

  async function blob(sha: string): Promise<Buffer> {
    const cached = blobCache.get(sha);
    if (cached) return cached;
    try {
      const { data } = await client.rest.git.getBlob({ owner, repo, file_sha: sha });
      const bytes = Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
      blobCache.set(sha, bytes);
      return bytes;
    } catch (err) {
      throw apiError(`reading blob ${sha}`, err);
    }
  }

  async function lookup(root: string, path: string): Promise<TreeEntry | null> {
    let entry: TreeEntry = { path: '', type: 'tree', sha: root };
    for (const part of path.split('/').filter((p) => p !== '')) {
      if (entry.type !== 'tree') return null;
      const next = (await tree(entry.sha)).find((e) => e.path === part);
      if (!next) return null;
      entry = next;
    }
    return entry;
  }

  async function moveMarker(seen: string | null, commit: string): Promise<void> {
    if (seen) await client.rest.git.updateRef({ owner, repo, ref: markerName.slice('refs/'.length), sha: commit, force: true });
    else await client.rest.git.createRef({ owner, repo, ref: markerName, sha: commit });
  }

  async function refHead(ref: string): Promise<string | null> {
    try {
      return (await client.rest.git.getRef({ owner, repo, ref })).data.object.sha;
    } catch (err) {
      if (status(err) === 404) return null;
      throw apiError(`reading ref ${ref}`, err);
    }
  }

  async function snapshotAt(commit: string | null, marker: string | null): Promise<Snapshot> {
    let root: string | null = null;
    if (commit) {
      try {
        root = (await client.rest.git.getCommit({ owner, repo, commit_sha: commit })).data.tree.sha;
      } catch (err) {
        throw apiError(`reading commit ${commit}`, err);
      }
    }
    const readFile = async (path: string) => {
      if (!root) return null;
      const entry = await lookup(root, path);
      return entry && entry.type === 'blob' ? blob(entry.sha) : null;
    };
    const snapshot: Snapshot = {
      commit,
      readFile,
      async readFiles(paths) {
        const out: (Buffer | null)[] = [];
        for (let i = 0; i < paths.length; i += 8) out.push(...(await Promise.all(paths.slice(i, i + 8).map(readFile))));
        return out;
      },
      async listDir(path) {
        if (!root) return [];
        const entry = await lookup(root, path);
        return entry && entry.type === 'tree' ? (await tree(entry.sha)).map((e) => e.path).sort() : [];
      },
      highWater: async () => (marker && marker !== commit ? snapshotAt(marker, null) : null),
    };
    if (root) baseTrees.set(snapshot, root);
    return snapshot;
  }

  return {
    description: `GitHub ${owner}/${repo} (branch ${branch})`,

    async snapshot(): Promise<Snapshot> {
      const [commit, marker] = await Promise.all([refHead(`heads/${branch}`), refHead(markerName.slice('refs/'.length))]);
      const snapshot = await snapshotAt(commit, marker);
      markers.set(snapshot, marker);
      return snapshot;
    },

    async commit(base: Snapshot, request: CommitRequest): Promise<CommitResult> {
      const date = request.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
      const person = { ...COMMITTER, date };
      let commit: string;
      let treeSha: string;
      const tagObjects: { name: string; sha: string }[] = [];
      try {
        const entries = [];
        for (const change of request.changes) {
          const { data } = await client.rest.git.createBlob({ owner, repo, content: change.content.toString('base64'), encoding: 'base64' });
          entries.push({ path: change.path, mode: '100644' as const, type: 'blob' as const, sha: data.sha });
        }
        const baseTree = baseTrees.get(base);
        treeSha = (await client.rest.git.createTree({ owner, repo, tree: entries, ...(baseTree ? { base_tree: baseTree } : {}) })).data.sha;
        commit = (
          await client.rest.git.createCommit({
            owner,
            repo,
            message: request.message,
            tree: treeSha,
            parents: base.commit ? [base.commit] : [],
            author: person,
            committer: person,
          })
        ).data.sha;
        for (const tag of request.tags) {
          const { data } = await client.rest.git.createTag({
            owner,
            repo,
            tag: tag.name,
            message: tag.message + '\n',
            object: tag.commit ?? commit,
            type: 'commit',
            tagger: person,
          });
          tagObjects.push({ name: tag.name, sha: data.sha });
        }
      } catch (err) {
        throw apiError('writing objects', err);
      }
      try {
        if (base.commit) await client.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit, force: false });
        else await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit });
      } catch (err) {
        if (status(err) === 422 || status(err) === 409) return { ok: false, reason: (err as Error).message };
        throw apiError(`moving branch ${branch}`, err);
      }
      // The branch moved (the compare-and-swap); the marker follows. The API has no lease, so a
      // slower writer may set it back to its own, older commit: a marker behind the head is
      // harmless (only one ahead of it means a rewind). A failure here must not fail a write
      // that landed, so it is left for the next write to repair.
      await moveMarker(markers.get(base) ?? null, commit).catch(() => undefined);
      for (const tag of tagObjects) {
        try {
          await client.rest.git.createRef({ owner, repo, ref: `refs/tags/${tag.name}`, sha: tag.sha });
        } catch (err) {
          throw apiError(`creating tag ${tag.name} (the registry commit ${commit} landed)`, err);
        }
      }
      return { ok: true, commit, tree: treeSha };
    },

    async tagCommit(name: string): Promise<string | null> {
      let ref: { sha: string; type: string };
      try {
        ref = (await client.rest.git.getRef({ owner, repo, ref: `tags/${name}` })).data.object;
      } catch (err) {
        if (status(err) === 404) return null;
        throw apiError(`reading tag ${name}`, err);
      }
      if (ref.type !== 'tag') return ref.sha;
      try {
        return (await client.rest.git.getTag({ owner, repo, tag_sha: ref.sha })).data.object.sha;
      } catch (err) {
        throw apiError(`reading tag ${name}`, err);
      }
    },

    async close() {
      treeCache.clear();
      blobCache.clear();
    },
  };
}
