import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileError, MlopsError, SettingError } from './errors.ts';

export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw fileError(file, err);
  }
}

/**
 * Writes a file atomically (see `beginAtomic`), creating its folder so `--out reports/x.json`
 * works on a clean checkout. An interrupted or failed write leaves the previous file intact.
 */
export async function writeText(file: string, text: string | Uint8Array): Promise<void> {
  const out = beginAtomic(file);
  try {
    await writeFile(out.path, text);
    await out.commit();
  } catch (err) {
    await out.abort();
    throw err instanceof MlopsError ? err : fileError(file, err);
  }
}

export async function writeJson(file: string, value: unknown): Promise<void> {
  await writeText(file, JSON.stringify(value, null, 2) + '\n');
}

/** Whether anything (file or folder) is at `path`. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * An output being written: the caller writes (or streams) into `path`, a temporary name in the
 * target's own folder (so the rename cannot cross file systems), then `commit` renames it over the
 * target in one step, or `abort` removes it. Until then the target keeps its previous content, and
 * a SIGINT/SIGTERM/SIGHUP removes the temporary file before the process dies. After a SIGKILL only
 * a dot-file `.NAME.PID.RANDOM.tmp` can remain, never a partial file under the final name.
 */
export interface AtomicOutput {
  /** The temporary path to write to. */
  readonly path: string;
  /** The final path (a symlink target is followed, so the link keeps pointing at the new file). */
  readonly target: string;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export function beginAtomic(file: string): AtomicOutput {
  const target = followLink(resolve(file));
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (err) {
    throw fileError(file, err);
  }
  const path = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  track(path);
  return {
    path,
    target,
    async commit() {
      try {
        await rename(path, target);
      } catch (err) {
        await rm(path, { force: true });
        throw fileError(file, err);
      } finally {
        forget(path);
      }
    },
    async abort() {
      await rm(path, { force: true, recursive: true }).catch(() => undefined);
      forget(path);
    },
  };
}

/**
 * A folder written as a whole (a build context): filled under a temporary sibling name, then
 * renamed into place, which succeeds only while the target is absent or empty.
 */
export function beginAtomicDir(dir: string): AtomicOutput {
  const out = beginAtomic(dir);
  mkdirSync(out.path);
  return {
    ...out,
    async commit() {
      try {
        renameSync(out.path, out.target);
      } catch (err) {
        await out.abort();
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new MlopsError(`${dir} is not empty: give a new folder`);
        throw fileError(dir, err);
      }
      forget(out.path);
    },
  };
}

function followLink(file: string): string {
  try {
    if (lstatSync(file).isSymbolicLink()) return realpathSync(file);
  } catch {
    // Absent (or a dangling link, which the rename replaces): write to the name as given.
  }
  return file;
}

/** Identity of a file for "is this the same file?": device and inode, which hard links share. */
export function fileIdentity(file: string): string | undefined {
  try {
    const s = statSync(file);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Refuses outputs that are, or resolve to (symlinks, `..`, hard links), one of the inputs, so a
 * typo such as `--out in.csv` cannot destroy the data it reads.
 */
export function refuseOutputOverInput(outputs: readonly { setting: string; path: string }[], inputs: readonly string[]): void {
  const byId = new Map<string, string>();
  const byPath = new Map<string, string>();
  for (const input of inputs) {
    const id = fileIdentity(input);
    if (id) byId.set(id, input);
    byPath.set(canonical(input), input);
  }
  for (const out of outputs) {
    const id = fileIdentity(out.path);
    const input = (id && byId.get(id)) ?? byPath.get(canonical(out.path));
    if (input !== undefined) {
      throw new SettingError(
        out.setting,
        (name) => `${name(out.setting)} ${out.path} is the input ${input}; refusing to write over the data being read (choose another ${name(out.setting)})`,
      );
    }
  }
}

function canonical(file: string): string {
  const abs = resolve(file);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

/*
 * Temporary files of writes in progress. Signals are process-wide, so this one set is too: a
 * handler is installed while any write is pending and removed when none is, so it never changes
 * how a process without pending writes (the server) answers a signal.
 */
const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const f of pending) rmSync(f, { force: true, recursive: true });
  pending.clear();
  for (const s of SIGNALS) process.off(s, onSignal);
  // With our handler gone the signal's default action applies: the process dies of it, as it would have.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function track(path: string): void {
  if (pending.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pending.add(path);
}

function forget(path: string): void {
  pending.delete(path);
  if (pending.size === 0) for (const s of SIGNALS) process.off(s, onSignal);
}
