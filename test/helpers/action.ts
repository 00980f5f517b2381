import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../helpers.ts';

export interface ActionRunOptions {
  /** Variables over the step's environment (GITHUB_WORKSPACE, GITHUB_REPOSITORY, a RUNNER_TEMP of its own...). */
  env?: NodeJS.ProcessEnv;
  /** The checkout the step runs in; the repository root by default. */
  cwd?: string;
  /** Run the committed bundle dist/actions/NAME.js, as the runner does, instead of actions/NAME/main.ts through tsx. */
  bundle?: boolean;
  /** Start from this process's environment (HOME, git's settings) instead of PATH alone. */
  inheritEnv?: boolean;
}

export interface ActionRun {
  /** The exit status; -1 when a signal ended the step. */
  code: number;
  stdout: string;
  stderr: string;
  /** What the step wrote to GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** What the step wrote to GITHUB_STEP_SUMMARY. */
  summary: string;
  /** The step's own temporary folder (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP). */
  dir: string;
}

/**
 * Runs an action the way the runner does: inputs as INPUT_* variables, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY as files, in `cwd`. Asynchronous, so a local GitHub API server in the test
 * process keeps answering while the action calls it. Paths (tsx too) are absolute, so the action
 * can run in another checkout.
 */
export async function runAction(name: string, inputs: Record<string, string>, options: ActionRunOptions = {}): Promise<ActionRun> {
  const dir = tempDir('mlops-action-');
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  // @actions/core reads input `a b` from INPUT_A_B.
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
  const base = options.inheritEnv ? { ...process.env, NODE_OPTIONS: '' } : { PATH: process.env.PATH };
  const env = { ...base, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: dir, ...inputEnv, ...options.env };
  const args = options.bundle ? [resolve(`dist/actions/${name}.js`)] : ['--import', import.meta.resolve('tsx'), resolve(`actions/${name}/main.ts`)];
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', fail);
    child.on('close', (status) => done({ code: status ?? -1, stdout: out, stderr: err }));
  });
  return { code, stdout, stderr, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8'), dir };
}

/** Parses GITHUB_OUTPUT: the heredoc blocks `name<<DELIM\nvalue\nDELIM` @actions/core writes, and plain `name=value` lines. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]);
      out[heredoc[1]] = value.join('\n');
      continue;
    }
    const plain = /^([^=]+)=(.*)$/.exec(lines[i]);
    if (plain) out[plain[1]] = plain[2];
  }
  return out;
}
