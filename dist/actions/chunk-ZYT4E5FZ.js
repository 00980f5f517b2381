import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-A7AIN4HT.js";
import {
  ConfigError
} from "./chunk-5MKGLQLX.js";
import {
  __toESM
} from "./chunk-UFMD3KOA.js";

// src/util/yaml-lines.ts
var import_yaml = __toESM(require_dist(), 1);
function yamlLines(text) {
  const counter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter: counter });
  const valid = doc.errors.length === 0;
  const lineAt = (offset) => offset === void 0 ? void 0 : counter.linePos(offset).line;
  const walk = (path) => {
    if (!valid) return void 0;
    let node = doc.contents;
    let line = lineAt(node?.range?.[0]);
    for (const step of path) {
      if ((0, import_yaml.isMap)(node)) {
        const pair = node.items.find((p) => ((0, import_yaml.isScalar)(p.key) ? p.key.value : p.key) === step);
        if (!pair) return void 0;
        line = lineAt(pair.key?.range?.[0]);
        node = pair.value;
      } else if ((0, import_yaml.isSeq)(node) && typeof step === "number") {
        const item = node.items[step];
        if (!item) return void 0;
        line = lineAt(item.range?.[0]);
        node = item;
      } else return void 0;
    }
    return { node, line };
  };
  return {
    /** Line of the deepest key of `path` that exists (so `columns.age.max` falls back to `columns.age`). */
    lineOf(path) {
      for (let n = path.length; n > 0; n--) {
        const found = walk(path.slice(0, n));
        if (found) return found.line;
      }
      return void 0;
    },
    /** Line of the first item of the sequence at `path` whose scalar text, trimmed, is `text`. */
    lineOfItem(path, text2) {
      const found = walk(path);
      if (!found || !(0, import_yaml.isSeq)(found.node)) return void 0;
      const item = found.node.items.find((i) => (0, import_yaml.isScalar)(i) && String(i.value).trim() === text2);
      return lineAt(item?.range?.[0]);
    }
  };
}

// src/util/config-file.ts
var import_yaml2 = __toESM(require_dist(), 1);
function parseConfigFile(text, file, schema, options) {
  let doc;
  try {
    doc = (0, import_yaml2.parse)(text);
  } catch (err) {
    if (!(err instanceof import_yaml2.YAMLParseError)) throw err;
    const pos = err.linePos?.[0];
    throw new ConfigError(file, pos?.line, `${file}${pos ? `:${pos.line}:${pos.col}` : ""}: invalid YAML: ${err.message.split("\n")[0]}`);
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw new ConfigError(file, 1, `${file}: ${options.expect}`);
  const result = schema.safeParse(doc);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = issues[0];
  const path = first.path.map((p) => typeof p === "number" ? `[${p}]` : `.${String(p)}`).join("").replace(/^\./, "");
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
  const at = [...first.path, ...first.code === "unrecognized_keys" ? first.keys.slice(0, 1) : []];
  const line = yamlLines(text).lineOf(at.filter((p) => typeof p !== "symbol"));
  throw new ConfigError(file, line, `${file}: ${path || "(top level)"}: ${options.describe?.(first) ?? describeIssue(first)}${more}`);
}
function describeIssue(issue) {
  if (issue.code === "unrecognized_keys") return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  return issue.message;
}

export {
  yamlLines,
  parseConfigFile
};
