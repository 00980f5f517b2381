import type { Profile } from '../profile/schema.ts';
import { code, formatNumber, table } from '../report/markdown.ts';
import { versionLabel, type VersionMetadata } from './format.ts';

const NOT_STATED = '_Not stated._';

/**
 * The model card stored with each version: what a reviewer needs before promoting it.
 * Generated from the metadata, so it never disagrees with what the registry serves.
 */
export function modelCard(meta: VersionMetadata, profile?: Profile): string {
  const sections = [`# ${meta.name} ${versionLabel(meta.version)}`, '', `Registered ${meta.created_at} by ${meta.actor}.`, ''];
  sections.push('## Intended use', '', meta.description ?? `${NOT_STATED} Register with \`--description\` to say what this model is for.`, '');

  const m = meta.model;
  const rows: (string | number)[][] = [
    ['file', code(m.file)],
    ['format', m.format],
    ...(m.framework ? [['framework', m.framework]] : []),
    ['size', `${formatNumber(m.size_bytes)} bytes`],
    ['sha256', code(m.sha256)],
    ['stored', m.storage.kind === 'inline' ? 'in the registry branch' : `at ${m.storage.url}`],
  ];
  sections.push('## Model', '', table(['', ''], rows), '');
  if (m.signature) {
    const sig = [
      ...m.signature.inputs.map((t) => ['input', t.name, t.type, `[${t.shape.join(', ')}]`]),
      ...m.signature.outputs.map((t) => ['output', t.name, t.type, `[${t.shape.join(', ')}]`]),
    ];
    sections.push(table(['', 'tensor', 'type', 'shape'], sig), '');
  }

  sections.push('## Evaluation', '');
  sections.push(...evaluationSection(meta));

  sections.push('## Training data', '');
  if (meta.data_card)
    sections.push(`Sources and their locations, columns, missing shares, ranges, categories and known gaps: [the data card](${meta.data_card}).`, '');
  const data: (string | number)[][] = [];
  if (meta.data.fingerprint) data.push(['fingerprint', code(meta.data.fingerprint)]);
  if (meta.data.rows !== undefined) data.push(['rows', meta.data.rows]);
  for (const f of meta.lineage?.data.files ?? []) data.push([`file ${code(f.path)}`, `${formatNumber(f.bytes)} bytes, sha256 ${code(f.sha256.slice(0, 12))}`]);
  sections.push(data.length ? table(['', ''], data) : NOT_STATED, '');
  if (profile) {
    sections.push(
      table(
        ['column', 'type', 'nulls', 'distinct', 'mean', 'std'],
        profile.columns.map((c) => [c.name, c.type, c.nulls, c.distinct.value, c.numeric?.mean, c.numeric?.std]),
        ['l', 'l', 'r', 'r', 'r', 'r'],
      ),
      '',
    );
  }

  sections.push('## Metrics', '');
  const metrics = Object.entries(meta.metrics);
  sections.push(metrics.length ? table(['metric', 'value'], metrics, ['l', 'r']) : NOT_STATED, '');
  const params = Object.entries(meta.params);
  if (params.length)
    sections.push(
      '## Parameters',
      '',
      table(
        ['parameter', 'value'],
        params.map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      ),
      '',
    );

  sections.push('## Lineage', '');
  const s = meta.source;
  const lineage: string[][] = [];
  if (s.repository) lineage.push(['repository', s.repository]);
  if (s.commit) lineage.push(['commit', code(s.commit)]);
  if (s.ref) lineage.push(['ref', s.ref]);
  if (s.workflow) lineage.push(['workflow', s.workflow]);
  if (s.run_url ?? s.run_id) lineage.push(['run', s.run_url ?? s.run_id ?? '']);
  if (s.actor) lineage.push(['actor', s.actor]);
  const env = meta.lineage?.environment;
  if (env) {
    lineage.push(['environment', `${env.os}/${env.arch}, ${env.cpus} CPUs, node ${env.node}${env.backend ? `, ${env.backend}` : ''}`]);
    if (env.gpu?.length) lineage.push(['gpu', env.gpu.map((g) => g.name).join(', ')]);
  }
  if (meta.lineage)
    lineage.push([
      'trained',
      `${meta.lineage.started_at} in ${formatNumber(meta.lineage.duration_s)} s${meta.lineage.seed !== undefined ? `, seed ${meta.lineage.seed}` : ''}`,
    ]);
  sections.push(lineage.length ? table(['', ''], lineage) : NOT_STATED, '');

  sections.push(
    '## Limitations',
    '',
    meta.limitations ?? `${NOT_STATED} Register with \`--limitations\` to record known weaknesses and out-of-scope uses.`,
    '',
  );
  return sections.join('\n');
}

/** The gate's verdict, its rules and the slices, from the evaluate report given at registration. */
function evaluationSection(meta: VersionMetadata): string[] {
  const e = meta.evaluation;
  if (!e)
    return [`${NOT_STATED} Register with \`--evaluation\` (the evaluate report) to record the gate this version passed and the slices it was judged on.`, ''];
  const against = e.champion ? `against the champion ${code(e.champion)}` : 'as a first model (absolute rules only)';
  const out = [`Gate **${e.verdict}** on ${formatNumber(e.rows)} rows of ${e.data.map(code).join(', ')}, ${against}; primary metric ${e.primary_metric}.`, ''];
  const rules = e.rules.filter((r) => r.section !== 'slices');
  if (rules.length)
    out.push(
      table(
        ['rule', 'metric', 'value', 'threshold', 'result'],
        rules.map((r) => [code(r.rule), r.metric, r.candidate ?? '—', r.threshold ?? '—', r.status]),
        ['l', 'l', 'r', 'r', 'l'],
      ),
      '',
    );
  if (e.slices.length) {
    const sliceRules = e.rules.filter((r) => r.section === 'slices');
    const failed = sliceRules.filter((r) => r.status === 'fail').length;
    const judged = sliceRules.filter((r) => r.status !== 'skipped').length;
    out.push(
      `Judged on slices of ${e.slices.map((s) => `${code(s.column)} (${s.groups} groups)`).join(', ')}: ${judged} slice rule checks applied, ${failed} failed, ${sliceRules.length - judged} skipped (too few rows).`,
      '',
    );
  } else out.push('No slices were evaluated.', '');
  return out;
}
