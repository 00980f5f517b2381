import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  METRIC_NAMES,
  PreparedClassification,
  aliasWarning,
  canonicalMetric,
  classificationMetric,
  classificationMetrics,
  higherIsBetter,
  isOperational,
  regressionMetrics,
  subsetRegression
} from "./chunk-EJS264ZM.js";
import {
  createLabelJoin
} from "./chunk-D5QG44TH.js";
import {
  binomialCdf,
  chiSquareSf,
  quantileSorted,
  xyChart
} from "./chunk-IGVNGYKA.js";
import {
  isRegistryRef,
  resolveRegistryBaseline,
  resolveRegistryRef
} from "./chunk-JAEFTYJN.js";
import {
  parseConfigFile
} from "./chunk-ZYT4E5FZ.js";
import {
  mulberry32,
  parseModelRef
} from "./chunk-F2U3ZBUW.js";
import {
  tokenize
} from "./chunk-H5C2A4B6.js";
import {
  GITHUB_COMMENT_LIMIT,
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
  toNumber
} from "./chunk-WY2OJ7ZN.js";
import {
  DataError,
  MlopsError,
  listPreview
} from "./chunk-5MKGLQLX.js";

// src/evaluate/verdict.ts
var TOLERANCE = 1e-12;
function holds(value2, op, threshold) {
  const slack = TOLERANCE * Math.max(1, Math.abs(threshold));
  switch (op) {
    case ">=":
      return value2 >= threshold - slack;
    case "<=":
      return value2 <= threshold + slack;
    case ">":
      return value2 > threshold;
    case "<":
      return value2 < threshold;
  }
}
function checkRule(rule, section, candidate, champion, slice) {
  const base = { rule: rule.text, section, metric: rule.metric, ...slice === void 0 ? {} : { slice } };
  const value2 = candidate[rule.metric] ?? null;
  const championValue = champion?.[rule.metric] ?? null;
  let threshold;
  if (rule.threshold.kind === "absolute") threshold = rule.threshold.value;
  else {
    if (!champion) return { ...base, candidate: value2, champion: null, threshold: null, status: "skipped", reason: "no champion: relative rule not checked" };
    if (championValue === null)
      return { ...base, candidate: value2, champion: null, threshold: null, status: "fail", reason: `champion has no ${rule.metric} to compare with` };
    threshold = championValue * rule.threshold.factor + rule.threshold.offset;
  }
  if (value2 === null)
    return { ...base, candidate: null, champion: championValue, threshold, status: "fail", reason: `${rule.metric} is not available for this model and data` };
  const ok = holds(value2, rule.op, threshold);
  const negated = { ">=": "<", "<=": ">", ">": "\u2264", "<": "\u2265" }[rule.op];
  const shown = { ">=": "\u2265", "<=": "\u2264", ">": ">", "<": "<" }[rule.op];
  const reason = ok ? `${formatNumber(value2)} ${shown} ${formatNumber(threshold)}` : `${formatNumber(value2)} ${negated} ${formatNumber(threshold)}`;
  return { ...base, candidate: value2, champion: championValue, threshold, status: ok ? "pass" : "fail", reason };
}
function noChampionNote(why) {
  switch (why.kind) {
    case "monitoring":
      return "Monitoring the model on its own: absolute rules and budgets judge it; relative rules and the significance test need a champion and were skipped.";
    case "first":
      return "No champion yet (first model): only absolute rules and budgets were checked.";
    case "absent":
      return `No ${why.stage ?? "baseline"} model yet: judged on absolute rules (${why.baseline}: ${why.reason}); relative rules and the significance test were skipped.`;
  }
}
function decide(gate, candidate, champion, slices, significance, noChampion = { kind: "first" }) {
  const results = [];
  const notes = [];
  if (!gate) notes.push("No gate file given: metrics are reported, nothing is enforced.");
  else {
    for (const rule of gate.rules) results.push(checkRule(rule, "rules", candidate, champion));
    for (const rule of gate.budgets) results.push(checkRule(rule, "budgets", candidate, champion));
    const minRows = gate.slices?.min_rows ?? 0;
    for (const slice of slices) {
      const name = `${slice.column}=${slice.value}`;
      for (const rule of gate.slices?.rules ?? []) {
        if (slice.rows < minRows) {
          results.push({
            rule: rule.text,
            section: "slices",
            slice: name,
            metric: rule.metric,
            candidate: slice.candidate[rule.metric] ?? null,
            champion: null,
            threshold: null,
            status: "skipped",
            reason: `${slice.rows} rows < min_rows ${minRows}`
          });
        } else results.push(checkRule(rule, "slices", slice.candidate, slice.champion, name));
      }
    }
    const sig = gate.require_significant_improvement;
    if (sig) {
      const rule = `significant improvement in ${sig.metric}`;
      if (!champion || !significance)
        results.push({
          rule,
          section: "significance",
          metric: sig.metric,
          candidate: candidate[sig.metric] ?? null,
          champion: null,
          threshold: null,
          status: "skipped",
          reason: "no champion to improve on"
        });
      else
        results.push({
          rule,
          section: "significance",
          metric: sig.metric,
          candidate: candidate[sig.metric] ?? null,
          champion: champion[sig.metric] ?? null,
          threshold: null,
          status: significance.significant ? "pass" : "fail",
          reason: significance.reason
        });
    }
  }
  if (!champion && (gate || noChampion.kind === "absent")) notes.push(noChampionNote(noChampion));
  const passed = results.every((r) => r.status !== "fail");
  return { verdict: passed ? "pass" : "fail", passed, hasChampion: champion !== null, results, notes };
}
function gateApplied(ev) {
  return ev.min_rows === void 0 || ev.rows >= ev.min_rows;
}

// src/evaluate/report.ts
var STATUS = { pass: "\u2705 pass", fail: "\u274C fail", skipped: "\u23ED\uFE0F skipped" };
var MAX_CHART_SLICES = 6;
var NOISE_MARGIN = { p50_latency_ms: 0.25, p99_latency_ms: 0.5, throughput_rows_per_s: 0.25, size_mb: 0.01 };
var LATENCY_FLOOR_MS = 0.05;
var CANDIDATE_COLOR = "#1f77b4";
var CHAMPION_COLOR = "#ff7f0e";
var CHANCE_COLOR = "#9e9e9e";
var IDEAL_COLOR = "#424242";
var MAX_CONFUSION_CLASSES = 15;
function evaluationMarkdown(ev, limit = GITHUB_COMMENT_LIMIT) {
  const limits = { sliceRows: ev.slices.length, ruleRows: ev.verdict.results.length, classRows: ev.candidate.perClass?.length ?? 0 };
  let text = render(ev, limits);
  while (text.length > limit && (limits.sliceRows > 10 || limits.ruleRows > 10 || limits.classRows > 10)) {
    limits.sliceRows = shrink(limits.sliceRows);
    limits.ruleRows = shrink(limits.ruleRows);
    limits.classRows = shrink(limits.classRows);
    text = render(ev, limits);
  }
  return fitToLimit(text, limit);
}
function shrink(n) {
  return n > 10 ? Math.max(10, Math.floor(n * 0.7)) : n;
}
function render(ev, limits) {
  const parts = [
    banner(ev),
    metricsSection(ev),
    paramsSection(ev),
    significanceSection(ev),
    failingSection(ev, limits),
    slicesSection(ev, limits),
    classSection(ev, limits),
    curvesSection(ev),
    residualsSection(ev),
    calibrationSection(ev)
  ];
  return parts.filter((p) => p !== "").join("\n\n") + "\n";
}
function banner(ev) {
  const v = ev.verdict;
  const failed = v.results.filter((r) => r.status === "fail");
  const head = !gateApplied(ev) ? "## \u23ED\uFE0F Evaluation gate not applied: too few rows" : v.passed ? "## \u2705 Evaluation gate passed" : `## \u274C Evaluation gate failed: ${failed.length} of ${v.results.length} rules`;
  const against = ev.champion ? `${code(ev.candidate.model)} (candidate) vs ${code(ev.champion.model)} (champion)` : ev.labels ? `${code(ev.candidate.model)} on late labels` : `${code(ev.candidate.model)} (candidate; no champion yet)`;
  const skipped = ev.skipped_rows ? ` (${formatNumber(ev.skipped_rows)} more skipped: empty target)` : "";
  const lines = [head, "", `${against} \u2014 ${ev.task} on ${code(ev.target)}, ${formatNumber(ev.rows)} rows${skipped} from ${ev.data.map(code).join(", ")}.`];
  if (ev.labels) lines.push("", labelsLine(ev.labels));
  if (!v.passed)
    lines.push(
      "",
      `Failing: ${failed.slice(0, 8).map((r) => code(r.slice ? `${r.rule} @ ${r.slice}` : r.rule)).join(", ")}${failed.length > 8 ? ` and ${failed.length - 8} more` : ""}.`
    );
  for (const note of v.notes) lines.push("", `> ${note}`);
  return lines.join("\n");
}
function labelsLine(j) {
  const window = j.since ? `, ${formatNumber(j.outside_window_rows)} logged before ${j.since} left out` : "";
  const versions = Object.entries(j.served_versions);
  const served = versions.length ? `; served by ${versions.map(([v, n]) => `${code(v)} (${formatNumber(n)})`).join(", ")}` : "";
  const lines = [
    `Late labels from ${j.files.map(code).join(", ")} joined on ${code(j.key)}: ${formatNumber(j.matched_rows)} of ${formatNumber(j.logged_rows)} logged rows matched (${formatNumber(j.unmatched_rows)} without a label yet${window})${served}.`
  ];
  if (j.labels > 0 && j.labels_without_prediction > j.labels / 2) {
    lines.push(
      "",
      `> ${formatNumber(j.labels_without_prediction)} of ${formatNumber(j.labels)} labels match no logged row: check that ${code(j.key)} holds the same ids in both.`
    );
  }
  return lines.join("\n");
}
function withinNoise(metric, candidate, champion) {
  const margin = NOISE_MARGIN[metric];
  if (margin === void 0) return false;
  const d = Math.abs(candidate - champion);
  if (metric.endsWith("_latency_ms") && d < LATENCY_FLOOR_MS) return true;
  return d <= margin * Math.max(Math.abs(champion), Math.abs(candidate));
}
function delta(metric, candidate, champion) {
  if (candidate === null || candidate === void 0 || champion === null || champion === void 0) return "";
  const d = candidate - champion;
  if (d === 0) return "0";
  const shown = `${d > 0 ? "+" : ""}${formatNumber(d)}`;
  if (formatNumber(d) === "\u2248 0") return "\u2248 0";
  if (withinNoise(metric, candidate, champion)) return `${shown} (noise)`;
  const better = higherIsBetter(metric) ? d > 0 : d < 0;
  return `${shown} ${better ? "\u{1F7E2}" : "\u{1F534}"}`;
}
function metricsSection(ev) {
  const overall = ev.verdict.results.filter((r) => r.section === "rules" || r.section === "budgets");
  const names = Object.keys(ev.candidate.metrics);
  if (names.length === 0) return "";
  const champion = ev.champion;
  const rows = names.map((name) => {
    const rules = overall.filter((r) => r.metric === name);
    return [
      name,
      value(ev.candidate.metrics[name]),
      ...champion ? [value(champion.metrics[name]), delta(name, ev.candidate.metrics[name], champion.metrics[name])] : [],
      rules.map((r) => code(r.rule)).join("<br>"),
      rules.map((r) => `${STATUS[r.status]} (${r.reason})`).join("<br>")
    ];
  });
  const header = champion ? ["metric", "candidate", "champion", "\u0394", "rule", "result"] : ["metric", "candidate", "rule", "result"];
  const align = champion ? ["l", "r", "r", "r", "l", "l"] : ["l", "r", "l", "l"];
  const lines = ["### Metrics", "", table(header, rows, align)];
  if (champion && names.some(isOperational)) {
    const margins = Object.entries(NOISE_MARGIN).map(([m, x]) => `${m} \xB1${Math.round(x * 100)}%`).join(", ");
    lines.push(
      "",
      `<sub>Operational changes within the noise of timing on a shared runner are marked (noise), not coloured: ${margins} (latency changes under ${LATENCY_FLOOR_MS} ms always).</sub>`
    );
  }
  return lines.join("\n");
}
function paramsSection(ev) {
  const a = ev.champion?.params;
  const b = ev.candidate.params;
  if (!ev.champion || !a && !b) return "";
  if (!a || !b) return ["### Parameters", "", `Recorded for the ${a ? "champion" : "candidate"} only (lineage.json), so they cannot be compared.`].join("\n");
  const same = (x, y) => JSON.stringify(x) === JSON.stringify(y);
  const names = [.../* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const changed = names.filter((n) => !same(a[n], b[n]));
  const shown = (v) => v === void 0 ? "\u2014" : typeof v === "number" ? formatNumber(v) : code(typeof v === "string" ? v : JSON.stringify(v));
  const lines = ["### Parameters", ""];
  if (changed.length === 0) lines.push(`Same parameters as the champion (${names.length}).`);
  else {
    lines.push(
      table(
        ["parameter", "champion", "candidate"],
        changed.map((n) => [n, shown(a[n]), shown(b[n])]),
        ["l", "r", "r"]
      )
    );
    if (names.length > changed.length) lines.push("", `${names.length - changed.length} other parameters unchanged.`);
  }
  return lines.join("\n");
}
function value(v) {
  return v === null || v === void 0 ? "\u2014" : formatNumber(v);
}
function significanceSection(ev) {
  const s = ev.significance;
  if (!s) return "";
  const b = s.bootstrap;
  const rows = [
    [
      `paired bootstrap, ${formatNumber(b.resamples)} resamples (seed ${b.seed})`,
      `\u0394 ${s.metric} = ${formatNumber(b.observed)}; ${Math.round(b.confidence * 100)}% CI [${formatNumber(b.lower)}, ${formatNumber(b.upper)}]${b.skipped ? `; ${b.skipped} resamples undefined` : ""}`
    ]
  ];
  if (s.mcnemar)
    rows.push([
      `McNemar (${s.mcnemar.method === "exact" ? "exact binomial" : "\u03C7\xB2 with continuity correction"})`,
      `p = ${formatP(s.mcnemar.pValue)}; right only by candidate ${s.mcnemar.candidateOnly}, only by champion ${s.mcnemar.championOnly}`
    ]);
  return [
    "### Significance",
    "",
    `${s.significant ? "\u2705 significant improvement" : "\u274C no significant improvement"} in ${code(s.metric)}.`,
    "",
    table(["test", "result"], rows)
  ].join("\n");
}
function failingSection(ev, limits) {
  const sliceRules = ev.verdict.results.filter((r) => r.section === "slices");
  if (sliceRules.length === 0) return "";
  const failing = sliceRules.filter((r) => r.status === "fail");
  const summary = `Slice rules: ${sliceRules.filter((r) => r.status === "pass").length} pass, ${failing.length} fail, ${sliceRules.filter((r) => r.status === "skipped").length} skipped (too few rows).`;
  if (failing.length === 0) return ["### Slice rules", "", summary].join("\n");
  return ["### Slice rules", "", summary, "", ruleTable(failing, limits.ruleRows)].join("\n");
}
function ruleTable(results, max) {
  const shown = results.slice(0, max);
  const rows = shown.map((r) => [r.slice ?? "", code(r.rule), value(r.candidate), value(r.threshold), `${STATUS[r.status]} (${r.reason})`]);
  const more = results.length > shown.length ? `

_${results.length - shown.length} more rows cut to fit GitHub's size limit; see the JSON report._` : "";
  return table(["slice", "rule", "candidate", "threshold", "result"], rows) + more;
}
function slicesSection(ev, limits) {
  if (ev.slices.length === 0) return "";
  const m = ev.primary_metric;
  const champion = ev.champion !== null;
  const worse = ev.slices.filter((s) => s.worse);
  const ordered = [...ev.slices].sort((a, b) => gap(m, b) - gap(m, a));
  const shown = ordered.slice(0, limits.sliceRows);
  const rows = shown.map((s) => [
    s.column,
    s.value,
    s.rows,
    value(s.candidate[m]),
    ...champion ? [value(s.champion?.[m]), delta(m, s.candidate[m], s.champion?.[m]), s.worse ? "\u26A0\uFE0F worse" : ""] : []
  ]);
  const header = champion ? ["column", "slice", "rows", `candidate ${m}`, `champion ${m}`, "\u0394", "flag"] : ["column", "slice", "rows", m];
  const align = champion ? ["l", "l", "r", "r", "r", "r", "l"] : ["l", "l", "r", "r"];
  const lines = [
    "### Slices",
    "",
    champion ? `${worse.length} of ${ev.slices.length} slices are worse than the champion on ${code(m)}.` : `${ev.slices.length} slices, ${code(m)} per slice, lowest first.`,
    "",
    table(header, rows, align)
  ];
  if (shown.length < ev.slices.length)
    lines.push("", `_${ev.slices.length - shown.length} more slices cut to fit GitHub's size limit (the worst are shown); see the JSON report._`);
  const charted = ordered.filter((s) => s.rows > 0);
  if (charted.length > 0 && charted.length <= MAX_CHART_SLICES) {
    const title = `${m} by slice${champion ? " (bars: candidate, line: champion)" : ""}`;
    const series = [{ kind: "bar", values: charted.map((s) => s.candidate[m] ?? null) }];
    if (champion) series.push({ kind: "line", values: charted.map((s) => s.champion?.[m] ?? null) });
    const values = series.flatMap((x) => x.values).filter((v) => v !== null);
    const unit = values.every((v) => v >= 0 && v <= 1) && !["rmse", "mae"].includes(m);
    lines.push(
      "",
      xyChart({
        title,
        xLabels: charted.map((s) => `${s.column}=${s.value}`),
        yLabel: m,
        yRange: unit ? [0, 1] : void 0,
        series,
        colors: [CANDIDATE_COLOR, CHAMPION_COLOR]
      })
    );
  }
  return lines.join("\n");
}
function gap(metric, s) {
  const c = s.candidate[metric];
  if (c === null || c === void 0) return Number.NEGATIVE_INFINITY;
  const reference = s.champion?.[metric] ?? (higherIsBetter(metric) ? 1 : 0);
  return higherIsBetter(metric) ? reference - c : c - reference;
}
function classSection(ev, limits) {
  const per = ev.candidate.perClass;
  if (!per || per.length === 0) return "";
  const shown = per.slice(0, limits.classRows);
  const lines = [
    "### Per class (candidate)",
    "",
    table(
      ["class", "precision", "recall", "F1", "support"],
      shown.map((c) => [c.label, c.precision, c.recall, c.f1, c.support]),
      ["l", "r", "r", "r", "r"]
    )
  ];
  if (shown.length < per.length) lines.push("", `_${per.length - shown.length} more classes cut to fit GitHub's size limit; see the JSON report._`);
  const candidate = confusion(ev.candidate);
  if (candidate) lines.push("", "**Confusion matrix (candidate)**: rows true, columns predicted.", "", candidate);
  const champion = ev.champion && confusion(ev.champion);
  if (champion) lines.push("", "<details><summary>Confusion matrix (champion)</summary>", "", champion, "", "</details>");
  return lines.join("\n");
}
function confusion(m) {
  const c = m.confusion;
  if (!c) return "";
  if (c.labels.length > MAX_CONFUSION_CLASSES) return `_${c.labels.length} classes: the confusion matrix is in the JSON report only._`;
  const rows = c.labels.map((label, i) => [`**${label}**`, ...c.matrix[i]]);
  return table(["true \\ predicted", ...c.labels], rows, ["l", ...c.labels.map(() => "r")]);
}
function curvesSection(ev) {
  const cand = ev.candidate.curves;
  if (!cand) return "";
  const champ = ev.champion?.curves;
  const who = champ ? `blue: candidate, orange: champion` : "blue: candidate";
  const auc = (name) => `${name} ${value(ev.candidate.metrics[name])}${ev.champion ? ` (champion ${value(ev.champion.metrics[name])})` : ""}`;
  const roc = xyChart({
    title: `ROC (${who}, grey: chance)`,
    xRange: [0, 1],
    xTitle: "false-positive rate",
    yLabel: "true-positive rate",
    yRange: [0, 1],
    series: [
      { kind: "line", values: cand.roc.tpr },
      ...champ ? [{ kind: "line", values: champ.roc.tpr }] : [],
      { kind: "line", values: cand.roc.fpr }
    ],
    colors: [CANDIDATE_COLOR, ...champ ? [CHAMPION_COLOR] : [], CHANCE_COLOR]
  });
  const pr = xyChart({
    title: `Precision\u2013recall (${who})`,
    xRange: [0, 1],
    xTitle: "recall",
    yLabel: "precision",
    yRange: [0, 1],
    series: [{ kind: "line", values: cand.pr.precision }, ...champ ? [{ kind: "line", values: champ.pr.precision }] : []],
    colors: [CANDIDATE_COLOR, ...champ ? [CHAMPION_COLOR] : []]
  });
  return [
    "### ROC and precision\u2013recall",
    "",
    `${auc("roc_auc")}; ${auc("pr_auc")}. Curves on a 21-point grid; precision is interpolated (the best at recall \u2265 r).`,
    "",
    roc,
    "",
    pr
  ].join("\n");
}
function residualsSection(ev) {
  const cand = ev.candidate.residuals;
  if (!cand) return "";
  const champ = ev.champion?.residuals;
  const edge = cand.edges[cand.edges.length - 1];
  const sameBins = champ && champ.counts.length === cand.counts.length && Math.abs(champ.edges[champ.edges.length - 1] - edge) <= 1e-5 * Math.abs(edge);
  const centres = cand.edges.slice(0, -1).map((e, i) => formatNumber(Number(((e + cand.edges[i + 1]) / 2).toPrecision(3))));
  const lines = [
    "### Residuals",
    "",
    `y \u2212 \u0177 of the candidate in ${cand.counts.length} bins over \xB1${formatNumber(cand.edges[cand.edges.length - 1])} (the 99th percentile of |y \u2212 \u0177|)${cand.clipped ? `; ${formatNumber(cand.clipped)} rows beyond are counted in the outer bins` : ""}. Centred on 0 and narrow is good; a shifted peak is bias.`,
    "",
    xyChart({
      title: `Residuals y \u2212 \u0177 (rows per bin${sameBins ? "; bars: candidate, line: champion" : ""})`,
      xLabels: centres,
      yLabel: "rows",
      series: [{ kind: "bar", values: cand.counts }, ...sameBins ? [{ kind: "line", values: champ.counts }] : []],
      colors: [CANDIDATE_COLOR, CHAMPION_COLOR]
    })
  ];
  return lines.join("\n");
}
function calibrationSection(ev) {
  const bins = ev.candidate.calibration;
  if (!bins || bins.length === 0) return "";
  const champ = ev.champion?.calibration;
  const labels = bins.map((b) => `${formatNumber(b.lower)}-${formatNumber(b.upper)}`);
  const series = [
    { kind: "line", values: bins.map((b) => (b.lower + b.upper) / 2) },
    { kind: "bar", values: bins.map((b) => b.accuracy) }
  ];
  const lines = [
    "### Calibration",
    "",
    `ECE ${value(ev.candidate.metrics.ece)}${ev.champion ? ` (champion ${value(ev.champion.metrics.ece)})` : ""}: top-class confidence in 10 equal-width bins.`,
    "",
    xyChart({
      title: "Reliability (bars: candidate accuracy, line: ideal)",
      xLabels: labels,
      xTitle: "top-class confidence",
      yLabel: "accuracy",
      yRange: [0, 1],
      series,
      colors: [IDEAL_COLOR, CANDIDATE_COLOR]
    })
  ];
  const rows = bins.map((b, i) => [labels[i], b.count, b.confidence, b.accuracy]);
  lines.push(
    "",
    "<details><summary>Calibration bins</summary>",
    "",
    table(["confidence bin", "rows", "mean confidence", "accuracy"], rows, ["l", "r", "r", "r"]),
    "",
    "</details>"
  );
  if (champ?.length)
    lines.push("", `Champion: ${champ.map((b) => `${formatNumber(b.lower)}-${formatNumber(b.upper)}: ${formatNumber(b.accuracy)}`).join(", ")}.`);
  return lines.join("\n");
}
function keyMetrics(ev) {
  return { verdict: ev.verdict.verdict, candidate: ev.candidate.metrics, champion: ev.champion?.metrics ?? null };
}

// src/evaluate/run.ts
import { dirname, join, resolve } from "node:path";
import { readFile } from "node:fs/promises";

// src/evaluate/evaluate.ts
import { stat } from "node:fs/promises";

// src/metrics/curves.ts
var CURVE_POINTS = 21;
var RESIDUAL_BINS = 12;
var round = (x) => Number(x.toFixed(4));
var grid = () => Array.from({ length: CURVE_POINTS }, (_, i) => i / (CURVE_POINTS - 1));
function binaryCurves(positive, scores, order) {
  const tps = [0];
  const fps = [0];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < order.length; ) {
    const s = scores[order[i]];
    while (i < order.length && (scores[order[i]] === s || s !== s && scores[order[i]] !== scores[order[i]])) {
      if (positive[order[i]]) tp++;
      else fp++;
      i++;
    }
    tps.push(tp);
    fps.push(fp);
  }
  if (tp === 0 || fp === 0) return null;
  const fpr = fps.map((f) => f / fp);
  const tpr = tps.map((t) => t / tp);
  const roc = grid().map((x) => {
    let j = 0;
    while (j + 1 < fpr.length && fpr[j + 1] <= x) j++;
    if (fpr[j] === x || j + 1 === fpr.length) return round(tpr[j]);
    return round(tpr[j] + (tpr[j + 1] - tpr[j]) * (x - fpr[j]) / (fpr[j + 1] - fpr[j]));
  });
  const pr = grid().map((r) => {
    let best = 0;
    for (let j = 1; j < tps.length; j++) if (tpr[j] >= r) best = Math.max(best, tps[j] / (tps[j] + fps[j]));
    return round(best);
  });
  return { roc: { fpr: grid().map(round), tpr: roc }, pr: { recall: grid().map(round), precision: pr } };
}
function residualHistogram(yTrue, yPred, range) {
  const n = yTrue.length;
  if (n === 0) return null;
  const res = new Float64Array(n);
  for (let i = 0; i < n; i++) res[i] = yTrue[i] - yPred[i];
  const r = range ?? absPercentile99(res);
  const width = 2 * r / RESIDUAL_BINS;
  const counts = new Array(RESIDUAL_BINS).fill(0);
  let clipped = 0;
  for (const e of res) {
    if (e < -r || e > r) clipped++;
    counts[Math.min(RESIDUAL_BINS - 1, Math.max(0, Math.floor((e + r) / width)))]++;
  }
  const edges = Array.from({ length: RESIDUAL_BINS + 1 }, (_, i) => Number((-r + i * width).toPrecision(6)));
  return { edges, counts, clipped };
}
function absPercentile99(x) {
  const n = x.length;
  const abs = x.map(Math.abs).sort();
  const pos = 0.99 * (n - 1);
  const lo = Math.floor(pos);
  return abs[lo] + (abs[Math.min(lo + 1, n - 1)] - abs[lo]) * (pos - lo) || abs[n - 1] || 1;
}

// src/metrics/significance.ts
function pairedBootstrap(n, metric, options) {
  const cand = metric(void 0, "candidate");
  const champ = metric(void 0, "champion");
  const observed = cand === null || champ === null ? NaN : cand - champ;
  const rand = mulberry32(options.seed);
  const weights = new Float64Array(n);
  const diffs = [];
  let skipped = 0;
  for (let r = 0; r < options.resamples; r++) {
    weights.fill(0);
    for (let i = 0; i < n; i++) weights[Math.floor(rand() * n)]++;
    const a = metric(weights, "candidate");
    const b = metric(weights, "champion");
    if (a === null || b === null) skipped++;
    else diffs.push(a - b);
  }
  diffs.sort((x, y) => x - y);
  const tail = (1 - options.confidence) / 2;
  return {
    observed,
    lower: quantileSorted(diffs, tail),
    upper: quantileSorted(diffs, 1 - tail),
    confidence: options.confidence,
    resamples: options.resamples,
    skipped,
    seed: options.seed
  };
}
var MCNEMAR_EXACT_BELOW = 25;
function mcnemar(candidateCorrect, championCorrect) {
  let b = 0;
  let c = 0;
  for (let i = 0; i < candidateCorrect.length; i++) {
    if (candidateCorrect[i] && !championCorrect[i]) b++;
    else if (!candidateCorrect[i] && championCorrect[i]) c++;
  }
  return mcnemarFromCounts(b, c);
}
function mcnemarFromCounts(b, c) {
  const discordant = b + c;
  if (discordant < MCNEMAR_EXACT_BELOW) {
    const pValue = discordant === 0 ? 1 : Math.min(1, 2 * binomialCdf(Math.min(b, c), discordant, 0.5));
    return { candidateOnly: b, championOnly: c, statistic: null, pValue, method: "exact" };
  }
  const statistic = (Math.abs(b - c) - 1) ** 2 / discordant;
  return { candidateOnly: b, championOnly: c, statistic, pValue: chiSquareSf(statistic, 1), method: "chi-square" };
}

// src/evaluate/collect.ts
var Float64Builder = class {
  buf = new Float64Array(1024);
  length = 0;
  push(v) {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  pushAll(values) {
    for (let i = 0; i < values.length; i++) this.push(values[i]);
  }
  toArray() {
    return this.buf.slice(0, this.length);
  }
};
async function collectPredictions(files, runners, options) {
  const task = runners[0].info.task;
  for (const r of runners.slice(1)) {
    if (r.info.task !== task) throw new MlopsError(`the candidate is a ${task} model but the baseline is a ${r.info.task} model: they cannot be compared`);
  }
  const outputs = runners.map(() => ({ labels: [], values: new Float64Builder(), proba: new Float64Builder(), predictMs: 0 }));
  const targetLabels = [];
  const targetValues = new Float64Builder();
  const sliceCells = new Map(options.sliceColumns.map((c) => [c, []]));
  const sample = { columns: [], rows: [] };
  let rows = 0;
  let skippedRows = 0;
  const source = options.source ?? readBatches;
  for (const file of files) {
    for await (const batch of source(file, options.readOptions)) {
      const t = batch.columns.indexOf(options.target);
      if (t < 0) throw new DataError(file, `no target column "${options.target}" (columns: ${listPreview(batch.columns)})`, { column: options.target });
      const kept = [];
      batch.rows.forEach((row, i) => {
        const cell = row[t] ?? null;
        if (cell === null) {
          skippedRows++;
          return;
        }
        if (task === "regression") {
          const v = toNumber(cell);
          if (v === void 0)
            throw new DataError(file, `target "${cellText(cell)}" is not a number (regression model)`, { row: batch.firstRow + i, column: options.target });
          targetValues.push(v);
        } else targetLabels.push(cellText(cell));
        kept.push(row);
      });
      if (kept.length === 0) continue;
      for (const [column, cells] of sliceCells) {
        const c = batch.columns.indexOf(column);
        if (c < 0) throw new DataError(file, `no slice column "${column}" (columns: ${listPreview(batch.columns)})`, { column });
        for (const row of kept) cells.push(row[c] ?? null);
      }
      if (sample.rows.length < options.sampleRows) {
        sample.columns = batch.columns;
        sample.rows.push(...kept.slice(0, options.sampleRows - sample.rows.length));
      }
      for (let m = 0; m < runners.length; m++) {
        const start = options.clock();
        const out = await runners[m].predict(batch.columns, kept);
        outputs[m].predictMs += options.clock() - start;
        store(outputs[m], out, runners[m], kept.length, file);
      }
      rows += kept.length;
      options.onProgress?.(rows);
    }
  }
  return { task, rows, skippedRows, targetLabels, targetValues, outputs, sliceCells, sample };
}
function store(out, batch, runner, expected, file) {
  if (batch.predictions.length !== expected) throw new MlopsError(`${file}: the model returned ${batch.predictions.length} predictions for ${expected} rows`);
  if (runner.info.task === "regression") {
    for (const p of batch.predictions) {
      const v = typeof p === "number" ? p : Number(p);
      if (!Number.isFinite(v)) throw new MlopsError(`${file}: the model predicted ${String(p)} for row ${out.values.length + 1}: metrics need finite numbers`);
      out.values.push(v);
    }
    return;
  }
  for (const p of batch.predictions) out.labels.push(String(p));
  const k = runner.info.classes?.length ?? 0;
  if (!batch.probabilities) return;
  for (const row of batch.probabilities) {
    if (row.length !== k) throw new MlopsError(`${file}: the model returned ${row.length} probabilities for ${k} classes`);
    if (!row.every(Number.isFinite))
      throw new MlopsError(`${file}: the model returned probabilities [${row.join(", ")}] for row ${out.proba.length / k + 1}: metrics need finite numbers`);
    out.proba.pushAll(row);
  }
}
async function timeSingleRows(runner, sample, clock, warmup = 5) {
  for (const row of sample.rows.slice(0, warmup)) await runner.predict(sample.columns, [row]);
  const times = [];
  for (const row of sample.rows) {
    const start = clock();
    await runner.predict(sample.columns, [row]);
    times.push(clock() - start);
  }
  return times;
}

// src/evaluate/slices.ts
var MAX_CATEGORIES_FOR_NUMBERS = 10;
var DEFAULT_BINS = 4;
var MISSING = "(missing)";
var MAX_DISTINCT_FOR_TEXT = 50;
var TEXT_MIN_MEAN_TOKENS = 3;
function sliceRows(cells, bins) {
  const numbers = [];
  let numeric = true;
  const distinct = /* @__PURE__ */ new Set();
  for (const cell of cells) {
    if (cell === null) continue;
    const v = toNumber(cell);
    if (v === void 0) numeric = false;
    else numbers.push(v);
    distinct.add(cellText(cell));
  }
  const binned = numeric && numbers.length > 0 && (bins !== void 0 || distinct.size > MAX_CATEGORIES_FOR_NUMBERS);
  if (binned) return byBins(cells, numbers, bins ?? DEFAULT_BINS);
  if (!numeric && distinct.size > MAX_DISTINCT_FOR_TEXT) {
    const lengths = cells.map((cell) => cell === null ? null : tokenize(cellText(cell)).length);
    const present = lengths.filter((n) => n !== null);
    if (present.length > 0 && present.reduce((a, b) => a + b, 0) / present.length >= TEXT_MIN_MEAN_TOKENS) {
      return byBins(lengths, present, bins ?? DEFAULT_BINS).map((s) => s.value === MISSING ? s : { ...s, value: `${s.value} tokens` });
    }
  }
  return byValue(cells);
}
function byValue(cells) {
  const groups = /* @__PURE__ */ new Map();
  cells.forEach((cell, i) => {
    const key = cell === null ? MISSING : cellText(cell);
    let g = groups.get(key);
    if (!g) groups.set(key, g = []);
    g.push(i);
  });
  return [...groups].map(([value2, indices]) => ({ value: value2, indices })).sort((a, b) => b.indices.length - a.indices.length || a.value.localeCompare(b.value));
}
function byBins(cells, numbers, bins) {
  let edges;
  if (Array.isArray(bins)) edges = [...new Set(bins)].sort((a, b) => a - b);
  else {
    const sorted = Float64Array.from(numbers).sort();
    edges = [...new Set(Array.from({ length: bins - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / bins)))];
  }
  const labels = [
    `< ${formatNumber(edges[0])}`,
    ...edges.slice(1).map((e, i) => `[${formatNumber(edges[i])}, ${formatNumber(e)})`),
    `\u2265 ${formatNumber(edges[edges.length - 1])}`
  ];
  const groups = labels.map(() => []);
  const missing = [];
  cells.forEach((cell, i) => {
    const v = cell === null ? void 0 : toNumber(cell);
    if (v === void 0) {
      missing.push(i);
      return;
    }
    let b = 0;
    while (b < edges.length && v >= edges[b]) b++;
    groups[b].push(i);
  });
  const out = labels.map((value2, b) => ({ value: value2, indices: groups[b] }));
  if (missing.length) out.push({ value: MISSING, indices: missing });
  return out;
}

// src/evaluate/evaluate.ts
async function evaluateRunners(options) {
  const models = options.champion ? [options.candidate, options.champion] : [options.candidate];
  const sliceColumns = [
    .../* @__PURE__ */ new Set([...options.gate?.slices?.columns ?? [], ...Object.keys(options.gate?.slices?.bins ?? {}), ...options.sliceColumns ?? []])
  ];
  const collected = await collectPredictions(
    options.files,
    models.map((m) => m.runner),
    {
      target: options.target,
      sliceColumns,
      sampleRows: options.latencyRows ?? 200,
      clock: options.clock,
      readOptions: options.readOptions,
      source: options.source,
      onProgress: options.onProgress
    }
  );
  if (options.minRows !== void 0 && collected.rows < options.minRows) return tooFewRows(options, collected, models);
  if (collected.rows === 0)
    throw new MlopsError(`no rows with a value in the target column "${options.target}" in ${listPreview(options.files)}: nothing to evaluate`);
  const task = collected.task;
  const significanceConfig = options.gate?.require_significant_improvement;
  const primary = significanceConfig?.metric ?? (task === "classification" ? "accuracy" : "rmse");
  const prepared = models.map((m, i) => prepare(collected, i, m.runner));
  const evaluations = [];
  for (let i = 0; i < models.length; i++) {
    const range = evaluations[0]?.residuals?.edges.at(-1);
    evaluations.push({ ...modelMetrics(prepared[i], true, range), model: models[i].name });
  }
  for (let i = 0; i < models.length; i++) Object.assign(evaluations[i].metrics, await operational(models[i], collected, i, options.clock));
  const slices = [];
  for (const column of sliceColumns) {
    const groups = sliceRows(collected.sliceCells.get(column), options.gate?.slices?.bins[column]);
    const perModel = prepared.map(
      (p) => subsets(
        p,
        groups.map((g) => g.indices)
      )
    );
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g];
      const [cand, champ] = perModel.map((parts) => modelMetrics(parts[g], false).metrics);
      const c = cand[primary] ?? null;
      const h = champ?.[primary] ?? null;
      const worse = champ && c !== null && h !== null ? higherIsBetter(primary) ? c < h : c > h : null;
      slices.push({ column, value: group.value, rows: group.indices.length, candidate: cand, champion: champ ?? null, worse });
    }
  }
  const significance = significanceConfig && prepared.length === 2 ? testImprovement(prepared[0], prepared[1], significanceConfig) : null;
  const champion = evaluations[1] ?? null;
  return {
    schema_version: 1,
    kind: "evaluation",
    generated_at: options.now().toISOString(),
    task,
    target: options.target,
    data: options.dataNames ?? options.files,
    rows: collected.rows,
    skipped_rows: collected.skippedRows,
    primary_metric: primary,
    candidate: evaluations[0],
    champion,
    slices,
    significance,
    verdict: decide(options.gate, evaluations[0].metrics, champion?.metrics ?? null, slices, significance, options.noChampion)
  };
}
function tooFewRows(options, collected, models) {
  const reason = `${formatNumber(collected.rows)} rows < min rows ${formatNumber(options.minRows)}`;
  const gate = options.gate;
  const rules = gate ? [...gate.rules.map((r) => [r, "rules"]), ...gate.budgets.map((r) => [r, "budgets"])] : [];
  const results = rules.map(([rule, section]) => ({
    rule: rule.text,
    section,
    metric: rule.metric,
    candidate: null,
    champion: null,
    threshold: null,
    status: "skipped",
    reason
  }));
  return {
    schema_version: 1,
    kind: "evaluation",
    generated_at: options.now().toISOString(),
    task: collected.task,
    target: options.target,
    data: options.dataNames ?? options.files,
    rows: collected.rows,
    skipped_rows: collected.skippedRows,
    primary_metric: collected.task === "classification" ? "accuracy" : "rmse",
    candidate: { model: models[0].name, metrics: {} },
    champion: models[1] ? { model: models[1].name, metrics: {} } : null,
    slices: [],
    significance: null,
    min_rows: options.minRows,
    verdict: {
      verdict: "pass",
      passed: true,
      hasChampion: models.length > 1,
      results,
      notes: [
        `Only ${formatNumber(collected.rows)} rows to evaluate, fewer than the minimum of ${formatNumber(options.minRows)}: the gate was not applied and no metrics were computed.`
      ]
    }
  };
}
function prepare(collected, m, runner) {
  const out = collected.outputs[m];
  if (collected.task === "regression") return { kind: "regression", yTrue: collected.targetValues.toArray(), yPred: out.values.toArray() };
  const modelClasses = runner.info.classes ?? [];
  const classes = [...modelClasses];
  const index = new Map(classes.map((c, i) => [c, i]));
  const numericIndex = /* @__PURE__ */ new Map();
  classes.forEach((c, i) => {
    const v = toNumber(c);
    if (v !== void 0 && !numericIndex.has(v)) numericIndex.set(v, i);
  });
  const indexOf = (label) => {
    let i = index.get(label);
    if (i === void 0) {
      const v = toNumber(label);
      i = v === void 0 ? void 0 : numericIndex.get(v);
      if (i === void 0) {
        i = classes.length;
        classes.push(label);
      }
      index.set(label, i);
    }
    return i;
  };
  const n = collected.rows;
  const yTrue = new Int32Array(n);
  const yPred = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    yTrue[r] = indexOf(collected.targetLabels[r]);
    yPred[r] = indexOf(out.labels[r]);
  }
  const proba = out.proba.length === n * modelClasses.length && modelClasses.length > 0 ? out.proba.toArray() : void 0;
  const data = { classes, yTrue, yPred, proba, k: modelClasses.length };
  return { kind: "classification", prep: new PreparedClassification(data) };
}
function subsets(p, groups) {
  if (p.kind === "regression") return groups.map((g) => ({ kind: "regression", yTrue: subsetRegression(p.yTrue, g), yPred: subsetRegression(p.yPred, g) }));
  return p.prep.subsets(groups).map((prep) => ({ kind: "classification", prep }));
}
function modelMetrics(p, curves = true, residualRange) {
  if (p.kind === "regression") {
    const residuals = curves ? residualHistogram(p.yTrue, p.yPred, residualRange) : null;
    return { metrics: regressionMetrics(p.yTrue, p.yPred), ...residuals ? { residuals } : {} };
  }
  const m = classificationMetrics(p.prep);
  const positive = curves && p.prep.binary && p.prep.data.proba ? p.prep.oneVsRest(1) : void 0;
  const drawn = positive ? binaryCurves(positive.positive, positive.scores, positive.order) : null;
  return { metrics: m.scalars, perClass: m.perClass, confusion: m.confusion, calibration: m.calibration, ...drawn ? { curves: drawn } : {} };
}
function metricWith(p, name, weights) {
  if (p.kind === "regression") return regressionMetrics(p.yTrue, p.yPred, weights)[name] ?? null;
  return classificationMetric(p.prep, name, weights);
}
async function operational(model, collected, m, clock) {
  const size = model.file ? (await stat(model.file)).size / 1e6 : null;
  const times = Float64Array.from(await timeSingleRows(model.runner, collected.sample, clock)).sort();
  const predictMs = collected.outputs[m].predictMs;
  return {
    size_mb: size,
    p50_latency_ms: times.length ? quantileSorted(times, 0.5) : null,
    p99_latency_ms: times.length ? quantileSorted(times, 0.99) : null,
    throughput_rows_per_s: predictMs > 0 ? collected.rows / (predictMs / 1e3) : null
  };
}
function testImprovement(candidate, champion, config) {
  const n = candidate.kind === "regression" ? candidate.yTrue.length : candidate.prep.n;
  const bootstrap = pairedBootstrap(n, (w, which) => metricWith(which === "candidate" ? candidate : champion, config.metric, w), config);
  const up = higherIsBetter(config.metric);
  const ciImproves = up ? bootstrap.lower > 0 : bootstrap.upper < 0;
  const pct = `${Math.round(config.confidence * 100)}%`;
  const reasons = [
    `\u0394 ${config.metric} ${signed(bootstrap.observed)}, ${pct} CI [${formatNumber(bootstrap.lower)}, ${formatNumber(bootstrap.upper)}] ${ciImproves ? "lies" : "does not lie"} ${up ? "above" : "below"} 0`
  ];
  let significant = ciImproves && Number.isFinite(bootstrap.lower);
  let mc = null;
  if (config.mcnemar && candidate.kind === "classification" && champion.kind === "classification") {
    const right = (p) => Uint8Array.from(p.data.yTrue, (t, i) => t === p.data.yPred[i] ? 1 : 0);
    mc = mcnemar(right(candidate.prep), right(champion.prep));
    const ok = mc.pValue < 1 - config.confidence && mc.candidateOnly > mc.championOnly;
    reasons.push(`McNemar p = ${formatNumber(mc.pValue)} (${mc.method}; candidate-only right ${mc.candidateOnly}, champion-only right ${mc.championOnly})`);
    significant = significant && ok;
  }
  return { metric: config.metric, bootstrap, mcnemar: mc, significant, reason: reasons.join("; ") };
}
function signed(v) {
  return (v > 0 ? "+" : "") + formatNumber(v);
}

// src/evaluate/gate.ts
var RULE = /^\s*([a-z0-9_]+)\s*(>=|<=|>|<)\s*(.+?)\s*$/;
var NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
var CHAMPION = /^champion(?:\s*([-+*])\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?))?$/;
function parseRule(text) {
  const m = RULE.exec(text);
  if (!m) throw new Error('expected METRIC OP VALUE, e.g. "accuracy >= 0.85" or "f1 >= champion - 0.01" (OP is >=, <=, > or <)');
  const [, written, op, rhs] = m;
  const metric = canonicalMetric(written);
  if (!METRIC_NAMES.includes(metric)) throw new Error(`unknown metric "${written}" (known: ${METRIC_NAMES.join(", ")})`);
  const named = metric === written ? {} : { alias: written };
  const ruleText = text.trim().replace(written, metric);
  if (NUMBER.test(rhs)) return { text: ruleText, metric, op, threshold: { kind: "absolute", value: Number(rhs) }, ...named };
  const c = CHAMPION.exec(rhs);
  if (!c) throw new Error(`cannot read "${rhs}": use a number, "champion", "champion - 0.01" or "champion * 1.1"`);
  const amount = c[2] === void 0 ? 0 : Number(c[2]);
  const threshold = c[1] === "*" ? { kind: "champion", factor: amount, offset: 0 } : { kind: "champion", factor: 1, offset: c[1] === "-" ? -amount : amount };
  return { text: ruleText, metric, op, threshold, ...named };
}
var ruleList = (check) => external_exports.array(external_exports.string()).default([]).transform((texts, ctx) => {
  const rules = [];
  texts.forEach((text, i) => {
    try {
      const rule = parseRule(text);
      const problem = check?.(rule);
      if (problem) throw new Error(problem);
      rules.push(rule);
    } catch (err) {
      ctx.addIssue({ code: "custom", message: `rule "${text}": ${err.message}`, path: [i] });
    }
  });
  return rules;
});
var significanceSchema = external_exports.object({
  metric: external_exports.string().refine((m) => METRIC_NAMES.includes(canonicalMetric(m)) && !isOperational(canonicalMetric(m)), {
    message: "must be a quality metric such as accuracy, f1, roc_auc or rmse"
  }),
  confidence: external_exports.number().gt(0.5).lt(1).default(0.95),
  resamples: external_exports.number().int().min(100).max(1e5).default(1e3),
  seed: external_exports.number().int().default(0),
  /** Classifiers: also require McNemar's test on per-row correctness at 1 − confidence. */
  mcnemar: external_exports.boolean().default(true)
}).strict().transform((s) => canonicalMetric(s.metric) === s.metric ? s : { ...s, metric: canonicalMetric(s.metric), alias: s.metric });
var gateSchema = external_exports.object({
  schema_version: external_exports.literal(1, { error: 'schema_version must be 1 (add "schema_version: 1" at the top)' }),
  rules: ruleList((r) => isOperational(r.metric) ? `${r.metric} is operational: put it under budgets` : void 0),
  budgets: ruleList((r) => isOperational(r.metric) ? void 0 : `${r.metric} is not operational: put it under rules`),
  slices: external_exports.object({
    columns: external_exports.array(external_exports.string().min(1)).default([]),
    /** Numeric columns: a number of equal-frequency bins, or explicit edges. */
    bins: external_exports.record(external_exports.string(), external_exports.union([external_exports.number().int().min(2).max(100), external_exports.array(external_exports.number()).min(1)])).default({}),
    min_rows: external_exports.number().int().min(1).default(30),
    rules: ruleList((r) => isOperational(r.metric) ? `${r.metric} cannot be measured per slice` : void 0)
  }).strict().optional(),
  require_significant_improvement: significanceSchema.optional()
}).strict();
function gateWarnings(gate, file) {
  const rules = [...gate.rules, ...gate.budgets, ...gate.slices?.rules ?? []];
  const written = rules.filter((r) => r.alias).map((r) => aliasWarning(r.alias, `${file}, rule "${r.text}"`));
  const sig = gate.require_significant_improvement;
  if (sig && "alias" in sig && sig.alias) written.push(aliasWarning(sig.alias, `${file}, require_significant_improvement`));
  return written;
}
function parseGate(text, file) {
  return parseConfigFile(text, file, gateSchema, { expect: "a gate file must be a YAML mapping with schema_version: 1 and rules:" });
}

// src/data/labels.ts
async function readLabels(patterns, key, target, cwd = process.cwd()) {
  const files = await expandDataPaths(patterns, cwd);
  const byKey = /* @__PURE__ */ new Map();
  for (const file of files) {
    for await (const batch of readBatches(file)) {
      const k = batch.columns.indexOf(key);
      const t = batch.columns.indexOf(target);
      if (k < 0) throw new DataError(file, `no key column "${key}" (columns: ${listPreview(batch.columns)})`, { column: key });
      if (t < 0) throw new DataError(file, `no target column "${target}" (columns: ${listPreview(batch.columns)})`, { column: target });
      for (const row of batch.rows) {
        const id = row[k] ?? null;
        const label = row[t] ?? null;
        if (id === null || label === null) continue;
        byKey.set(cellText(id), cellText(label));
      }
    }
  }
  return { files, key, target, byKey };
}

// src/evaluate/run.ts
async function runEvaluation(request) {
  const gate = request.gate ? parseGate(await readText(resolve(request.cwd, request.gate)), request.gate) : void 0;
  if (gate) for (const line of gateWarnings(gate, request.gate)) request.warn?.(line);
  const files = (await expandDataPaths(request.data, request.cwd)).map((f) => resolve(request.cwd, f));
  const modelFile = async (ref) => {
    if (!isRegistryRef(ref)) return { file: resolve(request.cwd, ref), params: await lineageParams(resolve(request.cwd, ref)) };
    const resolved = await resolveRegistryRef(ref, { cwd: request.cwd, env: request.env });
    return { file: resolved.modelFile, params: recordOf(resolved.metadata.params) };
  };
  const candidateModel = await modelFile(request.model);
  const candidateFile = candidateModel.file;
  let championFile;
  let championParams;
  let noChampion = { kind: "first" };
  if (request.baseline && isRegistryRef(request.baseline)) {
    const found = await resolveRegistryBaseline(request.baseline, { cwd: request.cwd, env: request.env });
    if ("absent" in found) {
      const { stage } = parseModelRef(request.baseline.slice("registry:".length));
      noChampion = { kind: "absent", baseline: request.baseline, stage, reason: found.absent };
    } else {
      championFile = found.modelFile;
      championParams = recordOf(found.metadata.params);
    }
  } else if (request.baseline) {
    championFile = resolve(request.cwd, request.baseline);
    championParams = await lineageParams(championFile);
  }
  const join2 = request.labels ? createLabelJoin({ labels: await readLabels(request.labels.files, request.labels.key, request.target, request.cwd), since: request.labels.since }) : void 0;
  const runners = [];
  try {
    const candidate = await request.loadModel(candidateFile, { features: request.features });
    runners.push(candidate);
    const champion = championFile ? await request.loadModel(championFile) : void 0;
    if (champion) runners.push(champion);
    const evaluation = await evaluateRunners({
      files,
      dataNames: request.data,
      target: request.target,
      candidate: { runner: candidate, name: request.model, file: candidateFile },
      champion: champion && { runner: champion, name: request.baseline, file: championFile },
      gate,
      sliceColumns: request.slices,
      latencyRows: request.latencyRows,
      source: join2?.batches,
      minRows: request.minRows,
      noChampion: join2 !== void 0 && !champion ? { kind: "monitoring" } : noChampion,
      clock: request.clock,
      now: request.now,
      onProgress: request.onProgress
    });
    if (join2) evaluation.labels = join2.summary();
    if (noChampion.kind === "absent") evaluation.first_model = { baseline: noChampion.baseline, reason: noChampion.reason };
    if (candidateModel.params) evaluation.candidate.params = candidateModel.params;
    if (championParams && evaluation.champion) evaluation.champion.params = championParams;
    return { evaluation, markdown: evaluationMarkdown(evaluation) };
  } finally {
    for (const r of runners) await r.close();
  }
}
async function lineageParams(modelFile) {
  try {
    return recordOf(JSON.parse(await readFile(join(dirname(modelFile), "lineage.json"), "utf8")).params);
  } catch {
    return void 0;
  }
}
function recordOf(value2) {
  return value2 !== null && typeof value2 === "object" && !Array.isArray(value2) ? value2 : void 0;
}

export {
  gateApplied,
  keyMetrics,
  runEvaluation
};
