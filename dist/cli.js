#!/usr/bin/env node
import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  runCli
} from "./cli-chunk-2BYIR6SK.js";
import "./cli-chunk-PORKV722.js";
import "./cli-chunk-2PNEBECJ.js";
import "./cli-chunk-3D3HMA2K.js";

// src/cli/main.ts
var code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  now: () => /* @__PURE__ */ new Date()
});
process.exitCode = code;
