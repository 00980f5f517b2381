#!/usr/bin/env node
import { runCli } from './run.ts';

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  now: () => new Date(),
});
process.exitCode = code;
