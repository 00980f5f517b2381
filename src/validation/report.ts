import type { ValidationReport } from './validate.ts';
import { code, fitToLimit, formatNumber, table } from '../report/markdown.ts';

/** The stable machine-readable shape promised by `mlops validate --format json`. */
export function validationJson(report: ValidationReport) {
  return {
    ok: report.ok,
    rows: report.rows,
    violations: report.violations.map((v) => ({
      rule: v.rule,
      column: v.column,
      severity: v.severity,
      count: v.count,
      examples: v.examples,
      example_values: v.example_values,
      message: v.message,
    })),
    errors: report.errors,
    warnings: report.warnings,
    files: report.files,
  };
}

export function validationMarkdown(report: ValidationReport, title = 'Data validation'): string {
  const banner = report.ok
    ? report.warnings > 0
      ? `✅ **Passed** with ${report.warnings} warning${report.warnings === 1 ? '' : 's'}`
      : '✅ **Passed**: every rule holds'
    : `❌ **Failed**: ${report.errors} rule${report.errors === 1 ? '' : 's'} broken at error level${report.warnings ? `, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}` : ''}`;
  const lines = [`## ${title}`, '', banner, '', `${formatNumber(report.rows)} rows checked in ${report.files.map((f) => code(f.file)).join(', ')}`, ''];
  if (report.violations.length > 0) {
    lines.push(
      table(
        ['', 'rule', 'column', 'rows', 'problem', 'example rows', 'example values'],
        report.violations.map((v) => [
          v.severity === 'error' ? '❌' : '⚠️',
          v.rule,
          v.column ?? '',
          v.count,
          v.message,
          v.examples.join(', '),
          v.example_values.map((x) => code(x)).join(', '),
        ]),
        ['c', 'l', 'l', 'r', 'l', 'l', 'l'],
      ),
    );
    if (report.files.length > 1) {
      lines.push('', 'Row numbers count across files: ' + report.files.map((f) => `${code(f.file)} starts at row ${f.first_row}`).join(', ') + '.');
    }
  }
  return fitToLimit(lines.join('\n') + '\n');
}
