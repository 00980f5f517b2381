import type { Cell } from '../data/batch.ts';
import { tokenize } from '../data/tokenize.ts';
import { cellText, toNumber } from '../data/values.ts';
import { formatNumber } from '../report/markdown.ts';
import { quantileSorted } from '../stats/special.ts';

export interface SliceRows {
  value: string;
  indices: number[];
}

/** Numeric columns with more distinct values than this are binned rather than sliced per value. */
const MAX_CATEGORIES_FOR_NUMBERS = 10;
const DEFAULT_BINS = 4;
const MISSING = '(missing)';
/** A text column with more distinct values than this, averaging ≥ 3 tokens, is free text: sliced by length. */
const MAX_DISTINCT_FOR_TEXT = 50;
const TEXT_MIN_MEAN_TOKENS = 3;

/**
 * Groups row indices by a column's value. Text columns (and numbers with few distinct values)
 * give one slice per value, largest first; other numeric columns are cut at `bins` edges, or
 * at equal-frequency quantiles when `bins` is a count (4 by default). Explicit edges keep
 * empty bins so a gate rule on a bin never silently disappears.
 */
export function sliceRows(cells: readonly Cell[], bins?: number | number[]): SliceRows[] {
  const numbers: number[] = [];
  let numeric = true;
  const distinct = new Set<string>();
  for (const cell of cells) {
    if (cell === null) continue;
    const v = toNumber(cell);
    if (v === undefined) numeric = false;
    else numbers.push(v);
    distinct.add(cellText(cell));
  }
  const binned = numeric && numbers.length > 0 && (bins !== undefined || distinct.size > MAX_CATEGORIES_FOR_NUMBERS);
  if (binned) return byBins(cells, numbers, bins ?? DEFAULT_BINS);
  if (!numeric && distinct.size > MAX_DISTINCT_FOR_TEXT) {
    // Free text: one slice per review says nothing; slices by length in tokens (short vs long reviews) do.
    const lengths = cells.map((cell) => (cell === null ? null : tokenize(cellText(cell)).length));
    const present = lengths.filter((n): n is number => n !== null);
    if (present.length > 0 && present.reduce((a, b) => a + b, 0) / present.length >= TEXT_MIN_MEAN_TOKENS) {
      return byBins(lengths, present, bins ?? DEFAULT_BINS).map((s) => (s.value === MISSING ? s : { ...s, value: `${s.value} tokens` }));
    }
  }
  return byValue(cells);
}

function byValue(cells: readonly Cell[]): SliceRows[] {
  const groups = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    const key = cell === null ? MISSING : cellText(cell);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  });
  return [...groups].map(([value, indices]) => ({ value, indices })).sort((a, b) => b.indices.length - a.indices.length || a.value.localeCompare(b.value));
}

function byBins(cells: readonly Cell[], numbers: number[], bins: number | number[]): SliceRows[] {
  let edges: number[];
  if (Array.isArray(bins)) edges = [...new Set(bins)].sort((a, b) => a - b);
  else {
    const sorted = Float64Array.from(numbers).sort();
    edges = [...new Set(Array.from({ length: bins - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / bins)))];
  }
  const labels = [
    `< ${formatNumber(edges[0])}`,
    ...edges.slice(1).map((e, i) => `[${formatNumber(edges[i])}, ${formatNumber(e)})`),
    `≥ ${formatNumber(edges[edges.length - 1])}`,
  ];
  const groups: number[][] = labels.map(() => []);
  const missing: number[] = [];
  cells.forEach((cell, i) => {
    const v = cell === null ? undefined : toNumber(cell);
    if (v === undefined) {
      missing.push(i);
      return;
    }
    let b = 0;
    while (b < edges.length && v >= edges[b]) b++;
    groups[b].push(i);
  });
  const out = labels.map((value, b) => ({ value, indices: groups[b] }));
  if (missing.length) out.push({ value: MISSING, indices: missing });
  return out;
}
