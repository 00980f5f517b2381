import type { Cell } from '../data/batch.ts';
import type { FeatureSpec } from '../model/types.ts';

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

export interface PredictInput {
  /** Rows in the order of the model's features, ready for ModelRunner.predict. */
  rows: Cell[][];
  /** The instances as the client sent them (all their keys), for prediction logging. */
  records: Record<string, unknown>[];
}

/**
 * Validates a /predict body against the model's features. Two shapes are accepted:
 * rows, `{"instances": [{"age": 41, "plan": "basic"}, ...]}`, and columns,
 * `{"inputs": {"age": [41, 37], "plan": ["basic", "premium"]}}`. Keys the model does not use are
 * kept for the prediction log and otherwise ignored.
 */
export function parsePredictBody(body: unknown, features: readonly FeatureSpec[], options: { allowUnknownCategories?: boolean } = {}): PredictInput {
  if (!isObject(body)) throw new RequestError(400, 'the body must be a JSON object with "instances" (rows) or "inputs" (columns)');
  const hasInstances = 'instances' in body;
  const hasInputs = 'inputs' in body;
  if (hasInstances === hasInputs) {
    throw new RequestError(400, 'give exactly one of "instances" (a list of rows by feature name) or "inputs" (lists by feature name)');
  }
  const records = hasInstances ? instanceRecords(body.instances) : columnRecords(body.inputs, features);
  if (records.length === 0) throw new RequestError(400, hasInstances ? '"instances" is empty' : '"inputs" holds no rows', hasInstances ? 'instances' : 'inputs');
  const strict = !options.allowUnknownCategories;
  const rows = records.map((record, i) => features.map((f) => featureCell(record, f, hasInstances ? `instances[${i}].${f.name}` : `inputs.${f.name}[${i}]`, strict)));
  return { rows, records };
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
    if (!Array.isArray(column)) throw new RequestError(400, `inputs.${name} must be a list`, `inputs.${name}`);
    if (length === undefined) {
      length = column.length;
      lengthFrom = name;
    } else if (column.length !== length) {
      throw new RequestError(400, `inputs.${name} has ${column.length} values but inputs.${lengthFrom} has ${length}`, `inputs.${name}`);
    }
  }
  const missing = features.find((f) => !(f.name in inputs));
  if (missing) throw new RequestError(400, `inputs.${missing.name} is missing: the model needs ${describe(missing)}`, `inputs.${missing.name}`);
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < (length ?? 0); i++) {
    const record: Record<string, unknown> = {};
    for (const name of names) record[name] = (inputs[name] as unknown[])[i];
    records.push(record);
  }
  return records;
}

function featureCell(record: Record<string, unknown>, feature: FeatureSpec, where: string, strictCategories: boolean): Cell {
  if (!(feature.name in record)) throw new RequestError(400, `${where} is missing: the model needs ${describe(feature)}`, where);
  const value = record[feature.name];
  // A null is a missing value, which the model's stored preprocessing imputes as it did in training.
  if (value === null) return null;
  switch (feature.type) {
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      break;
    case 'integer':
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      break;
    case 'category': {
      if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) break;
      const text = String(value);
      if (strictCategories && feature.categories && feature.categories.length > 0 && !feature.categories.includes(text)) {
        throw new RequestError(400, `${where}: unknown category ${JSON.stringify(text)} (the model knows ${listCategories(feature.categories)})`, where);
      }
      return text;
    }
  }
  throw new RequestError(400, `${where}: expected ${describe(feature)}, got ${JSON.stringify(value)}`, where);
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
  }
}

function listCategories(categories: readonly string[]): string {
  const shown = categories.slice(0, 10).map((c) => JSON.stringify(c)).join(', ');
  return categories.length > 10 ? `${shown}, … (${categories.length} in all)` : shown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
