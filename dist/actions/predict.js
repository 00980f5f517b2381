import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  DEFAULT_PREDICT_BATCH
} from "./chunk-CQZNM7RD.js";
import {
  writeJson
} from "./chunk-FSEDJN55.js";
import {
  booleanInput,
  choiceInput,
  ensureActionRuntime,
  input,
  listInput,
  optionalInput,
  runAction
} from "./chunk-DSG4NIVZ.js";
import {
  info,
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

// actions/predict/main.ts
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
var bundleDir = dirname(fileURLToPath(import.meta.url));
function integerInput(name, min, fallback) {
  const text = input(name, String(fallback));
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min) throw new MlopsError(`input "${name}" must be an integer \u2265 ${min} (got "${text}")`);
  return n;
}
await runAction(async () => {
  const env = process.env;
  const data = listInput("data");
  if (data.length === 0) input("data");
  const model = input("model");
  const shard = { index: integerInput("shard-index", 0, 0), count: integerInput("shard-count", 1, 1) };
  await ensureActionRuntime("predict", bundleDir, { install: booleanInput("install-runtime", true), gpu: false });
  const { runPredict } = await import("./chunk-CLJWMB33.js");
  const { predictMarkdown } = await import("./chunk-OSNSPKCZ.js");
  const { rowProgress } = await import("./chunk-R4AOR765.js");
  const progress = rowProgress(process.stdout, "scored");
  const keys = listInput("keys");
  const summary2 = await runPredict({
    model,
    data,
    out: input("out", "predictions"),
    outFormat: optionalInput("out-format") === void 0 ? void 0 : choiceInput("out-format", ["csv", "jsonl", "parquet"], "csv"),
    rejects: optionalInput("rejects"),
    keys: keys.length > 0 ? keys : void 0,
    batchSize: integerInput("batch-size", 1, DEFAULT_PREDICT_BATCH),
    rejectUnknownCategories: booleanInput("reject-unknown-categories", false),
    shard,
    cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
    env,
    clock: () => performance.now(),
    onProgress: (rows) => progress.update(rows)
  });
  const summaryPath = join(env.RUNNER_TEMP ?? process.cwd(), "predict-summary.json");
  await writeJson(summaryPath, summary2);
  await summary.addRaw(predictMarkdown(summary2)).write();
  setOutput("rows", String(summary2.rows));
  setOutput("predicted", String(summary2.predicted));
  setOutput("rejected", String(summary2.rejected));
  setOutput("out-path", summary2.files.map((f) => f.out).join("\n"));
  setOutput("rejects-path", summary2.files.map((f) => f.rejects).join("\n"));
  setOutput("summary", summaryPath);
  if (summary2.files.length === 0) notice(`shard ${shard.index} of ${shard.count} has no input files`);
  info(`${summary2.rows} rows in, ${summary2.predicted} predicted, ${summary2.rejected} rejected (${Math.round(summary2.rows_per_second)} rows/s)`);
  if (summary2.rejected > 0) {
    const where = summary2.files.filter((f) => f.rejected > 0).map((f) => f.rejects).join(", ");
    const message = `${summary2.rejected} of ${summary2.rows} rows rejected (reasons in ${where})`;
    if (booleanInput("fail-on-rejects", false)) setFailed(message);
    else warning(message);
  }
});
