import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MlopsError, errorMessage } from '../util/errors.ts';
import { beginAtomic } from '../util/fs.ts';
import { RUN_SCHEMA_VERSION, RunRecordSchema, type RunRecord } from './schema.ts';

/** The folder, on the registry branch and in a `--runs-dir`, that holds `<yyyy-mm>/<id>.json`. */
export const RUNS_ROOT = 'runs';

/**
 * Where runs are read from or written to: a local folder laid out like the branch's `runs/`
 * (`<dir>/<yyyy-mm>/<id>.json`), a registry store (its branch head is read), or a snapshot
 * already read (the site reads the registry and the runs from one consistent state).
 */
export type RunSource = { dir: string } | { store: RunStore } | { snapshot: RunSnapshot };

/**
 * What the runs read of a registry snapshot (src/registry/store.ts's Snapshot has it all): runs sit
 * below the registry in the layers, so they name the shape rather than import it.
 */
export interface RunSnapshot {
  readFile(path: string): Promise<Buffer | null>;
  readFiles(paths: string[]): Promise<(Buffer | null)[]>;
  listDir(path: string): Promise<string[]>;
  readTree?(path: string): Promise<{ path: string; content: Buffer }[]>;
}
export interface RunStore {
  readonly description: string;
  snapshot(): Promise<RunSnapshot>;
}

const ID = /^(\d{4})(\d{2})\d{2}T\d{6}Z-[0-9a-f]{8}$/;
const MONTH = /^\d{4}-\d{2}$/;
const RECORD_PATH = /^\d{4}-\d{2}\/\d{8}T\d{6}Z-[0-9a-f]{8}\.json$/;

/** A new run id: the start time to the second (so ids sort by time) and 32 random bits. */
export function newRunId(startedAt: Date, random: (bytes: number) => Buffer = randomBytes): string {
  const stamp = startedAt
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `${stamp}-${random(4).toString('hex')}`;
}

/** `<yyyy-mm>/<id>.json`, relative to the runs root. */
export function runFile(id: string): string {
  const m = ID.exec(id);
  if (!m) throw new MlopsError(`"${id}" is not a run id (expected yyyymmddThhmmssZ-8hex, e.g. 20260101T120000Z-0a1b2c3d)`);
  return `${m[1]}-${m[2]}/${id}.json`;
}

function describe(source: RunSource): string {
  if ('dir' in source) return source.dir;
  if ('store' in source) return `${source.store.description}:${RUNS_ROOT}`;
  return RUNS_ROOT;
}

export function parseRun(text: Buffer | string, where: string): RunRecord {
  let json: unknown;
  try {
    json = JSON.parse(text.toString());
  } catch (err) {
    throw new MlopsError(`${where}: not JSON (${errorMessage(err)})`);
  }
  const parsed = RunRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MlopsError(`${where}: not a run record (schema_version ${RUN_SCHEMA_VERSION}): ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Every run, oldest first (ids sort by start time). From git this is one recursive tree listing
 * and one `git cat-file --batch` of the blobs by id (see scripts/bench/runs.ts): reading 10,000
 * runs costs two git processes, not 10,000. A folder is read with synchronous reads in turn,
 * which beat 10,000 concurrent async reads (thread-pool churn) by several times.
 */
export async function listRuns(source: RunSource): Promise<RunRecord[]> {
  if ('dir' in source) return listDirRuns(source.dir);
  const snapshot = 'store' in source ? await source.store.snapshot() : source.snapshot;
  if (snapshot.readTree) {
    const files = (await snapshot.readTree(RUNS_ROOT)).filter((f) => RECORD_PATH.test(f.path));
    return files.map((f) => parseRun(f.content, `${RUNS_ROOT}/${f.path}`)).sort(byId);
  }
  const months = (await snapshot.listDir(RUNS_ROOT)).filter((m) => MONTH.test(m));
  const paths: string[] = [];
  for (const month of months) {
    for (const name of await snapshot.listDir(`${RUNS_ROOT}/${month}`)) if (name.endsWith('.json')) paths.push(`${RUNS_ROOT}/${month}/${name}`);
  }
  const contents = await snapshot.readFiles(paths);
  const runs: RunRecord[] = [];
  contents.forEach((content, i) => {
    if (content !== null) runs.push(parseRun(content, paths[i]));
  });
  return runs.sort(byId);
}

async function listDirRuns(dir: string): Promise<RunRecord[]> {
  const months = (await readdir(dir).catch(missingAsEmpty)).filter((m) => MONTH.test(m)).sort();
  const files: string[] = [];
  for (const month of months) {
    for (const name of (await readdir(join(dir, month)).catch(missingAsEmpty)).sort())
      if (ID.test(name.replace(/\.json$/, '')) && name.endsWith('.json')) files.push(join(dir, month, name));
  }
  const runs = files.map((file) => {
    let text: Buffer;
    try {
      text = readFileSync(file);
    } catch (err) {
      throw new MlopsError(`cannot read ${file}: ${errorMessage(err)}`);
    }
    return parseRun(text, file);
  });
  return runs.sort(byId);
}

function missingAsEmpty(err: NodeJS.ErrnoException): string[] {
  if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return [];
  throw new MlopsError(`cannot read ${err.path ?? 'the runs folder'}: ${err.message}`);
}

const byId = (a: RunRecord, b: RunRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One run by id, or by a unique prefix of it; null when none matches. */
export async function findRun(source: RunSource, idOrPrefix: string): Promise<RunRecord | null> {
  if (ID.test(idOrPrefix)) {
    if ('dir' in source) {
      const file = join(source.dir, runFile(idOrPrefix));
      const text = await readFile(file).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw new MlopsError(`cannot read ${file}: ${err.message}`);
      });
      return text === null ? null : parseRun(text, file);
    }
    const snapshot = 'store' in source ? await source.store.snapshot() : source.snapshot;
    const path = `${RUNS_ROOT}/${runFile(idOrPrefix)}`;
    const content = await snapshot.readFile(path);
    return content === null ? null : parseRun(content, path);
  }
  const matches = (await listRuns(source)).filter((r) => r.id.startsWith(idOrPrefix));
  if (matches.length > 1) throw new MlopsError(`run id prefix "${idOrPrefix}" matches ${matches.length} runs in ${describe(source)}: give more of the id`);
  return matches[0] ?? null;
}

/** A record as stored: the checked record, pretty-printed, one trailing newline. */
export function runText(record: RunRecord): string {
  return JSON.stringify(RunRecordSchema.parse(record), null, 2) + '\n';
}

/** Whether two stored texts are the same run (a re-imported record is skipped, a different one refused). */
export function sameRun(a: Buffer | string, b: Buffer | string, where: string): boolean {
  return JSON.stringify(parseRun(a, where)) === JSON.stringify(parseRun(b, where));
}

/**
 * Writes a run once into a folder. A run is never rewritten: the record goes in by a hard link,
 * which fails where the name exists (unlike a rename), so an existing id is refused.
 * Returns the path written. (The registry branch: src/registry/runs.ts.)
 */
export async function writeRunToDir(dir: string, record: RunRecord): Promise<string> {
  const text = runText(record);
  const path = join(dir, runFile(record.id));
  const out = beginAtomic(path);
  try {
    await writeFile(out.path, text);
    await link(out.path, out.target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new MlopsError(`${path}: run ${record.id} already exists; a run is never rewritten`);
    throw new MlopsError(`cannot write ${path}: ${errorMessage(err)}`);
  } finally {
    await out.abort();
  }
  return path;
}

/** Copies runs into a folder: the same record already there is skipped, a different one refused. Returns the ids written. */
export async function importRunsToDir(dir: string, runs: readonly RunRecord[]): Promise<string[]> {
  const written: string[] = [];
  for (const run of runs) {
    const path = join(dir, runFile(run.id));
    const existing = await readFile(path).catch(() => null);
    if (existing !== null) {
      if (!sameRun(existing, runText(run), path)) throw new MlopsError(`${path}: a different run ${run.id} is already there; a run is never rewritten`);
      continue;
    }
    await writeRunToDir(dir, run);
    written.push(run.id);
  }
  return written;
}
