import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import { git } from './git.ts';

const deflateAsync = promisify(deflate);

export type ObjectType = 'blob' | 'tree' | 'commit' | 'tag';

export function objectId(type: ObjectType, content: Buffer): string {
  return createHash('sha1').update(`${type} ${content.length}\0`).update(content).digest('hex');
}

/**
 * Writes a loose object straight into a repository. One registry write needs a handful of
 * objects, and on a busy runner each git process costs tens of milliseconds, so building
 * them here instead of through hash-object/mktree/commit-tree keeps a retry cheap.
 * Writing is a rename of a complete file, so concurrent writers of the same object are safe.
 */
export async function writeObject(repo: string, type: ObjectType, content: Buffer): Promise<string> {
  const id = objectId(type, content);
  const dir = join(repo, 'objects', id.slice(0, 2));
  const file = join(dir, id.slice(2));
  if (existsSync(file)) return id;
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `tmp_obj_${randomBytes(6).toString('hex')}`);
  await writeFile(tmp, await deflateAsync(Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content])));
  await rename(tmp, file);
  return id;
}

export interface TreeEntry {
  mode: string;
  name: string;
  id: string;
}

export function parseTree(content: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let pos = 0;
  while (pos < content.length) {
    const space = content.indexOf(0x20, pos);
    const nul = content.indexOf(0, space);
    entries.push({
      mode: content.subarray(pos, space).toString(),
      name: content.subarray(space + 1, nul).toString(),
      id: content.subarray(nul + 1, nul + 21).toString('hex'),
    });
    pos = nul + 21;
  }
  return entries;
}

/** Git orders tree entries by name, comparing a folder's name as if it ended in "/". */
export function serializeTree(entries: TreeEntry[]): Buffer {
  const key = (e: TreeEntry) => Buffer.from(e.mode === '40000' ? e.name + '/' : e.name);
  const sorted = [...entries].sort((a, b) => Buffer.compare(key(a), key(b)));
  return Buffer.concat(sorted.flatMap((e) => [Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.id, 'hex')]));
}

/** Raw objects by name (`<commit>:path`), null where missing, in one `cat-file --batch`. */
export async function readObjects(repo: string, names: string[]): Promise<({ type: string; content: Buffer } | null)[]> {
  if (names.length === 0) return [];
  const out = await git(['cat-file', '--batch'], { cwd: repo, input: names.map((n) => n + '\n').join('') });
  const results: ({ type: string; content: Buffer } | null)[] = [];
  let pos = 0;
  for (let i = 0; i < names.length; i++) {
    const eol = out.indexOf(10, pos);
    const header = out.subarray(pos, eol).toString();
    pos = eol + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
      results.push(null);
      continue;
    }
    const [, type, size] = header.split(' ');
    results.push({ type, content: out.subarray(pos, pos + Number(size)) });
    pos += Number(size) + 1;
  }
  return results;
}

/**
 * Builds the tree of `base` with `files` (path → blob id) added or replaced, reading only
 * the folders on the changed paths: the cost follows the size of those folders, not the
 * number of files in the registry.
 */
export async function buildTree(repo: string, base: string | null, files: Map<string, string>): Promise<string> {
  const dirs = new Set<string>(['']);
  for (const path of files.keys()) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const order = [...dirs].sort((a, b) => depth(b) - depth(a));
  const existing = base
    ? await readObjects(
        repo,
        order.map((d) => (d === '' ? `${base}^{tree}` : `${base}:${d}`)),
      )
    : order.map(() => null);
  const built = new Map<string, string>();
  for (let i = 0; i < order.length; i++) {
    const dir = order[i];
    const old = existing[i];
    const entries = new Map<string, TreeEntry>((old?.type === 'tree' ? parseTree(old.content) : []).map((e) => [e.name, e]));
    const prefix = dir === '' ? '' : dir + '/';
    for (const [path, id] of files) {
      if (path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
        entries.set(path.slice(prefix.length), { mode: '100644', name: path.slice(prefix.length), id });
    }
    for (const [sub, id] of built) {
      if (sub !== dir && sub.startsWith(prefix) && !sub.slice(prefix.length).includes('/'))
        entries.set(sub.slice(prefix.length), { mode: '40000', name: sub.slice(prefix.length), id });
    }
    built.set(dir, await writeObject(repo, 'tree', serializeTree([...entries.values()])));
  }
  return built.get('')!;
}

function depth(dir: string): number {
  return dir === '' ? 0 : dir.split('/').length;
}
