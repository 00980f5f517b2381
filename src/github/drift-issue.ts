import type { DriftResult } from '../drift/detect.ts';
import { fitToLimit } from '../report/markdown.ts';
import type { GitHubClient, RepoRef } from './client.ts';
import { dispatchRetraining, type DispatchTarget, type RetrainPayload } from './dispatch.ts';

export const DRIFT_LABEL = 'drift';
export const DEFAULT_COOLDOWN_HOURS = 24;

export interface DriftOnGitHubOptions {
  client: GitHubClient;
  repo: RepoRef;
  model: string;
  result: DriftResult;
  markdown: string;
  now: () => Date;
  /** Open, update and close the model's drift issue (default true). */
  openIssue?: boolean;
  dispatch?: DispatchTarget | null;
  /** A persisting drift re-dispatches retraining at most once per this many hours. */
  cooldownHours?: number;
  label?: string;
  /** Link to the run, appended to comments. */
  runUrl?: string;
}

export interface DriftOnGitHubOutcome {
  issue: { number: number; action: 'created' | 'commented' | 'closed' } | null;
  dispatched: boolean;
  /** Why retraining was not dispatched although drift was found (cooldown, not configured). */
  dispatch_skipped?: string;
}

interface OpenIssue {
  number: number;
  body: string;
}

/**
 * Keeps ONE open issue per model in step with the drift checks: created on the first drift,
 * commented on when drift persists (never duplicated), closed when a run finds none. The
 * issue body carries hidden markers: the model (to find it again) and when retraining was
 * last dispatched (the cooldown's state, so the check itself stays stateless).
 */
export async function reportDriftOnGitHub(options: DriftOnGitHubOptions): Promise<DriftOnGitHubOutcome> {
  const { client, repo, model, result, now } = options;
  const label = options.label ?? DRIFT_LABEL;
  const openIssue = options.openIssue ?? true;
  const existing = openIssue || options.dispatch ? await findDriftIssue(client, repo, model, label) : null;
  const footer = options.runUrl ? `\n\n[Workflow run](${options.runUrl})` : '';
  if (!result.dataset_drift) {
    if (!existing || !openIssue) return { issue: null, dispatched: false };
    await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...repo,
      issue_number: existing.number,
      body: fitToLimit(`No dataset drift in the latest check (share ${result.share_drifted.toFixed(3)}); closing.\n\n${options.markdown}${footer}`),
    });
    await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...repo, issue_number: existing.number, state: 'closed', state_reason: 'completed' });
    return { issue: { number: existing.number, action: 'closed' }, dispatched: false };
  }

  const cooldownMs = (options.cooldownHours ?? DEFAULT_COOLDOWN_HOURS) * 3600_000;
  const last = existing ? lastDispatch(existing.body) : null;
  let dispatched = false;
  let dispatchSkipped: string | undefined;
  if (!options.dispatch) dispatchSkipped = 'no retraining dispatch configured';
  else if (last && now().getTime() - last.getTime() < cooldownMs) {
    dispatchSkipped = `retraining was dispatched at ${last.toISOString()}, within the ${options.cooldownHours ?? DEFAULT_COOLDOWN_HOURS} h cooldown`;
  } else {
    await dispatchRetraining(client, repo, options.dispatch, retrainPayload(model, result, existing?.number ?? null));
    dispatched = true;
  }
  const dispatchedAt = dispatched ? now() : last;

  if (!openIssue) return { issue: null, dispatched, ...(dispatchSkipped ? { dispatch_skipped: dispatchSkipped } : {}) };
  let issue: DriftOnGitHubOutcome['issue'];
  if (!existing) {
    const created = await client.request('POST /repos/{owner}/{repo}/issues', { ...repo, ...newDriftIssue(model, options.markdown + footer, dispatchedAt, label) });
    issue = { number: created.data.number, action: 'created' };
  } else {
    await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...repo,
      issue_number: existing.number,
      body: fitToLimit(`Drift persists${dispatched ? '; retraining dispatched again' : dispatchSkipped ? ` (${dispatchSkipped})` : ''}.\n\n${options.markdown}${footer}`),
    });
    if (dispatched) {
      await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        ...repo,
        issue_number: existing.number,
        body: setDispatchMarker(existing.body, dispatchedAt!),
      });
    }
    issue = { number: existing.number, action: 'commented' };
  }
  return { issue, dispatched, ...(dispatchSkipped ? { dispatch_skipped: dispatchSkipped } : {}) };
}

export function modelMarker(model: string): string {
  return `<!-- mlops-drift model=${JSON.stringify(model)} -->`;
}

const DISPATCH_MARKER = /<!-- mlops-drift-dispatched-at=([0-9T:.\-Z]+) -->/;

/** The issue a first drift opens (also what a dry run writes out). */
export function newDriftIssue(model: string, markdown: string, dispatchedAt: Date | null, label = DRIFT_LABEL) {
  const markers = modelMarker(model) + (dispatchedAt ? `\n<!-- mlops-drift-dispatched-at=${dispatchedAt.toISOString()} -->` : '');
  return { title: `Drift detected: ${model}`, labels: [label], body: fitToLimit(`${markers}\n${markdown}`) };
}

export function retrainPayload(model: string, result: DriftResult, issueNumber: number | null): RetrainPayload {
  return { model, summary: summaryLine(result), share_drifted: result.share_drifted, drifted_columns: result.drifted_columns, issue_number: issueNumber };
}

function setDispatchMarker(body: string, at: Date): string {
  const marker = `<!-- mlops-drift-dispatched-at=${at.toISOString()} -->`;
  return DISPATCH_MARKER.test(body) ? body.replace(DISPATCH_MARKER, marker) : `${marker}\n${body}`;
}

function lastDispatch(body: string): Date | null {
  const m = DISPATCH_MARKER.exec(body);
  if (!m) return null;
  const t = new Date(m[1]);
  return Number.isNaN(t.getTime()) ? null : t;
}

async function findDriftIssue(client: GitHubClient, repo: RepoRef, model: string, label: string): Promise<OpenIssue | null> {
  const marker = modelMarker(model);
  const issues = await client.paginate('GET /repos/{owner}/{repo}/issues', { ...repo, state: 'open', labels: label, per_page: 100 });
  const found = issues.find((i) => !i.pull_request && (i.body ?? '').includes(marker));
  return found ? { number: found.number, body: found.body ?? '' } : null;
}

function summaryLine(result: DriftResult): string {
  const tested = Object.keys(result.columns).length;
  return `${result.drifted_columns.length} of ${tested} columns drifted (share ${result.share_drifted.toFixed(3)}): ${result.drifted_columns.join(', ')}`;
}
