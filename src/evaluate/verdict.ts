import { formatNumber } from '../report/markdown.ts';
import type { GateConfig, Rule } from './gate.ts';
import type { Evaluation, RuleResult, Scalars, SignificanceResult, SliceEvaluation, Verdict } from './types.ts';

/** Values within this relative distance of a threshold count as on it: 0.85 must pass `>= 0.85`. */
const TOLERANCE = 1e-12;

function holds(value: number, op: Rule['op'], threshold: number): boolean {
  const slack = TOLERANCE * Math.max(1, Math.abs(threshold));
  switch (op) {
    case '>=':
      return value >= threshold - slack;
    case '<=':
      return value <= threshold + slack;
    case '>':
      return value > threshold;
    case '<':
      return value < threshold;
  }
}

function checkRule(rule: Rule, section: RuleResult['section'], candidate: Scalars, champion: Scalars | null, slice?: string): RuleResult {
  const base = { rule: rule.text, section, metric: rule.metric, ...(slice === undefined ? {} : { slice }) };
  const value = candidate[rule.metric] ?? null;
  const championValue = champion?.[rule.metric] ?? null;
  let threshold: number;
  if (rule.threshold.kind === 'absolute') threshold = rule.threshold.value;
  else {
    if (!champion) return { ...base, candidate: value, champion: null, threshold: null, status: 'skipped', reason: 'no champion: relative rule not checked' };
    if (championValue === null)
      return { ...base, candidate: value, champion: null, threshold: null, status: 'fail', reason: `champion has no ${rule.metric} to compare with` };
    threshold = championValue * rule.threshold.factor + rule.threshold.offset;
  }
  if (value === null)
    return { ...base, candidate: null, champion: championValue, threshold, status: 'fail', reason: `${rule.metric} is not available for this model and data` };
  const ok = holds(value, rule.op, threshold);
  const negated = { '>=': '<', '<=': '>', '>': '≤', '<': '≥' }[rule.op];
  const shown = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' }[rule.op];
  const reason = ok ? `${formatNumber(value)} ${shown} ${formatNumber(threshold)}` : `${formatNumber(value)} ${negated} ${formatNumber(threshold)}`;
  return { ...base, candidate: value, champion: championValue, threshold, status: ok ? 'pass' : 'fail', reason };
}

/**
 * Why a verdict has no champion: a model monitored on its own, a first model evaluated
 * without --baseline, or a baseline reference that names nothing yet (first-model mode).
 */
export type NoChampion = { kind: 'monitoring' } | { kind: 'first' } | { kind: 'absent'; baseline: string; stage?: string; reason: string };

function noChampionNote(why: NoChampion): string {
  switch (why.kind) {
    case 'monitoring':
      return 'Monitoring the model on its own: absolute rules and budgets judge it; relative rules and the significance test need a champion and were skipped.';
    case 'first':
      return 'No champion yet (first model): only absolute rules and budgets were checked.';
    case 'absent':
      return `No ${why.stage ?? 'baseline'} model yet: judged on absolute rules (${why.baseline}: ${why.reason}); relative rules and the significance test were skipped.`;
  }
}

/**
 * Applies every gate rule. Relative rules and the significance requirement need a champion;
 * without one they are skipped and the verdict rests on the absolute rules, which a note says.
 */
export function decide(
  gate: GateConfig | undefined,
  candidate: Scalars,
  champion: Scalars | null,
  slices: SliceEvaluation[],
  significance: SignificanceResult | null,
  /** Why there is no champion, when there is none: the note says which (see NoChampion). */
  noChampion: NoChampion = { kind: 'first' },
): Verdict {
  const results: RuleResult[] = [];
  const notes: string[] = [];
  if (!gate) notes.push('No gate file given: metrics are reported, nothing is enforced.');
  else {
    for (const rule of gate.rules) results.push(checkRule(rule, 'rules', candidate, champion));
    for (const rule of gate.budgets) results.push(checkRule(rule, 'budgets', candidate, champion));
    const minRows = gate.slices?.min_rows ?? 0;
    for (const slice of slices) {
      const name = `${slice.column}=${slice.value}`;
      for (const rule of gate.slices?.rules ?? []) {
        if (slice.rows < minRows) {
          results.push({
            rule: rule.text,
            section: 'slices',
            slice: name,
            metric: rule.metric,
            candidate: slice.candidate[rule.metric] ?? null,
            champion: null,
            threshold: null,
            status: 'skipped',
            reason: `${slice.rows} rows < min_rows ${minRows}`,
          });
        } else results.push(checkRule(rule, 'slices', slice.candidate, slice.champion, name));
      }
    }
    const sig = gate.require_significant_improvement;
    if (sig) {
      const rule = `significant improvement in ${sig.metric}`;
      if (!champion || !significance)
        results.push({
          rule,
          section: 'significance',
          metric: sig.metric,
          candidate: candidate[sig.metric] ?? null,
          champion: null,
          threshold: null,
          status: 'skipped',
          reason: 'no champion to improve on',
        });
      else
        results.push({
          rule,
          section: 'significance',
          metric: sig.metric,
          candidate: candidate[sig.metric] ?? null,
          champion: champion[sig.metric] ?? null,
          threshold: null,
          status: significance.significant ? 'pass' : 'fail',
          reason: significance.reason,
        });
    }
  }
  if (!champion && (gate || noChampion.kind === 'absent')) notes.push(noChampionNote(noChampion));
  const passed = results.every((r) => r.status !== 'fail');
  return { verdict: passed ? 'pass' : 'fail', passed, hasChampion: champion !== null, results, notes };
}

/** False when too few rows (under `min_rows`) meant the gate was not applied and nothing was judged. */
export function gateApplied(ev: Pick<Evaluation, 'rows' | 'min_rows'>): boolean {
  return ev.min_rows === undefined || ev.rows >= ev.min_rows;
}
