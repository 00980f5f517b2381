import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  commentContext,
  publishReport
} from "./chunk-TWGNRSSX.js";
import "./chunk-PEPUHVGL.js";
import "./chunk-OAHVFHKC.js";
import "./chunk-MHD452QX.js";
import {
  booleanInput,
  input,
  optionalInput,
  optionalSecretInput,
  runAction
} from "./chunk-DSG4NIVZ.js";
import {
  info,
  setOutput,
  warning
} from "./chunk-3WIH4RIN.js";
import "./chunk-I3FICYBY.js";
import {
  MlopsError
} from "./chunk-C6QX2IVX.js";
import "./chunk-UFMD3KOA.js";

// actions/comment/main.ts
import { readFile } from "node:fs/promises";
await runAction(async () => {
  const file = input("report");
  const pr = optionalInput("pr");
  const pullRequest = pr === void 0 ? void 0 : Number(pr);
  if (pullRequest !== void 0 && !(Number.isInteger(pullRequest) && pullRequest > 0)) throw new MlopsError(`input "pr" must be a pull request number (got "${pr}")`);
  let markdown;
  try {
    markdown = await readFile(file, "utf8");
  } catch (err) {
    throw new MlopsError(`${file}: cannot read the report (${err.message})`);
  }
  const context = await commentContext(process.env, { token: optionalSecretInput("github-token"), pullRequest });
  if (!booleanInput("summary", true)) context.summaryFile = void 0;
  const result = await publishReport({ ...context, id: input("key", "report"), markdown, now: () => /* @__PURE__ */ new Date() });
  setOutput("comment-url", result.comment?.url ?? "");
  setOutput("action", result.comment?.action ?? "skipped");
  if (result.comment) info(`${result.comment.action} comment ${result.comment.url}`);
  if (result.skipped) warning(`No comment posted: ${result.skipped}`);
});
