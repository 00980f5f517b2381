import type { EvaluationSummary } from '../registry/format.ts';
import { readText } from '../util/fs.ts';
import { parseEvaluation } from './schema.ts';

/** The parts of an evaluation report (mlops evaluate --format json) the model card states. */
export async function readEvaluationSummary(file: string): Promise<EvaluationSummary> {
  const e = parseEvaluation(await readText(file), file);
  const groups = new Map<string, number>();
  for (const s of e.slices) groups.set(s.column, (groups.get(s.column) ?? 0) + 1);
  return {
    verdict: e.verdict.verdict,
    primary_metric: e.primary_metric,
    data: e.data,
    rows: e.rows,
    champion: e.champion?.model ?? null,
    rules: e.verdict.results.map((r) => ({
      rule: r.rule,
      section: r.section,
      ...(r.slice !== undefined ? { slice: r.slice } : {}),
      metric: r.metric,
      candidate: finiteOrNull(r.candidate),
      threshold: finiteOrNull(r.threshold),
      status: r.status,
    })),
    slices: [...groups].map(([column, n]) => ({ column, groups: n })),
  };
}

const finiteOrNull = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
