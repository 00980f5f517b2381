import { formatNumber } from './markdown.ts';

export interface XySeries {
  kind: 'bar' | 'line';
  values: (number | null)[];
}

/**
 * A mermaid `xychart-beta` block, which GitHub renders natively in comments and summaries.
 * Labels lose double quotes (they would end the mermaid string) and missing values plot as 0
 * because the chart grammar has no gaps.
 */
export function xyChart(options: { title: string; xLabels: string[]; yLabel: string; yRange?: [number, number]; series: XySeries[] }): string {
  const label = (s: string) => `"${s.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')}"`;
  const value = (v: number | null) => (v === null || !Number.isFinite(v) ? '0' : String(Number(v.toPrecision(4))));
  const range = options.yRange ? ` ${formatNumber(options.yRange[0])} --> ${formatNumber(options.yRange[1])}` : '';
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${label(options.title)}`,
    `  x-axis [${options.xLabels.map(label).join(', ')}]`,
    `  y-axis ${label(options.yLabel)}${range}`,
    ...options.series.map((s) => `  ${s.kind} [${s.values.map(value).join(', ')}]`),
    '```',
  ].join('\n');
}
