import type { Profile } from '../profile/schema.ts';
import { code, formatNumber, table } from '../report/markdown.ts';
import { versionLabel, type VersionMetadata } from './format.ts';
import { canonicalMetric } from '../metrics/names.ts';

export interface VersionDiff {
  name: string;
  from: number;
  to: number;
  metrics: { metric: string; from: number | null; to: number | null; delta: number | null }[];
  params: { param: string; from: unknown; to: unknown }[];
  unchanged_params: number;
  data: { same_fingerprint: boolean; from_fingerprint?: string; to_fingerprint?: string; from_rows?: number; to_rows?: number };
  columns: {
    column: string;
    change: 'added' | 'removed' | 'changed' | 'same';
    from_type?: string;
    to_type?: string;
    from_null_rate?: number;
    to_null_rate?: number;
    from_mean?: number;
    to_mean?: number;
    from_std?: number;
    to_std?: number;
  }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A version's metrics under current names: one registered before `auc` became `roc_auc` lines up with newer ones. */
function currentNames(metrics: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(metrics)) {
    const current = canonicalMetric(name);
    if (current === name || !(current in metrics)) out[current] = value;
  }
  return out;
}

/** What changed between two versions: metrics, params and the training data's profile. */
export function diffVersions(a: VersionMetadata, b: VersionMetadata, pa?: Profile, pb?: Profile): VersionDiff {
  const [ma, mb] = [currentNames(a.metrics), currentNames(b.metrics)];
  const metricNames = [...new Set([...Object.keys(ma), ...Object.keys(mb)])].sort();
  const paramNames = [...new Set([...Object.keys(a.params), ...Object.keys(b.params)])].sort();
  const changedParams = paramNames.filter((p) => !same(a.params[p], b.params[p]));
  return {
    name: a.name,
    from: a.version,
    to: b.version,
    metrics: metricNames.map((m) => {
      const from = ma[m] ?? null;
      const to = mb[m] ?? null;
      return { metric: m, from, to, delta: from !== null && to !== null ? to - from : null };
    }),
    params: changedParams.map((p) => ({ param: p, from: a.params[p] ?? null, to: b.params[p] ?? null })),
    unchanged_params: paramNames.length - changedParams.length,
    data: {
      same_fingerprint: a.data.fingerprint !== undefined && a.data.fingerprint === b.data.fingerprint,
      ...(a.data.fingerprint ? { from_fingerprint: a.data.fingerprint } : {}),
      ...(b.data.fingerprint ? { to_fingerprint: b.data.fingerprint } : {}),
      ...(a.data.rows !== undefined ? { from_rows: a.data.rows } : {}),
      ...(b.data.rows !== undefined ? { to_rows: b.data.rows } : {}),
    },
    columns: pa && pb ? diffProfiles(pa, pb) : [],
  };
}

function diffProfiles(pa: Profile, pb: Profile): VersionDiff['columns'] {
  const names = [...new Set([...pa.columns.map((c) => c.name), ...pb.columns.map((c) => c.name)])];
  return names.map((column) => {
    const ca = pa.columns.find((c) => c.name === column);
    const cb = pb.columns.find((c) => c.name === column);
    const side = (c: typeof ca, prefix: 'from' | 'to') =>
      c
        ? {
            [`${prefix}_type`]: c.type,
            [`${prefix}_null_rate`]: c.count === 0 ? 0 : c.nulls / c.count,
            ...(c.numeric ? { [`${prefix}_mean`]: c.numeric.mean, [`${prefix}_std`]: c.numeric.std } : {}),
          }
        : {};
    const change = !ca ? 'added' : !cb ? 'removed' : same(summary(ca), summary(cb)) ? 'same' : 'changed';
    return { column, change, ...side(ca, 'from'), ...side(cb, 'to') } as VersionDiff['columns'][number];
  });
}

function summary(c: Profile['columns'][number]) {
  return [c.type, c.count, c.nulls, c.numeric?.mean, c.numeric?.std, c.distinct.value];
}

export function diffMarkdown(d: VersionDiff): string {
  const va = versionLabel(d.from);
  const vb = versionLabel(d.to);
  const fmt = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'number' ? formatNumber(v) : typeof v === 'string' ? v : JSON.stringify(v));
  const signed = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${formatNumber(v)}`);
  const out = [`## ${d.name}: ${va} → ${vb}`, '', '### Metrics', ''];
  out.push(
    d.metrics.length
      ? table(
          ['metric', va, vb, 'Δ'],
          d.metrics.map((m) => [m.metric, fmt(m.from), fmt(m.to), signed(m.delta)]),
          ['l', 'r', 'r', 'r'],
        )
      : '_No metrics recorded._',
    '',
  );
  out.push('### Parameters', '');
  out.push(
    d.params.length
      ? table(
          ['parameter', va, vb],
          d.params.map((p) => [p.param, fmt(p.from), fmt(p.to)]),
        )
      : '_No parameter changed._',
    '',
  );
  if (d.params.length && d.unchanged_params) out.push(`${d.unchanged_params} other parameters unchanged.`, '');
  out.push('### Training data', '');
  const fp = (f?: string) => (f ? code(f.slice(0, 19)) : '—');
  out.push(
    table(
      ['', va, vb],
      [
        ['fingerprint', fp(d.data.from_fingerprint), fp(d.data.to_fingerprint)],
        ['rows', fmt(d.data.from_rows), fmt(d.data.to_rows)],
      ],
    ),
    '',
  );
  out.push(d.data.same_fingerprint ? 'Same training data.' : 'Different (or unrecorded) training data.', '');
  const changed = d.columns.filter((c) => c.change !== 'same');
  if (d.columns.length) {
    out.push(
      changed.length
        ? table(
            ['column', 'change', 'type', 'null rate', 'mean', 'std'],
            changed.map((c) => [
              c.column,
              c.change,
              c.from_type === c.to_type ? c.to_type : `${c.from_type ?? '—'} → ${c.to_type ?? '—'}`,
              `${fmt(c.from_null_rate)} → ${fmt(c.to_null_rate)}`,
              `${fmt(c.from_mean)} → ${fmt(c.to_mean)}`,
              `${fmt(c.from_std)} → ${fmt(c.to_std)}`,
            ]),
          )
        : `All ${d.columns.length} columns profile the same.`,
      '',
    );
  }
  return out.join('\n');
}
