import { markdownTable } from 'markdown-table';

/** GitHub refuses comments and summaries past this many characters. */
export const GITHUB_COMMENT_LIMIT = 65536;

/** A GFM table; cells are escaped so a `|` or newline in data cannot break the layout. */
export function table(header: string[], rows: (string | number | boolean | null | undefined)[][], align?: ('l' | 'r' | 'c')[]): string {
  return markdownTable([header, ...rows.map((r) => r.map(cell))], align ? { align } : undefined);
}

function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const text = typeof v === 'number' ? formatNumber(v) : String(v);
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Compact human formatting: integers with separators, others to 4 significant digits. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) return n.toExponential(3);
  return Number(n.toPrecision(4)).toString();
}

export function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}

/**
 * Trims a report to fit GitHub's limit, cutting at a line boundary and saying so, so a huge
 * report still posts rather than failing the API call.
 */
export function fitToLimit(markdown: string, limit = GITHUB_COMMENT_LIMIT): string {
  if (markdown.length <= limit) return markdown;
  const note = '\n\n> Report truncated to fit GitHub\'s size limit; the full report is in the job\'s artifacts.\n';
  const cut = markdown.lastIndexOf('\n', limit - note.length);
  return markdown.slice(0, cut > 0 ? cut : limit - note.length) + note;
}
