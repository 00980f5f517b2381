import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  RUN_STORE_TEXT,
  openRunStore,
  runStoreOptions
} from "./cli-chunk-DGR7PQ4N.js";
import {
  findRun,
  importRuns,
  listRuns
} from "./cli-chunk-UPNMAWZZ.js";
import {
  higherIsBetter
} from "./cli-chunk-2MBF7UTT.js";
import "./cli-chunk-MTDV4XRP.js";
import "./cli-chunk-7HLGH3GS.js";
import "./cli-chunk-66UXXLKX.js";
import "./cli-chunk-BWLW4W5B.js";
import "./cli-chunk-GO65PKX3.js";
import "./cli-chunk-BXEWGB6B.js";
import "./cli-chunk-WKPB2DLF.js";
import "./cli-chunk-S6V5JK25.js";
import "./cli-chunk-X2GB25J3.js";
import "./cli-chunk-432HCV4T.js";
import "./cli-chunk-6HQVLVXU.js";
import {
  formatNumber,
  table
} from "./cli-chunk-5E2F2P2C.js";
import "./cli-chunk-E2MBSDJC.js";
import {
  defineCommand
} from "./cli-chunk-BC6VW377.js";
import "./cli-chunk-SRRUYVY4.js";
import "./cli-chunk-PPRUUPOP.js";
import {
  MlopsError
} from "./cli-chunk-CRJPICDA.js";
import "./cli-chunk-3D3HMA2K.js";

// src/runs/filter.ts
var FilterError = class extends MlopsError {
  constructor(text, column, detail) {
    super(`column ${column}: ${detail} (in "${text}")`);
    this.text = text;
    this.column = column;
    this.name = "FilterError";
  }
  text;
  column;
};
var FIELDS = {
  id: { type: "string", get: (r) => r.id },
  model: { type: "string", get: (r) => r.model },
  status: { type: "string", get: (r) => r.status },
  error: { type: "string", get: (r) => r.error },
  started_at: { type: "date", get: (r) => r.started_at },
  duration_ms: { type: "number", get: (r) => r.duration_ms },
  data_fingerprint: { type: "string", get: (r) => r.data_fingerprint },
  registered_as: { type: "string", get: (r) => r.registered_as },
  "source.commit": { type: "string", get: (r) => r.source.commit },
  "source.ref": { type: "string", get: (r) => r.source.ref },
  "source.pr": { type: "number", get: (r) => r.source.pr },
  "source.workflow_run_url": { type: "string", get: (r) => r.source.workflow_run_url },
  "environment.runner": { type: "string", get: (r) => r.environment.runner },
  "environment.backend": { type: "string", get: (r) => r.environment.backend },
  "environment.gpu": { type: "string", get: (r) => r.environment.gpu },
  "sweep.id": { type: "string", get: (r) => r.sweep?.id },
  "sweep.trial": { type: "number", get: (r) => r.sweep?.trial },
  "artifact.name": { type: "string", get: (r) => r.artifact?.name },
  "artifact.path": { type: "string", get: (r) => r.artifact?.path }
};
var MLFLOW_ALIASES = { run_id: "id", start_time: "started_at", run_name: "id" };
var FIELD_NAMES = Object.keys(FIELDS);
var WORDS = /* @__PURE__ */ new Set(["AND", "OR", "LIKE", "ILIKE", "IN", "NOT"]);
var NAME_CHAR = /[A-Za-z0-9_.:/-]/;
function tokenize(text) {
  const tokens = [];
  let i = 0;
  const fail = (at, detail) => {
    throw new FilterError(text, at + 1, detail);
  };
  const quoted = (start) => {
    const q = text[start];
    let out = "";
    let j = start + 1;
    for (; ; ) {
      if (j >= text.length) fail(start, `unterminated ${q === "`" ? "backticked name" : "string"} starting here`);
      if (text[j] === q) {
        if (text[j + 1] === q) {
          out += q;
          j += 2;
          continue;
        }
        return [out, j + 1];
      }
      out += text[j++];
    }
  };
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === "(" || c === ")" || c === ",") {
      tokens.push({ t: c, pos: start, end: ++i });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === "!=" || two === "<=" || two === ">=" || two === "<>") {
      i += 2;
      tokens.push({ t: "op", op: two === "<>" ? "!=" : two, pos: start, end: i });
      continue;
    }
    if (c === "=" || c === "<" || c === ">") {
      i += text[i + 1] === "=" && c === "=" ? 2 : 1;
      tokens.push({ t: "op", op: c, pos: start, end: i });
      continue;
    }
    if (c === "'" || c === '"') {
      const [value, next] = quoted(i);
      i = next;
      tokens.push({ t: "value", value, pos: start, end: i });
      continue;
    }
    const number = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(i));
    if (number && (c !== "-" && c !== "+" ? true : /[\d.]/.test(text[i + 1] ?? ""))) {
      i += number[0].length;
      tokens.push({ t: "value", value: Number(number[0]), pos: start, end: i });
      continue;
    }
    if (/[A-Za-z_`]/.test(c)) {
      let name = "";
      const parts = [];
      if (c === "`") {
        [name, i] = quoted(i);
        parts.push(name);
      } else {
        while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) name += text[i++];
        parts.push(name);
      }
      while (text[i] === ".") {
        const next = text[i + 1];
        if (next === "`" || next === '"') {
          const [part, after] = quoted(i + 1);
          parts.push(part);
          i = after;
        } else {
          let part = "";
          i++;
          while (i < text.length && NAME_CHAR.test(text[i]) && text[i] !== ".") part += text[i++];
          if (part === "") fail(i, 'expected a name after "."');
          parts.push(part);
        }
      }
      const upper = parts.length === 1 && c !== "`" ? name.toUpperCase() : "";
      if (WORDS.has(upper)) tokens.push({ t: "word", word: upper, pos: start, end: i });
      else if (upper === "TRUE" || upper === "FALSE") tokens.push({ t: "value", value: upper === "TRUE", pos: start, end: i });
      else tokens.push({ t: "key", key: resolveKey(text, start, parts), pos: start, end: i });
      continue;
    }
    fail(i, `unexpected "${c}"`);
  }
  tokens.push({ t: "end", pos: text.length, end: text.length });
  return tokens;
}
function resolveKey(text, pos, parts) {
  const [head, ...rest] = parts;
  const prefix = head.toLowerCase();
  if (prefix === "metrics" || prefix === "metric" || prefix === "params" || prefix === "param" || prefix === "tags" || prefix === "tag") {
    if (rest.length === 0) throw new FilterError(text, pos + 1, `"${head}" needs a name: ${prefix.replace(/s$/, "")}s.NAME`);
    return { scope: prefix.endsWith("s") ? prefix : prefix + "s", name: rest.join(".") };
  }
  const dotted = (prefix === "attributes" || prefix === "attribute" || prefix === "attr" || prefix === "run" ? rest : parts).join(".");
  const name = MLFLOW_ALIASES[dotted] ?? dotted;
  if (!(name in FIELDS)) {
    throw new FilterError(text, pos + 1, `unknown key "${parts.join(".")}": use metrics.NAME, params.NAME, tags.NAME or one of ${FIELD_NAMES.join(", ")}`);
  }
  return { scope: "field", name };
}
function describeToken(t) {
  switch (t.t) {
    case "end":
      return "the end";
    case "key":
      return `"${keyText(t.key)}"`;
    case "value":
      return typeof t.value === "string" ? `'${t.value}'` : String(t.value);
    case "op":
      return `"${t.op}"`;
    case "word":
      return `"${t.word.toLowerCase()}"`;
    default:
      return `"${t.t}"`;
  }
}
function keyText(key) {
  const name = key.scope === "field" || /^[A-Za-z0-9_.:/-]+$/.test(key.name) ? key.name : `\`${key.name.replace(/`/g, "``")}\``;
  return key.scope === "field" ? name : `${key.scope}.${name}`;
}
function parseFilter(text) {
  const tokens = tokenize(text);
  let p = 0;
  const peek = () => tokens[p];
  const fail = (t, detail) => {
    throw new FilterError(text, t.pos + 1, detail);
  };
  const isWord = (t, word) => t.t === "word" && t.word === word;
  function or() {
    let left = and();
    while (isWord(peek(), "OR")) {
      p++;
      left = { kind: "or", left, right: and() };
    }
    return left;
  }
  function and() {
    let left = primary();
    while (isWord(peek(), "AND")) {
      p++;
      left = { kind: "and", left, right: primary() };
    }
    return left;
  }
  function primary() {
    const t = peek();
    if (t.t === "(") {
      p++;
      const inner = or();
      const close = peek();
      if (close.t !== ")") fail(close, `expected ")" to close the "(" at column ${t.pos + 1}, got ${describeToken(close)}`);
      p++;
      return inner;
    }
    if (t.t !== "key") return fail(t, `expected a key such as metrics.NAME, params.NAME or status, got ${describeToken(t)}`);
    p++;
    return comparison(t);
  }
  function comparison(keyToken) {
    const key = keyToken.key;
    const opToken = peek();
    let op;
    if (opToken.t === "op") op = opToken.op;
    else if (isWord(opToken, "LIKE") || isWord(opToken, "ILIKE") || isWord(opToken, "IN")) op = opToken.word;
    else if (isWord(opToken, "NOT") && isWord(tokens[p + 1], "IN")) {
      op = "NOT IN";
      p++;
    } else return fail(opToken, `expected an operator (= != < <= > >= LIKE ILIKE IN) after "${keyText(key)}", got ${describeToken(opToken)}`);
    p++;
    const values = [];
    const valueTokens = [];
    if (op === "IN" || op === "NOT IN") {
      const open = peek();
      if (open.t !== "(") fail(open, `expected "(" after ${op}, e.g. ${keyText(key)} IN ('a', 'b')`);
      p++;
      for (; ; ) {
        const v = peek();
        if (v.t !== "value") fail(v, `expected a value in the ${op} list, got ${describeToken(v)}`);
        valueTokens.push(v);
        p++;
        const sep = peek();
        if (sep.t === ")") break;
        if (sep.t !== ",") fail(sep, `expected "," or ")" in the ${op} list, got ${describeToken(sep)}`);
        p++;
      }
      p++;
    } else {
      const v = peek();
      if (v.t !== "value") fail(v, `expected a value after "${keyText(key)} ${op}", got ${describeToken(v)}`);
      valueTokens.push(v);
      p++;
    }
    for (const v of valueTokens) values.push(checkValue(text, key, op, v));
    return { kind: "cmp", key, op, values };
  }
  const expr = or();
  const rest = peek();
  if (rest.t !== "end") fail(rest, `expected "and", "or" or the end, got ${describeToken(rest)}`);
  return expr;
}
function checkValue(text, key, op, token) {
  const at = (detail) => {
    throw new FilterError(text, token.pos + 1, detail);
  };
  const value = token.value;
  if ((op === "LIKE" || op === "ILIKE") && typeof value !== "string") at(`${op} needs a quoted pattern, e.g. ${keyText(key)} ${op} 'adam%'`);
  const type = key.scope === "metrics" ? "number" : key.scope === "field" ? FIELDS[key.name].type : "any";
  if (type === "number" && typeof value !== "number") at(`${keyText(key)} is a number: compare it with a number, not ${describeToken(token)}`);
  if (type === "number" && (op === "LIKE" || op === "ILIKE")) at(`${op} is for strings, and ${keyText(key)} is a number`);
  if (type === "date" && (typeof value !== "string" || Number.isNaN(Date.parse(value))))
    at(`${keyText(key)} is a date: compare it with one such as '2026-01-31' or '2026-01-31T12:00:00Z'`);
  if (type === "string" && typeof value !== "string") at(`${keyText(key)} is a string: quote the value, e.g. '${String(value)}'`);
  return value;
}
function keyValue(run, key) {
  const raw = key.scope === "field" ? FIELDS[key.name].get(run) : run[key.scope][key.name];
  if (raw === void 0 || raw === null) return void 0;
  if (key.scope === "field" && FIELDS[key.name].type === "date") return Date.parse(raw);
  return raw;
}
function likeRegex(pattern, ignoreCase) {
  const body = [...pattern].map((ch) => ch === "%" ? ".*" : ch === "_" ? "." : ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("");
  return new RegExp(`^${body}$`, ignoreCase ? "is" : "s");
}
function order(actual, literal) {
  if (typeof literal === "number") {
    const n = typeof actual === "number" ? actual : typeof actual === "string" && actual.trim() !== "" ? Number(actual) : NaN;
    return Number.isNaN(n) ? null : n - literal;
  }
  if (typeof literal === "boolean") return String(actual) === String(literal) ? 0 : null;
  const s = String(actual);
  return s < literal ? -1 : s > literal ? 1 : 0;
}
function compare(actual, op, literal, dateKey) {
  if (op === "LIKE" || op === "ILIKE") return likeRegex(literal, op === "ILIKE").test(String(actual));
  const lit = dateKey ? Date.parse(literal) : literal;
  const o = order(actual, lit);
  if (o === null) return op === "!=" && typeof literal === "boolean";
  switch (op) {
    case "=":
      return o === 0;
    case "!=":
      return o !== 0;
    case "<":
      return o < 0;
    case "<=":
      return o <= 0;
    case ">":
      return o > 0;
    default:
      return o >= 0;
  }
}
function matches(expr, run) {
  if (expr.kind !== "cmp")
    return expr.kind === "and" ? matches(expr.left, run) && matches(expr.right, run) : matches(expr.left, run) || matches(expr.right, run);
  const actual = keyValue(run, expr.key);
  if (actual === void 0) return false;
  const dateKey = expr.key.scope === "field" && FIELDS[expr.key.name].type === "date";
  if (expr.op === "IN") return expr.values.some((v) => compare(actual, "=", v, dateKey));
  if (expr.op === "NOT IN") return expr.values.every((v) => compare(actual, "!=", v, dateKey));
  return compare(actual, expr.op, expr.values[0], dateKey);
}
function parseSort(terms) {
  return terms.flatMap(splitTerms).map((raw) => {
    const term = raw.trim();
    const sign = /^[-+]/.test(term) ? term[0] : "";
    const direction = /\s+(ASC|DESC)$/i.exec(term);
    const text = term.slice(sign.length, direction ? direction.index : term.length);
    const offset = sign.length;
    let tokens;
    try {
      tokens = tokenize(text);
    } catch (err) {
      if (err instanceof FilterError) throw new FilterError(term, err.column + offset, err.message.replace(/^column \d+: /, "").replace(/ \(in ".*"\)$/s, ""));
      throw err;
    }
    if (tokens[0].t !== "key" || tokens[1].t !== "end") {
      const bad = tokens[0].t !== "key" ? tokens[0] : tokens[1];
      throw new FilterError(term, bad.pos + 1 + offset, `expected one key with an optional ASC or DESC (or a leading -), got ${describeToken(bad)}`);
    }
    return { key: tokens[0].key, descending: direction ? direction[1].toUpperCase() === "DESC" : sign === "-" };
  });
}
function splitTerms(text) {
  const out = [];
  let current = "";
  let quote = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "`" || ch === '"' || ch === "'") quote = ch;
    else if (ch === ",") {
      out.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out.filter((t) => t.trim() !== "");
}
var DEFAULT_SORT = [{ key: { scope: "field", name: "started_at" }, descending: true }];
function sortRuns(runs, keys) {
  const decorated = runs.map((run) => ({ run, values: keys.map((k) => keyValue(run, k.key)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const x = a.values[i];
      const y = b.values[i];
      if (x === void 0 || y === void 0) {
        if (x === void 0 && y === void 0) continue;
        return x === void 0 ? 1 : -1;
      }
      const c = compareValues(x, y);
      if (c !== 0) return keys[i].descending ? -c : c;
    }
    return a.run.id < b.run.id ? 1 : a.run.id > b.run.id ? -1 : 0;
  });
  return decorated.map((d) => d.run);
}
function compareValues(x, y) {
  const rank = (v) => typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "number") return x - y;
  const [s, t] = [String(x), String(y)];
  return s < t ? -1 : s > t ? 1 : 0;
}

// src/cli/commands/runs.ts
var WHERE_TEXT = `--where is a filter as MLflow's search_runs filter_string (plus or and parentheses):
    metrics.roc_auc > 0.8 and params.model.type = 'mlp'
    (status = 'failed' or metrics.\`val-loss\` >= 0.5) and started_at >= '2026-01-01'
    params.training.optimizer IN ('adam', 'sgd') and source.ref LIKE 'refs/pull/%'
  keys: metrics.NAME, params.NAME, tags.NAME (backticks or "quotes" around names with odd
  characters), status, model, id, error, started_at, duration_ms, data_fingerprint,
  registered_as, source.commit|ref|pr|workflow_run_url, environment.runner|backend|gpu,
  sweep.id, sweep.trial, artifact.name|path; operators: = != < <= > >=, LIKE / ILIKE ('%' any,
  '_' one character), IN (...), NOT IN (...); and binds tighter than or; a run lacking the key
  never matches; started_at compares as a date.`;
var filterOptions = {
  model: { type: "string", value: "M", description: `only runs of model M (same as --where "model = 'M'")` },
  where: { type: "string", value: "EXPR", description: "a filter over params, metrics, tags and fields (below)" },
  ...runStoreOptions
};
var list = defineCommand({
  name: "runs list",
  summary: "search training runs (every mlops train records one), sorted and filtered like MLflow search_runs.",
  usage: ["mlops runs list [--model M] [--where EXPR] [--sort KEY]... [--limit N] [--format F]"],
  options: {
    ...filterOptions,
    sort: {
      type: "list",
      value: "KEY",
      description: 'order_by terms: -metrics.roc_auc (descending), "metrics.roc_auc DESC", params.training.epochs (ascending); repeat or comma-separate for ties; runs lacking a key sort last either way (default: newest first)'
    },
    limit: { type: "integer", value: "N", range: { min: 1 }, description: "at most N runs (after sorting)" },
    format: { type: "choice", choices: ["table", "json", "csv", "markdown"], default: "table", description: "the listing" },
    columns: { type: "list", value: "LIST", description: "extra columns, e.g. params.training.learning_rate,tags.team (default: every metric)" }
  },
  text: `${WHERE_TEXT}

${RUN_STORE_TEXT}

Exit codes: 0 ok, 2 bad usage, an unreadable store or a bad filter (one line naming the column).`,
  examples: [
    `mlops runs list --where "status = 'ok'" --sort -metrics.accuracy --limit 5`,
    "mlops runs list --remote . --model churn --format csv > runs.csv"
  ],
  async run(values, io) {
    return withRuns(values, io, async (location) => {
      const sort = values.sort.length === 0 ? DEFAULT_SORT : sortOption(values.sort);
      let runs = sortRuns(await filtered(location, values), sort);
      if (values.limit !== void 0) runs = runs.slice(0, values.limit);
      const extra = values.columns.map((c) => columnKey(c));
      io.stdout.write(listing(runs, values.format, [...sort.map((s) => s.key), ...extra]));
      return 0;
    });
  }
});
var show = defineCommand({
  name: "runs show",
  summary: "one run: its fields, metrics, params and tags.",
  usage: ["mlops runs show ID [--format json|table]"],
  positionals: [{ name: "ID", description: "the run id (e.g. 20260101T120000Z-0a1b2c3d)" }],
  options: { format: { type: "choice", choices: ["table", "json"], default: "table", description: "the output" }, ...runStoreOptions },
  text: `${RUN_STORE_TEXT}

Exit codes: 0 ok, 1 no such run, 2 bad usage or an unreadable store.`,
  async run(values, io, positionals) {
    expectArguments("show", positionals, 1, "ID");
    return withRuns(values, io, async (location) => showRun(await mustFind(location, positionals[0]), values.format, io));
  }
});
var diff = defineCommand({
  name: "runs diff",
  summary: "params and metrics of two runs side by side; rows that differ are marked.",
  usage: ["mlops runs diff A B [--all] [--format table|markdown|json]"],
  positionals: [
    { name: "A", description: "a run id" },
    { name: "B", description: "another run id" }
  ],
  options: {
    all: { type: "boolean", description: "also list params both runs share" },
    format: { type: "choice", choices: ["table", "markdown", "json"], default: "table", description: "the output" },
    ...runStoreOptions
  },
  text: `${RUN_STORE_TEXT}

Exit codes: 0 ok, 1 a run is missing, 2 bad usage or an unreadable store.`,
  examples: ["mlops runs diff 20260101T120000Z-0a1b2c3d 20260101T130500Z-9f8e7d6c"],
  async run(values, io, positionals) {
    expectArguments("diff", positionals, 2, "A B");
    return withRuns(
      values,
      io,
      async (location) => diffRuns(await mustFind(location, positionals[0]), await mustFind(location, positionals[1]), values.format, values.all, io)
    );
  }
});
var best = defineCommand({
  name: "runs best",
  summary: "the run with the best value of a metric.",
  usage: ["mlops runs best --metric M [--goal maximize|minimize] [--model M] [--where EXPR] [--format json|table]"],
  options: {
    metric: { type: "string", value: "M", required: true, description: "the metric, e.g. roc_auc" },
    goal: { type: "choice", choices: ["maximize", "minimize"], description: "default: maximize, or minimize for a loss or error" },
    format: { type: "choice", choices: ["table", "json"], default: "table", description: "the output" },
    ...filterOptions
  },
  text: `${WHERE_TEXT}

${RUN_STORE_TEXT}

Exit codes: 0 ok, 1 no ok run has the metric, 2 bad usage or a bad filter.`,
  examples: [`mlops runs best --metric roc_auc --where "sweep.id = 'sw-3f2a9c0b1d4e'"`],
  async run(values, io) {
    return withRuns(values, io, async (location) => {
      const runs = await filtered(location, values);
      const goal = values.goal ?? (higherIsBetter(values.metric) ? "maximize" : "minimize");
      const [winner] = sortRuns(
        runs.filter((r) => r.status === "ok"),
        [{ key: { scope: "metrics", name: values.metric }, descending: goal === "maximize" }]
      );
      if (!winner || winner.metrics[values.metric] === void 0) {
        io.stderr.write(`no ok run with metrics.${values.metric} among ${runs.length} matching runs in ${location.description}
`);
        return 1;
      }
      return showRun(winner, values.format, io);
    });
  }
});
var importCommand = defineCommand({
  name: "runs import",
  summary: "copy a runs folder (e.g. sweep trial jobs' records) into the store.",
  usage: ["mlops runs import DIR [--runs-dir DIR | --remote URL]"],
  positionals: [{ name: "DIR", description: "a folder of <yyyy-mm>/<id>.json records" }],
  options: { ...runStoreOptions },
  text: `Runs already in the store are left as they are (a run is never rewritten).

${RUN_STORE_TEXT}`,
  async run(values, io, positionals) {
    expectArguments("import", positionals, 1, "DIR");
    return withRuns(values, io, async (location) => {
      const runs = await listRuns({ dir: positionals[0] });
      const written = await importRuns(location.target(io.now), runs);
      io.stderr.write(
        `imported ${written.length} of ${runs.length} runs from ${positionals[0]} into ${location.description}${runs.length > written.length ? ` (${runs.length - written.length} already there)` : ""}
`
      );
      return 0;
    });
  }
});
var SUBCOMMANDS = [list, show, diff, best, importCommand];
var runsCommand = {
  name: "runs",
  help: `mlops runs: search, show and compare training runs (every mlops train records one).

Usage:
${SUBCOMMANDS.flatMap((c) => c.spec.usage.map((u) => `  ${u}`)).join("\n")}

Run \`mlops runs SUB --help\` for a sub-command's options.
`,
  subcommands: SUBCOMMANDS,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const command = SUBCOMMANDS.find((c) => c.name === `runs ${sub}`);
    if (!command) {
      throw new MlopsError(
        `${sub ? `unknown subcommand "${sub}"` : "missing subcommand"}: use one of ${SUBCOMMANDS.map((c) => c.name.slice(5)).join(", ")} (see mlops runs --help)`
      );
    }
    return command.run(sub === "list" ? attachDescending(rest) : rest, io);
  }
};
async function withRuns(values, io, body) {
  const location = await openRunStore(values, io);
  try {
    return await body(location);
  } finally {
    await location.close();
  }
}
async function filtered(location, values) {
  const filter = values.where === void 0 ? null : whereOption(values.where);
  return (await listRuns(location.source)).filter((r) => (values.model === void 0 || r.model === values.model) && (filter === null || matches(filter, r)));
}
async function mustFind(location, id) {
  const run = await findRun(location.source, id);
  if (!run) throw new MlopsError(`no run ${id} in ${location.description}`, { exitCode: 1 });
  return run;
}
function expectArguments(sub, positionals, expected, names) {
  if (positionals.length !== expected) {
    throw new MlopsError(
      `mlops runs ${sub} takes ${expected} argument${expected === 1 ? "" : "s"} (${names}), got ${positionals.length} (see mlops runs --help)`
    );
  }
}
function attachDescending(argv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--sort" && /^-[^-]/.test(argv[i + 1] ?? "")) out.push(`--sort=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}
function whereOption(text) {
  try {
    return parseFilter(text);
  } catch (err) {
    if (err instanceof MlopsError) throw new MlopsError(`--where: ${err.message}`);
    throw err;
  }
}
function sortOption(terms) {
  try {
    return parseSort(terms);
  } catch (err) {
    if (err instanceof MlopsError) throw new MlopsError(`--sort: ${err.message}`);
    throw err;
  }
}
function columnKey(text) {
  try {
    return parseSort([text])[0].key;
  } catch (err) {
    if (err instanceof MlopsError) throw new MlopsError(`--columns: ${err.message}`);
    throw err;
  }
}
function valueOf(run, key) {
  if (key.scope === "metrics" || key.scope === "params" || key.scope === "tags") return run[key.scope][key.name];
  const path = key.name.split(".");
  let node = run;
  for (const part of path) node = node === void 0 || node === null ? void 0 : node[part];
  return node;
}
function listing(runs, format, keys) {
  if (format === "json") return JSON.stringify(runs, null, 2) + "\n";
  const shown = /* @__PURE__ */ new Set(["id", "model", "status", "started_at"]);
  const columns = [];
  for (const key of [...keys, ...[...new Set(runs.flatMap((r) => Object.keys(r.metrics)))].sort().map((name) => ({ scope: "metrics", name }))]) {
    const text = keyText(key);
    if (shown.has(text)) continue;
    shown.add(text);
    columns.push(key);
  }
  const base = ["id", "model", "status", "started_at"].map((name) => ({ scope: "field", name }));
  const header = [...base, ...columns].map(keyText);
  const rows = runs.map((r) => [...base, ...columns].map((k) => valueOf(r, k)));
  if (format === "csv") return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\n") + "\n";
  const sweep = runs.some((r) => r.sweep);
  const display = rows.map((row, i) => [...row.map(displayCell), ...sweep ? [runs[i].sweep ? `${runs[i].sweep.id}#${runs[i].sweep.trial}` : ""] : []]);
  const head = [...header, ...sweep ? ["sweep"] : []];
  if (format === "markdown")
    return table(
      head,
      display,
      head.map((_, i) => isNumeric(display, i) ? "r" : "l")
    ) + "\n";
  return textTable(head, display) + `
${runs.length} run${runs.length === 1 ? "" : "s"}
`;
}
function displayCell(v) {
  if (v === null || v === void 0) return "";
  return typeof v === "number" ? formatNumber(v) : String(v);
}
function csvCell(v) {
  if (v === null || v === void 0) return "";
  const text = String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
var isNumeric = (rows, i) => rows.length > 0 && rows.some((r) => r[i] !== "") && rows.every((r) => r[i] === "" || /^[-+−]?[\d,.≈ ]+$/.test(r[i]));
function textTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const numeric = header.map((_, i) => isNumeric(rows, i));
  const line = (cells) => cells.map((c, i) => numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
function showRun(run, format, io) {
  if (format === "json") {
    io.stdout.write(JSON.stringify(run, null, 2) + "\n");
    return 0;
  }
  const fields = [
    ["id", run.id],
    ["model", run.model],
    ["status", run.status],
    ["error", run.error],
    ["started_at", run.started_at],
    ["duration", `${(run.duration_ms / 1e3).toFixed(1)} s`],
    ["sweep", run.sweep ? `${run.sweep.id} trial ${run.sweep.trial}` : void 0],
    ["data", run.data_fingerprint],
    ["commit", run.source.commit],
    ["ref", run.source.ref],
    ["pr", run.source.pr],
    ["workflow run", run.source.workflow_run_url],
    ["runner", run.environment.runner],
    ["backend", run.environment.backend],
    ["gpu", run.environment.gpu],
    ["artifact", run.artifact ? run.artifact.name ?? run.artifact.path : void 0],
    ["registered as", run.registered_as]
  ];
  const section = (title, entries) => entries.length === 0 ? [] : ["", title, ...entries.map(([k, v]) => `  ${k}: ${displayCell(v)}`)];
  const lines = [
    ...fields.filter(([, v]) => v !== void 0 && v !== "").map(([k, v]) => `${k}: ${displayCell(v)}`),
    ...section("metrics", Object.entries(run.metrics).sort()),
    ...section("params", Object.entries(run.params).sort()),
    ...section("tags", Object.entries(run.tags).sort())
  ];
  io.stdout.write(lines.join("\n") + "\n");
  return 0;
}
function diffRuns(a, b, format, all, io) {
  const rows = [];
  const add = (prefix, x, y, everything) => {
    for (const k of [.../* @__PURE__ */ new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
      const differs = JSON.stringify(x[k] ?? null) !== JSON.stringify(y[k] ?? null);
      if (differs || everything) rows.push({ key: `${prefix}.${k}`, a: x[k], b: y[k], differs });
    }
  };
  add("metrics", a.metrics, b.metrics, true);
  add("params", a.params, b.params, all);
  add("tags", a.tags, b.tags, all);
  for (const key of ["status", "model", "data_fingerprint"]) {
    if (a[key] !== b[key] || all) rows.push({ key, a: a[key], b: b[key], differs: a[key] !== b[key] });
  }
  if (format === "json") {
    io.stdout.write(
      JSON.stringify({ a: a.id, b: b.id, rows: rows.map((r) => ({ key: r.key, a: r.a ?? null, b: r.b ?? null, differs: r.differs })) }, null, 2) + "\n"
    );
    return 0;
  }
  const delta = (r) => typeof r.a === "number" && typeof r.b === "number" && r.key.startsWith("metrics.") ? signed(r.b - r.a) : "";
  const cells = rows.map((r) => [r.differs ? "\u2260" : "", r.key, displayCell(r.a), displayCell(r.b), delta(r)]);
  const header = ["", "key", a.id, b.id, "B \u2212 A"];
  io.stdout.write(format === "markdown" ? table(header, cells) + "\n" : textTable(header, cells) + "\n");
  return 0;
}
var signed = (x) => (x > 0 ? "+" : x < 0 ? "\u2212" : "") + formatNumber(Math.abs(x));
export {
  runsCommand
};
