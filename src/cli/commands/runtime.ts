import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '../command.ts';
import { parseCommandArgs, requireOption } from '../args.ts';
import { ensureRuntimePackages, RUNTIME_NEEDS } from '../../util/runtime-packages.ts';
import { MlopsError } from '../../util/errors.ts';

const help = `mlops runtime: install the native packages a verb needs next to this mlops.

Usage:
  mlops runtime install --for VERB [--gpu]

The bundled CLI and actions carry every pure-JavaScript dependency; onnxruntime-node and
TensorFlow.js ship platform binaries or .wasm files and are installed (pinned versions, with
npm) on first use: ${Object.entries(RUNTIME_NEEDS)
  .map(([verb, names]) => `${verb} needs ${names.join(', ')}`)
  .join('; ')}.
Already-installed packages are left alone. --gpu (or MLOPS_GPU=1) adds @tensorflow/tfjs-node-gpu
for training and lets onnxruntime-node fetch its CUDA provider.

Examples:
  mlops runtime install --for train
  MLOPS_GPU=1 mlops runtime install --for train
`;

export const runtimeCommand: Command = {
  name: 'runtime',
  summary: 'install the native runtime packages (onnxruntime, TensorFlow.js) a verb needs',
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('runtime', argv, { for: { type: 'string' }, gpu: { type: 'boolean' } }, true);
    if (positionals[0] !== 'install') throw new MlopsError('expected "mlops runtime install --for VERB" (see mlops runtime --help)');
    const verb = requireOption('runtime', values.for, '--for');
    const names = RUNTIME_NEEDS[verb] ?? [];
    const here = dirname(fileURLToPath(import.meta.url));
    const installed = await ensureRuntimePackages(names, here, here, {
      gpu: Boolean(values.gpu) || io.env.MLOPS_GPU === '1',
      env: io.env,
      log: (line) => io.stderr.write(line + '\n'),
    });
    io.stderr.write(names.length === 0 ? `${verb} needs no runtime packages\n` : installed.length ? `installed ${installed.join(', ')}\n` : `${names.join(', ')} already installed\n`);
    return 0;
  },
};
