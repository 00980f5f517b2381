import { readFile } from 'node:fs/promises';
import { createGitHubClient, parseRepo, type GitHubClient, type RepoRef } from './client.ts';
import { pullRequestOfEvent } from './comment.ts';
import { MlopsError } from '../util/errors.ts';

export interface CommentContext {
  client?: GitHubClient;
  repo?: RepoRef;
  pullRequest?: number;
  summaryFile?: string;
  /** What the report reflects: the commit and the workflow run (a sticky comment outlives both). */
  provenance?: Provenance;
}

export interface Provenance {
  /** Full commit SHA: the pull request's head, not the merge commit GITHUB_SHA names on pull_request. */
  sha?: string;
  commitUrl?: string;
  runUrl?: string;
  /** `workflow #run_number`, e.g. `ml-evaluate #12`. */
  runLabel?: string;
}

/**
 * The commit and run a report reflects, from the Actions environment (GITHUB_SHA,
 * GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_RUN_NUMBER,
 * GITHUB_WORKFLOW) and the event payload. Undefined outside Actions.
 */
export function provenanceOf(env: NodeJS.ProcessEnv, payload: Record<string, any> = {}): Provenance | undefined {
  const sha: string | undefined = payload.pull_request?.head?.sha ?? payload.workflow_run?.head_sha ?? (env.GITHUB_SHA || undefined);
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const repo = env.GITHUB_REPOSITORY;
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? 1);
  const runUrl = repo && env.GITHUB_RUN_ID ? `${server}/${repo}/actions/runs/${env.GITHUB_RUN_ID}${attempt > 1 ? `/attempts/${attempt}` : ''}` : undefined;
  if (!sha && !runUrl) return undefined;
  const label = [env.GITHUB_WORKFLOW, env.GITHUB_RUN_NUMBER ? `#${env.GITHUB_RUN_NUMBER}` : undefined].filter(Boolean).join(' ');
  return {
    sha,
    commitUrl: sha && repo ? `${server}/${repo}/commit/${sha}` : undefined,
    runUrl,
    runLabel: runUrl ? `${label || `run ${env.GITHUB_RUN_ID}`}${attempt > 1 ? ` (attempt ${attempt})` : ''}` : undefined,
  };
}

/**
 * Where a report goes, from flags first and then the Actions environment: GITHUB_TOKEN (or
 * GH_TOKEN), GITHUB_REPOSITORY, GITHUB_API_URL, and the PR of the triggering event
 * (GITHUB_EVENT_NAME / GITHUB_EVENT_PATH). Missing pieces stay undefined; publishReport says why.
 */
export async function commentContext(
  env: NodeJS.ProcessEnv,
  overrides: { token?: string; repo?: string; pullRequest?: number; retries?: number },
): Promise<CommentContext> {
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
  let payload: Record<string, unknown> = {};
  let unreadable: string | undefined;
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch (err) {
      unreadable = `${env.GITHUB_EVENT_PATH}: cannot read the event payload (${(err as Error).message})`;
    }
  }
  if (pullRequest === undefined && client && repo && env.GITHUB_EVENT_NAME && env.GITHUB_EVENT_PATH) {
    // Only the pull request lookup needs the payload; provenance falls back to GITHUB_SHA.
    if (unreadable) throw new MlopsError(unreadable);
    pullRequest = await pullRequestOfEvent(client, repo, env.GITHUB_EVENT_NAME, payload);
  }
  return { client, repo, pullRequest, summaryFile: env.GITHUB_STEP_SUMMARY || undefined, provenance: provenanceOf(env, payload) };
}
