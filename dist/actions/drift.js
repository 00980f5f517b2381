import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  alertOnGitHub,
  dispatchInput,
  modelNameInput,
  numberInput,
  syncAlertIssue
} from "./chunk-IRFYR2LF.js";
import {
  chiSquareSf,
  kolmogorovSf,
  smirnovExactSf,
  xyChart
} from "./chunk-OGHKVSQC.js";
import {
  isRegistryRef,
  resolveRegistryRef
} from "./chunk-364XF4JA.js";
import "./chunk-PEPUHVGL.js";
import "./chunk-OAHVFHKC.js";
import {
  parseConfigFile
} from "./chunk-42D63W2B.js";
import "./chunk-VAJS7OGD.js";
import "./chunk-3YEWR3YU.js";
import {
  FrequentItems,
  PROFILE_SCHEMA_VERSION,
  TDigest,
  combineMoments,
  mergeProfiles,
  parseProfile,
  profileFiles
} from "./chunk-LURG2SKJ.js";
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
} from "./chunk-ESN2JISM.js";
import {
  cellText,
  expandDataPaths,
  readBatches,
  readText,
  toNumber,
  writeJson,
  writeText
} from "./chunk-FSEDJN55.js";
import {
  booleanInput,
  choiceInput,
  input,
  listInput,
  optionalInput,
  repoRelative,
  runAction
} from "./chunk-DSG4NIVZ.js";
import {
  setFailed,
  setOutput,
  summary
} from "./chunk-3WIH4RIN.js";
import "./chunk-I3FICYBY.js";
import {
  MlopsError,
  listPreview
} from "./chunk-C6QX2IVX.js";
import "./chunk-UFMD3KOA.js";

// actions/drift/main.ts
import { join } from "node:path";

// src/drift/check.ts
import { resolve as resolve2 } from "node:path";

// src/drift/methods.ts
var DRIFT_METHODS = ["ks", "wasserstein", "psi", "js", "chisquare"];
var METHOD_CHOICES = ["auto", ...DRIFT_METHODS];
var DEFAULT_THRESHOLDS = { ks: 0.05, chisquare: 0.05, wasserstein: 0.1, psi: 0.1, js: 0.1 };
function isPValueMethod(method) {
  return method === "ks" || method === "chisquare";
}
var AUTO_TEST_MAX_ROWS = 1e3;
function columnKind(type) {
  if (type === "number" || type === "integer") return "numeric";
  if (type === "category" || type === "boolean") return "categorical";
  return "unsupported";
}
function methodFits(method, kind) {
  if (kind === "unsupported") return false;
  if (method === "ks" || method === "wasserstein") return kind === "numeric";
  if (method === "chisquare") return kind === "categorical";
  return true;
}
function autoMethod(kind, rows) {
  if (kind === "numeric") return rows <= AUTO_TEST_MAX_ROWS ? "ks" : "wasserstein";
  return rows <= AUTO_TEST_MAX_ROWS ? "chisquare" : "js";
}

// src/report/drift-report.ts
var METHOD_LABEL = {
  ks: "Kolmogorov\u2013Smirnov",
  chisquare: "chi-square",
  wasserstein: "Wasserstein (norm.)",
  psi: "PSI",
  js: "Jensen\u2013Shannon"
};
var DISTRIBUTION_CHARTS = 3;
var BAR_COLOR = "#1f77b4";
var LINE_COLOR = "#424242";
function driftMarkdown(result, options = {}) {
  const entries = Object.entries(result.columns);
  const drifted = entries.filter(([, c]) => c.drifted);
  const verdict = result.dataset_drift ? "\u26A0\uFE0F drift detected" : "\u2705 no dataset drift";
  const lines = [`## ${options.title ?? "Data drift"}${options.model ? ` \u2014 ${options.model}` : ""}: ${verdict}`, ""];
  lines.push(
    `${drifted.length} of ${entries.length} columns drifted (weighted share ${formatNumber(result.share_drifted)}; the dataset drifts at \u2265 ${formatNumber(result.drift_share_threshold)}). Reference ${options.reference ? code(options.reference) + ", " : ""}${formatNumber(result.reference_rows)} rows; current ${options.current ? code(options.current) + ", " : ""}${formatNumber(result.current_rows)} rows.`,
    ""
  );
  if (result.prediction_drift) {
    const p = result.prediction_drift;
    lines.push(`**Prediction drift** (${code(p.column)}): ${p.drifted ? "\u26A0\uFE0F yes" : "no"} \u2014 ${METHOD_LABEL[p.method]} ${formatNumber(p.statistic)}${p.p_value !== void 0 ? `, p = ${formatP(p.p_value)}` : ""}.`, "");
  }
  const label = options.target !== void 0 ? result.columns[options.target] : void 0;
  if (label) {
    lines.push(`**Label drift** (${code(options.target)}): ${label.drifted ? "\u26A0\uFE0F yes" : "no"} \u2014 ${METHOD_LABEL[label.method]} ${formatNumber(label.statistic)}${label.p_value !== void 0 ? `, p = ${formatP(label.p_value)}` : ""}.`, "");
  }
  const pValues = entries.some(([, c]) => c.p_value !== void 0);
  lines.push(
    table(
      ["column", "type", "method", "statistic", ...pValues ? ["p-value"] : [], "threshold", "drift", "notes"],
      sortByDrift(entries).map(([name, c]) => [
        name === options.target ? `${code(name)} (label)` : code(name),
        c.type,
        METHOD_LABEL[c.method],
        formatNumber(c.statistic),
        ...pValues ? [c.p_value === void 0 ? "\u2014" : formatP(c.p_value)] : [],
        `${isPValueMethod(c.method) ? "p <" : "\u2265"} ${formatNumber(c.threshold)}`,
        c.drifted ? name === options.target ? "\u26A0\uFE0F label drift" : "\u26A0\uFE0F drift" : "ok",
        notes(c)
      ]),
      ["l", "l", "l", "r", ...pValues ? ["r"] : [], "r", "l", "l"]
    ),
    ""
  );
  for (const chart2 of statisticCharts(entries)) lines.push(chart2, "");
  for (const [name, c] of sortByDrift(drifted).slice(0, DISTRIBUTION_CHARTS)) lines.push(distributionChart(name, c), "");
  const skipped = Object.entries(result.skipped);
  if (skipped.length > 0) lines.push(`Not compared: ${skipped.map(([n, r]) => `${code(n)} (${r})`).join(", ")}.`, "");
  lines.push(
    "<sub>p-value tests drift when p < threshold; distances when statistic \u2265 threshold. Method definitions: docs/drift.md.</sub>"
  );
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
  if (c.missing_categories && c.missing_categories.length > 0) out.push(`missing: ${c.missing_categories.slice(0, 5).join(", ")}${c.missing_categories.length > 5 ? ", \u2026" : ""}`);
  if (c.wasserstein_raw !== void 0) out.push(`W\u2081 ${formatNumber(c.wasserstein_raw)}`);
  if (Math.abs(c.current_null_share - c.reference_null_share) >= 0.01) out.push(`nulls ${pct(c.reference_null_share)} \u2192 ${pct(c.current_null_share)}`);
  if (!c.exact) out.push("sketch");
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
    return chart(title, pValue ? "p-value" : "statistic", cols.map(([n]) => n), values, cols.map(([, c]) => c.threshold));
  });
}
function distributionChart(name, c) {
  const s = c.shares;
  const per = c.type === "number" || c.type === "integer" ? "reference-decile bin" : "category";
  return chart(`${name}: reference (bars) vs current (line), share per ${per}`, "share", s.labels, s.reference, s.current);
}
function chart(title, yLabel, labels, bars, line) {
  const top = Math.max(0, ...[...bars, ...line].filter(Number.isFinite));
  const clip = (x) => Number.isFinite(x) ? x : top * 1.5 || 1;
  return xyChart({
    title,
    xLabels: labels,
    yLabel,
    series: [
      { kind: "bar", values: bars.map(clip) },
      { kind: "line", values: line.map(clip) }
    ],
    colors: [BAR_COLOR, LINE_COLOR]
  });
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
  columns: external_exports.record(external_exports.string(), ColumnConfigSchema).optional()
}).strict();
function parseDriftConfig(text, file) {
  return parseConfigFile(text, file, DriftConfigSchema, { expect: "a drift config must be a YAML mapping with schema_version: 1" });
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
    return new _ExactDistribution(values, Float64Array.from(values, (v) => merged.get(v)));
  }
  knots() {
    return this.values;
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
function numericDistribution(column) {
  const state = column.state;
  if (!state.all_numeric || !state.moments || !state.sketch || state.moments.n === 0) return null;
  if (state.frequent.error === 0 && state.hll === null) {
    return ExactDistribution.fromCounts(state.frequent.items.map(([k, c]) => [Number(k), c]));
  }
  const { n, m2 } = state.moments;
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

// src/drift/jensen-shannon.ts
function jensenShannonDistance(p, q) {
  const sp = p.reduce((s, x) => s + x, 0);
  const sq = q.reduce((s, x) => s + x, 0);
  if (sp === 0 || sq === 0) return NaN;
  let js = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] / sp;
    const b = q[i] / sq;
    const m = (a + b) / 2;
    if (a > 0) js += a * Math.log2(a / m);
    if (b > 0) js += b * Math.log2(b / m);
  }
  return Math.sqrt(Math.max(0, js / 2));
}

// src/drift/ks.ts
var KS_EXACT_MAX_N = 1e4;
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
  if (Math.max(n1, n2) <= KS_EXACT_MAX_N) return { p_value: smirnovExactSf(d, n1, n2), p_value_method: "exact" };
  const en = n1 * n2 / (n1 + n2);
  return { p_value: kolmogorovSf(Math.sqrt(en) * d), p_value_method: "asymptotic" };
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
function skipReason(reference, current) {
  const kind = columnKind(reference.type);
  if (kind === "unsupported") return `${reference.type} column: not tested for drift`;
  if (!current) return "missing from the current data";
  if (reference.count - reference.nulls === 0) return "no non-null values in the reference";
  if (current.count - current.nulls === 0) return "no non-null values in the current data";
  if (kind === "numeric" && !(current.state.all_numeric && current.state.sketch && current.state.moments)) return "current values are not all numeric";
  return null;
}
function compareColumn(reference, current, spec) {
  const kind = columnKind(reference.type);
  const refRows = reference.count - reference.nulls;
  const curRows = current.count - current.nulls;
  const method = spec.method !== "auto" && methodFits(spec.method, kind) ? spec.method : autoMethod(kind, Math.min(refRows, curRows));
  const threshold = spec.threshold ?? spec.thresholds?.[method] ?? DEFAULT_THRESHOLDS[method];
  const base = {
    type: reference.type,
    weight: spec.weight,
    reference_rows: refRows,
    current_rows: curRows,
    reference_null_share: reference.count === 0 ? 0 : reference.nulls / reference.count,
    current_null_share: current.count === 0 ? 0 : current.nulls / current.count
  };
  const result = kind === "numeric" ? compareNumeric(numericDistribution(reference), numericDistribution(current), method, spec.bins ?? DEFAULT_BINS) : compareCategorical(categoricalDistribution(reference), categoricalDistribution(current), method);
  const drifted = isPValueMethod(method) ? result.p_value < threshold : result.statistic >= threshold;
  const { statistic, p_value, ...details } = result;
  return { method, statistic, ...p_value === void 0 ? {} : { p_value }, threshold, drifted, ...base, ...details };
}
function compareNumeric(ref, cur, method, bins) {
  const edges = quantileEdges(ref, bins);
  const pRef = binProportions(ref, edges);
  const pCur = binProportions(cur, edges);
  const shares = { labels: binLabels(edges), reference: pRef, current: pCur };
  const exact = ref.exact && cur.exact;
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
    default:
      return { statistic: jensenShannonDistance(pRef, pCur), exact, shares };
  }
}
function compareCategorical(ref, cur, method) {
  const labels = [.../* @__PURE__ */ new Set([...ref.counts.keys(), ...cur.counts.keys()])].sort((a, b) => (ref.counts.get(b) ?? 0) - (ref.counts.get(a) ?? 0) || (a < b ? -1 : 1));
  const pRef = labels.map((k) => (ref.counts.get(k) ?? 0) / ref.n);
  const pCur = labels.map((k) => (cur.counts.get(k) ?? 0) / cur.n);
  const newCategories = labels.filter((k) => !ref.counts.has(k));
  const missingCategories = labels.filter((k) => !cur.counts.has(k));
  const common = { exact: ref.exact && cur.exact, new_categories: newCategories, missing_categories: missingCategories, shares: topShares(labels, pRef, pCur) };
  switch (method) {
    case "chisquare": {
      const known = labels.filter((k) => ref.counts.has(k));
      const observed = known.map((k) => cur.counts.get(k) ?? 0);
      const expected = known.map((k) => ref.counts.get(k));
      if (newCategories.length > 0) {
        observed.push(newCategories.reduce((s, k) => s + cur.counts.get(k), 0));
        expected.push(PSI_EPSILON * ref.n);
      }
      const r = chiSquareGof(observed, expected);
      return { statistic: r.statistic, p_value: r.p_value, ...common };
    }
    case "psi":
      return { statistic: psi(pRef, pCur, PSI_EPSILON), ...common };
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

// src/drift/detect.ts
var DEFAULT_DRIFT_SHARE = 0.5;
var DEFAULT_PREDICTION_COLUMN = "prediction";
function detectDrift(reference, current, options = {}) {
  const config = options.config;
  const refColumns = new Map(reference.columns.map((c) => [c.name, c]));
  const curColumns = new Map(current.columns.map((c) => [c.name, c]));
  const names = options.columns && options.columns.length > 0 ? [...options.columns] : reference.columns.map((c) => c.name);
  const unknown = names.filter((n) => !refColumns.has(n));
  if (unknown.length > 0) throw new MlopsError(`column ${listPreview(unknown.map((n) => `"${n}"`))} not in the reference (it has ${listPreview(reference.columns.map((c) => c.name))})`);
  const columns = {};
  const skipped = {};
  for (const name of names) {
    const perColumn = config?.columns?.[name];
    if (perColumn?.skip) {
      skipped[name] = "skipped by the drift config";
      continue;
    }
    const ref = refColumns.get(name);
    const cur = curColumns.get(name);
    const reason = skipReason(ref, cur);
    if (reason) {
      skipped[name] = reason;
      continue;
    }
    columns[name] = compareColumn(ref, cur, {
      method: perColumn?.method ?? options.method ?? config?.method ?? "auto",
      threshold: perColumn?.threshold ?? options.threshold,
      thresholds: config?.thresholds,
      weight: perColumn?.weight ?? 1,
      bins: config?.bins
    });
  }
  const tested = Object.entries(columns);
  if (tested.length === 0) {
    throw new MlopsError(`no column could be compared: ${listPreview(Object.entries(skipped).map(([n, r]) => `${n} (${r})`)) || "no columns selected"}`);
  }
  const totalWeight = tested.reduce((s, [, c]) => s + c.weight, 0);
  const driftedWeight = tested.reduce((s, [, c]) => s + (c.drifted ? c.weight : 0), 0);
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
    skipped,
    prediction_drift: prediction ? { column: predictionColumn, drifted: prediction.drifted, method: prediction.method, statistic: prediction.statistic, ...prediction.p_value !== void 0 ? { p_value: prediction.p_value } : {} } : null,
    reference_rows: reference.rows,
    current_rows: current.rows
  };
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

// src/drift/window.ts
var EXACT_DISTINCT_LIMIT = 2 * 1e3 - 1;
var CHUNK = 4096;
var NumericWindow = class {
  count = 0;
  nulls = 0;
  numeric = true;
  counts = /* @__PURE__ */ new Map();
  digest = new TDigest();
  moments = { n: 0, mean: 0, m2: 0 };
  chunk = new Float64Array(CHUNK);
  filled = 0;
  add(x) {
    const counts = this.counts;
    if (counts !== null) {
      const c = counts.get(x);
      if (c !== void 0) counts.set(x, c + 1);
      else if (counts.size < EXACT_DISTINCT_LIMIT) counts.set(x, 1);
      else this.counts = null;
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
      this.digest.add(v[i]);
    }
    this.moments = combineMoments(this.moments, { n, mean, m2 });
    this.filled = 0;
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
        sketch: this.numeric ? this.digest.toState() : null,
        // error > 0 marks the counts as incomplete, so the sketch is used
        frequent: { capacity: 1e3, error: this.counts ? 0 : 1, items },
        hll: null,
        lengths: null
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
async function profileWindow(files, reference, columns, options = {}) {
  const wanted = new Set(columns && columns.length > 0 ? columns : reference.columns.map((c) => c.name));
  const windows = /* @__PURE__ */ new Map();
  const refs = /* @__PURE__ */ new Map();
  for (const c of reference.columns) {
    const kind = columnKind(c.type);
    if (!wanted.has(c.name) || kind === "unsupported") continue;
    windows.set(c.name, kind === "numeric" ? new NumericWindow() : new CategoricalWindow());
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
          for (let r = 0; r < n; r++) {
            const cell = batch.rows[r][c];
            if (cell === null || cell === void 0) w.nulls++;
            else if (w.numeric) {
              const x = typeof cell === "number" ? cell : typeof cell === "boolean" ? void 0 : toNumber(cell);
              if (x === void 0 || !Number.isFinite(x)) w.numeric = false;
              else w.add(x);
            }
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

// src/drift/check.ts
async function runDriftCheck(input2) {
  const config = input2.config ? parseDriftConfig(await readText(resolve2(input2.cwd, input2.config)), input2.config) : void 0;
  const load = (sources2) => loadProfile(sources2, { cwd: input2.cwd, env: input2.env, delimiter: input2.delimiter, now: input2.now, onProgress: input2.onProgress });
  const reference = await load(input2.reference);
  const sources = await classifySources(input2.current, input2.cwd);
  const current = sources.kind === "data" ? await profileWindow(sources.files, reference, input2.columns, { delimiter: input2.delimiter, onProgress: input2.onProgress, now: input2.now }) : await load(input2.current);
  const result = detectDrift(reference, current, {
    columns: input2.columns,
    method: input2.method,
    threshold: input2.threshold,
    driftShare: input2.driftShare,
    config
  });
  const shown = (sources2) => sources2.map((p) => p.startsWith("registry:") ? p : repoRelative(p, input2.cwd)).join(", ");
  const markdown = driftMarkdown(result, { model: input2.model, reference: shown(input2.reference), current: shown(input2.current), target: input2.target ?? config?.target_column });
  return { result, markdown };
}

// src/github/drift-issue.ts
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
  const tested = Object.keys(result.columns).length;
  return `${result.drifted_columns.length} of ${tested} columns drifted (share ${result.share_drifted.toFixed(3)}): ${result.drifted_columns.join(", ")}`;
}

// actions/drift/main.ts
await runAction(async () => {
  const env = process.env;
  const reference = listInput("reference");
  if (reference.length === 0) input("reference");
  const current = listInput("current");
  if (current.length === 0) input("current");
  const model = modelNameInput("model", reference[0], env);
  const dispatch = dispatchInput(env);
  const { result, markdown } = await runDriftCheck({
    reference,
    current,
    columns: listInput("columns"),
    method: choiceInput("method", METHOD_CHOICES, "auto"),
    threshold: numberInput("threshold", (x) => x > 0),
    driftShare: numberInput("drift-share", (x) => x >= 0 && x <= 1),
    config: optionalInput("config"),
    model,
    cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
    env,
    now: () => /* @__PURE__ */ new Date()
  });
  const dir = env.RUNNER_TEMP ?? process.cwd();
  const reportPath = join(dir, "drift-report.md");
  const resultPath = join(dir, "drift.json");
  await writeText(reportPath, markdown);
  await writeJson(resultPath, result);
  await summary.addRaw(markdown).write();
  const { issueNumber, dispatched } = await alertOnGitHub(
    env,
    { check: "drift", failing: result.dataset_drift, dispatch },
    (context) => reportDriftOnGitHub({ ...context, model, result, markdown })
  );
  setOutput("drift", String(result.dataset_drift));
  setOutput("share-drifted", String(result.share_drifted));
  setOutput("drifted-columns", result.drifted_columns.join(","));
  setOutput("report", reportPath);
  setOutput("result", resultPath);
  setOutput("issue-number", issueNumber);
  setOutput("dispatched", String(dispatched));
  if (result.dataset_drift && booleanInput("fail-on-drift", false)) setFailed(`dataset drift: ${result.drifted_columns.join(", ")}`);
});
