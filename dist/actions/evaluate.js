import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  commentContext,
  publishReport
} from "./chunk-C5LTHVJU.js";
import {
  keyMetrics,
  runEvaluation
} from "./chunk-3W7ZHVFM.js";
import "./chunk-EJS264ZM.js";
import "./chunk-D5QG44TH.js";
import "./chunk-IGVNGYKA.js";
import "./chunk-JAEFTYJN.js";
import "./chunk-P3KYZO3W.js";
import "./chunk-OAHVFHKC.js";
import {
  yamlLines
} from "./chunk-ZYT4E5FZ.js";
import {
  loadModel
} from "./chunk-F2U3ZBUW.js";
import "./chunk-H5C2A4B6.js";
import "./chunk-7NAD3LN6.js";
import "./chunk-MHD452QX.js";
import "./chunk-A7AIN4HT.js";
import {
  writeJson,
  writeText
} from "./chunk-WY2OJ7ZN.js";
import {
  booleanInput,
  emitAnnotation,
  ensureActionRuntime,
  input,
  listInput,
  optionalInput,
  optionalSecretInput,
  runAction,
  writeOutputs
} from "./chunk-JQVGLAA4.js";
import {
  info,
  setFailed,
  summary,
  warning
} from "./chunk-3WIH4RIN.js";
import "./chunk-I3FICYBY.js";
import "./chunk-5MKGLQLX.js";
import "./chunk-UFMD3KOA.js";

// actions/evaluate/main.ts
import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

// src/evaluate/gate-annotations.ts
var SECTION_PATH = {
  rules: ["rules"],
  budgets: ["budgets"],
  slices: ["slices", "rules"],
  significance: ["require_significant_improvement"]
};
function gateAnnotations(ev, gate) {
  const lines = yamlLines(gate?.text ?? "");
  return ev.verdict.results.filter((r) => r.status === "fail").map((r) => ({
    level: "error",
    title: "evaluation gate",
    message: `${r.rule}${r.slice ? ` @ ${r.slice}` : ""}: ${r.reason}`,
    file: gate?.file,
    line: gate && r.section === "significance" ? lines.lineOf(SECTION_PATH.significance) : lines.lineOfItem(SECTION_PATH[r.section], r.rule) ?? lines.lineOf(SECTION_PATH[r.section])
  }));
}

// actions/evaluate/main.ts
function readEvaluateSettings() {
  return {
    model: input("model"),
    data: listInput("data"),
    target: input("target"),
    baseline: optionalInput("baseline"),
    gate: optionalInput("gate"),
    slices: listInput("slices"),
    reportPath: input("report-path", "mlops-evaluation.md"),
    jsonPath: input("json-path", "mlops-evaluation.json"),
    token: optionalSecretInput("github-token"),
    comment: booleanInput("comment", true),
    reportId: input("report-id", "evaluate"),
    failOnGate: booleanInput("fail-on-gate", true)
  };
}
await runAction(async () => {
  const settings = readEvaluateSettings();
  const { reportPath, jsonPath, token, gate } = settings;
  await ensureActionRuntime("evaluate", dirname(fileURLToPath(import.meta.url)));
  const { evaluation, markdown } = await runEvaluation({
    model: settings.model,
    data: settings.data,
    target: settings.target,
    baseline: settings.baseline,
    gate,
    slices: settings.slices,
    cwd: process.cwd(),
    env: token ? { ...process.env, GITHUB_TOKEN: token } : process.env,
    loadModel,
    clock: () => performance.now(),
    now: () => /* @__PURE__ */ new Date(),
    warn: warning
  });
  await writeText(reportPath, markdown);
  await writeJson(jsonPath, evaluation);
  let commentUrl = "";
  if (settings.comment) {
    const result = await publishReport({ ...await commentContext(process.env, { token }), id: settings.reportId, markdown, now: () => /* @__PURE__ */ new Date() });
    commentUrl = result.comment?.url ?? "";
    if (result.comment) info(`${result.comment.action} comment ${result.comment.url}`);
    if (result.skipped) warning(`No comment posted: ${result.skipped}`);
  } else await summary.addRaw(markdown).write();
  const v = evaluation.verdict;
  writeOutputs({
    verdict: v.verdict,
    passed: String(v.passed),
    metrics: JSON.stringify(keyMetrics(evaluation)),
    "report-path": reportPath,
    "json-path": jsonPath,
    "comment-url": commentUrl
  });
  const failed = v.results.filter((r) => r.status === "fail");
  if (failed.length > 0) for (const a of gateAnnotations(evaluation, gate ? { file: gate, text: await readFile(gate, "utf8") } : void 0)) emitAnnotation(a);
  if (!v.passed && settings.failOnGate) setFailed(`evaluation gate failed: ${failed.length} of ${v.results.length} rules; see the report`);
});
