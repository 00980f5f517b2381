import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  RUNTIME_NEEDS,
  ensureRuntimePackages,
  missingPackages,
  runtimePlan,
  runtimeWanted
} from "./cli-chunk-PORKV722.js";
import {
  parseCommandArgs,
  requireOption
} from "./cli-chunk-2W5WQEMI.js";
import {
  MlopsError
} from "./cli-chunk-2PNEBECJ.js";
import "./cli-chunk-3D3HMA2K.js";

// src/cli/commands/runtime.ts
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
var help = `mlops runtime: install the native packages a verb needs next to this mlops.

Usage:
  mlops runtime install --for VERB [--gpu] [--verify]
  mlops runtime key --for VERB [--gpu]

The bundled CLI and actions carry every pure-JavaScript dependency; onnxruntime-node and
TensorFlow.js ship platform binaries or .wasm files and are installed (pinned versions, with
npm) on first use: ${Object.entries(RUNTIME_NEEDS).map(([verb, names]) => `${verb} needs ${names.join(", ")}`).join("; ")}.
Already-installed packages are left alone, and installs add up: what an earlier
\`--for\` installed stays installed (\`--for train\` after \`--for evaluate\` keeps
onnxruntime-node). A verb that needs a package that is not there stops before any work and
prints the command to run.

Options:
  --for VERB        the verb to prepare for (${Object.keys(RUNTIME_NEEDS).join(", ")}; others need nothing)
  --gpu             also install @tensorflow/tfjs-node-gpu for training and let onnxruntime-node
                    fetch its CUDA provider (default: MLOPS_GPU=1)
  --verify          load the packages even when they are in place (a tree restored from a cache)
                    and reinstall them when one fails to load

\`mlops runtime key\` prints, as GITHUB_OUTPUT lines, what a cache step needs: \`key\` (the
pinned versions of everything the install would hold, platform, Node ABI and GPU flag),
\`path\` (the node_modules folder) and \`needed\` (true when a package is missing). The root
action restores that path with actions/cache before \`install --verify\` and saves it after.

Environment:
  MLOPS_RUNTIME_INSTALL_TIMEOUT   seconds before npm is stopped (default 600); a runner
                                  without network fails with the npm command to run by hand
  MLOPS_GPU=1                     same as --gpu

Examples:
  mlops runtime install --for train
  MLOPS_GPU=1 mlops runtime install --for train
`;
var runtimeCommand = {
  name: "runtime",
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs("runtime", argv, { for: { type: "string" }, gpu: { type: "boolean" }, verify: { type: "boolean" } }, true);
    const action = positionals[0];
    if (action !== "install" && action !== "key") throw new MlopsError('expected "mlops runtime install --for VERB" or "mlops runtime key --for VERB" (see mlops runtime --help)');
    const verb = requireOption("runtime", values.for, "--for");
    const names = RUNTIME_NEEDS[verb] ?? [];
    const here = dirname(fileURLToPath(import.meta.url));
    const gpu = Boolean(values.gpu) || io.env.MLOPS_GPU === "1";
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
      verify: Boolean(values.verify),
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
};
export {
  runtimeCommand
};
