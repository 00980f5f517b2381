import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  alertOnGitHub,
  modelNameInput,
  readAlertSettings,
  syncAlertIssue
} from "./chunk-6VVNTWTG.js";
import {
  gateApplied,
  runEvaluation
} from "./chunk-3W7ZHVFM.js";
import "./chunk-EJS264ZM.js";
import {
  parseSince
} from "./chunk-D5QG44TH.js";
import "./chunk-IGVNGYKA.js";
import "./chunk-JAEFTYJN.js";
import "./chunk-P3KYZO3W.js";
import "./chunk-OAHVFHKC.js";
import "./chunk-ZYT4E5FZ.js";
import {
  loadModel
} from "./chunk-F2U3ZBUW.js";
import "./chunk-H5C2A4B6.js";
import "./chunk-7NAD3LN6.js";
import {
  formatNumber
} from "./chunk-MHD452QX.js";
import "./chunk-A7AIN4HT.js";
import {
  writeJson,
  writeText
} from "./chunk-WY2OJ7ZN.js";
import {
  booleanInput,
  ensureActionRuntime,
  input,
  integerInput,
  listInput,
  optionalInput,
  runAction,
  secretInput,
  writeOutputs
} from "./chunk-JQVGLAA4.js";
import {
  notice,
  setFailed,
  summary,
  warning
} from "./chunk-3WIH4RIN.js";
import "./chunk-I3FICYBY.js";
import {
  MlopsError
} from "./chunk-5MKGLQLX.js";
import "./chunk-UFMD3KOA.js";

// actions/performance/main.ts
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// src/alerts/performance-issue.ts
var PERFORMANCE = {
  marker: "mlops-performance",
  title: (model) => `Performance below the gate: ${model}`,
  persists: "Performance is still below the gate"
};
function reportPerformanceOnGitHub(options) {
  const { evaluation } = options;
  return syncAlertIssue({
    ...options,
    kind: PERFORMANCE,
    state: !gateApplied(evaluation) ? "unknown" : evaluation.verdict.passed ? "clear" : "alert",
    cleared: `The model passes the gate again on ${formatNumber(evaluation.rows)} labelled rows; closing.`,
    payload: (issue) => performancePayload(options.model, evaluation, issue)
  });
}
function performancePayload(model, evaluation, issueNumber) {
  const failed = evaluation.verdict.results.filter((r) => r.status === "fail");
  const rules = failed.map((r) => r.slice ? `${r.rule} @ ${r.slice}` : r.rule);
  const reasons = failed.slice(0, 3).map((r) => `${r.slice ? `${r.metric} @ ${r.slice}` : r.metric} ${r.reason}`);
  return {
    model,
    trigger: "performance",
    summary: `failed ${failed.length} gate rule${failed.length === 1 ? "" : "s"} on ${formatNumber(evaluation.rows)} labelled rows: ${reasons.join("; ")}${failed.length > 3 ? "; \u2026" : ""}`,
    failed_rules: rules,
    rows: evaluation.rows,
    issue_number: issueNumber
  };
}

// actions/performance/main.ts
function readPerformanceSettings(env) {
  const reference = input("model");
  const data = listInput("data");
  if (data.length === 0) input("data");
  const labels = listInput("labels");
  const key = optionalInput("key");
  if (labels.length > 0 && !key) throw new MlopsError('input "key" is required with "labels": the column that joins labels to the logged rows');
  const since = optionalInput("since");
  return {
    reference,
    data,
    target: input("target"),
    gate: optionalInput("gate"),
    slices: listInput("slices"),
    labels: labels.length > 0 ? { files: labels, key, since: since === void 0 ? void 0 : parseSince(since, /* @__PURE__ */ new Date()) } : void 0,
    minRows: integerInput("min-rows", { min: 0 }) ?? 100,
    model: modelNameInput("name", reference, env),
    token: secretInput("token"),
    failOnFailure: booleanInput("fail-on-failure", false),
    alert: readAlertSettings(env)
  };
}
await runAction(async () => {
  const env = process.env;
  const settings = readPerformanceSettings(env);
  const { model } = settings;
  await ensureActionRuntime("evaluate", dirname(fileURLToPath(import.meta.url)));
  const { evaluation, markdown } = await runEvaluation({
    model: settings.reference,
    data: settings.data,
    target: settings.target,
    gate: settings.gate,
    slices: settings.slices,
    labels: settings.labels,
    minRows: settings.minRows,
    cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
    env: { ...env, GITHUB_TOKEN: settings.token },
    loadModel,
    clock: () => performance.now(),
    now: () => /* @__PURE__ */ new Date(),
    warn: warning
  });
  const judged = gateApplied(evaluation);
  const status = !judged ? "skipped" : evaluation.verdict.passed ? "pass" : "fail";
  const heading = `## Performance \u2014 ${model}: ${status === "fail" ? "\u26A0\uFE0F below the gate" : status === "pass" ? "within the gate" : "not judged (too few labelled rows)"}

`;
  const report = heading + markdown;
  const dir = env.RUNNER_TEMP ?? process.cwd();
  const reportPath = join(dir, "performance-report.md");
  const resultPath = join(dir, "performance.json");
  await writeText(reportPath, report);
  await writeJson(resultPath, evaluation);
  await summary.addRaw(report).write();
  const { issueNumber, dispatched } = judged ? await alertOnGitHub(
    env,
    settings.alert,
    { check: "performance", failing: status === "fail" },
    (context) => reportPerformanceOnGitHub({ ...context, model, evaluation, markdown: report })
  ) : { issueNumber: "", dispatched: false };
  if (!judged)
    notice(`${evaluation.rows} labelled rows, fewer than min-rows ${evaluation.min_rows}: performance not judged`, { title: "performance drift" });
  writeOutputs({
    status,
    passed: judged ? String(evaluation.verdict.passed) : "",
    rows: String(evaluation.rows),
    report: reportPath,
    result: resultPath,
    "issue-number": issueNumber,
    dispatched: String(dispatched)
  });
  const failed = evaluation.verdict.results.filter((r) => r.status === "fail");
  for (const r of failed) warning(`${r.rule}${r.slice ? ` @ ${r.slice}` : ""}: ${r.reason}`, { title: "performance drift" });
  if (status === "fail" && settings.failOnFailure) setFailed(`the model failed ${failed.length} gate rules on ${evaluation.rows} labelled rows`);
});
