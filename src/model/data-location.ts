import { relative, resolve, sep } from 'node:path';
import { MlopsError } from '../util/errors.ts';
import type { DataLocation } from './lineage.ts';
import type { Exec } from './lineage-record.ts';

/** The first line of every Git LFS pointer file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md). */
export const LFS_POINTER_VERSION = 'version https://git-lfs.github.com/spec/v1';
/** Pointers are tiny; a bigger blob is never one, so it is not read to find out. */
const LFS_POINTER_MAX_BYTES = 1024;

/** A Git LFS pointer's object id and size, or null when `text` is not a pointer. */
export function parseLfsPointer(text: string): { oid: string; size: number } | null {
  const lines = text.split('\n');
  if (lines[0] !== LFS_POINTER_VERSION) return null;
  const oid = lines.map((l) => /^oid sha256:([0-9a-f]{64})$/.exec(l)?.[1]).find(Boolean);
  const size = lines.map((l) => /^size (\d+)$/.exec(l)?.[1]).find(Boolean);
  return oid && size ? { oid: `sha256:${oid}`, size: Number(size) } : null;
}

/**
 * Query parameters that carry a secret in the URL schemes people paste: S3 and GCS presigned
 * URLs, Azure SAS tokens, and the generic token/key names. Matched case-insensitively.
 */
const CREDENTIAL_PARAMS = new Set([
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
  'awsaccesskeyid',
  'signature',
  'x-goog-signature',
  'x-goog-credential',
  'googleaccessid',
  'sig',
  'token',
  'access_token',
  'auth',
  'key',
  'api_key',
  'apikey',
  'password',
  'secret',
]);

/** The URI without userinfo and without credential query parameters: what lineage may keep. */
export function stripCredentials(uri: string): string {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new MlopsError(`data location "${redact(uri)}" is not a URI (expected s3://, gs://, https://, artifact:NAME or a GitHub release URL)`);
  }
  url.username = '';
  url.password = '';
  for (const name of [...url.searchParams.keys()]) if (CREDENTIAL_PARAMS.has(name.toLowerCase())) url.searchParams.delete(name);
  return url.toString();
}

/** For error messages about a URI that could not be parsed: never echo what may be a secret. */
function redact(uri: string): string {
  return uri.replace(/\/\/[^/@]*@/, '//***@').replace(/\?.*$/, '?…');
}

const RELEASE_URL = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/releases\/download\/([^/]+)\/([^/?#]+)$/;

/**
 * A location from what a user wrote: `artifact:NAME` or `artifact:NAME@RUN_ID` (an Actions
 * artifact; the run defaults to this one), a GitHub release download URL, or any other URL
 * (s3://, gs://, https://), stored without credentials.
 */
export function locationFromUri(uri: string, env: NodeJS.ProcessEnv): DataLocation {
  const artifact = /^artifact:([^@]+?)(?:@(\d+))?$/.exec(uri);
  if (artifact) {
    const runId = artifact[2] ?? env.GITHUB_RUN_ID;
    return {
      kind: 'artifact',
      name: artifact[1],
      ...(runId ? { run_id: runId } : {}),
      ...(env.GITHUB_REPOSITORY ? { repository: env.GITHUB_REPOSITORY } : {}),
    };
  }
  const clean = stripCredentials(uri);
  if (!/^(s3|gs|https?):$/.test(new URL(clean).protocol))
    throw new MlopsError(`data location "${clean}": use s3://, gs://, https://, http:// or artifact:NAME[@RUN_ID]`);
  const release = RELEASE_URL.exec(clean);
  if (release) return { kind: 'release', uri: clean, repository: release[1], tag: decodeURIComponent(release[2]), asset: decodeURIComponent(release[3]) };
  return { kind: 'url', uri: clean };
}

/** `--data-uri PATH=URI` flags (repeatable) as a map from path to URI. */
export function parseDataUriFlags(flags: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const flag of flags) {
    const at = flag.indexOf('=');
    if (at <= 0 || at === flag.length - 1)
      throw new MlopsError(`--data-uri must be PATH=URI, e.g. data/train.csv=s3://bucket/train.csv (got "${redact(flag)}")`);
    out[flag.slice(0, at)] = flag.slice(at + 1);
  }
  return out;
}

/**
 * The train action's `data-uri` input: `PATH=URI` lines, or a JSON object of path to URI (what the
 * config action gives for mlops.yml data.locations). Empty text is no URIs.
 */
export function parseDataUriInput(text: string): Record<string, string> {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  if (!trimmed.startsWith('{'))
    return parseDataUriFlags(
      trimmed
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    );
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    throw new MlopsError('data-uri: a JSON object of path to URI, or PATH=URI lines (not valid JSON)');
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.some(([, v]) => typeof v !== 'string')) throw new MlopsError('data-uri: every value of the JSON object must be a URI string');
  return Object.fromEntries(entries) as Record<string, string>;
}

export interface LocatedFiles {
  /** One per file, in order. */
  locations: DataLocation[];
  /** The working directory relative to the repository root, when it is in one. */
  directory?: string;
}

/**
 * The URI given for each training file (absolute paths), by `uris` keys relative to `cwd`;
 * a key that names no training file is refused, so a typo never goes unrecorded.
 */
export function urisForFiles(files: readonly string[], cwd: string, uris: Record<string, string> = {}): (string | undefined)[] {
  const byPath = new Map<string, string>();
  for (const [key, uri] of Object.entries(uris)) byPath.set(relative(cwd, resolve(cwd, key)), uri);
  const rels = files.map((f) => relative(cwd, f));
  for (const key of byPath.keys())
    if (!rels.includes(key)) throw new MlopsError(`--data-uri names ${key}, which is not one of the training files (${rels.join(', ') || 'none'})`);
  return rels.map((r) => byPath.get(r));
}

/**
 * Where each training file (absolute paths) can be fetched from later. A URI given for the
 * file wins; else a file whose bytes are the blob at HEAD is a git location (or an LFS
 * pointer at HEAD whose oid is the file's sha256); else it is local. `sha256` are the files'
 * own hashes, already computed for the fingerprint.
 */
export async function locateFiles(
  files: readonly string[],
  sha256: readonly string[],
  options: { cwd: string; exec: Exec; env: NodeJS.ProcessEnv; uris?: Record<string, string> },
): Promise<LocatedFiles> {
  const { cwd, exec } = options;
  const given = urisForFiles(files, cwd, options.uris);
  const top = (await exec('git', ['rev-parse', '--show-toplevel'], { cwd }))?.trim();
  const commit = top ? (await exec('git', ['rev-parse', 'HEAD'], { cwd: top }))?.trim() : undefined;
  const locations: DataLocation[] = [];
  for (const [i, file] of files.entries()) {
    const uri = given[i];
    if (uri !== undefined) locations.push(locationFromUri(uri, options.env));
    else locations.push(top && commit ? await gitLocation(exec, top, commit, file, sha256[i]) : { kind: 'local' });
  }
  const directory = top ? toPosix(relative(top, cwd)) : undefined;
  return { locations, ...(directory !== undefined && !directory.startsWith('..') ? { directory } : {}) };
}

async function gitLocation(exec: Exec, top: string, commit: string, file: string, sha256: string): Promise<DataLocation> {
  const path = toPosix(relative(top, file));
  if (path.startsWith('..')) return { kind: 'local' };
  const blob = (await exec('git', ['rev-parse', '--verify', '--quiet', `${commit}:${path}`], { cwd: top }))?.trim();
  if (!blob) return { kind: 'local' };
  // --no-filters: the bytes as they are, so an LFS-smudged file does not hash to its pointer.
  const working = (await exec('git', ['hash-object', '--no-filters', '--', file], { cwd: top }))?.trim();
  if (working === blob) return { kind: 'git', path, commit };
  const size = Number((await exec('git', ['cat-file', '-s', blob], { cwd: top }))?.trim());
  if (!(size <= LFS_POINTER_MAX_BYTES)) return { kind: 'local' };
  const pointer = parseLfsPointer((await exec('git', ['cat-file', 'blob', blob], { cwd: top })) ?? '');
  if (pointer && pointer.oid === `sha256:${sha256}`) return { kind: 'git', path, commit, lfs: pointer };
  return { kind: 'local' };
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
