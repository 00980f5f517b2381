import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MlopsError, errorMessage } from '../util/errors.ts';
import type { Git } from './process.ts';

export interface Materialised {
  /** The source tree at `commit`, in a worktree of its own. */
  dir: string;
  commit: string;
  /** The user's repository root (where untracked "local" data is looked for). */
  top: string;
  /** The repository's common git directory (where Git LFS keeps its object cache). */
  gitDir: string;
  cleanup(): Promise<void>;
}

/**
 * Checks out `commit` into `scratch/source` as a detached worktree of the repository at
 * `cwd`: the user's checkout, index and branches stay as they are. A commit a shallow clone
 * lacks is fetched from origin once. LFS smudging is skipped (the pointers are resolved per
 * file, with their hashes checked). `cleanup` removes the worktree and its bookkeeping.
 */
export async function materialiseCommit(git: Git, cwd: string, commit: string, scratch: string): Promise<Materialised> {
  const top = await git(['rev-parse', '--show-toplevel'], { cwd }).then(
    (b) => b.toString().trim(),
    () => {
      throw new MlopsError(`${cwd} is not in a git checkout: run mlops reproduce in the project's repository (it checks out the recorded commit from it)`);
    },
  );
  const gitDir = (await git(['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: top })).toString().trim();
  const has = () =>
    git(['cat-file', '-e', `${commit}^{commit}`], { cwd: top }).then(
      () => true,
      () => false,
    );
  if (!(await has())) {
    await git(['fetch', '--quiet', 'origin', commit], { cwd: top }).catch(() => undefined);
    if (!(await has())) {
      throw new MlopsError(`commit ${commit} is not in ${top}: fetch it (git fetch origin ${commit}; with actions/checkout, fetch-depth: 0)`);
    }
  }
  const dir = join(scratch, 'source');
  try {
    await git(['worktree', 'add', '--detach', '--quiet', dir, commit], { cwd: top, env: { GIT_LFS_SKIP_SMUDGE: '1' } });
  } catch (err) {
    throw new MlopsError(`cannot check out ${commit} into a temporary worktree: ${errorMessage(err)}`);
  }
  return {
    dir,
    commit,
    top,
    gitDir,
    async cleanup() {
      await git(['worktree', 'remove', '--force', dir], { cwd: top }).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
      await git(['worktree', 'prune'], { cwd: top }).catch(() => undefined);
    },
  };
}
