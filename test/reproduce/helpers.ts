import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../helpers.ts';

const EXAMPLE = resolve('templates/example/data/train.csv');

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    .toString()
    .trim();
}

/** The first `rows` rows of the example churn data: enough to train on in a second or two. */
export function exampleCsv(rows: number): string {
  return (
    readFileSync(EXAMPLE, 'utf8')
      .split('\n')
      .slice(0, rows + 1)
      .join('\n') + '\n'
  );
}

/** A project repository with a bare origin (which also holds the registry branch). */
export function project(files: Record<string, string | Buffer>, options: { commit?: boolean } = {}): { dir: string; remote: string } {
  const root = tempDir('mlops-reproduce-');
  const dir = join(root, 'project');
  const remote = join(root, 'origin.git');
  execFileSync('git', ['init', '--bare', '--quiet', remote]);
  mkdirSync(dir);
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'remote', 'add', 'origin', remote);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  if (options.commit !== false) {
    git(dir, 'add', '-A');
    git(dir, 'commit', '--quiet', '-m', 'project');
    git(dir, 'push', '--quiet', 'origin', 'main');
  }
  return { dir, remote };
}

export const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
  ...extra,
});
