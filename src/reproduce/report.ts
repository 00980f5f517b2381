import { z } from 'zod';
import { code, table } from '../report/markdown.ts';

export const REPRODUCE_REPORT_SCHEMA_VERSION = 1;

/** Metrics of a rerun that cannot be bit-exact (command trainer, GPU backend) may differ by this much, absolute. */
export const DEFAULT_TOLERANCE = 1e-6;

/** What `mlops reproduce --format json` prints and `--out DIR` keeps as reproduce.json. */
export const ReproduceReportSchema = z.object({
  schema_version: z.literal(REPRODUCE_REPORT_SCHEMA_VERSION),
  kind: z.literal('mlops/reproduce-report'),
  model: z.string(),
  version: z.string(),
  commit: z.string(),
  trainer: z.enum(['builtin', 'command']),
  backend: z.string().optional(),
  /** exact: byte-equal weights and equal metrics (built-in trainer, CPU backend); tolerance: metrics within `tolerance`. */
  mode: z.enum(['exact', 'tolerance']),
  tolerance: z.number().nonnegative().nullable(),
  reproduced: z.boolean(),
  /** One line: "weights identical, metrics identical", or what differed. */
  summary: z.string(),
  data: z.array(
    z.object({
      path: z.string(),
      location: z.string(),
      via: z.string(),
      bytes: z.number().int().nonnegative(),
      sha256_expected: z.string(),
      sha256_actual: z.string(),
      matched: z.boolean(),
    }),
  ),
  /** Absent when the data did not match (nothing was trained). */
  weights: z
    .object({
      initializers: z.number().int().nonnegative(),
      identical: z.boolean(),
      differing: z.array(z.object({ name: z.string(), max_abs_diff: z.number().optional() })),
      missing: z.array(z.string()),
      extra: z.array(z.string()),
    })
    .optional(),
  metrics: z.array(
    z.object({ name: z.string(), recorded: z.number().nullable(), reproduced: z.number().nullable(), abs_diff: z.number().nullable(), matched: z.boolean() }),
  ),
});
export type ReproduceReport = z.infer<typeof ReproduceReportSchema>;

/** A difference as a reviewer can compare it with a tolerance: exponent notation, 0 when equal. */
export function formatDelta(d: number): string {
  return d === 0 ? '0' : d.toExponential(2);
}

/** The one-line verdict, from the parts of the report that decide it. */
export function summarize(r: Pick<ReproduceReport, 'data' | 'weights' | 'metrics' | 'mode' | 'tolerance'>): string {
  const bad = r.data.filter((d) => !d.matched);
  if (bad.length > 0) return `data differs: ${bad.map((d) => `${d.path}: sha256 ${d.sha256_actual}, the lineage records ${d.sha256_expected}`).join('; ')}`;
  const parts: string[] = [];
  const w = r.weights;
  if (w) {
    if (w.identical) parts.push('weights identical');
    else {
      const diffs = w.differing.map((d) => d.max_abs_diff).filter((d): d is number => d !== undefined);
      const n = w.differing.length + w.missing.length + w.extra.length;
      parts.push(`weights differ (${n} of ${w.initializers} initializers${diffs.length ? `, max |Δ| ${formatDelta(Math.max(...diffs))}` : ''})`);
    }
  }
  const off = r.metrics.filter((m) => !m.matched);
  const tol = r.mode === 'tolerance' ? ` within ${r.tolerance}` : ' identical';
  if (r.metrics.length === 0) parts.push('no metrics recorded to compare');
  else if (off.length === 0) parts.push(`metrics${tol}`);
  else
    parts.push(
      `metrics differ: ${off.map((m) => `${m.name} ${m.recorded ?? 'absent'} → ${m.reproduced ?? 'absent'}${m.abs_diff !== null ? ` (|Δ| ${formatDelta(m.abs_diff)})` : ''}`).join(', ')}`,
    );
  return parts.join(', ');
}

export function reproduceMarkdown(r: ReproduceReport): string {
  const lines = [`# Reproduce ${r.model} ${r.version}`, '', `**${r.reproduced ? 'Reproduced' : 'Not reproduced'}**: ${r.summary}.`, ''];
  lines.push(
    table(
      ['', ''],
      [
        ['commit', code(r.commit)],
        ['trainer', r.trainer],
        ...(r.backend ? [['backend', r.backend]] : []),
        ['comparison', r.mode === 'exact' ? 'exact: byte-equal ONNX initializers, equal metrics' : `metrics within ${r.tolerance} (absolute)`],
      ],
    ),
    '',
  );
  lines.push(
    '## Data',
    '',
    table(
      ['file', 'recorded at', 'fetched from', 'bytes', 'sha256', 'match'],
      r.data.map((d) => [
        code(d.path),
        d.location,
        d.via,
        d.bytes,
        d.matched ? code(d.sha256_actual.slice(0, 12)) : `${code(d.sha256_actual)} ≠ recorded ${code(d.sha256_expected)}`,
        d.matched ? 'yes' : '**no**',
      ]),
      ['l', 'l', 'l', 'r', 'l', 'l'],
    ),
    '',
  );
  if (r.weights) {
    const w = r.weights;
    lines.push(
      '## Weights',
      '',
      `${w.initializers} initializers compared: ${w.identical ? 'all byte-identical' : `${w.differing.length} differ, ${w.missing.length} missing, ${w.extra.length} extra`}.`,
      '',
    );
    if (w.differing.length)
      lines.push(
        table(
          ['initializer', 'max |Δ|'],
          w.differing.map((d) => [code(d.name), d.max_abs_diff !== undefined ? formatDelta(d.max_abs_diff) : 'not a float tensor']),
          ['l', 'r'],
        ),
        '',
      );
    if (w.missing.length) lines.push(`Missing from the reproduced model: ${w.missing.map(code).join(', ')}`, '');
    if (w.extra.length) lines.push(`Only in the reproduced model: ${w.extra.map(code).join(', ')}`, '');
  }
  if (r.metrics.length) {
    lines.push(
      '## Metrics',
      '',
      table(
        ['metric', 'recorded', 'reproduced', '|Δ|', 'match'],
        r.metrics.map((m) => [
          m.name,
          m.recorded !== null ? String(m.recorded) : '—',
          m.reproduced !== null ? String(m.reproduced) : '—',
          m.abs_diff !== null ? formatDelta(m.abs_diff) : '—',
          m.matched ? 'yes' : '**no**',
        ]),
        ['l', 'r', 'r', 'r', 'l'],
      ),
      '',
    );
  }
  return lines.join('\n');
}
