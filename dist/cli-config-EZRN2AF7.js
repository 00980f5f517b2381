import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  flattenConfig,
  parseProjectConfig
} from "./cli-chunk-J4AO7KLF.js";
import "./cli-chunk-ZCFO6R3N.js";
import "./cli-chunk-BXEWGB6B.js";
import "./cli-chunk-WKPB2DLF.js";
import "./cli-chunk-432HCV4T.js";
import "./cli-chunk-6HQVLVXU.js";
import {
  readText
} from "./cli-chunk-E2MBSDJC.js";
import {
  defineCommand
} from "./cli-chunk-BC6VW377.js";
import {
  MlopsError
} from "./cli-chunk-CRJPICDA.js";
import "./cli-chunk-3D3HMA2K.js";

// src/cli/commands/config.ts
import { appendFile } from "node:fs/promises";
import { resolve } from "node:path";
var configCommand = defineCommand({
  name: "config",
  summary: "check the project config (mlops.yml) and print its values for workflows.",
  usage: ["mlops config [--config mlops.yml] [--format json|env] [--github-output]"],
  options: {
    config: { type: "string", value: "FILE", description: "the project config", default: "mlops.yml" },
    format: {
      type: "choice",
      choices: ["json", "env"],
      default: "json",
      description: "json prints the checked config; env prints KEY=value lines (model_name=churn, data_train=data/train.csv, drift_share_threshold=0.5, ...)"
    },
    "github-output": { type: "boolean", description: "also append KEY=value lines to $GITHUB_OUTPUT (what the reusable workflows use)" }
  },
  examples: ["mlops config                      # validate mlops.yml, print it with defaults filled in", "mlops config --format env"],
  async run(values, io) {
    const config = parseProjectConfig(await readText(resolve(io.cwd, values.config)), values.config);
    const flat = flattenConfig(config);
    const lines = Object.entries(flat).map(([k, v]) => `${k}=${v}`).join("\n") + "\n";
    io.stdout.write(values.format === "json" ? JSON.stringify(config, null, 2) + "\n" : lines);
    if (values["github-output"]) {
      const target = io.env.GITHUB_OUTPUT;
      if (!target) throw new MlopsError("--github-output needs the GITHUB_OUTPUT environment variable (set by GitHub Actions)");
      await appendFile(target, lines);
    }
    return 0;
  }
});
export {
  configCommand
};
