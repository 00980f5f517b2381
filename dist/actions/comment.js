import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  commentContext,
  publishReport
} from "./chunk-C5LTHVJU.js";
import "./chunk-P3KYZO3W.js";
import "./chunk-OAHVFHKC.js";
import "./chunk-MHD452QX.js";
import {
  booleanInput,
  input,
  integerInput,
  optionalSecretInput,
  runAction,
  writeOutputs
} from "./chunk-JQVGLAA4.js";
import {
  info,
  warning
} from "./chunk-3WIH4RIN.js";
import "./chunk-I3FICYBY.js";
import {
  MlopsError
} from "./chunk-5MKGLQLX.js";
import "./chunk-UFMD3KOA.js";

// actions/comment/main.ts
import { readFile } from "node:fs/promises";
function readCommentSettings() {
  return {
    file: input("report"),
    pullRequest: integerInput("pr", { min: 1 }, "a pull request number"),
    token: optionalSecretInput("github-token"),
    summary: booleanInput("summary", true),
    key: input("key", "report")
  };
}
await runAction(async () => {
  const { file, pullRequest, token, summary, key } = readCommentSettings();
  let markdown;
  try {
    markdown = await readFile(file, "utf8");
  } catch (err) {
    throw new MlopsError(`${file}: cannot read the report (${err.message})`);
  }
  const context = await commentContext(process.env, { token, pullRequest });
  if (!summary) context.summaryFile = void 0;
  const result = await publishReport({ ...context, id: key, markdown, now: () => /* @__PURE__ */ new Date() });
  writeOutputs({ "comment-url": result.comment?.url ?? "", action: result.comment?.action ?? "skipped" });
  if (result.comment) info(`${result.comment.action} comment ${result.comment.url}`);
  if (result.skipped) warning(`No comment posted: ${result.skipped}`);
});
