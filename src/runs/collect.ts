import { code, formatNumber, table } from '../report/markdown.ts';
import { xyChart } from '../report/mermaid.ts';
import type { RunRecord } from './schema.ts';
/** What collect needs of a sweep plan (src/model/sweep.ts): the trials and their values. */
export interface PlannedTrials {
  trials: { trial: number; params: Record<string, unknown> }[];
}

type Param = RunRecord['params'][string];

export interface TrialResult {
  trial: number;
  status: 'ok' | 'failed' | 'missing';
  /** 1 = best; absent for trials without the metric (failed, missing, or not reported). */
  rank?: number;
  metric?: number;
  /** The swept parameters' values (as recorded: a list value is JSON text). */
  params: Record<string, Param>;
  run_id?: string;
  error?: string;
  artifact?: RunRecord['artifact'];
}

export interface ValueEffect {
  value: Param;
  trials: number;
  mean: number;
  best: number;
}

export interface ParameterEffect {
  name: string;
  /** Mean and best metric per value, over the trials that reported the metric. */
  values: ValueEffect[];
  /** Highest minus lowest per-value mean: how far this parameter alone moved the metric. */
  spread: number;
  /** Spearman rank correlation of a numeric parameter with the metric; null when undefined. */
  spearman: number | null;
}

export interface SweepReport {
  schema_version: 1;
  kind: 'mlops/sweep-report';
  sweep: string;
  metric: string;
  goal: 'maximize' | 'minimize';
  counts: { ok: number; failed: number; missing: number };
  trials: TrialResult[];
  best: TrialResult | null;
  effects: ParameterEffect[];
  /** The parameter with the largest spread. */
  most_influential: string | null;
}

/**
 * The leaderboard of one sweep from its runs: each trial's latest run (a re-run job supersedes
 * an earlier attempt), ranked by the metric toward the goal; failed trials and, given the plan,
 * trials that never recorded a run are listed after the ranked ones, never dropped.
 */
export function collectSweep(
  runs: readonly RunRecord[],
  o: { sweep: string; metric: string; goal: 'maximize' | 'minimize'; plan?: PlannedTrials },
): SweepReport {
  const latest = new Map<number, RunRecord>();
  for (const run of runs) {
    if (run.sweep?.id !== o.sweep) continue;
    const seen = latest.get(run.sweep.trial);
    if (!seen || seen.id < run.id) latest.set(run.sweep.trial, run);
  }
  const mine = [...latest.values()];
  const names = o.plan ? Object.keys(o.plan.trials[0]?.params ?? {}) : varyingParams(mine);
  const trials: TrialResult[] = [];
  const numbers = new Set([...latest.keys(), ...(o.plan?.trials.map((t) => t.trial) ?? [])]);
  for (const trial of [...numbers].sort((a, b) => a - b)) {
    const run = latest.get(trial);
    if (!run) {
      const planned = o.plan!.trials.find((t) => t.trial === trial)!;
      trials.push({ trial, status: 'missing', params: Object.fromEntries(names.map((n) => [n, asParam(planned.params[n])])) });
      continue;
    }
    const metric = run.metrics[o.metric];
    trials.push({
      trial,
      status: run.status,
      ...(run.status === 'ok' && metric !== undefined ? { metric } : {}),
      params: Object.fromEntries(names.map((n) => [n, run.params[n] ?? null])),
      run_id: run.id,
      ...(run.error ? { error: run.error } : {}),
      ...(run.artifact ? { artifact: run.artifact } : {}),
    });
  }
  const sign = o.goal === 'maximize' ? -1 : 1;
  const ranked = trials.filter((t) => t.metric !== undefined).sort((a, b) => sign * (a.metric! - b.metric!) || a.trial - b.trial);
  ranked.forEach((t, i) => (t.rank = i + 1));
  const ordered = [...ranked, ...trials.filter((t) => t.metric === undefined)];
  const effects = names.map((name) => parameterEffect(name, ranked, o.goal));
  const influential = effects.filter((e) => e.values.length > 1).sort((a, b) => b.spread - a.spread)[0];
  return {
    schema_version: 1,
    kind: 'mlops/sweep-report',
    sweep: o.sweep,
    metric: o.metric,
    goal: o.goal,
    counts: {
      ok: trials.filter((t) => t.status === 'ok').length,
      failed: trials.filter((t) => t.status === 'failed').length,
      missing: trials.filter((t) => t.status === 'missing').length,
    },
    trials: ordered,
    best: ranked[0] ?? null,
    effects,
    most_influential: influential?.name ?? null,
  };
}

const asParam = (v: unknown): Param => (Array.isArray(v) ? JSON.stringify(v) : (v as Param));

/** Without the plan: the params whose values differ between the sweep's runs. */
function varyingParams(runs: RunRecord[]): string[] {
  const keys = new Set(runs.flatMap((r) => Object.keys(r.params)));
  return [...keys].filter((k) => new Set(runs.map((r) => JSON.stringify(r.params[k] ?? null))).size > 1).sort();
}

function parameterEffect(name: string, ranked: TrialResult[], goal: 'maximize' | 'minimize'): ParameterEffect {
  const groups = new Map<string, { value: Param; metrics: number[] }>();
  for (const t of ranked) {
    const key = JSON.stringify(t.params[name]);
    if (!groups.has(key)) groups.set(key, { value: t.params[name], metrics: [] });
    groups.get(key)!.metrics.push(t.metric!);
  }
  const pick = goal === 'maximize' ? Math.max : Math.min;
  const values = [...groups.values()]
    .map((g) => ({ value: g.value, trials: g.metrics.length, mean: g.metrics.reduce((s, m) => s + m, 0) / g.metrics.length, best: pick(...g.metrics) }))
    .sort((a, b) => (typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : String(a.value) < String(b.value) ? -1 : 1));
  const means = values.map((v) => v.mean);
  const numeric = ranked.filter((t) => typeof t.params[name] === 'number');
  const spearman =
    numeric.length === ranked.length && numeric.length >= 3
      ? spearmanRho(
          numeric.map((t) => t.params[name] as number),
          numeric.map((t) => t.metric!),
        )
      : null;
  return { name, values, spread: means.length > 0 ? Math.max(...means) - Math.min(...means) : 0, spearman };
}

/** Average ranks (ties share the mean of their positions), 1-based. */
function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) out[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Spearman's ρ: Pearson's correlation of the average ranks; null when either side is constant. */
export function spearmanRho(xs: number[], ys: number[]): number | null {
  const [rx, ry] = [ranks(xs), ranks(ys)];
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const [mx, my] = [mean(rx), mean(ry)];
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

const show = (v: Param | undefined) => (v === null || v === undefined ? '' : typeof v === 'number' ? formatNumber(v) : String(v));

/** The leaderboard as Markdown: summary line, table, per-parameter effects and two xycharts. */
export function sweepMarkdown(report: SweepReport): string {
  const names = report.effects.map((e) => e.name);
  const { ok, failed, missing } = report.counts;
  const total = ok + failed + missing;
  const lines = [
    `## Sweep ${code(report.sweep)}: ${report.metric} (${report.goal})`,
    '',
    `${total} trial${total === 1 ? '' : 's'}: ${ok} ok, ${failed} failed${missing > 0 ? `, ${missing} without a run` : ''}. ` +
      (report.best
        ? `Best: **trial ${report.best.trial}**, ${report.metric} ${formatNumber(report.best.metric!)} (run ${code(report.best.run_id ?? '')}).`
        : `No trial reported ${report.metric}.`),
    '',
    table(
      ['rank', 'trial', report.metric, ...names, 'status', 'run'],
      report.trials.map((t) => [
        t.rank ?? '',
        t.trial,
        t.metric ?? '',
        ...names.map((n) => show(t.params[n])),
        t.status === 'failed'
          ? `failed: ${t.error ?? ''}`
          : t.status === 'missing'
            ? 'no run recorded'
            : t.metric === undefined
              ? `ok, no ${report.metric}`
              : 'ok',
        t.run_id ?? '',
      ]),
      ['r', 'r', 'r', ...names.map(() => 'l' as const), 'l', 'l'],
    ),
  ];
  const ranked = report.trials.filter((t) => t.rank !== undefined).sort((a, b) => a.trial - b.trial);
  if (ranked.length > 0) {
    lines.push(
      '',
      xyChart({
        title: `${report.metric} per trial`,
        xLabels: ranked.map((t) => `t${t.trial}`),
        yLabel: report.metric,
        series: [{ kind: 'bar', values: ranked.map((t) => t.metric!) }],
      }),
    );
  }
  if (report.effects.length > 0) {
    lines.push('', '### Effect of each parameter', '');
    lines.push(
      table(
        ['parameter', 'value', 'trials', `mean ${report.metric}`, `best ${report.metric}`],
        report.effects.flatMap((e) =>
          e.values.map((v, i) => [
            i === 0 ? `${e.name}${e.spearman === null ? '' : ` (Spearman ρ ${formatNumber(e.spearman)})`}` : '',
            show(v.value),
            v.trials,
            v.mean,
            v.best,
          ]),
        ),
        ['l', 'l', 'r', 'r', 'r'],
      ),
    );
    const top = report.effects.find((e) => e.name === report.most_influential);
    if (top) {
      lines.push('', `Most influential: ${code(top.name)} (mean ${report.metric} spread ${formatNumber(top.spread)}).`, '');
      lines.push(
        xyChart({
          title: `mean ${report.metric} by ${top.name}`,
          xLabels: top.values.map((v) => show(v.value)),
          xTitle: top.name,
          yLabel: report.metric,
          series: [{ kind: 'bar', values: top.values.map((v) => v.mean) }],
        }),
      );
    }
  }
  return lines.join('\n') + '\n';
}
