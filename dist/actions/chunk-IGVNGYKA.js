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

// src/stats/special.ts
var LANCZOS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
function lnGamma(x) {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
function gammaQ(a, x) {
  return Math.exp(lnGammaQ(a, x));
}
function lnGammaQ(a, x) {
  if (x <= 0) return 0;
  if (!Number.isFinite(x)) return -Infinity;
  const logPrefix = a * Math.log(x) - x - lnGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1e4; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return Math.log1p(-sum * Math.exp(logPrefix));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1e4; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return logPrefix + Math.log(h);
}
function chiSquareSf(x, k) {
  if (k <= 0) return NaN;
  return gammaQ(k / 2, x / 2);
}
function smirnovExactSf(d, m, n) {
  if (d <= 0) return 1;
  if (m > n) [m, n] = [n, m];
  const q = (0.5 + Math.floor(d * m * n - 1e-7)) / (m * n);
  const u = new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) u[j] = j / n > q ? 0 : 1;
  for (let i = 1; i <= m; i++) {
    const im = i / m;
    if (im > q) u[0] = 0;
    for (let j = 1; j <= n; j++) {
      u[j] = Math.abs(im - j / n) > q ? 0 : (u[j] * i + u[j - 1] * j) / (i + j);
    }
  }
  return Math.min(1, Math.max(0, 1 - u[n]));
}
function binomialCdf(k, n, p) {
  if (k < 0) return 0;
  if (k >= n) return 1;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const base = lnGamma(n + 1);
  let sum = 0;
  for (let i = 0; i <= k; i++) sum += Math.exp(base - lnGamma(i + 1) - lnGamma(n - i + 1) + i * lp + (n - i) * lq);
  return Math.min(1, sum);
}
function quantileSorted(sorted, q) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export {
  xyChart,
  lnGamma,
  lnGammaQ,
  chiSquareSf,
  smirnovExactSf,
  binomialCdf,
  quantileSorted
};
