import { MlopsError } from '../util/errors.ts';
import { MODEL_NAME, STAGE_NAME } from './format.ts';

/** `churn`, `churn@v7` (or `churn@7`), `churn#production`. */
export type ModelRef = { name: string; version?: number; stage?: string };

export function parseModelRef(text: string): ModelRef {
  const match = /^([^@#]+)(?:@v?(\d+)|#(.+))?$/.exec(text.trim());
  if (!match) throw new MlopsError(`"${text}" is not a model reference: use NAME, NAME@vN or NAME#STAGE`);
  const [, name, version, stage] = match;
  checkName(name);
  if (version !== undefined) {
    const n = Number(version);
    if (!Number.isSafeInteger(n) || n < 1) throw new MlopsError(`"${text}": versions are v1, v2, ...`);
    return { name, version: n };
  }
  if (stage !== undefined) {
    if (!STAGE_NAME.test(stage)) throw new MlopsError(`"${text}": "${stage}" is not a stage name (lowercase letters, digits, dashes)`);
    return { name, stage };
  }
  return { name };
}

export function parseVersion(text: string): number {
  const match = /^v?(\d+)$/.exec(text.trim());
  const n = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new MlopsError(`"${text}" is not a version: use v1, v2, ... (or 1, 2, ...)`);
  return n;
}

export function checkName(name: string): string {
  if (!MODEL_NAME.test(name)) {
    throw new MlopsError(`"${name}" is not a model name: lowercase letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters`);
  }
  return name;
}
