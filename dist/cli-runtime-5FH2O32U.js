import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  RUNTIME_NEEDS,
  ensureRuntimePackages,
  missingPackages,
  runtimePlan,
  runtimeWanted
} from "./cli-chunk-55HLTEBP.js";
import {
  defineCommand
} from "./cli-chunk-BC6VW377.js";
import {
  MlopsError
} from "./cli-chunk-CRJPICDA.js";
import "./cli-chunk-3D3HMA2K.js";

// src/cli/commands/runtime.ts
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
var runtimeCommand = defineCommand({
  name: "runtime",
  summary: "install the native packages a verb needs next to this mlops.",
  usage: ["mlops runtime install --for VERB [--gpu] [--verify]", "mlops runtime key --for VERB [--gpu]"],
  positionals: [{ name: "install|key", description: "install the packages, or print the cache key of what install would hold" }],
  options: {
    for: {
      type: "string",
      value: "VERB",
      required: true,
      description: `the verb to prepare for (${Object.keys(RUNTIME_NEEDS).join(", ")}; others need nothing)`
    },
    gpu: {
      type: "boolean",
      env: "MLOPS_GPU",
      description: "also install @tensorflow/tfjs-node-gpu for training and let onnxruntime-node fetch its CUDA provider"
    },
    verify: {
      type: "boolean",
      description: "load the packages even when they are in place (a tree restored from a cache) and reinstall them when one fails to load"
    }
  },
  text: `The bundled CLI and actions carry every pure-JavaScript dependency; onnxruntime-node and
TensorFlow.js ship platform binaries or .wasm files and are installed (pinned versions, with
npm) on first use: ${Object.entries(RUNTIME_NEEDS).map(([verb, names]) => `${verb} needs ${names.join(", ")}`).join("; ")}.
Already-installed packages are left alone, and installs add up: what an earlier
\`--for\` installed stays installed (\`--for train\` after \`--for evaluate\` keeps
onnxruntime-node). A verb that needs a package that is not there stops before any work and
prints the command to run.

\`mlops runtime key\` prints, as GITHUB_OUTPUT lines, what a cache step needs: \`key\` (the
pinned versions of everything the install would hold, platform, Node ABI and GPU flag),
\`path\` (the node_modules folder) and \`needed\` (true when a package is missing). The root
action restores that path with actions/cache before \`install --verify\` and saves it after.

Environment:
  MLOPS_RUNTIME_INSTALL_TIMEOUT   seconds before npm is stopped (default 600); a runner
                                  without network fails with the npm command to run by hand
  MLOPS_GPU=1                     same as --gpu`,
  examples: ["mlops runtime install --for train", "MLOPS_GPU=1 mlops runtime install --for train"],
  async run(values, io, positionals) {
    const action = positionals[0];
    if (action !== "install" && action !== "key")
      throw new MlopsError('expected "mlops runtime install --for VERB" or "mlops runtime key --for VERB" (see mlops runtime --help)');
    const verb = values.for;
    const names = RUNTIME_NEEDS[verb] ?? [];
    const here = dirname(fileURLToPath(import.meta.url));
    const gpu = values.gpu;
    if (action === "key") {
      const plan = runtimePlan(names, here, gpu);
      const needed = missingPackages(runtimeWanted(names, gpu), here).length > 0;
      io.stdout.write(`key=${plan.key}
path=${plan.path}
needed=${needed}
`);
      return 0;
    }
    const result = await ensureRuntimePackages(names, here, here, {
      gpu,
      verb,
      verify: values.verify,
      env: io.env,
      log: (line) => io.stderr.write(line + "\n")
    });
    io.stderr.write(
      names.length === 0 ? `${verb} needs no runtime packages
` : result.from === "present" ? `${names.join(", ")} already installed
` : `installed ${result.installed.join(", ")}${result.from === "cache" ? " from the cache" : ""}
`
    );
    return 0;
  }
});
export {
  runtimeCommand
};
