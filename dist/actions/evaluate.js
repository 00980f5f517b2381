import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  commentContext,
  publishReport
} from "./chunk-TWGNRSSX.js";
import {
  keyMetrics,
  runEvaluation
} from "./chunk-B3UTFWS7.js";
import "./chunk-EGV7ZSGI.js";
import {
  loadModel
} from "./chunk-NWQGZY2H.js";
import "./chunk-OQGHADFD.js";
import "./chunk-OGHKVSQC.js";
import "./chunk-364XF4JA.js";
import "./chunk-PEPUHVGL.js";
import "./chunk-OAHVFHKC.js";
import {
  yamlLines
} from "./chunk-42D63W2B.js";
import "./chunk-VAJS7OGD.js";
import "./chunk-3YEWR3YU.js";
import "./chunk-LURG2SKJ.js";
import "./chunk-7NAD3LN6.js";
import "./chunk-MHD452QX.js";
import "./chunk-ESN2JISM.js";
import {
  writeJson,
  writeText
} from "./chunk-FSEDJN55.js";
import {
  booleanInput,
  emitAnnotation,
  ensureActionRuntime,
  input,
  listInput,
  optionalInput,
  optionalSecretInput,
  runAction
} from "./chunk-DSG4NIVZ.js";
import {
  info,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-3WIH4RIN.js";
import "./chunk-I3FICYBY.js";
import "./chunk-C6QX2IVX.js";
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
await runAction(async () => {
  await ensureActionRuntime("evaluate", dirname(fileURLToPath(import.meta.url)));
  const reportPath = input("report-path", "mlops-evaluation.md");
  const jsonPath = input("json-path", "mlops-evaluation.json");
  const token = optionalSecretInput("github-token");
  const { evaluation, markdown } = await runEvaluation({
    model: input("model"),
    data: listInput("data"),
    target: input("target"),
    baseline: optionalInput("baseline"),
    gate: optionalInput("gate"),
    slices: listInput("slices"),
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
  if (booleanInput("comment", true)) {
    const result = await publishReport({ ...await commentContext(process.env, { token }), id: input("report-id", "evaluate"), markdown, now: () => /* @__PURE__ */ new Date() });
    commentUrl = result.comment?.url ?? "";
    if (result.comment) info(`${result.comment.action} comment ${result.comment.url}`);
    if (result.skipped) warning(`No comment posted: ${result.skipped}`);
  } else await summary.addRaw(markdown).write();
  const v = evaluation.verdict;
  setOutput("verdict", v.verdict);
  setOutput("passed", String(v.passed));
  setOutput("metrics", JSON.stringify(keyMetrics(evaluation)));
  setOutput("report-path", reportPath);
  setOutput("json-path", jsonPath);
  setOutput("comment-url", commentUrl);
  const failed = v.results.filter((r) => r.status === "fail");
  const gate = optionalInput("gate");
  if (failed.length > 0) for (const a of gateAnnotations(evaluation, gate ? { file: gate, text: await readFile(gate, "utf8") } : void 0)) emitAnnotation(a);
  if (!v.passed && booleanInput("fail-on-gate", true)) setFailed(`evaluation gate failed: ${failed.length} of ${v.results.length} rules; see the report`);
});
