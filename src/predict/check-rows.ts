import type { Cell } from '../data/batch.ts';
import { cellText, toBoolean, toNumber } from '../data/values.ts';
import type { FeatureSpec } from '../model/types.ts';

/** Why one row cannot be scored; `kind` groups rejects in the summary. */
export interface RowProblem {
  column?: string;
  kind: string;
  reason: string;
}

export interface RowCheckOptions {
  /** The model imputes missing values (see ScoringModel.imputesMissing); otherwise a null rejects the row. */
  imputesMissing: boolean;
  /** Reject categories the model did not see in training instead of scoring them (as all-zero one-hot). */
  rejectUnknownCategories: boolean;
}

/**
 * A per-cell type check of the model's features, so one bad row is rejected on its own
 * instead of failing a whole batch in the runtime. Feature positions are looked up per
 * batch because a JSONL file's columns can grow; a feature absent from the columns reads as
 * null (rows shorter than `columns` have nulls at the end).
 */
export function rowChecker(features: readonly FeatureSpec[], options: RowCheckOptions) {
  const known = features.map((f) => (f.type === 'category' && f.categories && options.rejectUnknownCategories ? new Set(f.categories) : undefined));
  return {
    /** Checks one row; `missing` counts the nulls the model will impute, per feature. */
    check(row: readonly Cell[], positions: readonly number[], missing: Map<string, number>): RowProblem | undefined {
      for (let j = 0; j < features.length; j++) {
        const f = features[j];
        const p = positions[j];
        const cell = p < 0 ? null : (row[p] ?? null);
        if (cell === null) {
          if (!options.imputesMissing) return { column: f.name, kind: 'missing value', reason: `column "${f.name}": missing value` };
          missing.set(f.name, (missing.get(f.name) ?? 0) + 1);
          continue;
        }
        const problem = checkCell(f, cell, known[j]);
        if (problem) return { column: f.name, kind: problem, reason: `column "${f.name}": ${problem} (got ${show(cell)})` };
      }
      return undefined;
    },
  };
}

function checkCell(f: FeatureSpec, cell: Cell, known: Set<string> | undefined): string | undefined {
  switch (f.type) {
    case 'number':
      return toNumber(cell) === undefined ? 'not a number' : undefined;
    case 'integer': {
      // pandas writes an integer column that has gaps as 3.0, so the value decides, not the spelling.
      const n = toNumber(cell);
      return n === undefined || !Number.isInteger(n) ? 'not an integer' : undefined;
    }
    case 'boolean': {
      if (toBoolean(cell) !== undefined) return undefined;
      const n = toNumber(cell);
      return n === 0 || n === 1 ? undefined : 'not a boolean';
    }
    case 'category':
      return known && !known.has(cellText(cell)) ? 'unknown category' : undefined;
  }
}

function show(cell: Cell): string {
  const text = cellText(cell);
  return JSON.stringify(text.length > 60 ? text.slice(0, 57) + '...' : text);
}
