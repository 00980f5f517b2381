import type { Cell } from '../data/batch.ts';
import type { FeatureSpec } from '../model/types.ts';
import { farOutside, type FeatureRanges } from './ranges.ts';

/** The largest finite float32: the graph computes in float32, so anything larger is ±Infinity there. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** Deepest nesting accepted anywhere in a body; rows are 3 levels deep, extra keys get the rest. */
export const MAX_JSON_DEPTH = 32;

/** A client error: the HTTP status and a message that names the offending field. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** A value far outside the training range (see farOutside), answered but flagged. */
export interface RangeWarning {
  field: string;
  feature: string;
  /** The row it is in, to name the culprit when that row's output is not a number. */
  row: number;
  message: string;
}

export interface PredictInput {
  /** Rows in the order of the model's features, ready for ModelRunner.predict. */
  rows: Cell[][];
  /** The instances as the client sent them (all their keys), for prediction logging. */
  records: Record<string, unknown>[];
  warnings: RangeWarning[];
  /** The path of row `i` in the body, for errors about a whole row. */
  rowPath(i: number): string;
}

export interface ParseOptions {
  allowUnknownCategories?: boolean;
  /** What training saw of numeric features: values far outside get a warning, or a 400 with `strictRanges`. */
  ranges?: FeatureRanges;
  strictRanges?: boolean;
}

/**
 * Validates a /predict body against the model's features. Two shapes are accepted:
 * rows, `{"instances": [{"age": 41, "plan": "basic"}, ...]}`, and columns,
 * `{"inputs": {"age": [41, 37], "plan": ["basic", "premium"]}}`. Keys the model does not use are
 * kept for the prediction log and otherwise ignored.
 */
export function parsePredictBody(body: unknown, features: readonly FeatureSpec[], options: ParseOptions = {}): PredictInput {
  checkNesting(body);
  if (!isObject(body)) throw new RequestError(400, 'the body must be a JSON object with "instances" (rows) or "inputs" (columns)');
  const hasInstances = 'instances' in body;
  const hasInputs = 'inputs' in body;
  if (hasInstances === hasInputs) {
    throw new RequestError(400, 'give exactly one of "instances" (a list of rows by feature name) or "inputs" (lists by feature name)');
  }
  const records = hasInstances ? instanceRecords(body.instances) : columnRecords(body.inputs, features);
  if (records.length === 0)
    throw new RequestError(400, hasInstances ? '"instances" is empty' : '"inputs" holds no rows', hasInstances ? 'instances' : 'inputs');
  const strict = !options.allowUnknownCategories;
  const ranges = options.ranges ?? {};
  const warnings: RangeWarning[] = [];
  // Per feature, looked up once per request rather than once per cell.
  const featureRanges = features.map((f) => (Object.hasOwn(ranges, f.name) ? ranges[f.name] : undefined));
  const rows: Cell[][] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    const row: Cell[] = new Array(features.length);
    for (let j = 0; j < features.length; j++) {
      const f = features[j];
      // The field's path is built only for a message: most cells never need one.
      const where = () => (hasInstances ? `instances[${i}].${f.name}` : `inputs.${f.name}[${i}]`);
      const cell = featureCell(record, f, where, strict);
      const range = typeof cell === 'number' ? featureRanges[j] : undefined;
      if (range && farOutside(cell as number, range)) {
        const field = where();
        const message = `${field}: ${cell} is far outside the training range (${roughly(range.min)} to ${roughly(range.max)}${range.source === 'preprocessing' ? ', mean ± 3 std' : ''})`;
        if (options.strictRanges) throw new RequestError(400, `${message}; --strict-ranges rejects it`, field);
        warnings.push({ field, feature: f.name, row: i, message: `${message}; the prediction is an extrapolation` });
      }
      row[j] = cell;
    }
    rows[i] = row;
  }
  return { rows, records, warnings, rowPath: (i) => (hasInstances ? `instances[${i}]` : `inputs.*[${i}]`) };
}

/**
 * Refuses bodies nested deeper than MAX_JSON_DEPTH, naming the top-level field (`instances[0].note`)
 * the deep value is under. Iterative: a 10,000-deep value must not overflow the stack here, and past
 * this check nothing else (messages, the prediction log) walks a deep value.
 */
export function checkNesting(body: unknown): void {
  if (!tooDeep(body)) return;
  const stack: [unknown, number, string][] = [[body, 0, '']];
  while (stack.length > 0) {
    const [value, depth, path] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) throw new RequestError(400, `${path || 'the body'} is nested more than ${MAX_JSON_DEPTH} levels deep`, path || undefined);
    // Paths grow only down to a row's fields (instances[0].note, inputs.age[0]); below that they stay put.
    const named = depth < 3;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, depth + 1, named ? `${path}[${i}]` : path]));
    else for (const [k, v] of Object.entries(value)) stack.push([v, depth + 1, named ? (path ? `${path}.${shortKey(k)}` : shortKey(k)) : path]);
  }
}

/**
 * Whether any object or array sits MAX_JSON_DEPTH or more levels down: the same test as
 * checkNesting's, without the paths, which only the refusal needs. Every accepted body takes
 * only this walk (building a path per value was a tenth of a 64-row request's CPU).
 */
function tooDeep(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const values: object[] = [body];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop()!;
    const depth = depths.pop()!;
    if (depth >= MAX_JSON_DEPTH) return true;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (typeof v === 'object' && v !== null) (values.push(v), depths.push(depth + 1));
      }
    } else {
      for (const k of Object.keys(value)) {
        const v: unknown = (value as Record<string, unknown>)[k];
        if (typeof v === 'object' && v !== null) (values.push(v), depths.push(depth + 1));
      }
    }
  }
  return false;
}

function instanceRecords(instances: unknown): Record<string, unknown>[] {
  if (!Array.isArray(instances)) throw new RequestError(400, '"instances" must be a list of objects', 'instances');
  instances.forEach((r, i) => {
    if (!isObject(r)) throw new RequestError(400, `instances[${i}] must be an object of feature values by name`, `instances[${i}]`);
  });
  return instances as Record<string, unknown>[];
}

function columnRecords(inputs: unknown, features: readonly FeatureSpec[]): Record<string, unknown>[] {
  if (!isObject(inputs)) throw new RequestError(400, '"inputs" must be an object of value lists by feature name', 'inputs');
  const names = Object.keys(inputs);
  let length: number | undefined;
  let lengthFrom = '';
  for (const name of names) {
    const column = inputs[name];
    if (!Array.isArray(column)) throw new RequestError(400, `inputs.${shortKey(name)} must be a list`, `inputs.${shortKey(name)}`);
    if (length === undefined) {
      length = column.length;
      lengthFrom = name;
    } else if (column.length !== length) {
      throw new RequestError(
        400,
        `inputs.${shortKey(name)} has ${column.length} values but inputs.${shortKey(lengthFrom)} has ${length}`,
        `inputs.${shortKey(name)}`,
      );
    }
  }
  const missing = features.find((f) => !Object.hasOwn(inputs, f.name));
  if (missing) throw new RequestError(400, `inputs.${missing.name} is missing: the model needs ${describe(missing)}`, `inputs.${missing.name}`);
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < (length ?? 0); i++) {
    // No prototype: a column named __proto__ is a key like any other.
    const record: Record<string, unknown> = Object.create(null);
    for (const name of names) record[name] = (inputs[name] as unknown[])[i];
    records.push(record);
  }
  return records;
}

function featureCell(record: Record<string, unknown>, feature: FeatureSpec, field: () => string, strictCategories: boolean): Cell {
  if (!Object.hasOwn(record, feature.name)) {
    const where = field();
    throw new RequestError(400, `${where} is missing: the model needs ${describe(feature)}`, where);
  }
  const value = record[feature.name];
  // A null is a missing value, which the model's stored preprocessing imputes as it did in training.
  if (value === null) return null;
  switch (feature.type) {
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || (feature.type === 'integer' && Number.isFinite(value) && !Number.isInteger(value))) break;
      // JSON.parse reads 1e309 as Infinity; 1e39 is finite here but Infinity in the float32 graph (NaN probabilities).
      if (!(Math.abs(value) <= FLOAT32_MAX)) {
        const where = field();
        throw new RequestError(400, `${where}: ${value} is beyond the float32 range the model computes in (±3.4e38)`, where);
      }
      return value;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      break;
    case 'category': {
      if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) break;
      const text = String(value);
      if (strictCategories && feature.categories && feature.categories.length > 0 && !feature.categories.includes(text)) {
        const where = field();
        throw new RequestError(400, `${where}: unknown category ${preview(text)} (the model knows ${listCategories(feature.categories)})`, where);
      }
      return text;
    }
    case 'text':
      // Raw text of any length: the model cuts it at MAX_TEXT_CHARS (src/data/tokenize.ts), no error.
      if (typeof value === 'string') return value;
      break;
  }
  const where = field();
  throw new RequestError(400, `${where}: expected ${describe(feature)}, got ${preview(value)}`, where);
}

/** A range bound in a message: four significant digits say enough. */
function roughly(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** A client's key in an error message or field: keys are free text of any length. */
function shortKey(key: string): string {
  return oneLine(key, 40);
}

/** Text from a client (keys, parser messages) made safe for a one-line message: control characters escaped, then cut at `max`. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** A client's value in an error message: short and one line whatever its size. */
function preview(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length} values`;
  if (typeof value === 'object' && value !== null) return 'an object';
  if (typeof value === 'string') return value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}… (${value.length} characters)` : JSON.stringify(value);
  return String(value);
}

function describe(feature: FeatureSpec): string {
  switch (feature.type) {
    case 'number':
      return 'a number';
    case 'integer':
      return 'an integer';
    case 'boolean':
      return 'true or false';
    case 'category':
      return feature.categories && feature.categories.length > 0 ? `one of ${listCategories(feature.categories)}` : 'a category (string)';
    case 'text':
      return 'text (a string)';
  }
}

function listCategories(categories: readonly string[]): string {
  const shown = categories
    .slice(0, 10)
    .map((c) => JSON.stringify(c))
    .join(', ');
  return categories.length > 10 ? `${shown}, … (${categories.length} in all)` : shown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
