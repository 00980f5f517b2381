import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  openTableWriter
} from "./cli-chunk-SLQGZTW2.js";
import {
  inferRules,
  inferredHeader,
  isKeyColumn,
  rulesToYaml
} from "./cli-chunk-GH6B6KBB.js";
import {
  defaultTrainConfig,
  selectFeatures
} from "./cli-chunk-66UXXLKX.js";
import {
  mulberry32
} from "./cli-chunk-GO65PKX3.js";
import "./cli-chunk-BXEWGB6B.js";
import "./cli-chunk-WKPB2DLF.js";
import {
  describeTypeDrift
} from "./cli-chunk-S6V5JK25.js";
import {
  profileFiles
} from "./cli-chunk-X2GB25J3.js";
import "./cli-chunk-432HCV4T.js";
import {
  readBatches
} from "./cli-chunk-6HQVLVXU.js";
import {
  pathExists
} from "./cli-chunk-E2MBSDJC.js";
import {
  defineCommand
} from "./cli-chunk-BC6VW377.js";
import {
  MlopsError,
  SettingError
} from "./cli-chunk-CRJPICDA.js";
import "./cli-chunk-3D3HMA2K.js";

// src/project/init.ts
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
var WORKFLOWS = ["ml-pr.yml", "ml-release.yml", "ml-drift.yml", "ml-retrain.yml", "ml-batch.yml"];
var CONFIGS = ["mlops.yml", "rules.yml", "gate.yml", "train.yml"];
var EXAMPLE_DATA = ["data/train.csv", "data/holdout.csv", "data/current.csv", "data/recent.csv"];
function templatePlan(templatesDir, withExample) {
  const plan = [
    ...WORKFLOWS.map((w) => ({ from: join(templatesDir, "workflows", w), to: `.github/workflows/${w}` })),
    ...CONFIGS.map((c) => ({ from: join(templatesDir, c), to: c }))
  ];
  if (withExample) for (const f of EXAMPLE_DATA) plan.push({ from: join(templatesDir, "example", f), to: f });
  return plan;
}
function fittedPlan(templatesDir, files) {
  return [
    ...WORKFLOWS.map((w) => ({ from: join(templatesDir, "workflows", w), to: `.github/workflows/${w}` })),
    ...Object.entries(files).map(([to, text]) => ({ to, text }))
  ];
}
var isDataPath = (path) => path === "data" || path.startsWith("data/");
async function scaffold(plan, target, options = {}) {
  const existing = [];
  for (const p of plan) if (await pathExists(join(target, p.to))) existing.push(p.to);
  if (existing.length > 0 && !options.force) {
    throw new SettingError(
      "force",
      (name) => `refusing to overwrite ${existing.join(", ")} in ${target} (use ${name("force")} to replace them; data/ is never replaced)`
    );
  }
  for (const p of plan)
    if (p.from !== void 0 && !await pathExists(p.from)) throw new MlopsError(`template file missing: ${relative(process.cwd(), p.from)}`);
  const written = [];
  const kept = [];
  for (const p of plan) {
    if (isDataPath(p.to) && existing.includes(p.to)) {
      kept.push(p.to);
      continue;
    }
    const to = join(target, p.to);
    await mkdir(dirname(to), { recursive: true });
    if (p.from !== void 0) await copyFile(p.from, to);
    else await writeFile(to, p.text);
    written.push(p.to);
  }
  return { written, kept };
}
async function findTemplatesDir(fromUrl) {
  let dir = dirname(new URL(fromUrl).pathname);
  for (let i = 0; i < 6; i++) {
    if (await pathExists(join(dir, "templates", "mlops.yml"))) return join(dir, "templates");
    dir = dirname(dir);
  }
  throw new MlopsError("cannot find the templates folder next to this mlops installation");
}

// src/project/fit.ts
import { basename, dirname as dirname2, extname } from "node:path";
var MAX_CLASS_VALUES = 20;
var MAX_SLICE_VALUES = 10;
var MAX_SLICE_COLUMNS = 3;
var HOLDOUT_SHARE = 0.2;
var SPLIT_SEED = 20261201;
function modelNameFor(file) {
  const stem = basename(file, extname(file)).replace(/[-_.]?(train|training)$/i, "");
  const generic = /^(|train|training|data|dataset|all|full|raw)$/i.test(stem);
  const raw = generic ? basename(dirname2(file)) : stem;
  const name = raw.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+|-+$/g, "");
  return name === "" || name === "." ? "model" : name.slice(0, 64);
}
function detectTask(target) {
  if (target.type === "number") return "regression";
  if (target.type === "integer") return target.distinct.exact && target.distinct.value <= MAX_CLASS_VALUES ? "classification" : "regression";
  return "classification";
}
function fitProject(profile, options) {
  const byName = new Map(profile.columns.map((c) => [c.name, c]));
  const target = byName.get(options.target);
  if (!target)
    throw new SettingError(
      "target",
      (name2) => `${name2("target")} "${options.target}" is not a column of ${options.data} (columns: ${[...byName.keys()].join(", ")})`
    );
  if (target.count === target.nulls)
    throw new SettingError("target", (name2) => `${name2("target")} "${options.target}" is empty in every row of ${options.data}`);
  for (const k of options.keys) if (!byName.has(k)) throw new SettingError("key", (name2) => `${name2("key")} "${k}" is not a column of ${options.data}`);
  const task = options.task === "auto" ? detectTask(target) : options.task;
  if (task === "regression" && target.type !== "number" && target.type !== "integer") {
    throw new SettingError(
      ["target", "task"],
      (name2) => `${name2("target")} "${options.target}" is not numeric (type ${target.type}): use ${name2("task")} classification`
    );
  }
  const name = options.name ?? modelNameFor(options.data);
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name))
    throw new SettingError("name", (setting) => `${setting("name")} "${name}": lowercase letters, digits, ".", "_" and "-", starting with a letter or digit`);
  const warnings = [];
  const excluded = [];
  const candidates = [];
  for (const c of profile.columns) {
    if (c.name === options.target) continue;
    if (isKeyColumn(c, options.keys)) excluded.push({ name: c.name, reason: "identifier: a key, every value distinct" });
    else if (c.type_drift) {
      warnings.push(describeTypeDrift(c));
      excluded.push({
        name: c.name,
        reason: `numeric but for ${c.type_drift.non_numeric} cell(s) (row ${c.type_drift.examples[0].row}: ${JSON.stringify(c.type_drift.examples[0].value)}): fix them, then use it`
      });
    } else candidates.push(c);
  }
  const defaults = defaultTrainConfig().features;
  const pool = { ...profile, columns: [target, ...candidates] };
  const { features, skipped } = selectFeatures(pool, options.target, { ...defaults, exclude: [] });
  for (const s of skipped) {
    const m = /^(.*) \((.*)\)$/.exec(s);
    excluded.push({ name: m[1], reason: reasonText(m[2]) });
  }
  const featureNames = features.map((f) => f.name);
  const sliceColumns = candidates.filter((c) => featureNames.includes(c.name) && c.distinct.exact && c.distinct.value >= 2 && c.distinct.value <= MAX_SLICE_VALUES).sort((a, b) => a.distinct.value - b.distinct.value).slice(0, MAX_SLICE_COLUMNS).map((c) => c.name);
  const rules = inferRules(profile, { keys: options.keys });
  if (task === "classification" && target.top_categories?.exact) {
    rules.columns[options.target].allowed = target.state.frequent.items.map(([k]) => k).sort();
  }
  const files = {
    "rules.yml": rulesToYaml(rules, inferredHeader(options.train, profile.rows)),
    "train.yml": trainYaml(options, task, features, excluded, profile.rows),
    "gate.yml": gateYaml(task, target, sliceColumns),
    "drift.yml": driftYaml(options.target, excluded),
    "mlops.yml": mlopsYaml(name, task, options, sliceColumns, featureNames)
  };
  return { name, task, features: featureNames, excluded, sliceColumns, warnings, files };
}
function reasonText(reason) {
  if (reason === "text or identifier") return "free text or an identifier (many distinct strings)";
  if (reason === "datetime") return "a date: derive numeric features (age, weekday) from it first";
  return reason;
}
var yamlKey = (name) => /^[A-Za-z_][\w.-]*$/.test(name) ? name : JSON.stringify(name);
function trainYaml(o, task, features, excluded, rows) {
  const lines = [
    `# Fitted by mlops init to ${o.train} (${rows} rows): what the built-in trainer fits (docs/training.md).`,
    `# mlops train --data ${o.train} --config train.yml --out model`,
    "schema_version: 1",
    `target: ${yamlKey(o.target)}`,
    `task: ${task}`,
    "model:",
    "  type: linear           # logistic regression (classification) or linear regression; mlp for a small network",
    "training:",
    "  epochs: 50",
    "  learning_rate: 0.01",
    "  validation_split: 0.2",
    "  seed: 42",
    "features:",
    "  include:",
    ...features.map((f) => `    - ${yamlKey(f.name)}  # ${f.type === "text" ? "free text: tokenised and TF-IDF encoded inside the model" : f.type}`)
  ];
  if (excluded.length > 0) lines.push("  exclude:", ...excluded.map((e) => `    - ${yamlKey(e.name)}  # ${e.reason}`));
  return lines.join("\n") + "\n";
}
function gateYaml(task, target, sliceColumns) {
  const lines = [
    "# The evaluation gate, fitted by mlops init: when may a candidate replace the production model?",
    "# The first model (no production model yet) is judged on the absolute rules; later ones also on",
    "# the relative rules against the champion (docs/evaluation.md). Raise the bars as you learn.",
    "schema_version: 1",
    "rules:"
  ];
  if (task === "classification") {
    const items = target.state.frequent.items;
    const total = items.reduce((s, [, n]) => s + n, 0);
    const [top, count] = items.reduce((a, b) => b[1] > a[1] ? b : a);
    const share = Math.floor(count / total * 100) / 100;
    lines.push(
      `  - accuracy >= ${share}            # always answering "${top}" scores ${(count / total).toFixed(3)}: a model must do at least that`,
      "  - accuracy >= champion - 0.02",
      "  - log_loss <= champion + 0.02"
    );
  } else {
    lines.push("  - r2 >= 0                 # at least as good as predicting the mean", "  - rmse <= champion * 1.05", "  - mae <= champion * 1.05");
  }
  lines.push("budgets:", "  - p99_latency_ms <= 50      # single-row latency on the CI runner", "  - size_mb <= 50");
  if (sliceColumns.length > 0) {
    const metric = task === "classification" ? "accuracy >= champion - 0.05" : "rmse <= champion * 1.1";
    lines.push(
      "slices:",
      `  columns: [${sliceColumns.map(yamlKey).join(", ")}]`,
      "  min_rows: 30                # smaller slices are reported, their rules skipped",
      "  rules:",
      `    - ${metric}`
    );
  }
  return lines.join("\n") + "\n";
}
function driftYaml(target, excluded) {
  const lines = [
    "# Drift settings fitted by mlops init (mlops drift --config drift.yml; docs/drift.md).",
    "# Columns the model does not use are left out of the check.",
    "schema_version: 1",
    "method: auto",
    "columns:",
    `  ${yamlKey(target)}: { skip: true }  # the target: its drift shows as performance drift`,
    ...excluded.map((e) => `  ${yamlKey(e.name)}: { skip: true }  # ${e.reason}`)
  ];
  return lines.join("\n") + "\n";
}
function mlopsYaml(name, task, o, sliceColumns, features) {
  const list = (xs) => `[${xs.map(yamlKey).join(", ")}]`;
  const lines = [
    `# The project config read by the reusable workflows (mlops config checks it), fitted by mlops init to ${o.data}.`,
    "version: 1",
    "model:",
    `  name: ${name}`,
    `  task: ${task}`,
    `  target: ${yamlKey(o.target)}`,
    "data:",
    `  train: ${o.train}`,
    `  holdout: ${o.holdout}`,
    "  # For the scheduled drift check: fresh rows (a path or glob; prediction logs work too).",
    "  # current: data/current.csv",
    "validation:",
    "  rules: rules.yml",
    "training:",
    "  config: train.yml",
    "evaluation:",
    "  gate: gate.yml",
    ...sliceColumns.length > 0 ? [`  slices: ${list(sliceColumns)}`] : [],
    "registry:",
    "  branch: mlops-registry",
    "  tags: true",
    "drift:",
    "  method: auto",
    "  share_threshold: 0.5",
    `  columns: ${list(features)}`,
    "  on_drift: issue-and-retrain",
    "container:",
    `  image: ghcr.io/OWNER/${name}`
  ];
  return lines.join("\n") + "\n";
}
async function splitData(file, trainOut, holdoutOut, options = {}) {
  let columns = [];
  const rows = [];
  for await (const batch of readBatches(file, options)) {
    columns = batch.columns;
    for (const r of batch.rows) rows.push(columns.map((_, i) => r[i] ?? null));
  }
  if (rows.length < 10)
    throw new SettingError("holdout", (name) => `${file}: ${rows.length} rows, too few to split into train and holdout (pass ${name("holdout")} FILE)`);
  const rand = mulberry32(SPLIT_SEED);
  const order = rows.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const cut = Math.max(1, Math.round(rows.length * HOLDOUT_SHARE));
  const holdoutIdx = order.slice(0, cut).sort((a, b) => a - b);
  const held = new Set(holdoutIdx);
  const cols = columns.map((name) => ({ name }));
  const trainWriter = openTableWriter(trainOut, "csv", cols);
  await trainWriter.write(rows.filter((_, i) => !held.has(i)));
  await trainWriter.close();
  const holdoutWriter = openTableWriter(holdoutOut, "csv", cols);
  await holdoutWriter.write(holdoutIdx.map((i) => rows[i]));
  await holdoutWriter.close();
  return { train: rows.length - cut, holdout: cut };
}

// src/cli/commands/init.ts
import { isAbsolute, join as join2, relative as relative2, resolve } from "node:path";
var initCommand = defineCommand({
  name: "init",
  summary: "scaffold the ML loop into a project repository.",
  usage: [
    "mlops init [--dir .] [--force] [--no-example]",
    "mlops init --data FILE --target COL [--task auto|classification|regression] [--name NAME]",
    "           [--key COL] [--holdout FILE] [--dir .] [--force]"
  ],
  options: {
    dir: { type: "string", value: "DIR", default: ".", description: "the repository to scaffold (the current directory by default)" },
    force: { type: "boolean", description: "overwrite existing workflows and configs (never data/)" },
    "no-example": { type: "boolean", description: "skip the example data (without --data)" },
    data: {
      type: "string",
      value: "FILE",
      description: "your training data (CSV/TSV, JSONL, Parquet) inside the repository",
      group: "Fitted to your data (--data)"
    },
    target: { type: "string", value: "COL", description: "the column to predict (required with --data)", group: "Fitted to your data (--data)" },
    task: {
      type: "choice",
      choices: ["auto", "classification", "regression"],
      description: "auto (default: numeric target with many values \u2192 regression, else classification), classification or regression",
      group: "Fitted to your data (--data)"
    },
    name: {
      type: "string",
      value: "NAME",
      description: "the model's registry name (default: from the file or folder name)",
      group: "Fitted to your data (--data)"
    },
    key: {
      type: "list",
      value: "COL",
      description: "a key column (unique, never null, not a feature); repeatable. All-distinct columns named like ids (id, order_id, userId) are keys without it",
      group: "Fitted to your data (--data)"
    },
    holdout: { type: "string", value: "FILE", description: "held-out data for evaluation, instead of splitting --data", group: "Fitted to your data (--data)" }
  },
  text: `Writes the caller workflows (.github/workflows/ml-pr.yml, ml-release.yml, ml-drift.yml,
ml-retrain.yml, ml-batch.yml), mlops.yml (the project config), rules.yml, gate.yml and
train.yml.

Without --data: the churn example's configs and, unless --no-example, its data under data/.

With --data: configs fitted to your data, so the first pull request goes green with no file
edited: rules.yml inferred with tolerant bounds (see mlops validate --help), train.yml with the
task and the feature list (identifiers, free text and dates excluded, the reason as a comment),
gate.yml with the task's metrics (absolute rules any useful model passes: beat the constant
prediction; relative rules against the champion) and slices on low-cardinality columns,
drift.yml, and mlops.yml pointing at the data. Without --holdout, FILE is split (seeded,
80/20) into data/NAME-train.csv and data/NAME-holdout.csv; FILE itself is never changed.

Existing files are never overwritten without --force; when any would be, nothing is written.
--force replaces workflows and configs but never anything under data/ (existing data files are
kept, and fitted to).`,
  examples: [
    "mlops init",
    "mlops init --data data/orders.csv --target returned --key order_id",
    "mlops init --data data/train.csv --holdout data/holdout.csv --target price --task regression"
  ],
  async run(values, io) {
    const target = resolve(io.cwd, values.dir);
    const templates = await findTemplatesDir(import.meta.url);
    if (values.data === void 0) {
      for (const flag of ["target", "task", "name", "key", "holdout"]) {
        const given = values[flag];
        if (Array.isArray(given) ? given.length > 0 : given !== void 0)
          throw new MlopsError(`mlops init: --${flag} goes with --data FILE (configs fitted to your data)`);
      }
      const { written, kept } = await scaffold(templatePlan(templates, !values["no-example"]), target, { force: values.force });
      report(io, written, kept);
      io.stdout.write(
        `
Next: this is the churn example; it runs as is. For your own data: mlops init --data FILE --target COLUMN --force
(configs fitted to it; data/ is kept). Then commit, push and open a pull request.
`
      );
      return 0;
    }
    if (values["no-example"]) throw new MlopsError("mlops init: --no-example goes without --data (with --data no example data is written)");
    if (values.target === void 0) throw new MlopsError("mlops init --data needs --target COLUMN: the column to predict");
    return initFitted(io, target, templates, {
      data: values.data,
      target: values.target,
      task: values.task ?? "auto",
      name: values.name,
      keys: values.key,
      holdout: values.holdout,
      force: values.force
    });
  }
});
async function initFitted(io, repo, templates, r) {
  const inRepo = (file, flag) => {
    const abs = resolve(io.cwd, file);
    const rel = relative2(repo, abs).split("\\").join("/");
    if (rel.startsWith("..") || isAbsolute(rel)) throw new MlopsError(`${flag} ${file} is outside ${repo}: the workflows read data from the repository`);
    return { abs, rel };
  };
  const data = inRepo(r.data, "--data");
  if (!await pathExists(data.abs)) throw new MlopsError(`--data ${r.data}: no such file`);
  const name = r.name ?? modelNameFor(data.rel);
  const split = r.holdout === void 0 ? { train: `data/${name}-train.csv`, holdout: `data/${name}-holdout.csv` } : void 0;
  const holdout = r.holdout === void 0 ? void 0 : inRepo(r.holdout, "--holdout");
  if (holdout && !await pathExists(holdout.abs)) throw new MlopsError(`--holdout ${r.holdout}: no such file`);
  const fitOptions = (train, held) => ({
    data: data.rel,
    target: r.target,
    task: r.task,
    name,
    keys: r.keys,
    train,
    holdout: held
  });
  const whole = fitProject(await profileFiles([data.abs], { now: io.now }), fitOptions(split?.train ?? data.rel, split?.holdout ?? holdout.rel));
  const plan = fittedPlan(templates, whole.files);
  const conflicts = [];
  for (const p of plan) if (await pathExists(join2(repo, p.to))) conflicts.push(p.to);
  const splitExists = split ? await pathExists(join2(repo, split.train)) || await pathExists(join2(repo, split.holdout)) : false;
  if (split && splitExists && !r.force) conflicts.push(split.train, split.holdout);
  if (conflicts.length > 0 && !r.force)
    throw new MlopsError(`refusing to overwrite ${conflicts.join(", ")} in ${repo} (use --force to replace them; data/ is never replaced)`);
  const dataLines = [];
  if (split && splitExists) {
    for (const f of [split.train, split.holdout]) {
      if (!await pathExists(join2(repo, f))) throw new MlopsError(`${f} is missing but its pair exists: restore it or remove both to split ${r.data} again`);
    }
    dataLines.push(`  kept ${split.train} and ${split.holdout} (data/ is never replaced)`);
  } else if (split) {
    const n = await splitData(data.abs, join2(repo, split.train), join2(repo, split.holdout));
    dataLines.push(
      `  wrote ${split.train} (${n.train} rows) and ${split.holdout} (${n.holdout} rows): a seeded ${100 - HOLDOUT_SHARE * 100}/${HOLDOUT_SHARE * 100} split of ${data.rel}`
    );
  }
  const trainFile = split ? join2(repo, split.train) : data.abs;
  const fitted = split ? fitProject(await profileFiles([trainFile], { now: io.now }), fitOptions(split.train, split.holdout)) : whole;
  const { written, kept } = await scaffold(fittedPlan(templates, fitted.files), repo, { force: true });
  report(io, written, kept);
  io.stdout.write(dataLines.map((l) => l + "\n").join(""));
  io.stdout.write(
    `
model ${fitted.name}: ${fitted.task} on "${r.target}", ${fitted.features.length} features` + (fitted.excluded.length > 0 ? `; left out: ${fitted.excluded.map((e) => `${e.name} (${e.reason.split(/[:(]/)[0].trim()})`).join(", ")}` : "") + (fitted.sliceColumns.length > 0 ? `; slices: ${fitted.sliceColumns.join(", ")}` : "") + "\n"
  );
  for (const w of fitted.warnings) io.stderr.write(`warning: ${w}
`);
  io.stdout.write(
    `
Next: review rules.yml, train.yml and gate.yml (fitted to your data; edit freely), commit, push and open a
pull request. The first one is judged on gate.yml's absolute rules (no production model yet).
`
  );
  return 0;
}
function report(io, written, kept) {
  io.stdout.write(written.map((f) => `  wrote ${f}
`).join("") + kept.map((f) => `  kept ${f} (data/ is never replaced)
`).join(""));
}
export {
  initCommand
};
