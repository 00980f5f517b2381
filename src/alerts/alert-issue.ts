import { fitToLimit } from '../report/markdown.ts';
import type { GitHubClient, RepoRef } from '../github-api/client.ts';
import { dispatchRetraining, type DispatchTarget, type RetrainPayload } from './dispatch.ts';

export const ALERT_LABEL = 'drift';
const DEFAULT_COOLDOWN_HOURS = 24;

/** One kind of scheduled check that keeps an issue per model: data drift, performance drift. */
export interface AlertKind {
  /** Prefix of the hidden markers, e.g. `mlops-drift`: one issue per kind and model. */
  marker: string;
  title(model: string): string;
  /** First words of the comment while the alert persists, e.g. "Drift persists". */
  persists: string;
}

export interface AlertOptions {
  client: GitHubClient;
  repo: RepoRef;
  model: string;
  kind: AlertKind;
  /** alert: the check failed; clear: it passed (an open issue is closed); unknown: not judged, nothing changes. */
  state: 'alert' | 'clear' | 'unknown';
  markdown: string;
  /** The comment that closes the issue when the check passes again. */
  cleared: string;
  payload(issueNumber: number | null): RetrainPayload;
  now: () => Date;
  /** Open, update and close the issue (default true). */
  openIssue?: boolean;
  dispatch?: DispatchTarget | null;
  /** A persisting alert re-dispatches retraining at most once per this many hours. */
  cooldownHours?: number;
  label?: string;
  /** Link to the run, appended to comments. */
  runUrl?: string;
}

export interface AlertOutcome {
  issue: { number: number; action: 'created' | 'commented' | 'closed' } | null;
  dispatched: boolean;
  /** Why retraining was not dispatched although the check failed (cooldown, not configured). */
  dispatch_skipped?: string;
}

interface OpenIssue {
  number: number;
  body: string;
}

/**
 * Keeps ONE open issue per kind and model in step with a scheduled check: created on the first
 * failure, commented on while it persists (never duplicated), closed when a run passes. The
 * issue body carries hidden markers: the model (to find it again) and when retraining was last
 * dispatched (the cooldown's state, so the check itself stays stateless).
 */
export async function syncAlertIssue(options: AlertOptions): Promise<AlertOutcome> {
  const { client, repo, model, kind, now } = options;
  if (options.state === 'unknown') return { issue: null, dispatched: false };
  const label = options.label ?? ALERT_LABEL;
  const openIssue = options.openIssue ?? true;
  const existing = openIssue || options.dispatch ? await findAlertIssue(client, repo, kind, model, label) : null;
  const footer = options.runUrl ? `\n\n[Workflow run](${options.runUrl})` : '';
  if (options.state === 'clear') {
    if (!existing || !openIssue) return { issue: null, dispatched: false };
    await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...repo,
      issue_number: existing.number,
      body: fitToLimit(`${options.cleared}\n\n${options.markdown}${footer}`),
    });
    await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...repo,
      issue_number: existing.number,
      state: 'closed',
      state_reason: 'completed',
    });
    return { issue: { number: existing.number, action: 'closed' }, dispatched: false };
  }

  const cooldownHours = options.cooldownHours ?? DEFAULT_COOLDOWN_HOURS;
  const last = existing ? lastDispatch(kind, existing.body) : null;
  let dispatched = false;
  let dispatchSkipped: string | undefined;
  if (!options.dispatch) dispatchSkipped = 'no retraining dispatch configured';
  else if (last && now().getTime() - last.getTime() < cooldownHours * 3600_000) {
    dispatchSkipped = `retraining was dispatched at ${last.toISOString()}, within the ${cooldownHours} h cooldown`;
  } else {
    await dispatchRetraining(client, repo, options.dispatch, options.payload(existing?.number ?? null));
    dispatched = true;
  }
  const dispatchedAt = dispatched ? now() : last;
  const skipped = dispatchSkipped ? { dispatch_skipped: dispatchSkipped } : {};

  if (!openIssue) return { issue: null, dispatched, ...skipped };
  if (!existing) {
    const created = await client.request('POST /repos/{owner}/{repo}/issues', {
      ...repo,
      ...newAlertIssue(kind, model, options.markdown + footer, dispatchedAt, label),
    });
    return { issue: { number: created.data.number, action: 'created' }, dispatched, ...skipped };
  }
  await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...repo,
    issue_number: existing.number,
    body: fitToLimit(
      `${kind.persists}${dispatched ? '; retraining dispatched again' : dispatchSkipped ? ` (${dispatchSkipped})` : ''}.\n\n${options.markdown}${footer}`,
    ),
  });
  if (dispatched) {
    await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...repo,
      issue_number: existing.number,
      body: setDispatchMarker(kind, existing.body, dispatchedAt!),
    });
  }
  return { issue: { number: existing.number, action: 'commented' }, dispatched, ...skipped };
}

export function alertMarker(kind: AlertKind, model: string): string {
  return `<!-- ${kind.marker} model=${JSON.stringify(model)} -->`;
}

/** The issue a first failure opens (also what a dry run writes out). */
export function newAlertIssue(kind: AlertKind, model: string, markdown: string, dispatchedAt: Date | null, label = ALERT_LABEL) {
  const markers = alertMarker(kind, model) + (dispatchedAt ? `\n${dispatchMarker(kind, dispatchedAt)}` : '');
  return { title: kind.title(model), labels: [label], body: fitToLimit(`${markers}\n${markdown}`) };
}

function dispatchMarker(kind: AlertKind, at: Date): string {
  return `<!-- ${kind.marker}-dispatched-at=${at.toISOString()} -->`;
}

function dispatchPattern(kind: AlertKind): RegExp {
  return new RegExp(`<!-- ${kind.marker}-dispatched-at=([0-9T:.\\-Z]+) -->`);
}

function setDispatchMarker(kind: AlertKind, body: string, at: Date): string {
  const pattern = dispatchPattern(kind);
  return pattern.test(body) ? body.replace(pattern, dispatchMarker(kind, at)) : `${dispatchMarker(kind, at)}\n${body}`;
}

function lastDispatch(kind: AlertKind, body: string): Date | null {
  const m = dispatchPattern(kind).exec(body);
  if (!m) return null;
  const t = new Date(m[1]);
  return Number.isNaN(t.getTime()) ? null : t;
}

async function findAlertIssue(client: GitHubClient, repo: RepoRef, kind: AlertKind, model: string, label: string): Promise<OpenIssue | null> {
  const marker = alertMarker(kind, model);
  const issues = await client.paginate('GET /repos/{owner}/{repo}/issues', { ...repo, state: 'open', labels: label, per_page: 100 });
  const found = issues.find((i) => !i.pull_request && (i.body ?? '').includes(marker));
  return found ? { number: found.number, body: found.body ?? '' } : null;
}
