import type { Evaluation } from '../evaluate/types.ts';
import { gateApplied } from '../evaluate/verdict.ts';
import { formatNumber } from '../report/markdown.ts';
import { ALERT_LABEL, newAlertIssue, syncAlertIssue, type AlertKind, type AlertOptions, type AlertOutcome } from './alert-issue.ts';
import type { RetrainPayload } from './dispatch.ts';

const PERFORMANCE: AlertKind = {
  marker: 'mlops-performance',
  title: (model) => `Performance below the gate: ${model}`,
  persists: 'Performance is still below the gate',
};

export type PerformanceOnGitHubOptions = Omit<AlertOptions, 'kind' | 'state' | 'cleared' | 'payload'> & { evaluation: Evaluation };

/**
 * The performance-drift check's issue and retraining dispatch: the production model evaluated
 * on rows whose labels arrived. Its own issue per model (beside the data-drift one), opened when
 * the gate fails, closed when it passes again, left alone when too few rows were judged.
 */
export function reportPerformanceOnGitHub(options: PerformanceOnGitHubOptions): Promise<AlertOutcome> {
  const { evaluation } = options;
  return syncAlertIssue({
    ...options,
    kind: PERFORMANCE,
    state: !gateApplied(evaluation) ? 'unknown' : evaluation.verdict.passed ? 'clear' : 'alert',
    cleared: `The model passes the gate again on ${formatNumber(evaluation.rows)} labelled rows; closing.`,
    payload: (issue) => performancePayload(options.model, evaluation, issue),
  });
}

/** The issue a first failure opens (also what a dry run writes out). */
export function newPerformanceIssue(model: string, markdown: string, dispatchedAt: Date | null, label = ALERT_LABEL) {
  return newAlertIssue(PERFORMANCE, model, markdown, dispatchedAt, label);
}

export function performancePayload(model: string, evaluation: Evaluation, issueNumber: number | null): RetrainPayload {
  const failed = evaluation.verdict.results.filter((r) => r.status === 'fail');
  const rules = failed.map((r) => (r.slice ? `${r.rule} @ ${r.slice}` : r.rule));
  const reasons = failed.slice(0, 3).map((r) => `${r.slice ? `${r.metric} @ ${r.slice}` : r.metric} ${r.reason}`);
  return {
    model,
    trigger: 'performance',
    summary: `failed ${failed.length} gate rule${failed.length === 1 ? '' : 's'} on ${formatNumber(evaluation.rows)} labelled rows: ${reasons.join('; ')}${failed.length > 3 ? '; …' : ''}`,
    failed_rules: rules,
    rows: evaluation.rows,
    issue_number: issueNumber,
  };
}
