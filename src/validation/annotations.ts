import type { Annotation } from '../util/annotation.ts';
import type { YamlPath } from '../util/yaml-lines.ts';
import { yamlLines } from '../util/yaml-lines.ts';
import type { ValidationReport, Violation } from './validate.ts';

/** The rules-file key a violation comes from (`not_null` is written `nullable: false`). */
function rulePath(v: Violation): YamlPath {
  if (v.rule === 'row_count' || v.rule === 'no_extra_columns') return ['dataset', v.rule];
  return ['columns', v.column ?? '', v.rule === 'not_null' ? 'nullable' : v.rule];
}

/**
 * One annotation per violation: a row rule points at the data file's line of its first
 * offending row (the file alone for Parquet); a dataset rule (row count, null share, a missing
 * or extra column) points at the rule's line in the rules file.
 */
export function validationAnnotations(report: ValidationReport, rules: { file: string; text: string }): Annotation[] {
  const lines = yamlLines(rules.text);
  return report.violations.map((v) => {
    const message = `${v.rule}${v.column ? ` on ${v.column}` : ''}: ${v.count} row(s), ${v.message}${v.examples.length ? ` (rows ${v.examples.join(', ')})` : ''}`;
    const where = v.first_location ?? { file: rules.file, line: lines.lineOf(rulePath(v)) };
    return { level: v.severity === 'error' ? 'error' : 'warning', title: 'data validation', message, file: where.file, line: where.line };
  });
}
