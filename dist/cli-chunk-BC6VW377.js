import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  MlopsError
} from "./cli-chunk-CRJPICDA.js";

// src/cli/define.ts
import { parseArgs } from "node:util";

// src/util/parse-number.ts
var ok = (value) => ({ ok: true, value });
var expected = (text) => ({ ok: false, expected: text });
function parseInteger(text, range = {}) {
  const wanted = integerExpected(range);
  const t = text.trim();
  const signed = range.min === void 0 || range.min < 0;
  if (!(signed ? /^[+-]?\d+$/ : /^\+?\d+$/).test(t)) return expected(wanted);
  const n = Number(t);
  if (!Number.isSafeInteger(n) || !inRange(n, range)) return expected(wanted);
  return ok(n);
}
function integerExpected({ min, max }) {
  if (min !== void 0 && max !== void 0) return `a whole number from ${min} to ${max}`;
  if (min === 1) return "a positive integer";
  if (min === 0) return "a whole number";
  if (min !== void 0) return `an integer \u2265 ${min}`;
  return "an integer";
}
function parseNumber(text, range = {}) {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || !inRange(n, range)) return expected(numberExpected(range));
  return ok(n);
}
function numberExpected({ min, max, above }) {
  if (min === 0 && max === 1 && above === void 0) return "a number from 0 to 1";
  return min === void 0 && max === void 0 && above === void 0 ? "a number" : "a number in range";
}
function parseFraction(text) {
  return parseNumber(text, { min: 0, max: 1 });
}
function parsePercent(text) {
  const n = Number(text);
  if (text.trim() === "" || !(n >= 0 && n <= 100)) return expected("a percentage from 0 to 100");
  return ok(n);
}
var UNITS = { "": 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2 };
function parseByteSize(text) {
  const m = /^(\d+)\s*(b|kb?|mb?)?$/i.exec(text.trim());
  if (!m || Number(m[1]) === 0) return expected("a size like 65536, 512kb or 4mb");
  return ok(Number(m[1]) * UNITS[(m[2] ?? "").toLowerCase()]);
}
function inRange(n, { min, max, above }) {
  return (min === void 0 || n >= min) && (max === void 0 || n <= max) && (above === void 0 || n > above);
}
function mustBe(subject, expectedText, text) {
  return `${subject} must be ${expectedText} (got "${text}")`;
}

// src/cli/define.ts
function defineCommand(spec) {
  return {
    name: spec.name,
    help: renderHelp(spec),
    spec,
    async run(argv, io) {
      const { values, positionals } = parseDeclared(spec, argv, io.env);
      return spec.run(values, io, positionals);
    }
  };
}
function parseDeclared(spec, argv, env) {
  const config = { help: { type: "boolean", short: "h" } };
  for (const [name, o] of Object.entries(spec.options)) {
    config[name] = {
      type: o.type === "boolean" ? "boolean" : "string",
      ...o.short ? { short: o.short } : {},
      ...o.type === "list" || o.multiple ? { multiple: true } : {}
    };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: config, allowPositionals: (spec.positionals?.length ?? 0) > 0, strict: true });
  } catch (err) {
    const message = err.message.replace(/\. To specify a positional argument.*$/s, "");
    throw new MlopsError(`${message} (see mlops ${spec.name} --help)`);
  }
  const values = {};
  for (const [name, o] of Object.entries(spec.options)) {
    const flag = `--${name}`;
    let raw = parsed.values[name];
    if (raw === void 0 && o.env && env[o.env]) raw = o.type === "boolean" ? /^(1|true|yes)$/i.test(env[o.env]) : env[o.env];
    if (o.type === "boolean") values[name] = raw === void 0 ? o.default ?? false : raw;
    else if (o.type === "list") {
      const items = (Array.isArray(raw) ? raw : raw === void 0 ? [] : [raw]).flatMap((v) => String(v).split(",")).map((v) => v.trim()).filter((v) => v !== "");
      values[name] = items.length === 0 && o.default !== void 0 ? String(o.default).split(",") : items;
      if (o.required && items.length === 0) requireOption(spec.name, void 0, flag);
    } else if (Array.isArray(raw)) values[name] = raw.map((v) => parseValue(flag, String(v), o));
    else if (raw === void 0 || raw === "") {
      if (o.required) requireOption(spec.name, void 0, flag);
      values[name] = o.multiple ? [] : typeof o.default === "string" && o.type !== "string" ? parseValue(flag, o.default, o) : o.default;
    } else values[name] = parseValue(flag, raw, o);
  }
  return { values, positionals: parsed.positionals };
}
function parseValue(flag, text, o) {
  if (o.parse) return o.parse(text, flag);
  if (o.type === "choice") {
    if (!o.choices?.includes(text)) throw new MlopsError(`${flag} must be one of ${(o.choices ?? []).join(", ")} (got "${text}")`);
    return text;
  }
  const parsed = parseTyped(o.type, text, o.range);
  if (parsed === void 0) return text;
  if (!parsed.ok) throw new MlopsError(mustBe(flag, o.expected ?? parsed.expected, text));
  return parsed.value;
}
function parseTyped(type, text, range) {
  switch (type) {
    case "integer":
      return parseInteger(text, range);
    case "number":
      return parseNumber(text, range);
    case "fraction":
      return parseFraction(text);
    case "percent":
      return parsePercent(text);
    case "bytes":
      return parseByteSize(text);
    default:
      return void 0;
  }
}
function requireOption(command, value, flag) {
  if (value === void 0 || value === "") throw new MlopsError(`${flag} is required (see mlops ${command} --help)`);
  return value;
}
var WIDTH = 100;
function optionTable(options, groups = true) {
  const entries = Object.entries(options);
  const lefts = entries.map(([name, o]) => `  --${name}${o.short ? `, -${o.short}` : ""}${placeholder(o)}`);
  const col = Math.min(26, Math.max(...lefts.map((l) => l.length)) + 2);
  const sections = /* @__PURE__ */ new Map();
  entries.forEach(([, o], i) => {
    const heading = groups ? o.group ?? "" : "";
    const notes = [o.default !== void 0 && o.default !== false && o.type !== "boolean" ? `(default: ${o.default})` : "", o.env ? `[${o.env}]` : ""].filter(
      (s) => s !== ""
    );
    const text = [o.description, ...notes].join(" ");
    const lines = wrap(text, WIDTH - col);
    const left = lefts[i];
    const first = left.length + 2 <= col ? left.padEnd(col) + lines[0] : `${left}
${" ".repeat(col)}${lines[0]}`;
    const body = [first, ...lines.slice(1).map((l) => " ".repeat(col) + l)].join("\n");
    sections.set(heading, [...sections.get(heading) ?? [], body]);
  });
  return [...sections.entries()].map(([heading, lines]) => `${heading ? `${heading}:` : "Options:"}
${lines.join("\n")}`).join("\n\n");
}
function placeholder(o) {
  if (o.type === "boolean") return "";
  if (o.value) return ` ${o.value}`;
  if (o.type === "choice" && o.choices) return ` ${o.choices.join("|")}`;
  if (o.type === "list") return " LIST";
  if (o.type === "integer") return " N";
  if (o.type === "bytes") return " SIZE";
  return o.type === "string" ? " VALUE" : " X";
}
function wrap(text, width) {
  const lines = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      if (line !== "" && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === "" ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines;
}
function renderHelp(spec) {
  const parts = [`mlops ${spec.name}: ${spec.summary}`, `Usage:
${spec.usage.map((u) => `  ${u}`).join("\n")}`];
  if (spec.positionals?.length) {
    const width = Math.max(...spec.positionals.map((p) => p.name.length)) + 4;
    parts.push(`Arguments:
${spec.positionals.map((p) => `  ${p.name.padEnd(width)}${p.description}`).join("\n")}`);
  }
  if (Object.keys(spec.options).length > 0) parts.push(optionTable(spec.options));
  if (spec.text) parts.push(spec.text.trim());
  if (spec.examples?.length) parts.push(`Examples:
${spec.examples.map((e) => `  ${e}`).join("\n")}`);
  return parts.join("\n\n") + "\n";
}

export {
  parseNumber,
  defineCommand,
  requireOption,
  optionTable
};
