import { readFile } from 'node:fs/promises';
import { createGitHubClient, parseRepo, type GitHubClient, type RepoRef } from './client.ts';
import { pullRequestOfEvent } from './comment.ts';
import { MlopsError } from '../util/errors.ts';

export interface CommentContext {
  client?: GitHubClient;
  repo?: RepoRef;
  pullRequest?: number;
  summaryFile?: string;
}

/**
 * Where a report goes, from flags first and then the Actions environment: GITHUB_TOKEN (or
 * GH_TOKEN), GITHUB_REPOSITORY, GITHUB_API_URL, and the PR of the triggering event
 * (GITHUB_EVENT_NAME / GITHUB_EVENT_PATH). Missing pieces stay undefined; publishReport says why.
 */
export async function commentContext(env: NodeJS.ProcessEnv, overrides: { token?: string; repo?: string; pullRequest?: number; retries?: number }): Promise<CommentContext> {
  const token = overrides.token ?? env.GITHUB_TOKEN ?? env.GH_TOKEN;
  const slug = overrides.repo ?? env.GITHUB_REPOSITORY;
  let repo: RepoRef | undefined;
  if (slug) {
    try {
      repo = parseRepo(slug);
    } catch (err) {
      throw new MlopsError((err as Error).message);
    }
  }
  const client = token ? createGitHubClient({ token, baseUrl: env.GITHUB_API_URL, retries: overrides.retries }) : undefined;
  let pullRequest = overrides.pullRequest;
  if (pullRequest === undefined && client && repo && env.GITHUB_EVENT_NAME && env.GITHUB_EVENT_PATH) {
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch (err) {
      throw new MlopsError(`${env.GITHUB_EVENT_PATH}: cannot read the event payload (${(err as Error).message})`);
    }
    pullRequest = await pullRequestOfEvent(client, repo, env.GITHUB_EVENT_NAME, payload);
  }
  return { client, repo, pullRequest, summaryFile: env.GITHUB_STEP_SUMMARY || undefined };
}
