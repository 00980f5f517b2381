import type { Profile } from './schema.ts';
import { looksLikeText } from './text.ts';
import { code, formatNumber, table } from '../report/markdown.ts';

export function profileMarkdown(profile: Profile, title = 'Data profile'): string {
  const lines = [
    `## ${title}`,
    '',
    `${formatNumber(profile.rows)} rows × ${profile.columns.length} columns from ${profile.sources.map((s) => code(s.file)).join(', ')}`,
    '',
  ];
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
        looksLikeText(c)
          ? `tokens: ${c
              .text!.top_tokens.slice(0, 5)
              .map((t) => `${t.token} (${formatNumber(t.count)})`)
              .join(', ')}`
          : c.top_categories && c.type !== 'integer'
            ? c.top_categories.values
                .slice(0, 3)
                .map((v) => `${v.value} (${formatNumber(v.count)})`)
                .join(', ')
            : '',
      ]),
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
  );
  const texts = profile.columns.filter(looksLikeText);
  if (texts.length > 0) {
    lines.push('', '### Free text', '');
    lines.push(
      table(
        ['column', 'empty', 'characters (mean / median / p95 / max)', 'tokens (mean / p95)', 'distinct tokens'],
        texts.map((c) => {
          const t = c.text!;
          return [
            c.name,
            `${formatNumber(100 * t.empty_share)}%`,
            [t.chars.mean, t.chars.p50, t.chars.p95, t.chars.max].map(formatNumber).join(' / '),
            [t.tokens.mean, t.tokens.p95].map(formatNumber).join(' / '),
            t.vocabulary_size === null ? '> 2,000' : formatNumber(t.vocabulary_size),
          ];
        }),
        ['l', 'r', 'r', 'r', 'r'],
      ),
    );
  }
  return lines.join('\n') + '\n';
}
