import { Octokit } from 'octokit';
import { scrubError, tokenForms } from '../util/secrets.ts';

export interface GitHubClientOptions {
  token: string;
  /** REST API root; tests point it at a local server (GITHUB_API_URL in Actions). */
  baseUrl?: string;
  /** Retries on secondary rate limits and 5xx; tests set 0 to keep failures immediate. */
  retries?: number;
  /** Waits between secondary-rate-limit retries; tests pass a recorder instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
}

export type GitHubClient = Octokit;

/** One place that builds the REST client, so every caller gets the same base URL and retry policy. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const retries = options.retries ?? 3;
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/$/, ''),
    userAgent: 'mlops-actions',
    retry: { enabled: retries > 0, retries },
    throttle: { enabled: false },
  });
  // The retry plugin never retries a 403, but GitHub answers secondary rate limits with 403
  // or 429: wait as told (retry-after, else the minute GitHub's docs ask for) and try again.
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // Error bodies can echo the auth header back (proxies, some 401s): scrub the token from every
  // error here, before any caller logs or wraps it.
  const secrets = tokenForms(options.token);
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (err) {
        const wait = secondaryRateLimitWait(err);
        if (wait === undefined || attempt >= retries) throw scrubError(err, secrets);
        await sleep(wait);
      }
    }
  });
  return octokit;
}

/** Milliseconds to wait before retrying a secondary-rate-limited request; undefined for other errors. */
export function secondaryRateLimitWait(err: unknown): number | undefined {
  const e = err as { status?: number; message?: string; response?: { headers?: Record<string, string | undefined> } };
  if (e.status !== 403 && e.status !== 429) return undefined;
  const retryAfter = e.response?.headers?.['retry-after'];
  if (retryAfter !== undefined && Number.isFinite(Number(retryAfter))) return Number(retryAfter) * 1000;
  return /secondary rate limit/i.test(e.message ?? '') ? 60_000 : undefined;
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
