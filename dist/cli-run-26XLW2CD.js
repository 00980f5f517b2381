import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  missingRuntimeMessage
} from "./cli-chunk-55HLTEBP.js";
import {
  VERSION
} from "./cli-chunk-NH24N57C.js";
import {
  MlopsError,
  boundedMessage,
  errorMessage,
  messageFor
} from "./cli-chunk-CRJPICDA.js";
import "./cli-chunk-3D3HMA2K.js";

// src/cli/run.ts
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

// src/cli/commands/index.ts
var commands = [
  {
    name: "profile",
    summary: "profile a dataset (schema, statistics, sketches); merge shard profiles",
    load: async () => (await import("./cli-profile-KZSH5JXV.js")).profileCommand
  },
  {
    name: "validate",
    summary: "validate data against a rules file (or infer rules from a profile)",
    load: async () => (await import("./cli-validate-JWGCIHM4.js")).validateCommand
  },
  {
    name: "train",
    summary: "train a model (built-in tfjs trainer or any command) to ONNX with a lineage record",
    load: async () => (await import("./cli-train-7MTLSGRR.js")).trainCommand
  },
  {
    name: "runs",
    summary: "list, filter, sort, show and diff the recorded training runs; the best run by a metric",
    load: async () => (await import("./cli-runs-ISRP5EZV.js")).runsCommand
  },
  {
    name: "sweep",
    summary: "plan a hyperparameter sweep as an Actions matrix; collect its leaderboard",
    load: async () => (await import("./cli-sweep-CZ7BXQ56.js")).sweepCommand
  },
  {
    name: "evaluate",
    summary: "compare a candidate model with the champion and apply the evaluation gate",
    load: async () => (await import("./cli-evaluate-QYNRCABS.js")).evaluateCommand
  },
  {
    name: "report",
    summary: "post a report as a sticky pull-request comment (and job summary)",
    load: async () => (await import("./cli-report-GMDATM6U.js")).reportCommand
  },
  {
    name: "registry",
    summary: "register, promote, roll back and fetch model versions on a git branch",
    load: async () => (await import("./cli-registry-JUEEEP6J.js")).registryCommand
  },
  {
    name: "reproduce",
    summary: "re-run the training a registered version records and check weights and metrics match",
    load: async () => (await import("./cli-reproduce-FQTUEFTT.js")).reproduceCommand
  },
  {
    name: "site",
    summary: "write a static site of the registry and the runs (GitHub Pages; works from file://)",
    load: async () => (await import("./cli-site-SK6BFWAA.js")).siteCommand
  },
  {
    name: "drift",
    summary: "compare current data with a reference profile; exit 1 on dataset drift",
    load: async () => (await import("./cli-drift-4BS24Q4D.js")).driftCommand
  },
  {
    name: "predict",
    summary: "score data with a model in batches; rejected rows go to a rejects file (exit 1)",
    load: async () => (await import("./cli-predict-EU6AFQBV.js")).predictCommand
  },
  {
    name: "serve",
    summary: "serve a model over HTTP (predict, health, ready, metadata, metrics)",
    load: async () => (await import("./cli-serve-QVWXO2VU.js")).serveCommand
  },
  {
    name: "compare-logs",
    summary: "compare shadow or canary models from prediction logs (agreement, metrics, McNemar)",
    load: async () => (await import("./cli-compare-logs-FVNDRXP2.js")).compareLogsCommand
  },
  {
    name: "build-context",
    summary: "write a Docker build context (Dockerfile, bundled server, model, lineage labels)",
    load: async () => (await import("./cli-build-context-UV6UST3V.js")).buildContextCommand
  },
  { name: "config", summary: "check mlops.yml and print its values (for workflows)", load: async () => (await import("./cli-config-EZRN2AF7.js")).configCommand },
  {
    name: "init",
    summary: "scaffold workflows and configs fitted to your data (or the churn example) into a project repo",
    load: async () => (await import("./cli-init-F77EL2TO.js")).initCommand
  },
  {
    name: "runtime",
    summary: "install the native runtime packages (onnxruntime, TensorFlow.js) a verb needs",
    load: async () => (await import("./cli-runtime-5FH2O32U.js")).runtimeCommand
  }
];

// src/cli/flag-names.ts
var cliFlag = (setting) => `--${setting}`;

// src/cli/run.ts
function mainHelp() {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "mlops: the machine-learning loop (validate, profile, train, evaluate, register, serve, drift) on a laptop or in GitHub Actions.",
    "",
    "Usage: mlops <command> [options]",
    "       mlops help <command>    mlops --version (-v)",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `mlops <command> --help` (or `mlops help <command>`) for a command's options and examples.",
    "Exit codes: 0 ok, 1 the check ran and failed (validation, gate, drift), 2 bad usage or input."
  ].join("\n");
}
async function runCli(argv, io) {
  const [first, ...afterFirst] = argv;
  if (first === void 0 || first === "--help" || first === "-h" || first === "help" && afterFirst.length === 0) {
    io.stdout.write(mainHelp() + "\n");
    return first === void 0 ? 2 : 0;
  }
  if (first === "--version" || first === "-v" || first === "-V") {
    io.stdout.write(VERSION + "\n");
    return 0;
  }
  const [name, ...rest] = first === "help" ? [...afterFirst, "--help"] : argv;
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`mlops: unknown command "${name}"

${mainHelp()}
`);
    return 2;
  }
  try {
    const command = await entry.load();
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout.write((command.helpFor?.(rest) ?? command.help).trimEnd() + "\n");
      return 0;
    }
    const missing = missingRuntimeMessage(name, dirname(fileURLToPath(import.meta.url)), io.env);
    if (missing) throw new MlopsError(missing);
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof MlopsError) {
      io.stderr.write(`mlops ${name}: error: ${boundedMessage(messageFor(err, cliFlag))}
`);
      return err.exitCode;
    }
    if (io.env.MLOPS_DEBUG) io.stderr.write(`${err?.stack ?? err}
`);
    io.stderr.write(`mlops ${name}: internal error: ${boundedMessage(errorMessage(err))} (set MLOPS_DEBUG=1 for a stack trace)
`);
    return 2;
  }
}
export {
  mainHelp,
  runCli
};
