import type { CompareLogsResult } from './compare-logs.ts';
import { formatNumber, table } from '../report/markdown.ts';

const pct = (share: number | null | undefined) => (share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`);
const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v));

function modelLabel(m: CompareLogsResult['models'][number], mode: CompareLogsResult['mode']): string {
  if (m.role === 'shadow') return `shadow ${m.version}`;
  // A canary's rows all sit under role "primary" (the model that answered): name them by version alone.
  return mode === 'shadow' ? `primary ${m.version}` : `version ${m.version}`;
}

/** The A/B report: the same headings-and-tables form as the evaluate report, for a PR comment or job summary. */
export function compareLogsMarkdown(result: CompareLogsResult): string {
  const parts = [`## Production comparison (${result.mode})`, '', `${formatNumber(result.rows)} logged rows.`, ''];
  if (result.agreement)
    parts.push(
      `**Agreement** between primary and shadow: ${pct(result.agreement.rate)} (${formatNumber(result.agreement.agreeing)} of ${formatNumber(result.agreement.rows)} rows).`,
      '',
    );
  else parts.push('Each row was answered by one model (canary split), so agreement is not defined; compare the distributions and metrics.', '');

  parts.push('### Predictions by model', '');
  if (result.models.every((m) => m.numeric && m.distinct_values > 10)) {
    parts.push(
      table(
        ['model', 'rows', 'mean', 'min', 'max'],
        result.models.map((m) => [modelLabel(m, result.mode), m.rows, m.numeric!.mean, m.numeric!.min, m.numeric!.max]),
        ['l', 'r', 'r', 'r', 'r'],
      ),
      '',
    );
  } else {
    parts.push(valueShares(result), '');
  }

  if (result.labels) {
    const { matched_rows, unmatched_rows, key, target } = result.labels;
    parts.push(
      '### Metrics on labelled rows',
      '',
      `Labels joined on \`${key}\` (target \`${target}\`): ${formatNumber(matched_rows)} rows matched, ${formatNumber(unmatched_rows)} without a label.`,
      '',
    );
    const names = [...new Set(result.models.flatMap((m) => Object.keys(m.metrics ?? {})))];
    parts.push(
      table(
        ['model', 'labelled rows', ...names],
        result.models.map((m) => [modelLabel(m, result.mode), m.labelled_rows ?? 0, ...names.map((n) => num(m.metrics?.[n]))]),
        ['l', 'r', ...names.map(() => 'r' as const)],
      ),
      '',
    );
    const s = result.significance;
    if (s) {
      parts.push(
        `**McNemar's test** (shadow as candidate, ${formatNumber(s.rows)} paired rows, ${s.method}): shadow right where primary wrong ${s.candidateOnly}, ` +
          `primary right where shadow wrong ${s.championOnly}, p = ${num(s.pValue)}${s.pValue < 0.05 ? ' — the difference is significant at 5%.' : ' — no significant difference at 5%.'}`,
        '',
      );
    } else if (result.mode === 'canary') {
      parts.push('The canary versions scored different rows, so no paired test applies.', '');
    }
  }
  return parts.join('\n');
}

/** Share of rows per predicted value (the ten most frequent), one row per model. */
function valueShares(result: CompareLogsResult): string {
  const values = [...new Set(result.models.flatMap((m) => m.predictions.slice(0, 10).map((p) => p.value)))].slice(0, 10);
  return table(
    ['model', 'rows', ...values.map((v) => `= ${v}`)],
    result.models.map((m) => [modelLabel(m, result.mode), m.rows, ...values.map((v) => pct(m.predictions.find((p) => p.value === v)?.share ?? 0))]),
    ['l', 'r', ...values.map(() => 'r' as const)],
  );
}
