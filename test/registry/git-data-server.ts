import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startGitHubServer, type RecordedRequest } from '../github-server.ts';
import { tempDir } from '../helpers.ts';

/**
 * Answers the GitHub Git Data endpoints (blobs, trees, commits, tags, refs) from a real bare
 * repository, with GitHub's semantics: trees built on `base_tree` from full paths, refs moved
 * only fast-forward unless forced (422 otherwise), ref creation refused when it exists.
 * `beforeRefUpdate` lets a test slip in a competing writer.
 */
export async function startGitDataServer(repo: string, hooks: { beforeRefUpdate?: (ref: string) => void } = {}) {
  const git = (args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}) =>
    execFileSync('git', args, { cwd: repo, input: options.input, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const text = (args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}) => git(args, options).toString().trim();
  const refOf = (req: RecordedRequest, prefix: string) => decodeURIComponent(req.path.slice(req.path.indexOf(prefix) + prefix.length));
  const current = (ref: string): string | null => {
    try {
      return text(['rev-parse', '--verify', '--quiet', `refs/${ref}`]);
    } catch {
      return null;
    }
  };
  type Body = Record<string, unknown>;
  const dateEnv = (who: { name: string; email: string; date: string }, role: 'AUTHOR' | 'COMMITTER') => ({
    [`GIT_${role}_NAME`]: who.name,
    [`GIT_${role}_EMAIL`]: who.email,
    [`GIT_${role}_DATE`]: `${Math.floor(Date.parse(who.date) / 1000)} +0000`,
  });

  return startGitHubServer({
    'POST /repos/:owner/:repo/git/blobs': (req) => {
      const body = req.body as Body;
      const bytes = Buffer.from(body.content as string, body.encoding === 'base64' ? 'base64' : 'utf8');
      return { status: 201, body: { sha: text(['hash-object', '-w', '--stdin'], { input: bytes }) } };
    },
    'GET /repos/:owner/:repo/git/blobs/:sha': (_req, p) => {
      const bytes = git(['cat-file', 'blob', p.sha]);
      return { body: { sha: p.sha, size: bytes.length, encoding: 'base64', content: bytes.toString('base64') } };
    },
    'GET /repos/:owner/:repo/git/trees/:sha': (_req, p) => {
      const lines = text(['ls-tree', p.sha])
        .split('\n')
        .filter((l) => l !== '');
      const tree = lines.map((l) => {
        const [meta, path] = l.split('\t');
        const [mode, type, sha] = meta.split(' ');
        return { path, mode, type, sha };
      });
      return { body: { sha: p.sha, tree, truncated: false } };
    },
    'POST /repos/:owner/:repo/git/trees': (req) => {
      const body = req.body as { base_tree?: string; tree: { path: string; mode: string; sha: string }[] };
      const dir = tempDir('git-data-index-');
      const env = { GIT_INDEX_FILE: join(dir, 'index') };
      git(body.base_tree ? ['read-tree', body.base_tree] : ['read-tree', '--empty'], { env });
      for (const e of body.tree) git(['update-index', '--add', '--cacheinfo', `${e.mode},${e.sha},${e.path}`], { env });
      const sha = text(['write-tree'], { env });
      rmSync(dir, { recursive: true, force: true });
      return { status: 201, body: { sha } };
    },
    'GET /repos/:owner/:repo/git/commits/:sha': (_req, p) => {
      const raw = text(['cat-file', 'commit', p.sha]);
      const [headers, ...message] = raw.split('\n\n');
      const fields = headers.split('\n').map((l) => l.split(' '));
      return {
        body: {
          sha: p.sha,
          tree: { sha: fields.find((f) => f[0] === 'tree')![1] },
          parents: fields.filter((f) => f[0] === 'parent').map((f) => ({ sha: f[1] })),
          message: message.join('\n\n'),
        },
      };
    },
    'POST /repos/:owner/:repo/git/commits': (req) => {
      const body = req.body as {
        message: string;
        tree: string;
        parents: string[];
        author: { name: string; email: string; date: string };
        committer: { name: string; email: string; date: string };
      };
      const env = { ...dateEnv(body.author, 'AUTHOR'), ...dateEnv(body.committer, 'COMMITTER') };
      const sha = text(['commit-tree', body.tree, ...body.parents.flatMap((p) => ['-p', p]), '-F', '-'], { input: body.message, env });
      return { status: 201, body: { sha } };
    },
    'POST /repos/:owner/:repo/git/tags': (req) => {
      const b = req.body as { tag: string; message: string; object: string; type: string; tagger: { name: string; email: string; date: string } };
      const tagger = `${b.tagger.name} <${b.tagger.email}> ${Math.floor(Date.parse(b.tagger.date) / 1000)} +0000`;
      const sha = text(['mktag'], { input: `object ${b.object}\ntype ${b.type}\ntag ${b.tag}\ntagger ${tagger}\n\n${b.message}` });
      return { status: 201, body: { sha } };
    },
    'GET /repos/:owner/:repo/git/ref/*': (req) => {
      const ref = refOf(req, '/git/ref/');
      const sha = current(ref);
      // As GitHub: an annotated tag's ref names the tag object, typed "tag".
      return sha ? { body: { ref: `refs/${ref}`, object: { sha, type: text(['cat-file', '-t', sha]) } } } : { status: 404, body: { message: 'Not Found' } };
    },
    'GET /repos/:owner/:repo/git/tags/:sha': (_req, p) => {
      const object = text(['rev-parse', `${p.sha}^{}`]);
      return { body: { sha: p.sha, object: { sha: object, type: text(['cat-file', '-t', object]) } } };
    },
    'POST /repos/:owner/:repo/git/refs': (req) => {
      const body = req.body as { ref: string; sha: string };
      hooks.beforeRefUpdate?.(body.ref);
      if (current(body.ref.replace(/^refs\//, ''))) return { status: 422, body: { message: 'Reference already exists' } };
      git(['update-ref', body.ref, body.sha, '']);
      return { status: 201, body: { ref: body.ref, object: { sha: body.sha, type: 'commit' } } };
    },
    'PATCH /repos/:owner/:repo/git/refs/*': (req) => {
      const ref = refOf(req, '/git/refs/');
      const body = req.body as { sha: string; force?: boolean };
      hooks.beforeRefUpdate?.(`refs/${ref}`);
      const old = current(ref);
      if (!old) return { status: 422, body: { message: 'Reference does not exist' } };
      let fastForward = true;
      try {
        git(['merge-base', '--is-ancestor', old, body.sha]);
      } catch {
        fastForward = false;
      }
      if (!fastForward && !body.force) return { status: 422, body: { message: 'Update is not a fast forward' } };
      git(['update-ref', `refs/${ref}`, body.sha, old]);
      return { body: { ref: `refs/${ref}`, object: { sha: body.sha, type: 'commit' } } };
    },
  });
}
