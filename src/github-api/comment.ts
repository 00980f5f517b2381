import { appendFile } from 'node:fs/promises';
import { secondaryRateLimitWait, type GitHubClient, type RepoRef } from './client.ts';
import { GITHUB_COMMENT_LIMIT, fitToLimit } from '../report/markdown.ts';
import { MlopsError } from '../util/errors.ts';
import type { Provenance } from './context.ts';

/** The hidden line that marks our comment for one report id, so reruns find and update it. */
export function reportMarker(id: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(id)) throw new MlopsError(`report id "${id}" may only hold letters, digits, ".", "_" and "-"`);
  return `<!-- mlops-report:${id} -->`;
}

export interface StickyResult {
  action: 'created' | 'updated';
  commentId: number;
  url: string;
}

/** The comment as posted: marker, the report cut to GitHub's limit, and the provenance footer. */
export function stickyBody(id: string, markdown: string, footer = ''): string {
  const marker = reportMarker(id);
  const tail = footer ? `\n\n${footer}\n` : '';
  const report = fitToLimit(markdown, GITHUB_COMMENT_LIMIT - marker.length - 1 - tail.length);
  return `${marker}\n${footer ? report.replace(/\n+$/, '') : report}${tail}`;
}

/**
 * Creates or updates the one comment per report id on an issue or pull request: lists every
 * comment (all pages) for the marker and edits the first match, so reruns update in place
 * instead of stacking comments.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  target: RepoRef & { issueNumber: number; id: string },
  markdown: string,
  footer = '',
): Promise<StickyResult> {
  const marker = reportMarker(target.id);
  const body = stickyBody(target.id, markdown, footer);
  const where = { owner: target.owner, repo: target.repo };
  const comments = await client.paginate(client.rest.issues.listComments, { ...where, issue_number: target.issueNumber, per_page: 100 });
  // Our comments start with the marker; a reviewer quoting one does not.
  const existing = comments.find((c) => c.body?.startsWith(marker));
  if (existing) {
    const { data } = await client.rest.issues.updateComment({ ...where, comment_id: existing.id, body });
    return { action: 'updated', commentId: data.id, url: data.html_url };
  }
  const { data } = await client.rest.issues.createComment({ ...where, issue_number: target.issueNumber, body });
  return { action: 'created', commentId: data.id, url: data.html_url };
}

/**
 * The pull request a workflow run is about: the event's own PR for pull_request(_target) and
 * PR comments; for workflow_run the triggering run's PRs, and — since GitHub leaves that list
 * empty for runs from forks — an open PR whose head is the run's repository and branch.
 */
export async function pullRequestOfEvent(client: GitHubClient, repo: RepoRef, eventName: string, payload: Record<string, any>): Promise<number | undefined> {
  if (eventName === 'pull_request' || eventName === 'pull_request_target') return payload.pull_request?.number;
  if (eventName === 'issue_comment') return payload.issue?.pull_request ? payload.issue.number : undefined;
  if (eventName !== 'workflow_run') return undefined;
  const run = payload.workflow_run;
  if (!run) return undefined;
  const listed = run.pull_requests?.[0]?.number;
  if (listed) return listed;
  const owner = run.head_repository?.owner?.login;
  if (!owner || !run.head_branch) return undefined;
  const { data } = await client.rest.pulls.list({ ...repo, state: 'open', head: `${owner}:${run.head_branch}`, per_page: 10 });
  return data.find((pr) => pr.head.sha === run.head_sha)?.number ?? data[0]?.number;
}

export interface PublishOptions {
  client?: GitHubClient;
  repo?: RepoRef;
  pullRequest?: number;
  id: string;
  markdown: string;
  /** GITHUB_STEP_SUMMARY: the report is appended there as well, or only there on fallback. */
  summaryFile?: string;
  /** The commit and run the report reflects; with `now`, stamped under the comment. */
  provenance?: Provenance;
  now?: () => Date;
}

/**
 * The line under a sticky comment saying what it reflects, since the comment is edited in place
 * on every push: `Reflects abc1234 · ml-evaluate #12 · 2026-12-01 20:05 UTC`, with links.
 */
export function provenanceFooter(p: Provenance | undefined, now?: Date): string {
  const parts: string[] = [];
  if (p?.sha) parts.push(`commit ${p.commitUrl ? `[\`${p.sha.slice(0, 7)}\`](${p.commitUrl})` : `\`${p.sha.slice(0, 7)}\``}`);
  if (p?.runUrl) parts.push(`workflow run [${p.runLabel ?? 'run'}](${p.runUrl})`);
  if (now) parts.push(`updated ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  if (parts.length === 0) return '';
  const text = parts.join(' · ');
  return `<sub>${p?.sha || p?.runUrl ? `Reflects ${text}` : text[0].toUpperCase() + text.slice(1)}</sub>`;
}

export interface PublishResult {
  comment?: StickyResult;
  summary: boolean;
  /** Why no comment was posted, in words for the log. */
  skipped?: string;
}

/**
 * Posts the report as the sticky comment and writes it to the job summary. Without a PR,
 * a token, or write permission (pull requests from forks get a read-only token), it falls
 * back to the summary alone and says why instead of failing the job.
 */
export async function publishReport(options: PublishOptions): Promise<PublishResult> {
  const summary = options.summaryFile !== undefined && options.summaryFile !== '';
  if (summary) await appendFile(options.summaryFile!, fitToLimit(options.markdown, 1024 * 1024 - 1024) + '\n');
  const only = summary ? 'the report is in the job summary only' : 'no job summary file either (GITHUB_STEP_SUMMARY unset)';
  if (!options.client || !options.repo) return { summary, skipped: `no GitHub token or repository: ${only}` };
  if (!options.pullRequest) return { summary, skipped: `not a pull request run: ${only}` };
  try {
    const footer = provenanceFooter(options.provenance, options.now?.());
    const comment = await upsertStickyComment(options.client, { ...options.repo, issueNumber: options.pullRequest, id: options.id }, options.markdown, footer);
    return { comment, summary };
  } catch (err) {
    const status = (err as { status?: number }).status;
    if ((status === 403 || status === 404) && secondaryRateLimitWait(err) === undefined) {
      return {
        summary,
        skipped: `no permission to comment on pull request #${options.pullRequest} (HTTP ${status}; a pull request from a fork gets a read-only token): ${only}`,
      };
    }
    throw new MlopsError(`commenting on pull request #${options.pullRequest} failed: ${(err as Error).message}`, { cause: err });
  }
}
