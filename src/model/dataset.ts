import type { Cell } from '../data/batch.ts';
import { readBatches } from '../data/read.ts';
import { cellText, toNumber } from '../data/values.ts';
import type { Profile } from '../profile/schema.ts';
import { looksLikeText } from '../profile/text.ts';
import { describeTypeDrift } from '../profile/type-drift.ts';
import { DataError, MlopsError, SettingError, listPreview } from '../util/errors.ts';
import type { TrainConfig } from './train-config.ts';
import type { FeatureSpec, Task } from './types.ts';

/** Training rows held in memory with their labels. */
export interface TrainingData {
  columns: string[];
  rows: Cell[][];
  features: FeatureSpec[];
  /** Per row: class index (classification) or target value (regression). */
  labels: Float64Array;
  classes?: string[];
  /** Human-readable reasons for columns left out, for the log. */
  skipped: string[];
  droppedRows: number;
}

/**
 * Picks features from the profile: explicit `include`, else every column but the target and
 * `exclude`. Columns in `text` are TF-IDF encoded; without a `text` list, string columns that
 * read as free text (≥ 3 tokens per row on average) are, and reported in `detected`. Other
 * identifier-like columns (profile type string, or categoricals with more than
 * `max_categories` values) and datetimes are left out with a reason unless listed as categorical.
 */
export function selectFeatures(
  profile: Profile,
  target: string,
  options: TrainConfig['features'],
): { features: FeatureSpec[]; skipped: string[]; detected: string[] } {
  const byName = new Map(profile.columns.map((c) => [c.name, c]));
  if (!byName.has(target)) throw new MlopsError(`target column "${target}" is not in the data (columns: ${listPreview([...byName.keys()])})`);
  for (const name of [...(options.include ?? []), ...options.exclude, ...options.categorical, ...(options.text ?? [])]) {
    if (!byName.has(name)) throw new MlopsError(`train config names column "${name}", which is not in the data`);
  }
  const explicit = options.include !== undefined;
  const names = options.include ?? profile.columns.map((c) => c.name).filter((n) => n !== target && !options.exclude.includes(n));
  for (const name of options.text ?? []) if (!names.includes(name) && name !== target) names.push(name);
  const features: FeatureSpec[] = [];
  const skipped: string[] = [];
  const detected: string[] = [];
  for (const name of names) {
    if (name === target) throw new MlopsError(`the target "${target}" cannot also be a feature`);
    const col = byName.get(name)!;
    if (col.count === col.nulls) {
      skipped.push(`${name} (always empty)`);
      continue;
    }
    if (options.categorical.includes(name)) {
      features.push({ name, type: 'category' });
      continue;
    }
    if (options.text?.includes(name)) {
      features.push({ name, type: 'text' });
      continue;
    }
    // One bad cell must not silently turn a numeric feature into text (or drop it).
    if (col.type_drift) {
      throw new MlopsError(`${describeTypeDrift(col)}. Fix those cells, list "${name}" under features.exclude, or declare it in features.categorical`);
    }
    switch (col.type) {
      case 'number':
      case 'integer':
      case 'boolean':
        features.push({ name, type: col.type });
        break;
      case 'category':
        if (col.distinct.value > options.max_categories && !explicit)
          skipped.push(`${name} (${col.distinct.value} categories > max_categories ${options.max_categories})`);
        else features.push({ name, type: 'category' });
        break;
      case 'string':
        if (options.text === undefined && looksLikeText(col)) {
          features.push({ name, type: 'text' });
          detected.push(`${name} (${col.text!.tokens.mean.toFixed(1)} tokens per row)`);
          break;
        }
        if (explicit)
          throw new MlopsError(
            `column "${name}" is free text or an identifier; list it under features.text to TF-IDF encode it or features.categorical to one-hot encode it`,
          );
        skipped.push(`${name} (text or identifier)`);
        break;
      case 'datetime':
        if (explicit) throw new MlopsError(`column "${name}" is a datetime; derive numeric features from it before training`);
        skipped.push(`${name} (datetime)`);
        break;
    }
  }
  if (features.length === 0) throw new MlopsError('no usable feature columns (see features.include / features.categorical in the train config)');
  return { features, skipped, detected };
}

/** Reads every file into memory (tabular training data fits) and encodes the target. */
export async function loadTrainingData(
  files: readonly string[],
  target: string,
  task: Task,
  features: FeatureSpec[],
  skipped: string[],
  options: { delimiter?: string } = {},
): Promise<TrainingData> {
  const columns: string[] = [];
  const rows: Cell[][] = [];
  const raw: Cell[] = [];
  let droppedRows = 0;
  for (const file of files) {
    for await (const batch of readBatches(file, { delimiter: options.delimiter })) {
      // Files may order columns differently: re-map every row onto the first file's order.
      for (const c of batch.columns) if (!columns.includes(c)) columns.push(c);
      const map = columns.map((c) => batch.columns.indexOf(c));
      const t = batch.columns.indexOf(target);
      batch.rows.forEach((row, i) => {
        const y = t < 0 ? null : (row[t] ?? null);
        if (y === null) {
          droppedRows++;
          return;
        }
        if (task === 'regression' && toNumber(y) === undefined) {
          throw new DataError(file, `target must be numeric for regression, got "${cellText(y)}"`, { row: batch.firstRow + i, column: target });
        }
        raw.push(y);
        rows.push(map.map((m) => (m < 0 ? null : (row[m] ?? null))));
      });
    }
  }
  if (rows.length < 10) throw new MlopsError(`only ${rows.length} rows with a target value: too few to train and validate`);
  if (task === 'regression') return { columns, rows, features, skipped, droppedRows, labels: Float64Array.from(raw, (y) => toNumber(y)!) };
  const texts = raw.map(cellText);
  const classes = sortClasses([...new Set(texts)]);
  if (classes.length < 2) throw new MlopsError(`target "${target}" has a single class ("${classes[0]}"): nothing to learn`);
  if (classes.length > 1000)
    throw new SettingError('task', (name) => `target "${target}" has ${classes.length} classes: is this a regression target? (use ${name('task')} regression)`);
  const index = new Map(classes.map((c, i) => [c, i]));
  return { columns, rows, features, skipped, droppedRows, classes, labels: Float64Array.from(texts, (y) => index.get(y)!) };
}

/** Numeric labels sort as numbers ("2" before "10"), others lexicographically. */
function sortClasses(classes: string[]): string[] {
  if (classes.every((c) => toNumber(c) !== undefined)) return classes.sort((a, b) => toNumber(a)! - toNumber(b)!);
  return classes.sort();
}
