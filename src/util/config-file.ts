import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from './errors.ts';
import { yamlLines } from './yaml-lines.ts';

export interface ConfigParseOptions {
  /** Said when the document is not a mapping at all, e.g. "a rules file is a mapping with version: 1". */
  expect: string;
  /** A friendlier wording for particular schema issues; undefined keeps the default. */
  describe?: (issue: z.core.$ZodIssue) => string | undefined;
}

/**
 * Parses a YAML config file and checks it against its schema, so every config reports problems
 * the same way: `file:line:col: invalid YAML: …` or `file: path.to[1].field: problem`.
 */
export function parseConfigFile<S extends z.ZodType>(text: string, file: string, schema: S, options: ConfigParseOptions): z.output<S> {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    if (!(err instanceof YAMLParseError)) throw err;
    const pos = err.linePos?.[0];
    throw new ConfigError(file, pos?.line, `${file}${pos ? `:${pos.line}:${pos.col}` : ''}: invalid YAML: ${err.message.split('\n')[0]}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new ConfigError(file, 1, `${file}: ${options.expect}`);
  const result = schema.safeParse(doc);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = issues[0];
  const path = first.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  // The message keeps its path form; the line is for annotations in the PR diff.
  const at = [...first.path, ...(first.code === 'unrecognized_keys' ? first.keys.slice(0, 1) : [])];
  const line = yamlLines(text).lineOf(at.filter((p): p is string | number => typeof p !== 'symbol'));
  throw new ConfigError(file, line, `${file}: ${path || '(top level)'}: ${options.describe?.(first) ?? describeIssue(first)}${more}`);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}
