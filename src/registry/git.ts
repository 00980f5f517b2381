import { spawn } from 'node:child_process';

export interface GitRunOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  /**
   * Config settings for this run, e.g. an auth header copied from the user's checkout. They go
   * to git through GIT_CONFIG_COUNT/KEY/VALUE in its environment, never as `-c` arguments:
   * any local user can read a process's argv (`ps`), not its environment.
   */
  config?: GitConfig[];
}

export interface GitConfig {
  key: string;
  value: string;
}

/**
 * The environment that hands `config` to git, appended after any GIT_CONFIG_* entries the
 * caller's environment already carries so those stay in force.
 */
export function gitConfigEnv(base: NodeJS.ProcessEnv, config: GitConfig[]): NodeJS.ProcessEnv {
  if (config.length === 0) return {};
  const first = Number(base.GIT_CONFIG_COUNT ?? 0);
  const start = Number.isSafeInteger(first) && first > 0 ? first : 0;
  const env: NodeJS.ProcessEnv = { GIT_CONFIG_COUNT: String(start + config.length) };
  config.forEach((c, i) => {
    env[`GIT_CONFIG_KEY_${start + i}`] = c.key;
    env[`GIT_CONFIG_VALUE_${start + i}`] = c.value;
  });
  return env;
}

export class GitCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly code: number | null,
    readonly stderr: string,
    readonly stdout: string,
  ) {
    super(`git ${args.join(' ')} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
    this.name = 'GitCommandError';
  }
}

/** Runs git and returns its stdout; a non-zero exit throws GitCommandError with the stderr. */
export function git(args: string[], options: GitRunOptions = {}): Promise<Buffer> {
  const base = { ...process.env, ...options.env };
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: { ...base, ...gitConfigEnv(base, options.config ?? []), GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitCommandError(args, code, Buffer.concat(err).toString(), Buffer.concat(out).toString()));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

export async function gitText(args: string[], options: GitRunOptions = {}): Promise<string> {
  return (await git(args, options)).toString().trim();
}
