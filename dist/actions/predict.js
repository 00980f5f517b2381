import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  DEFAULT_PREDICT_BATCH
} from "./chunk-IZX7CWO6.js";
import {
  writeJson
} from "./chunk-WY2OJ7ZN.js";
import {
  booleanInput,
  choiceInput,
  ensureActionRuntime,
  input,
  integerInput,
  listInput,
  optionalInput,
  runAction,
  writeOutputs
} from "./chunk-JQVGLAA4.js";
import {
  info,
  notice,
  setFailed,
  summary,
  warning
} from "./chunk-3WIH4RIN.js";
import "./chunk-I3FICYBY.js";
import "./chunk-5MKGLQLX.js";
import "./chunk-UFMD3KOA.js";

// actions/predict/main.ts
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
var bundleDir = dirname(fileURLToPath(import.meta.url));
function readPredictSettings() {
  const data = listInput("data");
  if (data.length === 0) input("data");
  const keys = listInput("keys");
  return {
    data,
    model: input("model"),
    shard: { index: integerInput("shard-index", { min: 0 }) ?? 0, count: integerInput("shard-count", { min: 1 }) ?? 1 },
    out: input("out", "predictions"),
    outFormat: optionalInput("out-format") === void 0 ? void 0 : choiceInput("out-format", ["csv", "jsonl", "parquet"], "csv"),
    rejects: optionalInput("rejects"),
    keys: keys.length > 0 ? keys : void 0,
    batchSize: integerInput("batch-size", { min: 1 }) ?? DEFAULT_PREDICT_BATCH,
    rejectUnknownCategories: booleanInput("reject-unknown-categories", false),
    installRuntime: booleanInput("install-runtime", true),
    failOnRejects: booleanInput("fail-on-rejects", false)
  };
}
await runAction(async () => {
  const env = process.env;
  const { installRuntime, failOnRejects, shard, ...request } = readPredictSettings();
  await ensureActionRuntime("predict", bundleDir, { install: installRuntime, gpu: false });
  const { runPredict } = await import("./chunk-N7Y25ZNP.js");
  const { predictMarkdown } = await import("./chunk-ROFZO6ZB.js");
  const { rowProgress } = await import("./chunk-O2J56AMD.js");
  const progress = rowProgress(process.stdout, "scored");
  const summary2 = await runPredict({
    ...request,
    shard,
    cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
    env,
    clock: () => performance.now(),
    onProgress: (rows) => progress.update(rows)
  });
  const summaryPath = join(env.RUNNER_TEMP ?? process.cwd(), "predict-summary.json");
  await writeJson(summaryPath, summary2);
  await summary.addRaw(predictMarkdown(summary2)).write();
  writeOutputs({
    rows: String(summary2.rows),
    predicted: String(summary2.predicted),
    rejected: String(summary2.rejected),
    "out-path": summary2.files.map((f) => f.out).join("\n"),
    "rejects-path": summary2.files.map((f) => f.rejects).join("\n"),
    summary: summaryPath
  });
  if (summary2.files.length === 0) notice(`shard ${shard.index} of ${shard.count} has no input files`);
  info(`${summary2.rows} rows in, ${summary2.predicted} predicted, ${summary2.rejected} rejected (${Math.round(summary2.rows_per_second)} rows/s)`);
  if (summary2.rejected > 0) {
    const where = summary2.files.filter((f) => f.rejected > 0).map((f) => f.rejects).join(", ");
    const message = `${summary2.rejected} of ${summary2.rows} rows rejected (reasons in ${where})`;
    if (failOnRejects) setFailed(message);
    else warning(message);
  }
});
