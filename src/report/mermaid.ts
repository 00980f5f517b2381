export interface XySeries {
  kind: 'bar' | 'line';
  values: (number | null)[];
}

export interface XyChartOptions {
  title: string;
  /** Categories along x, one per value; or a numeric x range the values spread evenly over. */
  xLabels?: string[];
  xRange?: [number, number];
  xTitle?: string;
  yLabel: string;
  /** Defaults to 0 (or the lowest value, when negative) up to the highest value. */
  yRange?: [number, number];
  series: XySeries[];
  /** One colour per series, so a title can name them ("blue: candidate"): xychart has no legend. */
  colors?: string[];
}

/** Chart numbers as mermaid reads them: plain digits, no separators. */
const num = (v: number) => String(Number(v.toPrecision(4)));

/**
 * A mermaid `xychart-beta` block, which GitHub renders natively in comments and summaries.
 * Labels lose double quotes (they would end the mermaid string) and missing values plot as 0
 * because the chart grammar has no gaps. The y-axis starts at 0 unless told otherwise, so bar
 * heights compare honestly.
 */
export function xyChart(options: XyChartOptions): string {
  const label = (s: string) => `"${s.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')}"`;
  const value = (v: number | null) => (v === null || !Number.isFinite(v) ? '0' : num(v));
  const finite = options.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const [lo, hi] = options.yRange ?? [Math.min(0, ...finite), Math.max(0, ...finite)];
  const top = hi > lo ? hi : lo + 1;
  const x = options.xRange
    ? `  x-axis ${label(options.xTitle ?? '')} ${num(options.xRange[0])} --> ${num(options.xRange[1])}`
    : `  x-axis${options.xTitle ? ` ${label(options.xTitle)}` : ''} [${(options.xLabels ?? []).map(label).join(', ')}]`;
  const init = options.colors ? [`%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${options.colors.join(', ')}"}}}}%%`] : [];
  return [
    '```mermaid',
    ...init,
    'xychart-beta',
    `  title ${label(options.title)}`,
    x,
    `  y-axis ${label(options.yLabel)} ${num(lo)} --> ${num(top)}`,
    ...options.series.map((s) => `  ${s.kind} [${s.values.map(value).join(', ')}]`),
    '```',
  ].join('\n');
}
