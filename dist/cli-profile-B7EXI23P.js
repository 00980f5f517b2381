import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  describeTypeDrift,
  typeDriftColumns
} from "./cli-chunk-S6V5JK25.js";
import {
  rowProgress
} from "./cli-chunk-BIYL6TEQ.js";
import {
  mergeProfiles,
  parseProfile,
  profileFiles
} from "./cli-chunk-JNBVIIAF.js";
import "./cli-chunk-432HCV4T.js";
import {
  expandDataPaths
} from "./cli-chunk-EH5JUFTG.js";
import {
  code,
  formatNumber,
  table
} from "./cli-chunk-5E2F2P2C.js";
import {
  readText,
  writeJson
} from "./cli-chunk-U747DRGX.js";
import {
  READ_LIMIT_HELP,
  READ_LIMIT_OPTIONS,
  listOption,
  oneOf,
  parseCommandArgs,
  readLimits,
  requireOption
} from "./cli-chunk-2W5WQEMI.js";
import {
  MlopsError
} from "./cli-chunk-2PNEBECJ.js";
import "./cli-chunk-3D3HMA2K.js";

// src/report/profile-report.ts
function profileMarkdown(profile, title = "Data profile") {
  const lines = [`## ${title}`, "", `${formatNumber(profile.rows)} rows \xD7 ${profile.columns.length} columns from ${profile.sources.map((s) => code(s.file)).join(", ")}`, ""];
  lines.push(
    table(
      ["column", "type", "nulls", "distinct", "min", "mean", "max", "top values"],
      profile.columns.map((c) => [
        c.name,
        c.type,
        c.nulls === 0 ? "0" : `${formatNumber(c.nulls)} (${formatNumber(100 * c.nulls / Math.max(1, c.count))}%)`,
        (c.distinct.exact ? "" : "\u2248") + formatNumber(c.distinct.value),
        c.numeric ? formatNumber(c.numeric.min) : c.datetime?.min ?? "",
        c.numeric ? formatNumber(c.numeric.mean) : "",
        c.numeric ? formatNumber(c.numeric.max) : c.datetime?.max ?? "",
        c.top_categories && c.type !== "integer" ? c.top_categories.values.slice(0, 3).map((v) => `${v.value} (${formatNumber(v.count)})`).join(", ") : ""
      ]),
      ["l", "l", "r", "r", "r", "r", "r", "l"]
    )
  );
  return lines.join("\n") + "\n";
}

// src/cli/commands/profile.ts
var help = `mlops profile: infer a dataset's schema and per-column statistics into a mergeable profile.

Usage:
  mlops profile --data FILE... [--out profile.json] [--format json|markdown]
  mlops profile merge A.json B.json... --out all.json

Options:
  --data FILE      CSV/TSV, JSONL or Parquet (.gz for text); a glob or repeated flag reads
                   several files as one dataset
  --out FILE       write the profile JSON here (default: print to stdout)
  --format F       what to print: json (default when no --out) or markdown (a summary table)
  --delimiter C    CSV delimiter (default: detected from the header line)
${READ_LIMIT_HELP}

A profile holds, per column: type (number, integer, boolean, category, string, datetime),
nulls, distinct count (exact up to 1,000 values, HyperLogLog beyond), min/max/mean/std,
quantiles and histogram from a t-digest, and top categories (values over 200 characters are
stored truncated, with their length and a hash). Memory grows with columns \xD7 sketch size, not
with rows (docs/profile.md). Profiles of shards merge into the profile of the whole (within
sketch error), so big data can be profiled in a matrix:

Examples:
  mlops profile --data data/train.csv --out profile.json
  mlops profile --data 'logs/*.jsonl' --format markdown
  mlops profile merge shard-*.json --out all.json
`;
var profileCommand = {
  name: "profile",
  help,
  async run(argv, io) {
    if (argv[0] === "merge") return merge(argv.slice(1), io);
    const { values } = parseCommandArgs("profile", argv, {
      data: { type: "string", multiple: true },
      out: { type: "string", short: "o" },
      format: { type: "string" },
      delimiter: { type: "string" },
      ...READ_LIMIT_OPTIONS
    });
    const patterns = listOption(values.data);
    if (patterns.length === 0) requireOption("profile", void 0, "--data");
    const format = oneOf("profile", "--format", values.format, ["json", "markdown"], values.out ? "markdown" : "json");
    const limits = readLimits(values);
    const files = await expandDataPaths(patterns, io.cwd);
    const progress = rowProgress(io.stderr, "profiled");
    const profile = await profileFiles(files, { delimiter: values.delimiter, ...limits, onProgress: (rows) => progress.update(rows), now: io.now });
    for (const c of typeDriftColumns(profile)) io.stderr.write(`warning: ${describeTypeDrift(c)}
`);
    if (values.out) {
      await writeJson(values.out, profile);
      io.stderr.write(`wrote ${values.out}: ${profile.rows} rows, ${profile.columns.length} columns in ${progress.elapsedSeconds().toFixed(1)}s
`);
    }
    if (format === "markdown") io.stdout.write(profileMarkdown(profile));
    else if (!values.out) io.stdout.write(JSON.stringify(profile, null, 2) + "\n");
    return 0;
  }
};
async function merge(argv, io) {
  const { values, positionals } = parseCommandArgs("profile merge", argv, { out: { type: "string", short: "o" } }, true);
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
export {
  profileCommand
};
