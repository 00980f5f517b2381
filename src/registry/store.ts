/** One read-consistent state of the registry branch. */
export interface Snapshot {
  /** The branch head; null when the branch does not exist yet. */
  commit: string | null;
  readFile(path: string): Promise<Buffer | null>;
  /** Many files in one round trip (null where missing), for listings over many versions. */
  readFiles(paths: string[]): Promise<(Buffer | null)[]>;
  /** Names directly under a folder (files and folders), sorted; empty when it does not exist. */
  listDir(path: string): Promise<string[]>;
  /**
   * Every file under a folder, at any depth (paths relative to it, sorted), in one pass; empty
   * when it does not exist. Optional: a backend without a cheaper way leaves it out and callers
   * use listDir + readFiles. Git resolves `<commit>:<path>` names one tree walk at a time, which
   * costs seconds over 10,000 files; reading the blobs by id after one recursive listing does not.
   */
  readTree?(path: string): Promise<{ path: string; content: Buffer }[]>;
  /**
   * The registry as of the last write made through mlops (the marker ref every write moves
   * with the branch), when that is not the head. A head that lacks versions or events the
   * marker has means the branch was rewound or deleted. Null when the marker is the head, or
   * there is none (a registry written before markers existed).
   */
  highWater(): Promise<Snapshot | null>;
}

/**
 * The high-water marker of a registry branch: outside refs/heads and refs/tags so a rewind of
 * the branch (force-push, reset, deletion) leaves it where the last write put it.
 */
export function markerRef(branch: string): string {
  return `refs/mlops/issued/${branch}`;
}

export interface FileChange {
  path: string;
  content: Buffer;
}

export interface TagRequest {
  name: string;
  message: string;
  /**
   * The commit the tag names; default the commit this write makes. GTO reads a stage from the
   * commit its tag shares with a version tag, so stage and deprecation tags name the version's.
   */
  commit?: string;
}

export interface CommitRequest {
  message: string;
  changes: FileChange[];
  tags: TagRequest[];
  /** Author and committer time; passed in so both backends write identical commits. */
  date: Date;
}

export type CommitResult = { ok: true; commit: string; tree: string } | { ok: false; reason: string };

/**
 * A registry branch behind either git or the GitHub API. `commit` is a compare-and-swap:
 * it lands only when the branch head is still `base.commit`, else it answers `ok: false`
 * and the caller re-reads and retries.
 */
export interface RegistryStore {
  readonly description: string;
  snapshot(): Promise<Snapshot>;
  commit(base: Snapshot, request: CommitRequest): Promise<CommitResult>;
  /**
   * The commit a tag of the registry's repository names (peeled), or null when there is no such
   * tag; afterwards a TagRequest may name that commit. Stores without tags leave it out.
   */
  tagCommit?(name: string): Promise<string | null>;
  close(): Promise<void>;
}

export const COMMITTER = { name: 'mlops registry', email: 'mlops-registry@users.noreply.github.com' };
