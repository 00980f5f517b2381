import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  xyChart
} from "./cli-chunk-RMV7LQ4Q.js";
import {
  RUN_STORE_TEXT,
  openRunStore,
  runStoreOptions
} from "./cli-chunk-DGR7PQ4N.js";
import {
  listRuns,
  planSweep,
  sweepMatrix
} from "./cli-chunk-UPNMAWZZ.js";
import {
  higherIsBetter
} from "./cli-chunk-2MBF7UTT.js";
import "./cli-chunk-MTDV4XRP.js";
import "./cli-chunk-7HLGH3GS.js";
import {
  readTrainConfig
} from "./cli-chunk-66UXXLKX.js";
import "./cli-chunk-BWLW4W5B.js";
import "./cli-chunk-GO65PKX3.js";
import "./cli-chunk-BXEWGB6B.js";
import "./cli-chunk-WKPB2DLF.js";
import "./cli-chunk-S6V5JK25.js";
import "./cli-chunk-X2GB25J3.js";
import "./cli-chunk-432HCV4T.js";
import "./cli-chunk-6HQVLVXU.js";
import {
  code,
  formatNumber,
  table
} from "./cli-chunk-5E2F2P2C.js";
import {
  writeText
} from "./cli-chunk-E2MBSDJC.js";
import {
  defineCommand
} from "./cli-chunk-BC6VW377.js";
import "./cli-chunk-SRRUYVY4.js";
import "./cli-chunk-PPRUUPOP.js";
import {
  MlopsError
} from "./cli-chunk-CRJPICDA.js";
import "./cli-chunk-3D3HMA2K.js";

// src/cli/commands/sweep.ts
import { resolve } from "node:path";

// src/runs/collect.ts
function collectSweep(runs, o) {
  const latest = /* @__PURE__ */ new Map();
  for (const run of runs) {
    if (run.sweep?.id !== o.sweep) continue;
    const seen = latest.get(run.sweep.trial);
    if (!seen || seen.id < run.id) latest.set(run.sweep.trial, run);
  }
  const mine = [...latest.values()];
  const names = o.plan ? Object.keys(o.plan.trials[0]?.params ?? {}) : varyingParams(mine);
  const trials = [];
  const numbers = /* @__PURE__ */ new Set([...latest.keys(), ...o.plan?.trials.map((t) => t.trial) ?? []]);
  for (const trial of [...numbers].sort((a, b) => a - b)) {
    const run = latest.get(trial);
    if (!run) {
      const planned = o.plan.trials.find((t) => t.trial === trial);
      trials.push({ trial, status: "missing", params: Object.fromEntries(names.map((n) => [n, asParam(planned.params[n])])) });
      continue;
    }
    const metric = run.metrics[o.metric];
    trials.push({
      trial,
      status: run.status,
      ...run.status === "ok" && metric !== void 0 ? { metric } : {},
      params: Object.fromEntries(names.map((n) => [n, run.params[n] ?? null])),
      run_id: run.id,
      ...run.error ? { error: run.error } : {},
      ...run.artifact ? { artifact: run.artifact } : {}
    });
  }
  const sign = o.goal === "maximize" ? -1 : 1;
  const ranked = trials.filter((t) => t.metric !== void 0).sort((a, b) => sign * (a.metric - b.metric) || a.trial - b.trial);
  ranked.forEach((t, i) => t.rank = i + 1);
  const ordered = [...ranked, ...trials.filter((t) => t.metric === void 0)];
  const effects = names.map((name) => parameterEffect(name, ranked, o.goal));
  const influential = effects.filter((e) => e.values.length > 1).sort((a, b) => b.spread - a.spread)[0];
  return {
    schema_version: 1,
    kind: "mlops/sweep-report",
    sweep: o.sweep,
    metric: o.metric,
    goal: o.goal,
    counts: {
      ok: trials.filter((t) => t.status === "ok").length,
      failed: trials.filter((t) => t.status === "failed").length,
      missing: trials.filter((t) => t.status === "missing").length
    },
    trials: ordered,
    best: ranked[0] ?? null,
    effects,
    most_influential: influential?.name ?? null
  };
}
var asParam = (v) => Array.isArray(v) ? JSON.stringify(v) : v;
function varyingParams(runs) {
  const keys = new Set(runs.flatMap((r) => Object.keys(r.params)));
  return [...keys].filter((k) => new Set(runs.map((r) => JSON.stringify(r.params[k] ?? null))).size > 1).sort();
}
function parameterEffect(name, ranked, goal) {
  const groups = /* @__PURE__ */ new Map();
  for (const t of ranked) {
    const key = JSON.stringify(t.params[name]);
    if (!groups.has(key)) groups.set(key, { value: t.params[name], metrics: [] });
    groups.get(key).metrics.push(t.metric);
  }
  const pick = goal === "maximize" ? Math.max : Math.min;
  const values = [...groups.values()].map((g) => ({ value: g.value, trials: g.metrics.length, mean: g.metrics.reduce((s, m) => s + m, 0) / g.metrics.length, best: pick(...g.metrics) })).sort((a, b) => typeof a.value === "number" && typeof b.value === "number" ? a.value - b.value : String(a.value) < String(b.value) ? -1 : 1);
  const means = values.map((v) => v.mean);
  const numeric = ranked.filter((t) => typeof t.params[name] === "number");
  const spearman = numeric.length === ranked.length && numeric.length >= 3 ? spearmanRho(
    numeric.map((t) => t.params[name]),
    numeric.map((t) => t.metric)
  ) : null;
  return { name, values, spread: means.length > 0 ? Math.max(...means) - Math.min(...means) : 0, spearman };
}
function ranks(xs) {
  const order = xs.map((x, i) => [x, i]).sort((a, b) => a[0] - b[0]);
  const out = new Array(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) out[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}
function spearmanRho(xs, ys) {
  const [rx, ry] = [ranks(xs), ranks(ys)];
  const mean = (v) => v.reduce((s, x) => s + x, 0) / v.length;
  const [mx, my] = [mean(rx), mean(ry)];
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}
var show = (v) => v === null || v === void 0 ? "" : typeof v === "number" ? formatNumber(v) : String(v);
function sweepMarkdown(report) {
  const names = report.effects.map((e) => e.name);
  const { ok, failed, missing } = report.counts;
  const total = ok + failed + missing;
  const lines = [
    `## Sweep ${code(report.sweep)}: ${report.metric} (${report.goal})`,
    "",
    `${total} trial${total === 1 ? "" : "s"}: ${ok} ok, ${failed} failed${missing > 0 ? `, ${missing} without a run` : ""}. ` + (report.best ? `Best: **trial ${report.best.trial}**, ${report.metric} ${formatNumber(report.best.metric)} (run ${code(report.best.run_id ?? "")}).` : `No trial reported ${report.metric}.`),
    "",
    table(
      ["rank", "trial", report.metric, ...names, "status", "run"],
      report.trials.map((t) => [
        t.rank ?? "",
        t.trial,
        t.metric ?? "",
        ...names.map((n) => show(t.params[n])),
        t.status === "failed" ? `failed: ${t.error ?? ""}` : t.status === "missing" ? "no run recorded" : t.metric === void 0 ? `ok, no ${report.metric}` : "ok",
        t.run_id ?? ""
      ]),
      ["r", "r", "r", ...names.map(() => "l"), "l", "l"]
    )
  ];
  const ranked = report.trials.filter((t) => t.rank !== void 0).sort((a, b) => a.trial - b.trial);
  if (ranked.length > 0) {
    lines.push(
      "",
      xyChart({
        title: `${report.metric} per trial`,
        xLabels: ranked.map((t) => `t${t.trial}`),
        yLabel: report.metric,
        series: [{ kind: "bar", values: ranked.map((t) => t.metric) }]
      })
    );
  }
  if (report.effects.length > 0) {
    lines.push("", "### Effect of each parameter", "");
    lines.push(
      table(
        ["parameter", "value", "trials", `mean ${report.metric}`, `best ${report.metric}`],
        report.effects.flatMap(
          (e) => e.values.map((v, i) => [
            i === 0 ? `${e.name}${e.spearman === null ? "" : ` (Spearman \u03C1 ${formatNumber(e.spearman)})`}` : "",
            show(v.value),
            v.trials,
            v.mean,
            v.best
          ])
        ),
        ["l", "l", "r", "r", "r"]
      )
    );
    const top = report.effects.find((e) => e.name === report.most_influential);
    if (top) {
      lines.push("", `Most influential: ${code(top.name)} (mean ${report.metric} spread ${formatNumber(top.spread)}).`, "");
      lines.push(
        xyChart({
          title: `mean ${report.metric} by ${top.name}`,
          xLabels: top.values.map((v) => show(v.value)),
          xTitle: top.name,
          yLabel: report.metric,
          series: [{ kind: "bar", values: top.values.map((v) => v.mean) }]
        })
      );
    }
  }
  return lines.join("\n") + "\n";
}

// src/cli/commands/sweep.ts
var SWEEP_TEXT = `train.yml gains a sweep: section (parameter names are dotted train.yml paths):
  sweep:
    method: grid                      # grid (every combination) or random (max_trials draws)
    parameters:
      model.type: [linear, mlp]                         # a list of values
      model.hidden_layers: [[16], [32, 16]]             # a value may be a list
      training.epochs: {min: 10, max: 30, step: 10}     # a range: 10, 20, 30
      training.learning_rate: {min: 0.001, max: 0.1, log: true}  # log-uniform (random),
                                                        # or add count: N for a grid
    max_trials: 6       # grid: the first N combinations; random: required
    seed: 7             # random draws (and the sweep id) depend on it
    metric: accuracy    # default: the gate's primary metric (accuracy; rmse for regression),
    goal: maximize      #   on the validation rows; goal: maximize, or minimize for a loss/error

One trial trains with: mlops train --data FILE --config train.yml --trial K [--artifact-name NAME]`;
var plan = defineCommand({
  name: "sweep plan",
  summary: "print a sweep's trials and the GitHub Actions matrix that runs them.",
  usage: ["mlops sweep plan --config train.yml [--shards N] [--format text|json]"],
  options: {
    config: { type: "string", value: "FILE", required: true, description: "train.yml with a sweep: section" },
    shards: {
      type: "integer",
      value: "N",
      range: { min: 1 },
      description: 'N matrix jobs instead of one per trial, each running its trials in turn: {"include":[{"shard":0,"trials":"0 2 4"},{"shard":1,"trials":"1 3 5"}]}'
    },
    format: {
      type: "choice",
      choices: ["text", "json"],
      default: "text",
      description: 'text (the trial table, then "matrix: {...}") or json: {"id","method","metric","goal","seed","combinations","trials":[{"trial","params"}],"matrix":{"include":[{"trial":0},...]}}'
    }
  },
  text: `${SWEEP_TEXT}

The sweep id is a hash of the whole parsed train.yml (sweep and seed included), so every job that
reads the same file agrees on it and on trial K's values without talking to the others.`,
  examples: ["mlops sweep plan --config train.yml --format json | jq -c .matrix"],
  async run(values, io) {
    const planned = planSweep(await readTrainConfig(resolve(io.cwd, values.config)), values.config);
    const matrix = sweepMatrix(planned, values.shards);
    if (values.format === "json") io.stdout.write(JSON.stringify({ ...planned, matrix }) + "\n");
    else io.stdout.write(planText(planned) + `matrix: ${JSON.stringify(matrix)}
`);
    return 0;
  }
});
var collect = defineCommand({
  name: "sweep collect",
  summary: "a sweep's leaderboard from its runs: the best trial and each parameter's effect.",
  usage: ["mlops sweep collect (--sweep ID | --config train.yml) [--metric M] [--goal G] [--format F] [--markdown FILE] [--json FILE]"],
  options: {
    sweep: { type: "string", value: "ID", description: "the sweep (sw-\u2026); with --config, taken from the file" },
    config: { type: "string", value: "FILE", description: "train.yml with the sweep: section (also lists trials that have no run)" },
    metric: { type: "string", value: "M", description: "override the sweep's metric" },
    goal: { type: "choice", choices: ["maximize", "minimize"], description: "override the sweep's goal" },
    format: { type: "choice", choices: ["markdown", "json"], default: "markdown", description: "the report on stdout" },
    markdown: { type: "string", value: "FILE", description: "also write the Markdown report here" },
    json: { type: "string", value: "FILE", description: "also write the JSON report here" },
    ...runStoreOptions
  },
  text: `collect reads the sweep's runs (each trial's latest run) and reports the leaderboard: ranked
trials, failed trials with their error (never hiding the others), trials without a run when
--config gives the plan, the best trial, and per parameter the mean and best metric per value,
Spearman's rank correlation for numeric ones and the most influential parameter (widest spread
of means), with Mermaid charts of the metric per trial and by that parameter.

${RUN_STORE_TEXT}

Exit codes: 0 ok (some trial reported the metric), 1 no trial reported it, 2 bad usage.`,
  examples: ["mlops sweep collect --config train.yml --runs-dir runs --markdown leaderboard.md --json leaderboard.json"],
  async run(values, io) {
    const planned = values.config ? planSweep(await readTrainConfig(resolve(io.cwd, values.config)), values.config) : void 0;
    const id = values.sweep ?? planned?.id;
    if (!id) throw new MlopsError("--sweep ID or --config train.yml is required (see mlops sweep collect --help)");
    if (planned && values.sweep && values.sweep !== planned.id)
      throw new MlopsError(`--sweep ${values.sweep} is not the sweep of ${values.config} (${planned.id}): the file changed since the sweep ran?`);
    const metric = values.metric ?? planned?.metric;
    if (!metric) throw new MlopsError("--metric is required without --config (see mlops sweep collect --help)");
    const goal = values.goal ?? (values.metric === void 0 && planned ? planned.goal : higherIsBetter(metric) ? "maximize" : "minimize");
    const location = await openRunStore(values, io);
    try {
      const runs = await listRuns(location.source);
      const report = collectSweep(runs, { sweep: id, metric, goal, plan: planned });
      if (report.trials.length === 0) throw new MlopsError(`no runs of sweep ${id} in ${location.description}`, { exitCode: 1 });
      const markdown = sweepMarkdown(report);
      const json = JSON.stringify(report, null, 2) + "\n";
      if (values.markdown) await writeText(resolve(io.cwd, values.markdown), markdown);
      if (values.json) await writeText(resolve(io.cwd, values.json), json);
      io.stdout.write(values.format === "json" ? json : markdown);
      return report.best ? 0 : 1;
    } finally {
      await location.close();
    }
  }
});
var SUBCOMMANDS = [plan, collect];
var sweepCommand = {
  name: "sweep",
  help: `mlops sweep: hyperparameter sweeps over the built-in trainer, one trial per Actions job.

Usage:
${SUBCOMMANDS.flatMap((c) => c.spec.usage.map((u) => `  ${u}`)).join("\n")}
  mlops train --data FILE --config train.yml --trial K   (one trial)

Run \`mlops sweep SUB --help\` for a sub-command's options.
`,
  subcommands: SUBCOMMANDS,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const command = SUBCOMMANDS.find((c) => c.name === `sweep ${sub}`);
    if (!command) throw new MlopsError(`${sub ? `unknown subcommand "${sub}"` : "missing subcommand"}: use plan or collect (see mlops sweep --help)`);
    return command.run(rest, io);
  }
};
function planText(plan2) {
  const names = Object.keys(plan2.trials[0]?.params ?? {});
  const rows = plan2.trials.map((t) => [String(t.trial), ...names.map((n) => JSON.stringify(t.params[n]))]);
  const header = ["trial", ...names];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  const of = plan2.combinations !== void 0 && plan2.combinations > plan2.trials.length ? ` (the first of ${plan2.combinations} combinations)` : "";
  return [
    `sweep ${plan2.id}: ${plan2.method}, ${plan2.trials.length} trials${of}, ${plan2.metric} (${plan2.goal})${plan2.method === "random" ? `, seed ${plan2.seed}` : ""}`,
    line(header),
    ...rows.map(line),
    ""
  ].join("\n");
}
export {
  sweepCommand
};
