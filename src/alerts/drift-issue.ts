import type { DriftResult } from '../drift/detect.ts';
import { ALERT_LABEL, alertMarker, newAlertIssue, syncAlertIssue, type AlertKind, type AlertOptions, type AlertOutcome } from './alert-issue.ts';
import type { RetrainPayload } from './dispatch.ts';

const DATA_DRIFT: AlertKind = { marker: 'mlops-drift', title: (model) => `Drift detected: ${model}`, persists: 'Drift persists' };

export type DriftOnGitHubOptions = Omit<AlertOptions, 'kind' | 'state' | 'cleared' | 'payload'> & { result: DriftResult };

/** The data-drift check's issue and retraining dispatch (see syncAlertIssue). */
export function reportDriftOnGitHub(options: DriftOnGitHubOptions): Promise<AlertOutcome> {
  const { result } = options;
  return syncAlertIssue({
    ...options,
    kind: DATA_DRIFT,
    state: result.dataset_drift ? 'alert' : 'clear',
    cleared: `No dataset drift in the latest check (share ${result.share_drifted.toFixed(3)}); closing.`,
    payload: (issue) => retrainPayload(options.model, result, issue),
  });
}

/** The report with a link to its HTML version (the uploaded artifact) under the heading. */
export function withHtmlLink(markdown: string, url: string | null, artifact: string): string {
  if (!url) return markdown;
  const line = `📊 [Interactive HTML report](${url}) (artifact \`${artifact}\`: sortable table, distributions per column).`;
  const cut = markdown.indexOf('\n\n');
  return cut < 0 ? `${markdown}\n\n${line}\n` : `${markdown.slice(0, cut)}\n\n${line}${markdown.slice(cut)}`;
}

export function modelMarker(model: string): string {
  return alertMarker(DATA_DRIFT, model);
}

/** The issue a first drift opens (also what a dry run writes out). */
export function newDriftIssue(model: string, markdown: string, dispatchedAt: Date | null, label = ALERT_LABEL) {
  return newAlertIssue(DATA_DRIFT, model, markdown, dispatchedAt, label);
}

export function retrainPayload(model: string, result: DriftResult, issueNumber: number | null): RetrainPayload {
  return {
    model,
    trigger: 'data-drift',
    summary: summaryLine(result),
    share_drifted: result.share_drifted,
    drifted_columns: result.drifted_columns,
    issue_number: issueNumber,
  };
}

function summaryLine(result: DriftResult): string {
  const tested = Object.keys(result.columns).length + Object.keys(result.text_columns ?? {}).length;
  return `${result.drifted_columns.length} of ${tested} columns drifted (share ${result.share_drifted.toFixed(3)}): ${result.drifted_columns.join(', ')}`;
}
