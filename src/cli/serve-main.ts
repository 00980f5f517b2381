#!/usr/bin/env node
// The container's entry point: `mlops serve` alone, bundled into server.mjs by `mlops build-context`
// so the image carries one file plus onnxruntime-node instead of the whole CLI.
import { createServeCommand } from './serve-args.ts';
import { MlopsError, errorMessage, messageFor } from '../util/errors.ts';
import { cliFlag } from './flag-names.ts';

const argv = process.argv.slice(2);
const serve = createServeCommand(process);
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(serve.help);
} else {
  try {
    process.exitCode = await serve.run(argv, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, now: () => new Date() });
  } catch (err) {
    process.stderr.write(`mlops serve: ${err instanceof MlopsError ? `error: ${messageFor(err, cliFlag)}` : `internal error: ${errorMessage(err)}`}\n`);
    process.exitCode = err instanceof MlopsError ? err.exitCode : 2;
  }
}
