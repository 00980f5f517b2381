import type { GitHubClient, RepoRef } from '../github-api/client.ts';

export type DispatchTarget = { kind: 'repository'; eventType: string } | { kind: 'workflow'; workflow: string; ref: string };

export const DEFAULT_RETRAIN_EVENT = 'mlops-retrain';

/** What the retrain workflow receives as `client_payload` (repository_dispatch). */
export type RetrainPayload = {
  model: string;
  /** One line a human reads in the run list, e.g. "3 of 10 columns drifted (share 0.3): age, plan, region". */
  summary: string;
  /** The open alert issue, to link back to; null on the first alert. */
  issue_number: number | null;
} & ({ trigger: 'data-drift'; share_drifted: number; drifted_columns: string[] } | { trigger: 'performance'; failed_rules: string[]; rows: number });

/**
 * Starts retraining: a `repository_dispatch` event (any workflow `on: repository_dispatch:
 * types: [EVENT]` runs, payload in github.event.client_payload) or a `workflow_dispatch` of one
 * workflow file, whose `inputs` must declare `model` and `drift_summary` (strings only).
 */
export async function dispatchRetraining(client: GitHubClient, repo: RepoRef, target: DispatchTarget, payload: RetrainPayload): Promise<void> {
  const { route, body } = dispatchRequest(target, payload);
  await client.request(route, { ...repo, ...body });
}

/** The REST call that starts retraining, without sending it (also what a dry run writes out). */
export function dispatchRequest(target: DispatchTarget, payload: RetrainPayload): { route: string; body: Record<string, unknown> } {
  if (target.kind === 'repository') {
    return { route: 'POST /repos/{owner}/{repo}/dispatches', body: { event_type: target.eventType, client_payload: { ...payload } } };
  }
  return {
    route: 'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
    body: { workflow_id: target.workflow, ref: target.ref, inputs: { model: payload.model, drift_summary: payload.summary.slice(0, 1000) } },
  };
}
