import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  alertOnGitHub,
  modelNameInput,
  readAlertSettings,
  syncAlertIssue
} from "./chunk-6VVNTWTG.js";
import {
  chiSquareSf,
  lnGamma,
  lnGammaQ,
  smirnovExactSf,
  xyChart
} from "./chunk-IGVNGYKA.js";
import {
  isRegistryRef,
  resolveRegistryRef
} from "./chunk-JAEFTYJN.js";
import "./chunk-P3KYZO3W.js";
import "./chunk-OAHVFHKC.js";
import {
  parseConfigFile
} from "./chunk-ZYT4E5FZ.js";
import {
  ImportanceSchema
} from "./chunk-F2U3ZBUW.js";
import {
  FrequentItems,
  KllSketch,
  PROFILE_SCHEMA_VERSION,
  TDigest,
  TextProfiler,
  combineMoments,
  looksLikeText,
  mergeProfiles,
  parseProfile,
  profileFiles
} from "./chunk-H5C2A4B6.js";
import "./chunk-7NAD3LN6.js";
import {
  code,
  fitToLimit,
  formatNumber,
  formatP,
  table
} from "./chunk-MHD452QX.js";
import {
  external_exports
} from "./chunk-A7AIN4HT.js";
import {
  cellText,
  expandDataPaths,
  readBatches,
  readText,
  toNumber,
  writeJson,
  writeText
} from "./chunk-WY2OJ7ZN.js";
import {
  booleanInput,
  choiceInput,
  input,
  listInput,
  numberInput,
  optionalInput,
  repoRelative,
  runAction,
  uploadReport,
  writeOutputs
} from "./chunk-JQVGLAA4.js";
import {
  setFailed,
  summary
} from "./chunk-3WIH4RIN.js";
import "./chunk-I3FICYBY.js";
import {
  MlopsError,
  listPreview
} from "./chunk-5MKGLQLX.js";
import "./chunk-UFMD3KOA.js";

// actions/drift/main.ts
import { join } from "node:path";

// src/drift/check.ts
import { resolve as resolve2 } from "node:path";

// src/drift/methods.ts
var DRIFT_METHODS = [
  "ks",
  "wasserstein",
  "psi",
  "js",
  "chisquare",
  "chisquare_gof",
  "z",
  "fisher_exact",
  "g_test",
  "anderson",
  "cramer_von_mises",
  "mannwhitney",
  "energy",
  "hellinger",
  "tvd"
];
var METHOD_CHOICES = ["auto", ...DRIFT_METHODS];
var DEFAULT_THRESHOLDS = {
  ks: 0.05,
  chisquare: 0.05,
  chisquare_gof: 0.05,
  z: 0.05,
  fisher_exact: 0.1,
  g_test: 0.1,
  anderson: 0.1,
  cramer_von_mises: 0.1,
  mannwhitney: 0.05,
  wasserstein: 0.1,
  psi: 0.1,
  js: 0.1,
  energy: 0.1,
  hellinger: 0.1,
  tvd: 0.1
};
var P_VALUE_METHODS = /* @__PURE__ */ new Set([
  "ks",
  "chisquare",
  "chisquare_gof",
  "z",
  "fisher_exact",
  "g_test",
  "anderson",
  "cramer_von_mises",
  "mannwhitney"
]);
function isPValueMethod(method) {
  return P_VALUE_METHODS.has(method);
}
var SAMPLE_METHODS = /* @__PURE__ */ new Set(["anderson", "cramer_von_mises", "mannwhitney", "energy"]);
var AUTO_TEST_MAX_ROWS = 1e3;
var AUTO_FEW_VALUES = 5;
function columnKind(type) {
  if (type === "number" || type === "integer") return "numeric";
  if (type === "category" || type === "boolean") return "categorical";
  return "unsupported";
}
var CATEGORICAL_ONLY = /* @__PURE__ */ new Set(["chisquare", "chisquare_gof", "z", "fisher_exact", "g_test"]);
var NUMERIC_ONLY = /* @__PURE__ */ new Set(["ks", "wasserstein", "anderson", "cramer_von_mises", "mannwhitney", "energy"]);
function methodFits(method, kind, values = Infinity) {
  if (kind === "unsupported") return false;
  if (method === "z" || method === "fisher_exact") return kind === "categorical" && values === 2;
  if (CATEGORICAL_ONLY.has(method)) return kind === "categorical";
  if (NUMERIC_ONLY.has(method)) return kind === "numeric";
  return true;
}
function autoMethod(kind, referenceRows, values) {
  const few = kind === "categorical" || values <= AUTO_FEW_VALUES;
  const categoricalOnValues = kind === "numeric" && few;
  if (referenceRows <= AUTO_TEST_MAX_ROWS) {
    if (!few) return { method: "ks", categoricalOnValues };
    return { method: values > 2 ? "chisquare" : "z", categoricalOnValues };
  }
  return { method: few ? "js" : "wasserstein", categoricalOnValues };
}

// src/drift/html-report.ts
var CSS = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;margin:24px}
h1{font-size:20px;margin:0 0 8px}p{margin:4px 0 12px}table{border-collapse:collapse}
th,td{border-bottom:1px solid #d1d9e0;padding:4px 10px;text-align:right;white-space:nowrap}
th{cursor:pointer;user-select:none;background:#f6f8fa;position:sticky;top:0}th:after{content:" \u2195";color:#8c959f}
td:first-child,th:first-child,td.l{text-align:left}.drift{color:#cf222e;font-weight:600}.inconclusive{color:#9a6700;font-weight:600}
.ok{color:#1a7f37}svg{display:block}.r{fill:#8c959f}.c{fill:#0969da}small{color:#59636e}`;
var JS = `document.querySelectorAll('th').forEach(function(th,i){th.onclick=function(){var b=th.closest('table').tBodies[0],
d=th.dataset.d=th.dataset.d==='1'?'-1':'1',rows=[].slice.call(b.rows);rows.sort(function(x,y){var p=x.cells[i],q=y.cells[i],
a=p.dataset.v,c=q.dataset.v;return d*(a!==undefined&&c!==undefined?a-c:p.textContent.localeCompare(q.textContent))});
rows.forEach(function(r){b.appendChild(r)})}})`;
function driftHtml(result, options = {}) {
  const entries = Object.entries(result.columns);
  const inconclusive = result.inconclusive_columns ?? [];
  const verdict = result.dataset_drift ? "drift detected" : "no dataset drift";
  const title = `Data drift${options.model ? ` \u2014 ${options.model}` : ""}: ${verdict}`;
  const summary2 = `${result.drifted_columns.length} of ${entries.length} columns drifted` + (inconclusive.length ? `, ${inconclusive.length} inconclusive (${inconclusiveMeaning(result)})` : "") + `; ${result.weighting === "importance" ? "importance-weighted" : "weighted"} share ${formatNumber(result.share_drifted)}, the dataset drifts at \u2265 ${formatNumber(result.drift_share_threshold)}.`;
  const sides = `Reference ${options.reference ? `<code>${esc(options.reference)}</code>, ` : ""}${formatNumber(result.reference_rows)} rows; current ${options.current ? `<code>${esc(options.current)}</code>, ` : ""}${formatNumber(result.current_rows)} rows.`;
  const head = ["column", "type", "method", "statistic", "\xB1 bound", "threshold", "p-value", "decision", "importance", "weight", "reference vs current"];
  const rows = entries.map(([name, c]) => row(name, c, name === options.target));
  const skipped = Object.entries(result.skipped);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title><style>${CSS}</style></head><body><h1>${esc(title)}</h1><p>${esc(summary2)}<br>${sides}</p><table id="drift"><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>
${rows.join("\n")}
</tbody></table>` + (skipped.length ? `<p>Not compared: ${skipped.map(([n, r]) => `<code>${esc(n)}</code> (${esc(r)})`).join(", ")}.</p>` : "") + `<p><small>p-value tests drift when p &lt; threshold, distances when statistic \u2265 threshold. \xB1 bound: how far a sketched statistic can be from the raw data's (probability \u2265 1 \u2212 10\u207B\u2076); a decision the bound cannot settle is inconclusive. Bars: share per reference-decile bin or category, reference grey, current blue. Definitions: docs/drift.md.</small></p><script>${JS}</script></body></html>
`;
}
function inconclusiveMeaning(result) {
  if (result.inconclusive_policy === "drift") return "counted as drifted";
  if (result.inconclusive_policy === "no-drift") return "counted as not drifted";
  return "left out of the share";
}
function row(name, c, label) {
  const decision = c.inconclusive ? "inconclusive" : c.drifted ? "drift" : "ok";
  const bound = c.statistic_error_bound;
  const cells = [
    `<td><code>${esc(name)}</code>${label ? " (label)" : ""}</td>`,
    `<td class="l">${c.type}</td>`,
    `<td class="l">${c.method}</td>`,
    num(c.statistic),
    bound === void 0 || bound === null ? `<td data-v="-1" title="no proven bound (a t-digest profile, or truncated category counts)">\u2014</td>` : c.statistic_interval ? `<td data-v="${bound}" title="raw-data statistic in [${formatNumber(c.statistic_interval[0])}, ${formatNumber(c.statistic_interval[1])}]">${formatNumber(bound)}</td>` : num(bound),
    `<td data-v="${c.threshold}">${isPValueMethod(c.method) ? "p &lt; " : "\u2265 "}${formatNumber(c.threshold)}</td>`,
    c.p_value === void 0 ? `<td data-v="2">\u2014</td>` : `<td data-v="${c.p_value}">${formatP(c.p_value)}</td>`,
    `<td class="l ${decision}">${decision}</td>`,
    c.importance === void 0 ? `<td data-v="-1">\u2014</td>` : num(c.importance),
    num(c.weight),
    `<td class="l">${bars(c)}</td>`
  ];
  return `<tr>${cells.join("")}</tr>`;
}
function num(x) {
  return `<td data-v="${Number.isFinite(x) ? x : x > 0 ? 1e308 : -1e308}">${formatNumber(x)}</td>`;
}
var CHART_W = 200;
var CHART_H = 36;
function bars(c) {
  const { labels, reference, current } = c.shares;
  const top = Math.max(1e-12, ...reference, ...current);
  const slot = CHART_W / labels.length;
  const w = Math.max(1, slot / 2 - 1);
  const path = (shares, offset) => shares.map((s, i) => {
    const h = Math.max(s > 0 ? 1 : 0, Math.round(s / top * CHART_H * 10) / 10);
    return h > 0 ? `M${r1(i * slot + offset)} ${r1(CHART_H - h)}h${r1(w)}v${h}h${r1(-w)}z` : "";
  }).join("");
  const tip = labels.map((l, i) => `${l}: ${formatNumber(reference[i])} \u2192 ${formatNumber(current[i])}`).join("\n");
  return `<svg width="${CHART_W}" height="${CHART_H}" viewBox="0 0 ${CHART_W} ${CHART_H}" role="img"><title>${esc(tip)}</title><path class="r" d="${path(reference, 0)}"/><path class="c" d="${path(current, w)}"/></svg>`;
}
function r1(x) {
  return Math.round(x * 10) / 10;
}
function esc(text) {
  return text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]);
}

// src/drift/report.ts
var METHOD_LABEL = {
  ks: "Kolmogorov\u2013Smirnov",
  chisquare: "chi-square",
  wasserstein: "Wasserstein (norm.)",
  psi: "PSI",
  js: "Jensen\u2013Shannon",
  chisquare_gof: "chi-square (goodness of fit)",
  z: "z-test (proportions)",
  fisher_exact: "Fisher exact",
  g_test: "G-test",
  anderson: "Anderson\u2013Darling",
  cramer_von_mises: "Cram\xE9r\u2013von Mises",
  mannwhitney: "Mann\u2013Whitney U",
  energy: "energy distance",
  hellinger: "Hellinger",
  tvd: "total variation"
};
var DISTRIBUTION_CHARTS = 3;
var BAR_COLOR = "#1f77b4";
var LINE_COLOR = "#424242";
function driftMarkdown(result, options = {}) {
  const entries = Object.entries(result.columns);
  const drifted = entries.filter(([, c]) => c.drifted);
  const verdict = result.dataset_drift ? "\u26A0\uFE0F drift detected" : "\u2705 no dataset drift";
  const lines = [`## ${options.title ?? "Data drift"}${options.model ? ` \u2014 ${options.model}` : ""}: ${verdict}`, ""];
  const undecided = result.inconclusive_columns ?? [];
  lines.push(
    `${drifted.length} of ${entries.length} columns drifted${undecided.length ? `, ${undecided.length} inconclusive (the sketches' error bound straddles the threshold: ${undecided.map(code).join(", ")}; ${result.inconclusive_policy === "exclude" ? "left out of the share" : `counted as ${result.inconclusive_policy}`})` : ""} (${result.weighting === "importance" ? "importance-" : ""}weighted share ${formatNumber(result.share_drifted)}; the dataset drifts at \u2265 ${formatNumber(result.drift_share_threshold)}). Reference ${options.reference ? code(options.reference) + ", " : ""}${formatNumber(result.reference_rows)} rows; current ${options.current ? code(options.current) + ", " : ""}${formatNumber(result.current_rows)} rows.`,
    ""
  );
  if (result.prediction_drift) {
    const p = result.prediction_drift;
    lines.push(
      `**Prediction drift** (${code(p.column)}): ${p.drifted ? "\u26A0\uFE0F yes" : "no"} \u2014 ${METHOD_LABEL[p.method]} ${formatNumber(p.statistic)}${p.p_value !== void 0 ? `, p = ${formatP(p.p_value)}` : ""}.`,
      ""
    );
  }
  const label = options.target !== void 0 ? result.columns[options.target] : void 0;
  if (label) {
    lines.push(
      `**Label drift** (${code(options.target)}): ${label.drifted ? "\u26A0\uFE0F yes" : "no"} \u2014 ${METHOD_LABEL[label.method]} ${formatNumber(label.statistic)}${label.p_value !== void 0 ? `, p = ${formatP(label.p_value)}` : ""}.`,
      ""
    );
  }
  const pValues = entries.some(([, c]) => c.p_value !== void 0);
  const importance = entries.some(([, c]) => c.importance !== void 0);
  lines.push(
    table(
      ["column", "type", "method", "statistic", ...pValues ? ["p-value"] : [], "threshold", "drift", ...importance ? ["importance"] : [], "notes"],
      sortByDrift(entries).map(([name, c]) => [
        name === options.target ? `${code(name)} (label)` : code(name),
        c.type,
        METHOD_LABEL[c.method],
        formatNumber(c.statistic),
        ...pValues ? [c.p_value === void 0 ? "\u2014" : formatP(c.p_value)] : [],
        `${isPValueMethod(c.method) ? "p <" : "\u2265"} ${formatNumber(c.threshold)}`,
        c.inconclusive ? "\u2754 inconclusive" : c.drifted ? name === options.target ? "\u26A0\uFE0F label drift" : "\u26A0\uFE0F drift" : "ok",
        ...importance ? [c.importance === void 0 ? "\u2014" : formatNumber(c.importance)] : [],
        notes(c)
      ]),
      ["l", "l", "l", "r", ...pValues ? ["r"] : [], "r", "l", ...importance ? ["r"] : [], "l"]
    ),
    ""
  );
  for (const chart2 of statisticCharts(entries)) lines.push(chart2, "");
  for (const [name, c] of sortByDrift(drifted).slice(0, DISTRIBUTION_CHARTS)) lines.push(distributionChart(name, c), "");
  const skipped = Object.entries(result.skipped);
  if (skipped.length > 0) lines.push(`Not compared: ${skipped.map(([n, r]) => `${code(n)} (${r})`).join(", ")}.`, "");
  lines.push("<sub>p-value tests drift when p < threshold; distances when statistic \u2265 threshold. Method definitions: docs/drift.md.</sub>");
  return fitToLimit(lines.join("\n") + "\n");
}
function sortByDrift(entries) {
  return [...entries].sort((a, b) => severity(b[1]) - severity(a[1]) || (a[0] < b[0] ? -1 : 1));
}
function severity(c) {
  if (isPValueMethod(c.method)) return c.threshold / Math.max(c.p_value ?? 1, 1e-300);
  return c.statistic / c.threshold;
}
function notes(c) {
  const out = [];
  if (c.new_categories && c.new_categories.length > 0) out.push(`new: ${c.new_categories.slice(0, 5).join(", ")}${c.new_categories.length > 5 ? ", \u2026" : ""}`);
  if (c.missing_categories && c.missing_categories.length > 0)
    out.push(`missing: ${c.missing_categories.slice(0, 5).join(", ")}${c.missing_categories.length > 5 ? ", \u2026" : ""}`);
  if (c.wasserstein_raw !== void 0) out.push(`W\u2081 ${formatNumber(c.wasserstein_raw)}`);
  if (Math.abs(c.current_null_share - c.reference_null_share) >= 0.01) out.push(`nulls ${pct(c.reference_null_share)} \u2192 ${pct(c.current_null_share)}`);
  if (!c.exact) out.push(c.statistic_error_bound ? `sketch \xB1 ${formatNumber(c.statistic_error_bound)}` : "sketch");
  return out.join("; ");
}
function pct(x) {
  return `${formatNumber(100 * x)}%`;
}
function statisticCharts(entries) {
  const byMethod = /* @__PURE__ */ new Map();
  for (const e of entries) byMethod.set(e[1].method, [...byMethod.get(e[1].method) ?? [], e]);
  return [...byMethod].map(([method, cols]) => {
    const pValue = isPValueMethod(method);
    const values = cols.map(([, c]) => pValue ? c.p_value : c.statistic);
    const title = pValue ? `${METHOD_LABEL[method]} p-value vs \u03B1 (drift below the line)` : `${METHOD_LABEL[method]} vs threshold (drift above the line)`;
    return chart(
      title,
      pValue ? "p-value" : "statistic",
      cols.map(([n]) => n),
      values,
      cols.map(([, c]) => c.threshold)
    );
  });
}
function distributionChart(name, c) {
  const s = c.shares;
  const per = c.type === "number" || c.type === "integer" ? "reference-decile bin" : "category";
  return chart(`${name}: reference (bars) vs current (line), share per ${per}`, "share", s.labels, s.reference, s.current);
}
function chart(title, yLabel, labels, bars2, line) {
  const top = Math.max(0, ...[...bars2, ...line].filter(Number.isFinite));
  const clip2 = (x) => Number.isFinite(x) ? x : top * 1.5 || 1;
  return xyChart({
    title,
    xLabels: labels,
    yLabel,
    series: [
      { kind: "bar", values: bars2.map(clip2) },
      { kind: "line", values: line.map(clip2) }
    ],
    colors: [BAR_COLOR, LINE_COLOR]
  });
}

// src/drift/bins.ts
var DEFAULT_BINS = 10;
function quantileEdges(reference, bins = DEFAULT_BINS) {
  const edges = [];
  for (let i = 1; i < bins; i++) {
    const e = reference.quantile(i / bins);
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  if (edges.length > 0 && edges[edges.length - 1] >= reference.quantile(1)) edges.pop();
  return edges;
}
function binProportions(dist, edges) {
  const out = [];
  let prev = 0;
  for (const e of edges) {
    const c = dist.cdf(e);
    out.push(Math.max(0, c - prev));
    prev = Math.max(prev, c);
  }
  out.push(Math.max(0, 1 - prev));
  return out;
}

// src/stats/normal.ts
function lnTwoSidedNormalSf(z) {
  if (!Number.isFinite(z)) return Number.isNaN(z) ? NaN : -Infinity;
  return lnGammaQ(0.5, z * z / 2);
}
function fromLn(lnP) {
  const ln = Math.min(0, lnP);
  return { p_value: Math.exp(ln), log10_p_value: ln / Math.LN10 };
}

// src/stats/contingency.ts
function chi2Contingency(reference, current, lambda = "pearson", correction = true) {
  const cols = [];
  for (let i = 0; i < reference.length; i++) if (reference[i] + current[i] > 0) cols.push([reference[i], current[i]]);
  const r0 = cols.reduce((s, c) => s + c[0], 0);
  const r12 = cols.reduce((s, c) => s + c[1], 0);
  const total = r0 + r12;
  const dof = cols.length - 1;
  if (dof < 1 || r0 === 0 || r12 === 0) return { statistic: 0, p_value: 1, log10_p_value: 0, dof: Math.max(0, dof) };
  let statistic = 0;
  for (const [a, b] of cols) {
    const colSum = a + b;
    for (const [o0, rowSum] of [
      [a, r0],
      [b, r12]
    ]) {
      const e = rowSum * colSum / total;
      let o = o0;
      if (dof === 1 && correction) o += Math.sign(e - o) * Math.min(0.5, Math.abs(e - o));
      statistic += lambda === "pearson" ? (o - e) * (o - e) / e : o > 0 ? 2 * o * Math.log(o / e) : 0;
    }
  }
  return { statistic, ...fromLn(lnGammaQ(dof / 2, statistic / 2)), dof };
}
function fisherExact(a, b, c, d) {
  const odds = b * c === 0 ? a * d === 0 ? NaN : Infinity : a * d / (b * c);
  if (a + c === 0 || b + d === 0 || a + b === 0 || c + d === 0) return { statistic: odds, p_value: 1, log10_p_value: 0 };
  const n1 = a + c;
  const n2 = b + d;
  const n = a + b;
  const lo = Math.max(0, n - n2);
  const hi = Math.min(n, n1);
  const lr = new Float64Array(hi - lo + 1);
  for (let x = lo; x < hi; x++) lr[x - lo + 1] = lr[x - lo] + Math.log((n1 - x) * (n - x) / ((x + 1) * (n2 - n + x + 1)));
  let top = -Infinity;
  for (let i = 0; i < lr.length; i++) if (lr[i] > top) top = lr[i];
  const observed = lr[a - lo];
  if (Math.abs(Math.exp(observed - top) - 1) <= 1e-14) return { statistic: odds, p_value: 1, log10_p_value: 0 };
  const cut = observed + Math.log1p(1e-14);
  let all = 0;
  let tailTop = -Infinity;
  for (let i = 0; i < lr.length; i++) if (lr[i] <= cut && lr[i] > tailTop) tailTop = lr[i];
  let tail = 0;
  for (let i = 0; i < lr.length; i++) {
    all += Math.exp(lr[i] - top);
    if (lr[i] <= cut) tail += Math.exp(lr[i] - tailTop);
  }
  return { statistic: odds, ...fromLn(tailTop + Math.log(tail) - top - Math.log(all)) };
}
function proportionsZTest(k1, n1, k2, n2) {
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const P = (k1 + k2) / (n1 + n2);
  if (P === 0 || P === 1) return { statistic: 0, p_value: 1, log10_p_value: 0 };
  const z = (p1 - p2) / Math.sqrt(P * (1 - P) * (1 / n1 + 1 / n2));
  return { statistic: z, ...fromLn(lnTwoSidedNormalSf(z)) };
}
function hellingerDistance(p, q) {
  const sp = p.reduce((s, x) => s + x, 0);
  const sq = q.reduce((s, x) => s + x, 0);
  let bc = 0;
  for (let i = 0; i < p.length; i++) bc += Math.sqrt(p[i] / sp * (q[i] / sq));
  return Math.sqrt(1 - Math.min(1, Math.max(0, bc)));
}
function totalVariation(p, q) {
  const sp = p.reduce((s, x) => s + x, 0);
  const sq = q.reduce((s, x) => s + x, 0);
  let t = 0;
  for (let i = 0; i < p.length; i++) t += Math.abs(p[i] / sp - q[i] / sq);
  return t / 2;
}

// src/drift/jensen-shannon.ts
function jensenShannonDistance(p, q, base = Math.E) {
  const sp = p.reduce((s, x) => s + x, 0);
  const sq = q.reduce((s, x) => s + x, 0);
  if (sp === 0 || sq === 0) return NaN;
  let js = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] / sp;
    const b = q[i] / sq;
    const m = (a + b) / 2;
    if (a > 0) js += a * Math.log(a / m);
    if (b > 0) js += b * Math.log(b / m);
  }
  return Math.sqrt(Math.max(0, js / 2 / Math.log(base)));
}

// src/drift/distribution.ts
var ExactDistribution = class _ExactDistribution {
  constructor(values, counts) {
    this.values = values;
    this.cumulative = new Float64Array(values.length);
    let total = 0;
    let sum = 0;
    for (let i = 0; i < values.length; i++) {
      total += counts[i];
      sum += counts[i] * values[i];
      this.cumulative[i] = total;
    }
    this.n = total;
    const mean = sum / total;
    let m2 = 0;
    for (let i = 0; i < values.length; i++) m2 += counts[i] * (values[i] - mean) ** 2;
    this.std = total > 0 ? Math.sqrt(m2 / total) : 0;
  }
  values;
  exact = true;
  n;
  std;
  /** cumulative[i] = number of values ≤ values[i]. */
  cumulative;
  static fromSample(sample) {
    const sorted = Float64Array.from(sample).sort();
    const values = [];
    const counts = [];
    for (let i = 0; i < sorted.length; i++) {
      if (values.length > 0 && values[values.length - 1] === sorted[i]) counts[counts.length - 1]++;
      else {
        values.push(sorted[i]);
        counts.push(1);
      }
    }
    return new _ExactDistribution(Float64Array.from(values), Float64Array.from(counts));
  }
  static fromCounts(pairs) {
    const merged = /* @__PURE__ */ new Map();
    for (const [v, c] of pairs) merged.set(v, (merged.get(v) ?? 0) + c);
    const values = Float64Array.from(merged.keys()).sort();
    return new _ExactDistribution(
      values,
      Float64Array.from(values, (v) => merged.get(v))
    );
  }
  knots() {
    return this.values;
  }
  /** Every value with its multiplicity, sorted: the raw sample the counts stand for. */
  sortedSample() {
    const out = new Float64Array(this.n);
    let k = 0;
    for (let i = 0; i < this.values.length; i++) {
      const end = this.cumulative[i];
      while (k < end) out[k++] = this.values[i];
    }
    return out;
  }
  /** From values already sorted ascending (the exact path's one sort), counting ties in one pass. */
  static fromSorted(sorted) {
    let distinct = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    const values = new Float64Array(distinct);
    const counts = new Float64Array(distinct);
    let k = -1;
    for (let i = 0; i < sorted.length; i++) {
      if (i === 0 || sorted[i] !== sorted[i - 1]) values[++k] = sorted[i];
      counts[k]++;
    }
    return new _ExactDistribution(values, counts);
  }
  cdf(x) {
    const i = upperBound(this.values, x);
    return i === 0 ? 0 : this.cumulative[i - 1] / this.n;
  }
  cdfBefore(x) {
    const i = lowerBound(this.values, x);
    return i === 0 ? 0 : this.cumulative[i - 1] / this.n;
  }
  quantile(q) {
    const target = q * this.n;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (c[mid] >= target - 1e-9 * this.n) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }
};
var SketchDistribution = class {
  constructor(digest, n, std) {
    this.digest = digest;
    this.n = n;
    this.std = std;
  }
  digest;
  n;
  std;
  exact = false;
  knotCache = null;
  knots() {
    if (this.knotCache === null) {
      const state = this.digest.toState();
      const points = [state.min, ...state.centroids.map((c) => c[0]), state.max];
      this.knotCache = Float64Array.from(new Set(points)).sort();
    }
    return this.knotCache;
  }
  cdf(x) {
    return this.digest.cdf(x);
  }
  cdfBefore(x) {
    return this.digest.cdf(x);
  }
  quantile(q) {
    return this.digest.quantile(q);
  }
};
function numericDistribution(column, useSample = true) {
  const state = column.state;
  if (!state.all_numeric || !state.moments || !state.sketch || state.moments.n === 0) return null;
  if (state.frequent.error === 0 && state.hll === null) {
    return ExactDistribution.fromCounts(state.frequent.items.map(([k, c]) => [Number(k), c]));
  }
  if (useSample && state.sample) return new ExactDistribution(Float64Array.from(state.sample.values), Float64Array.from(state.sample.counts));
  const { n, m2 } = state.moments;
  if (state.kll) return new KllDistribution(state.kll, n, Math.sqrt(m2 / n));
  return new SketchDistribution(TDigest.fromState(state.sketch), n, Math.sqrt(m2 / n));
}
var OTHER_CATEGORY = "(other)";
function categoricalDistribution(column) {
  const frequent = FrequentItems.fromState(column.state.frequent);
  const n = column.count - column.nulls;
  const counts = new Map(frequent.counts);
  const named = [...counts.values()].reduce((s, c) => s + c, 0);
  if (named < n) counts.set(OTHER_CATEGORY, (counts.get(OTHER_CATEGORY) ?? 0) + n - named);
  return { counts, n, exact: frequent.exact };
}
function upperBound(a, x) {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function lowerBound(a, x) {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// src/drift/kll-distribution.ts
var ERROR_BOUND_DELTA = 1e-6;
var KllDistribution = class {
  constructor(state, n, std) {
    this.n = n;
    this.std = std;
    const sketch = KllSketch.fromState(state);
    const { values, weights } = sketch.weightedValues();
    this.steps = new ExactDistribution(values, weights);
    this.rankError = sketch.rankErrorBound(ERROR_BOUND_DELTA / 2);
    this.min = sketch.min;
    this.max = sketch.max;
  }
  n;
  std;
  exact = false;
  rankError;
  min;
  max;
  steps;
  knots() {
    return this.steps.knots();
  }
  cdf(x) {
    return this.steps.cdf(x);
  }
  cdfBefore(x) {
    return this.steps.cdfBefore(x);
  }
  quantile(q) {
    return this.steps.quantile(q);
  }
};
function rankErrorOf(dist) {
  if (dist instanceof KllDistribution) return dist.rankError;
  return dist.exact ? 0 : null;
}

// src/stats/kstwo.ts
var SQRT2PI = Math.sqrt(2 * Math.PI);
var LOG_2PI = Math.log(2 * Math.PI);
var PI2 = Math.PI ** 2;
var PI4 = Math.PI ** 4;
var PI6 = Math.PI ** 6;
var E128 = 128;
var EP128 = 2 ** 128;
var EM128 = 2 ** -128;
var MIN_LOG = -708;
var CEPHES_MINLOG = -745.1332191019412;
var STIRLING = [
  -0.029550653594771242,
  0.00641025641025641,
  -0.0019175269175269176,
  8417508417508417e-19,
  -5952380952380953e-19,
  7936507936507937e-19,
  -0.002777777777777778,
  0.08333333333333333
];
var clip = (p) => Math.min(1, Math.max(0, p));
function polyval(coeffs, x) {
  let y = 0;
  for (const c of coeffs) y = y * x + c;
  return y;
}
function logNFactorialDivNPowN(n) {
  const rn = 1 / n;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * polyval(STIRLING, rn / n);
}
function logSmirnovSf(n, x) {
  if (x <= 0) return 0;
  if (x >= 1) return -Infinity;
  if (n === 1) return Math.log(x);
  const nx = n * x;
  let nxfl = Math.floor(nx);
  let alpha = nx - nxfl;
  if (alpha === 1) {
    nxfl += 1;
    alpha = 0;
  }
  let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
  if (alpha === 0) n1mxfl -= 1;
  if (nxfl === 0 || nxfl === 1 && alpha === 0) return Math.log1p(-x * Math.pow(1 + x, n - 1));
  if (nxfl >= n - 1) return n * Math.log1p(-x);
  if (n > 1e6) return -Math.pow(6 * n * x + 1, 2) / 18 / n;
  const nTerms = n1mxfl + 1;
  let logC = 0;
  const logTerm = (v) => logC + (n - v) * Math.log((n - v) / n - x) + (v - 1) * Math.log(v / n + x);
  let top = logTerm(0);
  let sum = 1;
  logC += Math.log(n);
  for (let j = 1; j < nTerms; j++) {
    const lt = logTerm(j);
    let t;
    if (lt > top) {
      sum = sum * Math.exp(top - lt) + 1;
      top = lt;
      t = 1;
    } else {
      t = Math.exp(lt - top);
      sum += t;
    }
    if (t !== 0 && 4 * (nTerms - j) * t < Number.EPSILON * sum && j !== nTerms - 1) break;
    if (t === 0 && j > n / 2) break;
    logC += Math.log((n - j) / (j + 1));
  }
  return Math.log(x) + top + Math.log(sum);
}
function smirnovSf(n, x) {
  if (-2 * n * x * x < CEPHES_MINLOG) return 0;
  return clip(Math.exp(logSmirnovSf(n, x)));
}
function kolmognDurbin(n, d) {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  let H = new Float64Array(m * m);
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  for (let i = 1; i < m; i++) for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - (i - 1)];
  for (let r = 0; r < m; r++) H[r * m] = v[r];
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c];
  let P = new Float64Array(m * m);
  for (let i = 0; i < m; i++) P[i * m + i] = 1;
  let nn = n;
  let expnt = 0;
  let hExpnt = 0;
  while (nn > 0) {
    if (nn % 2) {
      P = matmul(P, H, m);
      expnt += hExpnt;
    }
    H = matmul(H, H, m);
    hExpnt *= 2;
    if (Math.abs(H[(k - 1) * m + (k - 1)]) > EP128) {
      for (let i = 0; i < H.length; i++) H[i] /= EP128;
      hExpnt += E128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = P[(k - 1) * m + (k - 1)];
  for (let i = 1; i <= n; i++) {
    p = i * p / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      expnt -= E128;
    }
  }
  return clip(expnt !== 0 ? p * 2 ** expnt : p);
}
function matmul(a, b, m) {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const x = a[i * m + l];
      if (x === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] += x * b[l * m + j];
    }
  }
  return out;
}
function pomeranzJ1J2(i, n, ll, ceilf, roundf) {
  let j1;
  let j2;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    const ip1mod2 = (i + 1) % 2;
    if (ip1mod2 === 0) {
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
function kolmognPomeranz(n, x) {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = twogpower[0] = onem2gpower[0] = 1;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = gpower[m - 1] * (g / n) / m;
    twogpower[m] = twogpower[m - 1] * (2 * g / n) / m;
    onem2gpower[m] = onem2gpower[m - 1] * ((1 - 2 * g) / n) / m;
  }
  let V0 = new Float64Array(npwrs);
  let V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  let expnt = 0;
  let [j1, j2] = pomeranzJ1J2(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0s, V1s] = [V1s, V0s];
    V1.fill(0);
    [j1, j2] = pomeranzJ1J2(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      const start = j1 - k1;
      const len = j2 - j1 + 1;
      let max = 0;
      for (let c = start; c < start + len; c++) {
        let s = 0;
        for (let a = Math.max(0, c - ln2 + 1); a <= Math.min(c, ln2 - 1); a++) s += V0[k1 - V0s + a] * pwrs[c - a];
        V1[c - start] = s;
        if (s > max) max = s;
      }
      if (max > 0 && max < EM128) {
        for (let c = 0; c < len; c++) V1[c] *= EP128;
        expnt -= E128;
      }
      V1s = V0s + j1 - k1;
    }
  }
  let ans = V1[n - V1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128;
      expnt += E128;
    }
    ans *= m;
  }
  return clip(expnt !== 0 ? ans * 2 ** expnt : ans);
}
function kolmognPelzGood(n, x, cdf) {
  if (x <= 0) return cdf ? 0 : 1;
  if (x >= 1) return cdf ? 1 : 0;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z3 = z2 * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const qlog = -PI2 / 8 / z2;
  if (qlog < MIN_LOG) return cdf ? 0 : 1;
  let q = Math.exp(qlog);
  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = (2 * z4 - 5 * z2) * PI2 / 4;
  const k2c = PI4 * (1 - 2 * z2) / 16;
  const k3d = PI6 * (5 - 30 * z2) / 64;
  const k3c = PI4 * (-60 * z2 + 212 * z4) / 16;
  const k3b = PI2 * (135 * z4 - 96 * z6) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil(16 * z / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const qpower = Math.pow(q, 8 * k);
    const coeffs = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) K[i] = K[i] * qpower + coeffs[i];
  }
  const div = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = K[i] * q * SQRT2PI / div[i];
  q = Math.exp(-PI2 / 2 / z2);
  let k2extra = 0;
  let k3extra = 0;
  const sqrt3z = Math.sqrt(3) * z;
  for (let k = maxk; k > 0; k--) {
    const k2 = k * k;
    const qp = Math.pow(q, k2);
    k2extra += k2 * qp;
    const kspi = Math.PI * k;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * k2 * qp;
  }
  K[2] += k2extra * (PI2 * SQRT2PI / (-36 * z3));
  K[3] += k3extra * (PI2 * SQRT2PI / (216 * z6));
  for (let i = 0; i < 4; i++) K[i] /= Math.pow(n, i / 2);
  if (!cdf) {
    for (let i = 0; i < 4; i++) K[i] = -K[i];
    K[0] += 1;
  }
  return K[0] + K[1] + K[2] + K[3];
}
function kstwoSf(n, x) {
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let prob;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
    return clip(1 - prob);
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n);
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));
  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 0.754693) return clip(1 - kolmognDurbin(n, x));
    if (nx2 <= 4) return clip(1 - kolmognPomeranz(n, x));
    return clip(2 * smirnovSf(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip(2 * smirnovSf(n, x));
  const cdf = n <= 1e5 && n * x ** 1.5 <= 1.4 ? kolmognDurbin(n, x) : kolmognPelzGood(n, x, true);
  return clip(1 - cdf);
}
function kstwoLog10Sf(n, x) {
  const p = kstwoSf(n, x);
  if (p > 1e-300) return Math.log10(p);
  if (x >= 1) return -Infinity;
  return (Math.LN2 + logSmirnovSf(n, x)) / Math.LN10;
}

// src/stats/two-sample.ts
var KS_EXACT_MAX_N = 1e4;
function ks2samp(a, b, mode = "auto") {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let dPlus = 0;
  let dMinus = 0;
  while (i < n1 || j < n2) {
    const x = j >= n2 || i < n1 && a[i] <= b[j] ? a[i] : b[j];
    while (i < n1 && a[i] === x) i++;
    while (j < n2 && b[j] === x) j++;
    const diff = i / n1 - j / n2;
    if (diff > dPlus) dPlus = diff;
    if (-diff > dMinus) dMinus = -diff;
  }
  return ksPValueOf(Math.max(dPlus, dMinus), n1, n2, mode);
}
function ksPValueOf(d, n1, n2, mode = "auto") {
  const useExact = mode === "exact" || mode === "auto" && Math.max(n1, n2) <= KS_EXACT_MAX_N;
  if (useExact) {
    const g = gcd(n1, n2);
    const lcm = n1 / g * n2;
    const h = Math.round(d * lcm);
    const dl = h / lcm;
    if (h === 0) return { statistic: dl, p_value: 1, log10_p_value: 0, p_value_method: "exact" };
    const p = n1 === n2 ? probOutsideSquare(n1, h) : smirnovExactSf(dl, n1, n2);
    if (p >= 0 && p <= 1) return { statistic: dl, p_value: p, log10_p_value: Math.log10(p), p_value_method: "exact" };
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const en = roundHalfEven(m * n / (m + n));
  return { statistic: d, p_value: kstwoSf(en, d), log10_p_value: kstwoLog10Sf(en, d), p_value_method: "asymptotic" };
}
function probOutsideSquare(n, h) {
  let P = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
    P = p1 * (1 - P);
  }
  return 2 * P;
}
function gcd(a, b) {
  while (b) [a, b] = [b, a % b];
  return a;
}
function roundHalfEven(x) {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
function cdfDistance(a, b, p) {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let total = 0;
  let prev = NaN;
  let diff = 0;
  while (i < n1 || j < n2) {
    const x = j >= n2 || i < n1 && a[i] <= b[j] ? a[i] : b[j];
    if (!Number.isNaN(prev)) total += (p === 1 ? Math.abs(diff) : diff * diff) * (x - prev);
    while (i < n1 && a[i] === x) i++;
    while (j < n2 && b[j] === x) j++;
    diff = i / n1 - j / n2;
    prev = x;
  }
  return total;
}
function wassersteinSorted(a, b) {
  return cdfDistance(a, b, 1);
}
function energyDistance(a, b) {
  return Math.SQRT2 * Math.sqrt(cdfDistance(a, b, 2));
}
function stdPopulation(a) {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i];
  const mean = sum / a.length;
  let m2 = 0;
  for (let i = 0; i < a.length; i++) m2 += (a[i] - mean) ** 2;
  return Math.sqrt(m2 / a.length);
}
function* pooledGroups(a, b) {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || i < a.length && a[i] <= b[j] ? a[i] : b[j];
    const i0 = i;
    const j0 = j;
    while (i < a.length && a[i] === x) i++;
    while (j < b.length && b[j] === x) j++;
    yield [x, i - i0, j - j0];
  }
}
var AD_B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
var AD_B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
var AD_B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];
var AD_SIG = [0.25, 0.1, 0.05, 0.025, 0.01, 5e-3, 1e-3];
function andersonKsamp(a, b) {
  const n = [a.length, b.length];
  const N = n[0] + n[1];
  const k = 2;
  let A2kN = 0;
  const inner = [0, 0];
  let below = 0;
  const M = [0, 0];
  let distinct = 0;
  for (const [, ca, cb] of pooledGroups(a, b)) {
    distinct++;
    const lj = ca + cb;
    const Bj = below + lj / 2;
    const counts = [ca, cb];
    for (let s = 0; s < 2; s++) {
      const Mij = M[s] + counts[s] - counts[s] / 2;
      inner[s] += lj / N * (N * Mij - Bj * n[s]) ** 2 / (Bj * (N - Bj) - N * lj / 4);
      M[s] += counts[s];
    }
    below += lj;
  }
  if (distinct < 2) throw new RangeError("anderson_ksamp needs more than one distinct observation");
  A2kN = (inner[0] / n[0] + inner[1] / n[1]) * ((N - 1) / N);
  const H = 1 / n[0] + 1 / n[1];
  let cs = 0;
  let g = 0;
  for (let i = 0, v = N - 1; v > 1; v--, i++) {
    cs += 1 / v;
    g += cs / (i + 2);
  }
  const h = cs + 1;
  const a_ = (4 * g - 6) * (k - 1) + (10 - 6 * g) * H;
  const b_ = (2 * g - 4) * k ** 2 + 8 * h * k + (2 * g - 14 * h - 4) * H - 8 * h + 4 * g - 6;
  const c_ = (6 * h + 2 * g - 2) * k ** 2 + (4 * h - 4 * g + 6) * k + (2 * h - 6) * H + 4 * h;
  const d_ = (2 * h + 6) * k ** 2 - 4 * h * k;
  const sigmasq = (a_ * N ** 3 + b_ * N ** 2 + c_ * N + d_) / ((N - 1) * (N - 2) * (N - 3));
  const m = k - 1;
  const A2 = (A2kN - m) / Math.sqrt(sigmasq);
  const critical = AD_B0.map((b0, i) => b0 + AD_B1[i] / Math.sqrt(m) + AD_B2[i] / m);
  let p;
  let capped = true;
  if (A2 < Math.min(...critical)) p = 0.25;
  else if (A2 > Math.max(...critical)) p = 1e-3;
  else {
    const [c2, c1, c0] = polyfit2(critical, AD_SIG.map(Math.log));
    p = Math.exp((c2 * A2 + c1) * A2 + c0);
    capped = false;
  }
  return { statistic: A2, p_value: p, log10_p_value: Math.log10(p), capped };
}
function polyfit2(x, y) {
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const sx = Math.sqrt(x.reduce((s, v) => s + (v - mx) ** 2, 0) / x.length);
  const t = x.map((v) => (v - mx) / sx);
  const S = [0, 0, 0, 0, 0];
  const T = [0, 0, 0];
  for (let i = 0; i < t.length; i++) {
    let p = 1;
    for (let e = 0; e <= 4; e++) {
      S[e] += p;
      if (e <= 2) T[e] += p * y[i];
      p *= t[i];
    }
  }
  const A = [
    [S[0], S[1], S[2], T[0]],
    [S[1], S[2], S[3], T[1]],
    [S[2], S[3], S[4], T[2]]
  ];
  for (let c = 0; c < 3; c++) {
    let piv = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    [A[c], A[piv]] = [A[piv], A[c]];
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let k = c; k < 4; k++) A[r][k] -= f * A[c][k];
    }
  }
  const [q0, q1, q2] = [A[0][3] / A[0][0], A[1][3] / A[1][1], A[2][3] / A[2][2]];
  const c2 = q2 / (sx * sx);
  const c1 = q1 / sx - 2 * q2 * mx / (sx * sx);
  const c0 = q0 - q1 * mx / sx + q2 * mx * mx / (sx * sx);
  return [c2, c1, c0];
}
function cramerVonMises2samp(a, b) {
  const nx = a.length;
  const ny = b.length;
  let u = 0;
  let comp = 0;
  const add = (x) => {
    const t2 = u + x;
    comp += Math.abs(u) >= Math.abs(x) ? u - t2 + x : x - t2 + u;
    u = t2;
  };
  let rank = 0;
  let ia = 0;
  let ib = 0;
  for (const [, ca, cb] of pooledGroups(a, b)) {
    const avg = rank + (ca + cb + 1) / 2;
    for (let s = 0; s < ca; s++) add(nx * (avg - ++ia) ** 2);
    for (let s = 0; s < cb; s++) add(ny * (avg - ++ib) ** 2);
    rank += ca + cb;
  }
  u += comp;
  const k = nx * ny;
  const N = nx + ny;
  const t = u / (k * N) - (4 * k - 1) / (6 * N);
  if (Math.max(nx, ny) <= 20) {
    const p2 = cvmExactSf(u, nx, ny);
    return { statistic: t, p_value: p2, log10_p_value: Math.log10(p2), p_value_method: "exact" };
  }
  const et = (1 + 1 / N) / 6;
  const vt = (N + 1) * (4 * k * N - 3 * (nx ** 2 + ny ** 2) - 2 * k) / (45 * N ** 2 * 4 * k);
  const tn = 1 / 6 + (t - et) / Math.sqrt(45 * vt);
  const p = tn < 3e-3 ? 1 : Math.max(0, 1 - cdfCvmInf(tn));
  return { statistic: t, p_value: p, log10_p_value: p > 0 ? Math.log10(p) : -Infinity, p_value_method: "asymptotic" };
}
function cvmExactSf(u, m, n) {
  const lcm = m * n / gcd(m, n);
  const a = lcm / m;
  const b = lcm / n;
  const mn = m * n;
  const zeta = Math.floor(lcm ** 2 * (m + n) * (6 * u - mn * (4 * mn - 1)) / (6 * mn ** 2));
  let gs = [/* @__PURE__ */ new Map([[0, 1]]), ...Array.from({ length: m }, () => /* @__PURE__ */ new Map())];
  for (let j = 0; j <= n; j++) {
    const next = [];
    let tmp = /* @__PURE__ */ new Map();
    for (let v = 0; v < gs.length; v++) {
      const merged = new Map(tmp);
      for (const [value, freq] of gs[v]) merged.set(value, (merged.get(value) ?? 0) + freq);
      const shift = (a * v - b * j) ** 2;
      tmp = new Map([...merged].map(([value, freq]) => [value + shift, freq]));
      next.push(tmp);
    }
    gs = next;
  }
  let tail = 0;
  let total = 0;
  for (const [value, freq] of gs[m]) {
    total += freq;
    if (value >= zeta) tail += freq;
  }
  return tail / total;
}
function cdfCvmInf(x) {
  let total = 0;
  for (let k = 0; ; k++) {
    const u = Math.exp(lnGamma(k + 0.5) - lnGamma(k + 1)) / (Math.PI ** 1.5 * Math.sqrt(x));
    const y = 4 * k + 1;
    const q = y * y / (16 * x);
    const z = u * Math.sqrt(y) * expScaledBesselK(0.25, q);
    total += z;
    if (Math.abs(z) < 1e-7) return total;
  }
}
function expScaledBesselK(nu, q) {
  const h = 1 / 32;
  let sum = 0.5 * Math.exp(-2 * q);
  for (let i = 1; ; i++) {
    const t = i * h;
    const term = Math.exp(-q * (1 + Math.cosh(t))) * Math.cosh(nu * t);
    sum += term;
    if (term < 1e-18 * sum) break;
  }
  return sum * h;
}
function mannWhitneyU(a, b) {
  const n1 = a.length;
  const n2 = b.length;
  let rank = 0;
  let r12 = 0;
  let tieTerm = 0;
  for (const [, ca, cb] of pooledGroups(a, b)) {
    const t = ca + cb;
    r12 += ca * (rank + (t + 1) / 2);
    tieTerm += t ** 3 - t;
    rank += t;
  }
  const u1 = r12 - n1 * (n1 + 1) / 2;
  const u2 = n1 * n2 - u1;
  const U = Math.max(u1, u2);
  const n = n1 + n2;
  if ((n1 <= 8 || n2 <= 8) && tieTerm === 0) {
    const p = Math.min(1, 2 * mwuExactSf(Math.round(U), Math.min(n1, n2), Math.max(n1, n2)));
    return { statistic: u1, p_value: p, log10_p_value: Math.log10(p), p_value_method: "exact" };
  }
  const mu = n1 * n2 / 2;
  const s = Math.sqrt(n1 * n2 / 12 * (n + 1 - tieTerm / (n * (n - 1))));
  const z = (U - mu - 0.5) / s;
  const lnP = z <= 0 ? 0 : lnTwoSidedNormalSf(z);
  return { statistic: u1, ...fromLn(lnP), p_value_method: "asymptotic" };
}
function mwuExactSf(k, m, n) {
  const maxU = m * n;
  let prev = Array.from({ length: n + 1 }, () => new Float64Array(maxU + 1));
  for (let j = 0; j <= n; j++) prev[j][0] = 1;
  for (let i = 1; i <= m; i++) {
    const cur = Array.from({ length: n + 1 }, () => new Float64Array(maxU + 1));
    cur[0][0] = 1;
    for (let j = 1; j <= n; j++) {
      for (let u = 0; u <= i * j; u++) cur[j][u] = (u >= j ? prev[j][u - j] : 0) + cur[j - 1][u];
    }
    prev = cur;
  }
  const counts = prev[n];
  let total = 0;
  let tail = 0;
  for (let u = 0; u <= maxU; u++) {
    total += counts[u];
    if (u >= k) tail += counts[u];
  }
  return tail / total;
}

// src/drift/ks.ts
function ksStatistic(a, b) {
  let d = 0;
  for (const knots of [a.knots(), b.knots()]) {
    for (let i = 0; i < knots.length; i++) {
      const x = knots[i];
      const right = Math.abs(a.cdf(x) - b.cdf(x));
      const left = Math.abs(a.cdfBefore(x) - b.cdfBefore(x));
      if (right > d) d = right;
      if (left > d) d = left;
    }
  }
  return d;
}
function ksPValue(d, n1, n2) {
  const { p_value, log10_p_value, p_value_method } = ksPValueOf(d, n1, n2);
  return { p_value, log10_p_value, p_value_method };
}

// src/drift/psi.ts
var PSI_EPSILON = 1e-4;
function psi(reference, current, epsilon = PSI_EPSILON) {
  let total = 0;
  for (let i = 0; i < reference.length; i++) {
    const p = reference[i] > 0 ? reference[i] : epsilon;
    const q = current[i] > 0 ? current[i] : epsilon;
    total += (q - p) * Math.log(q / p);
  }
  return total;
}

// src/drift/bound.ts
var INCONCLUSIVE_POLICIES = ["exclude", "drift", "no-drift"];
function boundedDecision(ref, cur, result, method, threshold, bins, plain) {
  if (result.exact) return { statistic_error_bound: 0, inconclusive: false, drifted: plain };
  if (ref === null || cur === null || method !== "ks" && method !== "wasserstein" && method !== "psi" && method !== "js") {
    return { statistic_error_bound: null, inconclusive: false, drifted: plain };
  }
  const ea = rankErrorOf(ref);
  const eb = rankErrorOf(cur);
  if (ea === null || eb === null) return { statistic_error_bound: null, inconclusive: false, drifted: plain };
  const s = result.statistic;
  let interval;
  let pValues;
  if (method === "ks") {
    interval = [Math.max(0, s - ea - eb), Math.min(1, s + ea + eb)];
    pValues = [ksPValue(interval[1], ref.n, cur.n).p_value, ksPValue(interval[0], ref.n, cur.n).p_value];
  } else if (method === "wasserstein") {
    interval = wassersteinInterval(s, ref, cur, ea, eb);
  } else {
    interval = binnedInterval(method, s, ref, cur, ea, eb, bins);
  }
  const bound = Math.max(s - interval[0], interval[1] - s);
  const out = { statistic_error_bound: bound, statistic_interval: interval, ...pValues ? { p_value_interval: pValues } : {} };
  const drift = pValues ? pValues[1] < threshold : interval[0] >= threshold;
  const noDrift = pValues ? pValues[0] >= threshold : interval[1] < threshold;
  return { ...out, inconclusive: !drift && !noDrift, drifted: drift };
}
function wassersteinInterval(s, ref, cur, ea, eb) {
  if (!(ref.std > 0) || !Number.isFinite(s)) return [s, s];
  const bound = (ea * range(ref) + eb * range(cur)) / ref.std;
  return [Math.max(0, s - bound), s + bound];
}
function range(d) {
  if (d instanceof KllDistribution) return d.max - d.min;
  const k = d.knots();
  return k[k.length - 1] - k[0];
}
function binnedInterval(method, s, ref, cur, ea, eb, bins) {
  const edges = quantileEdges(ref, bins);
  const p = binProportions(ref, edges);
  const q = binProportions(cur, edges);
  const last = p.length - 1;
  const box = (x, i, e) => {
    const w = i === 0 || i === last ? e : 2 * e;
    return [Math.max(0, x - w), Math.min(1, x + w)];
  };
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < p.length; i++) {
    const pb = box(p[i], i, ea);
    const qb = box(q[i], i, eb);
    const [a, b] = method === "psi" ? psiTermRange(pb, qb, 1 / ref.n, 1 / cur.n) : termRange(jsTerm, pb, qb);
    lo += a;
    hi += b;
  }
  if (method === "psi") return [Math.min(lo, s), Math.max(hi, s)];
  const c = jensenShannonDistance([1, 0], [0, 1]) ** 2 / Math.LN2;
  return [Math.min(Math.sqrt(c * lo / 2), s), Math.max(Math.sqrt(c * hi / 2), s)];
}
function jsTerm(p, q) {
  const m = (p + q) / 2;
  return (p > 0 ? p * Math.log(p / m) : 0) + (q > 0 ? q * Math.log(q / m) : 0);
}
function psiTerm(p, q) {
  return (q - p) * Math.log(q / p);
}
function psiTermRange(p, q, minP, minQ) {
  const options = (x, min) => x[0] > 0 ? [x] : [[PSI_EPSILON, PSI_EPSILON], ...x[1] >= min ? [[min, x[1]]] : []];
  let lo = Infinity;
  let hi = -Infinity;
  for (const pi of options(p, minP)) {
    for (const qi of options(q, minQ)) {
      const [a, b] = termRange(psiTerm, pi, qi);
      lo = Math.min(lo, a);
      hi = Math.max(hi, b);
    }
  }
  return [lo, hi];
}
function termRange(f, p, q) {
  const hi = Math.max(f(p[0], q[0]), f(p[0], q[1]), f(p[1], q[0]), f(p[1], q[1]));
  if (p[1] >= q[0] && q[1] >= p[0]) return [0, hi];
  return [p[1] < q[0] ? f(p[1], q[0]) : f(p[0], q[1]), hi];
}

// src/drift/chisquare.ts
function chiSquareGof(observed, expectedProportions) {
  const n = observed.reduce((s, x) => s + x, 0);
  const total = expectedProportions.reduce((s, x) => s + x, 0);
  const dof = observed.length - 1;
  if (dof < 1 || n === 0) return { statistic: 0, p_value: 1, dof: Math.max(0, dof) };
  let statistic = 0;
  for (let i = 0; i < observed.length; i++) {
    const e = expectedProportions[i] / total * n;
    statistic += (observed[i] - e) * (observed[i] - e) / e;
  }
  return { statistic, p_value: chiSquareSf(statistic, dof), dof };
}

// src/drift/exact/numeric.ts
function exactNumericTest(samples, method) {
  const { reference: a, current: b } = samples;
  switch (method) {
    case "ks": {
      const r = ks2samp(a, b);
      return { statistic: r.statistic, p_value: r.p_value, log10_p_value: r.log10_p_value, p_value_method: r.p_value_method };
    }
    case "wasserstein": {
      const raw = wassersteinSorted(a, b);
      const std = stdPopulation(a);
      return { statistic: std > 0 ? raw / std : raw === 0 ? 0 : Infinity, wasserstein_raw: raw };
    }
    case "energy":
      return { statistic: energyDistance(a, b) };
    case "anderson": {
      if (a[0] === a[a.length - 1] && b[0] === b[b.length - 1] && a[0] === b[0])
        return { statistic: 0, p_value: 0.25, log10_p_value: Math.log10(0.25), p_value_method: "interpolated", p_value_capped: true };
      const r = andersonKsamp(a, b);
      return { statistic: r.statistic, p_value: r.p_value, log10_p_value: r.log10_p_value, p_value_method: "interpolated", p_value_capped: r.capped };
    }
    case "cramer_von_mises": {
      const r = cramerVonMises2samp(a, b);
      return { statistic: r.statistic, p_value: r.p_value, log10_p_value: r.log10_p_value, p_value_method: r.p_value_method };
    }
    case "mannwhitney": {
      const r = mannWhitneyU(a, b);
      return { statistic: r.statistic, p_value: r.p_value, log10_p_value: r.log10_p_value, p_value_method: r.p_value_method };
    }
    default:
      return null;
  }
}

// src/drift/wasserstein.ts
function wasserstein1(a, b) {
  const xs = unionSorted(a.knots(), b.knots());
  let total = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    const width = xs[i + 1] - xs[i];
    const g0 = a.cdf(xs[i]) - b.cdf(xs[i]);
    const g1 = a.cdfBefore(xs[i + 1]) - b.cdfBefore(xs[i + 1]);
    const s0 = Math.abs(g0);
    const s1 = Math.abs(g1);
    total += width * (g0 * g1 >= 0 ? (s0 + s1) / 2 : (g0 * g0 + g1 * g1) / (2 * (s0 + s1)));
  }
  return total;
}
function normalizedWasserstein(reference, current) {
  const raw = wasserstein1(reference, current);
  const normalized = reference.std > 0 ? raw / reference.std : raw === 0 ? 0 : Infinity;
  return { raw, normalized };
}
function unionSorted(a, b) {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || i < a.length && a[i] <= b[j] ? a[i++] : b[j++];
    if (k === 0 || out[k - 1] !== x) out[k++] = x;
  }
  return out.subarray(0, k);
}

// src/drift/compare.ts
function skipReason(reference, current, rawValues = false) {
  const kind = columnKind(reference.type);
  if (kind === "unsupported") return `${reference.type} column: not tested for drift`;
  if (!current) return "missing from the current data";
  if (reference.count - reference.nulls === 0) return "no non-null values in the reference";
  if (current.count - current.nulls === 0) return "no non-null values in the current data";
  if (kind === "numeric" && !(current.state.all_numeric && (current.state.sketch || rawValues) && current.state.moments))
    return "current values are not all numeric";
  return null;
}
function compareColumn(reference, current, spec, samples) {
  const kind = columnKind(reference.type);
  const refRows = reference.count - reference.nulls;
  const curRows = current.count - current.nulls;
  const useSample = spec.exact !== "never";
  const numeric = kind === "numeric" ? samples ? { ref: ExactDistribution.fromSorted(samples.reference), cur: ExactDistribution.fromSorted(samples.current) } : { ref: numericDistribution(reference, useSample), cur: numericDistribution(current, useSample) } : null;
  const exactSamples = samples ?? (numeric && numeric.ref instanceof ExactDistribution && numeric.cur instanceof ExactDistribution ? { reference: numeric.ref.sortedSample(), current: numeric.cur.sortedSample() } : void 0);
  const categorical = kind === "categorical" ? { ref: categoricalDistribution(reference), cur: categoricalDistribution(current) } : null;
  const values = categorical ? (/* @__PURE__ */ new Set([...categorical.ref.counts.keys(), ...categorical.cur.counts.keys()])).size : numeric.ref instanceof ExactDistribution && numeric.cur instanceof ExactDistribution ? unionSorted(numeric.ref.knots(), numeric.cur.knots()).length : Infinity;
  const requested = spec.method !== "auto" && methodFits(spec.method, kind, values) && !(SAMPLE_METHODS.has(spec.method) && !exactSamples) ? spec.method : null;
  const chosen = requested ? { method: requested, categoricalOnValues: false } : autoMethod(kind, refRows, values);
  const method = chosen.method;
  const threshold = spec.threshold ?? spec.thresholds?.[method] ?? DEFAULT_THRESHOLDS[method];
  const base = {
    type: reference.type,
    weight: spec.weight,
    reference_rows: refRows,
    current_rows: curRows,
    reference_null_share: reference.count === 0 ? 0 : reference.nulls / reference.count,
    current_null_share: current.count === 0 ? 0 : current.nulls / current.count
  };
  const result = chosen.categoricalOnValues ? compareCategorical(valuesAsCategories(numeric.ref), valuesAsCategories(numeric.cur), method) : numeric ? compareNumeric(numeric.ref, numeric.cur, method, spec.bins ?? DEFAULT_BINS, exactSamples) : compareCategorical(categorical.ref, categorical.cur, method);
  const plain = isPValueMethod(method) ? result.p_value < threshold : result.statistic >= threshold;
  const { drifted, inconclusive, ...bound } = boundedDecision(
    numeric?.ref ?? null,
    numeric?.cur ?? null,
    result,
    method,
    threshold,
    spec.bins ?? DEFAULT_BINS,
    plain
  );
  const { statistic, p_value, ...details } = result;
  return {
    method,
    statistic,
    ...p_value === void 0 ? {} : { p_value },
    threshold,
    drifted,
    ...base,
    ...details,
    ...bound,
    ...inconclusive ? { inconclusive } : {}
  };
}
function valuesAsCategories(dist) {
  const counts = /* @__PURE__ */ new Map();
  const knots = dist.knots();
  for (const v of knots) counts.set(String(v), Math.round((dist.cdf(v) - dist.cdfBefore(v)) * dist.n));
  return { counts, n: dist.n, exact: true };
}
function compareNumeric(ref, cur, method, bins, samples) {
  const edges = quantileEdges(ref, bins);
  const pRef = binProportions(ref, edges);
  const pCur = binProportions(cur, edges);
  const shares = { labels: binLabels(edges), reference: pRef, current: pCur };
  const exact = samples !== void 0 || ref.exact && cur.exact;
  if (samples) {
    const tested = exactNumericTest(samples, method);
    if (tested) return { ...tested, exact, shares };
  }
  switch (method) {
    case "ks": {
      const d = ksStatistic(ref, cur);
      return { statistic: d, ...ksPValue(d, ref.n, cur.n), exact, shares };
    }
    case "wasserstein": {
      const w = normalizedWasserstein(ref, cur);
      return { statistic: w.normalized, wasserstein_raw: w.raw, exact, shares };
    }
    case "psi":
      return { statistic: psi(pRef, pCur, PSI_EPSILON), exact, shares };
    case "hellinger":
      return { statistic: hellingerDistance(pRef, pCur), exact, shares };
    case "tvd":
      return { statistic: totalVariation(pRef, pCur), exact, shares };
    default:
      return { statistic: jensenShannonDistance(pRef, pCur), exact, shares };
  }
}
function compareCategorical(ref, cur, method) {
  const labels = [.../* @__PURE__ */ new Set([...ref.counts.keys(), ...cur.counts.keys()])].sort(
    (a, b) => (ref.counts.get(b) ?? 0) - (ref.counts.get(a) ?? 0) || (a < b ? -1 : 1)
  );
  const pRef = labels.map((k) => (ref.counts.get(k) ?? 0) / ref.n);
  const pCur = labels.map((k) => (cur.counts.get(k) ?? 0) / cur.n);
  const newCategories = labels.filter((k) => !ref.counts.has(k));
  const missingCategories = labels.filter((k) => !cur.counts.has(k));
  const common = { exact: ref.exact && cur.exact, new_categories: newCategories, missing_categories: missingCategories, shares: topShares(labels, pRef, pCur) };
  const refCounts = labels.map((k) => ref.counts.get(k) ?? 0);
  const curCounts = labels.map((k) => cur.counts.get(k) ?? 0);
  switch (method) {
    case "chisquare_gof": {
      const known = labels.filter((k) => ref.counts.has(k));
      const observed = known.map((k) => cur.counts.get(k) ?? 0);
      const expected = known.map((k) => ref.counts.get(k));
      if (newCategories.length > 0) {
        observed.push(newCategories.reduce((s, k) => s + cur.counts.get(k), 0));
        expected.push(PSI_EPSILON * ref.n);
      }
      const r = chiSquareGof(observed, expected);
      return { statistic: r.statistic, p_value: r.p_value, log10_p_value: Math.log10(r.p_value), p_value_method: "asymptotic", ...common };
    }
    case "chisquare":
    case "g_test": {
      const r = chi2Contingency(refCounts, curCounts, method === "chisquare" ? "pearson" : "log-likelihood");
      return { statistic: r.statistic, p_value: r.p_value, log10_p_value: r.log10_p_value, p_value_method: "asymptotic", ...common };
    }
    case "z": {
      const first = [...labels].sort()[0];
      const r = proportionsZTest(ref.counts.get(first) ?? 0, ref.n, cur.counts.get(first) ?? 0, cur.n);
      return { statistic: r.statistic, p_value: r.p_value, log10_p_value: r.log10_p_value, p_value_method: "asymptotic", ...common };
    }
    case "fisher_exact": {
      const r = fisherExact(refCounts[0], refCounts[1], curCounts[0], curCounts[1]);
      return { statistic: r.statistic, p_value: r.p_value, log10_p_value: r.log10_p_value, p_value_method: "exact", ...common };
    }
    case "psi":
      return { statistic: psi(pRef, pCur, PSI_EPSILON), ...common };
    case "hellinger":
      return { statistic: hellingerDistance(pRef, pCur), ...common };
    case "tvd":
      return { statistic: totalVariation(pRef, pCur), ...common };
    default:
      return { statistic: jensenShannonDistance(pRef, pCur), ...common };
  }
}
var SHARE_CATEGORIES = 20;
function topShares(labels, pRef, pCur) {
  if (labels.length <= SHARE_CATEGORIES) return { labels, reference: pRef, current: pCur };
  const order = labels.map((_, i) => i).sort((a, b) => Math.max(pRef[b], pCur[b]) - Math.max(pRef[a], pCur[a]));
  const keep = order.slice(0, SHARE_CATEGORIES - 1);
  const rest = order.slice(SHARE_CATEGORIES - 1);
  const sum = (p) => rest.reduce((s, i) => s + p[i], 0);
  return {
    labels: [...keep.map((i) => labels[i]), `(${rest.length} more)`],
    reference: [...keep.map((i) => pRef[i]), sum(pRef)],
    current: [...keep.map((i) => pCur[i]), sum(pCur)]
  };
}
function binLabels(edges) {
  if (edges.length === 0) return ["all"];
  const f = (x) => Number(x.toPrecision(4)).toString();
  return [`\u2264${f(edges[0])}`, ...edges.slice(1).map((e, i) => `${f(edges[i])}\u2013${f(e)}`), `>${f(edges[edges.length - 1])}`];
}

// src/drift/text.ts
var TextDriftConfigSchema = external_exports.object({
  /** Method for the two length distributions (default auto, chosen as for a numeric column). */
  length_method: external_exports.enum(METHOD_CHOICES).optional(),
  /** One threshold for both length tests, replacing the method's default. */
  length_threshold: external_exports.number().positive().optional(),
  /** Drift when the share of tokens outside the reference vocabulary rises by this much. */
  oov_share: external_exports.number().positive().max(1).optional(),
  /** Drift when the share of empty rows (missing, blank or without a token) rises by this much. */
  empty_share: external_exports.number().positive().max(1).optional(),
  /** Drift when the Jensen–Shannon distance between the top-K token distributions reaches this. */
  tokens_js: external_exports.number().positive().max(1).optional(),
  /** How many of each side's most frequent tokens the token distribution compares. */
  top_k: external_exports.number().int().min(2).max(1e3).optional()
}).strict();
var TEXT_DRIFT_DEFAULTS = { oov_share: 0.1, empty_share: 0.05, tokens_js: 0.1, top_k: 100 };
var NEW_TOKENS_SHOWN = 10;
function isTextColumn(column) {
  return looksLikeText(column);
}
function textSkipReason(current) {
  if (!current) return "missing from the current data";
  if (!current.state.text) return "the current data has no text statistics for it";
  return null;
}
function lengthColumn(name, s) {
  return {
    name,
    type: "integer",
    nullable: false,
    count: s.moments.n,
    nulls: 0,
    distinct: { value: s.counts.items.length, exact: s.counts.error === 0 },
    state: {
      all_numeric: true,
      all_integer: true,
      all_boolean: false,
      all_datetime: false,
      moments: s.moments,
      sketch: s.sketch,
      frequent: s.counts,
      hll: null,
      lengths: null
    }
  };
}
function emptyText() {
  return new TextProfiler().toState();
}
function compareText(reference, current, options) {
  const config = options.config ?? {};
  const ref = reference.state.text ?? emptyText();
  const cur = current.state.text ?? emptyText();
  const lengths = (key) => {
    const r = ref[key];
    const c = cur[key];
    const drift = compareColumn(lengthColumn(`${reference.name}:${key}`, r), lengthColumn(`${reference.name}:${key}`, c), {
      method: config.length_method ?? "auto",
      threshold: config.length_threshold,
      thresholds: options.thresholds,
      weight: 1,
      bins: options.bins
    });
    return { ...drift, reference_mean: r.moments.mean, current_mean: c.moments.mean };
  };
  const charLength = lengths("chars");
  const tokenLength = lengths("tokens");
  const refTokens = FrequentItems.fromState(ref.top_tokens);
  const curTokens = FrequentItems.fromState(cur.top_tokens);
  const oovOf = (tokens2, total) => {
    if (total === 0) return 0;
    let known = 0;
    for (const [t, c] of tokens2.counts) if (refTokens.counts.has(t)) known += c;
    return Math.max(0, 1 - known / total);
  };
  const oovThreshold = config.oov_share ?? TEXT_DRIFT_DEFAULTS.oov_share;
  const oovRef = oovOf(refTokens, ref.token_total);
  const oovCur = oovOf(curTokens, cur.token_total);
  const newTokens = curTokens.top(curTokens.counts.size).filter(([t]) => !refTokens.counts.has(t)).slice(0, NEW_TOKENS_SHOWN).map(([t]) => t);
  const oov = {
    reference: oovRef,
    current: oovCur,
    statistic: oovCur - oovRef,
    threshold: oovThreshold,
    drifted: oovCur - oovRef >= oovThreshold,
    exact: refTokens.exact && curTokens.exact,
    new_tokens: newTokens
  };
  const emptyShare = (column, s) => column.count === 0 ? 0 : (column.nulls + s.no_tokens) / column.count;
  const emptyThreshold = config.empty_share ?? TEXT_DRIFT_DEFAULTS.empty_share;
  const emptyRef = emptyShare(reference, ref);
  const emptyCur = emptyShare(current, cur);
  const empty = {
    reference: emptyRef,
    current: emptyCur,
    statistic: emptyCur - emptyRef,
    threshold: emptyThreshold,
    drifted: emptyCur - emptyRef >= emptyThreshold
  };
  const k = config.top_k ?? TEXT_DRIFT_DEFAULTS.top_k;
  const labels = [...new Set([...refTokens.top(k), ...curTokens.top(k)].map(([t]) => t))];
  const shares = (tokens2, total) => {
    const p = labels.map((t) => tokens2.counts.get(t) ?? 0);
    const named = p.reduce((s, x) => s + x, 0);
    return [...p, Math.max(0, total - named)];
  };
  const jsThreshold = config.tokens_js ?? TEXT_DRIFT_DEFAULTS.tokens_js;
  const js = ref.token_total === 0 || cur.token_total === 0 ? 0 : jensenShannonDistance(shares(refTokens, ref.token_total), shares(curTokens, cur.token_total));
  const tokens = { method: "js", statistic: js, threshold: jsThreshold, drifted: js >= jsThreshold, top_k: k };
  const tests = { char_length: charLength, token_length: tokenLength, oov_share: oov, empty_share: empty, tokens };
  const driftedTests = Object.entries(tests).filter(([, t]) => t.drifted).map(([name]) => name);
  return {
    type: "text",
    drifted: driftedTests.length > 0,
    drifted_tests: driftedTests,
    weight: options.weight,
    reference_rows: reference.count - reference.nulls,
    current_rows: current.count - current.nulls,
    ...tests
  };
}
function textDriftMarkdown(text) {
  const entries = Object.entries(text);
  if (entries.length === 0) return "";
  const f = (x) => Number.isFinite(x) ? x.toFixed(3) : String(x);
  const mark = (d) => d ? "\u26A0\uFE0F drift" : "ok";
  const lines = ["", "### Text columns", "", "| column | test | reference | current | statistic | threshold | result |", "|---|---|---|---|---|---|---|"];
  const notes2 = [];
  for (const [name, t] of entries) {
    const len = (label, d) => `| ${name} | ${label} (${d.method}) | mean ${f(d.reference_mean)} | mean ${f(d.current_mean)} | ${f(d.p_value ?? d.statistic)}${d.p_value !== void 0 ? " (p)" : ""} | ${f(d.threshold)} | ${mark(d.drifted)} |`;
    lines.push(len("length in characters", t.char_length));
    lines.push(len("length in tokens", t.token_length));
    lines.push(
      `| ${name} | out-of-vocabulary share | ${f(t.oov_share.reference)} | ${f(t.oov_share.current)} | +${f(t.oov_share.statistic)} | ${f(t.oov_share.threshold)} | ${mark(t.oov_share.drifted)} |`
    );
    lines.push(
      `| ${name} | empty share | ${f(t.empty_share.reference)} | ${f(t.empty_share.current)} | ${f(t.empty_share.statistic)} | ${f(t.empty_share.threshold)} | ${mark(t.empty_share.drifted)} |`
    );
    lines.push(
      `| ${name} | top-${t.tokens.top_k} tokens (Jensen\u2013Shannon) | | | ${f(t.tokens.statistic)} | ${f(t.tokens.threshold)} | ${mark(t.tokens.drifted)} |`
    );
    if (t.oov_share.new_tokens.length > 0) notes2.push(`New tokens in \`${name}\`: ${t.oov_share.new_tokens.map((x) => `\`${x}\``).join(", ")}`);
  }
  return [...lines, ...notes2.length > 0 ? ["", ...notes2] : []].join("\n") + "\n";
}

// src/drift/config.ts
var DRIFT_CONFIG_SCHEMA_VERSION = 1;
var ColumnConfigSchema = external_exports.object({
  method: external_exports.enum(METHOD_CHOICES).optional(),
  threshold: external_exports.number().positive().optional(),
  /** Weight in the share of drifted columns (default 1). */
  weight: external_exports.number().nonnegative().optional(),
  /** Leave the column out of the check. */
  skip: external_exports.boolean().optional()
}).strict();
var DriftConfigSchema = external_exports.object({
  schema_version: external_exports.literal(DRIFT_CONFIG_SCHEMA_VERSION),
  method: external_exports.enum(METHOD_CHOICES).optional(),
  /** Per-method thresholds replacing the defaults (see docs/drift.md). */
  thresholds: external_exports.partialRecord(external_exports.enum(DRIFT_METHODS), external_exports.number().positive()).optional(),
  /** Dataset drift when the (weighted) share of drifted columns reaches this. */
  drift_share: external_exports.number().min(0).max(1).optional(),
  /** Number of reference-quantile bins for PSI and Jensen–Shannon on numeric columns. */
  bins: external_exports.number().int().min(2).max(100).optional(),
  /** Column holding the model's output; its drift is reported as prediction drift. */
  prediction_column: external_exports.string().optional(),
  /** The model's target column: its drift is reported as label drift. */
  target_column: external_exports.string().optional(),
  columns: external_exports.record(external_exports.string(), ColumnConfigSchema).optional(),
  /** Thresholds of the tests on free-text columns (src/drift/text.ts). */
  text: TextDriftConfigSchema.optional()
}).strict();
function parseDriftConfig(text, file) {
  return parseConfigFile(text, file, DriftConfigSchema, { expect: "a drift config must be a YAML mapping with schema_version: 1" });
}

// src/drift/detect.ts
var DEFAULT_DRIFT_SHARE = 0.5;
var DEFAULT_PREDICTION_COLUMN = "prediction";
var WEIGHTINGS = ["importance", "equal"];
function detectDrift(reference, current, options = {}) {
  const config = options.config;
  const refColumns = new Map(reference.columns.map((c) => [c.name, c]));
  const curColumns = new Map(current.columns.map((c) => [c.name, c]));
  const names = options.columns && options.columns.length > 0 ? [...options.columns] : reference.columns.map((c) => c.name);
  const unknown = names.filter((n) => !refColumns.has(n));
  if (unknown.length > 0)
    throw new MlopsError(
      `column ${listPreview(unknown.map((n) => `"${n}"`))} not in the reference (it has ${listPreview(reference.columns.map((c) => c.name))})`
    );
  const columns = {};
  const text = {};
  const skipped = {};
  for (const name of names) {
    const perColumn = config?.columns?.[name];
    if (perColumn?.skip) {
      skipped[name] = "skipped by the drift config";
      continue;
    }
    const ref = refColumns.get(name);
    const cur = curColumns.get(name);
    if (isTextColumn(ref)) {
      const why = textSkipReason(cur);
      if (why) skipped[name] = why;
      else text[name] = compareText(ref, cur, { weight: perColumn?.weight ?? 1, config: config?.text, thresholds: config?.thresholds, bins: config?.bins });
      continue;
    }
    const reason = skipReason(ref, cur, options.samples?.has(name));
    if (reason) {
      skipped[name] = reason;
      continue;
    }
    columns[name] = compareColumn(
      ref,
      cur,
      {
        method: perColumn?.method ?? options.method ?? config?.method ?? "auto",
        threshold: perColumn?.threshold ?? options.threshold,
        thresholds: config?.thresholds,
        weight: perColumn?.weight ?? 1,
        bins: config?.bins,
        exact: options.exact
      },
      options.samples?.get(name)
    );
    const importance = options.importance?.[name];
    if (importance !== void 0) columns[name].importance = importance;
  }
  const tested = [...Object.entries(columns), ...Object.entries(text)];
  if (tested.length === 0) {
    throw new MlopsError(`no column could be compared: ${listPreview(Object.entries(skipped).map(([n, r]) => `${n} (${r})`)) || "no columns selected"}`);
  }
  const weighting = options.weights === "equal" ? "equal" : applyImportance(tested, options.importance, config);
  const policy = options.inconclusive ?? "exclude";
  const counted = policy === "exclude" ? tested.filter(([, c]) => !c.inconclusive) : tested;
  const counts = (c) => c.drifted || policy === "drift" && c.inconclusive === true;
  const totalWeight = counted.reduce((s, [, c]) => s + c.weight, 0);
  const driftedWeight = counted.reduce((s, [, c]) => s + (counts(c) ? c.weight : 0), 0);
  const share = totalWeight > 0 ? driftedWeight / totalWeight : 0;
  const threshold = options.driftShare ?? config?.drift_share ?? DEFAULT_DRIFT_SHARE;
  const predictionColumn = config?.prediction_column ?? DEFAULT_PREDICTION_COLUMN;
  const prediction = columns[predictionColumn];
  return {
    dataset_drift: share >= threshold && driftedWeight > 0,
    share_drifted: share,
    drift_share_threshold: threshold,
    drifted_columns: tested.filter(([, c]) => c.drifted).map(([n]) => n),
    columns,
    text_columns: text,
    skipped,
    prediction_drift: prediction ? {
      column: predictionColumn,
      drifted: prediction.drifted,
      method: prediction.method,
      statistic: prediction.statistic,
      ...prediction.p_value !== void 0 ? { p_value: prediction.p_value } : {}
    } : null,
    reference_rows: reference.rows,
    current_rows: current.rows,
    inconclusive_columns: tested.filter(([, c]) => c.inconclusive).map(([n]) => n),
    inconclusive_policy: policy,
    weighting
  };
}
function applyImportance(tested, importance, config) {
  if (!importance) return "equal";
  const weightOf = (name) => Math.max(0, importance[name] ?? 0);
  if (!tested.some(([name]) => weightOf(name) > 0)) return "equal";
  for (const [name, c] of tested) if (config?.columns?.[name]?.weight === void 0) c.weight = weightOf(name);
  return "importance";
}

// src/drift/load.ts
import { open } from "node:fs/promises";
import { resolve } from "node:path";
async function classifySources(sources, cwd) {
  if (sources.length === 1 && isRegistryRef(sources[0])) return { kind: "registry", ref: sources[0] };
  if (sources.some(isRegistryRef)) throw new MlopsError("a registry reference must be the only reference given");
  const files = (await expandDataPaths(sources, cwd)).map((f) => resolve(cwd, f));
  const kinds = await Promise.all(files.map(isProfileFile));
  if (kinds.every(Boolean)) return { kind: "profiles", files };
  if (kinds.some(Boolean)) throw new MlopsError(`give either profile JSON files or data files, not both (${sources.join(", ")})`);
  return { kind: "data", files };
}
async function loadProfile(sources, options) {
  const classified = await classifySources(sources, options.cwd);
  if (classified.kind === "registry") {
    const model = await resolveRegistryRef(classified.ref, { cwd: options.cwd, env: options.env });
    if (!model.profile) throw new MlopsError(`${classified.ref}: version ${model.version} of ${model.name} has no stored profile to compare against`);
    return model.profile;
  }
  if (classified.kind === "profiles") {
    const profiles = await Promise.all(classified.files.map(async (f) => parseProfile(await readText(f), f)));
    return profiles.length === 1 ? profiles[0] : mergeProfiles(profiles, options.now?.() ?? /* @__PURE__ */ new Date());
  }
  return profileFiles(classified.files, { delimiter: options.delimiter, onProgress: options.onProgress, now: options.now });
}
async function isProfileFile(file) {
  if (!file.toLowerCase().endsWith(".json")) return false;
  let handle;
  try {
    handle = await open(file, "r");
  } catch {
    return false;
  }
  try {
    const buf = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return /"kind"\s*:\s*"mlops\/profile"/.test(buf.subarray(0, bytesRead).toString("utf8"));
  } finally {
    await handle.close();
  }
}

// src/drift/reference.ts
async function loadReference(sources, options) {
  const classified = await classifySources(sources, options.cwd);
  if (classified.kind !== "registry") return { profile: await loadProfile(sources, options) };
  const model = await resolveRegistryRef(classified.ref, { cwd: options.cwd, env: options.env });
  if (!model.profile) throw new MlopsError(`${classified.ref}: version ${model.version} of ${model.name} has no stored profile to compare against`);
  const lineage = model.metadata.lineage;
  const importance = ImportanceSchema.safeParse(lineage?.importance);
  return { profile: model.profile, ...importance.success ? { importance: importance.data } : {} };
}

// src/drift/window.ts
var EXACT_DISTINCT_LIMIT = 2 * 1e3 - 1;
var CHUNK = 4096;
var NumericWindow = class {
  constructor(sample) {
    this.sample = sample;
  }
  sample;
  count = 0;
  nulls = 0;
  numeric = true;
  counts = /* @__PURE__ */ new Map();
  digest = new TDigest();
  kll = new KllSketch();
  moments = { n: 0, mean: 0, m2: 0 };
  chunk = new Float64Array(CHUNK);
  filled = 0;
  /** Chunk entries before this index are in the digest already (replayed from the sample). */
  digestFrom = 0;
  get deferred() {
    return this.sample !== void 0 && this.sample.alive;
  }
  add(x) {
    const counts = this.counts;
    if (counts !== null) {
      const c = counts.get(x);
      if (c !== void 0) counts.set(x, c + 1);
      else if (counts.size < EXACT_DISTINCT_LIMIT) counts.set(x, 1);
      else this.counts = null;
    }
    const sample = this.sample;
    if (sample !== void 0 && sample.alive) {
      if (sample.full) {
        const kept = sample.arrived();
        for (let i = 0; i < kept.length; i++) {
          this.digest.add(kept[i]);
          this.kll.add(kept[i]);
        }
        this.digestFrom = this.filled;
      }
      sample.push(x);
    }
    this.chunk[this.filled++] = x;
    if (this.filled === CHUNK) this.flush();
  }
  flush() {
    const v = this.chunk;
    const n = this.filled;
    if (n === 0) return;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += v[i];
    const mean = sum / n;
    let m2 = 0;
    for (let i = 0; i < n; i++) {
      const d = v[i] - mean;
      m2 += d * d;
    }
    if (!this.deferred) {
      for (let i = this.digestFrom; i < n; i++) {
        this.digest.add(v[i]);
        this.kll.add(v[i]);
      }
    }
    this.moments = combineMoments(this.moments, { n, mean, m2 });
    this.filled = 0;
    this.digestFrom = 0;
  }
  toProfile(reference) {
    this.flush();
    const items = this.counts ? [...this.counts].map(([k, c]) => [String(k), c]) : [];
    return {
      name: reference.name,
      type: reference.type,
      nullable: this.nulls > 0,
      count: this.count,
      nulls: this.nulls,
      distinct: { value: items.length, exact: this.counts !== null },
      state: {
        all_numeric: this.numeric,
        all_integer: false,
        all_boolean: false,
        all_datetime: false,
        moments: this.numeric ? { ...this.moments } : null,
        // deferred: the raw values stand in for the digest (src/drift/exact)
        sketch: this.numeric && !this.deferred ? this.digest.toState() : null,
        // error > 0 marks the counts as incomplete, so the sketch is used
        frequent: { capacity: 1e3, error: this.counts ? 0 : 1, items },
        hll: null,
        lengths: null,
        // as the profile: stored only once the exact counts overflowed
        kll: this.numeric && !this.deferred && this.counts === null && this.kll.n > 0 ? this.kll.toState() : null
      }
    };
  }
};
var CategoricalWindow = class {
  count = 0;
  nulls = 0;
  frequent = new FrequentItems(1e3);
  toProfile(reference) {
    const state = this.frequent.toState();
    return {
      name: reference.name,
      type: reference.type,
      nullable: this.nulls > 0,
      count: this.count,
      nulls: this.nulls,
      distinct: { value: this.frequent.counts.size, exact: this.frequent.exact },
      state: {
        all_numeric: false,
        all_integer: false,
        all_boolean: false,
        all_datetime: false,
        moments: null,
        sketch: null,
        frequent: state,
        hll: null,
        lengths: null
      }
    };
  }
};
var TextWindow = class {
  count = 0;
  nulls = 0;
  text = new TextProfiler();
  toProfile(reference) {
    return {
      name: reference.name,
      type: reference.type,
      nullable: this.nulls > 0,
      count: this.count,
      nulls: this.nulls,
      distinct: { value: 0, exact: false },
      state: {
        all_numeric: false,
        all_integer: false,
        all_boolean: false,
        all_datetime: false,
        moments: null,
        sketch: null,
        frequent: { capacity: 1e3, error: 1, items: [] },
        hll: null,
        lengths: null,
        text: this.text.toState()
      }
    };
  }
};
async function profileWindow(files, reference, columns, options = {}) {
  const wanted = new Set(columns && columns.length > 0 ? columns : reference.columns.map((c) => c.name));
  const windows = /* @__PURE__ */ new Map();
  const refs = /* @__PURE__ */ new Map();
  for (const c of reference.columns) {
    if (wanted.has(c.name) && isTextColumn(c)) {
      windows.set(c.name, new TextWindow());
      refs.set(c.name, c);
      continue;
    }
    const kind = columnKind(c.type);
    if (!wanted.has(c.name) || kind === "unsupported") continue;
    windows.set(c.name, kind === "numeric" ? new NumericWindow(options.samples?.get(c.name)) : new CategoricalWindow());
    refs.set(c.name, c);
  }
  const seen = /* @__PURE__ */ new Set();
  const sources = [];
  let rows = 0;
  for (const file of files) {
    let fileRows = 0;
    for await (const batch of readBatches(file, options)) {
      const n = batch.rows.length;
      for (let c = 0; c < batch.columns.length; c++) {
        const w = windows.get(batch.columns[c]);
        if (!w) continue;
        seen.add(batch.columns[c]);
        w.count += n;
        if (w instanceof NumericWindow) {
          const sample = options.samples?.get(batch.columns[c]);
          for (let r = 0; r < n; r++) {
            const cell = batch.rows[r][c];
            if (cell === null || cell === void 0) w.nulls++;
            else if (w.numeric) {
              const x = typeof cell === "number" ? cell : typeof cell === "boolean" ? void 0 : toNumber(cell);
              if (x === void 0 || !Number.isFinite(x)) {
                w.numeric = false;
                sample?.abandon("a non-numeric value");
              } else w.add(x);
            }
          }
        } else if (w instanceof TextWindow) {
          for (let r = 0; r < n; r++) {
            const cell = batch.rows[r][c];
            if (cell === null || cell === void 0) w.nulls++;
            else w.text.add(cellText(cell));
          }
        } else {
          const f = w.frequent;
          for (let r = 0; r < n; r++) {
            const cell = batch.rows[r][c];
            if (cell === null || cell === void 0) w.nulls++;
            else f.add(cellText(cell));
          }
        }
      }
      for (const [name, w] of windows) {
        if (!batch.columns.includes(name)) {
          w.count += n;
          w.nulls += n;
        }
      }
      rows += n;
      fileRows += n;
      options.onProgress?.(rows, file);
    }
    sources.push({ file, rows: fileRows });
  }
  return {
    schema_version: PROFILE_SCHEMA_VERSION,
    kind: "mlops/profile",
    created_at: (options.now?.() ?? /* @__PURE__ */ new Date()).toISOString(),
    rows,
    sources,
    columns: [...windows].filter(([name]) => seen.has(name)).map(([name, w]) => w.toProfile(refs.get(name)))
  };
}

// src/stats/sort.ts
function sortFloat64(a) {
  const n = a.length;
  if (n < 4096) return a.sort();
  const bits = new Uint32Array(a.buffer, a.byteOffset, 2 * n);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = bits[2 * i + 1];
    const l = bits[2 * i];
    if (h & 2147483648) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 2147483648) >>> 0;
      lo[i] = l;
    }
  }
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  const count = new Int32Array(2048);
  for (let pass = 0; pass < 6; pass++) {
    const fromHi = pass >= 3;
    const shift = pass % 3 * 11;
    const word = fromHi ? hi : lo;
    count.fill(0);
    for (let i = 0; i < n; i++) count[word[i] >>> shift & 2047]++;
    if (count[word[0] >>> shift & 2047] === n) continue;
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const j = count[word[i] >>> shift & 2047]++;
      lo2[j] = lo[i];
      hi2[j] = hi[i];
    }
    const tl = lo;
    lo = lo2;
    lo2 = tl;
    const th = hi;
    hi = hi2;
    hi2 = th;
  }
  for (let i = 0; i < n; i++) {
    const h = hi[i];
    if (h & 2147483648) {
      bits[2 * i + 1] = h & 2147483647;
      bits[2 * i] = lo[i];
    } else {
      bits[2 * i + 1] = ~h >>> 0;
      bits[2 * i] = ~lo[i] >>> 0;
    }
  }
  return a;
}

// src/drift/exact/samples.ts
var EXACT_MAX_VALUES = 2e6;
var EXACT_MODES = ["auto", "always", "never"];
var SampleBuffer = class {
  constructor(budget = EXACT_MAX_VALUES) {
    this.budget = budget;
  }
  budget;
  data = new Float64Array(1024);
  length = 0;
  /** Why it was given up, for `--exact always`. */
  reason = null;
  push(x) {
    const data = this.data;
    if (data === null) return;
    if (this.length === data.length) {
      if (this.length >= this.budget) {
        this.abandon(`more than ${this.budget.toLocaleString("en-US")} values (the exact path's memory budget)`);
        return;
      }
      const grown = new Float64Array(Math.min(this.budget, data.length * 2));
      grown.set(data);
      this.data = grown;
    }
    this.data[this.length++] = x;
  }
  /** Still keeping values, and the next push would exceed the budget. */
  get full() {
    return this.data !== null && this.length >= this.budget;
  }
  get alive() {
    return this.data !== null;
  }
  /** The values so far in arrival order (a view; valid until the next push). */
  arrived() {
    return this.data === null ? new Float64Array(0) : this.data.subarray(0, this.length);
  }
  abandon(reason) {
    this.data = null;
    this.reason ??= reason;
  }
  /** The values sorted ascending (one sort, in place), or null when given up. */
  sorted() {
    return this.data === null ? null : sortFloat64(this.data.subarray(0, this.length));
  }
};
async function readSamples(files, columns, options = {}) {
  const buffers = new Map(columns.map((c) => [c, new SampleBuffer()]));
  for (const file of files) {
    for await (const batch of readBatches(file, options)) {
      for (let c = 0; c < batch.columns.length; c++) {
        const buffer = buffers.get(batch.columns[c]);
        if (!buffer) continue;
        for (const row2 of batch.rows) addCell(buffer, row2[c]);
      }
    }
  }
  return buffers;
}
function addCell(buffer, cell) {
  if (cell === null || cell === void 0) return;
  const x = typeof cell === "number" ? cell : typeof cell === "string" ? toNumber(cell) : void 0;
  if (x === void 0 || !Number.isFinite(x)) buffer.abandon("a non-numeric value");
  else buffer.push(x);
}

// src/drift/check.ts
async function runDriftCheck(input2) {
  const config = input2.config ? parseDriftConfig(await readText(resolve2(input2.cwd, input2.config)), input2.config) : void 0;
  const loadOptions = { cwd: input2.cwd, env: input2.env, delimiter: input2.delimiter, now: input2.now, onProgress: input2.onProgress };
  const load = (sources2) => loadProfile(sources2, loadOptions);
  const { profile: reference, importance } = await loadReference(input2.reference, loadOptions);
  if (input2.weights === "importance" && !importance) {
    throw new MlopsError(
      `--weights importance: ${input2.reference.join(", ")} has no stored importance (it comes with registry:NAME#STAGE versions trained by the built-in trainer); use --weights equal`
    );
  }
  const sources = await classifySources(input2.current, input2.cwd);
  const exact = input2.exact ?? "auto";
  const referenceSources = await classifySources(input2.reference, input2.cwd);
  const refColumns = new Map(reference.columns.map((c) => [c.name, c]));
  const wanted = new Set(input2.columns && input2.columns.length > 0 ? input2.columns : reference.columns.map((c) => c.name));
  const rawCurrent = exact !== "never" && sources.kind === "data";
  const rawReference = rawCurrent && referenceSources.kind === "data";
  const fromProfile = (name) => {
    const d = numericDistribution(refColumns.get(name));
    return d instanceof ExactDistribution ? d.sortedSample() : null;
  };
  const numeric = reference.columns.filter((c) => wanted.has(c.name) && columnKind(c.type) === "numeric").map((c) => c.name);
  const refBuffers = rawReference ? await readSamples(referenceSources.files, numeric, { delimiter: input2.delimiter }) : void 0;
  const refSorted = /* @__PURE__ */ new Map();
  if (rawCurrent) {
    for (const name of numeric) {
      const r = refBuffers ? refBuffers.get(name).sorted() : fromProfile(name);
      if (r && r.length > 0) refSorted.set(name, r);
    }
  }
  const curBuffers = rawCurrent ? new Map([...refSorted.keys()].map((c) => [c, new SampleBuffer()])) : void 0;
  const current = sources.kind === "data" ? await profileWindow(sources.files, reference, input2.columns, {
    delimiter: input2.delimiter,
    onProgress: input2.onProgress,
    now: input2.now,
    samples: curBuffers
  }) : await load(input2.current);
  const samples = /* @__PURE__ */ new Map();
  for (const [name, r] of refSorted) {
    const c = curBuffers.get(name).sorted();
    if (c && c.length > 0) samples.set(name, { reference: r, current: c });
  }
  const result = detectDrift(reference, current, {
    columns: input2.columns,
    method: input2.method,
    threshold: input2.threshold,
    driftShare: input2.driftShare,
    config,
    samples,
    exact,
    inconclusive: input2.inconclusive,
    ...importance ? { importance: importance.values, weights: input2.weights ?? "importance" } : {}
  });
  if (exact === "always") {
    const sketched = Object.entries(result.columns).filter(([, c]) => !c.exact);
    if (sketched.length > 0) {
      const why = (name) => refBuffers?.get(name)?.reason ?? curBuffers?.get(name)?.reason ?? (rawCurrent ? "the reference profile keeps only a sketch of it" : "the current side is a profile that keeps only a sketch of it");
      const byReason = /* @__PURE__ */ new Map();
      for (const [n] of sketched) byReason.set(why(n), [...byReason.get(why(n)) ?? [], `"${n}"`]);
      const parts = [...byReason].map(([reason, names]) => `${names.length === 1 ? "column" : "columns"} ${listPreview(names)} (${reason})`);
      throw new MlopsError(`--exact always: cannot compare ${parts.join("; ")} exactly`);
    }
  }
  const shown = (sources2) => sources2.map((p) => p.startsWith("registry:") ? p : repoRelative(p, input2.cwd)).join(", ");
  const shownAs = { model: input2.model, reference: shown(input2.reference), current: shown(input2.current), target: input2.target ?? config?.target_column };
  const markdown = driftMarkdown(result, shownAs) + textDriftMarkdown(result.text_columns ?? {});
  return { result, markdown, ...input2.html ? { html: driftHtml(result, shownAs) } : {} };
}

// src/alerts/drift-issue.ts
var DATA_DRIFT = { marker: "mlops-drift", title: (model) => `Drift detected: ${model}`, persists: "Drift persists" };
function reportDriftOnGitHub(options) {
  const { result } = options;
  return syncAlertIssue({
    ...options,
    kind: DATA_DRIFT,
    state: result.dataset_drift ? "alert" : "clear",
    cleared: `No dataset drift in the latest check (share ${result.share_drifted.toFixed(3)}); closing.`,
    payload: (issue) => retrainPayload(options.model, result, issue)
  });
}
function withHtmlLink(markdown, url, artifact) {
  if (!url) return markdown;
  const line = `\u{1F4CA} [Interactive HTML report](${url}) (artifact \`${artifact}\`: sortable table, distributions per column).`;
  const cut = markdown.indexOf("\n\n");
  return cut < 0 ? `${markdown}

${line}
` : `${markdown.slice(0, cut)}

${line}${markdown.slice(cut)}`;
}
function retrainPayload(model, result, issueNumber) {
  return {
    model,
    trigger: "data-drift",
    summary: summaryLine(result),
    share_drifted: result.share_drifted,
    drifted_columns: result.drifted_columns,
    issue_number: issueNumber
  };
}
function summaryLine(result) {
  const tested = Object.keys(result.columns).length + Object.keys(result.text_columns ?? {}).length;
  return `${result.drifted_columns.length} of ${tested} columns drifted (share ${result.share_drifted.toFixed(3)}): ${result.drifted_columns.join(", ")}`;
}

// actions/drift/main.ts
function readDriftSettings(env) {
  const reference = listInput("reference");
  if (reference.length === 0) input("reference");
  const current = listInput("current");
  if (current.length === 0) input("current");
  return {
    reference,
    current,
    model: modelNameInput("model", reference[0], env),
    columns: listInput("columns"),
    method: choiceInput("method", METHOD_CHOICES, "auto"),
    threshold: numberInput("threshold", { above: 0 }),
    exact: choiceInput("exact", EXACT_MODES, "auto"),
    driftShare: numberInput("drift-share", { min: 0, max: 1 }),
    config: optionalInput("config"),
    inconclusive: choiceInput("inconclusive", INCONCLUSIVE_POLICIES, "exclude"),
    weights: optionalInput("weights") === void 0 ? void 0 : choiceInput("weights", WEIGHTINGS, "importance"),
    uploadReport: booleanInput("upload-report", true),
    reportArtifact: input("report-artifact", "drift-report"),
    failOnDrift: booleanInput("fail-on-drift", false),
    alert: readAlertSettings(env)
  };
}
await runAction(async () => {
  const env = process.env;
  const settings = readDriftSettings(env);
  const { model } = settings;
  const {
    result,
    markdown: report,
    html
  } = await runDriftCheck({
    reference: settings.reference,
    current: settings.current,
    columns: settings.columns,
    method: settings.method,
    threshold: settings.threshold,
    exact: settings.exact,
    driftShare: settings.driftShare,
    config: settings.config,
    inconclusive: settings.inconclusive,
    weights: settings.weights,
    html: true,
    model,
    cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
    env,
    now: () => /* @__PURE__ */ new Date()
  });
  const dir = env.RUNNER_TEMP ?? process.cwd();
  const reportPath = join(dir, "drift-report.md");
  const resultPath = join(dir, "drift.json");
  const htmlPath = join(dir, "drift-report.html");
  await writeText(htmlPath, html);
  const uploaded = settings.uploadReport ? await uploadReport(env, settings.reportArtifact, htmlPath, dir) : null;
  const markdown = withHtmlLink(report, uploaded?.url ?? null, settings.reportArtifact);
  await writeText(reportPath, markdown);
  await writeJson(resultPath, result);
  await summary.addRaw(markdown).write();
  const { issueNumber, dispatched } = await alertOnGitHub(
    env,
    settings.alert,
    { check: "drift", failing: result.dataset_drift },
    (context) => reportDriftOnGitHub({ ...context, model, result, markdown })
  );
  writeOutputs({
    drift: String(result.dataset_drift),
    "share-drifted": String(result.share_drifted),
    "drifted-columns": result.drifted_columns.join(","),
    "inconclusive-columns": (result.inconclusive_columns ?? []).join(","),
    report: reportPath,
    result: resultPath,
    "html-report": htmlPath,
    "report-url": uploaded?.url ?? "",
    "issue-number": issueNumber,
    dispatched: String(dispatched)
  });
  if (result.dataset_drift && settings.failOnDrift) setFailed(`dataset drift: ${result.drifted_columns.join(", ")}`);
});
