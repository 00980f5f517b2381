import { spawn } from 'node:child_process';
import { MlopsError } from '../util/errors.ts';

/** Runs git with args; resolves its stdout, rejects on a non-zero exit (src/registry/git.ts `git`). */
export type Git = (args: string[], options?: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv }) => Promise<Buffer>;

/** Runs a program from an argv array (no shell); resolves its exit code. */
export type RunArgv = (argv: string[], options: { cwd: string; env: NodeJS.ProcessEnv; log: (chunk: string) => void }) => Promise<number>;

export const runArgv: RunArgv = (argv, options) =>
  new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => options.log(d.toString()));
    child.stderr.on('data', (d: Buffer) => options.log(d.toString()));
    child.on('error', (err) => reject(new MlopsError(`cannot run ${argv[0]}: ${err.message}`)));
    child.on('close', (code) => resolve(code ?? 1));
  });

/**
 * Splits a command line into words the way a POSIX shell does for plain words, single and
 * double quotes and backslashes, without expanding anything: `--fetch-command` runs as an
 * argv array, so a URI holding `;` or `$(…)` is never interpreted.
 */
export function splitCommand(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new MlopsError(`--fetch-command has an unclosed ${quote} quote`);
  if (inWord) words.push(word);
  return words;
}

/** The fetch command's argv for one file: {uri} and {dest} replaced inside each word. */
export function fetchArgv(template: string[], uri: string, dest: string): string[] {
  return template.map((w) => w.replaceAll('{uri}', uri).replaceAll('{dest}', dest));
}
