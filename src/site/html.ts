/**
 * HTML building blocks for the site. Every value from the registry or a run record (model
 * cards, params, actors, reasons) is attacker-controllable text: it goes through `esc` (or
 * `jsonScript` for embedded data) and never into markup unescaped.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * JSON for a `<script type="application/json">` block: `<` is written as \u003c so no value
 * can close the script element (`</script>`) or open a comment, and U+2028/9 are escaped too.
 */
export function jsonScript(id: string, value: unknown): string {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${esc(id)}">${json}</script>`;
}

/** A link only for http(s) URLs; anything else (javascript:, data:) is shown as text. */
export function externalLink(url: string | undefined, label?: string): string {
  if (!url) return '';
  return /^https?:\/\//i.test(url) ? `<a href="${esc(url)}" rel="noopener">${esc(label ?? url)}</a>` : esc(label ?? url);
}

/** A number as the site shows it: up to 4 significant decimals, integers as they are. */
export function formatValue(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface Column<T> {
  label: string;
  cell: (row: T) => string;
  /** Right-align (numbers). */
  numeric?: boolean;
}

/** A table whose cells are already HTML (each column escapes its own values). */
export function table<T>(columns: Column<T>[], rows: T[], attrs = ''): string {
  if (rows.length === 0) return '<p class="empty">None.</p>';
  const head = columns.map((c) => `<th${c.numeric ? ' class="num"' : ''}>${esc(c.label)}</th>`).join('');
  const body = rows.map((r) => `<tr>${columns.map((c) => `<td${c.numeric ? ' class="num"' : ''}>${c.cell(r)}</td>`).join('')}</tr>`).join('\n');
  return `<table${attrs}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Two-column key/value table for records (lineage, a run's source). Values are HTML. */
export function facts(rows: [string, string][]): string {
  const shown = rows.filter(([, v]) => v !== '');
  if (shown.length === 0) return '<p class="empty">Not recorded.</p>';
  return `<table class="facts"><tbody>${shown.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

export const code = (value: unknown) => (value === undefined || value === null || value === '' ? '' : `<code>${esc(value)}</code>`);
