import type { DataLocation } from '../model/lineage.ts';
import type { ColumnProfile, Profile } from '../profile/schema.ts';
import { code, formatNumber, table } from '../report/markdown.ts';
import { versionLabel, type VersionMetadata } from './format.ts';

const NOT_RECORDED = '_Not recorded._';
/** Category values listed per column: enough to see the mix, short enough to read. */
const TOP_CATEGORIES = 5;

/** A share as the card prints it: a percentage with one decimal. */
export function formatShare(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '—';
}

/**
 * DATA_CARD.md, stored beside MODEL_CARD.md: the training data of a version as the profile
 * and lineage recorded it — where each file lives, what each column holds, what was left out
 * and why. Generated, so its numbers are the stored profile's.
 */
export function dataCard(meta: VersionMetadata, profile?: Profile): string {
  const lineage = meta.lineage;
  const out = [`# Data card: ${meta.name} ${versionLabel(meta.version)}`, ''];
  out.push(
    `The data ${meta.name} ${versionLabel(meta.version)} was trained on, from the profile and lineage stored with the version. Its model card is [MODEL_CARD.md](${meta.card}).`,
    '',
  );

  out.push('## Sources', '');
  const facts: (string | number)[][] = [];
  if (meta.data.fingerprint) facts.push(['fingerprint', code(meta.data.fingerprint)]);
  if (profile) facts.push(['rows profiled', profile.rows]);
  if (meta.data.rows !== undefined) facts.push(['rows trained on', meta.data.rows]);
  if (profile) facts.push(['columns', profile.columns.length]);
  out.push(facts.length ? table(['', ''], facts) : NOT_RECORDED, '');
  const files = lineage?.data.files ?? [];
  if (files.length) {
    const rowsOf = new Map((profile?.sources ?? []).map((s) => [s.file, s.rows]));
    out.push(
      table(
        ['file', 'rows', 'bytes', 'sha256', 'location'],
        files.map((f) => [code(f.path), rowsOf.get(f.path), f.bytes, code(f.sha256), locationText(f.location)]),
        ['l', 'r', 'r', 'l', 'l'],
      ),
      '',
    );
  } else if (profile) {
    out.push(
      table(
        ['file', 'rows'],
        profile.sources.map((s) => [code(s.file), s.rows]),
        ['l', 'r'],
      ),
      '',
    );
  }

  out.push('## Columns', '');
  if (profile) {
    out.push(
      table(
        ['column', 'type', 'missing', 'missing share', 'distinct', 'min', 'max', 'mean', 'std'],
        profile.columns.map((c) => [
          c.name,
          c.type,
          c.nulls,
          formatShare(c.nulls, c.count),
          `${c.distinct.exact ? '' : '≈ '}${c.distinct.value}`,
          ...range(c),
          c.numeric ? formatNumber(c.numeric.mean) : '',
          c.numeric ? formatNumber(c.numeric.std) : '',
        ]),
        ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
      '',
    );
    const categorical = profile.columns.filter((c) => (c.type === 'category' || c.type === 'boolean') && c.top_categories);
    if (categorical.length) {
      out.push('### Top categories', '');
      out.push(
        table(
          ['column', 'value', 'count', 'share'],
          categorical.flatMap((c) =>
            c.top_categories!.values.slice(0, TOP_CATEGORIES).map((v) => [c.name, code(v.value), v.count, formatShare(v.count, c.count - c.nulls)]),
          ),
          ['l', 'l', 'r', 'r'],
        ),
        '',
      );
    }
  } else out.push(`${NOT_RECORDED} Register with \`--profile\` or a lineage from \`mlops train\` to describe the columns.`, '');

  out.push('## Validation at training time', '');
  // Neither trainer validates: the rules run as their own step (mlops validate) before training.
  out.push(`${NOT_RECORDED} The trainers do not validate the data; the workflow's \`mlops validate\` step does, and its report is kept with that run.`, '');

  out.push('## Known gaps', '');
  out.push(...knownGaps(meta, profile), '');
  return out.join('\n');
}

function range(c: ColumnProfile): [string, string] {
  if (c.numeric) return [String(c.numeric.min), String(c.numeric.max)];
  if (c.datetime) return [c.datetime.min, c.datetime.max];
  if (c.type === 'string' && c.string_length) return [`${c.string_length.min} chars`, `${c.string_length.max} chars`];
  return ['', ''];
}

function locationText(location: DataLocation | undefined): string {
  if (!location) return 'not recorded';
  switch (location.kind) {
    case 'git':
      return `git ${code(location.path)}${location.commit ? ` at ${code(location.commit.slice(0, 12))}` : ''}${location.lfs ? ` (Git LFS ${code(location.lfs.oid)})` : ''}`;
    case 'local':
      return 'local: not in git at the commit (only the training machine had it)';
    case 'artifact':
      return `Actions artifact ${code(location.name)}${location.run_id ? ` of run ${location.run_id}` : ''}${location.repository ? ` in ${location.repository}` : ''}`;
    case 'release':
      return `release asset ${code(location.asset)} of ${location.repository}@${location.tag}`;
    case 'url':
      return code(location.uri);
  }
}

/** What the model did not learn from: columns skipped or excluded (and why), rows dropped, columns with bad cells. */
function knownGaps(meta: VersionMetadata, profile: Profile | undefined): string[] {
  const params = meta.lineage?.params ?? meta.params;
  const gaps: string[] = [];
  const target = meta.lineage?.model.target;
  if (target) gaps.push(`- \`${target}\` is the target, not a feature.`);
  const selection = params.feature_selection as { include?: string[]; exclude?: string[] } | undefined;
  for (const name of selection?.exclude ?? []) gaps.push(`- \`${name}\`: excluded in the train config (features.exclude).`);
  if (selection?.include && profile) {
    for (const c of profile.columns)
      if (c.name !== target && !selection.include.includes(c.name)) gaps.push(`- \`${c.name}\`: not listed in the train config's features.include.`);
  }
  for (const s of Array.isArray(params.skipped_columns) ? (params.skipped_columns as string[]) : []) {
    const m = /^(.*?) \((.*)\)$/.exec(s);
    gaps.push(m ? `- \`${m[1]}\`: skipped by the trainer: ${m[2]}.` : `- \`${s}\`: skipped by the trainer.`);
  }
  if (profile && meta.data.rows !== undefined && meta.data.rows < profile.rows)
    gaps.push(`- ${profile.rows - meta.data.rows} of ${profile.rows} rows had no target and were not trained on.`);
  for (const c of profile?.columns ?? []) {
    if (c.type_drift) gaps.push(`- \`${c.name}\`: ${c.type_drift.non_numeric} non-numeric cells in a numeric column.`);
  }
  if (params.trainer === 'command') gaps.push('- The command trainer does not record which columns the command used.');
  if (gaps.length === 0) gaps.push(meta.lineage ? 'None: every column was used.' : `${NOT_RECORDED} The version has no training lineage.`);
  return gaps;
}
