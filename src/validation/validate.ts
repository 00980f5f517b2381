import type { Cell, ReadOptions } from '../data/batch.ts';
import { readBatches } from '../data/read.ts';
import { codePointLength, tokenize } from '../data/tokenize.ts';
import { cellText, isIntegerCell, toBoolean, toDatetime, toNumber } from '../data/values.ts';
import type { Profile } from '../profile/schema.ts';
import { MlopsError } from '../util/errors.ts';
import { ruleValue, type ColumnRules, type Rules, type Severity } from './rules.ts';

export interface Violation {
  rule: string;
  column: string | null;
  severity: Severity;
  /** Rows (or, for dataset rules, occurrences) that break the rule. */
  count: number;
  /** 1-based data-row numbers of the first offending rows, counted across all files in order. */
  examples: number[];
  /** The offending values at those rows, as text. */
  example_values: string[];
  message: string;
  /** Where the first example row is in its file (`line` for CSV and JSONL), for annotations. */
  first_location?: { file: string; line?: number };
}

export interface ValidationReport {
  ok: boolean;
  rows: number;
  violations: Violation[];
  errors: number;
  warnings: number;
  files: { file: string; rows: number; first_row: number }[];
}

export interface ValidateOptions extends ReadOptions {
  /** Profile that reference_range / new_categories rules compare against. */
  reference?: Profile;
  onProgress?: (rows: number) => void;
}

type Check = (cell: Cell, row: number) => void;

/**
 * Checks data files, read as one dataset, against a rules file. Every violated rule is
 * reported with its count and example rows; nothing stops at the first failure.
 */
export async function validateFiles(files: readonly string[], rules: Rules, options: ValidateOptions = {}): Promise<ValidationReport> {
  const collector = new ViolationCollector(rules.max_examples);
  const columnRules = Object.entries(rules.columns);
  const nullCounts = new Map<string, number>();
  const emptyCounts = new Map<string, number>();
  const listed = new Set(columnRules.map(([name]) => name));
  const extraColumns = new Set<string>();
  const fileSummaries: ValidationReport['files'] = [];
  let rows = 0;

  const checks = new Map<string, Check>();
  for (const [name, col] of columnRules) {
    nullCounts.set(name, 0);
    emptyCounts.set(name, 0);
    checks.set(
      name,
      compileColumn(
        name,
        col,
        collector,
        options.reference,
        () => nullCounts.set(name, nullCounts.get(name)! + 1),
        () => emptyCounts.set(name, emptyCounts.get(name)! + 1),
      ),
    );
  }

  for (const file of files) {
    const firstRow = rows + 1;
    let seenColumns: readonly string[] = [];
    for await (const batch of readBatches(file, options)) {
      seenColumns = batch.columns;
      const base = rows + 1;
      collector.locate = (row) => ({ file, line: batch.lines?.[row - base] });
      for (let c = 0; c < batch.columns.length; c++) {
        const name = batch.columns[c];
        const check = checks.get(name);
        if (!check) {
          if (!listed.has(name)) extraColumns.add(name);
          continue;
        }
        const data = batch.rows;
        for (let r = 0; r < data.length; r++) {
          const row = data[r];
          check(c < row.length ? row[c] : null, base + r);
        }
      }
      // A column absent from a batch reads as null for every row of it (JSONL keys can appear late).
      for (const [name] of columnRules) {
        if (!batch.columns.includes(name)) for (let r = 0; r < batch.rows.length; r++) checks.get(name)!(null, base + r);
      }
      rows += batch.rows.length;
      options.onProgress?.(rows);
    }
    for (const [name, col] of columnRules) {
      if (col.required !== false && !seenColumns.includes(name)) {
        collector.add('required', name, col.severity ?? 'error', 0, '', `column is missing from ${file}`);
      }
    }
    fileSummaries.push({ file, rows: rows - firstRow + 1, first_row: firstRow });
  }

  for (const [name, col] of columnRules) {
    if (col.max_null_fraction === undefined) continue;
    const { value, severity } = ruleValue(col.max_null_fraction, col.severity ?? 'error');
    const nulls = nullCounts.get(name)!;
    if (rows > 0 && nulls / rows > value) {
      collector.addAggregate('max_null_fraction', name, severity, nulls, `${formatPct(nulls / rows)} nulls, more than the allowed ${formatPct(value)}`);
    }
  }
  for (const [name, col] of columnRules) {
    if (col.max_empty_fraction === undefined) continue;
    const { value, severity } = ruleValue(col.max_empty_fraction, col.severity ?? 'error');
    const empty = emptyCounts.get(name)! + nullCounts.get(name)!;
    if (rows > 0 && empty / rows > value) {
      collector.addAggregate(
        'max_empty_fraction',
        name,
        severity,
        empty,
        `${formatPct(empty / rows)} of rows empty (missing, blank or without a word), more than the allowed ${formatPct(value)}`,
      );
    }
  }
  if (rules.dataset?.row_count) {
    const { value, severity } = ruleValue(rules.dataset.row_count, 'error');
    if ((value.min !== undefined && rows < value.min) || (value.max !== undefined && rows > value.max)) {
      collector.addAggregate('row_count', null, severity, rows, `${rows} rows, expected ${value.min ?? 0}..${value.max ?? '∞'}`);
    }
  }
  if (rules.dataset?.no_extra_columns) {
    const { value, severity } = ruleValue(rules.dataset.no_extra_columns, 'error');
    if (value) for (const name of extraColumns) collector.addAggregate('no_extra_columns', name, severity, 1, 'column is not listed in the rules');
  }

  const violations = collector.list();
  const errors = violations.filter((v) => v.severity === 'error').length;
  return { ok: errors === 0, rows, violations, errors, warnings: violations.length - errors, files: fileSummaries };
}

function formatPct(x: number): string {
  return `${Number((x * 100).toPrecision(3))}%`;
}

class ViolationCollector {
  private readonly byKey = new Map<string, Violation>();
  /** The current batch's row → source location; asked only for a violation's first example. */
  locate: (row: number) => { file: string; line?: number } = () => ({ file: '' });
  constructor(private readonly maxExamples: number) {}

  add(rule: string, column: string | null, severity: Severity, row: number, value: string, message: string): void {
    const key = rule + '\u0000' + (column ?? '');
    let v = this.byKey.get(key);
    if (!v) {
      v = { rule, column, severity, count: 0, examples: [], example_values: [], message };
      this.byKey.set(key, v);
    }
    v.count++;
    if (row > 0 && v.first_location === undefined) v.first_location = this.locate(row);
    if (row > 0 && v.examples.length < this.maxExamples) {
      v.examples.push(row);
      v.example_values.push(value.length > 80 ? value.slice(0, 77) + '...' : value);
    }
  }

  addAggregate(rule: string, column: string | null, severity: Severity, count: number, message: string): void {
    this.byKey.set(rule + '\u0000' + (column ?? ''), { rule, column, severity, count, examples: [], example_values: [], message });
  }

  list(): Violation[] {
    return [...this.byKey.values()].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  }
}

/**
 * Builds one function that applies all of a column's rules to a cell, parsing the cell at most
 * once, so validation costs a handful of comparisons per cell.
 */
function compileColumn(
  name: string,
  col: ColumnRules,
  out: ViolationCollector,
  reference: Profile | undefined,
  onNull: () => void,
  onEmpty: () => void,
): Check {
  const fallback = col.severity ?? 'error';
  const get = <T>(rule: T | { value: T; severity: Severity } | undefined) => (rule === undefined ? undefined : ruleValue(rule, fallback));
  const nullable = get(col.nullable);
  const min = get(col.min);
  const max = get(col.max);
  // A band of expected values: a warning unless the rule says otherwise (min/max are the errors).
  const expected = col.expected_range === undefined ? undefined : ruleValue(col.expected_range, 'warning');
  const expectedLo = expected?.value.min ?? -Infinity;
  const expectedHi = expected?.value.max ?? Infinity;
  const allowed = get(col.allowed);
  const allowedSet = allowed ? new Set(allowed.value.map(String)) : undefined;
  const unique = get(col.unique);
  const seen = unique?.value ? new Set<string>() : undefined;
  const regexRule = get(col.regex);
  const regex = regexRule ? new RegExp(regexRule.value) : undefined;
  const type = col.type;
  const typeSeverity = fallback;
  const refRange = get(col.reference_range);
  const newCats = get(col.new_categories);
  const refColumn = reference?.columns.find((c) => c.name === name);
  if ((refRange || newCats?.value) && !refColumn) throw new MlopsError(`reference profile has no column "${name}" to compare against`);
  let rangeLo = -Infinity;
  let rangeHi = Infinity;
  if (refRange) {
    if (!refColumn!.numeric) throw new MlopsError(`reference_range on "${name}": the reference profile has no numeric range for it (type ${refColumn!.type})`);
    const span = refColumn!.numeric.max - refColumn!.numeric.min;
    rangeLo = refColumn!.numeric.min - refRange.value.tolerance * span;
    rangeHi = refColumn!.numeric.max + refRange.value.tolerance * span;
  }
  let refCategories: Set<string> | undefined;
  if (newCats?.value) {
    const frequent = refColumn!.state.frequent;
    if (frequent.error > 0) {
      throw new MlopsError(`new_categories on "${name}": the reference has more than ${frequent.capacity} distinct values, so its category list is not exact`);
    }
    refCategories = new Set(frequent.items.map(([k]) => k));
  }
  const minLength = get(col.min_length);
  const maxLength = get(col.max_length);
  const patternRule = get(col.pattern);
  const pattern = patternRule ? new RegExp(patternRule.value, 'u') : undefined;
  const countEmpty = col.max_empty_fraction !== undefined;
  const textRules = minLength !== undefined || maxLength !== undefined || pattern !== undefined || countEmpty;
  const needsNumber = min !== undefined || max !== undefined || expected !== undefined || refRange !== undefined || type === 'number' || type === 'integer';

  return (cell, row) => {
    if (cell === null) {
      onNull();
      if (nullable && !nullable.value) out.add('not_null', name, nullable.severity, row, 'null', 'null in a non-null column');
      return;
    }
    let text: string | undefined;
    if (needsNumber) {
      const n = typeof cell === 'boolean' ? undefined : toNumber(cell);
      if (n === undefined) {
        text = cellText(cell);
        out.add('type', name, typeSeverity, row, text, `expected ${type === 'integer' ? 'an integer' : 'a number'}`);
        return;
      }
      if (type === 'integer' && !isIntegerCell(cell, n)) {
        text = cellText(cell);
        out.add('type', name, typeSeverity, row, text, 'expected an integer');
        return;
      }
      if (min && n < min.value) out.add('min', name, min.severity, row, cellText(cell), `below the minimum ${min.value}`);
      if (max && n > max.value) out.add('max', name, max.severity, row, cellText(cell), `above the maximum ${max.value}`);
      if (expected && (n < expectedLo || n > expectedHi)) {
        out.add('expected_range', name, expected.severity, row, cellText(cell), `outside the expected range [${trim(expectedLo)}, ${trim(expectedHi)}]`);
      }
      if (refRange && (n < rangeLo || n > rangeHi)) {
        out.add('reference_range', name, refRange.severity, row, cellText(cell), `outside the reference range [${trim(rangeLo)}, ${trim(rangeHi)}]`);
      }
    } else if (type === 'boolean' && toBoolean(cell) === undefined) {
      out.add('type', name, typeSeverity, row, cellText(cell), 'expected true or false');
      return;
    } else if (type === 'datetime' && toDatetime(cell) === undefined) {
      out.add('type', name, typeSeverity, row, cellText(cell), 'expected an ISO-8601 date or date-time');
      return;
    }
    if (allowedSet || seen || regex || refCategories) {
      text ??= cellText(cell);
      if (allowedSet && !allowedSet.has(text)) {
        out.add(
          'allowed',
          name,
          allowed!.severity,
          row,
          text,
          allowed!.severity === 'warning' ? 'unseen category: not one of the listed values' : 'not one of the allowed values',
        );
      }
      if (refCategories && !refCategories.has(text)) out.add('new_categories', name, newCats!.severity, row, text, 'category never seen in the reference');
      if (regex && !regex.test(text)) out.add('regex', name, regexRule!.severity, row, text, `does not match /${regexRule!.value}/`);
      if (seen) {
        if (seen.has(text)) out.add('unique', name, unique!.severity, row, text, 'duplicate value in a unique column');
        else seen.add(text);
      }
    }
    if (textRules) {
      text ??= cellText(cell);
      const length = minLength || maxLength ? codePointLength(text) : 0;
      if (minLength && length < minLength.value) out.add('min_length', name, minLength.severity, row, text, `shorter than ${minLength.value} characters`);
      if (maxLength && length > maxLength.value) out.add('max_length', name, maxLength.severity, row, text, `longer than ${maxLength.value} characters`);
      if (pattern && !pattern.test(text)) out.add('pattern', name, patternRule!.severity, row, text, `does not contain a match of /${patternRule!.value}/`);
      if (countEmpty && tokenize(text).length === 0) onEmpty();
    }
  };
}

function trim(x: number): string {
  return Number(x.toPrecision(6)).toString();
}
