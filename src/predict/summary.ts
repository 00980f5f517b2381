import { code, formatNumber, table } from '../report/markdown.ts';
import type { PredictSummary } from './run.ts';

/** The Markdown summary (job summary and `--format markdown`). */
export function predictMarkdown(s: PredictSummary): string {
  const verdict = s.rejected === 0 ? `all ${formatNumber(s.rows)} rows scored` : `${formatNumber(s.rejected)} of ${formatNumber(s.rows)} rows rejected`;
  const lines = [
    `### Batch scoring: ${code(s.model.name)} ${code(s.model.version)}`,
    '',
    `${s.rejected === 0 ? '✅' : '⚠️'} ${verdict} · ${formatNumber(Math.round(s.rows_per_second))} rows/s over ${formatNumber(s.seconds)} s · model ${code(s.model.source)} (${s.model.task})`,
    '',
    table(
      ['Data', 'Output', 'Rows', 'Predicted', 'Rejected', 'Rejects file'],
      s.files.map((f) => [code(f.data), code(f.out), f.rows, f.predicted, f.rejected, f.rejected > 0 ? code(f.rejects) : '']),
      ['l', 'l', 'r', 'r', 'r', 'l'],
    ),
  ];
  if (s.files.length > 1) lines.push('', `Total: ${formatNumber(s.rows)} rows, ${formatNumber(s.predicted)} predicted, ${formatNumber(s.rejected)} rejected.`);
  const reasons = Object.entries(s.reject_reasons);
  if (reasons.length > 0) {
    lines.push(
      '',
      '#### Rejected rows by reason',
      '',
      table(
        ['Column: reason', 'Rows'],
        reasons.map(([k, n]) => [k, n]),
        ['l', 'r'],
      ),
    );
  }
  const imputed = Object.entries(s.imputed);
  if (imputed.length > 0) {
    lines.push(
      '',
      '#### Missing values the model imputed',
      '',
      table(
        ['Feature', 'Rows'],
        imputed.map(([k, n]) => [code(k), n]),
        ['l', 'r'],
      ),
    );
  }
  return lines.join('\n') + '\n';
}
