import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  parseProjectConfig
} from "./cli-chunk-J4AO7KLF.js";
import "./cli-chunk-ZCFO6R3N.js";
import {
  VERSION
} from "./cli-chunk-NH24N57C.js";
import {
  registryLocationOptions
} from "./cli-chunk-TD7EJ6WJ.js";
import {
  delimiterOption
} from "./cli-chunk-4VEL2SRJ.js";
import {
  openRunLocation,
  trainAndRecord
} from "./cli-chunk-UPNMAWZZ.js";
import "./cli-chunk-2MBF7UTT.js";
import "./cli-chunk-MTDV4XRP.js";
import {
  execProgram,
  parseDataUriFlags
} from "./cli-chunk-7HLGH3GS.js";
import {
  TRAIN_CONFIG_SCHEMA_VERSION
} from "./cli-chunk-66UXXLKX.js";
import "./cli-chunk-BWLW4W5B.js";
import "./cli-chunk-GO65PKX3.js";
import "./cli-chunk-BXEWGB6B.js";
import "./cli-chunk-WKPB2DLF.js";
import "./cli-chunk-S6V5JK25.js";
import "./cli-chunk-X2GB25J3.js";
import "./cli-chunk-432HCV4T.js";
import {
  expandDataPaths
} from "./cli-chunk-6HQVLVXU.js";
import "./cli-chunk-5E2F2P2C.js";
import {
  readText
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

// src/cli/commands/train.ts
import { existsSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
var BUILTIN = "Built-in trainer (TensorFlow.js; logistic/linear regression or an MLP)";
var COMMAND = "Command trainer (any framework)";
var RUNS = "The run record (every run, failed ones too; see mlops runs --help)";
var trainCommand = defineCommand({
  name: "train",
  summary: "train a model and record its lineage (data fingerprint, profile, git SHA, runner, hardware).",
  usage: [
    "mlops train --data FILE... --target COLUMN --task classification|regression [--config train.yml] [--out DIR]",
    'mlops train --command "CMD" --outputs model.onnx[,metrics.json] [--data FILE...] [--out DIR]'
  ],
  options: {
    data: {
      type: "list",
      value: "FILE",
      description: "training data: CSV/TSV, JSONL or Parquet; globs and repeated flags read several files (optional with --command: for the fingerprint and profile in the lineage)"
    },
    out: {
      type: "string",
      short: "o",
      value: "DIR",
      description: "where model.onnx, metrics.json and lineage.json go (default: model); with --command, where lineage.json and copies of the outputs go (default: the model's folder)"
    },
    seed: { type: "integer", description: "override training.seed (split, initial weights, batch order); with --command, record the seed the command used" },
    trial: {
      type: "integer",
      value: "K",
      range: { min: 0 },
      expected: "a trial number, 0 or more",
      description: "train trial K of the config's sweep: (see mlops sweep plan): its parameter values replace the config's; the run records the sweep id and K",
      group: BUILTIN
    },
    name: {
      type: "string",
      value: "NAME",
      description: "the model the run trains (default: model.name of ./mlops.yml, else the working directory's name)",
      group: RUNS
    },
    "runs-dir": { type: "string", value: "DIR", env: "MLOPS_RUNS_DIR", description: "write the run record under DIR/<yyyy-mm>/<id>.json", group: RUNS },
    remote: { ...registryLocationOptions.remote, description: "write the run record to runs/ on this registry remote instead", group: RUNS },
    branch: { ...registryLocationOptions.branch, group: RUNS },
    "artifact-name": { type: "string", value: "N", description: "the Actions artifact the model is uploaded as (recorded in the run)", group: RUNS },
    target: { type: "string", value: "COL", description: 'the column to predict (or "target:" in the config)', group: BUILTIN },
    task: { type: "choice", choices: ["classification", "regression"], description: '(or "task:" in the config; default classification)', group: BUILTIN },
    config: {
      type: "string",
      value: "FILE",
      description: `train.yml (schema_version: ${TRAIN_CONFIG_SCHEMA_VERSION}): model type and layers, epochs, batch size, learning rate, validation split, early stopping, seed, features to include/exclude, free-text columns (features.text: TF-IDF inside the model; detected when absent), backend (auto, tensorflow-gpu, tensorflow, wasm, cpu); every field has a default`,
      group: BUILTIN
    },
    delimiter: { ...delimiterOption.delimiter, group: BUILTIN },
    command: {
      type: "string",
      value: "CMD",
      description: "run CMD with sh -c, streaming its log; exit code, duration, peak memory and GPUs (nvidia-smi) are recorded",
      group: COMMAND
    },
    outputs: {
      type: "list",
      value: "LIST",
      description: "files CMD writes: exactly one .onnx model and optionally a metrics .json (a flat object of numbers); the model must load in onnxruntime",
      group: COMMAND
    },
    "data-uri": {
      type: "string",
      multiple: true,
      value: "PATH=URI",
      description: "where a training file can be fetched later: s3://, gs://, https:// (a GitHub release URL is recorded as a release asset) or artifact:NAME[@RUN_ID] (an Actions artifact); repeatable; overrides data.locations in mlops.yml. Userinfo and signature/token query parameters are never recorded. Without one, a file committed at HEAD (plain or a Git LFS pointer) is recorded as a git path at that commit, and any other file as local (only this machine has it)",
      group: "Where the data lives (both trainers; recorded per file in the lineage for mlops reproduce)"
    }
  },
  text: `The built-in trainer splits the data into training and validation rows with the seed;
preprocessing (mean/mode imputation, standardisation, one-hot) is fitted on the training rows and
exported inside the ONNX graph, which is checked against the tfjs model on the validation rows
before it is written. Backend: the best installed of tfjs-node-gpu, tfjs-node, wasm, cpu;
MLOPS_TF_BACKEND forces one. A failing --command exits 1 with its exit code in the message and
writes no lineage.

Exit codes: 0 trained, 1 the training command failed or its outputs are invalid, 2 bad usage or input.`,
  examples: [
    "mlops train --data data/train.csv --target churned --task classification --config train.yml --out model",
    "MLOPS_TF_BACKEND=cpu mlops train --data 'data/*.parquet' --target price --task regression",
    'mlops train --command "python train.py" --outputs model.onnx,metrics.json --data data/train.csv'
  ],
  async run(values, io) {
    const log = (line) => io.stderr.write(line + "\n");
    if (values.command !== void 0) {
      for (const flag of ["target", "task", "config"]) {
        if (values[flag] !== void 0) throw new MlopsError(`--${flag} is for the built-in trainer, not --command (see mlops train --help)`);
      }
      if (values.outputs.length === 0) throw new MlopsError("--outputs is required with --command, e.g. --outputs model.onnx,metrics.json");
    } else if (values.outputs.length > 0) throw new MlopsError("--outputs goes with --command (see mlops train --help)");
    const dataFiles = values.data.length > 0 ? await expandDataPaths(values.data, io.cwd) : [];
    const project = await projectConfig(io.cwd);
    const dataUris = { ...project?.data.locations, ...parseDataUriFlags(values["data-uri"]) };
    const location = await openRunLocation({ cwd: io.cwd, env: io.env, runsDir: values["runs-dir"], remote: values.remote, branch: values.branch });
    let outcome;
    try {
      const model = values.name ?? project?.model.name ?? basename(io.cwd);
      const artifactName = values["artifact-name"];
      ({ outcome } = await trainAndRecord(
        {
          ...values,
          dataFiles,
          dataUris,
          cwd: io.cwd,
          env: io.env,
          now: io.now,
          exec: execProgram,
          stdout: io.stdout,
          stderr: io.stderr,
          log,
          producerVersion: VERSION
        },
        location,
        {
          model,
          artifact: (done) => artifactName ? { kind: "actions-artifact", name: artifactName } : { kind: "local", path: relative(io.cwd, dirname(done.modelFile)) || "." },
          log,
          warn: (line) => log(`warning: ${line}`)
        }
      ));
    } finally {
      await location.close();
    }
    if (outcome.failed) {
      log(`mlops train: the training command failed with exit code ${outcome.exitCode}; no lineage written`);
      return 1;
    }
    if (outcome.trainer === "command") {
      log(`wrote ${outcome.lineageFile} (model ${outcome.modelFile})`);
      return 0;
    }
    log(`wrote ${outcome.modelFile}, ${outcome.metricsFile}, ${outcome.lineageFile}`);
    io.stdout.write(JSON.stringify(outcome.metrics) + "\n");
    return 0;
  }
});
async function projectConfig(cwd) {
  const file = resolve(cwd, "mlops.yml");
  if (!existsSync(file)) return void 0;
  return parseProjectConfig(await readText(file), "mlops.yml");
}
export {
  trainCommand
};
