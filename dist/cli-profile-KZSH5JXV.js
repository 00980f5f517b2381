import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  rowProgress
} from "./cli-chunk-EIOJZ3IR.js";
import {
  delimiterOption,
  readLimitOptions,
  readLimits
} from "./cli-chunk-4VEL2SRJ.js";
import {
  describeTypeDrift,
  typeDriftColumns
} from "./cli-chunk-S6V5JK25.js";
import {
  looksLikeText,
  mergeProfiles,
  parseProfile,
  profileFiles
} from "./cli-chunk-X2GB25J3.js";
import "./cli-chunk-432HCV4T.js";
import {
  expandDataPaths
} from "./cli-chunk-6HQVLVXU.js";
import {
  code,
  formatNumber,
  table
} from "./cli-chunk-5E2F2P2C.js";
import {
  readText,
  writeJson
} from "./cli-chunk-E2MBSDJC.js";
import {
  defineCommand
} from "./cli-chunk-BC6VW377.js";
import {
  MlopsError
} from "./cli-chunk-CRJPICDA.js";
import "./cli-chunk-3D3HMA2K.js";

// src/profile/report.ts
function profileMarkdown(profile2, title = "Data profile") {
  const lines = [
    `## ${title}`,
    "",
    `${formatNumber(profile2.rows)} rows \xD7 ${profile2.columns.length} columns from ${profile2.sources.map((s) => code(s.file)).join(", ")}`,
    ""
  ];
  lines.push(
    table(
      ["column", "type", "nulls", "distinct", "min", "mean", "max", "top values"],
      profile2.columns.map((c) => [
        c.name,
        c.type,
        c.nulls === 0 ? "0" : `${formatNumber(c.nulls)} (${formatNumber(100 * c.nulls / Math.max(1, c.count))}%)`,
        (c.distinct.exact ? "" : "\u2248") + formatNumber(c.distinct.value),
        c.numeric ? formatNumber(c.numeric.min) : c.datetime?.min ?? "",
        c.numeric ? formatNumber(c.numeric.mean) : "",
        c.numeric ? formatNumber(c.numeric.max) : c.datetime?.max ?? "",
        looksLikeText(c) ? `tokens: ${c.text.top_tokens.slice(0, 5).map((t) => `${t.token} (${formatNumber(t.count)})`).join(", ")}` : c.top_categories && c.type !== "integer" ? c.top_categories.values.slice(0, 3).map((v) => `${v.value} (${formatNumber(v.count)})`).join(", ") : ""
      ]),
      ["l", "l", "r", "r", "r", "r", "r", "l"]
    )
  );
  const texts = profile2.columns.filter(looksLikeText);
  if (texts.length > 0) {
    lines.push("", "### Free text", "");
    lines.push(
      table(
        ["column", "empty", "characters (mean / median / p95 / max)", "tokens (mean / p95)", "distinct tokens"],
        texts.map((c) => {
          const t = c.text;
          return [
            c.name,
            `${formatNumber(100 * t.empty_share)}%`,
            [t.chars.mean, t.chars.p50, t.chars.p95, t.chars.max].map(formatNumber).join(" / "),
            [t.tokens.mean, t.tokens.p95].map(formatNumber).join(" / "),
            t.vocabulary_size === null ? "> 2,000" : formatNumber(t.vocabulary_size)
          ];
        }),
        ["l", "r", "r", "r", "r"]
      )
    );
  }
  return lines.join("\n") + "\n";
}

// src/cli/commands/profile.ts
var USAGE = ["mlops profile --data FILE... [--out profile.json] [--format json|markdown]", "mlops profile merge A.json B.json... --out all.json"];
var profile = defineCommand({
  name: "profile",
  summary: "infer a dataset's schema and per-column statistics into a mergeable profile.",
  usage: USAGE,
  options: {
    data: {
      type: "list",
      value: "FILE",
      required: true,
      description: "CSV/TSV, JSONL or Parquet (.gz for text); a glob or repeated flag reads several files as one dataset"
    },
    out: { type: "string", short: "o", value: "FILE", description: "write the profile JSON here (default: print to stdout)" },
    format: {
      type: "choice",
      choices: ["json", "markdown"],
      description: "what to print: json (default when no --out) or markdown (a summary table; the default with --out)"
    },
    ...delimiterOption,
    ...readLimitOptions
  },
  text: `A profile holds, per column: type (number, integer, boolean, category, string, datetime),
nulls, distinct count (exact up to 1,000 values, HyperLogLog beyond), min/max/mean/std,
quantiles and histogram from a t-digest, and top categories (values over 200 characters are
stored truncated, with their length and a hash). Memory grows with columns \xD7 sketch size, not
with rows (docs/profile.md). Profiles of shards merge into the profile of the whole (within
sketch error), so big data can be profiled in a matrix: mlops profile merge (see mlops profile merge --help).`,
  examples: [
    "mlops profile --data data/train.csv --out profile.json",
    "mlops profile --data 'logs/*.jsonl' --format markdown",
    "mlops profile merge shard-*.json --out all.json"
  ],
  async run(values, io) {
    const format = values.format ?? (values.out ? "markdown" : "json");
    const files = await expandDataPaths(values.data, io.cwd);
    const progress = rowProgress(io.stderr, "profiled");
    const result = await profileFiles(files, { delimiter: values.delimiter, ...readLimits(values), onProgress: (rows) => progress.update(rows), now: io.now });
    for (const c of typeDriftColumns(result)) io.stderr.write(`warning: ${describeTypeDrift(c)}
`);
    if (values.out) {
      await writeJson(values.out, result);
      io.stderr.write(`wrote ${values.out}: ${result.rows} rows, ${result.columns.length} columns in ${progress.elapsedSeconds().toFixed(1)}s
`);
    }
    if (format === "markdown") io.stdout.write(profileMarkdown(result));
    else if (!values.out) io.stdout.write(JSON.stringify(result, null, 2) + "\n");
    return 0;
  }
});
var merge = defineCommand({
  name: "profile merge",
  summary: "merge the profiles of shards into the profile of the whole (within sketch error).",
  usage: ["mlops profile merge A.json B.json... [--out all.json]"],
  positionals: [{ name: "PROFILE...", description: "profile JSON files from mlops profile" }],
  options: { out: { type: "string", short: "o", value: "FILE", description: "write the merged profile here (default: print to stdout)" } },
  examples: ["mlops profile merge shard-*.json --out all.json"],
  async run(values, io, positionals) {
    if (positionals.length === 0) throw new MlopsError("give the profile files to merge (see mlops profile --help)");
    const profiles = await Promise.all(positionals.map(async (f) => parseProfile(await readText(f), f)));
    const merged = mergeProfiles(profiles, io.now());
    if (values.out) {
      await writeJson(values.out, merged);
      io.stderr.write(`wrote ${values.out}: ${merged.rows} rows from ${profiles.length} profiles
`);
    } else io.stdout.write(JSON.stringify(merged, null, 2) + "\n");
    return 0;
  }
});
var profileCommand = {
  name: "profile",
  help: profile.help,
  subcommands: [profile, merge],
  helpFor: (argv) => argv[0] === "merge" ? merge.help : profile.help,
  run: (argv, io) => argv[0] === "merge" ? merge.run(argv.slice(1), io) : profile.run(argv, io)
};
export {
  profileCommand
};
