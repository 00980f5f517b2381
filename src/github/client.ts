import { Octokit } from 'octokit';

export interface GitHubClientOptions {
  token: string;
  /** REST API root; tests point it at a local server (GITHUB_API_URL in Actions). */
  baseUrl?: string;
  /** Retries on secondary rate limits and 5xx; tests set 0 to keep failures immediate. */
  retries?: number;
}

export type GitHubClient = Octokit;

/** One place that builds the REST client, so every caller gets the same base URL and retry policy. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  return new Octokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/$/, ''),
    userAgent: 'mlops-actions',
    retry: { enabled: (options.retries ?? 3) > 0, retries: options.retries ?? 3 },
    throttle: { enabled: false },
  });
}

export interface RepoRef {
  owner: string;
  repo: string;
}

export function parseRepo(slug: string): RepoRef {
  const [owner, repo] = slug.split('/');
  if (!owner || !repo) throw new Error(`expected a repository as owner/name, got "${slug}"`);
  return { owner, repo };
}
