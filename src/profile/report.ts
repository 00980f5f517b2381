import type { Profile } from './schema.ts';
import { code, formatNumber, table } from '../report/markdown.ts';

export function profileMarkdown(profile: Profile, title = 'Data profile'): string {
  const lines = [`## ${title}`, '', `${formatNumber(profile.rows)} rows × ${profile.columns.length} columns from ${profile.sources.map((s) => code(s.file)).join(', ')}`, ''];
  lines.push(
    table(
      ['column', 'type', 'nulls', 'distinct', 'min', 'mean', 'max', 'top values'],
      profile.columns.map((c) => [
        c.name,
        c.type,
        c.nulls === 0 ? '0' : `${formatNumber(c.nulls)} (${formatNumber((100 * c.nulls) / Math.max(1, c.count))}%)`,
        (c.distinct.exact ? '' : '≈') + formatNumber(c.distinct.value),
        c.numeric ? formatNumber(c.numeric.min) : (c.datetime?.min ?? ''),
        c.numeric ? formatNumber(c.numeric.mean) : '',
        c.numeric ? formatNumber(c.numeric.max) : (c.datetime?.max ?? ''),
        c.top_categories && c.type !== 'integer'
          ? c.top_categories.values
              .slice(0, 3)
              .map((v) => `${v.value} (${formatNumber(v.count)})`)
              .join(', ')
          : '',
      ]),
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
  );
  return lines.join('\n') + '\n';
}
