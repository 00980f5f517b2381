import { isAbsolute, resolve } from 'node:path';
import { MlopsError, SettingError } from '../util/errors.ts';
import { basicAuth } from '../util/secrets.ts';
import { DEFAULT_BRANCH } from './format.ts';
import { GitCommandError, gitText, type GitConfig } from './git.ts';
import { openGitStore } from './git-store.ts';
import type { RegistryStore } from './store.ts';
import { actorFromEnv } from './inputs.ts';
import type { RegistryContext } from './operations.ts';

export interface StoreOptions {
  backend: 'git' | 'github';
  cwd: string;
  env: NodeJS.ProcessEnv;
  remote?: string;
  branch?: string;
  /** owner/name, for the github backend (default GITHUB_REPOSITORY). */
  repo?: string;
  apiUrl?: string;
  cacheDir?: string;
}

export interface GitLocation {
  remote: string;
  branch: string;
  /** Settings for fetch/push: the checkout's auth headers, or one built from GITHUB_TOKEN. */
  config: GitConfig[];
}

const isUrl = (text: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[^/\\]+@[^/\\]+:/.test(text);

/**
 * Where the registry lives: --remote, else MLOPS_REGISTRY_REMOTE, else the `origin` of the
 * repository at cwd, else that repository itself. Auth headers that actions/checkout left in
 * the checkout's config are carried over, since the work happens in a separate repository.
 */
export async function locateRegistry(options: { cwd: string; env: NodeJS.ProcessEnv; remote?: string; branch?: string }): Promise<GitLocation> {
  const branch = options.branch ?? (options.env.MLOPS_REGISTRY_BRANCH || DEFAULT_BRANCH);
  let remote = options.remote ?? (options.env.MLOPS_REGISTRY_REMOTE || undefined);
  if (remote !== undefined && !isUrl(remote)) return { remote: resolve(options.cwd, remote), branch, config: [] };
  const top = await gitText(['rev-parse', '--show-toplevel'], { cwd: options.cwd }).catch(() => null);
  const gitDir = top ?? (await gitText(['rev-parse', '--absolute-git-dir'], { cwd: options.cwd }).catch(() => null));
  if (remote === undefined && gitDir) {
    const origin = await gitText(['remote', 'get-url', 'origin'], { cwd: options.cwd }).catch(() => '');
    remote = origin === '' ? gitDir : isUrl(origin) || isAbsolute(origin) ? origin : resolve(gitDir, origin);
  }
  if (remote === undefined) {
    throw new SettingError('remote', (name) => `no registry remote: pass ${name('remote')} URL|PATH, set MLOPS_REGISTRY_REMOTE, or run inside a git checkout`);
  }
  const config: GitConfig[] = [];
  if (gitDir && isUrl(remote)) {
    try {
      const headers = await gitText(['config', '--get-regexp', '^http\\..*extraheader$'], { cwd: options.cwd });
      for (const line of headers.split('\n').filter((l) => l !== '')) {
        const space = line.indexOf(' ');
        config.push({ key: line.slice(0, space), value: line.slice(space + 1) });
      }
    } catch (err) {
      if (!(err instanceof GitCommandError)) throw err;
    }
  }
  const token = options.env.GITHUB_TOKEN;
  if (config.length === 0 && token && /^https:\/\//.test(remote)) {
    const origin = new URL(remote).origin;
    config.push({ key: `http.${origin}/.extraheader`, value: `AUTHORIZATION: basic ${basicAuth(token)}` });
  }
  return { remote, branch, config };
}

export async function openStore(options: StoreOptions): Promise<RegistryStore> {
  if (options.backend === 'github') {
    const slug = options.repo ?? options.env.GITHUB_REPOSITORY;
    if (!slug) throw new SettingError(['backend', 'repo'], (name) => `${name('backend')} github needs ${name('repo')} owner/name (or GITHUB_REPOSITORY)`);
    const token = options.env.GITHUB_TOKEN;
    if (!token) throw new SettingError('backend', (name) => `${name('backend')} github needs a token in GITHUB_TOKEN`);
    // octokit is slow to load; a git-backend run (the common case, and 20 concurrent writers) never needs it.
    const { createGitHubClient, parseRepo } = await import('../github-api/client.ts');
    const { openGitHubStore } = await import('./github-store.ts');
    let repo;
    try {
      repo = parseRepo(slug);
    } catch (err) {
      throw new MlopsError((err as Error).message);
    }
    const client = createGitHubClient({ token, baseUrl: options.apiUrl ?? options.env.GITHUB_API_URL, retries: 2 });
    return openGitHubStore({ client, ...repo, branch: options.branch ?? (options.env.MLOPS_REGISTRY_BRANCH || DEFAULT_BRANCH) });
  }
  const location = await locateRegistry(options);
  return openGitStore({ ...location, cacheDir: options.cacheDir ?? (options.env.MLOPS_REGISTRY_CACHE || undefined) });
}

/** Everything an action needs to write: the store, and who acts from which run (from the Actions env). */
export async function openRegistryContext(options: StoreOptions & { token?: string; tags: boolean; now: () => Date }): Promise<RegistryContext> {
  const env = options.token ? { ...options.env, GITHUB_TOKEN: options.token } : options.env;
  const store = await openStore({ ...options, env });
  const who = actorFromEnv(env);
  return { store, now: options.now, actor: who.actor, run: who.run, tags: options.tags };
}
