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
  gateApplied,
  runEvaluation
} from "./chunk-B3UTFWS7.js";
import "./chunk-EGV7ZSGI.js";
import {
  loadModel
} from "./chunk-NWQGZY2H.js";
import {
  parseSince
} from "./chunk-OQGHADFD.js";
import "./chunk-OGHKVSQC.js";
import "./chunk-364XF4JA.js";
import "./chunk-PEPUHVGL.js";
import "./chunk-OAHVFHKC.js";
import "./chunk-42D63W2B.js";
import "./chunk-VAJS7OGD.js";
import "./chunk-3YEWR3YU.js";
import "./chunk-LURG2SKJ.js";
import "./chunk-7NAD3LN6.js";
import {
  formatNumber
} from "./chunk-MHD452QX.js";
import "./chunk-ESN2JISM.js";
import {
  writeJson,
  writeText
} from "./chunk-FSEDJN55.js";
import {
  booleanInput,
  ensureActionRuntime,
  input,
  listInput,
  optionalInput,
  runAction,
  secretInput
} from "./chunk-DSG4NIVZ.js";
import {
  notice,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-3WIH4RIN.js";
import "./chunk-I3FICYBY.js";
import {
  MlopsError
} from "./chunk-C6QX2IVX.js";
import "./chunk-UFMD3KOA.js";

// actions/performance/main.ts
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// src/github/performance-issue.ts
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
await runAction(async () => {
  await ensureActionRuntime("evaluate", dirname(fileURLToPath(import.meta.url)));
  const env = process.env;
  const reference = input("model");
  const data = listInput("data");
  if (data.length === 0) input("data");
  const labels = listInput("labels");
  const key = optionalInput("key");
  if (labels.length > 0 && !key) throw new MlopsError('input "key" is required with "labels": the column that joins labels to the logged rows');
  const since = optionalInput("since");
  const model = modelNameInput("name", reference, env);
  const dispatch = dispatchInput(env);
  const token = secretInput("token");
  const { evaluation, markdown } = await runEvaluation({
    model: reference,
    data,
    target: input("target"),
    gate: optionalInput("gate"),
    slices: listInput("slices"),
    labels: labels.length > 0 ? { files: labels, key, since: since === void 0 ? void 0 : parseSince(since, /* @__PURE__ */ new Date()) } : void 0,
    minRows: numberInput("min-rows", (x) => Number.isInteger(x) && x >= 0) ?? 100,
    cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
    env: { ...env, GITHUB_TOKEN: token },
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
    { check: "performance", failing: status === "fail", dispatch },
    (context) => reportPerformanceOnGitHub({ ...context, model, evaluation, markdown: report })
  ) : { issueNumber: "", dispatched: false };
  if (!judged) notice(`${evaluation.rows} labelled rows, fewer than min-rows ${evaluation.min_rows}: performance not judged`, { title: "performance drift" });
  setOutput("status", status);
  setOutput("passed", judged ? String(evaluation.verdict.passed) : "");
  setOutput("rows", String(evaluation.rows));
  setOutput("report", reportPath);
  setOutput("result", resultPath);
  setOutput("issue-number", issueNumber);
  setOutput("dispatched", String(dispatched));
  const failed = evaluation.verdict.results.filter((r) => r.status === "fail");
  for (const r of failed) warning(`${r.rule}${r.slice ? ` @ ${r.slice}` : ""}: ${r.reason}`, { title: "performance drift" });
  if (status === "fail" && booleanInput("fail-on-failure", false)) setFailed(`the model failed ${failed.length} gate rules on ${evaluation.rows} labelled rows`);
});
