import * as core from '@actions/core';
import { booleanInput, choiceInput, input, numberInput, optionalInput, optionalSecretInput } from './action.ts';
import type { AlertOutcome } from '../alerts/alert-issue.ts';
import { createGitHubClient, parseRepo, type GitHubClient, type RepoRef } from '../github-api/client.ts';
import type { DispatchTarget } from '../alerts/dispatch.ts';
import { MlopsError } from '../util/errors.ts';

// What the scheduled checks' actions (drift, performance) share: their alert inputs, read the
// same way in both, and the step that keeps the model's issue and dispatches retraining.

/** `dispatch`: none, repository (with `event-type`) or workflow (with `workflow`, `workflow-ref`). */
export function dispatchInput(env: NodeJS.ProcessEnv): DispatchTarget | null {
  const kind = choiceInput('dispatch', ['none', 'repository', 'workflow'] as const, 'none');
  if (kind === 'repository') return { kind: 'repository', eventType: input('event-type', 'mlops-retrain') };
  if (kind === 'workflow') return { kind: 'workflow', workflow: input('workflow'), ref: optionalInput('workflow-ref') ?? env.GITHUB_REF_NAME ?? 'main' };
  return null;
}

/** The model's name: the input `name`, else NAME from a `registry:NAME…` reference, else the repository's name. */
export function modelNameInput(name: string, reference: string, env: NodeJS.ProcessEnv): string {
  return optionalInput(name) ?? /^registry:([^#@]+)/.exec(reference)?.[1] ?? ((env.GITHUB_REPOSITORY ?? '').split('/')[1] || 'model');
}

export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  return env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
}

/** Everything an alert on GitHub needs besides the check's own result and report. */
export interface AlertContext {
  client: GitHubClient;
  repo: RepoRef;
  now: () => Date;
  openIssue: boolean;
  dispatch: DispatchTarget | null;
  cooldownHours?: number;
  runUrl?: string;
}

/** The alert inputs of the scheduled checks, read and checked before the check runs. */
export interface AlertSettings {
  openIssue: boolean;
  dispatch: DispatchTarget | null;
  cooldownHours?: number;
  token?: string;
}

/** Reads `open-issue`, `dispatch` (with `event-type`, `workflow`, `workflow-ref`), `cooldown-hours` and `token`. */
export function readAlertSettings(env: NodeJS.ProcessEnv): AlertSettings {
  return {
    openIssue: booleanInput('open-issue', true),
    dispatch: dispatchInput(env),
    cooldownHours: numberInput('cooldown-hours', { min: 0 }),
    token: optionalSecretInput('token'),
  };
}

/**
 * When there is something to do (an issue to keep, or a failure to dispatch retraining for) hands
 * the GitHub context to `send`, logging what it did. `check` names the issue in the log ("drift",
 * "performance").
 */
export async function alertOnGitHub(
  env: NodeJS.ProcessEnv,
  settings: AlertSettings,
  options: { check: string; failing: boolean },
  send: (context: AlertContext) => Promise<AlertOutcome>,
): Promise<{ issueNumber: string; dispatched: boolean }> {
  const { openIssue, dispatch } = settings;
  if (!openIssue && !(dispatch && options.failing)) return { issueNumber: '', dispatched: false };
  const repository = env.GITHUB_REPOSITORY ?? '';
  if (!repository.includes('/')) throw new MlopsError('GITHUB_REPOSITORY is not set: run inside GitHub Actions, or set open-issue: false and dispatch: none');
  if (!settings.token) throw new MlopsError('input "token" is required');
  const outcome = await send({
    client: createGitHubClient({ token: settings.token, baseUrl: env.GITHUB_API_URL }),
    repo: parseRepo(repository),
    now: () => new Date(),
    openIssue,
    dispatch,
    cooldownHours: settings.cooldownHours,
    runUrl: runUrl(env),
  });
  if (outcome.issue) core.info(`${options.check} issue #${outcome.issue.number}: ${outcome.issue.action}`);
  if (outcome.dispatch_skipped && options.failing) core.info(`retraining not dispatched: ${outcome.dispatch_skipped}`);
  return { issueNumber: outcome.issue ? String(outcome.issue.number) : '', dispatched: outcome.dispatched };
}
