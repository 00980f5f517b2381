/**
 * The one page script: sorting and filtering the runs table in the browser. It is a plain
 * function whose source (`.toString()`) is inlined into runs/index.html, so the site needs no
 * bundle, no fetch() (it works from file://) and no DOM lib in the project's tsconfig: the
 * few DOM members it touches are declared below and checked by tsc like any other code.
 * It must not reference anything outside its own body.
 */

export interface ClientElement {
  textContent: string | null;
  value: string;
  hidden: boolean;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelectorAll(selector: string): ArrayLike<ClientElement>;
  appendChild(child: ClientElement): void;
  addEventListener(type: string, listener: (event: { key?: string; preventDefault(): void }) => void): void;
}

export interface ClientDocument {
  getElementById(id: string): ClientElement | null;
}

/** What runs/index.html embeds as JSON (id `runs-data`): one entry per <tr data-row>. */
export interface RunsTableData {
  columns: { key: string; label: string; numeric: boolean }[];
  rows: { values: Record<string, string | number | boolean | null>; text: string }[];
}

export function runsTableClient(doc: ClientDocument): void {
  const dataEl = doc.getElementById('runs-data');
  const tbody = doc.getElementById('runs-body');
  const filter = doc.getElementById('runs-filter');
  const count = doc.getElementById('runs-count');
  if (!dataEl || !tbody || !filter || !count) return;
  const data = JSON.parse(dataEl.textContent ?? '{}') as RunsTableData;
  const rows = Array.from(tbody.querySelectorAll('tr[data-row]'));
  const valueOf = (tr: ClientElement, key: string) => data.rows[Number(tr.getAttribute('data-row'))].values[key];
  let sortKey = '';
  let descending = false;

  // Missing values sort last in either direction; numbers compare as numbers.
  const compare = (a: ClientElement, b: ClientElement): number => {
    const x = valueOf(a, sortKey);
    const y = valueOf(b, sortKey);
    const missingX = x === null || x === undefined || x === '';
    const missingY = y === null || y === undefined || y === '';
    if (missingX || missingY) return missingX === missingY ? 0 : missingX ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return descending ? -order : order;
  };

  const headers = Array.from(doc.getElementById('runs-table')?.querySelectorAll('th[data-key]') ?? []);
  // The first sort of a numeric column puts the highest first (metrics: best first), of text A-Z.
  const sortOn = (th: ClientElement) => {
    const key = th.getAttribute('data-key') ?? '';
    descending = key === sortKey ? !descending : th.getAttribute('data-numeric') === 'true';
    sortKey = key;
    for (const other of headers) other.setAttribute('aria-sort', 'none');
    th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    for (const tr of rows.slice().sort(compare)) tbody.appendChild(tr);
  };
  for (const th of headers) {
    th.addEventListener('click', () => sortOn(th));
    th.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      sortOn(th);
    });
  }

  // Terms separated by spaces, all of which must hold: `metrics.auc>=0.8`, `status=failed`,
  // `params.model.lr!=0.1`, or plain text found anywhere in the row (case-insensitive).
  const matches = (tr: ClientElement, term: string): boolean => {
    const m = /^([\w.-]+)(>=|<=|!=|=|>|<)(.*)$/.exec(term);
    if (!m) return data.rows[Number(tr.getAttribute('data-row'))].text.includes(term.toLowerCase());
    const [, key, op, wanted] = m;
    const value = valueOf(tr, key);
    if (value === null || value === undefined) return op === '!=';
    const number = Number(wanted);
    const numeric = typeof value === 'number' && wanted.trim() !== '' && Number.isFinite(number);
    if (op === '=' || op === '!=') return (numeric ? value === number : String(value) === wanted) === (op === '=');
    if (!numeric) return false;
    const v = value as number;
    return op === '>' ? v > number : op === '<' ? v < number : op === '>=' ? v >= number : v <= number;
  };

  const apply = () => {
    const terms = filter.value
      .trim()
      .split(/\s+/)
      .filter((t) => t !== '');
    let shown = 0;
    for (const tr of rows) {
      tr.hidden = !terms.every((t) => matches(tr, t));
      if (!tr.hidden) shown++;
    }
    count.textContent = `${shown} of ${rows.length} runs`;
  };
  filter.addEventListener('input', apply);
  apply();
}

/**
 * The source of a client function, called on `document`. tsx (not the dist bundle) wraps named
 * functions in esbuild's `__name(fn, "name")` helper, which a function's source then
 * references; the identity stand-in makes the same source run in either case.
 */
export function clientSource(fn: (doc: ClientDocument) => void): string {
  return `(function () { var __name = function (f) { return f; }; (${fn.toString()})(document); })();`;
}
