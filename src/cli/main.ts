#!/usr/bin/env node
import module from 'node:module';

// V8 keeps the compiled code of the CLI's chunks between runs, and a job runs mlops several
// times. Node 22.1 and newer have it; on older ones, or where the temporary folder cannot be
// written, every run compiles as before. Enabled before the dispatcher is imported, so its
// chunks are compiled through the cache too.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { runCli } = await import('./run.ts');

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  now: () => new Date(),
});
process.exitCode = code;
