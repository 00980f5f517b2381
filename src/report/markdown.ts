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

/** Smallest magnitude shown in digits; below it a value reads as "≈ 0" (no exponents in a report). */
const TINY = 1e-6;

/**
 * Fixed notation a reviewer reads at a glance: integers and magnitudes ≥ 1000 as whole numbers
 * with separators (82,640), others to 4 significant digits (0.8512, 4.277, 0.000714), never
 * an exponent; magnitudes under 1e-6 as "≈ 0".
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (Number.isInteger(n) || abs >= 1000) return Math.round(n).toLocaleString('en-US');
  if (abs < TINY) return '≈ 0';
  const decimals = Math.min(6, 3 - Math.floor(Math.log10(abs)));
  return String(Number(n.toFixed(decimals)));
}

/** A p-value: four decimals, "< 0.0001" below. */
export function formatP(p: number): string {
  return p < 1e-4 ? '< 0.0001' : formatNumber(p);
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
  const note = "\n\n> Report truncated to fit GitHub's size limit; the full report is in the job's artifacts.\n";
  const cut = markdown.lastIndexOf('\n', limit - note.length);
  return markdown.slice(0, cut > 0 ? cut : limit - note.length) + note;
}
