import type { Cell } from './batch.ts';

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A cell as a finite number, or undefined when it is not numeric. Strings must look like a
 * decimal number (no hex, no "Infinity", no surrounding text) so "12abc" or "0x1F" stay strings.
 */
export function toNumber(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === 'string') {
    const c = cell.charCodeAt(0);
    // digits, '+', '-', '.'
    if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return undefined;
    const last = cell.charCodeAt(cell.length - 1);
    if (!((last >= 48 && last <= 57) || last === 46)) return undefined;
    const n = Number(cell);
    if (Number.isNaN(n) || !Number.isFinite(n)) return undefined;
    if (cell.length > 1 && (cell[1] === 'x' || cell[1] === 'X' || cell[1] === 'o' || cell[1] === 'b')) return undefined;
    return n;
  }
  if (typeof cell === 'bigint') return Number(cell);
  return undefined;
}

/** Integer means written without a fraction or exponent: "3" is, "3.0" and "3e2" are not. */
export function isIntegerCell(cell: Cell, n: number): boolean {
  if (!Number.isInteger(n)) return false;
  if (typeof cell !== 'string') return true;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 46 || c === 101 || c === 69) return false;
  }
  return true;
}

export function toBoolean(cell: Cell): boolean | undefined {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell !== 'string') return undefined;
  switch (cell) {
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
    default:
      return undefined;
  }
}

/** Epoch milliseconds for an ISO-8601 date or date-time, or undefined. */
export function toDatetime(cell: Cell): number | undefined {
  if (cell instanceof Date) return cell.getTime();
  if (typeof cell !== 'string' || cell.length < 10 || !ISO_DATETIME.test(cell)) return undefined;
  const t = Date.parse(cell.length > 10 && cell[10] === ' ' ? cell.slice(0, 10) + 'T' + cell.slice(11) : cell);
  return Number.isNaN(t) ? undefined : t;
}

/** The text of a cell as categories and regexes see it. */
export function cellText(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}
