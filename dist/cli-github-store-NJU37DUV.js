import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  COMMITTER,
  markerRef
} from "./cli-chunk-PPRUUPOP.js";
import {
  MlopsError
} from "./cli-chunk-CRJPICDA.js";
import "./cli-chunk-3D3HMA2K.js";

// src/registry/github-store.ts
var status = (err) => err?.status;
function openGitHubStore(options) {
  const { client, owner, repo, branch } = options;
  const treeCache = /* @__PURE__ */ new Map();
  const blobCache = /* @__PURE__ */ new Map();
  const baseTrees = /* @__PURE__ */ new WeakMap();
  const markerName = markerRef(branch);
  const markers = /* @__PURE__ */ new WeakMap();
  const apiError = (what, err) => new MlopsError(`GitHub API ${owner}/${repo}: ${what} failed: ${err?.message ?? String(err)}`);
  async function tree(sha) {
    const cached = treeCache.get(sha);
    if (cached) return cached;
    try {
      const { data } = await client.rest.git.getTree({ owner, repo, tree_sha: sha });
      const entries = data.tree.map((e) => ({ path: e.path, type: e.type, sha: e.sha }));
      treeCache.set(sha, entries);
      return entries;
    } catch (err) {
      throw apiError(`reading tree ${sha}`, err);
    }
  }
  async function blob(sha) {
    const cached = blobCache.get(sha);
    if (cached) return cached;
    try {
      const { data } = await client.rest.git.getBlob({ owner, repo, file_sha: sha });
      const bytes = Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
      blobCache.set(sha, bytes);
      return bytes;
    } catch (err) {
      throw apiError(`reading blob ${sha}`, err);
    }
  }
  async function lookup(root, path) {
    let entry = { path: "", type: "tree", sha: root };
    for (const part of path.split("/").filter((p) => p !== "")) {
      if (entry.type !== "tree") return null;
      const next = (await tree(entry.sha)).find((e) => e.path === part);
      if (!next) return null;
      entry = next;
    }
    return entry;
  }
  async function moveMarker(seen, commit) {
    if (seen) await client.rest.git.updateRef({ owner, repo, ref: markerName.slice("refs/".length), sha: commit, force: true });
    else await client.rest.git.createRef({ owner, repo, ref: markerName, sha: commit });
  }
  async function refHead(ref) {
    try {
      return (await client.rest.git.getRef({ owner, repo, ref })).data.object.sha;
    } catch (err) {
      if (status(err) === 404) return null;
      throw apiError(`reading ref ${ref}`, err);
    }
  }
  async function snapshotAt(commit, marker) {
    let root = null;
    if (commit) {
      try {
        root = (await client.rest.git.getCommit({ owner, repo, commit_sha: commit })).data.tree.sha;
      } catch (err) {
        throw apiError(`reading commit ${commit}`, err);
      }
    }
    const readFile = async (path) => {
      if (!root) return null;
      const entry = await lookup(root, path);
      return entry && entry.type === "blob" ? blob(entry.sha) : null;
    };
    const snapshot = {
      commit,
      readFile,
      async readFiles(paths) {
        const out = [];
        for (let i = 0; i < paths.length; i += 8) out.push(...await Promise.all(paths.slice(i, i + 8).map(readFile)));
        return out;
      },
      async listDir(path) {
        if (!root) return [];
        const entry = await lookup(root, path);
        return entry && entry.type === "tree" ? (await tree(entry.sha)).map((e) => e.path).sort() : [];
      },
      highWater: async () => marker && marker !== commit ? snapshotAt(marker, null) : null
    };
    if (root) baseTrees.set(snapshot, root);
    return snapshot;
  }
  return {
    description: `GitHub ${owner}/${repo} (branch ${branch})`,
    async snapshot() {
      const [commit, marker] = await Promise.all([refHead(`heads/${branch}`), refHead(markerName.slice("refs/".length))]);
      const snapshot = await snapshotAt(commit, marker);
      markers.set(snapshot, marker);
      return snapshot;
    },
    async commit(base, request) {
      const date = request.date.toISOString().replace(/\.\d{3}Z$/, "Z");
      const person = { ...COMMITTER, date };
      let commit;
      let treeSha;
      const tagObjects = [];
      try {
        const entries = [];
        for (const change of request.changes) {
          const { data } = await client.rest.git.createBlob({ owner, repo, content: change.content.toString("base64"), encoding: "base64" });
          entries.push({ path: change.path, mode: "100644", type: "blob", sha: data.sha });
        }
        const baseTree = baseTrees.get(base);
        treeSha = (await client.rest.git.createTree({ owner, repo, tree: entries, ...baseTree ? { base_tree: baseTree } : {} })).data.sha;
        commit = (await client.rest.git.createCommit({
          owner,
          repo,
          message: request.message,
          tree: treeSha,
          parents: base.commit ? [base.commit] : [],
          author: person,
          committer: person
        })).data.sha;
        for (const tag of request.tags) {
          const { data } = await client.rest.git.createTag({
            owner,
            repo,
            tag: tag.name,
            message: tag.message + "\n",
            object: tag.commit ?? commit,
            type: "commit",
            tagger: person
          });
          tagObjects.push({ name: tag.name, sha: data.sha });
        }
      } catch (err) {
        throw apiError("writing objects", err);
      }
      try {
        if (base.commit) await client.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit, force: false });
        else await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit });
      } catch (err) {
        if (status(err) === 422 || status(err) === 409) return { ok: false, reason: err.message };
        throw apiError(`moving branch ${branch}`, err);
      }
      await moveMarker(markers.get(base) ?? null, commit).catch(() => void 0);
      for (const tag of tagObjects) {
        try {
          await client.rest.git.createRef({ owner, repo, ref: `refs/tags/${tag.name}`, sha: tag.sha });
        } catch (err) {
          throw apiError(`creating tag ${tag.name} (the registry commit ${commit} landed)`, err);
        }
      }
      return { ok: true, commit, tree: treeSha };
    },
    async tagCommit(name) {
      let ref;
      try {
        ref = (await client.rest.git.getRef({ owner, repo, ref: `tags/${name}` })).data.object;
      } catch (err) {
        if (status(err) === 404) return null;
        throw apiError(`reading tag ${name}`, err);
      }
      if (ref.type !== "tag") return ref.sha;
      try {
        return (await client.rest.git.getTag({ owner, repo, tag_sha: ref.sha })).data.object.sha;
      } catch (err) {
        throw apiError(`reading tag ${name}`, err);
      }
    },
    async close() {
      treeCache.clear();
      blobCache.clear();
    }
  };
}
export {
  openGitHubStore
};
