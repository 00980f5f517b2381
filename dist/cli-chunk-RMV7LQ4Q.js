import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/report/mermaid.ts
var num = (v) => String(Number(v.toPrecision(4)));
function xyChart(options) {
  const label = (s) => `"${s.replace(/"/g, "'").replace(/[\r\n]+/g, " ")}"`;
  const value = (v) => v === null || !Number.isFinite(v) ? "0" : num(v);
  const finite = options.series.flatMap((s) => s.values).filter((v) => v !== null && Number.isFinite(v));
  const [lo, hi] = options.yRange ?? [Math.min(0, ...finite), Math.max(0, ...finite)];
  const top = hi > lo ? hi : lo + 1;
  const x = options.xRange ? `  x-axis ${label(options.xTitle ?? "")} ${num(options.xRange[0])} --> ${num(options.xRange[1])}` : `  x-axis${options.xTitle ? ` ${label(options.xTitle)}` : ""} [${(options.xLabels ?? []).map(label).join(", ")}]`;
  const init = options.colors ? [`%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${options.colors.join(", ")}"}}}}%%`] : [];
  return [
    "```mermaid",
    ...init,
    "xychart-beta",
    `  title ${label(options.title)}`,
    x,
    `  y-axis ${label(options.yLabel)} ${num(lo)} --> ${num(top)}`,
    ...options.series.map((s) => `  ${s.kind} [${s.values.map(value).join(", ")}]`),
    "```"
  ].join("\n");
}

export {
  xyChart
};
